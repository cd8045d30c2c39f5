"""An event's ``confidence``: the estimated chance that a careful human coder codes the same event
(same PLOVER category, compatible actors — the ``dyad.eval.events_precision`` matcher).

A small logistic model over what the coder knows when it emits an event (``EventFeatures``):
the category's class, how the trigger was found (a single word, a lexicon phrase or light verb
with its noun, a frame over another event) and whether it is a verb, whether each side has an
actor, a registry actor and a country, whether a country was guessed from the sentence or an
actor came through a pronoun, negation, modality, attribution to a quoted speaker, quotation
marks, how far the source is from the trigger, and the sentence's length.

The weights are data (``dyad/nlp/models/event_confidence.json``, loaded once), fitted by
``scripts/fit_event_confidence.py`` on the event precision gold (``eval/events_precision``);
that file records the data, the features and the cross-validated figures. The scores are
calibrated to unseen news (the gold's blind part), where only about one coded event in nine is
right: a confidence of 0.25 is a good event, not a poor one. A feature the file does not weigh
contributes nothing, so adding a feature here changes no score until a refit.

``recording()`` lets the fitting script collect each event's features while the pipeline runs;
outside it nothing is kept.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from spacy.tokens import Span, Token

from dyad.errors import ConfigError, OntologyError
from dyad.models import ActorRef, Event
from dyad.nlp.types import MentionSpan
from dyad.ontology.actor_data import state_organs
from dyad.ontology.plover import load_plover

MODEL_FILE = Path(__file__).resolve().parent / "models" / "event_confidence.json"
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "him", "her", "them", "us", "his", "its", "their", "our"})
_STATE_SECTORS = state_organs()  # PLOVER/CAMEO state agent codes
_QUOTE_MARKS = frozenset('"“”«»')
# the scorer compares the two sides of these as one set (who met whom has no direction), so
# their actors are easier to get right: a class of their own, apart from PLOVER's quads
_RECIPROCAL = frozenset({"CONSULT", "AGREE", "COOPERATE"})
_RECORDER: ContextVar[list[tuple[Event, EventFeatures]] | None] = ContextVar("dyad_event_features", default=None)


class DraftLike(Protocol):
    """What the scorer reads of the event coder's draft (``dyad.nlp.events.Draft``)."""

    content: Token
    frame: Token | None
    inner: str | None
    trigger: str
    verbal: bool


@dataclass(frozen=True)
class EventFeatures:
    """What is known about one coded event when it is emitted."""

    category: str
    trigger_kind: str  # "frame" (over another event), "phrase" (lexicon phrase, light verb + noun), "word"
    verbal: bool  # the trigger is a verb (an event noun is less certain)
    has_source: bool
    has_target: bool
    source_country: bool  # some source actor has a country
    source_known: bool  # some source actor is in the registry (has an id)
    source_state: bool  # some source actor is a state or an organ of one (government, military, police ...)
    target_known: bool
    target_country: bool
    same_country: bool  # source and target countries overlap (a domestic act)
    guessed: bool  # a country was inferred from the sentence for an unplaced actor
    pronoun_actor: bool  # a source or target was reached through a pronoun or coreference
    negated: bool
    modality: str
    attributed: bool  # inside a quote with a known speaker
    quoted: bool  # the sentence carries quotation marks
    distance: int  # tokens between the trigger and the nearest source mention (-1: none found)
    sent_len: int  # tokens in the sentence
    lemma: str = ""  # the trigger's content word, lower-cased lemma


@dataclass(frozen=True)
class ConfidenceModel:
    intercept: float
    weights: dict[str, float]

    def probability(self, features: EventFeatures) -> float:
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in feature_values(features).items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_FILE) -> ConfidenceModel:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return ConfidenceModel(float(raw["intercept"]), {k: float(v) for k, v in raw["weights"].items()})
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        raise ConfigError(f"cannot read the event confidence model ({err})", subject=str(path)) from None


