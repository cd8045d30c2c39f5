"""Accusations: what someone is accused of is alleged, not reported as done (the ACCUSE holds it);
"a charge X rejected" appended to an accusation is X rejecting it, towards the accuser, and does not
turn the accusation into a denied one; envoys summoned or sent home. Sentences written for these rules."""

from __future__ import annotations

import pytest

from tests.event_helpers import coded


@pytest.mark.parametrize("text, accuser, accused", [
    ("Mali accused Algeria of supplying weapons to separatist rebels in the north.", "MLI", "DZA"),
    ("Seoul blamed Pyongyang for launching balloons filled with rubbish across the border.", "KOR", "PRK"),
    ("Armenia accused Azerbaijan on Monday of shelling villages along the border, a charge Baku denied.", "ARM", "AZE"),
])
def test_the_accused_act_is_not_coded_as_done(text, accuser, accused):
    events = coded(text)
    assert ("ACCUSE", {accuser}, {accused}) in events
    assert all(c in ("ACCUSE", "REJECT") for c, _, _ in events)


def test_appended_denial_does_not_deny_the_accusation():
    from dyad.eval.plover_gsr_cameo import run_docs

    doc = run_docs(["Ethiopia accused Eritrea on Friday of massing troops near the border, a charge Asmara has denied."])[0]
    accuse = [e for e in doc._.events if e.category == "ACCUSE"]
    assert accuse and not accuse[0].negated and accuse[0].modality != "denied"


def test_a_charge_rejected_is_rejected_towards_the_accuser():
    assert ("REJECT", {"VEN"}, {"GUY"}) in coded(
        "Guyana accused Venezuela of moving troops to the frontier, a claim Caracas rejected as absurd.")


def test_summoned_charge_d_affaires_is_a_complaint():
    assert ("ACCUSE", {"LTU"}, {"BLR"}) in coded("Lithuania summoned Belarus's charge d'affaires over the balloon incursions.")


@pytest.mark.parametrize("text, source, target", [
    ("Niger ordered the French ambassador to leave the country within 48 hours.", "NER", "FRA"),
    ("Bolivia gave the Spanish charge d'affaires 72 hours to leave.", "BOL", "ESP"),
    ("Prague declared a Russian diplomat persona non grata on Monday.", "CZE", "RUS"),
])
def test_sending_envoys_home_is_an_expulsion(text, source, target):
    assert ("SANCTION", {source}, {target}) in coded(text)


def test_the_means_of_an_accused_act_is_alleged_too():
    events = coded("Minsk blamed Vilnius for raising tensions by sending extra troops to the border.")
    assert ("ACCUSE", {"BLR"}, {"LTU"}) in events
    assert "MOBILIZE" not in [c for c, _, _ in events]
