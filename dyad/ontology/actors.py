"""The actor registry: states, people with dated offices, organisations, companies and
the sector lexicon, indexed by alias for lookup and resolution.

The records and the loaders that read them from ``data/actors/`` live in
``dyad.ontology.actor_data``; every public name there is re-exported here, so callers import
from this module only.

Lookups are case-, accent- and punctuation-insensitive: ``norm("U.S.") == norm("US")``.
``Registry.resolve`` answers for a whole phrase ("Chile's Defense Ministry") by looking up
its words and combining what it found; it does not parse (that is ``dyad.nlp.actors``).
Where nothing is known, a capitalised name one slip from a known one is read as that name
(``Misspellings``: "Francois Mitterand", "Dehli police"), and a phrase that is only the name
of a province or small town ("New Brunswick", "Puerto Penasco") places the actor there.
"""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Iterable, Mapping

from dyad.errors import OntologyError
from dyad.models import ActorRef
from dyad.ontology.actor_data import (DATA_DIR, FORMS, KINDS, Actor, Alias, Office, Place, Role, SectorTerm, state_organs,
                                      _shipped_actors, cased_tokens, common_words, load_actor_file,
                                      load_sector_terms, load_states, modifiers, norm, office_sector, offices,
                                      org_head_words, org_heads, places, sector_codes, subdivisions, today, tokens,
                                      variants)
from dyad.ontology.actor_names import (_can_be_former, _former_member, _generic_in_longer_name, _heads_after,
                                       _inside_name, _name_like, _names_owner, _ner_label, _proper, _stance)

__all__ = ["DATA_DIR", "FORMS", "KINDS", "REGISTRY_SUFFIXES", "Actor", "Alias", "Hit", "Misspellings", "Office",
           "Place", "Registry", "Role", "SectorTerm", "cased_tokens", "common_words", "load_actor_file", "load_registry",
           "load_sector_terms", "load_states", "modifiers", "norm", "office_sector", "offices",
           "org_head_words", "org_heads", "places", "sector_codes", "subdivisions", "today", "tokens", "variants"]

_MAX_NGRAM = 9
_SLIP_MAX_WORDS = 4  # a misspelt name is looked for among the next few capitalised words only
_SLIP_MIN_CHARS = 5  # shorter names are one slip from too many others ("Mali", "Malik")
# capitalised at the start of a sentence, they do not make their neighbour part of a name
_FUNCTION_WORDS = frozenset({"the", "a", "an", "and", "or", "but", "in", "on", "at", "of", "for", "to", "from",
                             "by", "with", "as", "after", "before", "while", "when", "if", "this", "that",
                             "these", "those", "its", "their", "his", "her", "our", "'s"})
_SLIP_CITY_POPULATION = 1_000_000  # only cities famous enough to be misspelt in the news
_SLIP_FORMS = frozenset({"name", "short", "adjective", "demonym", "capital"})
_VOWELS = frozenset("aeiouy")
_STATE_SECTORS = state_organs() | {"REB", "PTY", "OPP"}


# --------------------------------------------------------------------------- the registry


@dataclass(frozen=True)
class Hit:
    """One registry entry found in a phrase, at token positions [start, end)."""

    start: int
    end: int
    actor: Actor | None = None
    alias: Alias | None = None
    term: SectorTerm | None = None
    office: Office | None = None
    place: Place | None = None
    effect: str | None = None  # from modifiers.csv
    plural: bool = False  # an office title in the plural ("foreign ministers")


@dataclass
class _Found:
    """What a phrase contains, by category (built by Registry.analyse)."""

    persons: list[Hit] = field(default_factory=list)
    states: list[Hit] = field(default_factory=list)
    orgs: list[Hit] = field(default_factory=list)
    terms: list[SectorTerm] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)
    plural_office: bool = False
    places: list[Place] = field(default_factory=list)
    effects: set[str] = field(default_factory=set)
    term_starts: list[int] = field(default_factory=list)
    of_at: int | None = None  # token index of the first "of"
    office_end: int | None = None  # token index after the first office title
    unknown_caps: list[int] = field(default_factory=list)  # capitalised words no hit covers
    place_only: bool = False  # the phrase is only the name of a province or of a small town
    title_country: str | None = None  # a state named inside an office title ("Kremlin spokesman")

    def names_unknown_holder(self) -> bool:
        """"Sen. Feliciano Valencia": a name after the title that the registry does not know
        is who holds the office, not whoever the registry has in it."""
        return self.office_end is not None and any(i >= self.office_end for i in self.unknown_caps)

    @property
    def head_term(self) -> SectorTerm | None:
        """The agent noun that heads the phrase: English noun phrases are head-final
        ("Iranian drone manufacturers"), except before an of-phrase ("the people of X")."""
        candidates = [t for t, start in zip(self.terms, self.term_starts)
                      if self.of_at is None or start < self.of_at]
        return (candidates or self.terms or [None])[-1]

    def empty(self) -> bool:
        return not (self.persons or self.states or self.orgs or self.terms or self.offices or self.places)


