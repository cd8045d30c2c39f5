"""How a registry hit reads inside its phrase: part of a longer name, a stance ("anti-Syria"),
a maker ("Russian-made"), a member of a dissolved state ("former Soviet republic"), the head of
the phrase. Pure functions over ``dyad.ontology.actors`` hits, split out to keep that module small.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dyad.ontology.actors import Actor, Alias, Hit, _Found

_COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                      "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
                      "southeastern", "southwestern"})
_MEMBER_NOUNS = frozenset({"republic", "republics", "state", "states"})
_MAKER_PARTICIPLES = frozenset({"made", "built", "manufactured", "designed"})
_STANCE_PREFIXES = frozenset({"anti", "pro"})
_OFFICIAL = frozenset({"GOV", "MIL", "LEG", "JUD", "SPY", "COP", "ELI"})


def _heads_after(found: _Found, hit: Hit) -> bool:
    """True when the phrase's head agent noun comes after ``hit`` ("the Xi regime")."""
    head = found.head_term
    if head is None:
        return False
    starts = [start for term, start in zip(found.terms, found.term_starts) if term is head]
    return not starts or starts[-1] >= hit.end


def _name_like(hit: Hit) -> bool:
    """One-word places, state names and surnames can be part of another person's name."""
    if hit.place is not None:
        return True
    if hit.actor is None or hit.end - hit.start != 1:
        return False
    if hit.actor.kind in ("person", "place"):
        return True  # "Carter" is not Jimmy Carter's namesake
    return hit.actor.kind == "state" and hit.alias.form in ("name", "short", "capital")


def _inside_name(hit: Hit, hits: list[Hit], cased: list[str]) -> bool:
    """A city next to an unknown capitalised word is part of a name ("Feliciano Valencia");
    a compass word before it only says which part ("South Lebanon", "Western Cambodia")."""
    taken = {i for h in hits for i in range(h.start, h.end)}
    for i in (hit.start - 1, hit.end):
        if 0 <= i < len(cased) and i not in taken and cased[i][:1].isupper():
            if i == hit.start - 1 and cased[i].lower() in _COMPASS:
                continue
            return True
    return False


def _former_member(hit: Hit, cased: list[str]) -> bool:
    """"the former Soviet republic of Georgia", "former Yugoslav republics": a member of a
    dissolved state, not the successor that inherited its name."""
    return (hit.actor is not None and hit.actor.kind == "state" and hit.alias.form == "adjective"
            and hit.start > 0 and cased[hit.start - 1].lower() == "former"
            and hit.end < len(cased) and cased[hit.end].lower() in _MEMBER_NOUNS)


def _stance(hit: Hit, cased: list[str]) -> bool:
    """"anti-Syria journalist", "pro-Western government": a stance toward a state or
    organisation says nothing about whose the actor is; nor does a maker ("Russian-made
    missiles")."""
    if hit.actor is None and hit.place is None:
        return False
    return ((hit.start > 0 and cased[hit.start - 1].lower() in _STANCE_PREFIXES)
            or (hit.end < len(cased) and cased[hit.end].lower() in _MAKER_PARTICIPLES))


def _can_be_former(found: _Found) -> bool:
    """"former" applies to people and office holders, not to states or firms."""
    return bool(found.persons or found.offices or any(t.code_1 in _OFFICIAL for t in found.terms))


def _proper(words: list[str]) -> bool:
    """Capitalised like a name (or the text carries no case at all, e.g. ALL CAPS)."""
    return words[0][:1].isupper() or words[0][:1].isdigit()


def _ner_label(actor: Actor, alias: Alias) -> str:
    if actor.kind in ("state", "territory"):
        return {"adjective": "NORP", "demonym": "NORP", "metonym": "ORG"}.get(alias.form, "GPE")
    if actor.kind == "person":
        return "PERSON"
    if actor.kind == "place":
        return "GPE"
    return "ORG"


def _generic_in_longer_name(hit: Hit, hits: list[Hit], cased: list[str], is_generic, names_own) -> bool:
    """"the Kenya Anti-Corruption Commission" is not "the Commission": a generic one-word
    alias (``is_generic``) ending a longer capitalised name names another body, unless the
    word before names the body's own parent or country (``names_own``: "the EU Commission",
    "Brussels", "the Republican Congress")."""
    if hit.actor is None or hit.start == 0 or not is_generic(hit.alias):
        return False
    before = next((h for h in hits if h.end == hit.start), None)
    if before is None and not cased[hit.start - 1][:1].isupper():
        return False
    if before is not None and before.actor is None and before.place is None:
        return False  # an agent noun or title before it ("the trade Commission")
    words = " ".join(cased[before.start if before is not None else hit.start - 1:hit.start])
    return not names_own(words, hit.actor)


def _names_owner(hit: Hit, hits: list[Hit], cased: list[str]) -> bool:
    """A state's name or adjective opening a body's name whose head is a state organ
    ("Kenya Anti-Corruption Commission", "the Kenyan Electoral Commission") is that body's state;
    before other heads a state name is too often another place's ("Georgia State University")."""
    opening = 1 if cased and cased[0].lower() == "the" else 0
    if hit.actor is None or hit.actor.kind != "state" or hit.start != opening:
        return False
    last = hits[-1]
    return last is not hit and last.term is not None and last.term.code_1 in _OFFICIAL and last.end == len(cased)
