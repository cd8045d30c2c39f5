"""A bare surname refers to the person the article named in full, not to a namesake.

Used by ``dyad.nlp.coref`` before pronouns are resolved. The actor stage matches a lone
surname ("Putin", "Johnson") against the registry and so may read it as a well-known office
holder; but when the article has already named someone else in full with that surname
("Labour activist Peter Putin ... Putin said"), news style says the surname is that person.
The registry reading stands when the article also names the registry person (by id) before,
or when two different people of that surname were named: then the surname is ambiguous.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dyad.models import ActorRef
from dyad.nlp.types import MentionSpan


def own_namesakes(mentions: list[MentionSpan]) -> list[MentionSpan]:
    """``mentions`` with each bare surname re-pointed to the one earlier full name it shortens."""
    full: dict[str, dict[tuple, ActorRef]] = {}  # surname → earlier full names' actors
    seen_ids: set[str] = set()
    out = []
    for m in sorted(mentions, key=lambda m: (m.span.start, m.span.end)):
        if m.actor is not None and m.via != "coref":
            surname = _bare_surname(m)
            if surname is not None and _namesake(m.actor, full.get(surname, {}), seen_ids):
                m = MentionSpan(span=m.span, actor=_the_one(full[surname], m.span.text), via=m.via)
            names = _person_words(m)
            if len(names) >= 2:
                full.setdefault(names[-1].lower_, {})[_key(m.actor)] = m.actor
            if m.actor.id:
                seen_ids.add(m.actor.id)
        out.append(m)
    return out


def _namesake(actor: ActorRef, earlier: dict[tuple, ActorRef], seen_ids: set[str]) -> bool:
    """The surname was read as someone other than the one person the article named with it."""
    if len(earlier) != 1 or _key(actor) in earlier:
        return False
    return not (actor.id and actor.id in seen_ids)  # the registry person was named before: keep them


def _the_one(earlier: dict[tuple, ActorRef], text: str) -> ActorRef:
    return replace(next(iter(earlier.values())), text=text)


def _bare_surname(m: MentionSpan) -> str | None:
    """The surname when the mention is one capitalised name word alone ("Putin"), read as a
    person (a registry person, or a name the tagger reads as a person)."""
    if len(m.span) != 1:
        return None
    tok = m.span[0]
    person = (m.actor.id or "").startswith("person:") or (m.actor.id is None and tok.ent_type_ == "PERSON")
    return tok.lower_ if person and tok.pos_ == "PROPN" and tok.text[:1].isupper() else None


def _person_words(m: MentionSpan) -> list[Token]:
    """The words of a person's name inside the mention ("Mary Johnson" in "teacher Mary Johnson")."""
    if m.span.root.ent_type_ != "PERSON":
        return []  # "supporters of Peter Putin" names a group, not the person
    return [t for t in m.span if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"]


def _key(actor: ActorRef) -> tuple:
    return (actor.id, actor.name)
