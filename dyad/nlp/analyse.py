"""Run the pipeline over one document and turn the Doc into an ``Analysis`` record."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dyad.models import Analysis, Document, Mention, Sentence
from dyad.nlp.types import register_extensions, sentence_index


def parse(nlp: Language, document: Document) -> Doc:
    register_extensions()
    doc = nlp.make_doc(document.text)
    doc._.doc_id = document.id
    doc._.doc_date = (document.published_at or "")[:10] or None
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc


def to_analysis(doc: Doc, embeddings: tuple[bytes, ...] = ()) -> Analysis:
    sentences = tuple(Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.sents))
    mentions = tuple(
        Mention(sentence=sentence_index(doc, m.span.start), start=m.span.start_char, end=m.span.end_char,
                text=m.span.text, label=m.span.label_ or "NOUN_PHRASE", actor=m.actor, via=m.via)
        for m in (doc._.mentions or ()))
    return Analysis(sentences=sentences, mentions=mentions, events=tuple(doc._.events or ()),
                    quotes=tuple(doc._.quotes or ()), statements=tuple(doc._.statements or ()),
                    embeddings=embeddings)


def analyse_document(nlp: Language, document: Document, embedder=None) -> Analysis:
    doc = parse(nlp, document)
    embeddings: tuple[bytes, ...] = ()
    if embedder is not None:
        from dyad.embed import to_bytes

        embeddings = tuple(to_bytes(v) for v in embedder.embed([s.text for s in doc.sents]))
    return to_analysis(doc, embeddings)
