"""Scoring of Dyad's coreference (``dyad_coref``: pronouns and short descriptions standing for an
actor named earlier) against gold coreference chains (GUM news).

A Dyad coreference mention is *right* when the gold mention at its place (same span, or the
shortest gold mention ending where it ends and containing it) belongs to a chain with an earlier
mention of the same actor: one whose head Dyad itself resolved to that actor (same registry id,
or same name for an actor outside the registry), or whose words name it (the actor's name, its last
word — a surname — or the chain's Wikipedia title).

* ``coref_precision``: right mentions among Dyad's coreference mentions (one that stands where
  the gold has no mention at all — an "it" of "it is raining" — is wrong);
* ``coref_recall``: gold pronouns whose chain has an earlier mention whose head Dyad resolved to
  a registry actor (the pronouns Dyad is meant to resolve: public actors, not private persons),
  and that Dyad resolved right;
* ``coref_f1``: their harmonic mean.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from dyad.eval.metrics import safe_div
from dyad.models import ActorRef
from dyad.nlp.types import MentionSpan

PRONOUNS = frozenset({"he", "she", "it", "they", "his", "her", "its", "their", "them", "him", "theirs", "hers"})


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    text: str
    cluster: str
    wikipedia: str | None = None


def align(start: int, end: int, golds: list[GoldMention]) -> GoldMention | None:
    """The gold mention at a span: the same span (GUM keeps a possessive's "'s" inside the mention:
    "The government's"), else the shortest one ending there and containing it."""
    exact = [g for g in golds if g.start == start and (g.end == end or (0 < g.end - end <= 2 and _possessive(g.text)))]
    if exact:
        return exact[0]
    around = [g for g in golds if g.end == end and g.start <= start]
    return min(around, key=lambda g: g.end - g.start) if around else None


def _possessive(text: str) -> bool:
    return text.endswith(("'s", "’s", "'", "’"))


def _names(actor: ActorRef, text: str, wikipedia: str | None) -> bool:
    words = text.lower().replace("’", "'").split()
    name = actor.name.lower()
    last = name.split()[-1] if name.split() else ""
    return (name in text.lower() or (len(last) > 2 and last in words)
            or (wikipedia is not None and wikipedia.replace("_", " ").lower() == name))


def _same_actor(a: ActorRef, b: ActorRef) -> bool:
    return a.id == b.id if a.id is not None or b.id is not None else a.name == b.name


def antecedent_right(at: GoldMention, actor: ActorRef, golds: list[GoldMention],
                     direct: list[MentionSpan]) -> bool:
    """Some earlier mention of ``at``'s gold chain is ``actor``: resolved so by Dyad, or named."""
    for g in golds:
        if g.cluster != at.cluster or g.start >= at.start:
            continue
        if _names(actor, g.text, g.wikipedia):
            return True
        if any(_heads(m, g) and _same_actor(m.actor, actor) for m in direct):
            return True
    return False


def _heads(m: MentionSpan, g: GoldMention) -> bool:
    """Dyad's mention stands for the gold mention: inside it, ending where it ends (or before its
    possessive "'s") and covering at least half of it — "Australian" in "an Australian woman" is
    not the woman, nor "Australia" in "pregnant women in Australia"."""
    end_ok = m.span.end_char == g.end or (0 < g.end - m.span.end_char <= 2 and _possessive(g.text))
    return g.start <= m.span.start_char and end_ok and 2 * (m.span.end_char - m.span.start_char) >= g.end - g.start


def _direct(doc: Doc) -> list[MentionSpan]:
    return [m for m in doc._.mentions or () if m.via != "coref" and m.actor is not None]


def score_doc(doc: Doc, golds: list[GoldMention], tally: Counter, errors: list[dict]) -> None:
    direct = _direct(doc)
    resolved: dict[tuple[int, int], bool] = {}
    for m in (m for m in doc._.mentions or () if m.via == "coref" and m.actor is not None):
        at = align(m.span.start_char, m.span.end_char, golds)
        right = at is not None and antecedent_right(at, m.actor, golds, direct)
        tally["resolved"] += 1
        tally["resolved_right"] += right
        if at is not None:
            resolved[(at.start, at.end)] = right
        if not right:
            errors.append({"error": "wrong" if at else "no gold mention", "text": m.span.text,
                           "actor": m.actor.name, "sentence": m.span.sent.text[:200]})
    registry = [m for m in direct if m.actor.id is not None]
    for g in golds:
        if g.text.lower() not in PRONOUNS or not _has_registry_antecedent(g, golds, registry):
            continue
        tally["pronouns"] += 1
        tally["pronouns_right"] += resolved.get((g.start, g.end), False)


def _has_registry_antecedent(at: GoldMention, golds: list[GoldMention], registry: list[MentionSpan]) -> bool:
    return any(g.cluster == at.cluster and g.start < at.start and any(_heads(m, g) for m in registry) for g in golds)


def coref_scores(docs: list[Doc], gold: dict[str, list[GoldMention]]) -> tuple[dict[str, float], dict]:
    tally: Counter = Counter()
    errors: list[dict] = []
    for doc in docs:
        score_doc(doc, gold.get(doc._.doc_id, []), tally, errors)
    precision = safe_div(tally["resolved_right"], tally["resolved"])
    recall = safe_div(tally["pronouns_right"], tally["pronouns"])
    metrics = {"coref_precision": precision, "coref_recall": recall,
               "coref_f1": safe_div(2 * precision * recall, precision + recall)}
    details = {"coref_resolved": tally["resolved"], "coref_resolved_right": tally["resolved_right"],
               "coref_gold_pronouns": tally["pronouns"], "coref_pronouns_right": tally["pronouns_right"],
               "coref_errors": errors[:200]}
    return metrics, details