# how few hold an office at once (offices.csv holders): a lone surname goes to the highest
_HOLDER_RANK = {"world": 3, "one": 3, "several": 2, "many": 1}

class Registry:
    """Actors by id, an alias index and the sector/office lexicons; read-only after build."""

    def __init__(self, actors: Iterable[Actor], terms: Iterable[SectorTerm], user_ids: frozenset[str] = frozenset()):
        self._user_ids = user_ids  # records from the user's own files: they win where offices overlap
        self._actors: dict[str, Actor] = {}
        for actor in actors:  # later files override earlier ones by id
            self._actors[actor.id] = actor
        self._aliases: dict[str, list[tuple[Actor, Alias]]] = {}
        for actor in self._actors.values():
            for alias in actor.aliases:
                self._add_alias(norm(alias.text), actor, alias)
        # the states whose news open an alias (Alias.where), and those this view's document names
        self._gates = frozenset(c for entries in self._aliases.values() for _, alias in entries for c in alias.where)
        self._open: frozenset[str] = frozenset()
        self._views: dict[frozenset[str], Registry] = {}
        self._terms = {v: t for t in terms for v in variants(t.phrase)}
        self._offices = {v: o for o in offices() for v in variants(o.title)}
        self._holders: dict[tuple[str, str], list[tuple[Role, Actor]]] = {}
        self._leader_surnames = _leader_surnames(self._actors.values())
        self._people_by_surname: dict[str, list[Actor]] = {}
        for actor in self._actors.values():
            if actor.kind == "person" and actor.roles and tokens(actor.name):
                self._people_by_surname.setdefault(tokens(actor.name)[-1], []).append(actor)
        for actor in self._actors.values():
            for role in actor.roles:
                self._holders.setdefault((role.office, role.org or role.country or ""), []).append((role, actor))
        # by office alone, for the offices one person holds in the whole world (sole_holder):
        # one registry holder of "Senator" today is not the one senator there is
        worldwide = {o.office for o in offices() if o.holders == "world"}
        self._office_holders = {o.office: o.holders for o in offices()}
        self._holders_of: dict[str, list[tuple[Role, Actor]]] = {}
        for (office, _), holders in self._holders.items():
            if office in worldwide:
                self._holders_of.setdefault(office, []).extend(holders)

    def within(self, countries: Iterable[str | None]) -> Registry:
        """This registry as read in a document about ``countries`` (ISO codes): the aliases
        that name an actor only in news of one of them are open ("RSF" in a story that names
        Sudan is the Rapid Support Forces, elsewhere Reporters Without Borders) and win over
        the other readings of the same words. Shares every index with this registry."""
        opened = frozenset(countries) & self._gates
        if opened == self._open:
            return self
        view = self._views.get(opened)
        if view is None:
            view = copy.copy(self)
            view._open = opened
            self._views[opened] = view
        return view

    @property
    def actors(self) -> Mapping[str, Actor]:
        """Every actor by id (read-only view)."""
        return MappingProxyType(self._actors)

    def _add_alias(self, key: str, actor: Actor, alias: Alias) -> None:
        if not key:
            return
        entries = self._aliases.setdefault(key, [])
        if all(a.id != actor.id for a, _ in entries):
            entries.append((actor, alias))

    # ------------------------------------------------------------------ lookups

    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self):
        return iter(self._actors.values())

    def get(self, actor_id: str) -> Actor | None:
        """An actor by id; ``ISO.SECTOR`` ids ("CHN.GOV") are derived from the state."""
        if actor_id in self._actors:
            return self._actors[actor_id]
        base, _, sector = actor_id.partition(".")
        state = self._actors.get(base)
        if state is None or state.kind not in ("state", "territory") or sector not in sector_codes():
            return None
        return Actor(id=actor_id, name=f"{state.name} ({sector_codes()[sector]})", kind="group",
                     country=state.country, sector=sector, parent=state.id)

    def lookup(self, text: str) -> list[tuple[Actor, Alias]]:
        """Entries whose alias equals ``text`` (normalised)."""
        return list(self._aliases.get(norm(text), ()))

    def modifier(self, text: str) -> str | None:
        """The effect of a status word (modifiers.csv): ELI, THEN, MANY."""
        return modifiers().get(norm(text))

    def sector_term(self, text: str) -> SectorTerm | None:
        return self._terms.get(norm(text))

    def office(self, text: str) -> Office | None:
        return self._offices.get(norm(text))

    def holder(self, office: str, country: str | None, date: str | None = None) -> Actor | None:
        """Who held ``office`` for ``country`` (an ISO code, or the registry id of an
        organisation: "NATO") on ``date`` (None = today); None when nobody did, for offices many
        hold at once, and when several held one that is usually single (offices.csv ``holders``)."""
        date = date or today()
        holders = self._office_holders.get(office, "one")
        if holders == "many":
            return None  # "the Indian minister": one of many; the registry knows only some
        active = [(role, actor) for role, actor in self._holders.get((office, country or ""), ()) if role.active(date)]
        if holders == "several" and len({actor.id for _, actor in active}) > 1:
            return None  # China's foreign-ministry spokespeople: several at once, none named
        # held by one at a time: where dates overlap the user's own record wins, then the
        # successor (a handover)
        return max(active, key=lambda held: (held[1].id in self._user_ids, held[0].start or ""))[1] if active else None

    def sole_holder(self, office: str, date: str | None = None) -> Actor | None:
        """The one person holding ``office`` anywhere on ``date`` ("the European Commission
        president"); None when several do, or when the office is one per state or organisation
        (offices.csv ``holders``): the registry knows only some of the world's senators."""
        return self._sole_holder_at(office, date or today())

    @functools.lru_cache(maxsize=4096)  # noqa: B019 (the registry lives as long as the process)
    def _sole_holder_at(self, office: str, date: str) -> Actor | None:
        found = {actor.id: actor for role, actor in self._holders_of.get(office, ()) if role.active(date)}
        return next(iter(found.values())) if len(found) == 1 else None

    def by_surname(self, surname: str, date: str | None = None) -> Actor | None:
        """The one registry person of that surname in office on ``date`` ("Bush" in 1990 is
        George H. W. Bush, in 2003 George W. Bush), or of several of one state the one in its
        highest office; None when none or no one stands out."""
        date = date or today()
        found = [a for a in self._people_by_surname.get(norm(surname), ()) if a.roles_at(date)]
        if len(found) > 1 and len({a.country for a in found}) == 1:
            # "Sharif" in 2015: the prime minister, not his brother the chief minister of Punjab. Of
            # one state's people in office, the one whose office the state has fewest holders of
            # (offices.csv holders); people of different states stay ambiguous
            rank = {a.id: max(_HOLDER_RANK[self._office_holders.get(r.office, "many")] for r in a.roles_at(date))
                    for a in found}
            top = max(rank.values())
            found = [a for a in found if rank[a.id] == top]
        return found[0] if len(found) == 1 else None

    def is_surname(self, word: str) -> bool:
        """Whether some registry person with offices has this surname."""
        return norm(word) in self._people_by_surname

    def small_place(self, text: str) -> Place | None:
        """A town of at least 15,000 people named ``text``: only for a name the NER already
        calls a place ("Jericho"), since so many small towns share names with people."""
        return places(15_000).get(norm(text))

    def match(self, text: str) -> list[Actor]:
        """Registry actors named in ``text`` (leftmost-longest, no overlaps)."""
        return [h.actor for h in self.scan(cased_tokens(text)) if h.actor is not None]

    # ------------------------------------------------------------------ scanning

    def scan(self, cased: list[str]) -> list[Hit]:
        """Leftmost-longest hits over tokens in their original case.

        A one-word name must be capitalised and an abbreviation upper-case in the text
        ("raw" is not RAW, "total" is not Total); lexicon words match in any case."""
        toks = [t.lower() for t in cased]
        hits, i = [], 0
        while i < len(toks):
            hit = self._longest_at(toks, cased, i)
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            i = hit.end
        return hits

    def _longest_at(self, toks: list[str], cased: list[str], i: int) -> Hit | None:
        for n in range(min(_MAX_NGRAM, len(toks) - i), 0, -1):
            hit = self._hit(" ".join(toks[i:i + n]), cased[i:i + n], i)
            if hit is not None:
                return hit
        return self._misspelt_at(toks, cased, i)

    def _misspelt_at(self, toks: list[str], cased: list[str], i: int) -> Hit | None:
        """A capitalised name one slip of the keyboard from a known one ("Francois Mitterand",
        "Dehli", "Kazahks"): read as that name, only when nothing is known at this word. A word
        standing alone is corrected only to a state's or an organisation's name, only for the
        commonest slips, and only when no other unknown capitalised word stands next to it
        ("Tim Henman" is a name); the head noun of a body's name ("Anti-Corruption Commision")
        is corrected among other capitalised words."""
        n = 0
        while n < min(_SLIP_MAX_WORDS, len(toks) - i) and cased[i + n][:1].isupper():
            n += 1
        for m in range(n, 1, -1):
            fixed = self._name_slips.correct(" ".join(toks[i:i + m]))
            if fixed is not None:
                return self._hit(fixed, cased[i:i + m], i)
        if n == 0:
            return None
        fixed = None
        if not (self._unknown_capital(cased, i - 1) or self._unknown_capital(cased, i + 1)):
            fixed = self._word_slips.correct(toks[i])
        # an agent noun heads a name among other capitalised words ("Anti-Corruption Commision")
        fixed = fixed or self._term_slips.correct(toks[i])
        return self._hit(fixed, cased[i:i + 1], i) if fixed is not None else None

    def _unknown_capital(self, cased: list[str], j: int) -> bool:
        """A capitalised word at ``j`` that is neither a function word nor known on its own."""
        if not 0 <= j < len(cased) or not cased[j][:1].isupper() or cased[j].lower() in _FUNCTION_WORDS:
            return False
        return self._hit(cased[j].lower(), cased[j:j + 1], j) is None

    @functools.cached_property
    def _name_slips(self) -> Misspellings:
        """Names of several words worth correcting: states, organisations, people, big cities."""
        keys = [key for key, entries in self._aliases.items()
                if " " in key and any(alias.form in _SLIP_FORMS for _, alias in entries)]
        keys += [key for key, place in places().items() if " " in key and place.population >= _SLIP_CITY_POPULATION]
        return Misspellings(keys, self._is_word)

    @functools.cached_property
    def _word_slips(self) -> Misspellings:
        """One-word names worth correcting: states' names, adjectives, demonyms and capitals,
        and organisations (a lone surname or town is as likely another one)."""
        keys = [key for key, entries in self._aliases.items()
                if " " not in key and any(alias.form in _SLIP_FORMS and actor.kind not in ("person", "place")
                                          for actor, alias in entries)]
        return Misspellings(keys, self._is_word, common_slips_only=True)

    @functools.cached_property
    def _term_slips(self) -> Misspellings:
        """One-word heads of bodies' names, state agent nouns and titles ("commission",
        "military", "parliament"), for capitalised slips."""
        terms = [key for key, term in self._terms.items() if term.code_1 in _STATE_SECTORS]
        keys = [key for key in terms + list(self._offices) + list(org_head_words()) if " " not in key]
        return Misspellings(keys, self._is_word, common_slips_only=True)

    def warm_up(self) -> None:
        """Build the indexes the resolution builds lazily (misspellings, name words, word lists,
        gazetteers) now, so that the first unknown capitalised word of a run does not pay ~1 s."""
        for index in (self._name_slips, self._word_slips, self._term_slips):
            index.correct("warm up")
        common_words(), self._name_words, subdivisions(), places(), places(15_000)

    def _is_word(self, word: str) -> bool:
        """A word of English or of a name the registry or gazetteer knows: never a slip."""
        return word in common_words() or word in self._name_words or places(15_000).get(word) is not None

    @functools.cached_property
    def _name_words(self) -> frozenset[str]:
        return frozenset(w for key in self._aliases for w in key.split())

    def _hit(self, key: str, words: list[str], start: int) -> Hit | None:
        end = start + len(words)
        entry = self._alias_entry(key, words)
        if entry is not None:
            return Hit(start, end, actor=entry[0], alias=entry[1])
        if key in self._offices:
            office = self._offices[key]
            return Hit(start, end, office=office, plural=key != norm(office.title))
        if key in self._terms:
            return Hit(start, end, term=self._terms[key])
        if key in modifiers():
            return Hit(start, end, effect=modifiers()[key])
        place = places().get(key)
        if place is not None and _proper(words):
            return Hit(start, end, place=place)
        return None

    def _alias_entry(self, key: str, words: list[str]) -> tuple[Actor, Alias] | None:
        entries = self._aliases.get(key, ())
        if self._open:  # an alias this document's states open comes first
            entries = sorted(entries, key=lambda entry: not self._open.intersection(entry[1].where))
        for actor, alias in entries:
            if alias.where and not self._open.intersection(alias.where):
                continue
            if alias.form == "abbrev" and not all(w.isupper() or w == "'s" for w in words):
                continue
            if len(words) == 1 and not _proper(words):
                continue
            return actor, alias
        return None

    def analyse(self, text: str) -> _Found:
        found = _Found()
        cased = cased_tokens(text)
        hits = self.scan(cased)
        if not hits:
            hits = self._place_named(cased)
            found.place_only = bool(hits)
        hits = [self._as_head_noun(h) if _generic_in_longer_name(h, hits, cased, self._is_generic, self._names_own) else h
                for h in hits]
        hits = [h for h in hits if h is not None]
        hits = [h for h in hits if not (_name_like(h) and _inside_name(h, hits, cased) and not _names_owner(h, hits, cased))
                and not _stance(h, cased)
                and not _former_member(h, cased)]
        if not any(h.actor is not None and h.actor.kind == "state" for h in hits):
            # a sector borrowed from the registry body needs the state that owns the name
            hits = [h for h in hits if h.term is None or self._terms.get(norm(h.term.phrase)) is h.term]
        found.of_at = next((i for i, t in enumerate(cased) if t.lower() == "of"), None)
        covered = {i for h in hits for i in range(h.start, h.end)}
        found.unknown_caps = [i for i, t in enumerate(cased) if i not in covered and t[:1].isupper()]
        hits = self._longer_titles(hits, cased)
        found.office_end = next((h.end for h in hits if h.office is not None), None)
        found.title_country = self._title_country(hits, cased)
        for hit in hits:
            if hit.actor is not None:
                kind = hit.actor.kind
                bucket = found.persons if kind == "person" else found.states if kind == "state" else found.orgs
                bucket.append(hit)
            elif hit.office is not None:
                found.offices.append(hit.office)
                found.plural_office = found.plural_office or hit.plural
            elif hit.term is not None:
                found.terms.append(hit.term)
                found.term_starts.append(hit.start)
            elif hit.place is not None:
                found.places.append(hit.place)
            elif hit.effect:
                found.effects.add(hit.effect)
        return found

    def _longer_titles(self, hits: list[Hit], cased: list[str]) -> list[Hit]:
        """"US State Department spokesman": the body's name ("US State Department") was
        matched first and left only "spokesman", but its last words and that title make a
        longer one ("State Department spokesman", the foreign-ministry spokesperson)."""
        out = list(hits)
        for k, (body, title) in enumerate(zip(hits, hits[1:])):
            if body.actor is None or title.office is None or title.start != body.end:
                continue
            for start in range(body.start + 1, body.end):
                office = self.office(" ".join(cased[start:title.end]))
                if office is not None:
                    out[k + 1] = Hit(start, title.end, office=office)
                    break
        return out

    def _title_country(self, hits: list[Hit], cased: list[str]) -> str | None:
        """The state a title names in its own words: "Kremlin spokesman" (RUS), "State
        Department spokesperson" (USA)."""
        title = next((h for h in hits if h.office is not None), None)
        if title is None or title.end - title.start < 2:
            return None
        words = cased[title.start:title.end - 1]
        return self.country_hint(" ".join(words)) if any(w[:1].isupper() for w in words) else None

    @staticmethod
    def _place_named(cased: list[str]) -> list[Hit]:
        """A phrase that is nothing but the name, of several words, of a province or state of
        a country ("New Brunswick") or of a town however small ("Puerto Penasco"): that place.
        One-word names are too often people's names or common words too ("Victoria", "Delta")."""
        words = cased[1:] if cased and cased[0].lower() in ("the", "a", "an") else cased
        if len(words) < 2 or not (words[0][:1].isupper() and words[-1][:1].isupper()):
            return []
        key = norm(" ".join(words))
        place = subdivisions().get(key) or (places(15_000).get(key) if all(w[:1].isupper() for w in words) else None)
        return [Hit(len(cased) - len(words), len(cased), place=place)] if place is not None else []

    def _is_generic(self, alias: Alias) -> bool:
        """A one-word alias that is a common head noun ("the Commission", "Congress"): it
        names the body only on its own, never as the last word of a longer name."""
        key = norm(alias.text)
        return " " not in key and (key in org_head_words() or key in self._terms)

    def _names_own(self, words: str, actor: Actor) -> bool:
        """Whether ``words`` name ``actor``, its parent or its country: as an alias, a place,
        or the singular of its members' name ("Republican" of "Republicans")."""
        own = {actor.id, actor.parent, actor.country} - {None}
        entries = self.lookup(words) + self.lookup(f"{words}s")
        place = places().get(norm(words))
        return (any({a.id, a.parent, a.country} & own for a, _ in entries)
                or (place is not None and place.country in own))

    def _as_head_noun(self, hit: Hit) -> Hit | None:
        """The generic word of another body's name: only its head noun, whose sector is the
        lexicon's or, failing that, the one the registry's body of that name has."""
        key = norm(hit.alias.text)
        term = self._terms.get(key)
        if term is None and hit.actor.sector:
            term = SectorTerm(key, hit.actor.sector)
        return Hit(hit.start, hit.end, term=term) if term else None

    # ------------------------------------------------------------------ resolution

    def country_hint(self, text: str | None) -> str | None:
        """The country a context string names ("German", "Saudi", "Kyiv"), if any."""
        if not text:
            return None
        state = self._actors.get(text)
        if state is not None and state.kind in ("state", "territory"):
            return state.country  # already an ISO code
        found = self.analyse(text)
        for hits in (found.states, found.orgs, found.persons):
            for hit in hits:
                if hit.actor.country:
                    return hit.actor.country
        return found.places[0].country if found.places else None

    def resolve(self, text: str, date: str | None = None, context: str | None = None) -> ActorRef | None:
        """The actor a phrase names, with the country and sector that applied on ``date``.

        Combines what the phrase contains: a known person (time-aware), an office title
        (→ its holder on that date), an organisation, a state or city plus an agent noun
        ("Chinese firms" → CHN/BUS). ``context`` (a sentence or a country hint) supplies the
        country when the phrase has none, and opens the aliases of news of that country
        (``within``). None when nothing in it is an actor."""
        hint = self.country_hint(context)
        if hint in self._gates and hint not in self._open:  # the context names a state that opens aliases
            return self.within(self._open | {hint}).resolve(text, date, context)
        found = self.analyse(text)
        if found.empty():
            return None
        country = self._country_of(found) or found.title_country or hint
        ref = (self._person_ref(found, text, date) or self._office_ref(found, text, country, date)
               or self._org_ref(found, text, date) or self._leader_ref(found, text)
               or self._group_ref(found, text, country))
        if ref is not None and "ELI" in found.effects and _can_be_former(found):
            ref = ActorRef(ref.id, ref.name, ref.country, "ELI", ref.text)
        return ref

    @staticmethod
    def _country_of(found: _Found) -> str | None:
        for hit in found.states + found.orgs:
            if hit.actor.country:
                return hit.actor.country
        return found.places[0].country if found.places else None

    def _person_ref(self, found: _Found, text: str, date: str | None) -> ActorRef | None:
        if not found.persons:
            return None
        person = found.persons[0].actor
        if _heads_after(found, found.persons[0]) and found.head_term.code_1 == "GOV" and person.country:
            # "the Trump administration", "the Xi Jinping regime": that state's government
            # (not "Soviet leader Mikhail Gorbachev", where the agent noun is his title)
            return self._state_ref(self._actors.get(person.country) or person, "GOV", text)
        office = found.offices[0].office if found.offices else None
        named = office if office and any(r.office == office for r in person.roles) else None
        return person.ref_at(date, text=text, office=named)

    def _office_ref(self, found: _Found, text: str, country: str | None, date: str | None) -> ActorRef | None:
        if not found.offices:
            return None
        office = found.offices[0]
        if not ({"ELI", "THEN"} & found.effects) and not found.plural_office and not found.names_unknown_holder():
            # "the NATO secretary-general": the organisation's office before any country's
            for key in [h.actor.id for h in found.orgs] + [country]:
                holder = self.holder(office.office, key, date) if key else None
                if holder is not None:
                    return holder.ref_at(date, text=text, office=office.office)
            holder = self.sole_holder(office.office, date)  # offices held once in the world only
            if holder is not None:
                return holder.ref_at(date, text=text, office=office.office)
        if found.states and "ELI" not in found.effects:  # "Turkish lawmakers" → TUR.LEG
            return self._state_ref(found.states[0].actor, office.sector, text)
        return ActorRef(id=None, name=text, country=country, sector=office.sector, text=text)

    def _org_ref(self, found: _Found, text: str, date: str | None = None) -> ActorRef | None:
        if not found.orgs:
            return None
        org, alias = found.orgs[0].actor, found.orgs[0].alias
        if org.kind == "place":  # a region places the actor; it is not the actor
            term = found.head_term
            return ActorRef(id=None, name=text, country=org.country, sector=term.code_1 if term else None, text=text)
        if found.states and org.country and found.states[0].actor.country != org.country:
            # "Chile's Defense Department": a generic agency name belongs to the state named
            term = self.sector_term(alias.text)
            return self._state_ref(found.states[0].actor, term.code_1 if term else org.sector, text)
        sector = org.sector or (found.head_term.code_1 if found.head_term else None)
        if org.roles:  # an insurgency that became a party: what it was on that date
            sector = org.ref_at(date).sector or sector
        return ActorRef(id=org.id, name=org.name, country=org.country, sector=sector, text=text)

    def _leader_ref(self, found: _Found, text: str) -> ActorRef | None:
        """"the Bush administration", "the Major government": a government named after its
        leader's surname (too ambiguous to be a person alias) is that state's government when
        every office holder of that surname served one state; it wins over a town of that name."""
        term = found.head_term
        if term is None or term.code_1 != "GOV" or found.states or found.orgs:
            return None
        at = [start for t, start in zip(found.terms, found.term_starts) if t is term][-1]
        cased = cased_tokens(text)
        if at == 0 or not cased[at - 1][:1].isupper():
            return None
        countries = self._leader_surnames.get(cased[at - 1].lower(), frozenset())
        if len(countries) != 1 or next(iter(countries)) not in self._actors:
            return None
        return self._state_ref(self._actors[next(iter(countries))], "GOV", text)

    def _group_ref(self, found: _Found, text: str, country: str | None) -> ActorRef | None:
        """A state (or city) and/or an agent noun: "Chinese firms", "Kyiv police", "Iran"."""
        term = found.head_term
        if found.states:
            state, alias = found.states[0].actor, found.states[0].alias
            sector = term.code_1 if term else alias.sector
            return self._state_ref(state, sector, text)
        if found.places:
            # a city as actor: its people; a province or small town, like a region, only places the actor
            sector = term.code_1 if term else (None if found.place_only else "CVL")
            return ActorRef(id=None, name=text, country=found.places[0].country, sector=sector, text=text)
        if term:
            return ActorRef(id=None, name=text, country=country, sector=term.code_1, text=text)
        return None

    def _state_ref(self, state: Actor, sector: str | None, text: str) -> ActorRef:
        if not sector:
            return ActorRef(id=state.id, name=state.name, country=state.country, sector=None, text=text)
        derived = self.get(f"{state.id}.{sector}")
        return ActorRef(id=derived.id, name=derived.name, country=state.country, sector=sector, text=text)

    # ------------------------------------------------------------------ spaCy patterns

    def patterns(self) -> list[dict]:
        """Phrase patterns for a spaCy EntityRuler/SpanRuler: ``{label, pattern, id}``.

        Only capitalised aliases (proper nouns); a leading article is dropped so that
        "the Kremlin" also matches "Kremlin"."""
        out, seen = [], set()
        for actor in self._actors.values():
            for alias in actor.aliases:
                text = re.sub(r"^(the|The)\s+", "", alias.text.strip())
                if not text or not (text[0].isupper() or text[0].isdigit()):
                    continue
                label = _ner_label(actor, alias)
                # headlines are often in capitals: "AUSTRALIA", "NORTH KOREA"
                for variant in {text, text.upper() if len(text) >= 4 else text}:
                    if (variant, label, actor.id) not in seen:
                        seen.add((variant, label, actor.id))
                        out.append({"label": label, "pattern": variant, "id": actor.id})
        return out

    def ner_label(self, text: str) -> str | None:
        """The entity label a whole name implies when it is a state's name or adjective
        ("Sri Lanka" → GPE, "Tajik" → NORP); None for anything else."""
        entry = self._alias_entry(norm(text), cased_tokens(text)) if text.strip() else None
        if entry is None or entry[0].kind != "state" or entry[1].form in ("metonym",):
            return None
        return _ner_label(*entry)


