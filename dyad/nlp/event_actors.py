"""Who did it and to whom: actors of an event reached through the dependency parse.

Used by ``dyad.nlp.events``; works on ``doc._.mentions`` indexed by token. Subjects climb
control, coordination and reported speech; objects include prepositional objects, the
members named by "including", the IGO behind a voted resolution and the crowd behind
"protests".
"""

from __future__ import annotations

from dataclasses import replace

import pycountry
from spacy.tokens import Span, Token

from dyad.models import ActorRef
from dyad.nlp import modality as mod
from dyad.nlp.types import MentionSpan

_TARGET_PREPS = {"to", "against", "with", "on", "at", "into", "toward", "towards", "upon", "for", "from", "of",
                 "over", "onto", "inside"}
_ACTOR_DEPS = {"compound", "amod", "poss", "nmod", "appos", "pobj", "prep", "conj", "npadvmod"}
_ACTOR_PREPS = {"of", "from", "in", "like", "including", "such", "as", "led", "under", "throughout", "across", "at"}
_STATE_SECTORS = {"COP", "MIL", "GOV", "SPY", "JUD"}


# "X-based", "X-backed", "X-born" say where a group sits or who supports it, not who it is
_RELATIONAL_PARTICIPLES = frozenset({"base", "based", "back", "backed", "bear", "born", "fund", "funded", "sponsor",
                                     "sponsored", "support", "supported", "inspire", "inspired", "affiliate",
                                     "affiliated", "align", "aligned", "link", "linked"})
_SETTING_PREPS = frozenset({"on", "via", "in", "at", "through", "from"})


def mention_index(mentions: list[MentionSpan]) -> dict[int, MentionSpan]:
    index: dict[int, MentionSpan] = {}
    for m in mentions:
        if m.actor is None:
            continue
        for i in range(m.span.start, m.span.end):
            index.setdefault(i, m)
    return index


def actors_of(token: Token, index, depth: int = 0, seen: set[int] | None = None) -> list[ActorRef]:
    """Actors named by the phrase headed by ``token``: its own mention, else modifiers
    ("Chinese firms", "forces in Guinea", "companies like Tiandy"), plus its conjuncts."""
    seen = set() if seen is None else seen
    if token.i in seen or depth > 3:
        return []
    seen.add(token.i)
    found: list[ActorRef] = []
    own = ref(index[token.i]) if token.i in index else None
    if own is None or own.country is None:
        for child in token.children:
            if child.dep_ in _ACTOR_DEPS and child.dep_ != "conj":
                if child.dep_ == "prep" and child.lower_ not in _ACTOR_PREPS:
                    continue
                if child.dep_ == "amod" and child.lemma_.lower() in _RELATIONAL_PARTICIPLES:
                    continue  # "the Yemen-based Houthi movement", "Iran-backed militias": not Yemen, not Iran
                found.extend(actors_of(child, index, depth + 1, seen))
                if found and child.dep_ in ("compound", "amod", "poss"):
                    break
    if own is not None:
        # an unresolved group keeps its words but takes the country its phrase names:
        # "supporters of Ben Bella", "workers affiliated with the Serbian union"
        country = next((a.country for a in found if a.country), None) if own.country is None else own.country
        found = [replace(own, country=country)]
    if depth == 0 and len(found) == 1 and not _possessed(token, index):
        found = [replace(found[0], text=phrase_text(token))]  # "Chinese firms", not "Chinese"
    for conj in token.children:
        if conj.dep_ == "conj":
            found.extend(actors_of(conj, index, depth, seen))
    return unique(found)


def _possessed(token: Token, index) -> bool:
    """"Iran's aid", "Washington's actions": the possessor is the actor, not the whole phrase."""
    return any(c.dep_ == "poss" and any(t.i in index for t in c.subtree) for c in token.children)


_PHRASE_DEPS = {"det", "amod", "compound", "poss", "nummod", "quantmod", "case", "nmod", "npadvmod", "predet"}


def phrase_text(token: Token) -> str:
    """The words of the noun phrase headed by ``token``, without clauses, preps and conjuncts."""
    keep, stack = [token], [token]
    while stack:
        for child in stack.pop().children:
            if child.dep_ in _PHRASE_DEPS or (child.dep_ == "punct" and child.text == "-"):
                keep.append(child)
                stack.append(child)
    keep.sort(key=lambda t: t.i)
    return token.doc[keep[0].i:keep[-1].i + 1].text


def ref(m: MentionSpan) -> ActorRef:
    actor = m.actor
    return actor if actor.text else replace(actor, text=m.span.text)


def unique(refs: list[ActorRef]) -> list[ActorRef]:
    out: dict[tuple, ActorRef] = {}
    for r in refs:
        out.setdefault((r.id, r.name, r.country), r)
    return list(out.values())


