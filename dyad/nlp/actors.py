"""``dyad_actors``: find actor mentions and resolve them against the registry.

What it does, per sentence:

1. Adds registry names (states, adjectives, capitals, agencies, people, firms) that spaCy's
   NER missed to ``doc.ents`` through an ``EntityRuler`` that never overrides the model.
2. Takes noun chunks whose head is an agent — a named entity, a registry name, an office
   title ("the foreign minister") or an agent noun of the sector lexicon ("police units") —
   and resolves the whole phrase: "Iranian special police units" → IRN/COP, "Chile's Defense
   Ministry" → CHL/GOV, "Foreign Minister Wang Yi" → person:wang-yi as CHN/GOV on the
   document's date. Other chunks only contribute the entities inside them ("Iran's
   nuclear facilities" → Iran).
3. Fills a missing country from the phrase's own attachment ("protesters in Tehran") or,
   when the sentence names exactly one country, from the sentence.

Unknown people and groups are kept with ``ActorRef(id=None, ...)`` so users still see them.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span, Token

from dyad.models import ActorRef
from dyad.nlp.types import MentionSpan, doc_text, register_extensions
from dyad.ontology.actors import Registry, load_registry

register_extensions()

ACTOR_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "FAC"})
_LEADING = frozenset({"the", "a", "an", "this", "that", "these", "those", "both", "either", "neither", "all"})
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH_YEAR = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(?:\d{1,2},?\s+)?((?:19|20)\d{2})\b", re.I)
_IN_YEAR = re.compile(r"\b(?:in|during|since)\s+((?:19|20)\d{2})\b", re.I)
_PLACE_PREPS = frozenset({"in", "from", "of", "across", "inside", "within", "throughout"})
# people on the ground (protesters, residents, police) are placed by their paragraph too
_PLACED_BY_PARAGRAPH = frozenset({"CVL", "OPP", "COP"})
Hint = tuple  # (country the sentence places things in, country its paragraph does)


@Language.factory(
    "dyad_actors",
    default_config={"registry_paths": []},
    requires=["doc.sents", "doc.ents"],
    assigns=["doc._.mentions", "doc.ents"],
)
def make_actors(nlp: Language, name: str, registry_paths: list[str]) -> "ActorsComponent":
    return ActorsComponent(nlp, name, registry=load_registry(tuple(registry_paths)))


class ActorsComponent:
    """Finds actor mentions and sets ``doc._.mentions`` (list of MentionSpan)."""

    def __init__(self, nlp: Language, name: str, registry: Registry):
        self.name = name
        self.registry = registry
        # after `ner`, never overwriting it: the registry only fills gaps
        self.ruler = EntityRuler(nlp, name=f"{name}_ruler", overwrite_ents=False)
        with nlp.select_pipes(disable=nlp.pipe_names):  # patterns only need the tokenizer
            self.ruler.add_patterns(registry.patterns())

    def __call__(self, doc: Doc) -> Doc:
        doc = self.ruler(doc)
        doc.ents = [self._relabel(ent) for ent in doc.ents]
        doc._.mentions = MentionFinder(doc, self.registry).find()
        return doc

    def _relabel(self, ent: Span) -> Span:
        """A country's name or adjective is GPE/NORP whatever the small model guessed
        ("Sri Lanka" as PERSON); other entities are left as the model labelled them."""
        label = self.registry.ner_label(ent.text)
        if label is None or label == ent.label_ or ent.label_ not in ACTOR_LABELS | {"LOC"}:
            return ent
        return Span(ent.doc, ent.start, ent.end, label=label, kb_id=ent.kb_id_)


class MentionFinder:
    """One document's mention search (keeps the per-document state out of the component)."""

    def __init__(self, doc: Doc, registry: Registry):
        self.doc = doc
        self.registry = registry
        self.doc_date = doc._.doc_date
        self.mentions: list[MentionSpan] = []
        self.covered: set[int] = set()

    def find(self) -> list[MentionSpan]:
        chunks = _noun_chunks(self.doc)
        sents = list(self.doc.sents)
        hints = self._place_hints(sents)
        for sent, hint in zip(sents, hints):
            date = sentence_date(sent.text, self.doc_date) or self.doc_date
            for chunk in (c for c in chunks if sent.start <= c.start < sent.end):
                self._chunk(chunk, date, hint)
            for ent in sent.ents:
                if ent.label_ in ACTOR_LABELS and not self._overlaps(ent):
                    self._add(ent, self._resolve(ent, date, hint), ent.label_)
        self.mentions.sort(key=lambda m: m.span.start)
        return self.mentions

    # ------------------------------------------------------------------ chunks

    def _chunk(self, chunk: Span, date: str | None, hint: Hint) -> None:
        span = _trim(chunk)
        if span is None or span.root.pos_ == "PRON":
            return
        if not self._agentive(span):
            return  # the entities inside it are picked up per entity
        if span.root.dep_ == "appos" and self._is_covered(span.root.head):
            return  # "Mao Ning, the spokesperson of ..." describes a mention we have
        span = _with_of_phrase(span)
        ref = self._resolve(span, date, hint)
        if ref.id is None and ref.sector is None and ref.country is None and not span.root.ent_type_:
            return  # an agent-like word that names nobody ("its policies")
        self._add(span, ref, self._label(span, ref))

    def _label(self, span: Span, ref: ActorRef) -> str:
        actor = self.registry.get(ref.id) if ref.id else None
        if actor is not None and actor.kind in ("person", "company", "igo", "agency", "military", "party", "group"):
            return "PERSON" if actor.kind == "person" else "ORG"
        return span.root.ent_type_ or "NOUN_PHRASE"

    def _agentive(self, span: Span) -> bool:
        root = span.root
        if root.ent_type_ in ACTOR_LABELS:
            return True
        for k in range(span.start, root.i + 1):
            words = self.doc[k:root.i + 1]
            if self.registry.sector_term(words.text) or self.registry.office(words.text):
                return True
        return bool(self.registry.sector_term(root.lemma_) or self.registry.lookup(root.text))

    def _resolve(self, span: Span, date: str | None, hint: Hint) -> ActorRef:
        text = _with_then_prefix(span)
        ref = self.registry.resolve(text, date=date)
        if ref is not None and ref.country is None and ref.id is None and not _owned_by_pronoun(span):
            if self._names_a_group_of_states(span) or span.root.ent_type_:
                hint = (None, None)  # "Western governments", "Diplomat Media Inc." are not placed
            country = (self._attached_country(span) or self._described_country(span) or hint[0]
                       or (hint[1] if ref.sector in _PLACED_BY_PARAGRAPH else None))
            if country:
                ref = self.registry.resolve(text, date=date, context=country) or ref
        if ref is None:
            ref = self._unresolved(span, date)
        elif not self._names_this_person(span, ref, date):
            # "Iranian Armed Forces chief Mohammad Bagheri": an unknown person of a known body
            ref = ActorRef(None, span.text, ref.country, ref.sector)
        return ActorRef(ref.id, ref.name, ref.country, ref.sector, text=span.text)

    def _names_this_person(self, span: Span, ref: ActorRef, date: str | None) -> bool:
        """False when the phrase is about a PERSON entity that is not the actor found
        (the title's office holder or the body they work for)."""
        person = next((e for e in span.ents if e.label_ == "PERSON" and e.end == span.end), None)
        if person is None:
            return True
        named = self.registry.resolve(person.text, date=date)
        return named is not None and named.id == ref.id

    def _names_a_group_of_states(self, span: Span) -> bool:
        effects = [self.registry.modifier(t.text) for t in span]
        non_country = [e for e in span.ents if e.label_ in ("NORP", "GPE", "LOC")
                       and self.registry.country_hint(e.text) is None]
        return "MANY" in effects or bool(non_country)

    def _unresolved(self, span: Span, date: str | None) -> ActorRef:
        """Unknown names stay visible; a title in apposition gives country and sector
        ("Harry Tseng, Taiwan's deputy foreign minister")."""
        for child in span.root.children:
            if child.dep_ == "appos":
                described = self.registry.resolve(_subtree(child).text, date=date)
                if described is not None and described.sector:
                    return ActorRef(None, span.text, described.country, described.sector)
        return ActorRef(None, span.text, None, None)

    # ------------------------------------------------------------------ context

    def _attached_country(self, span: Span) -> str | None:
        """The country of a place the phrase is attached to: "protesters in Tehran"."""
        for prep in span.root.children:
            if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        country = self.registry.country_hint(_subtree(pobj).text)
                        if country:
                            return country
        return None

    def _described_country(self, span: Span) -> str | None:
        """The country of the mention this phrase describes: "Mao Ning, the spokesperson
        of the Ministry of Foreign Affairs" → the ministry is Mao Ning's country's."""
        token = span.root
        for _ in range(4):
            if token.dep_ not in ("appos", "pobj", "prep") or token.head.i == token.i:
                return None
            token = token.head
            for mention in self.mentions:
                if mention.span.start <= token.i < mention.span.end and mention.actor and mention.actor.country:
                    return mention.actor.country
        return None

    def _place_hints(self, sents: list[Span]) -> list[Hint]:
        """Per sentence, the one country it places things in, and (when it places nothing)
        the one its paragraph places things in (paragraphs end at line breaks)."""
        own = [self._located_countries(sent) for sent in sents]
        text = doc_text(self.doc)  # built once per document, shared with the later stages
        paragraph = [text.count("\n", 0, sent.start_char) for sent in sents]  # sentences of a paragraph share it
        by_paragraph: dict[int, set[str]] = {}
        for countries, par in zip(own, paragraph):
            by_paragraph.setdefault(par, set()).update(countries)
        return [(_single(countries), None if countries else _single(by_paragraph[par]))
                for countries, par in zip(own, paragraph)]

    def _located_countries(self, sent: Span) -> set[str]:
        """Countries a sentence places things in ("... in Tehran", "across Iran"): a country
        merely mentioned ("an offensive on Ukraine") places nobody."""
        countries = set()
        for ent in sent.ents:
            if ent.label_ in ("GPE", "LOC") and _is_location(ent):
                country = self.registry.country_hint(ent.text)
                if country:
                    countries.add(country)
        return countries

    # ------------------------------------------------------------------ bookkeeping

    def _overlaps(self, span: Span) -> bool:
        return any(i in self.covered for i in range(span.start, span.end))

    def _is_covered(self, token: Token) -> bool:
        return token.i in self.covered

    def _add(self, span: Span, ref: ActorRef, label: str) -> None:
        if self._overlaps(span):
            return
        self.covered.update(range(span.start, span.end))
        # registry: a known actor or place; sector_lexicon: only an agent noun told us who
        via = "registry" if ref.id or (ref.country and not ref.sector) else ("sector_lexicon" if ref.sector else "ner")
        self.mentions.append(MentionSpan(span=span, actor=ref, via=via))


