"""Who says so (dyad.nlp.attribution), on sentences written for the test.

An event or tie inside reported words ("the ministry said that ...", "according to X") is
attributed to the speaker and coded ``reported``; one inside the object of an act or stance the
quote finder also collects ("attacked X", "refused to send Y", "expressed concern about Z") is
the writer's own account and stays asserted, attributed to nobody.
"""

from __future__ import annotations

import pytest

from dyad.eval.plover_gsr_cameo import run_docs

pytestmark = pytest.mark.slow


def _events(text: str) -> list[tuple[str, str | None, str]]:
    doc = run_docs([text])[0]
    return [(e.category, e.attributed_to, e.modality) for e in doc._.events or []]


@pytest.mark.parametrize("text", [
    "Ukrainian drones attacked an oil refinery in the Russian city of Saratov on Monday.",
    "Azerbaijani troops attacked Armenian border posts near Jermuk overnight.",
])
def test_an_attack_is_not_a_report_of_the_attacker(text):
    coded = _events(text)
    assert any(category == "ASSAULT" for category, _, _ in coded)
    assert all(who is None and modality == "asserted" for _, who, modality in coded)


@pytest.mark.parametrize(("text", "speaker"), [
    ("The Armenian defence ministry said that Azerbaijani troops attacked border posts near Jermuk.",
     "Armenia"),
    ("According to the Kenyan foreign ministry, Somali troops attacked a Kenyan police station.", "Kenya"),
])
def test_an_attack_someone_reports_is_theirs(text, speaker):
    coded = [(c, who, m) for c, who, m in _events(text) if c == "ASSAULT"]
    assert coded and all(who is not None and speaker.split()[0][:5] in who and m == "reported"
                         for _, who, m in coded), coded


def _statements(text: str):
    from dyad.models import Document
    from dyad.nlp.analyse import parse
    from dyad.nlp.pipeline import load_pipeline

    doc = parse(load_pipeline(), Document(id="t", text=text, source="test", published_at="2024-05-01"))
    return [(s.kind, s.negated, s.attributed_to, s.modality) for s in doc._.statements or []]


def test_a_refusal_to_supply_is_the_writers_account():
    found = _statements("Moscow refused to sell fighter jets to Tehran during the war.")
    assert ("supplier_of", True, None, "asserted") in found


def test_a_supply_someone_reports_is_theirs():
    found = _statements("Ukraine's intelligence service said that Belarus supplies artillery shells to Russia.")
    assert [(negated, modality) for kind, negated, who, modality in found if kind == "supplier_of"] == [
        (False, "reported")]
    assert all(who for kind, _, who, _ in found if kind == "supplier_of")
