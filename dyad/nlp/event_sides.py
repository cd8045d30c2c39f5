"""Which state each side of an event belongs to when the event's own phrase does not say.

Used by ``dyad.nlp.event_actors`` (and through it ``dyad.nlp.events``) after the actors of an
event were found in the parse. An actor the registry could not place is placed, in order, by:

* an earlier, fuller name of it in the article ("Pelosi" after "US House Speaker Nancy
  Pelosi", "the House" after "the United States House of Representatives");
* the one state its sentence names ("Ibo elders demanded reforms from the Nigerian
  government");
* for a body of a state (government, police, army, courts, parliament, intelligence) or a
  national political actor (a party, the opposition), the state the article is about, when
  one state dominates it ("Parliament voted against", "Police detained eight people").

Private people named only by what they are ("a man", "an IT worker", "several thousand
people") act for no state, whatever state the sentence is set in.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Span, Token

from dyad.models import ActorRef
from dyad.nlp.event_words import counted
from dyad.nlp.types import MentionSpan
from dyad.ontology.actor_data import state_organs

STATE_SECTORS = state_organs() | {"PTY", "OPP"}  # parties and the opposition act in their state's politics
_NOT_STATES = frozenset({"IGO", "EUR", "UNO"})
_HOME_MARGIN = 2  # the article's state is named at least twice as often as any other
_HOME_MIN = 3  # and at least this often
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PLACE_NAMES = _PLACE_LABELS | {"NORP"}
_PLACE_PREPS = frozenset({"in", "at", "on", "along", "near", "across", "throughout", "inside", "outside", "around"})
_PLACE_LINKS = frozenset({"appos", "conj", "compound", "npadvmod", "pobj", "prep", "nmod", "amod"})


def home_state(mentions: list[MentionSpan]) -> str | None:
    """The state an article is about: the country its named mentions (not pronouns) place
    most often, when it is named at least ``_HOME_MIN`` times and twice as often as any other."""
    counts = Counter(m.actor.country for m in mentions
                     if m.actor is not None and m.actor.country and m.actor.country not in _NOT_STATES
                     and m.via != "coref")
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < _HOME_MIN:
        return None
    if len(ranked) > 1 and ranked[0][1] < _HOME_MARGIN * ranked[1][1]:
        return None
    return ranked[0][0]


def private(actor: ActorRef) -> bool:
    """"a man", "an IT worker", "several thousand people": private people named only by what
    they are act for no state, whatever state the sentence is set in (a police force does)."""
    return actor.sector is not None and actor.sector not in STATE_SECTORS


def settle_countries(actors: list[ActorRef], sent: Span, index, lexicon,
                     others: tuple[ActorRef, ...] = ()) -> tuple[list[ActorRef], bool]:
    """Actors the registry could not place take a state by the rules of the module docstring;
    returns the actors and whether any country was inferred (the event's confidence drops).
    A registry actor with no state (al-Qaeda, the Red Cross) is known to be stateless.
    ``others``: the states of the event's other side, which cannot lend a state body its state
    ("prosecutors charged the Russian hackers": the prosecutors are not Russian); a private
    group may well be of the state it confronts ("Hutu rebels demanded that Burundi's ...")."""
    settled = [_unplaced(a, sent, index) for a in actors]
    if all(a.country or a.id for a in settled):
        return settled, settled != actors
    settled = [a if a.country or a.id else _earlier_name(a, sent, index) for a in settled]
    if not all(a.country or a.id for a in settled):
        settled = [a if a.country or a.id else _sentence_state(a, sent, index, lexicon, _lent_by(a, others))
                   for a in settled]
    home = getattr(index, "home", None)
    if home is not None:
        settled = [replace(a, country=home) if _state_body(a) else a for a in settled]
    return settled, settled != actors


def _unplaced(actor: ActorRef, sent: Span, index) -> ActorRef:
    """A private agent the mention search placed only by where its sentence or paragraph is set
    ("Protesters clashed with police in Ottawa") is placed again by the rules here."""
    if actor.id is not None or not actor.country or not private(actor):
        return actor
    mention = _agent_mention(actor, sent, index)
    if mention is None or _names_a_place(mention.span.root, index) \
            or any(_names_a_place(m.span.root, index) for m in _sentence_mentions(sent, index)
                   if m.actor.name == actor.name and m.via != "coref" and m.span.root.ent_type_ == "PERSON"):
        return actor  # "the Italian journalist X ... she flew back": placed by her own phrase, not by "she"
    return replace(actor, country=None)


def _sentence_state(actor: ActorRef, sent: Span, index, lexicon, others: frozenset[str] = frozenset()) -> ActorRef:
    """The one state the sentence names (IGOs aside). A private agent ("a man", "protesters")
    takes it only when the sentence names it as a party ("Chechen refugees protest the Russian
    government's refusal"), not merely as the place it acts in ("a man in London began to stab
    people"); what is acted on is placed where it happens first (PLOVER: "killed 23 people in
    Tel Aviv" is ISR, whoever the killers are)."""
    mentions = [m for m in _sentence_mentions(sent, index)
                if m.actor.country and lexicon.plover_country(m.actor.country) != "IGO"
                and (m.actor.country not in others or _place(m))]
    if private(actor):  # a common noun placed only by context, or a pronoun, names no party here
        mentions = [m for m in mentions if not _inferred(m) and m.via != "coref" and m.actor.name != actor.name
                    and m.span.root.lemma_.lower() not in lexicon.mission_nouns]  # abroad, by definition
    if private(actor) and _agent(actor, sent, index):
        mentions = [m for m in mentions if not _place(m)]
    elif private(actor):
        places = {m.actor.country for m in mentions if _place(m)}
        if len(places) == 1:
            return replace(actor, country=next(iter(places)))
    states = {m.actor.country for m in mentions}
    return replace(actor, country=next(iter(states))) if len(states) == 1 else actor


def _sentence_mentions(sent: Span, index) -> list[MentionSpan]:
    seen, out = set(), []
    for i in range(sent.start, sent.end):
        m = index.get(i)
        if m is not None and id(m) not in seen:
            seen.add(id(m))
            out.append(m)
    return out


def _agent(actor: ActorRef, sent: Span, index) -> bool:
    return _agent_mention(actor, sent, index) is not None


def _agent_mention(actor: ActorRef, sent: Span, index) -> MentionSpan | None:
    """The mention naming the actor in the sentence as a subject or a "by" agent."""
    for m in _sentence_mentions(sent, index):
        if m.actor.name == actor.name and m.actor.id is None:
            root = m.span.root
            if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.dep_ == "nsubj":
                root = root.head.head  # "thousands of people"
            if root.dep_ == "nsubj" or (root.dep_ == "pobj" and root.head.dep_ == "agent"):
                return m
    return None


def _names_a_place(root: Token, index) -> bool:
    """Whether the actor's own phrase names a state or place ("Chilean miners", "workers in
    Peru", "workers affiliated with the Serbian union")."""
    own = index.get(root.i)
    if root.dep_ == "pobj" and root.head.lower_ == "of" and counted(root.head.head):
        root = root.head.head  # "thousands of demonstrators in Baghdad": the place hangs on the count
    for tok in root.subtree:
        if tok.ent_type_ in ("NORP", "GPE", "LOC"):
            return True
        other = index.get(tok.i)
        if other is not None and other is not own and other.actor.country:
            return True
    return False


def _inferred(m: MentionSpan) -> bool:
    """A common noun placed only by its sentence ("riot police" in Ottawa): no named party
    ("Toronto", a name the registry knows only as a place of people, is one)."""
    return m.via == "sector_lexicon" and m.actor.id is None and not any(
        t.ent_type_ in _PLACE_NAMES for t in m.span)




def _place(m: MentionSpan) -> bool:
    """A place named as where something happens ("in London, England", "at Freedom Plaza in
    the US capital"), found by climbing from the mention to a locative preposition."""
    tok = m.span.root
    if m.span.label_ not in _PLACE_LABELS and tok.ent_type_ not in _PLACE_LABELS:
        return False
    for _ in range(6):
        if tok.dep_ == "prep" and tok.lower_ in _PLACE_PREPS:
            return True
        if tok.dep_ not in _PLACE_LINKS or tok.head.i == tok.i:
            return False
        if tok.dep_ == "prep" and tok.lower_ != "of":
            return False
        tok = tok.head
    return False


def side_key(actor: ActorRef) -> tuple:
    """What makes two actors the same party: their id and state; actors without an id are also
    told apart by sector ("French prosecutors indicted a former minister": the court and the
    politician share a state, not a side) and, unplaced, by name ("Police detained eight people")."""
    if actor.id is not None:
        return (actor.id, actor.country, None, None)
    return (None, actor.country, actor.sector, actor.name.lower() if actor.country is None else None)


def _lent_by(actor: ActorRef, others: tuple[ActorRef, ...]) -> frozenset[str]:
    """States of the other side that cannot place ``actor``: any, for a state body; for a
    private group, only those of a party that is no state institution ("rebels demanded that
    Burundi's government ..." are Burundian; "militants warned the Saudis" need not be Saudi)."""
    return frozenset(o.country for o in others if o.country and (_state_body(actor) or o.sector not in STATE_SECTORS))


def _state_body(actor: ActorRef) -> bool:
    return actor.country is None and actor.id is None and actor.sector in STATE_SECTORS


def _earlier_name(actor: ActorRef, sent: Span, index) -> ActorRef:
    """"Pelosi" after "Nancy Pelosi", "the House" after "the United States House of
    Representatives": a short name takes the country (and sector) of the one fuller name of
    it said earlier in the article, when that name is placed."""
    words = _name_words(actor.name)
    if not words or not actor.name[:1].isupper():
        return actor
    found = {}
    for mentions in getattr(index, "named", {}).values():
        for m in mentions:
            fuller = _name_words(m.span.text)
            if m.span.start < sent.start and m.actor.country and len(fuller) > len(words) and _contains(fuller, words):
                found[(m.actor.country, m.actor.sector)] = m.actor
    if len({country for country, _ in found}) != 1:
        return actor  # none, or two fuller names in different states: no guess
    fuller = next(iter(found.values()))
    return replace(actor, country=fuller.country, sector=actor.sector or fuller.sector)


def _name_words(name: str | None) -> list[str]:
    words = [w for w in (name or "").replace("'s", "").split() if w.lower() not in ("the", "a", "an")]
    return [w.lower() for w in words]


def _contains(fuller: list[str], words: list[str]) -> bool:
    """Whether ``words`` occur in ``fuller`` as a run that ends it ("Pelosi" in "Nancy Pelosi")
    or as the head of its first part ("House" in "United States House of Representatives")."""
    n = len(words)
    if fuller[-n:] == words:
        return True
    head = fuller[:fuller.index("of")] if "of" in fuller else fuller
    return head[-n:] == words


def quote_speaker(token: Token) -> list[ActorRef]:
    """"I asked John for his resignation," wrote Trump: a first-person subject inside a
    direct quote is its speaker."""
    if token.lower_ not in ("i", "we"):
        return []
    char = token.idx
    for quote in token.doc._.quotes or []:
        if quote.kind == "direct" and quote.start <= char < quote.end and quote.speaker is not None:
            return [quote.speaker]
    return []
