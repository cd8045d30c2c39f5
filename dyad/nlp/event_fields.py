"""The record fields of a coded event besides its actors: evidence span, date, location, the item
supplied or cut off, the PLOVER contexts its words name, and duplicate removal. Read off the parse
and the event coder's draft (``dyad.nlp.events.Draft``); no coding decisions are made here."""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Doc, Span, Token

from dyad.models import Event
from dyad.nlp.event_words import phrase_text
from dyad.ontology.plover import LexEntry


class DraftFields(Protocol):
    """What these helpers read of the event coder's draft."""

    category: str
    entry: LexEntry
    content: Token
    target_from: list[Token]


def evidence(sent: Span, head: Token) -> tuple[int, int]:
    left, right = head.left_edge, head.right_edge
    if right.i - left.i < 4:
        return sent.start_char, sent.end_char
    left = max(left.i, sent.start)
    right = min(right.i, sent.end - 1)
    doc = sent.doc
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def event_date(doc: Doc, sent: Span, content: Token, head: Token) -> tuple[str | None, str | None]:
    timexes = [t for t in (doc._.timexes or []) if sent.start <= t.span.start < sent.end]
    if not timexes:
        return None, None
    lo, hi = head.left_edge.i, head.right_edge.i
    inside = [t for t in timexes if lo <= t.span.start <= hi]
    if not inside:
        return None, None
    best = min(inside, key=lambda t: abs(t.span.start - content.i))
    return best.value, best.precision


def location(d: DraftFields) -> str | None:
    """A place stated with the event ("in Idlib"); it may also be the event's target."""
    for holder in [d.content] + d.target_from:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "inside", "near"):
                for pobj in child.children:
                    if pobj.ent_type_ in ("GPE", "LOC", "FAC"):
                        ent = next((e for e in pobj.doc.ents if e.start <= pobj.i < e.end), None)
                        return ent.text if ent is not None else pobj.text
    return None


_ITEM_CATEGORIES = {"AID", "COOPERATE", "AGREE", "SANCTION", "SUPPORT"}


def item(d: DraftFields) -> str | None:
    """What is supplied, agreed or cut off: the object noun phrase ("surveillance equipment",
    "any financial, material or military assistance" → without the determiner)."""
    if d.category not in _ITEM_CATEGORIES and d.entry.role != "light":
        return None
    noun = d.content if d.content.pos_ in ("NOUN", "PROPN") else next(
        (c for c in d.content.children if c.dep_ == "dobj"), None)
    if noun is None:
        return None
    words = phrase_text(noun).split()
    while words and words[0].lower() in ("a", "an", "the", "any", "some", "its", "their", "his", "her", "no"):
        words = words[1:]
    return " ".join(words) or None


def contexts(sent: Span, d: DraftFields, named_at: dict[int, tuple[str, ...]], supply: bool) -> tuple[str, ...]:
    """Contexts named in the event's own clause, else anywhere in the sentence (``named_at``:
    token index → contexts its word names, ``event_triggers.context_tokens``); ``supply``: an
    act that needs a recipient, whose item may be named elsewhere in the sentence."""
    clause = [c for h in [d.content] + d.target_from for t in _clause_tokens(h) for c in named_at.get(t.i, ())]
    if clause or not supply:
        return tuple(clause)
    # what is supplied is often named elsewhere ("support ... in surveillance")
    return tuple(c for i, found in named_at.items() if sent.start <= i < sent.end for c in found)


def _clause_tokens(head: Token) -> list[Token]:
    """The subtree of ``head`` without coordinated clauses (they are other events)."""
    out, stack = [], [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")))
    return out


def _parties(actors) -> tuple:
    return tuple(sorted((a.id or "", a.country or "", a.sector or "") for a in actors))


def dedupe(events: list[Event], restated: set[int] = frozenset()) -> list[Event]:
    """One event per trigger; a denial said twice in one sentence ("denied carrying out drone strikes
    on Moscow, saying it had nothing to do with the attack") is one denied event, the one that
    names its target; a stance told again by a participle or naming clause (``restated``: ids of
    those events) adds nothing to the same party's same stance."""
    seen: set[tuple] = set()
    out = []
    for e in events:
        key = (e.sentence, e.category, e.source, e.target, e.negated, e.trigger)
        if key not in seen:
            seen.add(key)
            out.append(e)
    denied = {(e.sentence, e.category, _parties(e.source)) for e in out if _denied(e) and e.target}
    out = [e for e in out if e.target or not _denied(e) or (e.sentence, e.category, _parties(e.source)) not in denied]
    # a stance said twice ("rejected the proposal, dismissing its terms as unrealistic", "denounced
    # what it called illegal sanctions") is one speech act
    def key(e: Event) -> tuple:
        return e.sentence, e.category, _parties(e.source), e.negated

    stances = [e for e in out if e.category in _STANCES and e.source]
    told = {key(e) for e in stances if id(e) in restated} & {key(e) for e in stances if id(e) not in restated}
    aimed = {key(e) for e in stances if e.target}
    drop = {id(e) for e in stances if key(e) in told and not e.target and (key(e) in aimed or id(e) in restated)}
    # the same stance of the same party towards the same party told twice ("drawing condemnation from
    # Qatar, which called the attack a violation") is one speech act; two material acts are two acts
    said: set[tuple] = set()
    for e in stances:
        if id(e) not in drop:
            full = (*key(e), _parties(e.target), e.modality)
            if full in said:
                drop.add(id(e))
            said.add(full)
    return [e for e in out if id(e) not in drop]


_STANCES = frozenset({"ACCUSE", "REJECT", "SUPPORT", "REQUEST", "THREATEN"})


def _denied(e: Event) -> bool:
    return e.negated or e.modality == "denied"
