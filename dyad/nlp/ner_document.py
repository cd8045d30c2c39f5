"""Document-level repair of the model's named entities, right after `ner` (``dyad_ner_document``).

The small model labels each sentence from a few words of context, so a news article gets the
same name typed differently from one sentence to the next, and its ALL-CAPS headlines
("SOCCER - JAPAN GET LUCKY WIN") defeat a model trained on cased text. Two cheap passes use
the rest of the article instead:

1. **All-caps sentences** (most of their words upper-case) are read again by the `ner` alone
   on a case-normalised copy with the same token boundaries: each word takes the casing the
   article itself gives it elsewhere ("JAPAN" → "Japan", "FIFA" stays), else lower case, and
   the copy's entities replace the sentence's.
2. **Label consistency** (the document-context idea of CoNLL systems): all mentions of one
   name (case-folded, without a leading "the" or a trailing possessive) take the label most
   of them have; a person's full name also votes for its surname alone ("Akram" after
   "Wasim Akram"); and an unlabelled repeat of a labelled name — spelt as a labelled mention
   was, tagged a proper noun — becomes an entity with that label.

Only name labels are touched (PERSON, ORG, GPE, ...); dates, amounts and numbers stay as the
model gave them, and a model entity is never split or merged with another.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from spacy.attrs import IS_LOWER, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span

# the labels a name can have; CARDINAL, DATE, MONEY ... are not names and are never voted on
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "LAW",
                         "LANGUAGE", "WORK_OF_ART"})
CAPS_SHARE = 0.8  # a sentence is "all caps" when this share of its words are upper-case
CAPS_MIN_WORDS = 2  # a lone upper-case word is more often an acronym than a shouted line


@Language.factory(
    "dyad_ner_document",
    default_config={"caps": True, "consistency": True},
    requires=["doc.ents", "doc.sents"],
    assigns=["doc.ents"],
)
def make_ner_document(nlp: Language, name: str, caps: bool, consistency: bool) -> "NerDocument":
    ner = nlp.get_pipe("ner") if caps and "ner" in nlp.pipe_names else None
    return NerDocument(ner, consistency)


class NerDocument:
    def __init__(self, ner, consistency: bool = True):
        self.ner = ner  # None: no all-caps pass
        self.consistency = consistency

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        sents = _sentences(doc)
        caps = caps_sentences(doc, sents)
        ents = model_ents = list(doc.ents)  # doc.ents builds every Span again on each access
        if self.ner is not None and caps:
            ents = recased_entities(doc, self.ner, ents, caps, sents)
        if self.consistency:
            ents = consistent_entities(doc, ents, {i for s in caps for i in range(s.start, s.end)})
        if ents != model_ents:
            doc.ents = ents  # rebuilds every token's entity tags: only on a change
        return doc


def _sentences(doc: Doc) -> list[Span]:
    if doc.has_annotation("SENT_START"):
        return list(doc.sents)
    return [doc[:]]


def _wordlike(tokens) -> list:
    return [t for t in tokens if any(c.isalpha() for c in t.text)]


def caps_sentences(doc: Doc, sents: list[Span]) -> list[Span]:
    """The all-caps sentences; one array of lower-case flags rules out most sentences at once (a
    sentence with more lower-case tokens than the non-capital share allows cannot qualify)."""
    lower = doc.to_array(IS_LOWER).cumsum().tolist()
    out = []
    for sent in sents:
        n_lower = lower[sent.end - 1] - (lower[sent.start - 1] if sent.start else 0)
        if n_lower <= (1 - CAPS_SHARE) * len(sent) and is_caps(sent):
            out.append(sent)
    return out


def is_caps(sent: Span) -> bool:
    """Most words of the sentence are upper-case (a headline, a dateline, a sports table row)."""
    words = _wordlike(sent)
    return len(words) >= CAPS_MIN_WORDS and sum(t.is_upper for t in words) >= CAPS_SHARE * len(words)


# ---------------------------------------------------------------- pass 1: all-caps sentences


def casing_table(sents: list[Span], caps: list[Span]) -> dict[str, str]:
    """How the article writes each word outside its all-caps sentences: the most frequent form
    not at a sentence start (where every word is capitalised), else the sentence-initial form."""
    caps_starts = {s.start for s in caps}
    inner, initial = defaultdict(Counter), defaultdict(Counter)
    for sent in sents:
        if sent.start in caps_starts:
            continue
        for t in _wordlike(sent):
            (initial if t.i == sent.start else inner)[t.lower_][t.text] += 1
    table = {k: c.most_common(1)[0][0] for k, c in initial.items()}
    table.update({k: c.most_common(1)[0][0] for k, c in inner.items()})
    return table


def recase(token, table: dict[str, str]) -> str:
    if not token.is_upper:
        return token.text
    known = table.get(token.lower_)
    if known is not None:
        return known
    # a word the article does not write elsewhere is read as a common word (measured: better
    # than title case, which glues headline words onto names, or than leaving it upper-case)
    return token.lower_


def recased_words(doc: Doc) -> list[str]:
    """The document's words with its all-caps sentences case-normalised as the `ner` reads them
    here (scripts/train_ner.py trains on the same copies)."""
    sents = _sentences(doc)
    caps = caps_sentences(doc, sents)
    table = casing_table(sents, caps)
    inside = {i for s in caps for i in range(s.start, s.end)}
    return [recase(t, table) if t.i in inside else t.text for t in doc]


def recased_entities(doc: Doc, ner, ents: list[Span], caps: list[Span], sents: list[Span]) -> list[Span]:
    """The entities with each all-caps sentence's replaced by the `ner`'s reading of a
    case-normalised copy (same tokens, same spacing)."""
    table = casing_table(sents, caps)
    out = [e for e in ents if not any(e.start < s.end and s.start < e.end for s in caps)]
    for sent in caps:
        copy = Doc(doc.vocab, words=[recase(t, table) for t in sent],
                   spaces=[bool(t.whitespace_) for t in sent])
        copy = ner(copy)
        crossing = [e for e in ents if e.start < sent.start < e.end or e.start < sent.end < e.end]
        found = [Span(doc, sent.start + e.start, sent.start + e.end, label=e.label_) for e in copy.ents]
        found = [e for e in found if not _overlaps(e, crossing)]
        out += found + [e for e in crossing if e not in out]
    return sorted(out, key=lambda e: e.start)


def _overlaps(ent: Span, others: list[Span]) -> bool:
    return any(ent.start < e.end and e.start < ent.end for e in others)


# ---------------------------------------------------------------- pass 2: label consistency


@dataclass(frozen=True)
class Name:
    """A name's key (case-folded words, no leading "the" nor trailing possessive), its bounds
    and its exact spelling."""

    key: tuple[str, ...]
    start: int
    end: int
    words: tuple[str, ...]


def name_of(ent: Span) -> Name | None:
    words = [t.text for t in ent]
    start, end = ent.start, ent.end
    if len(words) > 1 and words[0].lower() == "the":
        start, words = start + 1, words[1:]
    if len(words) > 1 and words[-1].lower() in ("'s", "'"):
        end, words = end - 1, words[:-1]
    if not any(c.isalpha() for w in words for c in w):
        return None
    return Name(tuple(w.lower() for w in words), start, end, tuple(words))


def _names(ents: list[Span]) -> list[tuple[Span, Name]]:
    """Each entity with a name label and its name, computed once per document."""
    named = ((ent, name_of(ent)) for ent in ents if ent.label_ in NAME_LABELS)
    return [(ent, name) for ent, name in named if name is not None]


def label_votes(named: list[tuple[Span, Name]]) -> dict[tuple[str, ...], Counter]:
    votes: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for ent, name in named:
        votes[name.key][ent.label_] += 1
        if _has_surname(ent, name):
            votes[name.key[-1:]]["PERSON"] += 1  # the surname alone names the same person
    return votes


def _has_surname(ent: Span, name: Name) -> bool:
    return ent.label_ == "PERSON" and len(name.key) > 1 and name.words[-1].istitle()


def consistent_entities(doc: Doc, ents: list[Span], caps_tokens: set[int]) -> list[Span]:
    named = _names(ents)
    votes = label_votes(named)
    relabelled = {}
    for ent, name in named:
        best, n = votes[name.key].most_common(1)[0]
        if n > votes[name.key][ent.label_]:
            relabelled[ent.start] = Span(doc, ent.start, ent.end, label=best, kb_id=ent.kb_id_)
    out = [relabelled.get(ent.start, ent) for ent in ents]
    named = [(relabelled.get(ent.start, ent), name) for ent, name in named]
    return sorted(out + repeats(doc, out, named, votes, caps_tokens), key=lambda e: e.start)


def spellings(named: list[tuple[Span, Name]], starts: set[int]) -> dict[tuple[str, ...], set[tuple[str, ...]]]:
    """The exact spellings each labelled name (and a person's surname) was written with. A lone
    capitalised word labelled only at a sentence start ("Women 's 400 metres") is no evidence of
    a name: every word is capitalised there."""
    out: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)
    for ent, name in named:
        if len(name.key) > 1 or name.start not in starts:
            out[name.key].add(name.words)
        if _has_surname(ent, name):
            out[name.key[-1:]].add(name.words[-1:])
    return out


def repeats(doc: Doc, ents: list[Span], named: list[tuple[Span, Name]], votes: dict,
            caps_tokens: set[int]) -> list[Span]:
    """Unlabelled repeats of a labelled name, spelt as one of its labelled mentions was (any
    case inside an all-caps sentence), capitalised, not a function word, touching no entity."""
    starts = {s.start for s in _sentences(doc)}
    forms = {key: f for key, f in spellings(named, starts).items() if _name_like(f)}
    if not forms:
        return []
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in sorted(forms, key=len, reverse=True):
        by_first[key[0]].append(key)
    taken = bytearray(len(doc))
    for ent in ents:
        taken[ent.start:ent.end] = b"\x01" * (ent.end - ent.start)
    firsts = {doc.vocab.strings[w] for w in by_first}  # the tokens are looked up by their LOWER hash
    found = []
    for i in [i for i, h in enumerate(doc.to_array(LOWER).tolist()) if h in firsts and not taken[i]]:
        token = doc[i]
        if not (token.is_title or token.is_upper):
            continue
        for key in by_first[token.lower_]:
            end = i + len(key)
            if end > len(doc) or any(taken[i:end]) or tuple(t.lower_ for t in doc[i:end]) != key:
                continue
            if doc[end - 1].is_lower:  # "AI-generated" ends in a common word: not a name
                continue
            if i not in caps_tokens and not _written_as_name(doc[i:end], forms[key]):
                continue
            found.append(Span(doc, i, end, label=votes[key].most_common(1)[0][0]))
            taken[i:end] = b"\x01" * (end - i)
            break
    return found


def _written_as_name(span: Span, forms: set[tuple[str, ...]]) -> bool:
    """Spelt as a labelled mention was and, when the tagger ran, read as a proper noun: a
    mislabelled common word ("AI-generated") is not spread over the document."""
    if tuple(t.text for t in span) not in forms:
        return False
    return not span.doc.has_annotation("TAG") or any(t.tag_ in ("NNP", "NNPS") for t in span)


def _name_like(forms: set[tuple[str, ...]]) -> bool:
    """A spelling worth finding again: capitalised, and not a lone function word ("The", "A")."""
    return any(f[0][:1].isupper() and (len(f) > 1 or (len(f[0]) > 1 and f[0].lower() not in _STOP))
               for f in forms)


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


_STOP = _stop_words()
