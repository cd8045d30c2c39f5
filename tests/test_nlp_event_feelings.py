"""Feelings about acts: easing fears or concerns lifts no restriction (no CONCEDE), and an act that is
only feared ("fears of a wider war") is hypothetical, not something that happened. Sentences written
for these rules."""

from __future__ import annotations

import pytest

from dyad.eval.plover_gsr_cameo import run_docs
from tests.event_helpers import coded


@pytest.mark.parametrize("text", [
    "Seoul eased concerns over the missile tests on Monday.",
    "Ankara's assurances eased worries among Greek shipowners.",
])
def test_easing_a_feeling_is_no_concession(text):
    assert not any(c == "CONCEDE" for c, _, _ in coded(text))


@pytest.mark.parametrize("text, event", [
    ("Turkey eased restrictions on Syrian refugees crossing the border.", ("CONCEDE", {"TUR"}, {"SYR"})),
    ("Israel eased its blockade of Gaza on Sunday.", ("CONCEDE", {"ISR"}, {"PSE"})),
])
def test_easing_a_restriction_still_concedes(text, event):
    assert event in coded(text)


def test_a_feared_war_is_hypothetical():
    doc = run_docs(["The ceasefire eased fears of a wider war between India and Pakistan."])[0]
    assert doc._.events and all(e.modality == "hypothetical" for e in doc._.events if e.category == "ASSAULT")
