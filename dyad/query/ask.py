"""Question answering over the record, every answer resting on cited sentences.

``answer(store, question, settings=None) -> AnswerPublic``:

1. parse the question (answer type, actors via the registry, relation senses via the
   question lexicon, item words, period, candidates);
2. read the event and relation record first (negation-aware);
3. else retrieve sentences (BM25 fused with embedding cosine) and extract the answer span
   from the sentences that carry every element of the question;
4. cite each supporting sentence (document, title, outlet, date, character span). When
   nothing qualifies the answer is empty with the note "no answer in the record": a wrong
   answer is worse than none.

No network call unless ``settings.llm_url`` is set, and then only to phrase the answer
from Dyad's own evidence (``dyad.query.answer_llm``).
"""

from __future__ import annotations

from typing import Optional

from pydantic import BaseModel, Field

from dyad.errors import InputError
from dyad.query import answer_records, answer_sentences as sent
from dyad.query.answer_actors import finder as actor_finder
from dyad.query.answer_lexicon import load_lexicon
from dyad.query.answer_parse import Question, parse
from dyad.query.answer_store import Report, StoredEvent
from dyad.query.retrieve import SentenceHit, retrieve, sentence_at
from dyad.settings import Settings, get_settings
from dyad.store import Store

NO_ANSWER = "no answer in the record"
THIN = "the record is thin: one sentence supports this answer"
EMPTY = "no answer in the record: the question names no actor, relation or topic to look for"
RETRIEVE_LIMIT = 40


class CitationPublic(BaseModel):
    document_id: str
    title: Optional[str] = None
    outlet: Optional[str] = None
    published_at: Optional[str] = None
    sentence: str
    sentence_index: int
    start: int  # character span of the sentence in the document text
    end: int
    answer_start: Optional[int] = None  # span of the answer words inside the document, when known
    answer_end: Optional[int] = None


class AnswerEventPublic(BaseModel):
    id: int
    category: str
    source: list[str]
    target: list[str]
    negated: bool
    modality: str
    date: Optional[str] = None
    item: Optional[str] = None


class ParsedPublic(BaseModel):
    actors: list[str] = Field(default_factory=list)
    senses: list[str] = Field(default_factory=list)
    item: list[str] = Field(default_factory=list)
    candidates: list[str] = Field(default_factory=list)
    period: Optional[str] = None


class AnswerPublic(BaseModel):
    question: str
    answer: Optional[str] = None
    answer_type: str = "unknown"
    value: Optional[str] = None  # normalised answer: ISO date, number, actor ids, yes/no
    confidence: float = 0.0
    source: str = "none"  # records | sentences | none
    evidence: list[CitationPublic] = Field(default_factory=list)
    events: list[AnswerEventPublic] = Field(default_factory=list)
    note: Optional[str] = None
    phrased: Optional[str] = None  # the answer phrased by the optional LLM endpoint
    parsed: ParsedPublic = Field(default_factory=ParsedPublic)


# --------------------------------------------------------------------------- evidence


def _evidence(hit: SentenceHit, span: tuple[int, int] | None = None) -> CitationPublic:
    return CitationPublic(document_id=hit.document_id, title=hit.title, outlet=hit.outlet,
                          published_at=hit.published_at, sentence=hit.text, sentence_index=hit.index,
                          start=hit.start, end=hit.end,
                          answer_start=hit.start + span[0] if span else None,
                          answer_end=hit.start + span[1] if span else None)


def _report_evidence(store: Store, reports: list[Report]) -> list[CitationPublic]:
    out, seen = [], set()
    for r in reports:
        if (r.document_id, r.sentence) in seen:
            continue
        seen.add((r.document_id, r.sentence))
        hit = sentence_at(store, r.document_id, r.sentence)
        if hit is not None:
            out.append(_evidence(hit, (r.start - hit.start, r.end - hit.start) if hit.start <= r.start else None))
    return out


def _event_public(e: StoredEvent) -> AnswerEventPublic:
    return AnswerEventPublic(id=e.id, category=e.category, source=[p.name for p in e.sources],
                       target=[p.name for p in e.targets], negated=e.negated, modality=e.modality, date=e.date,
                       item=e.item)


def _parsed(q: Question) -> ParsedPublic:
    return ParsedPublic(actors=[a.actor.id for a in q.actors], senses=[s.name for s in q.senses], item=list(q.item),
                        candidates=[c.actor.id for c in q.candidates], period=q.period)


# --------------------------------------------------------------------------- the two paths


def _from_records(store: Store, q: Question, settings: Settings) -> AnswerPublic | None:
    answerer = answer_records.ANSWERERS.get(q.type)
    if answerer is None:
        return None
    keep = sent.record_gate(q, store, actor_finder(settings.registry_paths), load_lexicon())
    found = answerer(store, q, keep)
    if found is None:
        return None
    evidence = _report_evidence(store, found.reports)
    if not evidence:  # no fact without a sentence
        return None
    return AnswerPublic(question=q.text, answer=found.answer, answer_type=q.type, value=found.value,
                        confidence=found.confidence, source="records", evidence=evidence,
                        events=[_event_public(e) for e in found.events], note=found.note)


