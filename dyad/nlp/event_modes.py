"""PLOVER modes and contexts the trigger word alone does not tell: how an ASSAULT was carried
out, and the contexts told by who acts on whom (``actor_contexts``).

The PLOVER 2021 manual gives ASSAULT modes by weapon (explosives, heavy weapons, firearms,
primitive weapons, suicide attacks) and by target (assassination: a targeted killing of a leader
or official, with any weapon). The trigger is often only "killed" or "attacked"; the weapon is
named elsewhere in its clause ("a car bomb explosion killed", "militiamen armed with machetes",
"tanks fired shells"). The words per mode are data (``assault_modes`` in lexicon.yaml). The
victims' words never name the weapon ("the bomb hit an army tank"), and a bomber who blows
himself up is a suicide attack whatever the weapon is called ("blew themselves up").

``refine_mode`` is the one entry point for the event coder: the ASSAULT mode, whether a heavy
weapon struck from the air (CAMEO 195) or the ground (194), and PLOVER's riot for a demonstration
whose clause names its violence (``protest_mode``). The extra word lists (``aerial_weapons``,
``riot_words``, ``calm_words``) are in lexicon.yaml too.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.models import ActorRef
from dyad.nlp import event_senses as senses
from dyad.ontology.actor_data import state_organs
from dyad.ontology.plover import Lexicon, Plover, load_lexicon

_VICTIM_DEPS = frozenset({"dobj", "nsubjpass", "pobj"})
# a mode the trigger gave that a weapon named in the clause may refine: "fire" says little about the
# gun, "blew up" not whether the bomber died with the bomb, "bombed" not whether it was a suicide attack
_REFINABLE = frozenset({None, "firearms", "explosives", "heavy-weapons", "beat"})
# a physical assault ("abused", "assaulted") is refined only to sexual violence ("sexually abused")
_BEAT_REFINES_TO = frozenset({"sexual"})
# participles that report an act's result ("..., killing five", "detonated targeting a convoy"): the
# weapon is named in the clause they hang from
_RESULT_DEPS = frozenset({"advcl", "xcomp", "conj"})
_REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "themself"})
_SUICIDE = "suicide-attack"
# trigger modes that are a detonation: the doer among its victims makes it a suicide attack
_BLASTS = frozenset({"explosives", "heavy-weapons"})
# CAMEO codes that say no more than "violence" or "fighting" (or only "small arms", "a bombing",
# "a bombardment", "physically assault"): a refined mode refines them ("blew himself up" 183 →
# suicide bombing 1831, "sexually abused" 182 → 1821)
_GENERIC_CAMEO = frozenset({None, "18", "180", "182", "19", "190", "193", "183", "195"})


def assault_mode(content: Token, current: str | None, lexicon: Lexicon) -> str | None:
    """The ASSAULT mode of the act ``content`` names: an assassination by its victim, else the
    strongest weapon named in its clause, else ``current`` (the trigger's own mode)."""
    if current is not None and current not in _REFINABLE:
        return current
    victim_tokens = _victims(content)
    victims = {t.lemma_.lower() for t in victim_tokens}
    if {t.lower_ for t in victim_tokens} & _REFLEXIVES and _detonation(content, current, lexicon):
        return _SUICIDE
    words = _clause_words(content, lexicon)
    for mode, lemmas in lexicon.assault_modes:
        if current == "beat" and mode not in _BEAT_REFINES_TO:
            continue
        if mode == "assassinate":
            if victims & lemmas:
                return mode
        elif words & lemmas and _ranks_above(mode, current, lexicon):
            return mode
    return current


def _detonation(content: Token, current: str | None, lexicon: Lexicon) -> bool:
    """The act is a detonation: its trigger says so ("blew up": explosives) or its clause names
    explosives ("detonated a device", "set off a bomb")."""
    if current in _BLASTS:
        return True
    lemmas = dict(lexicon.assault_modes).get("explosives", frozenset())
    return current is None and any(t.lemma_.lower() in lemmas for t in content.subtree)


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


# ---------------------------------------------------------------------- modes beyond the trigger

# what a protest is against or about is not what its crowd does ("rallied against violence")
_GRIEVANCE_PREPS = frozenset({"against", "over", "about", "at", "for"})
# CAMEO 19x codes a heavy weapon makes: from the air (195) or from the ground (194)
_AERIAL_CODE, _GROUND_CODE = "195", "194"
_HEAVY = "heavy-weapons"
_HEAVY_REFINABLE = frozenset({None, "18", "180", "19", "190", "193", _AERIAL_CODE, _GROUND_CODE})


def refine_mode(category: str, content: Token, mode: str | None, cameo: str | None, lexicon: Lexicon,
                plover: Plover) -> tuple[str | None, str | None]:
    """(mode, CAMEO code) of the act ``content`` names once its clause is read: an ASSAULT's weapon
    or victim (``assault_mode``) and whether its heavy weapon flies (``heavy_weapon_cameo``); a
    PROTEST's violence (``protest_mode``). Other categories keep the trigger's own."""
    if category == "ASSAULT":
        refined = assault_mode(content, mode, lexicon)
        if refined != mode:
            cameo = assault_cameo(cameo, refined, plover)
        return refined, heavy_weapon_cameo(content, refined, cameo, lexicon)
    if category == "PROTEST":
        refined = protest_mode(content, mode, lexicon)
        return refined, (plover.cameo_code("PROTEST", refined) if refined != mode else cameo)
    return mode, cameo


def heavy_weapon_cameo(content: Token, mode: str | None, cameo: str | None, lexicon: Lexicon) -> str | None:
    """CAMEO 195 (aerial weapons) when a heavy-weapons act names an aircraft in its clause
    ("warplanes pounded the village"), else 194 (artillery and tanks) when the code was generic
    or the trigger itself is a ground weapon ("rockets struck the base")."""
    if mode != _HEAVY or cameo not in _HEAVY_REFINABLE:
        return cameo
    words = lexicon.aerial_weapons
    if _clause_words(content, lexicon) & words or content.lemma_.lower() in words:
        return _AERIAL_CODE
    heavy = dict(lexicon.assault_modes).get(_HEAVY, frozenset())
    ground_trigger = content.lemma_.lower() in heavy
    return _GROUND_CODE if cameo != _AERIAL_CODE or ground_trigger else cameo


def protest_mode(content: Token, current: str | None, lexicon: Lexicon | None = None) -> str | None:
    """PLOVER riot ("violent action ... intend to cause physical injury and/or property damage") for
    a demonstration whose clause names the protesters' violence ("protesters hurled stones",
    "rallies turned violent"), unless it calls them peaceful; other modes are kept."""
    if current not in (None, "demo"):
        return current
    lexicon = lexicon or load_lexicon()
    tokens = _own_clause(content)
    clause = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
    if clause & lexicon.riot_words and not clause & lexicon.calm_words:
        return "riot"
    return current


def _own_clause(content: Token) -> list[Token]:
    """The act's clause without what it is against ("protested against police violence") and
    without relative clauses about other things ("in the city, where riots killed 24 last year")."""
    out, stack = [], [content]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children
                     if c.dep_ != "relcl" and not (c.dep_ == "prep" and c.lower_ in _GRIEVANCE_PREPS))
    return out