class Misspellings:
    """Names reachable by one slip in one of their words: a letter dropped, added or two
    letters swapped, never at either end of the word (an edit there makes another word:
    "Indian"/"Indiana", "Mali"/"Malik"). Candidates come from the names' one-letter deletions
    (the symmetric-delete idea of SymSpell) and are then checked exactly; the slipped word
    must not be a word in its own right (``is_word``), and a slip that reaches two names
    corrects neither."""

    def __init__(self, keys: Iterable[str], is_word: Callable[[str], bool] = lambda word: False,
                 common_slips_only: bool = False):
        self._keys = frozenset(keys)
        self._is_word = is_word
        self._common_only = common_slips_only
        self._by_deletion: dict[str, list[str]] = {}
        for key in self._keys:
            for variant in _inner_deletions(key) | {key}:
                self._by_deletion.setdefault(variant, []).append(key)
        # the same unknown words recur across sentences and documents; the answer is fixed
        self._answers = functools.lru_cache(maxsize=100_000)(self._correct)

    def correct(self, key: str) -> str | None:
        """The one known name ``key`` is a slip of; None for a known name or no single one."""
        return self._answers(key)

    def _correct(self, key: str) -> str | None:
        if key in self._keys or all(len(word) < _SLIP_MIN_CHARS for word in key.split()):
            return None  # a slip is only read in a word of _SLIP_MIN_CHARS letters or more
        found = {k for v in _inner_deletions(key) | {key} for k in self._by_deletion.get(v, ())}
        found = {k for k in found if self._reads_as(key, k)}
        return next(iter(found)) if len(found) == 1 else None

    def _reads_as(self, typed: str, known: str) -> bool:
        words = _slipped_words(typed, known)
        if words is None or self._is_word(words[0]):
            return False
        return not self._common_only or _common_slip(*words)


