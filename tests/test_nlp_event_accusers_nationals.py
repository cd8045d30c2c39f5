"""Two ways a side was left empty. A rejected charge told after the claim ("X said ..., an
accusation Washington rejected"; "withdrew, blaming Russia ..., a charge Moscow rejected") is
rejected to whoever made it. A person the registry does not know, described in apposition by
nationality ("X, the American basketball star"), is a national of that state. Sentences written for
these rules."""

from __future__ import annotations

import pytest

from tests.event_helpers import coded


@pytest.mark.parametrize("text, rejecter, accuser", [
    ("Manila said on Friday that Chinese coast guard ships had rammed a Philippine vessel near a "
     "Vietnamese-held reef, a claim Beijing rejected.", "CHN", "PHL"),
    ("Estonia expelled a Russian diplomat on Tuesday, blaming Moscow for a string of arson attacks, "
     "a charge the Kremlin rejected.", "RUS", "EST"),
])
def test_a_charge_told_after_the_claim_is_rejected_to_its_maker(text, rejecter, accuser):
    assert ("REJECT", {rejecter}, {accuser}) in coded(text)


def test_rejecting_a_possessors_charges_still_targets_the_possessor():
    assert ("REJECT", {"CHN"}, {"AUS"}) in coded("China rejected Canberra's espionage accusations on Monday, "
                                                 "a foreign ministry spokesman said.")


@pytest.mark.parametrize("text, source, target", [
    ("Myanmar's junta freed Sean Turnell, the Australian economist, after talks with Japan and Thailand.",
     "MMR", "AUS"),
    ("Russia freed Marc Fogel, an American schoolteacher, after talks mediated by Saudi Arabia.", "RUS", "USA"),
])
def test_a_person_described_by_nationality_is_that_states_national(text, source, target):
    assert ("RETREAT", {source}, {target}) in coded(text)
