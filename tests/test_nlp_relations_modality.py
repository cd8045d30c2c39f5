"""dyad_relations: modality and negation of relation statements, on sentences written for the test.

A tie that would, might or will hold is not a tie that holds; one that someone reports or
denies is theirs to answer for. The logic is the events' (dyad.nlp.modality), read from the
clause of the cue.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    from tests.test_nlp_coref import build

    return build("dyad_coref", "dyad_timex", "dyad_relations")


def statements(nlp, text: str):
    from tests.test_nlp_coref import run

    return [(s.kind, s.source.id, s.target.id if s.target else None, s.negated, s.modality)
            for s in run(nlp, text)._.statements]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sweden and Norway signed a defence treaty in 2019.", ("defence_pact", "SWE", "NOR", False, "asserted")),
        ("Sweden and Norway would sign a defence pact.", ("defence_pact", "SWE", "NOR", False, "hypothetical")),
        ("Sweden and Norway could sign a military alliance.", ("defence_pact", "SWE", "NOR", False, "hypothetical")),
        ("If Sweden and Norway signed a defence pact, Finland would protest.",
         ("defence_pact", "SWE", "NOR", False, "hypothetical")),
        ("Sweden and Norway will sign a defence treaty next year.", ("defence_pact", "SWE", "NOR", False, "future")),
        ("A defence pact between Sweden and Norway would be signed in May.",
         ("defence_pact", "SWE", "NOR", False, "hypothetical")),
        ("Turkey supplies artillery shells to Pakistan.", ("supplier_of", "TUR", "PAK", False, "asserted")),
        ("Turkey is reported to supply artillery shells to Pakistan.",
         ("supplier_of", "TUR", "PAK", False, "reported")),
        ("Turkey is believed to have sold rifles to Pakistan.", ("supplier_of", "TUR", "PAK", False, "reported")),
        ("India said Turkey had supplied artillery shells to Pakistan.",
         ("supplier_of", "TUR", "PAK", False, "reported")),
        ("Turkey has been supplying rifles to Pakistan, according to India.",
         ("supplier_of", "TUR", "PAK", False, "reported")),
        ("Turkey denied supplying artillery shells to Pakistan.", ("supplier_of", "TUR", "PAK", True, "denied")),
        ("Turkey denied that it had sold rifles to Pakistan.", ("supplier_of", "TUR", "PAK", True, "denied")),
        ("Turkey did not supply rifles to Pakistan.", ("supplier_of", "TUR", "PAK", True, "asserted")),
        ("Turkey may supply rifles to Pakistan.", ("supplier_of", "TUR", "PAK", False, "hypothetical")),
    ],
)
def test_relations_modality_of_statement(nlp, text, expected):
    assert expected in statements(nlp, text)


def test_relations_modality_passive_report_is_not_claimed_by_its_subject(nlp):
    from tests.test_nlp_coref import run

    doc = run(nlp, "Turkey is reported to supply artillery shells to Pakistan.")
    assert [s.attributed_to for s in doc._.statements] == [None]
    doc = run(nlp, "Turkey was accused by India of supplying rifles to Pakistan.")
    assert [(s.attributed_to, s.modality) for s in doc._.statements] == [("India", "reported")]


def test_relations_modality_default_is_asserted():
    from dyad.models import ActorRef, Statement

    statement = Statement(kind="ally_of", source=ActorRef(id="SWE", name="Sweden"), target=None, sentence=0,
                          start=0, end=1)
    assert statement.modality == "asserted"
