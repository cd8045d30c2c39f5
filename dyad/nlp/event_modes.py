"""PLOVER modes and contexts the trigger word alone does not tell: how an ASSAULT was carried
out, and the contexts told by who acts on whom (``actor_contexts``).

The PLOVER 2021 manual gives ASSAULT modes by weapon (explosives, heavy weapons, firearms,
primitive weapons, suicide attacks) and by target (assassination: a targeted killing of a leader
or official, with any weapon). The trigger is often only "killed" or "attacked"; the weapon is
named elsewhere in its clause ("a car bomb explosion killed", "militiamen armed with machetes",
"tanks fired shells"). The words per mode are data (``assault_modes`` in lexicon.yaml).
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.models import ActorRef
from dyad.ontology.plover import Lexicon, Plover

_VICTIM_DEPS = frozenset({"dobj", "nsubjpass", "pobj"})
# a mode the trigger gave that a weapon named in the clause may refine: "fire" says little about the gun
_REFINABLE = frozenset({None, "firearms"})
# CAMEO codes that say no more than "violence" or "fighting" (or only "small arms"): a mode refines them
_GENERIC_CAMEO = frozenset({None, "18", "180", "19", "190", "193"})


def assault_mode(content: Token, current: str | None, lexicon: Lexicon) -> str | None:
    """The ASSAULT mode of the act ``content`` names: an assassination by its victim, else the
    strongest weapon named in its clause, else ``current`` (the trigger's own mode)."""
    if current is not None and current not in _REFINABLE:
        return current
    words = {t.lemma_.lower() for t in content.subtree if t.i != content.i}
    victims = {t.lemma_.lower() for t in _victims(content)}
    for mode, lemmas in lexicon.assault_modes:
        if mode == "assassinate":
            if victims & lemmas:
                return mode
        elif words & lemmas and _ranks_above(mode, current, lexicon):
            return mode
    return current


def _victims(content: Token) -> list[Token]:
    """Who the act is done to: its object, its passive subject, "attack on X"."""
    out = [c for c in content.children if c.dep_ in ("dobj", "nsubjpass")]
    out += [g for c in content.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
            for g in c.children if g.dep_ in _VICTIM_DEPS]
    return out


def _ranks_above(mode: str, current: str | None, lexicon: Lexicon) -> bool:
    if current is None:
        return True
    order = [m for m, _ in lexicon.assault_modes]
    return current not in order or order.index(mode) < order.index(current)


def assault_cameo(cameo: str | None, mode: str | None, plover: Plover) -> str | None:
    """The CAMEO code of a refined ASSAULT mode ("183" for explosives) when ``cameo`` was generic."""
    if cameo not in _GENERIC_CAMEO or mode is None:
        return cameo
    rows = [r for r in plover.crosswalk if r.category == "ASSAULT" and r.mode == mode]
    done = [r for r in rows if not r.cameo_name.startswith("Attempt")]  # the act was coded, not an attempt
    return (done or rows)[0].cameo_code if rows else cameo


# ---------------------------------------------------------------------- contexts the actors tell

_STATE_SECTORS = frozenset({"GOV", "ELI", "LEG", "MIL", "JUD", "SPY"})
_ECONOMIC_SECTORS = frozenset({"LAB", "AGR"})  # workers and farmers act on economic grievances
_DIPLOMATIC = frozenset({"CONSULT", "AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
_BOMBINGS = frozenset({"explosives", "suicide-attack"})


def actor_contexts(category: str, mode: str | None, sources: tuple[ActorRef, ...] | list[ActorRef],
                   targets: tuple[ActorRef, ...] | list[ActorRef], named: tuple[str, ...],
                   igo_codes: frozenset[str]) -> tuple[str, ...]:
    """``named`` (the contexts the sentence's words name) with those told by who acts on whom:
    armed forces on either side make it military; workers' and farmers' protests, economic; a
    bombing by anyone but a state organ, terrorism; and states (or a state and an international
    body) speaking to each other, diplomatic — only when nothing more specific was found, as PLOVER
    codes the subject of an exchange, and diplomacy is what is left of it."""
    out = list(named)
    if any(a.sector == "MIL" for a in (*sources, *targets)):
        out.append("military")
    if any(a.sector in _ECONOMIC_SECTORS for a in sources):
        out.append("economic")
    if category == "ASSAULT" and mode in _BOMBINGS and not any(a.sector in _STATE_SECTORS | {"COP"} for a in sources):
        out.append("terrorism")
    if not out and category in _DIPLOMATIC and _between_states(sources, targets, igo_codes):
        out.append("diplomatic")
    return tuple(dict.fromkeys(out))


def _state(actor: ActorRef, igo_codes: frozenset[str]) -> bool:
    if actor.country is None:
        return False
    return actor.sector in _STATE_SECTORS or actor.country in igo_codes or (actor.id is not None and actor.id == actor.country)


def _between_states(sources, targets, igo_codes: frozenset[str]) -> bool:
    src = {a.country for a in sources if _state(a, igo_codes)}
    tgt = {a.country for a in targets if _state(a, igo_codes)}
    return bool(src) and bool(tgt) and not src & tgt and len(src | tgt) > 1
