"""Extra gold NER training data for scripts/train_ner.py: MEANTIME and GUM-news entity mentions
as spaCy Docs with OntoNotes labels and *missing* annotation wherever the gold does not say.

Both corpora mark referring expressions (full NPs: "EADS chief executive Louis Gallois"), not
names, so a name is the proper-name run of a mention (NNP/NNPS tokens, or capitalised ones,
joined by "of", "&", "-" (not "and": "A and B" is two names), followed by a number: "Boeing 717"); when a mention holds
several runs, the one sharing most words with its instance name / Wikipedia title wins.

- MEANTIME (corpus/meantime, CC BY 4.0 over CC BY 2.5 Wikinews) marks mainly event
  participants, so it is not exhaustive: only NAM / PRE.NAM mentions give names;
- GUM news (corpus/gum-news, CC BY 4.0 over CC BY 2.5 Wikinews) marks every referring
  expression (nested), so every mention that *is* a name (after a leading determiner and a
  trailing possessive) gives one, and more capitalised tokens can be called "O".

Labels are put as CoNLL would see the names, in OntoNotes terms: the stock model's label for the
same span when it fits the gold type ("Tokyo" GPE or LOC, "European" as a place modifier NORP),
no name when it clashes (an organisation it calls GPE: a country acting, which CoNLL calls LOC,
or a misread company), else the type's default; types with no
CoNLL counterpart (MEANTIME FIN/MIX, GUM time/substance/...) give no name. What is "O": only
tokens with no capital letter (or, sentence-initially, stop words; in GUM also capitalised
tokens the stock model does not tag, unless nouns or adjectives) outside any name or stock entity.
Everything else is missing (ent_iob 0), so unmarked names are never taught as "O". The stock
model's DATE, MONEY, CARDINAL ... entities that do not touch a gold name stay, as for CoNLL.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span

REPO = Path(__file__).resolve().parents[1]
CORPORA = {"meantime": REPO / "corpus" / "meantime", "gum": REPO / "corpus" / "gum-news"}
NON_CONLL = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
MISC = ("NORP", "EVENT", "PRODUCT", "LAW", "LANGUAGE", "WORK_OF_ART")
# gold type -> (stock labels accepted for the same span, stock labels that make it unsure,
# label when the stock model is silent or disagrees otherwise). An organisation the stock model
# calls GPE may be a country acting (CoNLL: LOC) or a misread company ("Cisco sues Apple"), and a
# place it calls ORG a building or a government ("White House"): no name either way.
LABELS = {
    "person": (("PERSON", "NORP"), (), "PERSON"),
    "organization": (("ORG", "NORP"), ("GPE",), "ORG"),
    "place": (("GPE", "LOC", "FAC", "NORP"), ("ORG",), "GPE"),
    "product": (MISC, (), "PRODUCT"),
    "event": (MISC, (), "EVENT"),
    "abstract": (MISC, (), None),
}
MEANTIME_TYPES = {"PER": "person", "ORG": "organization", "LOC": "place", "PRO": "product"}
GUM_TYPES = {"person": "person", "organization": "organization", "place": "place",
             "object": "product", "event": "event", "abstract": "abstract"}
MEANTIME_NAMED = frozenset({"NAM", "PRE.NAM"})
# words inside a name: no "and" (a coordination "A and B" is two names); a person's name has no
# "of" / "for" ("Wong Kwok-kin of FTU", "Minister of Education Stefania Giannini")
PERSON_CONNECTORS = frozenset({"-", "'", "’", "de", "du", "von", "van", "der", "la", "le", "bin", "al"})
CONNECTORS = PERSON_CONNECTORS | {"of", "&", "for"}
NAME_TAGS = frozenset({"NNP", "NNPS"})
# closed-class words are no names even when capitalised ("It", "The", "In"); titles are not part of
# a person's name for CoNLL ("Mr. Tedeschi" -> "Tedeschi", "King Mohammed Idris" -> "Mohammed Idris")
CLOSED_TAGS = frozenset({"DT", "PRP", "PRP$", "IN", "CC", "MD", "WDT", "WP", "WRB", "EX", "TO", "RB"})
TITLES = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir", "dame",
                    "king", "queen", "prince", "princess", "president", "minister", "premier", "governor",
                    "senator", "sen.", "gov.", "gen.", "rep.", "cardinal", "pope", "judge", "justice",
                    "general", "chairman", "chairwoman", "secretary", "mayor", "captain", "coach", "sheikh"})


@dataclass(frozen=True)
class Mention:
    """A gold entity mention: character offsets, normalised type, and the words of its instance
    name or Wikipedia title (to pick the name among several in one NP)."""

    start: int
    end: int
    kind: str
    hint: str = ""


@dataclass(frozen=True)
class Article:
    doc_id: str
    text: str
    mentions: tuple[Mention, ...]
    exhaustive: bool  # GUM: every name is a mention; MEANTIME: names may be unmarked


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def _articles(folder: Path, mention_of, exhaustive: bool) -> list[Article]:
    records = _jsonl(folder / "annotations.jsonl")
    out = []
    for row in _jsonl(folder / "articles.jsonl"):
        mentions = [mention_of(r) for r in records
                    if r["doc_id"] == row["id"] and r["type"] == "entity_mention"]
        out.append(Article(row["id"], row["text"], tuple(m for m in mentions if m), exhaustive))
    return out


def meantime_mention(record: dict) -> Mention | None:
    """Named (NAM / PRE.NAM), contiguous, of a type CoNLL has; else None (gives no name)."""
    kind = MEANTIME_TYPES.get(record.get("entity_type") or "")
    if kind is None or record.get("syntactic_type") not in MEANTIME_NAMED or len(record["spans"]) != 1:
        return None
    return Mention(record["start"], record["end"], kind, record.get("instance_name") or record.get("head") or "")


def gum_mention(record: dict) -> Mention | None:
    kind = GUM_TYPES.get(record.get("entity_type") or "")
    if kind is None:
        return None
    return Mention(record["start"], record["end"], kind, (record.get("wikipedia") or "").replace("_", " "))


def load_articles(name: str) -> list[Article]:
    if name == "meantime":
        return _articles(CORPORA[name], meantime_mention, exhaustive=False)
    if name == "gum":
        return _articles(CORPORA[name], gum_mention, exhaustive=True)
    raise ValueError(f"{name}: unknown extra NER corpus (known: {', '.join(CORPORA)})")


def _namey(tok) -> bool:
    """A token that can be part of a proper name."""
    if tok.tag_ in NAME_TAGS:
        return True
    return any(c.isupper() for c in tok.text) and not tok.is_sent_start and tok.tag_ not in CLOSED_TAGS


def name_runs(span: Span, connectors: frozenset[str] = CONNECTORS) -> list[Span]:
    """Maximal proper-name runs inside a mention: name tokens, inner connectors, a trailing number."""
    runs, start, last = [], None, None
    for tok in span:
        if _namey(tok):
            start = tok.i if start is None else start
            last = tok.i
        elif start is not None and (tok.lower_ in connectors or tok.like_num and last == tok.i - 1):
            if tok.like_num:
                last = tok.i
            continue
        elif start is not None:
            runs.append(span.doc[start:last + 1])
            start = None
    if start is not None:
        runs.append(span.doc[start:last + 1])
    return runs


def _words(text: str) -> set[str]:
    return {w for w in re.split(r"\W+", text.lower()) if w}


def pick_run(runs: list[Span], hint: str) -> Span | None:
    """The only run, or the one sharing most words with the hint (none shared: undecided)."""
    if len(runs) <= 1:
        return runs[0] if runs else None
    hint_words = _words(hint)
    scored = sorted(((len(_words(r.text) & hint_words), r.start) for r in runs), reverse=True)
    if scored[0][0] == 0 or scored[0][0] == scored[1][0]:
        return None
    return next(r for r in runs if r.start == scored[0][1])


def _trimmed(span: Span) -> Span:
    """Without a leading determiner and a trailing possessive (CoNLL's convention)."""
    start, end = span.start, span.end
    while end - start > 1 and span.doc[start].tag_ in ("DT", "PRP$"):
        start += 1
    if end - start > 1 and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return span.doc[start:end]


def _untitled(run: Span) -> Span | None:
    start = run.start
    while start < run.end and run.doc[start].lower_ in TITLES:
        start += 1
    return run.doc[start:run.end] if start < run.end else None


def _inside_longer_name(run: Span) -> bool:
    """A run next to more name tokens is part of a longer name ("Climate Change" in the journal
    "Nature Climate Change", "Airbus" of "Airbus A320"): unsure, so no name."""
    doc = run.doc
    return (run.start > 0 and _namey(doc[run.start - 1])) or (run.end < len(doc) and _namey(doc[run.end]))


def name_span(span: Span, mention: Mention, exhaustive: bool,
              stock: dict[tuple[int, int], str] | None = None) -> Span | None:
    """GUM: the mention if it is one name run (nested mentions give the inner names);
    MEANTIME: the name run inside the named NP. A person's name is without titles (CoNLL's PER),
    see person_name; ``stock`` has the stock model's (CoNLL-trimmed) entity spans and labels."""
    person = mention.kind == "person"
    runs = name_runs(span, PERSON_CONNECTORS if person else CONNECTORS)
    if exhaustive:
        trimmed = _trimmed(span)
        run = runs[0] if len(runs) == 1 and (runs[0].start, runs[0].end) == (trimmed.start, trimmed.end) else None
    else:
        run = pick_run(runs, mention.hint)
    if run is None or _inside_longer_name(run):
        return None
    return person_name(run, stock or {}) if person else run


def person_name(run: Span, stock: dict[tuple[int, int], str]) -> Span | None:
    """A person's name inside a name run: the stock model's PERSON span that ends the run when it
    has one (it leaves out titles and affiliations: "NASA Administrator Charles Bolden"), nothing
    when it reads any other name there, else the run without leading titles, unless it is a lone
    capitalised word opening a sentence ("Refugees", "Someone")."""
    inside = [(s, e, label) for (s, e), label in stock.items() if s < run.end and run.start < e]
    for s, e, label in inside:
        if label == "PERSON" and run.start <= s and e == run.end:
            return run.doc[s:e]
    if inside:
        return None
    run = _untitled(run)
    if run is None or (len(run) == 1 and run[0].is_sent_start):
        return None
    return run


def label_for(kind: str, stock: str | None) -> str | None:
    accepted, unsure, default = LABELS[kind]
    if stock in accepted:
        return stock
    return None if stock in unsure else default


def _stock_labels(doc: Doc) -> dict[tuple[int, int], str]:
    from dyad.eval.conll2003_ner import _conll_span

    out = {}
    for ent in doc.ents:
        trimmed = _conll_span(ent)
        if trimmed is not None:
            out[(trimmed.start, trimmed.end)] = ent.label_
    return out


def gold_names(doc: Doc, article: Article) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, label) names, longest first when names nest or clash."""
    stock = _stock_labels(doc)
    found = {}
    for m in article.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        name = name_span(span, m, article.exhaustive, stock) if span is not None else None
        label = label_for(m.kind, stock.get((name.start, name.end))) if name is not None else None
        if label is not None:
            found.setdefault((name.start, name.end), label)
    taken, out = set(), []
    for (start, end), label in sorted(found.items(), key=lambda kv: kv[0][0] - kv[0][1]):
        if not taken.intersection(range(start, end)):
            out.append((start, end, label))
            taken.update(range(start, end))
    return sorted(out)


def _known_outside(tok, exhaustive: bool) -> bool:
    if not any(c.isupper() for c in tok.text):
        return True
    if tok.is_stop and tok.tag_ in CLOSED_TAGS or tok.is_sent_start and tok.is_stop:
        return True
    # GUM marks every name, so a capitalised verb, adverb ... (headline case) the stock model does
    # not tag is no name; capitalised nouns and adjectives may be unmarked nationalities or titles
    return exhaustive and not tok.tag_.startswith("NN") and tok.tag_ != "JJ"


def training_doc(nlp, article: Article) -> Doc:
    """The article as a training Doc (tokens and entities only) for spaCy's ner."""
    parsed = nlp(article.text)
    names = gold_names(parsed, article)
    named = {i for s, e, _ in names for i in range(s, e)}
    ents = [(s, e, label) for s, e, label in names]
    unsure = set()
    for ent in parsed.ents:
        tokens = set(range(ent.start, ent.end))
        if tokens & named:
            continue
        if ent.label_ in NON_CONLL:
            ents.append((ent.start, ent.end, ent.label_))
        unsure |= tokens
    doc = Doc(nlp.vocab, words=[t.text for t in parsed], spaces=[bool(t.whitespace_) for t in parsed])
    outside = [doc[t.i:t.i + 1] for t in parsed
               if t.i not in named and t.i not in unsure and _known_outside(t, article.exhaustive)]
    doc.set_ents([Span(doc, s, e, label=label) for s, e, label in sorted(ents)],
                 outside=outside, default="missing")
    return doc


def extra_docs(nlp, names: list[str]) -> list[Doc]:
    """Training Docs of the named corpora; ``nlp`` is the full stock pipeline (tags, sentences, ner)."""
    return [training_doc(nlp, a) for name in names for a in load_articles(name)]
