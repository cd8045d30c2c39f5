"""Where the event coder looks: lexicon phrase matches and the tokens that can be triggers.

The coder used to run a spaCy ``Matcher`` over every token and try every token of every
sentence as a trigger; both cost more than the rest of the stage. Here the lexicon is compiled
once (``compiled_triggers``, ``functools.lru_cache``) into lemma hashes, and one pass of numpy
over ``doc.to_array`` picks the few tokens worth a closer look:

* ``phrase_hits(doc)``: anchor token → (entry, span), as the ``Matcher`` gave them (the
  longest match wins; among matches of one length, the earlier one, then the earlier phrase
  in the lexicon), tried only where a phrase's first lemma occurs;
* ``candidates(doc, hits)``: token indices whose lemma (lower-cased) is a lexicon verb or noun,
  past forms the model mis-lemmatises ("staged" → "stag"), and phrase anchors.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping

import numpy as np
from spacy.attrs import LEMMA, LOWER, TAG
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from dyad.nlp.place_names import DOCUMENTS
from dyad.ontology.plover import LexEntry, load_lexicon

_ANY = 0  # a "?" slot of a phrase: one optional token of any kind (no string hashes to 0)
_PAST_TAGS = np.array([hash_string("VBD"), hash_string("VBN")], dtype=np.uint64)


@dataclass(frozen=True)
class CompiledTriggers:
    """The lexicon as lemma hashes. ``by_first``: first lemma hash → (phrase index, pattern)."""

    by_first: Mapping[int, tuple[tuple[int, tuple[int, ...]], ...]]
    any_first: tuple[tuple[int, tuple[int, ...]], ...]  # phrases opening with "?" (tried everywhere)
    first_hashes: np.ndarray
    entries: tuple[LexEntry, ...]
    words: frozenset[str]  # verb and noun lemmas
    verbs: frozenset[str]


@lru_cache(maxsize=1)
def compiled_triggers() -> CompiledTriggers:
    lexicon = load_lexicon()
    by_first: dict[int, list[tuple[int, tuple[int, ...]]]] = {}
    any_first = []
    for i, phrase in enumerate(lexicon.phrases):
        pattern = tuple(_ANY if t == "?" else hash_string(t) for t in phrase.tokens)
        if pattern[0] == _ANY:
            any_first.append((i, pattern))
        else:
            by_first.setdefault(pattern[0], []).append((i, pattern))
    return CompiledTriggers(
        by_first={k: tuple(v) for k, v in by_first.items()}, any_first=tuple(any_first),
        first_hashes=np.array(sorted(by_first), dtype=np.uint64),
        entries=tuple(p.entry for p in lexicon.phrases),
        words=frozenset(lexicon.verbs) | frozenset(lexicon.nouns), verbs=frozenset(lexicon.verbs))


def _ends(lemmas: list[int], start: int, pattern: tuple[int, ...]) -> list[int]:
    """Every end of a match of ``pattern`` from ``start`` (a "?" may take a token or none)."""
    states = {start}
    for slot in pattern:
        nxt = set()
        for pos in states:
            if slot == _ANY:
                nxt.add(pos)
                if pos < len(lemmas):
                    nxt.add(pos + 1)
            elif pos < len(lemmas) and lemmas[pos] == slot:
                nxt.add(pos + 1)
        states = nxt
        if not states:
            return []
    return sorted(e for e in states if e > start)


def _matches(doc: Doc, lemma_arr: np.ndarray, compiled: CompiledTriggers) -> list[tuple[int, int, int]]:
    """(start, end, phrase index) of every phrase match."""
    if compiled.any_first:
        starts = range(len(doc))
    else:
        starts = np.flatnonzero(np.isin(lemma_arr, compiled.first_hashes)).tolist()
    if not starts:
        return []
    lemmas = lemma_arr.tolist()
    found = []
    for start in starts:
        for i, pattern in compiled.by_first.get(lemmas[start], ()) + compiled.any_first:
            found.extend((start, end, i) for end in _ends(lemmas, start, pattern))
    return found


def phrase_hits(doc: Doc, lemma_arr: np.ndarray | None = None) -> dict[int, tuple[LexEntry, Span]]:
    """Anchor token index → (entry, matched span); the longest match wins."""
    compiled = compiled_triggers()
    if lemma_arr is None:
        lemma_arr = doc.to_array(LEMMA)
    hits: dict[int, tuple[LexEntry, Span]] = {}
    for start, end, i in sorted(_matches(doc, lemma_arr, compiled), key=lambda m: (m[0] - m[1], m[1], m[2])):
        span = doc[start:end]
        if span[0].tag_ in _COMPARATIVES:
            continue  # "troops closer to its border" is no "close ? border"
        anchor = phrase_anchor(span)
        if anchor.i not in hits and not any(start <= a < end for a in hits):
            hits[anchor.i] = (compiled.entries[i], span)
    return hits


_COMPARATIVES = frozenset({"JJR", "RBR"})


def phrase_anchor(span: Span) -> Token:
    """The verb of a phrase if it has one ("stop short of" → stop), else its root."""
    for token in span:
        if token.pos_ in ("VERB", "AUX"):
            return token
    return span.root


# a text's name keeps its plural as its lemma ("the Abraham Accords"): a light verb over it signs it
_NAMED_PLURALS = frozenset(f"{word}s" for word in DOCUMENTS)


class _Memo:
    """String hash → whether the word can be a trigger (or the contexts it names), learnt once
    per distinct word."""

    def __init__(self):
        self.lemma: dict[int, bool] = {}
        self.past: dict[int, bool] = {}
        self.contexts: dict[int, tuple[str, ...]] = {}


_MEMO = _Memo()


def _known(hashes: np.ndarray, memo: dict[int, bool], test, strings) -> np.ndarray:
    out = []
    for h in np.unique(hashes).tolist():
        ok = memo.get(h)
        if ok is None:
            ok = memo[h] = test(strings[h])
        if ok:
            out.append(h)
    return np.array(out, dtype=np.uint64)


def candidates(doc: Doc, hits: Mapping[int, object], arrays: np.ndarray | None = None) -> list[int]:
    """Token indices, in order, that can be triggers: a phrase anchor, a lexicon lemma (any
    case), or a past form whose -d/-ed stripped form is a lexicon verb."""
    if not len(doc):
        return []
    compiled = compiled_triggers()
    if arrays is None:
        arrays = doc.to_array([LEMMA, LOWER, TAG])
    strings = doc.vocab.strings
    lemma_ok = _known(arrays[:, 0], _MEMO.lemma, lambda s: s.lower() in compiled.words or s.lower() in _NAMED_PLURALS,
                      strings)
    mask = np.isin(arrays[:, 0], lemma_ok)
    past = np.isin(arrays[:, 2], _PAST_TAGS)
    if past.any():
        def stripped(lower: str) -> bool:
            return lower.endswith("ed") and (lower[:-1] in compiled.verbs or lower[:-2] in compiled.verbs)
        mask |= past & np.isin(arrays[:, 1], _known(arrays[past, 1], _MEMO.past, stripped, strings))
    found = set(np.flatnonzero(mask).tolist())
    found.update(hits)
    return sorted(found)


def context_tokens(doc: Doc, lemma_arr: np.ndarray | None = None) -> dict[int, tuple[str, ...]]:
    """Token index → the PLOVER contexts its lemma names ("troops" → military), for the
    tokens that name one, in token order."""
    if not len(doc):
        return {}
    words = load_lexicon().context_words
    if lemma_arr is None:
        lemma_arr = doc.to_array(LEMMA)
    strings, memo = doc.vocab.strings, _MEMO.contexts
    naming = []
    for h in np.unique(lemma_arr).tolist():
        found = memo.get(h)
        if found is None:
            found = memo[h] = words.get(strings[h].lower(), ())
        if found:
            naming.append(h)
    lemmas = lemma_arr.tolist()
    return {i: memo[lemmas[i]] for i in np.flatnonzero(np.isin(lemma_arr, np.array(naming, dtype=np.uint64))).tolist()}