# --------------------------------------------------------------------------- helpers


def _noun_chunks(doc: Doc) -> list[Span]:
    try:
        return list(doc.noun_chunks)
    except ValueError:  # no parser in this pipeline: entities only
        return []


def _trim(span: Span) -> Span | None:
    """Drop leading articles, and anything before a line break (a chunk across a
    headline and the text below it)."""
    start = span.start
    for tok in span:
        if "\n" in tok.text_with_ws and tok.i + 1 < span.end:
            start = tok.i + 1
    while start < span.end and (span.doc[start].lower_ in _LEADING or span.doc[start].is_space
                                or span.doc[start].is_punct):
        start += 1
    return span.doc[start:span.end] if start < span.end else None


def _single(countries: set[str]) -> str | None:
    return next(iter(countries)) if len(countries) == 1 else None


def _is_location(ent: Span) -> bool:
    head = ent.root.head
    return ent.root.dep_ == "pobj" and head.lower_ in _PLACE_PREPS and head.lower_ != "of"


def _owned_by_pronoun(span: Span) -> bool:
    """"their own government": the owner is a pronoun, so coreference must place it."""
    return any(t.dep_ == "poss" and t.pos_ == "PRON" for t in span)


def _subtree(token: Token) -> Span:
    return token.doc[token.left_edge.i:token.right_edge.i + 1]