def _inner_deletions(word: str) -> set[str]:
    return {word[:j] + word[j + 1:] for j in range(1, len(word) - 1)}


def _slipped_words(typed: str, known: str) -> tuple[str, str] | None:
    """(typed word, known word): the one word of ``typed`` that is a slip of its word in
    ``known``, all other words equal; None when the names differ otherwise."""
    a, b = typed.split(), known.split()
    diff = [k for k in range(len(a)) if len(a) == len(b) and a[k] != b[k]]
    if len(diff) != 1 or min(len(a[diff[0]]), len(b[diff[0]])) < _SLIP_MIN_CHARS:
        return None
    return (a[diff[0]], b[diff[0]]) if _one_slip(a[diff[0]], b[diff[0]]) else None


def _common_slip(typed: str, known: str) -> bool:
    """The slips spellers make most: two letters swapped ("Dehli"), a letter doubled or
    undoubled ("Phillippines", "Commision"), a silent h dropped or added ("Bagdad"), a vowel
    dropped from or added to a run of vowels ("Ukranian", "Quatar")."""
    if len(typed) == len(known):
        return True  # _one_slip allows only a swap at equal length
    longer, shorter = (typed, known) if len(typed) > len(known) else (known, typed)
    j = next((k for k in range(len(shorter)) if longer[k] != shorter[k]), len(shorter))
    letter, around = longer[j], (longer[j - 1], longer[j + 1])
    return letter == "h" or letter in around or (letter in _VOWELS and any(c in _VOWELS for c in around))


