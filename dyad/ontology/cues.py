"""Reporting cues for quote and attribution finding: ``data/quotes/cues.yaml`` loaded once.

``load_cues()`` returns a frozen ``CueLexicon``; ``dyad.nlp.quotes`` compiles it into its rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from dyad.errors import OntologyError

DEFAULT_PATH = Path(__file__).parent / "data" / "quotes" / "cues.yaml"

_WORD_LISTS = ("speech_verbs", "belief_verbs", "evidence_verbs", "intention_verbs", "object_verbs",
               "naming_verbs", "venue_nouns", "platform_verbs", "not_speakers", "noun_cues", "noun_preps",
               "not_cue_verbs", "headline_sources", "adjective_preps", "attitude_adjectives", "person_nouns",
               "circumstance_preps", "raising_verbs", "not_passive_cues", "utterance_nouns", "headline_cues",
               "evidence_nouns", "looks_verbs", "evidential_adverbs", "group_nouns", "source_nouns")


@dataclass(frozen=True)
class CueLexicon:
    speech_verbs: frozenset[str]
    belief_verbs: frozenset[str]
    evidence_verbs: frozenset[str]
    intention_verbs: frozenset[str]
    object_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    venue_nouns: frozenset[str]
    platform_verbs: frozenset[str]
    not_speakers: frozenset[str]
    noun_cues: frozenset[str]  # nouns that carry reported content ("Trump's claim that ...")
    noun_preps: frozenset[str]  # prepositions whose object is a noun cue's content ("questions about X")
    headline_sources: frozenset[str]  # "Poll: ..." headlines: sources that are not named entities
    attitude_adjectives: frozenset[str]  # "critical", "sure": adjectives that state a stance
    person_nouns: frozenset[str]  # common nouns naming people ("the spokesman"), for he/she
    adjective_preps: frozenset[str]  # "critical of", "worried about": the object is the content
    not_cue_verbs: frozenset[str]  # verbs whose "that" clause reports nobody's words ("make sure that")
    evidence_nouns: frozenset[str]  # "poll", "survey": "In the latest poll, X leads" reports the poll's finding
    headline_cues: frozenset[str]  # headlinese cue verbs ("Sees", "Rips", "Hammers"), for Title Case lines only
    utterance_nouns: frozenset[str]  # "statement", "letter": "to X" after them names the addressee
    not_passive_cues: frozenset[str]  # "was charged with a crime": cues whose passive reports nobody
    looks_verbs: frozenset[str]  # "look", "sound": an impression only with an adjective or "like"
    raising_verbs: frozenset[str]  # "seem", "appear": "X seems to be Y" reports an impression, no holder
    circumstance_preps: frozenset[str]  # "during", "amid": after a cue's object they say when, not what
    evidential_adverbs: frozenset[str]  # "reportedly", "allegedly": the clause is an unnamed holder's report
    group_nouns: frozenset[str]  # "critics", "governments", "many": speakers who are people or bodies
    source_nouns: frozenset[str]  # "post", "footage", "study": speakers that are documents or media
    phrasal_verbs: frozenset[tuple[str, str]]  # (verb lemma, particle or preposition)
    source_prepositions: frozenset[tuple[str, str]]  # ("according", "to")
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]

    @cached_property
    def clause_verbs(self) -> frozenset[str]:
        """Verbs whose clause complement is reported content."""
        return self.speech_verbs | self.belief_verbs | self.evidence_verbs | self.intention_verbs

    @cached_property
    def saying_verbs(self) -> frozenset[str]:
        """Verbs of saying or naming: a verb joined to a cue by "and" shares its speaker."""
        return self.speech_verbs | self.naming_verbs

    @cached_property
    def headline_verbs(self) -> frozenset[str]:
        """Verbs a headline uses as its cue ("Vows", "Sees", "Slams")."""
        return (self.speech_verbs | self.object_verbs | self.intention_verbs | self.belief_verbs | self.naming_verbs
                | self.headline_cues)

    @cached_property
    def any_verb(self) -> frozenset[str]:
        return self.clause_verbs | self.object_verbs | self.naming_verbs | {v for v, _ in self.phrasal_verbs}


def _words(data: dict, key: str, path: Path) -> frozenset[str]:
    value = data.get(key, [])
    # YAML reads a bare on/off/yes/no as a boolean: such words must be quoted in the file
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise OntologyError(f"{key} must be a list of words (quote on/off/yes/no)", subject=str(path))
    return frozenset(v.strip().lower() for v in value)


def _pairs(data: dict, key: str, first: str, second: str, path: Path) -> frozenset[tuple[str, str]]:
    value = data.get(key, [])
    rows = value if isinstance(value, list) else [None]
    if not all(isinstance(r, dict) and isinstance(r.get(first), str) and isinstance(r.get(second), str)
               for r in rows):
        raise OntologyError(f"each entry of {key} needs words {first!r} and {second!r} (quote on/off/yes/no)",
                            subject=str(path))
    return frozenset((r[first].strip().lower(), r[second].strip().lower()) for r in rows)


def parse_cues(data: object, path: Path = DEFAULT_PATH) -> CueLexicon:
    """Validate the YAML structure and build the lexicon."""
    if not isinstance(data, dict):
        raise OntologyError("cue lexicon must be a mapping", subject=str(path))
    pronouns = data.get("pronouns") or {}
    if not isinstance(pronouns, dict):
        raise OntologyError("pronouns must map 'person'/'group' to word lists", subject=str(path))
    words = {key: _words(data, key, path) for key in _WORD_LISTS}
    return CueLexicon(
        **words,
        phrasal_verbs=_pairs(data, "phrasal_verbs", "verb", "word", path),
        source_prepositions=_pairs(data, "source_prepositions", "word", "then", path),
        person_pronouns=_words(pronouns, "person", path),
        group_pronouns=_words(pronouns, "group", path),
    )


@lru_cache(maxsize=4)
def load_cues(path: Path = DEFAULT_PATH) -> CueLexicon:
    """The cue lexicon at ``path`` (the packaged one by default), read once."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise OntologyError(f"cannot read cue lexicon ({err.strerror})", subject=str(path)) from None
    except yaml.YAMLError as err:
        raise OntologyError(f"invalid YAML ({err.__class__.__name__})", subject=str(path)) from None
    return parse_cues(data, Path(path))
