"""An event noun "between A and B" names its sides; a cause or background adjunct is not the
clause subject's own act; closing a border and adding to forces are coded (sentences written
for these tests)."""

from __future__ import annotations

import pytest

from tests.event_helpers import coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text,cat,a,b", [
    ("Clashes between Ethiopia and Eritrea left dozens dead.", "ASSAULT", "ETH", "ERI"),
    ("Talks between Serbia and Kosovo resumed in Brussels on Tuesday.", "CONSULT", "SRB", "XKX"),
    ("A meeting between Macron and Scholz was held in Paris.", "CONSULT", "FRA", "DEU"),
])
def test_between_names_the_source_and_the_target(text, cat, a, b):
    events = [(s, t) for c, s, t in coded(text) if c == cat]
    assert events and events[0] == ({a}, {b})


@pytest.mark.parametrize("text,closer", [
    ("Greece shut its ports because of fighting between Libyan militias and the army.", "GRC"),
    ("Jordan sealed its border due to clashes between Syrian troops and rebels.", "JOR"),
    ("Kenya sent more police to the north amid attacks by al-Shabaab.", "KEN"),
])
def test_a_background_act_is_not_the_subjects(text, closer):
    assert not any(closer in s for c, s, _ in coded(text) if c == "ASSAULT")


@pytest.mark.parametrize("text,src,tgt", [
    ("Pakistan closed its border crossings with Afghanistan on Sunday.", "PAK", "AFG"),
    ("Algeria closed its land border with Morocco in 1994.", "DZA", "MAR"),
])
def test_closing_a_border_is_a_sanction_on_the_state_beyond(text, src, tgt):
    assert ("SANCTION", {src}, {tgt}) in coded(text)


@pytest.mark.parametrize("text,src", [
    ("Turkey has strengthened its forces along the Syrian frontier.", "TUR"),
    ("Russia bolstered its military forces near the Finnish border.", "RUS"),
])
def test_adding_to_forces_is_a_mobilisation(text, src):
    assert any(c == "MOBILIZE" and s == {src} for c, s, _ in coded(text))


@pytest.mark.parametrize("text,src,tgt", [
    ("Turkey has strengthened its forces in northern Iraq.", "TUR", "IRQ"),
    ("Russia stationed troops in Belarus last winter.", "RUS", "BLR"),
])
def test_a_move_of_forces_is_aimed_at_where_they_go(text, src, tgt):
    assert ("MOBILIZE", {src}, {tgt}) in coded(text)


@pytest.mark.parametrize("text,src,tgt", [
    ("Oman mediated between Iran and Britain over the detained tanker.", "OMN", {"IRN", "GBR"}),
    ("Turkey mediated between Russia and Ukraine in Istanbul.", "TUR", {"RUS", "UKR"}),
])
def test_a_subject_acting_between_two_parties_stays_the_source(text, src, tgt):
    assert any(c == "CONSULT" and s == {src} and tgt <= t for c, s, t in coded(text)), coded(text)
