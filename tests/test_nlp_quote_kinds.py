"""What kind of speaker a quote has (dyad.nlp.quote_kinds): registry actors, people, groups and bodies,
documents and media, or things whose "findings" PolNeAR counts as attributions ("rising prices suggest
..."). Sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    from dyad.nlp.pipeline import build_pipeline

    return build_pipeline()


def kinds(nlp, text: str) -> list[tuple[str, str | None]]:
    doc = nlp.make_doc(text)
    doc._.doc_date = "2024-03-01"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return [(text[q.speaker_start:q.speaker_end] if q.speaker_start is not None else "", q.speaker_kind)
            for q in doc._.quotes]


@pytest.mark.parametrize("text, speaker, kind", [
    ("Vladimir Putin said Russia would respond to any attack.", "Vladimir Putin", "actor"),
    ("Jan Kowalski, a farmer near Lublin, said the harvest was poor.", "Jan Kowalski", "person"),
    ("A spokesman for the port said the ships would sail on Monday.", "A spokesman", "person"),
    ("Critics say the new law is far too broad.", "Critics", "group"),
    ("Most countries fear that the war will spread.", "Most countries", "group"),
    ("A leaked memo shows that the plan was approved in May.", "A leaked memo", "source"),
    ("Satellite footage suggests that the base was hit twice.", "Satellite footage", "source"),
    ("The rising prices suggest that the sanctions are working.", "The rising prices", "other"),
    ("The falling prices question the strength of the recovery.", "The falling prices", "other"),
])
def test_nlp_quote_kinds_of_speakers(nlp, text, speaker, kind):
    assert (speaker, kind) in kinds(nlp, text)


def test_nlp_quote_kinds_pronoun_takes_its_antecedent(nlp):
    text = "A new report found that prices rose by a third. It also says that wages fell."
    assert ("It", "source") in kinds(nlp, text)


def test_nlp_quote_kinds_none_without_speaker(nlp):
    found = kinds(nlp, "The drones were reportedly made in China.")
    assert all(kind is None for speaker, kind in found if not speaker)
