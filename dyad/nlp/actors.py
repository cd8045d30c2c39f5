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
4. Keeps organisation names the small NER misses ("the Cinema for Peace Foundation",
   "the Council on Foreign Relations"): a Title-Case name built on an organisation head noun
   (data/actors/org_heads.csv) that no registry actor covers becomes an unresolved ORG.

A place in an "X-based"/"X-born" modifier ("a Berlin-based charity") says where the party is,
so it is never an actor of its own.

Unknown people and groups are kept with ``ActorRef(id=None, ...)`` so users still see them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Iterable, NamedTuple

import numpy as np
from spacy.attrs import DEP, HEAD, IS_PUNCT, IS_SPACE, LOWER, POS
from spacy.lang.en.syntax_iterators import noun_chunks as english_noun_chunks
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.symbols import NOUN, PRON, PROPN
from spacy.tokens import Doc, Span, Token

from dyad.models import ActorRef
from dyad.nlp.place_names import in_document_name, in_feature_name
from dyad.nlp.types import MentionSpan, doc_text, register_extensions, span_text, token_ends, token_starts
from dyad.ontology.actor_data import state_organs
from dyad.ontology.actors import Registry, load_registry, norm, org_heads, places, subdivisions

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
# "Berlin-based", "Paris-born": the place is where the party is, not a party itself
_LOCATING_PARTICIPLES = frozenset({"based", "born", "headquartered", "registered", "raised", "bred", "founded",
                                   "made", "built", "manufactured", "designed"})  # "Russian-made rockets": the maker
# words that may join the parts of one organisation's name ("Cinema for Peace Foundation")
_NAME_JOINERS = frozenset({"of", "for", "on", "and", "the", "&", "-"})
_ORG_NAME_MAX = 9  # tokens; longer Title-Case runs are headlines, not names


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
        self.lookups = Lookups(registry)
        places(), places(15_000), subdivisions()  # the gazetteers load with the pipeline, not on a document that needs them
        # after `ner`, never overwriting it: the registry only fills gaps
        self.ruler = CountedRuler(nlp, name=f"{name}_ruler", overwrite_ents=False)
        with nlp.select_pipes(disable=nlp.pipe_names):  # patterns only need the tokenizer
            self.ruler.add_patterns(registry.patterns())

    def __call__(self, doc: Doc) -> Doc:
        doc = self.ruler(doc)
        ents = list(doc.ents)
        relabelled = [self._relabel(self._extend(ent, ents[k + 1].start if k + 1 < len(ents) else len(doc)))
                      for k, ent in enumerate(ents)]
        if any(new is not old for new, old in zip(relabelled, ents)):
            doc.ents = relabelled  # setting the ents rebuilds every token's entity tags: only on a change
            ents = list(doc.ents)
        # a story that names Sudan, a place in it or one of its people reads "RSF" as the Rapid
        # Support Forces (Registry.within); whatever the small model labelled them ("El Fasher" as ORG)
        lookups = self.lookups.within(self.lookups.country_hint(_text(e)) for e in ents
                                      if e.label_ in ACTOR_LABELS | {"LOC"})
        doc._.mentions = MentionFinder(doc, lookups.registry, lookups, ents).find()
        return doc

    def _extend(self, ent: Span, limit: int) -> Span:
        """"Sierra" + "Leonean": a model entity that stops one word short of a state's name or
        adjective is that name (the registry's longer match loses to the model otherwise)."""
        end = ent.end + 1
        if ent.label_ not in ACTOR_LABELS | {"LOC"} or end > limit or end > ent.sent.end:
            return ent
        nxt = ent.doc[ent.end]
        if not nxt.text[:1].isupper() or self.lookups.ner_label(_text(ent)) is not None:
            return ent
        label = self.lookups.ner_label(span_text(ent.doc, ent.start, end))
        return Span(ent.doc, ent.start, end, label=label) if label else ent

    def _relabel(self, ent: Span) -> Span:
        """A country's name or adjective is GPE/NORP whatever the small model guessed
        ("Sri Lanka" as PERSON), a city of the gazetteer labelled LOC is a GPE; other
        entities are left as the model labelled them."""
        label = self.lookups.ner_label(_text(ent))
        if label is None and ent.label_ == "LOC" and self.lookups.city(_text(ent)):
            label = "GPE"  # "from Winnipeg" as a LOC: a city is a place with people, a GPE
        if label is None or label == ent.label_ or ent.label_ not in ACTOR_LABELS | {"LOC"}:
            return ent
        return Span(ent.doc, ent.start, ent.end, label=label, kb_id=ent.kb_id_)