def feature_values(f: EventFeatures) -> dict[str, float]:
    """The named numeric inputs of the model (indicators and scaled counts)."""
    values = {
        f"category:{f.category}": 1.0, f"trigger:{f.trigger_kind}": 1.0, f"modality:{f.modality}": 1.0,
        "verbal": float(f.verbal),
        "has_source": float(f.has_source), "has_target": float(f.has_target),
        f"group:{category_group(f.category)}": 1.0,
        "source_known": float(f.source_known), "source_state": float(f.source_state), "target_known": float(f.target_known),
        "source_country": float(f.source_country), "target_country": float(f.target_country),
        "both_countries": float(f.source_country and f.target_country), "same_country": float(f.same_country),
        "guessed": float(f.guessed), "pronoun_actor": float(f.pronoun_actor), "negated": float(f.negated),
        "attributed": float(f.attributed), "quoted": float(f.quoted),
        "far_source": float(f.distance > 8), "no_source_mention": float(f.distance < 0),
        "log_sent_len": math.log1p(f.sent_len) - math.log1p(25),  # centred on a typical news sentence
    }
    if f.lemma:
        values[f"lemma:{f.lemma}"] = 1.0
    return values


def category_group(category: str) -> str:
    """"reciprocal", "cooperative" (the other cooperation categories), "verbal_conflict" or
    "material_conflict" (PLOVER's quads); "other" for a name PLOVER does not know."""
    if category in _RECIPROCAL:
        return "reciprocal"
    try:
        cat = load_plover().category(category)
    except OntologyError:
        return "other"
    return "cooperative" if cat.cooperative else cat.quad


def features(event: Event, draft: DraftLike, sent: Span, guessed: bool) -> EventFeatures:
    src_c = {a.country for a in event.source if a.country}
    tgt_c = {a.country for a in event.target if a.country}
    mentions = [m for m in (sent.doc._.mentions or []) if sent.start <= m.span.start < sent.end and m.actor is not None]
    return EventFeatures(
        category=event.category, trigger_kind=_trigger_kind(draft), verbal=draft.verbal, has_source=bool(event.source),
        has_target=bool(event.target), source_known=any(a.id for a in event.source),
        source_state=any(_state(a) for a in event.source),
        target_known=any(a.id for a in event.target), source_country=bool(src_c), target_country=bool(tgt_c),
        same_country=bool(src_c & tgt_c), guessed=guessed,
        pronoun_actor=_via_pronoun(event.source + event.target, mentions),
        negated=event.negated, modality=event.modality, attributed=event.attributed_to is not None,
        quoted=any(ch in _QUOTE_MARKS for ch in sent.text), distance=_source_distance(event.source, draft.content, mentions),
        sent_len=len(sent), lemma=draft.content.lemma_.lower())


def score(event: Event, draft: DraftLike, sent: Span, guessed: bool) -> float:
    """The calibrated confidence of a freshly coded event (rounded to 3 decimals)."""
    f = features(event, draft, sent, guessed)
    value = round(load_model().probability(f), 3)
    found = _RECORDER.get()
    if found is not None:
        found.append((event, f))
    return value


@contextmanager
def recording() -> Iterator[list[tuple[Event, EventFeatures]]]:
    """Collect (event as scored, its features) for every event scored inside the block; the
    events carry the pre-score confidence, so match them on everything but ``confidence``."""
    found: list[tuple[Event, EventFeatures]] = []
    token = _RECORDER.set(found)
    try:
        yield found
    finally:
        _RECORDER.reset(token)


def _trigger_kind(d: DraftLike) -> str:
    if d.frame is not None or d.inner is not None:
        return "frame"
    if len(d.trigger.split()) > 1:
        return "phrase"  # a lexicon phrase or a light verb with its event noun
    return "word"


def _state(actor: ActorRef) -> bool:
    return actor.sector in _STATE_SECTORS or (actor.id is not None and actor.id == actor.country)


def _mentions_of(actor: ActorRef, mentions: list[MentionSpan]) -> list[MentionSpan]:
    """The sentence's mentions of ``actor`` (its country may have been settled since: match by
    registry id, name or words)."""
    return [m for m in mentions if (actor.id is not None and m.actor.id == actor.id) or m.actor.name == actor.name
            or (actor.text is not None and m.span.text == actor.text)]


def _via_pronoun(actors: tuple[ActorRef, ...], mentions: list[MentionSpan]) -> bool:
    for actor in actors:
        if actor.text and actor.text.lower() in _PRONOUNS:
            return True
        found = _mentions_of(actor, mentions)
        if found and all(m.via == "coref" for m in found):
            return True
    return False


def _source_distance(sources: tuple[ActorRef, ...], trigger: Token, mentions: list[MentionSpan]) -> int:
    dists = [min(abs(trigger.i - m.span.start), abs(trigger.i - (m.span.end - 1)))
             for a in sources for m in _mentions_of(a, mentions)]
    return min(dists) if dists else -1