def subject_of(verb: Token, index, steps: int = 0, raised: bool = False) -> tuple[list[ActorRef], Token | None]:
    """Actors of the clause subject, climbing control and coordination; (actors, passive subject)."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj", "expl"):
            actors = actors_of(child, index) or _including(verb, index)
            if not actors and child.pos_ == "PRON":
                actors = _speaker_subject(verb, index)
            if actors or child.dep_ == "nsubj":
                return actors, None
        if child.dep_ == "nsubjpass":
            if raised:  # "India is set to sign": the passive subject is the signer
                return actors_of(child, index), None
            by = [a for p in (agent.children if agent else []) for a in actors_of(p, index)]
            return by, child
    if steps >= 4 or verb.head.i == verb.i:
        return [], None
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        head = verb.head
        if verb.dep_ == "acl" and head.dep_ == "pobj" and head.head.lower_ in _SETTING_PREPS:
            # "posted a message on Twitter blaming Iran": a platform or place is where, not who
            return subject_of(head.head.head, index, steps + 1)
        return actors_of(head, index), None  # "companies like Tiandy selling equipment"
    if verb.dep_ == "xcomp":
        obj = next((c for c in verb.head.children if c.dep_ in ("dobj",)), None)
        if obj is not None and actors_of(obj, index):  # "urged Iran to withdraw"
            return actors_of(obj, index), None
    # not through ccomp: a clause's missing subject is not the speaker's ("X said: '... damages'")
    if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "prep", "pobj", "advmod", "acomp", "dobj"):
        return subject_of(verb.head, index, steps + 1, raised=verb.dep_ == "xcomp")
    return [], None


_SPEAKER_PRONOUNS = {"it", "they", "he", "she", "we", "i"}


def _speaker_subject(verb: Token, index) -> list[ActorRef]:
    """An unresolved pronoun subject of a reported clause is the speaker: "Nigeria announced
    that it will withdraw", "the rebels said they would release" (when coreference left it open)."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ not in _SPEAKER_PRONOUNS:
        return []
    tok = verb
    for _ in range(3):
        if tok.dep_ in ("ccomp", "parataxis") and tok.head.i != tok.i:
            return subject_of(tok.head, index, steps=3)[0]
        if tok.dep_ not in ("xcomp", "conj", "advcl") or tok.head.i == tok.i:
            return []
        tok = tok.head
    return []


def _including(verb: Token, index) -> list[ActorRef]:
    """"Only six countries voted against ..., including China": the named members."""
    for tok in verb.subtree:
        if tok.lower_ in ("including", "among") and tok.dep_ == "prep":
            return [a for c in tok.children for a in actors_of(c, index)]
    return []


def sources_of(content: Token, source_from: Token | None, index) -> list[ActorRef]:
    """The source actors of an event found at ``content`` (governed by ``source_from``)."""
    if content.pos_ in ("NOUN", "PROPN") and source_from is None:
        own = _noun_source(content, index)
        if own:
            return own
    start = source_from or content
    actors, _passive = subject_of(start, index)
    if not actors and start.i != content.i:
        actors, _ = subject_of(content, index)
    return actors


def _noun_source(noun: Token, index) -> list[ActorRef]:
    """"Russia's strikes", "Chinese sanctions", "attacks by Hamas", else the governing verb's subject."""
    for child in noun.children:
        if child.dep_ in ("poss", "amod", "compound") and child.i in index:
            return [ref(index[child.i])]
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            found = [a for c in child.children for a in actors_of(c, index)]
            if found:
                return found
    if noun.dep_ in ("dobj", "pobj", "nsubjpass", "attr"):
        actors, _ = subject_of(noun.head if noun.dep_ != "pobj" else noun.head.head, index)
        return actors
    return []


def _target_tokens(token: Token) -> list[Token]:
    out = []
    for child in token.children:
        if child.dep_ in ("dobj", "dative", "iobj", "nsubjpass"):
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
            out.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "agent" and token.pos_ in ("NOUN", "PROPN"):
            continue
    return out


def targets_of(holders: list[Token], index, sources: list[ActorRef], lexicon, sent: Span) -> list[ActorRef]:
    """Target actors: objects and prepositional objects of the words that hold the event."""
    found: list[ActorRef] = []
    own_sources = {(s.id, s.country) for s in sources}
    for holder in holders:
        for tok in _target_tokens(holder) + _reported_subjects(holder):
            for actor in actors_of(tok, index):
                if (actor.id, actor.country) not in own_sources:
                    found.append(actor)
            if not found and tok.lemma_.lower() in lexicon.document_nouns:
                found.extend(_igo_nearby(sent, index, lexicon))
            if not found and tok.lemma_.lower() in lexicon.crowd_nouns and tok.i != holders[0].i:
                found.append(_crowd(tok, index, sources))  # not the protest that is the event itself
    return _foreign_first(unique(found), sources)




def obligation_speaker(chain: list[Token], index) -> list[ActorRef] | None:
    """Who says that someone *must* act (PLOVER codes it as a REQUEST by the speaker)."""
    if not any(c.lower_ in ("must", "should") and c.dep_ == "aux" for t in chain for c in t.children):
        return None
    for dep, gov in mod.embedders(chain[-1], limit=3):
        if dep in ("ccomp", "parataxis", "acl", "relcl") and gov.pos_ in ("VERB", "NOUN"):
            actors, _ = subject_of(gov, index)
            if not actors and gov.pos_ == "NOUN":
                actors = subject_of(gov.head, index)[0] if gov.dep_ in ("dobj", "pobj") else []
            return actors or None
    return None


