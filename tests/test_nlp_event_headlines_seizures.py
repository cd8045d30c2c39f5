"""Headlines and wire leads whose only verb the small parser hangs on a noun: a crowd's own act
("Hundreds of students marched ..."), a passive with its "were" dropped ("Two Japanese nationals
detained in ..."), and expulsions with no one named but the state they are expelled from. Seized
ships and cargo belong to the state their cargo, flag or owner names; people protesting outside an
embassy are not thereby of the embassy's state; the pronoun of a participle after an expulsion
("..., calling them spies") is whom it expels. A protest's purpose demand ("rallied to demand ...") is
made by protesting; goods shipped to a state are aid whatever the route. Sentences written for these
rules."""

from __future__ import annotations

import pytest

from dyad.eval.plover_gsr_cameo import countries, run_docs
from tests.event_helpers import categories, coded, country_sides as _sides


@pytest.mark.parametrize("text, place, target", [
    ("Hundreds of students protested outside the Iranian consulate in Hamburg on Saturday.", "DEU", "IRN"),
    ("Dozens of Kurdish activists demonstrated in front of the Turkish embassy in Stockholm.", None, "TUR"),
])
def test_a_crowd_s_verb_read_as_a_participle_is_its_protest(text, place, target):
    sides = _sides(text, "PROTEST")
    assert sides and all(t == [(target, "GOV")] for _, t in sides)
    if place is not None:
        assert all({c for c, _ in s} == {place} for s, _ in sides)


@pytest.mark.parametrize("text, source, target", [
    ("Two Japanese nationals detained in Beijing on suspicion of espionage", "CHN", "JPN"),
    ("Scores of opposition supporters arrested in Minsk after the vote", "BLR", "BLR"),
])
def test_a_headline_participle_is_done_to_the_noun(text, source, target):
    events = coded(text)
    assert ("COERCE", {source}, {target}) in events


@pytest.mark.parametrize("text, source, target", [
    ("Four Iranian diplomats were expelled from Austria last week.", "AUT", "IRN"),
    ("Two Belarusian diplomats expelled from Lithuania", "LTU", "BLR"),
])
def test_diplomats_expelled_from_a_state_are_expelled_by_it(text, source, target):
    assert ("SANCTION", {source}, {target}) in coded(text)


def test_an_expulsion_with_no_state_named_is_no_event():
    assert "SANCTION" not in categories("The attaché was expelled on Monday.")


@pytest.mark.parametrize("text, source, target", [
    ("Ukrainian border guards seized a lorry loaded with Belarusian fertiliser.", "UKR", "BLR"),
    ("Indonesian authorities impounded a tanker flying the Iranian flag off Batam.", "IDN", "IRN"),
    ("The French navy boarded and seized a freighter carrying Syrian phosphate.", "FRA", "SYR"),
])
def test_a_seized_cargo_or_flag_names_whose_goods_are_seized(text, source, target):
    assert ("COERCE", {source}, {target}) in coded(text)


def test_protesters_outside_an_embassy_are_not_of_its_state():
    sides = _sides("Activists rallied outside the Saudi embassy on Thursday.", "PROTEST")
    assert sides and all("SAU" not in {c for c, _ in s} for s, _ in sides)


@pytest.mark.parametrize("text, target", [
    ("Estonia expelled a Russian consul, accusing him of interfering in domestic affairs.", "RUS"),
    ("Latvia expelled two Belarusian diplomats, branding them spies.", "BLR"),
])
def test_the_participle_s_pronoun_is_the_one_expelled(text, target):
    events = coded(text)
    assert any(c == "ACCUSE" and t == {target} for c, _, t in events)


def test_a_pronoun_that_does_not_agree_in_number_is_not_the_object():
    events = coded("Iran detained three Swedish citizens, accusing him of spying.")
    assert not any(c == "ACCUSE" and "SWE" in t for c, _, t in events)


@pytest.mark.parametrize("text, place", [
    ("Thousands of teachers rallied in Nairobi on Monday to demand the payment of salary arrears.", "KEN"),
    ("Several thousand people marched through Skopje on Sunday to demand the resignation of the interior minister.",
     "MKD"),
])
def test_a_protest_s_purpose_demand_is_made_by_the_protesters(text, place):
    requests = _sides(text, "REQUEST")
    assert requests and all({c for c, _ in s} == {place} for s, _ in requests)


def test_goods_shipped_to_a_state_by_a_route_at_sea_are_aid():
    events = coded("Belarus shipped dozens of armoured vehicles to Russia across Lake Peipus in March, a report said.")
    assert ("AID", {"BLR"}, {"RUS"}) in events and "MOBILIZE" not in [c for c, _, _ in events]


@pytest.mark.parametrize("text, source, target", [
    ("Lithuania declared a Russian military attaché persona non grata on Wednesday.", "LTU", "RUS"),
    ("Kenya declared Sudan's ambassador persona non grata after a row over the talks.", "KEN", "SDN"),
])
def test_declaring_a_diplomat_persona_non_grata_expels_him(text, source, target):
    doc = run_docs([text])[0]
    expulsions = [e for e in doc._.events or [] if e.category == "SANCTION"]
    assert expulsions and all(countries(e.source) == {source} and countries(e.target) == {target}
                              and e.modality == "asserted" for e in expulsions)


def test_a_diplomat_declared_persona_non_grata_by_no_one_named_is_no_event():
    assert "SANCTION" not in categories("An Iranian diplomat in Vienna was declared persona non grata on Monday.")


@pytest.mark.parametrize("text, target", [
    ("Rwanda ordered nine employees of the Belgian embassy to leave the country within a week.", "BEL"),
    ("Burundi ordered three senior African Union officials out of the country on Friday.", "IGO"),
])
def test_ordering_a_state_s_staff_out_is_an_expulsion(text, target):
    assert any(c == "SANCTION" and t == {target} for c, _, t in coded(text))


@pytest.mark.parametrize("text, category, source, target", [
    ("Belarusian riot police clubbed and arrested dozens of marchers in Minsk.", "ASSAULT", "BLR", "BLR"),
    ("An Iranian patrol boat rammed and disabled a Kuwaiti dhow near the maritime line.", "ASSAULT", "IRN", "KWT"),
])
def test_a_forcible_act_shares_the_object_of_the_verb_coordinated_after_it(text, category, source, target):
    assert (category, {source}, {target}) in coded(text)


def test_declaring_someone_persona_non_grata_is_no_quotation():
    doc = run_docs(["Georgia declared an Iranian consul persona non grata on Friday."])[0]
    assert not doc._.quotes
    assert all(e.attributed_to is None for e in doc._.events or [])
