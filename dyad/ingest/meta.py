"""Metadata that pasted pages carry in their text: outlet domains, bylines,
republication notes, author bios and headlines.

Each function looks at lines, returns a small frozen record or None, and never edits
the text itself; ``pasted.py`` decides what to remove.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

import yaml

from dyad.ingest.dates import Stamp, parse_date, resolve_relative

_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?(?P<host>(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24})/?\.?$", re.I)
_URL = re.compile(r"^https?://(?P<host>[a-z0-9.-]+\.[a-z]{2,24})(?::\d+)?(?:[/?#]\S*)?$", re.I)
_ENDS_SENTENCE = re.compile(r"[.:;,]$")


@dataclass(frozen=True)
class BylineRules:
    byline: re.Pattern
    bio: re.Pattern
    date_prefix: re.Pattern
    update_words: frozenset[str]
    credits: tuple[re.Pattern, ...]


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def byline_rules() -> BylineRules:
    raw = yaml.safe_load(resources.files("dyad.ingest").joinpath("data/bylines.yaml").read_text("utf-8"))
    # A person's name as bylines print it: 2–5 capitalised words, with particles and initials.
    word = rf"(?:[A-Z][\w'’.-]*|(?:{_alternation(raw['name_particles'])})(?=\s))"
    name = rf"[A-Z][\w'’.-]*(?:\s+{word}){{1,4}}"
    names = rf"{name}(?:\s*(?:,|and|&)\s*{name})*"
    byline = re.compile(rf"^(?:By|BY|by)\s+(?P<name>{names})(?:\s*[,|·•—–-]?\s*(?P<rest>.+))?$")
    bio = re.compile(
        rf"^(?P<name>{name})(?:\s*\([^)]*\))?(?:,\s+[^.]{{3,160}},)?\s+(?:{_alternation(raw['bio_verbs'])})\s+"
        rf"(?:{_alternation(raw['bio_roles'])})\b[^\n]{{0,300}}$")
    prefixes = raw["date_prefixes"]
    date_prefix = re.compile(rf"^(?P<kind>{_alternation(prefixes)})(?:\s+on)?\s*:?\s*", re.I)
    credits = tuple(re.compile(rf"^(?:{p})$", re.I) for p in raw["credit_lines"])
    return BylineRules(byline, bio, date_prefix, frozenset(k for k, v in prefixes.items() if v["update"]), credits)


@dataclass(frozen=True)
class Byline:
    author: str
    date: Stamp | None


@dataclass(frozen=True)
class Republication:
    outlet: str
    date: Stamp | None


@lru_cache(maxsize=1)
def outlet_table() -> Mapping[str, str]:
    text = resources.files("dyad.ingest").joinpath("data/outlets.yaml").read_text("utf-8")
    return MappingProxyType({k.lower(): v for k, v in yaml.safe_load(text).items()})


@lru_cache(maxsize=1)
def republication_patterns() -> tuple[re.Pattern, ...]:
    raw = yaml.safe_load(resources.files("dyad.ingest").joinpath("data/republication.yaml").read_text("utf-8"))
    return tuple(re.compile(rf"^(?:{p}){raw['trailer']}$", re.I) for p in raw["notes"])


def domain_of(line: str) -> str | None:
    """"thediplomat.com." → "thediplomat.com"; None unless the line is a bare domain."""
    match = _DOMAIN.match(line.strip())
    return match.group("host").lower() if match else None


def address_of(line: str) -> tuple[str, str | None] | None:
    """A line that only names where the page lives: (host, url or None)."""
    text = line.strip()
    if host := domain_of(text):
        return host, None
    match = _URL.match(text)
    if match is None:
        return None
    return match.group("host").lower().removeprefix("www."), text


def outlet_from_domain(host: str) -> str:
    """The outlet's name: the data table first, then the site name title-cased."""
    host = host.lower().removeprefix("www.")
    table = outlet_table()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        if ".".join(parts[i:]) in table:
            return table[".".join(parts[i:])]
    # Registrable name: skip second-level labels such as co.uk / com.cn.
    name = parts[-3] if len(parts) >= 3 and parts[-2] in {"co", "com", "org", "net", "gov", "ac"} else parts[-2]
    return name.replace("-", " ").title()


def parse_byline(line: str) -> Byline | None:
    """"By William Figueroa January 17, 2026" → author and date."""
    match = byline_rules().byline.match(line.strip())
    if match is None:
        return None
    name, rest = match.group("name"), (match.group("rest") or "").strip()
    # The name pattern can swallow a capitalised month ("Figueroa January"): the longest
    # date that parses wins, then the remainder alone.
    name, date = _split_trailing_date(name, rest)
    if date is None and rest:
        date = parse_date(rest)
        if date is None and len(rest.split()) > 6:
            return None  # a sentence that starts with "By", not a byline
    return Byline(_clean_name(name), date)