def _resolve_date(text: str, anchor: str | None) -> str | None:
    try:
        from dyad.timeparse import resolve

        resolved = resolve(text, (anchor or "")[:10] or None)
        return resolved[0] if resolved else None
    except Exception:  # a date the parser cannot read keeps its words; the value stays empty
        return None


def _extract(q: Question, judged: list[sent.Judged]) -> sent.Found | None:
    lexicon = load_lexicon()
    by_type = {
        "who": lambda: sent.answer_who(q, judged),
        "which": lambda: sent.answer_which(q, judged) if q.candidates else sent.answer_who(q, judged),
        "yes_no": lambda: sent.answer_yes_no(q, judged),
        "when": lambda: sent.answer_when(q, judged, _resolve_date),
        "how_many": lambda: sent.answer_how_many(q, judged, lexicon),
        "how_much": lambda: sent.answer_how_much(q, judged, lexicon),
        "how_vote": lambda: sent.answer_how_vote(q, judged, lexicon),
        "what": lambda: sent.answer_what(q, judged, lexicon) or sent.best_sentence(q, judged),
        "unknown": lambda: sent.best_sentence(q, judged),
    }
    return by_type[q.type]()


def _from_sentences(store: Store, q: Question, settings: Settings) -> AnswerPublic | None:
    hits = retrieve(store, q.keywords, q.text, limit=RETRIEVE_LIMIT, semantic=settings.embeddings)
    if not hits:
        return None
    judged = sent.judge(q, hits, store, actor_finder(settings.registry_paths), load_lexicon())
    found = _extract(q, judged)
    if found is None:
        return None
    evidence = [_evidence(j.hit, span) for j, span in _dedupe(found.support)][:5]
    note = found.note or (THIN if len(evidence) == 1 and found.confidence < 0.9 else None)
    return AnswerPublic(question=q.text, answer=found.answer, answer_type=q.type, value=found.value,
                        confidence=found.confidence, source="sentences", evidence=evidence, note=note)


def _dedupe(support):
    seen, out = set(), []
    for j, span in support:
        if j.hit.sentence_id not in seen:
            seen.add(j.hit.sentence_id)
            out.append((j, span))
    return out


def _same_answer(a: AnswerPublic, b: AnswerPublic) -> bool:
    if a.value and b.value:
        return bool(set(a.value.split(",")) & set(b.value.split(",")))
    return (a.answer or "").lower() == (b.answer or "").lower()


def _combine(records: AnswerPublic | None, sentences: AnswerPublic | None) -> AnswerPublic | None:
    """The record answers first; when sentence search agrees, its spans lead the evidence."""
    if records is None or sentences is None:
        return records or sentences
    if not _same_answer(records, sentences):
        # say so: the reader sees both and can weigh the evidence
        disagreement = f"sentence search points elsewhere ({sentences.answer})"
        records.note = f"{records.note}; {disagreement}" if records.note else disagreement
        return records
    seen = {(e.document_id, e.sentence_index) for e in sentences.evidence}
    records.evidence = sentences.evidence + [e for e in records.evidence
                                             if (e.document_id, e.sentence_index) not in seen]
    records.confidence = round(min(0.95, max(records.confidence, sentences.confidence) + 0.1), 2)
    records.source = "records+sentences"
    records.note = records.note if records.note != THIN else None
    return records


# --------------------------------------------------------------------------- entry point


def _has_substance(q: Question) -> bool:
    """A question must name something to look for: an actor, a name, a relation or a content word."""
    return bool(q.actors or q.names or q.senses or [w for w in q.content if len(w) >= 3])


def parse_question(question: str, settings: Settings | None = None) -> Question:
    settings = settings or get_settings()
    return parse(question, actor_finder(settings.registry_paths), load_lexicon())


def answer(store: Store, question: str, settings: Settings | None = None) -> AnswerPublic:
    """Answer one question from the store, citing the sentences the answer rests on."""
    if not question or not question.strip():
        raise InputError("the question is empty; ask e.g. \"Who supplies Iran with drones?\"", subject="ask")
    settings = settings or get_settings()
    q = parse_question(question, settings)
    if not _has_substance(q):
        return AnswerPublic(question=q.text, answer_type=q.type, note=EMPTY, parsed=_parsed(q))
    result = _combine(_from_records(store, q, settings), _from_sentences(store, q, settings))
    if result is None:
        result = AnswerPublic(question=q.text, answer_type=q.type, note=NO_ANSWER)
    if not result.events and result.answer is not None:
        result.events = [_event_public(e) for e in answer_records.related_events(store, q, limit=5)]
    result.parsed = _parsed(q)
    if settings.llm_url and result.answer:
        from dyad.query.answer_llm import phrase

        result.phrased = phrase(settings, result)
    return result
