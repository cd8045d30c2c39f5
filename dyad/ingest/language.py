"""The language of a document: its markup's declaration when there is one, else identified
from the text with py3langid (a naive Bayes model over byte n-grams, offline, ~0.2 ms a text).

Dyad's analysis is English (the spaCy model, the lexicons, the sentence embeddings): a document
in another language is stored and searchable, but not analysed, and the outcome says so.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from dyad.models import Document, Page

ANALYSED = frozenset({"en"})
SAMPLE_CHARS = 5000  # the start of the text decides; identification converges long before
MIN_BYTES = 60  # below this an identification is a guess ("Trump" → Faroese); bytes, as CJK is dense
MIN_CONFIDENCE = 0.7
# Languages of the world's news: restricting the model to them removes dialect confusions
# (Chinese as Wu) and rare languages that short English texts otherwise fall into.
NEWS_LANGUAGES = ("ar", "az", "be", "bg", "bn", "bs", "ca", "cs", "da", "de", "el", "en", "es", "et", "fa", "fi",
                  "fr", "he", "hi", "hr", "hu", "hy", "id", "it", "ja", "ka", "kk", "ko", "ku", "lt", "lv", "mk",
                  "ms", "nl", "no", "pl", "ps", "pt", "ro", "ru", "sk", "sl", "sq", "sr", "sv", "sw", "ta", "th",
                  "tr", "uk", "ur", "uz", "vi", "zh")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(NEWS_LANGUAGES))
    return identifier


def identify(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short or unclear."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.strip().encode()) < MIN_BYTES:
        return None
    code, confidence = _identifier().classify(sample)
    return code if confidence >= MIN_CONFIDENCE else None


def with_language(document: Document) -> Document:
    """The document with its language: the markup's wins; else the text's when identifiable."""
    if document.language:
        return document
    found = identify(document.text)
    return replace(document, language=found) if found else document


def page_with_languages(page: Page) -> Page:
    return replace(page, documents=tuple(with_language(d) for d in page.documents))


def analysed(document: Document) -> bool:
    """Whether Dyad's (English) analysis applies; an unknown language is given the benefit."""
    return document.language is None or document.language.split("-")[0].lower() in ANALYSED