def _clause_words(content: Token, lexicon: Lexicon) -> set[str]:
    """Lemmas of the act's clause without its victims' words (the weapon is never the victim, but
    what is fired is no victim: "fired rockets", the lexicon's ``instrument_nouns``); a participle
    reporting the result of another act ("a bomb exploded, wounding six") adds that act's clause,
    where the weapon is named."""
    acts, used = [content], []
    head = content.head
    if content.tag_ == "VBG" and content.dep_ in _RESULT_DEPS and head.pos_ == "VERB":
        # an attack's object is its victim ("ambushed a tank convoy, killing five"); any other act's
        # object is what was used ("planted a bomb, wounding six")
        (acts if _is_assault(head, lexicon) else used).append(head)
    victims = [v for act in acts for v in _victims(act) if v.lower_ not in _REFLEXIVES
               and v.lemma_.lower() not in lexicon.instrument_nouns
               and not (act.lemma_.lower() in lexicon.launch_verbs and senses.projectile(v, lexicon))]
    skip = {t.i for v in victims for t in v.subtree} | {content.i}
    tokens = {t.i: t for act in acts + used for t in act.subtree}
    if content.dep_ == "acl" and content.tag_ == "VBN" and content.lemma_.lower() in lexicon.launch_verbs:
        # "Grad missiles fired by Azerbaijan": the weapon is the noun the participle follows
        tokens.update((t.i, t) for t in (head, *head.children) if t.dep_ in ("compound", "amod") or t is head)
    return {t.lemma_.lower() for i, t in tokens.items() if i not in skip}


def _is_assault(token: Token, lexicon: Lexicon) -> bool:
    entry = lexicon.verbs.get(token.lemma_.lower())
    return entry is not None and entry.category == "ASSAULT"


# ---------------------------------------------------------------------- contexts the actors tell

_STATE_SECTORS = (state_organs() - {"COP"}) | {"ELI"}  # police are asked for apart below; former officials count
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