class CountedRuler(EntityRuler):
    """An ``EntityRuler`` that counts its patterns once: spaCy's checks ``len(ruler)`` on every
    document, and its ``__len__`` sums the pattern lists of every label (~1,750 here) each time."""

    _count: int | None = None

    def __len__(self) -> int:
        if self._count is None:
            self._count = super().__len__()
        return self._count

    def add_patterns(self, patterns) -> None:
        self._count = None
        super().add_patterns(patterns)

    def clear(self) -> None:
        self._count = None
        super().clear()

    def remove(self, ent_id: str) -> None:
        self._count = None
        super().remove(ent_id)


class Lookups:
    """The registry answers the mention search asks for, memoised: the same names, titles and
    places recur across sentences and documents, and a registry lookup tokenises and scans
    the phrase each time. The registry is immutable once loaded, so the answers are too."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self._views: dict[Registry, Lookups] = {registry: self}
        self._resolve = lru_cache(maxsize=100_000)(registry.resolve)
        self.country_hint = lru_cache(maxsize=50_000)(registry.country_hint)
        self.ner_label = lru_cache(maxsize=50_000)(registry.ner_label)
        self.agent_word = lru_cache(maxsize=100_000)(self._agent_word)
        self.city = lru_cache(maxsize=50_000)(self._city)
        self.city_not_state = lru_cache(maxsize=50_000)(self._city_not_state)

    def within(self, countries: Iterable[str | None]) -> Lookups:
        """The answers of the registry as read in a document about ``countries``
        (``Registry.within``), memoised apart."""
        view = self.registry.within(countries)
        if view not in self._views:
            self._views[view] = Lookups(view)
        return self._views[view]

    def resolve(self, text: str, date: str | None = None, context: str | None = None) -> ActorRef | None:
        if date is None:  # the registry then asks about today, which moves
            return self.registry.resolve(text, date=date, context=context)
        return self._resolve(text, date, context)

    def _agent_word(self, text: str) -> bool:
        return bool(self.registry.sector_term(text) or self.registry.office(text))

    def _city_not_state(self, text: str) -> bool:
        """A capital ("Minsk") or a city ("Geneva") by that name, and no state's name ("Singapore")."""
        if not text[:1].isupper():
            return False
        entries = self.registry.lookup(text)
        if any(actor.kind in ("state", "territory") and alias.form != "capital" for actor, alias in entries):
            return False
        return any(alias.form == "capital" for _, alias in entries) or places().get(norm(text)) is not None

    @staticmethod
    def _city(text: str) -> bool:
        """A capitalised name of a city of the gazetteer (100,000 people or more)."""
        return text[:1].isupper() and places().get(norm(text)) is not None


