"""The question lexicon: ``dyad/ontology/data/questions/*.yaml`` loaded once into frozen dataclasses.

``relations.yaml`` maps relation words of questions to PLOVER categories, contexts and
relation statement kinds; ``cues.yaml`` holds the question-type patterns and the sentence
cues (negation, fact-check wording, vote wording, number modifiers, clause ends).
Inflected forms are generated here so the YAML lists lemmas only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from dyad.errors import OntologyError

DATA_DIR = Path(__file__).resolve().parents[1] / "ontology" / "data" / "questions"
ANSWER_TYPES = ("who", "which", "yes_no", "when", "what", "how_many", "how_much", "how_vote", "unknown")


@dataclass(frozen=True)
class Sense:
    """One kind of relation a question can ask about."""

    name: str
    words: tuple[str, ...]  # lemmas and phrases as written in the YAML
    forms: frozenset[str]  # every inflected single word of ``words`` + irregular forms
    phrases: tuple[str, ...]  # multi-word entries, lower-case
    evidence: frozenset[str]  # extra words that show the sense in a sentence
    categories: tuple[str, ...] = ()
    statements: tuple[str, ...] = ()
    contexts: tuple[str, ...] = ()
    opposites: frozenset[str] = frozenset()  # words that assert the contrary: "declined" for accept
    opposite_phrases: tuple[str, ...] = ()

    def in_sentence(self, words: set[str], text_lower: str) -> bool:
        return bool(words & (self.forms | self.evidence)) or any(p in text_lower for p in self.phrases)


@dataclass(frozen=True)
class QuestionType:
    type: str
    pattern: re.Pattern


@dataclass(frozen=True)
class Cues:
    question_types: tuple[QuestionType, ...]
    question_words: frozenset[str]
    period_heads: frozenset[str]
    period_prepositions: frozenset[str]
    topic_heads: frozenset[str]
    title_words: frozenset[str]
    generic_name_words: frozenset[str]
    negation: tuple[str, ...]
    modal: tuple[str, ...]
    debunk: tuple[str, ...]
    exclusive: frozenset[str]
    vote_against: tuple[str, ...]
    vote_for: tuple[str, ...]
    vote_abstain: tuple[str, ...]
    number_modifiers: tuple[str, ...]
    clause_breaks: tuple[str, ...]
    clause_break_pattern: re.Pattern
    irregular_verbs: dict  # past form → base form (read-only by convention)
    person_nouns: tuple[str, ...] = ()  # what "how many people" may count: visitors, protesters ...


@dataclass(frozen=True)
class Lexicon:
    senses: tuple[Sense, ...]
    cues: Cues

    def sense(self, name: str) -> Sense | None:
        return next((s for s in self.senses if s.name == name), None)


def inflections(lemma: str) -> set[str]:
    """Regular English inflections of a verb or noun lemma (supply → supplies, supplied, supplying)."""
    w = lemma.lower()
    forms = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing", w + "er", w + "ers"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        stem = w[:-1]
        forms |= {stem + "ies", stem + "ied", stem + "ier", stem + "iers"}
    if w.endswith("e"):
        forms |= {w[:-1] + "ing", w + "d"}
    if re.fullmatch(r".*[^aeiou][aeiou][bdgklmnprt]", w) and len(w) <= 5:
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing", w + w[-1] + "er"}  # ship → shipped
    return forms


def _sense(raw: dict, where: str) -> Sense:
    if not isinstance(raw, dict) or not raw.get("name") or not isinstance(raw.get("words"), list):
        raise OntologyError("each sense needs a name and a list of words", subject=where)
    words = tuple(str(w).lower() for w in raw["words"])
    singles = {f for w in words if " " not in w for f in inflections(w)}
    singles |= {str(w).lower() for w in raw.get("irregular", []) if " " not in str(w)}
    phrases = tuple(w for w in words + tuple(str(i).lower() for i in raw.get("irregular", [])) if " " in w)
    opposites = tuple(str(w).lower() for w in raw.get("opposites", []))
    return Sense(name=raw["name"], words=words, forms=frozenset(singles), phrases=phrases,
                 evidence=frozenset(str(w).lower() for w in raw.get("evidence", [])),
                 categories=tuple(raw.get("categories", [])), statements=tuple(raw.get("statements", [])),
                 contexts=tuple(raw.get("contexts", [])),
                 opposites=frozenset(f for w in opposites if " " not in w for f in inflections(w)),
                 opposite_phrases=tuple(p for w in opposites if " " in w for p in _phrase_forms(w)))


def _phrase_forms(phrase: str) -> set[str]:
    """A phrase with its first word inflected: "turn down" → "turned down", "turning down"."""
    head, _, rest = phrase.partition(" ")
    return {f"{form} {rest}" for form in inflections(head)}


def _read(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise OntologyError(f"cannot read YAML: {exc}".splitlines()[0], subject=str(path)) from None
    if not isinstance(data, dict):
        raise OntologyError("expected a mapping at the top level", subject=str(path))
    return data


def _cues(data: dict, where: str) -> Cues:
    try:
        types = tuple(QuestionType(t["type"], re.compile(t["pattern"], re.I)) for t in data["question_types"])
        lists = {k: tuple(str(v).lower() for v in data[k]) for k in (
            "question_words", "period_heads", "period_prepositions", "topic_heads", "title_words", "generic_name_words", "negation", "modal", "debunk", "exclusive",
            "vote_against", "vote_for", "vote_abstain", "number_modifiers")}
        breaks = tuple(str(v) for v in data["clause_breaks"])
        pattern = re.compile(data["clause_break_pattern"], re.I)
        irregular = {str(k).lower(): str(v).lower() for k, v in (data.get("irregular_verbs") or {}).items()}
    except (KeyError, TypeError, re.error) as exc:
        raise OntologyError(f"missing or invalid entry: {exc}", subject=where) from None
    bad = [t.type for t in types if t.type not in ANSWER_TYPES]
    if bad:
        raise OntologyError(f"unknown answer type(s) {bad}", subject=where)
    return Cues(question_types=types, question_words=frozenset(lists["question_words"]),
                period_heads=frozenset(lists["period_heads"]),
                period_prepositions=frozenset(lists["period_prepositions"]),
                topic_heads=frozenset(lists["topic_heads"]), title_words=frozenset(lists["title_words"]),
                generic_name_words=frozenset(lists["generic_name_words"]), negation=lists["negation"], modal=lists["modal"],
                debunk=lists["debunk"], exclusive=frozenset(lists["exclusive"]),
                vote_against=lists["vote_against"], vote_for=lists["vote_for"],
                vote_abstain=lists["vote_abstain"],
                number_modifiers=tuple(sorted(lists["number_modifiers"], key=len, reverse=True)),
                clause_breaks=breaks, clause_break_pattern=pattern, irregular_verbs=irregular,
                person_nouns=tuple(str(v).lower() for v in data.get("person_nouns", ())))


@lru_cache(maxsize=1)
def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    relations = data_dir / "relations.yaml"
    senses_raw = _read(relations).get("senses")
    if not isinstance(senses_raw, list):
        raise OntologyError("expected a 'senses' list", subject=str(relations))
    senses = tuple(_sense(raw, f"{relations} (entry {i})") for i, raw in enumerate(senses_raw))
    cues_path = data_dir / "cues.yaml"
    return Lexicon(senses=senses, cues=_cues(_read(cues_path), str(cues_path)))
