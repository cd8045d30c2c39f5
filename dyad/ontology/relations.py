"""Cues for standing relations and short-range coreference: ``data/relations/cues.yaml``.

``relation_lexicon()`` returns a frozen ``RelationLexicon`` (loaded once);
``dyad.nlp.relations`` and ``dyad.nlp.coref`` read it. A malformed file raises
``OntologyError`` naming the file and the key.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from dyad.errors import OntologyError

DEFAULT_PATH = Path(__file__).parent / "data" / "relations" / "cues.yaml"

RELATION_KINDS = ("defence_pact", "member_of", "trade_partner", "supplier_of", "voted_against",
                  "voted_for", "mediated", "ally_of")

_WORD_LISTS = (
    "holding_verbs", "anaphoric_tie_nouns", "anaphoric_markers", "trade_nouns", "membership_nouns",
    "member_nouns", "joining_verbs", "granting_verbs", "supply_verbs", "supply_irregular", "buyer_nouns", "buyer_verbs",
    "import_nouns", "export_nouns", "quantity_nouns", "supplier_nouns", "not_items", "vote_verbs", "vote_against", "vote_for", "mediation_verbs",
    "mediation_nouns", "mediated_objects", "role_nouns", "negation_words", "negating_verbs", "claim_verbs", "report_verbs",
    "state_nouns", "government_nouns", "state_set_nouns", "official_nouns", "agentive_verbs",
    "person_pronouns", "thing_pronouns", "female_words", "male_words", "person_nouns",
)


@dataclass(frozen=True)
class TieCue:
    """A symmetric tie named by a head noun ("pact") with a qualifying modifier ("defence")."""

    kind: str
    heads: frozenset[str]
    modifiers: frozenset[str]
    bare: frozenset[str]  # heads that name the tie without a modifier ("alliance")


@dataclass(frozen=True)
class PartnerCue:
    """A role noun ("ally", "trading partner") that ties its holder to a possessor."""

    kind: str
    nouns: frozenset[str]
    modifiers: frozenset[str]  # empty = no modifier needed


@dataclass(frozen=True)
class Title:
    office: str
    words: tuple[str, ...]  # "prime minister" etc., lower case
    covers: tuple[str, ...] = ()  # a generic title ("leader") stands for these offices


@dataclass(frozen=True)
class RelationLexicon:
    ties: tuple[TieCue, ...]
    partners: tuple[PartnerCue, ...]
    titles: tuple[Title, ...]
    words: dict  # list name → frozenset[str]; read through ``get``

    def get(self, name: str) -> frozenset[str]:
        return self.words[name]

    def words_of(self, names: tuple[str, ...]) -> frozenset[str]:
        """The union of word lists; "ties" and "partners" name the tie heads and partner nouns."""
        out: set[str] = set()
        for name in names:
            if name == "ties":
                out.update(w for cue in self.ties for w in cue.heads)
            elif name == "partners":
                out.update(w for cue in self.partners for w in cue.nouns)
            else:
                out.update(self.get(name))
        return frozenset(out)

    def office_matches(self, named: str, held: set[str]) -> bool:
        """Does a title naming office ``named`` ("leader") fit a person seen with ``held``?"""
        covers = next((t.covers for t in self.titles if t.office == named), ())
        return named in held or bool(held & set(covers))

    def title_office(self, phrase: str) -> str | None:
        """The office a title phrase names ("president" → "leader"), or None."""
        phrase = " ".join(phrase.lower().split())
        for title in self.titles:
            if phrase in title.words:
                return title.office
        return None


def _words(data: dict, key: str, path: Path) -> frozenset[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise OntologyError(f"{key} must be a list of words", subject=str(path))
    return frozenset(v.strip().lower() for v in value)


def _kind(raw: dict, path: Path, where: str) -> str:
    kind = raw.get("kind")
    if kind not in RELATION_KINDS:
        raise OntologyError(f"{where}: unknown relation kind {kind!r}; use one of {', '.join(RELATION_KINDS)}",
                            subject=str(path))
    return kind


def _ties(data: dict, path: Path) -> tuple[TieCue, ...]:
    out = []
    for i, raw in enumerate(data.get("ties", [])):
        where = f"ties[{i}]"
        out.append(TieCue(kind=_kind(raw, path, where), heads=_words(raw, "heads", path),
                          modifiers=_words(raw, "modifiers", path), bare=_words(raw, "bare", path)))
    return tuple(out)


def _partners(data: dict, path: Path) -> tuple[PartnerCue, ...]:
    return tuple(PartnerCue(kind=_kind(raw, path, f"partners[{i}]"), nouns=_words(raw, "nouns", path),
                            modifiers=_words(raw, "modifiers", path))
                 for i, raw in enumerate(data.get("partners", [])))


def _titles(data: dict, path: Path) -> tuple[Title, ...]:
    out = []
    for i, raw in enumerate(data.get("titles", [])):
        if not isinstance(raw, dict) or not raw.get("office"):
            raise OntologyError(f"titles[{i}] needs an office and words", subject=str(path))
        out.append(Title(office=str(raw["office"]), words=tuple(sorted(_words(raw, "words", path))),
                         covers=tuple(sorted(_words(raw, "covers", path)))))
    return tuple(out)


def load_relation_lexicon(path: Path = DEFAULT_PATH) -> RelationLexicon:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise OntologyError(f"cannot read relation cues: {exc}", subject=str(path)) from None
    if not isinstance(data, dict):
        raise OntologyError("relation cues must be a mapping", subject=str(path))
    words = {key: _words(data, key, path) for key in _WORD_LISTS}
    return RelationLexicon(ties=_ties(data, path), partners=_partners(data, path),
                           titles=_titles(data, path), words=words)


@lru_cache(maxsize=1)
def relation_lexicon() -> RelationLexicon:
    """The packaged lexicon, loaded once."""
    return load_relation_lexicon(DEFAULT_PATH)