def _split_trailing_date(name: str, rest: str) -> tuple[str, Stamp | None]:
    words = name.split()
    for cut in range(2, len(words)):
        date = parse_date(" ".join(words[cut:] + [rest]))
        if date is not None:
            return " ".join(words[:cut]), date
    return name, None


def _clean_name(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip(" ,")


def parse_date_line(line: str, now) -> tuple[Stamp, bool] | None:
    """A line that is only a date ("March 3, 2024", "Published: 2 hours ago") →
    (stamp, is_update). ``now`` resolves relative times."""
    text = line.strip()
    if not text or len(text) > 60:
        return None
    rules = byline_rules()
    prefix = rules.date_prefix.match(text)
    rest = text[prefix.end():] if prefix else text
    stamp = resolve_relative(rest, now) or parse_date(rest)
    if stamp is None:
        return None
    return stamp, bool(prefix and prefix.group("kind").lower() in rules.update_words)


def parse_republication(line: str) -> Republication | None:
    """"This article first appeared in The Diplomat on 11/29/2022." → outlet and date."""
    text = line.strip()
    if not text or len(text) > 300:
        return None
    for pattern in republication_patterns():
        match = pattern.match(text)
        if match:
            outlet = match.group("outlet").strip(" .,")
            date = parse_date(match.group("date")) if match.groupdict().get("date") else None
            if outlet and len(outlet.split()) <= 8:
                return Republication(outlet, date)
    return None


def parse_bio(line: str) -> str | None:
    """A closing author bio ("NAME, an activist, is founder of ...") → the author's name."""
    text = line.strip()
    if len(text.split()) > 70 or not text.endswith((".", ")")):
        return None
    match = byline_rules().bio.match(text)
    return _clean_name(match.group("name")) if match else None


def parse_credit(line: str) -> str | None:
    """"(Reporting by Ana Silva and Tom Berg; Editing by Joe Roe)" → "Ana Silva and Tom Berg"."""
    text = line.strip()
    if len(text) > 250:
        return None
    for pattern in byline_rules().credits:
        match = pattern.match(text)
        # "Lucy Craymer in Wellington": the place is not part of the name
        names = re.split(r"\s+in\s+(?=[A-Z])", match.group("names").strip())[0] if match else ""
        if re.fullmatch(r"[A-Z][\w'’.-]*(?:(?:\s+|\s*,\s*|\s+and\s+)[A-Z][\w'’.-]*){1,12}", names):
            return names
    return None


def is_headline(line: str, max_words: int = 25) -> bool:
    """A short capitalised line without sentence-final punctuation ("?" and "!" may end headlines)."""
    text = line.strip()
    return 1 < len(text.split()) <= max_words and text[:1].isupper() and not _ENDS_SENTENCE.search(text)


def split_headline(line: str) -> tuple[str, str | None]:
    """Separate a headline from a deck pasted onto the same line.

    "Big Power Won't Act – But Small Tools Might Yes, the response was muted. …" →
    ("Big Power Won't Act – But Small Tools Might", "Yes, the response was muted. …").
    The title is the longest run of title-cased words that does not end in a comma and is
    followed by a capitalised word that starts ordinary sentence text.
    """
    text = line.strip()
    if not _ENDS_SENTENCE.search(text) and len(text.split()) <= 25:
        return text, None
    words = text.split(" ")
    best = None
    for i in range(2, len(words)):
        if not _title_word(words[i - 1]):
            break
        if words[i][:1].isupper() and not words[i - 1].endswith((",", ";", ":")) and _sentence_follows(words[i:]):
            best = i
    if best is None:
        return text, None
    return " ".join(words[:best]), " ".join(words[best:])


_MINOR = {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with", "vs", "vs.",
          "from", "as", "is", "its", "it's", "into", "over", "after", "than", "nor", "via", "per", "up", "out"}


def _title_word(word: str) -> bool:
    core = word.strip("\"'“”‘’()[]:,;")
    return not core or core[:1].isupper() or core[:1].isdigit() or core.lower() in _MINOR or not core[:1].isalpha()


def _sentence_follows(words: list[str]) -> bool:
    """Ordinary prose: within the next few words, most are lower-case."""
    window = [w for w in words[1:8] if w[:1].isalpha()]
    return len(window) >= 3 and sum(w[:1].islower() for w in window) >= len(window) * 0.6