def _with_of_phrase(span: Span, max_len: int = 10) -> Span:
    """"the Ministry" + "of Foreign Affairs", "the people" + "of China": an agent noun's
    of-phrase names what it belongs to, so it is part of the mention."""
    for prep in span.root.children:
        if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == span.end:
            pobj = [c for c in prep.children if c.dep_ == "pobj"]
            if pobj and pobj[0].right_edge.i + 1 - span.start <= max_len:
                return span.doc[span.start:pobj[0].right_edge.i + 1]
    return span


def _with_then_prefix(span: Span) -> str:
    """Keep "then-" ("then-Iranian Foreign Minister Javad Zarif"): the office applied then."""
    doc, i = span.doc, span.start
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "then":
        return "then " + span.text
    if i >= 1 and doc[i - 1].lower_ in ("then", "then-"):
        return "then " + span.text
    return span.text


def sentence_date(text: str, doc_date: str | None) -> str | None:
    """A month/year the sentence is about ("In March 2021 ...") as an ISO month or year.

    Only explicit years: relative dates are the timex component's job."""
    m = _MONTH_YEAR.search(text)
    if m:
        return f"{m.group(2)}-{_MONTHS.index(m.group(1).lower()) + 1:02d}"
    m = _IN_YEAR.search(text)
    if m and (doc_date is None or m.group(1) != doc_date[:4]):
        return m.group(1)
    return None