def sentence_partner(sent: Span, index, sources: list[ActorRef]) -> list[ActorRef]:
    """A supply with no stated recipient ("companies selling equipment") goes to the one
    other country the sentence names ("Iran's surveillance architecture"), if there is one."""
    own = {s.country for s in sources}
    others = {index[i].actor.country: index[i] for i in range(sent.start, sent.end)
              if i in index and index[i].actor.country not in own and index[i].actor.country not in (None, "IGO")}
    if len(others) != 1:
        return []
    return [ref(next(iter(others.values())))]


_NEAR_DEPS = {"dobj", "pobj", "prep", "poss", "compound", "amod", "nmod", "appos", "dative", "attr", "npadvmod",
              "acomp", "oprd", "xcomp", "pcomp"}


def nearby_target(holders: list[Token], index, sources: list[ActorRef], limit: int = 4) -> list[ActorRef]:
    """No target in the usual slots: the nearest other actor inside the event's own phrase,
    breadth-first through objects and prepositions ("launched an offensive in its war with
    Iraq", "shared evidence with the U.S.", "killed 23 people in Tel Aviv"); never through
    subjects or other clauses."""
    own = {(s.id, s.country) for s in sources}
    level, seen = list(holders), {h.i for h in holders}
    for _ in range(limit):
        nxt = []
        for tok in level:
            for child in tok.children:
                if child.i in seen or child.dep_ not in _NEAR_DEPS:
                    continue
                seen.add(child.i)
                nxt.append(child)
                if child.dep_ == "prep":
                    continue  # its object is looked at on the next level
                found = [a for a in actors_of(child, index) if a.country and (a.id, a.country) not in own]
                if found:
                    return unique(found)
        level = nxt
    return []


def place_target(holders: list[Token], index, sources: list[ActorRef], domestic: bool) -> list[ActorRef]:
    """No stated target: the state where it happens ("imposed a curfew in Cizre, Turkey",
    "shelled targets in Jericho"); for domestic acts (protest, repression, concession) the
    source's own state (PLOVER codes "Turkish police banned the rally" as TUR → TUR)."""
    own = {s.country for s in sources if s.country}
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "inside", "across", "throughout"):
                placed = [a for p in child.children for a in actors_of(p, index) if a.country]
                if placed:
                    return placed[:1]
    if domestic and len(own) == 1:
        country = next(iter(own))
        return [ActorRef(id=country, name=_country_name(country), country=country)]
    return []


def _country_name(code: str) -> str:
    record = pycountry.countries.get(alpha_3=code)
    return getattr(record, "common_name", None) or getattr(record, "name", code) if record else code


def _foreign_first(targets: list[ActorRef], sources: list[ActorRef]) -> list[ActorRef]:
    """"Syria offered its troops to Lebanon": when the event reaches another state, the
    source's own side ("its troops") is not a target."""
    own = {s.country for s in sources if s.country}
    foreign = [t for t in targets if t.country and t.country not in own]
    return [t for t in targets if t.country not in own] if foreign else targets


def settle_countries(actors: list[ActorRef], sent: Span, index, lexicon) -> tuple[list[ActorRef], bool]:
    """Actors the registry could not place ("Ibo traditional elders", "President Omar El
    Bashir") take the one state the sentence names, if it names exactly one; returns the
    actors and whether any country was inferred (the event's confidence drops)."""
    if all(a.country for a in actors):
        return actors, False
    states = {index[i].actor.country for i in range(sent.start, sent.end)
              if i in index and index[i].actor.country and lexicon.plover_country(index[i].actor.country) != "IGO"}
    if len(states) != 1:
        return actors, False
    state = next(iter(states))
    return [a if a.country else replace(a, country=state) for a in actors], True


def _reported_subjects(token: Token) -> list[Token]:
    """"demanded that the US cancel", "accused X of": the subject of the clause the event
    governs is who is asked, accused or warned."""
    return [s for c in token.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]


def _igo_nearby(sent: Span, index, lexicon) -> list[ActorRef]:
    """The IGO whose resolution is voted on: named in this sentence or the one before."""
    doc = sent.doc
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    igos = [index[i] for i in range(start, sent.end)
            if i in index and (index[i].actor.country in lexicon.igo_codes or index[i].actor.sector == "IGO")]
    return [ref(igos[-1])] if igos else []


def _crowd(tok: Token, index, sources: list[ActorRef]) -> ActorRef:
    """"suppress protests": the protesters, located in the country named with them, else the
    repressing state's own country (police and soldiers act at home)."""
    place = next((a for c in tok.subtree if c.i in index for a in [index[c.i].actor]), None)
    country = place.country if place is not None else None
    if country is None and sources and sources[0].sector in _STATE_SECTORS:
        country = sources[0].country
    return ActorRef(id=None, name="protesters", country=country, sector="CVL", text=tok.text)
