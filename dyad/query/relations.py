"""Standing ties (relations) aggregated from relation statements and supporting events.

A statement ("Iran and Russia signed a defence pact") and an event that implies a tie
(AID with a material item between parties of different countries: the source is a supplier of
the target) both count. The
key of a tie is (kind, source, target, negated, modality): "no defence pact" never merges into a
pact, nor "would sign a pact" (a hypothetical or future statement) into a signed one.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.engine import Connection

from dyad.models import is_negated
from dyad.query.events import (EventFilter, _as_tuple, conditions, evidence_of, evidence_select, hydrate,
                               resolve_actor_conn)
from dyad.query.records import ActorRefPublic, EventPublic, EvidencePublic, RelationPublic
from dyad.store import schema as t

# Ties that read the same both ways: "A and B signed a pact" == "B and A signed a pact".
SYMMETRIC = frozenset({"defence_pact", "trade_partner", "ally_of"})
# Events whose item makes the source a supplier of the target. Not COOPERATE: its items are
# mutual ("strategic cooperation", "common view"), not goods flowing one way.
SUPPLY_CATEGORIES = ("AID",)
SUPPLY_KIND = "supplier_of"
# Hypothetical and future events are not standing ties yet.
UNREALISED = ("hypothetical", "future")


@dataclass(frozen=True)
class _Tie:
    """One piece of support for a tie: a statement or one actor pair of an event."""

    kind: str
    source: ActorRefPublic
    target: ActorRefPublic | None
    negated: bool
    date: str | None
    evidence: tuple[EvidencePublic, ...]
    modality: str = "asserted"  # "asserted", or UNREALISED for "would sign a pact"
    item: str | None = None
    amount: str | None = None
    attributed_to: str | None = None
    from_event: bool = False


def _key(actor: ActorRefPublic | None) -> str:
    if actor is None:
        return ""
    return actor.id or "text:" + " ".join(actor.name.lower().split())


def _tie_key(tie: _Tie) -> tuple:
    a, b = _key(tie.source), _key(tie.target)
    if tie.kind in SYMMETRIC and b and b < a:
        a, b = b, a
    return tie.kind, a, b, tie.negated, tie.modality


def find_relations(store, kind: str | None = None, actor: str | None = None, negated: bool | None = None,
                   evidence_limit: int = 20) -> list[RelationPublic]:
    """Ties, strongest first; ``kind`` may be a comma list, ``actor`` matches either side."""
    kinds = _as_tuple(kind, lower=True)
    with store.engine.connect() as conn:
        ties = _statement_ties(conn, kinds, actor)
        if not kinds or SUPPLY_KIND in kinds:
            ties += _event_ties(conn, actor)
    if negated is not None:
        ties = [x for x in ties if x.negated == negated]
    groups: dict[tuple, list[_Tie]] = {}
    for tie in ties:
        groups.setdefault(_tie_key(tie), []).append(tie)
    out = [_relation(group, evidence_limit) for group in groups.values()]
    out.sort(key=lambda r: r.last_seen or "", reverse=True)  # then, stably: most support first
    return sorted(out, key=lambda r: -(r.n_statements + r.n_events))


def _statement_ties(conn: Connection, kinds: tuple[str, ...], actor: str | None) -> list[_Tie]:
    st = t.statements
    cols, joined = evidence_select(st)
    query = select(st, *cols).select_from(joined)
    if kinds:
        query = query.where(st.c.kind.in_(kinds))
    if actor:
        sel = resolve_actor_conn(conn, actor)
        query = query.where(or_(sel.clause(st.c.source_id, st.c.source_country, st.c.source_name),
                                sel.clause(st.c.target_id, st.c.target_country, st.c.target_name)))
    return [_statement_tie(r) for r in conn.execute(query.order_by(st.c.date, st.c.id))]


def _statement_tie(r) -> _Tie:
    source = ActorRefPublic(id=r.source_id, name=r.source_name, country=r.source_country)
    target = None
    if r.target_id or r.target_name:
        target = ActorRefPublic(id=r.target_id, name=r.target_name or r.target_id, country=r.target_country)
    # A denial ("X denied signing a pact") reads as a negated tie, as for events below.
    negated = is_negated(r.negated, r.modality)
    return _Tie(kind=r.kind, source=source, target=target, negated=negated, date=r.date,
                evidence=(evidence_of(r),), modality=_tie_modality(r.modality), item=r.item, amount=r.amount,
                attributed_to=r.attributed_to)


def _tie_modality(modality: str | None) -> str:
    """Reported and denied statements are facts about a tie (denials come negated); the others are not yet."""
    return modality if modality in UNREALISED else "asserted"


def _event_ties(conn: Connection, actor: str | None) -> list[_Tie]:
    e = t.events
    filt = EventFilter(actor=actor, category=SUPPLY_CATEGORIES)
    # Supply events with an item are few; a frequent actor is probed on them, not collected first.
    query = select(e.c.id).where(*conditions(conn, filt, probe=None), e.c.item.is_not(None),
                                 e.c.modality.not_in(UNREALISED)).order_by(e.c.date, e.c.id)
    ids = [r[0] for r in conn.execute(query)]
    ties = [tie for event in hydrate(conn, ids) for tie in _supply_ties(event)]
    if actor:
        # "China and Russia sent no arms to Iran" also yields Russia → Iran: not one of China's ties.
        sel = resolve_actor_conn(conn, actor)
        ties = [x for x in ties if _involves(sel, x.source) or (x.target is not None and _involves(sel, x.target))]
    return ties


def _involves(sel, actor: ActorRefPublic) -> bool:
    return sel.matches(actor.id, actor.country, actor.name)


def _supply_ties(event: EventPublic) -> list[_Tie]:
    """The supplier ties an AID event implies: goods (weapons, equipment, technology, fuel, money,
    food — not "support", "votes" or people) passing between parties of different countries, the
    supplier not a crowd or a newsroom, the receiver not a crowd ("evacuated 80 people" is help, not
    a standing tie)."""
    if not material_item(event.item):
        return []
    # A denial ("X denied supplying drones") reads as a negated tie, like a negated statement.
    negated = is_negated(event.negated, event.modality)
    return [_Tie(kind=SUPPLY_KIND, source=s, target=g, negated=negated, date=event.date,
                 evidence=tuple(event.evidence), item=event.item, attributed_to=event.attributed_to,
                 from_event=True)
            for s in event.source for g in event.target if _supply_parties(s, g)]


def material_item(item: str | None) -> bool:
    """Whether an event's item names something supplied: its head noun is a thing Dyad's lexicon
    lists as supplied (weapons, equipment, oil, funds, food ...), or an aid noun with its kind or
    amount ("military aid", "humanitarian assistance", "$2 billion in loans")."""
    from dyad.ontology.plover import load_lexicon

    words = [w.strip(".,;:'\"()").lower() for w in (item or "").split()]
    words = [w.removesuffix("'s").removesuffix("’s") for w in words if w]
    if not words:
        return False
    lexicon = load_lexicon()
    for head in _singulars(words[-1]):
        entry = lexicon.nouns.get(head)
        if lexicon.is_item(head):
            return True
        kind_or_amount = any(w in lexicon.context_words or any(c.isdigit() or c in "$€£" for c in w) for w in words[:-1])
        if entry is not None and entry.category == "AID" and kind_or_amount:
            return True
    return False


def _singulars(word: str) -> list[str]:
    out = [word]
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s"):
        out.append(word[:-1])
    return out


_CROWDS = frozenset({"CVL", "REF"})  # people at large: helped, not supplied
_NOT_SUPPLIERS = _CROWDS | {"JRN", "MED"}  # nor do newsrooms supply what they report


def _supply_parties(source: ActorRefPublic, target: ActorRefPublic) -> bool:
    if source.sector in _NOT_SUPPLIERS or target.sector in _CROWDS:
        return False
    return not (source.country and target.country and source.country == target.country)


def _unique(values) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _relation(group: list[_Tie], evidence_limit: int) -> RelationPublic:
    first = group[0]
    dates = sorted(x.date for x in group if x.date)
    evidence = _unique_evidence(e for x in group for e in x.evidence)
    return RelationPublic(
        kind=first.kind, source=first.source, target=first.target, negated=first.negated, modality=first.modality,
        items=_unique(x.item for x in group), amounts=_unique(x.amount for x in group),
        first_seen=dates[0] if dates else None, last_seen=dates[-1] if dates else None,
        n_statements=sum(not x.from_event for x in group), n_events=sum(x.from_event for x in group),
        attributed_to=_unique(x.attributed_to for x in group), evidence=evidence[:evidence_limit])


def _unique_evidence(items) -> list[EvidencePublic]:
    seen: dict[tuple, EvidencePublic] = {}
    for ev in items:
        seen.setdefault((ev.document_id, ev.sentence_index, ev.start, ev.end), ev)
    return list(seen.values())