class MentionFinder:
    """One document's mention search (keeps the per-document state out of the component)."""

    def __init__(self, doc: Doc, registry: Registry, lookups: Lookups | None = None,
                 ents: list[Span] | None = None):
        self.doc = doc
        self.registry = registry
        self.lookups = lookups or Lookups(registry)
        self.doc_date = doc._.doc_date
        self.mentions: list[MentionSpan] = []
        self.covered: set[int] = set()
        # doc.ents and Span.ents rebuild every entity from the tokens on each access
        self.ents: list[Span] = list(doc.ents) if ents is None else ents
        self._ent_starts = [e.start for e in self.ents]

    def find(self) -> list[MentionSpan]:
        chunks = _noun_chunks(self.doc)
        chunk_starts = [c[0] for c in chunks]
        sents = list(self.doc.sents)
        hints = self._place_hints(sents)
        text = doc_text(self.doc)
        for sent, hint in zip(sents, hints):
            date = sentence_date(text[sent.start_char:sent.end_char], self.doc_date) or self.doc_date
            for k in range(bisect_left(chunk_starts, sent.start), bisect_left(chunk_starts, sent.end)):
                self._chunk(chunks[k], date, hint)
            for ent in self.ents_within(sent.start, sent.end):
                if (ent.label_ in ACTOR_LABELS and not self._overlaps(ent) and not _locates(ent)
                        and not in_feature_name(ent.root)
                        and not in_document_name(ent.root, self.lookups.city_not_state)):
                    self._add(ent, self._resolve(ent, date, hint), ent.label_)
            for name in _org_names(sent):
                self._add_org_name(name, date)
        self.mentions.sort(key=lambda m: m.span.start)
        return self.mentions

    def ents_within(self, start: int, end: int) -> list[Span]:
        """``doc[start:end].ents``: the entities wholly inside the token range, in order."""
        found = []
        for k in range(bisect_left(self._ent_starts, start), len(self.ents)):
            ent = self.ents[k]
            if ent.start >= end or ent.end > end:
                break
            found.append(ent)
        return found

    # ------------------------------------------------------------------ chunks

    def _chunk(self, chunk: tuple[int, int], date: str | None, hint: Hint) -> None:
        span = _trim(self.doc, *chunk)
        if span is None or span.root.pos_ == "PRON" or in_feature_name(span.root):
            return
        if not self._agentive(span):
            return  # the entities inside it are picked up per entity
        name = self._longer_name(span)
        if name is not None:
            span = name  # "Reporters" of "Reporters Without Borders": the name is taken whole
        if span.root.dep_ == "appos" and self._is_covered(span.root.head):
            return  # "Mao Ning, the spokesperson of ..." describes a mention we have
        span = _with_of_phrase(span)
        ref = self._resolve(span, date, hint)
        if ref.id is None and ref.sector is None and ref.country is None and not span.root.ent_type_:
            return  # an agent-like word that names nobody ("its policies")
        if self._add(span, ref, self._label(span, ref)):
            self._add_members(span, ref, date)

    def _longer_name(self, span: Span) -> Span | None:
        """The organisation's name (without a leading article) the chunk's head is part of, when
        it reaches beyond the chunk: the parser split "the Committee to Protect Journalists" or
        "Reporters Without Borders" into noun phrases, the NER did not."""
        root = span.root
        if root.ent_type_ != "ORG":
            return None
        k = bisect_right(self._ent_starts, root.i) - 1
        ent = self.ents[k] if k >= 0 else None
        if ent is None or not ent.start <= root.i < ent.end or ent.label_ != "ORG" \
                or any(t.dep_ == "cc" or t.text == "," for t in ent):
            return None
        name = _trim(self.doc, ent.start, ent.end)
        return name if name is not None and (name.start < span.start or name.end > span.end) else None

    def _add_members(self, span: Span, ref: ActorRef, date: str | None) -> None:
        """"U.S. and Russian negotiators", "Israeli and Palestinian leaders": coordinated
        modifiers name one actor each; the others are added on the same span (a set)."""
        root = span.root
        firsts = [t for t in span if t.i < root.i and t.head.i == root.i and t.dep_ in ("amod", "compound", "nmod")
                  and any(c.dep_ == "conj" and c.i < root.i for c in t.children)]
        if not firsts:
            return
        conjs = [c for c in firsts[0].subtree if c.dep_ == "conj" and span.start <= c.i < root.i]
        tail = span_text(span.doc, conjs[-1].i + 1, span.end)
        seen = {ref.country}
        for member in [firsts[0]] + conjs:
            name = span_text(span.doc, max(member.left_edge.i, span.start), member.i + 1)
            country = self.lookups.country_hint(name)
            if country is None and member is not conjs[-1]:
                # "North and South Korea": the first member names a state only with the shared head
                name = f"{name} {tail}"
                country = self.lookups.country_hint(name)
            if country is None or country in seen:
                continue
            seen.add(country)
            words = f"{name} {tail}" if member is conjs[-1] else name
            found = self.lookups.resolve(f"{name} {tail}", date=date) or ActorRef(None, words, country, None)
            actor = ActorRef(found.id, found.name, found.country, found.sector, text=words)
            self.mentions.append(MentionSpan(span=span, actor=actor, via="registry" if found.id else "ner"))

    def _label(self, span: Span, ref: ActorRef) -> str:
        actor = self.registry.get(ref.id) if ref.id else None
        if actor is not None and actor.kind in ("person", "company", "igo", "agency", "military", "party", "group"):
            return "PERSON" if actor.kind == "person" else "ORG"
        return span.root.ent_type_ or "NOUN_PHRASE"

    def _agentive(self, span: Span) -> bool:
        root = span.root
        if root.ent_type_ in ACTOR_LABELS:
            return True
        # span_text(doc, k, root.i + 1) for each k, sliced here: this runs for every noun chunk
        text, starts, end = doc_text(self.doc), token_starts(self.doc), token_ends(self.doc)[root.i]
        for k in range(span.start, root.i + 1):
            if self.lookups.agent_word(text[starts[k]:end]):
                return True
        return bool(self.registry.sector_term(root.lemma_) or self.registry.lookup(root.text))

    def _resolve(self, span: Span, date: str | None, hint: Hint) -> ActorRef:
        text = _with_then_prefix(span)
        ref = self._resolve_past_locating(span, date) or self.lookups.resolve(text, date=date)
        if ref is not None and ref.id is None and _acronym(span) and places().get(norm(text)) is not None:
            ref = None  # "the GAO" in mixed-case text is an agency's initials, not the town of Gao
        ref = self._entity_reading(span, ref, date)
        if ref is not None and ref.country is None and ref.id is None and not _owned_by_pronoun(span):
            if self._names_a_group_of_states(span) or span.root.ent_type_:
                hint = (None, None)  # "Western governments", "Diplomat Media Inc." are not placed
            stated = self._attached_country(span) or self._described_country(span)
            country = stated or hint[0] or (hint[1] if ref.sector in _PLACED_BY_PARAGRAPH else None)
            if country:
                ref = self.lookups.resolve(text, date=date, context=country) or ref
            if stated and ref.id is None and ref.sector in state_organs() and ref.country == stated:
                ref = self._state_body(ref)  # "the parliament in Iran" is Iran's legislature
        if ref is None:
            ref = self._unresolved(span, date)
        elif not self._names_this_person(span, ref, date):
            # "Iranian Armed Forces chief Mohammad Bagheri": an unknown person of a known body
            ref = ActorRef(None, _text(span), ref.country, ref.sector)
        return ActorRef(ref.id, ref.name, ref.country, ref.sector, text=_text(span))

    def _entity_reading(self, span: Span, ref: ActorRef | None, date: str | None) -> ActorRef | None:
        """What the NER says a name is beats a registry place of that name: a PERSON "Bush" (a
        registry surname; or a one-word ORG no registry entry names: "Habeck said") is the one
        office holder of that surname at the time, not a town in Egypt, and a PERSON named like a
        small town is that person (other PERSON labels on
        big cities are the small model's slips: "Jaffna"); a GPE the registry's cities miss
        may be a smaller town ("Jericho")."""
        label = span.root.ent_type_
        if label == "PERSON" and ref is not None and ref.id is None and (
                self._only_a_small_town(_text(span)) or self._surname_named_before(span)):
            return None  # "Van Buren", "John Bolton ... Bolton": a person, whatever place shares the name
        # an unknown one-word "ORG" the small model gives a surname ("Habeck said") is read the same way
        surname = (label == "PERSON" or (label == "ORG" and ref is None)) and len(span) == 1 \
            and self.registry.is_surname(_text(span))
        if surname and (ref is None or ref.id is None):
            person = self.registry.by_surname(_text(span), date)
            if person is not None:
                return person.ref_at(date, text=_text(span))
            return None if ref is not None and ref.sector == "CVL" and ref.country else ref
        if label in ("GPE", "LOC") and ref is None and all(t.ent_type_ == label for t in span):
            place = self.registry.small_place(_text(span))
            if place is not None:
                return ActorRef(None, _text(span), place.country, "CVL", text=_text(span))
        return ref

    def _surname_named_before(self, span: Span) -> bool:
        """A one-word PERSON that ends a fuller PERSON name earlier in the document."""
        if len(span) != 1:
            return False
        for ent in self.ents:
            if ent.start >= span.start:
                return False
            words = [t.text for t in ent if t.tag_ != "POS"]
            if ent.label_ == "PERSON" and len(words) > 1 and words[-1] == _text(span):
                return True
        return False

    def _only_a_small_town(self, text: str) -> bool:
        """Named like a small town or a province, not like a city of the gazetteer."""
        small = self.registry.small_place(text) is not None or norm(text) in subdivisions()
        return small and not self.lookups.city(text)

    def _resolve_past_locating(self, span: Span, date: str | None) -> ActorRef | None:
        """"the London-based Syrian Observatory": the party's own words decide who it is;
        the place only says where it is (used when the rest names no country)."""
        cut = _after_locating_modifier(span)
        if cut is None:
            return None
        ref = self.lookups.resolve(span_text(span.doc, cut, span.end), date=date)
        return ref if ref is not None and (ref.id or ref.country) else None

    def _add_org_name(self, name: Span, date: str | None) -> None:
        """An organisation's name the mention search did not cover as a whole: it replaces
        the pieces found inside it ("Nelson Mandela" in "Nelson Mandela Foundation")."""
        inside = [m for m in self.mentions if m.span.start < name.end and name.start < m.span.end]
        if any(m.span.start < name.start or m.span.end > name.end for m in inside):
            return  # a mention reaching outside the name (or covering it): the parse disagrees
        if any(m.span.start == name.start and m.span.end == name.end and not self._is_person(m.actor)
               for m in inside):
            return  # found already, as a whole (and not as the person it is named after)
        ref = self.lookups.resolve(_text(name), date=date)
        actor = self.registry.get(ref.id) if ref is not None and ref.id else None
        if actor is not None and actor.kind != "person" and ref.id not in {m.actor.id for m in inside if m.actor}:
            ref = ActorRef(ref.id, ref.name, ref.country, ref.sector, text=_text(name))  # the registry knows it
        elif actor is not None or ref is None:
            ref = ActorRef(None, _text(name), None, None, text=_text(name))  # named after someone, not them
        else:
            ref = ActorRef(None, _text(name), ref.country, ref.sector, text=_text(name))
        for m in inside:
            self.mentions.remove(m)
            self.covered.difference_update(range(m.span.start, m.span.end))
        self.covered.update(range(name.start, name.end))
        self.mentions.append(MentionSpan(span=name, actor=ref, via="registry" if ref.id else "ner"))

    def _is_person(self, ref: ActorRef | None) -> bool:
        actor = self.registry.get(ref.id) if ref is not None and ref.id else None
        return actor is not None and actor.kind == "person"

    def _names_this_person(self, span: Span, ref: ActorRef, date: str | None) -> bool:
        """False when the phrase is about a PERSON entity that is not the actor found
        (the title's office holder or the body they work for)."""
        person = next((e for e in self.ents_within(span.start, span.end)
                       if e.label_ == "PERSON" and e.end == span.end), None)
        if person is None or self._full_name_of(span, ref):
            return True  # "Sadiq Khan" with only "Khan" tagged: the full name is the person's own
        named = self._entity_reading(person, self.lookups.resolve(_text(person), date=date), date)
        return named is not None and named.id == ref.id

    def _full_name_of(self, span: Span, ref: ActorRef) -> bool:
        """The phrase ends with a name of two or more words of the person found."""
        actor = self.registry.get(ref.id) if ref.id and ref.id.startswith("person:") else None
        text = _text(span).lower()
        return actor is not None and any(" " in a.text and text.endswith(a.text.lower()) for a in actor.aliases)

    def _names_a_group_of_states(self, span: Span) -> bool:
        effects = [self.registry.modifier(t.text) for t in span]
        non_country = [e for e in self.ents_within(span.start, span.end) if e.label_ in ("NORP", "GPE", "LOC")
                       and self.lookups.country_hint(_text(e)) is None]
        return "MANY" in effects or bool(non_country)

    def _unresolved(self, span: Span, date: str | None) -> ActorRef:
        """Unknown names stay visible; a title in apposition gives country and sector
        ("Harry Tseng, Taiwan's deputy foreign minister")."""
        for child in span.root.children:
            if child.dep_ == "appos":
                described = self.lookups.resolve(_text(_subtree(child)), date=date)
                if described is not None and described.sector:
                    return ActorRef(None, _text(span), described.country, described.sector)
                if described is not None and described.country and span.root.ent_type_ == "PERSON" \
                        and described.id in (None, described.country) and child.pos_ == "NOUN":
                    # "Brittney Griner, the American basketball star": a national of that state, a civilian
                    return ActorRef(None, _text(span), described.country, "CVL")
        return ActorRef(None, _text(span), None, None)

    # ------------------------------------------------------------------ context

    def _state_body(self, ref: ActorRef) -> ActorRef:
        """A state sector's noun placed in a state by its own phrase ("the parliament in Iran", "the
        army in Sudan") is that state's body (IRN.LEG), as "Iran's parliament" is; a private one ("a
        bank in Quito") is only placed there, and a country guessed from the sentence gives no id."""
        body = self.registry.get(f"{ref.country}.{ref.sector}")
        return ActorRef(body.id, body.name, ref.country, ref.sector, text=ref.text) if body else ref

    def _attached_country(self, span: Span) -> str | None:
        """The country of a place the phrase is attached to: "protesters in Tehran"."""
        for prep in span.root.children:
            if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        country = self.lookups.country_hint(_text(_subtree(pobj)))
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
        for ent in self.ents_within(sent.start, sent.end):
            if ent.label_ in ("GPE", "LOC") and _is_location(ent):
                country = self.lookups.country_hint(_text(ent))
                if country:
                    countries.add(country)
        return countries

    # ------------------------------------------------------------------ bookkeeping

    def _overlaps(self, span: Span) -> bool:
        return any(i in self.covered for i in range(span.start, span.end))

    def _is_covered(self, token: Token) -> bool:
        return token.i in self.covered

    def _add(self, span: Span, ref: ActorRef, label: str) -> bool:
        if self._overlaps(span):
            return False
        self.covered.update(range(span.start, span.end))
        # registry: a known actor or place; sector_lexicon: only an agent noun told us who
        via = "registry" if ref.id or (ref.country and not ref.sector) else ("sector_lexicon" if ref.sector else "ner")
        self.mentions.append(MentionSpan(span=span, actor=ref, via=via))
        return True


