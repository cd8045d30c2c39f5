"""Build Dyad's spaCy pipeline: the English model plus Dyad's components, in order.

The runner only orchestrates; every stage is a component registered in its own module.
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_right
from functools import lru_cache

from spacy.language import Language
from spacy.tokenizer import Tokenizer

import dyad.nlp.ner_document  # noqa: F401  (registers dyad_ner_document)
from dyad.nlp.memo_components import memoise
from dyad.nlp.ner_model import load_english
from dyad.nlp.types import doc_text, register_extensions, token_starts

# (factory name, module that registers it); order matters: each stage reads what the ones before assigned.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("dyad_actors", "dyad.nlp.actors"),
    ("dyad_coref", "dyad.nlp.coref"),
    ("dyad_timex", "dyad.nlp.timex"),
    ("dyad_quotes", "dyad.nlp.quotes"),
    ("dyad_quote_speakers", "dyad.nlp.quote_speakers"),
    ("dyad_events", "dyad.nlp.events"),
    ("dyad_relations", "dyad.nlp.relations"),
)


# labels a page puts before a headline or a lead ("Fact check: No, Trump hasn't ...", "ANALYSIS: ...");
# the parser would hang the headline on the label as a modifier of a noun
KICKERS = frozenset({"fact check", "fact-check", "factcheck", "reality check", "analysis", "news analysis",
                     "explainer", "opinion", "comment", "commentary", "editorial", "update", "breaking",
                     "breaking news", "exclusive", "watch", "video", "live", "interview", "review", "timeline",
                     "profile", "correction", "verified", "false", "misleading", "fake", "hoax", "in pictures"})
_KICKER_WORDS = 3


@Language.component("dyad_line_breaks")
def line_breaks(doc):
    """A line break before a capitalised word ends a sentence: pasted pages put headlines, bylines and
    captions on their own lines without final punctuation, and the parser would otherwise glue them to
    the next sentence. A break before a lower-case word is a hard wrap inside a sentence. A label and
    colon that open a line ("Fact check: ...", "ANALYSIS: ...") stand apart from what follows."""
    text, starts = doc_text(doc), token_starts(doc)
    broken = sorted({bisect_right(starts, m.start()) - 1 for m in re.finditer("\n", text)})
    for i in broken:  # the tokens holding a line break (only whitespace tokens do), not each token
        if i + 1 < len(doc):
            following = doc[i + 1]
            if not following.is_space and not following.text[:1].islower():
                following.is_sent_start = True
    for first in [0] + [i + 1 for i in broken]:
        _kicker(doc, first)
    return doc


def _kicker(doc, first: int) -> None:
    """A kicker label of up to three words and a colon at ``first``: what follows starts a sentence."""
    end = min(first + _KICKER_WORDS + 1, len(doc) - 2)  # a colon with a word after it
    colon = next((i for i in range(first + 1, end + 1) if doc[i].text == ":"), None)
    if colon is None or doc[colon + 1].is_space or not doc[colon + 1].text[:1].isupper():
        return
    label = " ".join(t.lower_ for t in doc[first:colon]).replace(" - ", "-")
    if label in KICKERS:
        doc[colon + 1].is_sent_start = True


def build_pipeline(registry_paths: tuple[str, ...] = (), components: tuple[str, ...] | None = None,
                   tuned_ner: bool = True) -> Language:
    """A fresh pipeline. ``components`` limits Dyad's stages (the eval of one stage needs fewer);
    ``tuned_ner`` False keeps the stock model's ner weights (see dyad/nlp/models/ner/README.md)."""
    register_extensions()
    nlp = load_english(tuned=tuned_ner)
    memoise(nlp)  # the stock attribute_ruler's results, once per word form (dyad/nlp/memo_components.py)
    nlp.add_pipe("dyad_line_breaks", before="parser")
    if "ner" in nlp.pipe_names:  # all-caps headlines and one label per name across the article
        nlp.add_pipe("dyad_ner_document", after="ner")
    for factory, module in COMPONENTS:
        if components is not None and factory not in components:
            continue
        importlib.import_module(module)
        takes_registry = factory in ("dyad_actors", "dyad_quote_speakers")
        config = {"registry_paths": list(registry_paths)} if takes_registry else {}
        nlp.add_pipe(factory, config=config)
    fresh_tokenizer(nlp)
    return nlp


def fresh_tokenizer(nlp: Language) -> None:
    """Give the pipeline a copy of its tokenizer with an empty cache. spaCy's tokenizer caches
    at most 10,000 distinct chunks and then stops caching: the stages' lexicons (the actor
    registry's names above all) filled it while the pipeline was built, and every article
    then went the slow way (tokenising took 3-4x as long as in a plain ``spacy.load``
    pipeline). The copy has the same rules; tokens are the same, cached or not."""
    old = nlp.tokenizer
    if not isinstance(old, Tokenizer):
        return
    new = Tokenizer(nlp.vocab).from_bytes(old.to_bytes(exclude=["vocab"]), exclude=["vocab"])
    new.max_cache_size = old.max_cache_size
    nlp.tokenizer = new


@lru_cache(maxsize=4)
def load_pipeline(registry_paths: tuple[str, ...] = (), tuned_ner: bool = True) -> Language:
    """The full pipeline, built once per process, registry set and choice of ner weights."""
    return build_pipeline(registry_paths, tuned_ner=tuned_ner)
