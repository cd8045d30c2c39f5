"""Answers read from the event and relation record (what the NLP stages stored), before any
sentence search: relation statements for standing ties, events for who-did-what, both
negation-aware (a negated or denied record answers "no", never "yes").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dyad.query.answer_actors import Named
from dyad.query.answer_parse import Question
from dyad.query.answer_store import Party, Report, StoredEvent, StoredStatement, events, statements
from dyad.store import Store


@dataclass
class RecordAnswer:
    answer: str
    value: str | None
    reports: list[Report] = field(default_factory=list)
    events: list[StoredEvent] = field(default_factory=list)
    confidence: float = 0.6
    note: str | None = None


def _is_state(actor: Named) -> bool:
    return actor.kind in ("state", "territory")


def _party_is(party: Party | None, actor: Named) -> bool:
    return party is not None and party.matches(actor.id, _is_state(actor))


def _kinds(q: Question) -> tuple[str, ...]:
    return tuple(dict.fromkeys(k for s in q.senses for k in s.statements))


def _categories(q: Question) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c for s in q.senses for c in s.categories))


def _item_ok(q: Question, item: str | None) -> bool:
    """An item on the record must share a word with the question's item (when both name one)."""
    if not q.item or not item:
        return True
    return bool(set(q.item) & set(item.lower().split()))


def _group_name(party: Party) -> tuple[str, str]:
    key = (party.actor_id or party.name).split(".")[0]
    return key, party.name.split(" (")[0]


def _always(_document_id: str, _sentence: int) -> bool:
    return True


def _kept(reports, keep) -> list[Report]:
    return [r for r in reports if keep(r.document_id, r.sentence)]


def _fact_checked(reports, keep) -> bool:
    """A report inside a fact-check that rejects the claim (or in debunking words) says "no"."""
    for r in reports:
        judged = keep(r.document_id, r.sentence)
        if getattr(judged, "doc_denies", False) or getattr(judged, "debunked", False):
            return True
    return False


HAPPENED = ("asserted", "reported", "denied")  # hypothetical and future events answer nothing yet


def who(store: Store, q: Question, keep=_always) -> RecordAnswer | None:
    """Sources of positive statements or events whose target is the question's actor."""
    if not q.objects:
        return None
    target = q.objects[0].actor
    keys = [target.id]
    asked = [a.actor for a in q.actors]
    found: dict[str, tuple[str, list[Report]]] = {}
    for s in statements(store, _kinds(q), keys):
        if not s.negated and _party_is(s.target, target) and _item_ok(q, s.item) and _kept([s.report], keep):
            if any(_party_is(s.source, a) for a in asked):
                continue
            key, name = _group_name(s.source)
            found.setdefault(key, (name, []))[1].append(s.report)
    for e in events(store, _categories(q), keys):
        if e.denied or e.modality not in HAPPENED or not any(_party_is(t, target) for t in e.targets):
            continue
        reports = _kept(e.reports, keep)
        if not reports or not _item_ok(q, e.item):
            continue
        for src in e.sources:
            if any(_party_is(src, a) for a in asked):  # the question's own actors are not the answer
                continue
            key, name = _group_name(src)
            found.setdefault(key, (name, []))[1].extend(reports[:2])
    if not found:
        return None
    ranked = sorted(found, key=lambda k: -len(found[k][1]))[:3]
    return RecordAnswer(answer=", ".join(found[k][0] for k in ranked), value=",".join(ranked),
                        reports=[r for k in ranked for r in found[k][1][:2]], confidence=0.7)


def which(store: Store, q: Question, keep=_always) -> RecordAnswer | None:
    """Candidates with a positive statement of the asked kind; negated-only ones are not members."""
    kinds = _kinds(q)
    if not kinds or not q.candidates:
        return None
    members, reports = [], []
    for cand in q.candidates:
        hits = [s for s in statements(store, kinds, [cand.actor.id])
                if _party_is(s.source, cand.actor) or _party_is(s.target, cand.actor)]
        positive = [s for s in hits if not s.negated and _others_in_list(s, cand.actor, q) and _kept([s.report], keep)]
        if positive:
            members.append(cand.actor)
            reports += [s.report for s in positive[:2]]
    if not members:
        return None
    names = [m.name for m in members]
    text = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return RecordAnswer(answer=text, value=",".join(m.id for m in members), reports=reports, confidence=0.75)


def _others_in_list(s: StoredStatement, actor: Named, q: Question) -> bool:
    """For a tie between two parties, the other party must be one of the candidates too."""
    other = s.target if _party_is(s.source, actor) else s.source
    if other is None:
        return True
    return any(_party_is(other, c.actor) for c in q.candidates)


def yes_no(store: Store, q: Question, keep=_always) -> RecordAnswer | None:
    """Events (or statements) from the subject to the object: positive → yes, negated/denied → no."""
    if q.subject is None:
        return None
    subject = q.subject.actor
    obj = q.objects[0].actor if q.objects else None
    keys = [subject.id]
    yes, no = [], []
    for e in events(store, _categories(q), keys):
        if not any(_party_is(p, subject) for p in e.sources) or e.modality not in HAPPENED:
            continue
        if obj is not None and not any(_party_is(p, obj) for p in e.targets):
            continue
        if _kept(e.reports, keep):
            (no if e.denied or _fact_checked(e.reports, keep) else yes).append(e)
    for s in statements(store, _kinds(q), keys):
        if _party_is(s.source, subject) and (obj is None or _party_is(s.target, obj)) and _kept([s.report], keep):
            (no if s.negated or _fact_checked([s.report], keep) else yes).append(s)
    if not yes and not no:
        return None
    side = no if len(no) >= len(yes) else yes
    reports = [r for x in side for r in (x.reports[:1] if isinstance(x, StoredEvent) else [x.report])]
    note = f"the record is mixed: {min(len(yes), len(no))} report(s) point the other way" if yes and no else None
    return RecordAnswer(answer="No" if side is no else "Yes", value="no" if side is no else "yes", reports=reports,
                        events=[x for x in side if isinstance(x, StoredEvent)], confidence=0.7, note=note)


def how_vote(store: Store, q: Question, keep=_always) -> RecordAnswer | None:
    if q.subject is None:
        return None
    found = [s for s in statements(store, ("voted_against", "voted_for"), [q.subject.actor.id])
             if _party_is(s.source, q.subject.actor) and not s.negated and _kept([s.report], keep)]
    if not found:
        return None
    s = found[0]
    stance = "against" if s.kind == "voted_against" else "in favour"
    return RecordAnswer(answer=stance, value=stance, reports=[x.report for x in found[:3]], confidence=0.75)


def related_events(store: Store, q: Question, limit: int = 10) -> list[StoredEvent]:
    """Events of the question's categories among its actors (shown with any answer)."""
    keys = [a.actor.id for a in q.actors]
    if not keys:
        return []
    return events(store, _categories(q), keys, limit=limit)


ANSWERERS = {"who": who, "which": which, "yes_no": yes_no, "how_vote": how_vote}