# --------------------------------------------------------------------------- helpers


_NP_DEPS = ("oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT")


class Words(NamedTuple):
    """Per token of a Doc: its text, its lower-case form, whether it is a space or a
    punctuation mark, and whether it can be a word of a Title-Case name. The mention search
    reads these for nearly every token, and each ``doc[i]`` builds a Token object in Python."""

    text: list[str]
    lower: list[str]
    skip: list[bool]
    named: list[bool]


def words(doc: Doc) -> Words:
    """The Doc's ``Words``, built once from the token arrays (cached in ``doc.user_data``)."""
    cached = doc.user_data.get("dyad_actor_words")
    if cached is None:
        text, strings = doc_text(doc), doc.vocab.strings
        arrays = doc.to_array([LOWER, IS_SPACE, IS_PUNCT]).reshape(-1, 3).tolist()
        texts = [text[s:e] for s, e in zip(token_starts(doc), token_ends(doc))]
        lowers = [strings[lower] for lower, _, _ in arrays]
        cached = Words(texts, lowers, [bool(space or punct) for _, space, punct in arrays],
                       [_titled(t) and lower not in _LEADING for t, lower in zip(texts, lowers)])
        doc.user_data["dyad_actor_words"] = cached
    return cached


def _noun_chunks(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of ``doc.noun_chunks``. For English, the same rule as spaCy's iterator
    (spacy/lang/en/syntax_iterators.py) on the token arrays: spaCy's walks every token in
    Python, which cost as much as the rest of the mention search."""
    if not doc.has_annotation("DEP"):
        return []  # no parser in this pipeline: entities only
    if doc.noun_chunks_iterator is not english_noun_chunks:
        return [(c.start, c.end) for c in doc.noun_chunks]
    strings = doc.vocab.strings
    np_deps = {strings.add(label) for label in _NP_DEPS}
    conj = strings.add("conj")
    deps = doc.to_array(DEP).tolist()
    heads = (np.arange(len(doc)) + doc.to_array(HEAD).astype(np.int64)).tolist()  # HEAD is relative
    nouns = np.flatnonzero(np.isin(doc.to_array(POS), (NOUN, PROPN, PRON))).tolist()
    chunks, prev_end = [], -1
    for i in nouns:
        dep = deps[i]
        if dep not in np_deps and dep != conj:
            continue
        left = doc[i].left_edge.i
        if left <= prev_end:
            continue  # nested chunks are not produced
        if dep == conj:
            head = heads[i]
            while deps[head] == conj and heads[head] < head:
                head = heads[head]
            if deps[head] not in np_deps:
                continue  # coordinated to something that is not a noun phrase
        prev_end = i
        chunks.append((left, i + 1))
    return chunks


def _acronym(span: Span) -> bool:
    """One short word in capitals ("GAO", "FAA") in a sentence that is not all capitals:
    initials (longer ones are more often datelines, "BEIRUT (Reuters) -", "SANAA, Yemen")."""
    word = span.text
    return len(span) == 1 and 2 <= len(word) <= 3 and word.isupper() and any(
        t.is_lower for t in span.sent)


def _trim(doc: Doc, start: int, end: int) -> Span | None:
    """Drop leading articles, and anything before a line break (a chunk across a
    headline and the text below it)."""
    starts = token_starts(doc)
    if end - start > 1:
        # the last line break in the text of tokens start..end-2, with their whitespace
        newline = doc_text(doc).rfind("\n", starts[start], starts[end - 1])
        if newline >= 0:
            start = bisect_right(starts, newline)
    lower, skip = words(doc)[1:3]
    while start < end and (lower[start] in _LEADING or skip[start]):
        start += 1
    return doc[start:end] if start < end else None


def _single(countries: set[str]) -> str | None:
    return next(iter(countries)) if len(countries) == 1 else None


def _is_location(ent: Span) -> bool:
    head = ent.root.head
    return ent.root.dep_ == "pobj" and head.lower_ in _PLACE_PREPS and head.lower_ != "of"


def _owned_by_pronoun(span: Span) -> bool:
    """"their own government": the owner is a pronoun, so coreference must place it."""
    return any(t.dep_ == "poss" and t.pos_ == "PRON" for t in span)


def _text(span: Span) -> str:
    """``span.text``, sliced from the Doc's cached text (``Span.text`` builds a Token per word)."""
    return span_text(span.doc, span.start, span.end)


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
    (text, lower, *_), i = words(span.doc), span.start
    if i >= 2 and text[i - 1] == "-" and lower[i - 2] == "then":
        return "then " + _text(span)
    if i >= 1 and lower[i - 1] in ("then", "then-"):
        return "then " + _text(span)
    return _text(span)


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


# --------------------------------------------------------------------------- places and names


def _locates(span: Span) -> bool:
    """"Berlin" in "Berlin-based": followed by a hyphen and a locating participle; "Syria" in
    "anti-Syria", "Western" in "pro-Western": a stance, not a party."""
    (text, lower, *_), end, start = words(span.doc), span.end, span.start
    if start >= 2 and text[start - 1] == "-" and lower[start - 2] in ("anti", "pro"):
        return True
    if start >= 1 and lower[start - 1] in ("anti-", "pro-"):
        return True
    return end + 1 < len(text) and text[end] == "-" and lower[end + 1] in _LOCATING_PARTICIPLES


def _after_locating_modifier(span: Span) -> int | None:
    """Token index just after an "X-based" modifier inside the span, if it has one."""
    text, lower, *_ = words(span.doc)
    for k in range(span.start + 1, span.end - 1):
        if text[k] == "-" and lower[k + 1] in _LOCATING_PARTICIPLES and k + 2 < span.end:
            return k + 2
    return None


def _org_names(sent: Span) -> list[Span]:
    """Title-Case organisation names in a sentence: a run of capitalised proper-noun words
    with an organisation head noun as its last word ("Cinema for Peace Foundation") or as
    its first word before "of/for/on" ("Council on Foreign Relations")."""
    names, k, tokens = [], sent.start, words(sent.doc)
    while k < sent.end:
        end = _name_run_end(tokens, k, sent.end) if tokens.named[k] else k
        if end > k:
            name = _org_name_in(sent.doc, k, end)
            if name is not None:
                names.append(name)
            k = end
        else:
            k += 1
    return names


@lru_cache(maxsize=100_000)  # asked for every token of every document; words recur
def _titled(text: str) -> bool:
    return (text[:1].isupper() and any(c.islower() for c in text[1:])) or (text.isupper() and len(text) > 1)


def _name_run_end(tokens: Words, start: int, stop: int) -> int:
    """End of the Title-Case run starting at ``start`` (joiners allowed between words) in a
    sentence ending at ``stop``."""
    named, lower = tokens.named, tokens.lower
    k = end = start
    if not named[start]:
        return start
    while k < stop and k - start < _ORG_NAME_MAX:
        if named[k]:
            end = k = k + 1
        elif lower[k] in _NAME_JOINERS and k + 1 < stop:
            k += 1
        else:
            break
    return end


def _org_name_in(doc: Doc, start: int, end: int) -> Span | None:
    """The organisation name inside a Title-Case run, or None when it is not one."""
    heads, (text, lower, *_) = org_heads(), words(doc)
    if text[end - 1] in heads:
        start = _first_name_word(doc, start, end - 1)
        return doc[start:end] if end - start >= 2 else None
    for h in range(start, end - 2):
        if text[h] in heads and lower[h + 1] in ("of", "for", "on"):
            if doc[h + 2].ent_type_ in ("DATE", "TIME"):
                return None  # "the European Union on Friday adopted": a date, not "Council on Foreign Relations"
            return doc[_first_name_word(doc, start, h):end]
    return None


def _first_name_word(doc: Doc, start: int, head: int) -> int:
    """Where the name before ``head`` begins: a sentence-initial common word ("Officials
    of the ...") and anything before a joined-on state or known name ("Britain and the
    European Union") are not part of it."""
    k = head
    while k > start:
        prev = doc[k - 1]
        if prev.lower_ in _NAME_JOINERS:
            j = k - 1
            while j > start and doc[j - 1].lower_ in _NAME_JOINERS:
                j -= 1
            joined = {t.lower_ for t in doc[j:k]}
            if j == start or "and" in joined and doc[j - 1].ent_type_ in ("GPE", "NORP", "PERSON") \
                    or doc[j - 1].pos_ != "PROPN":
                break
            k = j
        elif prev.pos_ == "PROPN" or prev.i != prev.sent.start and _titled(prev.text):
            k -= 1
        else:
            break
    return k
