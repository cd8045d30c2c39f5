"""Run the pipeline over one document and turn the Doc into an ``Analysis`` record."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dyad.models import Analysis, Document, Mention, Sentence
from dyad.nlp.types import doc_text, register_extensions, sentence_index


def _prepared(nlp: Language, document: Document) -> Doc:
    doc = nlp.make_doc(document.text)
    # the tokenizer is non-destructive (doc.text == the input), so the stages' cached text is known
    # already; building it from the tokens costs a Python pass per document
    doc.user_data["dyad_text"] = document.text
    doc._.doc_id = document.id
    doc._.doc_date = (document.published_at or "")[:10] or None
    return doc


def parse(nlp: Language, document: Document) -> Doc:
    register_extensions()
    return nlp(_prepared(nlp, document))


def parse_many(nlp: Language, documents: list[Document], batch_size: int = 16) -> list[Doc]:
    """Batched parse (spaCy's nlp.pipe accepts prepared Docs, keeping the attributes set on them)."""
    register_extensions()
    return list(nlp.pipe((_prepared(nlp, d) for d in documents), batch_size=batch_size))


def to_analysis(doc: Doc, embeddings: tuple[bytes, ...] = ()) -> Analysis:
    text = doc_text(doc)  # a span's text is this slice; Span.text joins its tokens again
    sentences = tuple(Sentence(i, s.start_char, s.end_char, text[s.start_char:s.end_char])
                      for i, s in enumerate(doc.sents))
    mentions = tuple(
        Mention(sentence=sentence_index(doc, m.span.start), start=m.span.start_char, end=m.span.end_char,
                text=text[m.span.start_char:m.span.end_char], label=m.span.label_ or "NOUN_PHRASE",
                actor=m.actor, via=m.via)
        for m in (doc._.mentions or ()))
    return Analysis(sentences=sentences, mentions=mentions, events=tuple(doc._.events or ()),
                    quotes=tuple(doc._.quotes or ()), statements=tuple(doc._.statements or ()),
                    embeddings=embeddings)


def _embeddings(doc: Doc, embedder) -> tuple[bytes, ...]:
    if embedder is None:
        return ()
    from dyad.embed import to_bytes

    return tuple(to_bytes(v) for v in embedder.embed([s.text for s in doc.sents]))


def analyse_document(nlp: Language, document: Document, embedder=None) -> Analysis:
    doc = parse(nlp, document)
    return to_analysis(doc, _embeddings(doc, embedder))


def analyse_many(nlp: Language, documents: list[Document], embedder=None) -> list[Analysis]:
    return [to_analysis(doc, _embeddings(doc, embedder)) for doc in parse_many(nlp, documents)]
