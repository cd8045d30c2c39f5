"""A bare surname refers to the person the article named in full, not to a namesake.

Used by ``dyad.nlp.coref`` before pronouns are resolved. The actor stage matches a lone
surname ("Putin", "Johnson") against the registry and so may read it as a well-known office
holder; but when the article has already named someone else in full with that surname
("Labour activist Peter Putin ... Putin said"), news style says the surname is that person.
The registry reading stands when the article also names the registry person (by id) before,
or when two different people of that surname were named: then the surname is ambiguous.

The same holds for a surname that is also a place ("Mara Lisbon, a nurse, ... Lisbon said"):
the tagger reads the lone word as a place (a GPE: Portugal's government), and sometimes the
full name too. A full name counts as a person when the tagger says so, or when the registry
knows no place of that name and the text treats it as a person (a person noun in apposition,
the subject of a verb of saying); the lone word is then that person only where the text uses
it as one ("Lisbon said", "Ms Lisbon", "Lisbon's husband"), since "Lisbon said" alone is also
how news names a government.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Span, Token

from dyad.models import ActorRef
from dyad.nlp.types import MentionSpan

_PLACE_LABELS = frozenset({"GPE", "LOC"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_HONORIFICS = frozenset({"mr", "ms", "mrs", "miss", "dr", "mx"})


def own_namesakes(mentions: list[MentionSpan]) -> list[MentionSpan]:
    """``mentions`` with each bare surname re-pointed to the one earlier full name it shortens."""
    full: dict[str, dict[tuple, ActorRef]] = {}  # surname → earlier full names' actors
    seen_ids: set[str] = set()
    as_person: set[str] = set()  # place words the article has already used for its person
    out = []
    for m in sorted(mentions, key=lambda m: (m.span.start, m.span.end)):
        if m.actor is not None and m.via != "coref":
            surname = _bare_surname(m)
            place_word = _lone_place_word(m)
            if surname is not None and _namesake(m.actor, full.get(surname, {}), seen_ids):
                m = MentionSpan(span=m.span, actor=_the_one(full[surname], m.span.text), via=m.via)
            elif place_word is not None and len(full.get(place_word, {})) == 1 and _used_as_person(
                    m.span[0], place_word in as_person):
                as_person.add(place_word)
                m = MentionSpan(span=_as_person(m.span), actor=_the_one(full[place_word], m.span.text), via=m.via)
            names = _person_words(m)
            if not names and _place_tagged_person(m):
                names = list(m.span)
                m = MentionSpan(span=_as_person(m.span), actor=m.actor, via=m.via)
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
    """The surname when the mention is one capitalised name word alone ("Putin"), or after an
    honorific ("Mr Putin"), read as a person (a registry person, or a name the tagger reads as
    a person)."""
    span = m.span
    if len(span) == 2 and span[0].lower_.rstrip(".") in _HONORIFICS:
        span = span[1:]
    if len(span) != 1:
        return None
    tok = span[0]
    person = (m.actor.id or "").startswith("person:") or (m.actor.id is None and tok.ent_type_ == "PERSON")
    return tok.lower_ if person and tok.pos_ == "PROPN" and tok.text[:1].isupper() else None


def _person_words(m: MentionSpan) -> list[Token]:
    """The words of a person's name inside the mention ("Mary Johnson" in "teacher Mary Johnson")."""
    if m.span.root.ent_type_ != "PERSON":
        return []  # "supporters of Peter Putin" names a group, not the person
    return [t for t in m.span if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"]


# --------------------------------------------------------------------------- surnames that are places


def _lone_place_word(m: MentionSpan) -> str | None:
    """The word of a one-word mention the tagger read as a place ("Lisbon")."""
    if len(m.span) != 1:
        return None
    tok = m.span[0]
    return tok.lower_ if tok.ent_type_ in _PLACE_LABELS and tok.pos_ == "PROPN" and tok.text[:1].isupper() else None


def _place_tagged_person(m: MentionSpan) -> bool:
    """A full name tagged as a place (or a body) that the registry does not know ("Mara Lisbon") and that the
    text treats as a person: a person noun in apposition ("Mara Lisbon, a nurse") or the
    subject of a verb of saying ("Mara Lisbon has claimed")."""
    span = m.span
    if m.actor.id is not None or len(span) < 2 or span.root.ent_type_ not in _PLACE_LABELS | {"ORG"}:
        return False
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span):
        return False
    root = span.root
    appositive = any(c.dep_ == "appos" and _person_noun(c) for c in root.children)
    return appositive or (root.dep_ in _SUBJECTS and root.head.lemma_.lower() in speech_verbs())


def _used_as_person(tok: Token, before: bool) -> bool:
    """"Lisbon said", "Ms Lisbon", "Lisbon's husband", "Lisbon was born", "Lisbon is a nurse":
    the word stands for a person here. Once the article has used it so (``before``), it keeps
    that sense (one sense per article) except where it names where something is ("in Lisbon")."""
    if before and tok.dep_ not in ("pobj", "compound", "amod", "npadvmod"):
        return True
    if tok.dep_ == "nsubjpass" and tok.head.lower_ == "born":
        return True
    if tok.dep_ == "nsubj" and tok.head.lemma_ == "be" and any(
            c.dep_ == "attr" and _person_noun(c) for c in tok.head.children):
        return True
    if tok.i > 0 and tok.doc[tok.i - 1].lower_.rstrip(".") in _HONORIFICS:
        return True
    if tok.dep_ in _SUBJECTS and tok.head.lemma_.lower() in speech_verbs():
        return True
    return tok.dep_ == "poss" and _person_noun(tok.head)


def _person_noun(tok: Token) -> bool:
    """A noun naming a person ("woman", "nurse") or a relative ("husband"), or a conjunction
    of such nouns ("a woman and former activist")."""
    from dyad.ontology.relations import relation_lexicon

    nouns = relation_lexicon().get("person_nouns") | _cues().person_nouns
    return tok.lemma_.lower() in nouns or any(c.dep_ == "conj" and c.lemma_.lower() in nouns for c in tok.children)


def _as_person(span: Span) -> Span:
    return span if span.label_ == "PERSON" else Span(span.doc, span.start, span.end, label="PERSON")


@lru_cache(maxsize=1)
def _cues():
    from dyad.ontology.cues import load_cues

    return load_cues()


def speech_verbs() -> frozenset[str]:
    """Lemmas of the verbs of saying (the quotes lexicon)."""
    return _cues().speech_verbs


def _key(actor: ActorRef) -> tuple:
    return (actor.id, actor.name)
