"""Where an event's doer and receiver sit when they are not its clause's subject and object.

Used by ``dyad.nlp.event_actors`` (split from it by concern: these helpers read the parse only
and return tokens or words, so they need none of its actor search):

* the doer of an event noun is its "by" phrase, also when that noun is the subject of the
  verb that reports the harm ("Attacks by Russian forces hit Kharkiv", "Shelling by the army
  killed five"): the noun is the instrument, the "by" phrase who wielded it;
* "held civilians as human shields", "took them as hostages": the event named in an "as"
  phrase is done to the object of the verb it qualifies;
* a group named by its relation to someone ("associates of Navalny", "supporters of the
  president", "relatives of the victims") is other people than that someone: it may share their
  state, never their identity or their office.

The words that stand for an actor are ``dyad.nlp.event_words``.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dyad.models import ActorRef
from dyad.ontology.plover import load_lexicon

# nouns that name people by their tie to someone else; a relational group is not its anchor
GROUP_NOUNS = frozenset({
    "supporter", "associate", "relative", "family", "follower", "loyalist", "sympathizer", "sympathiser",
    "friend", "admirer", "fan", "kin", "lawyer", "attorney", "widow", "wife", "husband", "son", "daughter",
    "brother", "sister", "child", "parent", "spouse", "acquaintance", "devotee", "partisan", "henchman",
})
_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "dobj", "pobj", "attr", "conj", "appos"})


def by_agent_tokens(noun: Token, event_nouns) -> list[Token]:
    """The objects of the "by" phrase of an event noun or of a gerund used as a noun
    ("attacks by Hamas", "shelling by the army"), also through a participle that names who held
    it ("a general strike called by the unions"); ``event_nouns``: the lexicon's nouns."""
    if not _names_an_act(noun, event_nouns):
        return []
    return [p for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
            for p in c.children if p.dep_ == "pobj"] + organisers(noun)


def organisers(noun: Token) -> list[Token]:
    """"a general strike called by the labour federation", "protests organised by students": the
    agent of a participle of holding or calling an act (lexicon ``organising_participles``)."""
    return [p for c in organising_participles(noun) for g in c.children if g.dep_ == "agent"
            for p in g.children if p.dep_ == "pobj"]


def organising_participles(noun: Token) -> list[Token]:
    """The participles of holding, calling or imposing an act that name its agent ("sanctions
    imposed by the EU on Russian banks": "imposed", which also names whom the act is aimed at)."""
    held = load_lexicon().organising_participles
    return [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in held
            and any(g.dep_ == "agent" for g in c.children)]


def _names_an_act(token: Token, event_nouns) -> bool:
    if token.pos_ in ("NOUN", "PROPN"):
        entry = event_nouns.get(token.lemma_.lower())
        return entry is not None and entry.category is not None
    # "Shelling by the army killed five": a gerund in a noun's place, with no subject of its own
    return token.tag_ == "VBG" and token.dep_ in _NOMINAL_DEPS and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def as_role_objects(holder: Token) -> list[Token]:
    """"held thousands of civilians as human shields", "used villagers as shields": the event
    noun of an "as" phrase is done to the object of the verb the phrase qualifies."""
    if holder.dep_ != "pobj" or holder.head.lower_ != "as" or holder.head.dep_ != "prep":
        return []
    verb = holder.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]


def is_group_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in GROUP_NOUNS


def group_of(token: Token, anchors: list[ActorRef], words: str) -> list[ActorRef]:
    """"supporters of opposition leader Alexei Navalny": one unresolved group, in the state of
    the people it is defined by when they share one, with neither their id nor their sector."""
    if not anchors:
        return []
    states = {a.country for a in anchors if a.country}
    country = states.pop() if len(states) == 1 else None
    return [ActorRef(id=None, name=words, country=country, sector=None, text=words)]


def ungrouped(actor: ActorRef, words: str) -> ActorRef:
    """A group noun resolved as the person it is tied to (a registry match on the whole
    phrase): keep the person's state only."""
    return replace(actor, id=None, name=words, sector=None, text=words)
