"""Acts ruled out by a noun ("has no plans to send", "no intention of withdrawing") and trips not
made ("will not travel to X for the summit") are negated; plans made are future. Sentences written
for these rules."""

from __future__ import annotations

import pytest

from dyad.eval.plover_gsr_cameo import countries, run_docs


def _events(text):
    return [(e.category, countries(e.source), countries(e.target), e.negated, e.modality)
            for e in run_docs([text])[0]._.events]


@pytest.mark.parametrize("text, category", [
    ("Germany has no plans to send Taurus missiles to Ukraine, the chancellor said.", "AID"),
    ("Ankara has no intention of withdrawing its soldiers from northern Iraq.", "RETREAT"),
    ("The Indian prime minister will not travel to Kazan for the BRICS summit next week.", "CONSULT"),
])
def test_ruled_out_acts_are_negated_never_positive(text, category):
    found = [e for e in _events(text) if e[0] == category]
    assert found and all(negated for *_, negated, _ in found)


def test_announced_plans_are_future():
    found = [e for e in _events("Qatar announced plans to send fuel to Lebanon.") if e[4] == "future"]
    assert found


@pytest.mark.parametrize("text, category", [
    ("Qatar played no role in supplying the militia with weapons, the foreign ministry said.", "AID"),
    ("The Kremlin dismissed reports that Russian warplanes had bombed a market in Idlib.", "ASSAULT"),
    ("Baku rejected an Amnesty International report that its troops had detained dozens of civilians.", "COERCE"),
])
def test_acts_disowned_or_reported_by_a_rejected_report_are_never_positive(text, category):
    assert not [e for e in _events(text) if e[0] == category and not e[3] and e[4] != "denied"]
