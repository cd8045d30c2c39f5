"""Domestic politics and borders: impeachment is an accusation (ACCUSE), reopening a border or
airspace eases access (RETREAT), and investigators are people who can detain someone. Sentences
written for these rules."""

from __future__ import annotations

import pytest

from tests.event_helpers import coded


@pytest.mark.parametrize("text, event", [
    ("Peru's Congress voted on Thursday to impeach President Pedro Castillo.", ("ACCUSE", {"PER"}, {"PER"})),
    ("Lawmakers in Seoul impeached Prime Minister Han Duck-soo in late December.", ("ACCUSE", {"KOR"}, {"KOR"})),
])
def test_impeachment_is_an_accusation(text, event):
    assert event in coded(text)


@pytest.mark.parametrize("text, event", [
    ("Qatar reopened its airspace to Bahraini airlines on Sunday.", ("RETREAT", {"QAT"}, {"BHR"})),
    ("Pakistan reopens land border and airspace to Afghanistan", ("RETREAT", {"PAK"}, {"AFG"})),
])
def test_reopening_a_border_or_airspace_eases_access(text, event):
    assert event in coded(text)


def test_investigators_are_people_who_act():
    events = coded("Anti-graft investigators detained a former defence minister in Hanoi on Friday.")
    assert any(c == "COERCE" and t == {"VNM"} for c, _, t in events)


@pytest.mark.parametrize("text, event", [
    ("A Minsk court sentenced the opposition leader to eleven years in prison on Tuesday.",
     ("SANCTION", {"BLR"}, {"BLR"})),
    ("Egypt's top criminal court sentenced two former ministers to death in absentia.", ("SANCTION", {"EGY"}, {"EGY"})),
])
def test_a_court_sentence_is_a_conviction(text, event):
    # PLOVER lists court convictions under SANCTION; the penalty follows the conviction
    events = coded(text)
    assert event in events and not any(c == "COERCE" for c, _, _ in events)


@pytest.mark.parametrize("text, event", [
    ("Kenya's Supreme Court overturned the electoral commission's decision on Thursday.", ("REJECT", {"KEN"}, {"KEN"})),
    ("Malawi's Constitutional Court annulled the presidential election result in February.",
     ("REJECT", {"MWI"}, {"MWI"})),
    ("Pakistan's Supreme Court struck down the amendment curbing its powers.", ("REJECT", {"PAK"}, {"PAK"})),
])
def test_what_a_court_voids_it_rules_against(text, event):
    events = coded(text)
    assert event in events and not any(c in ("CONCEDE", "ASSAULT") for c, _, _ in events)


def test_striking_down_a_drone_is_still_an_attack():
    assert any(c == "ASSAULT" for c, _, _ in coded("Turkish jets struck down a Syrian drone near the border."))


def test_a_government_revoking_its_own_ban_concedes():
    assert any(c == "CONCEDE" for c, _, _ in coded("Sri Lanka's government revoked its ban on opposition rallies."))


def test_a_past_verb_the_parser_hangs_on_its_object_is_still_the_act():
    # the small parser reads "pardoned" as a modifier of "activist"; with a subject it is the verb
    events = coded("Egyptian President Abdel Fattah al-Sisi pardoned jailed researcher Patrick Zaki on Wednesday.")
    assert any(c == "CONCEDE" and src == {"EGY"} for c, src, _ in events)


@pytest.mark.parametrize("text, source", [
    ("Modi will skip the Commonwealth summit in Samoa, officials said.", "IND"),
    ("Lula will miss the Mercosur summit in Montevideo, his office said.", "BRA"),
])
def test_skipping_a_summit_is_a_meeting_that_does_not_happen(text, source):
    events = coded(text)
    assert any(c == "CONSULT" and src == {source} for c, src, _ in events)
    from dyad.eval.plover_gsr_cameo import run_docs

    consult = next(e for e in run_docs([text])[0]._.events if e.category == "CONSULT")
    assert consult.negated


def test_an_amount_in_aid_is_the_aid_announced():
    events = coded("Canada announced another $300 million in military aid for Ukraine on Friday.")
    assert ("AID", {"CAN"}, {"UKR"}) in events