def _one_slip(typed: str, known: str) -> bool:
    """One inner letter added, dropped, or two inner neighbours swapped."""
    if typed[0] != known[0] or typed[-1] != known[-1]:
        return False
    if len(typed) == len(known):
        diff = [j for j in range(len(typed)) if typed[j] != known[j]]
        return (len(diff) == 2 and diff[1] == diff[0] + 1
                and typed[diff[0]] == known[diff[1]] and typed[diff[1]] == known[diff[0]])
    longer, shorter = (typed, known) if len(typed) > len(known) else (known, typed)
    return len(longer) == len(shorter) + 1 and shorter in _inner_deletions(longer)


def _leader_surnames(actors: Iterable[Actor]) -> dict[str, frozenset[str]]:
    """Surname → the states whose government people of that surname served in."""
    out: dict[str, set[str]] = {}
    for actor in actors:
        if actor.kind != "person":
            continue
        states = {r.country for r in actor.roles if r.sector == "GOV" and r.country and not r.org}
        surname = tokens(actor.name)[-1:]
        if states and surname:
            out.setdefault(surname[0], set()).update(states)
    return {k: frozenset(v) for k, v in out.items()}


REGISTRY_SUFFIXES = (".yaml", ".yml", ".json", ".csv")


def _expand(extra_paths: tuple[str, ...]) -> list[Path]:
    """Files as given; a folder stands for its registry files in name order."""
    files: list[Path] = []
    for extra in extra_paths:
        path = Path(extra).expanduser()
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix.lower() in REGISTRY_SUFFIXES)
        elif path.exists():
            files.append(path)
        else:
            raise OntologyError("registry file not found", subject=str(path))
    return files


@functools.lru_cache(maxsize=8)
def load_registry(extra_paths: tuple[str, ...] = ()) -> Registry:
    """The shipped registry with user files merged over it (same schema: ``*.yaml`` actor
    records override by id, ``*.csv`` sector lexicons add or replace phrases). Cached per
    ``extra_paths``."""
    yamls, lexicons = [], [DATA_DIR / "sectors.csv"]
    for path in _expand(extra_paths):
        (lexicons if path.suffix.lower() == ".csv" else yamls).append(path)
    actors, users = list(_shipped_actors()), []
    for path in yamls:
        users += load_actor_file(path)
    terms = [t for path in lexicons for t in load_sector_terms(path)]
    return Registry(actors + users, terms, frozenset(a.id for a in users))
