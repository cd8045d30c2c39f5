"""Who did it and to whom: actors of an event reached through the dependency parse.

Used by ``dyad.nlp.events``; works on ``doc._.mentions`` indexed by token. Which state a side
belongs to when its phrase does not say is ``dyad.nlp.event_sides``; targets found outside the
event's phrase (purpose, condition, addressee) are ``dyad.nlp.event_fallbacks``; the words
that stand for a side (``ActorRef.text``) are ``dyad.nlp.event_words``; "by" agents of event
nouns, "as" roles and groups named by whom they belong to are ``dyad.nlp.event_agents``. Subjects climb
control, coordination and reported speech; objects include prepositional objects, the
members named by "including", the IGO behind a voted resolution and the crowd behind
"protests". General conventions applied here (each tested in tests/test_event_actors_roles.py):

* what is supplied is the item, not the target ("sold destroyers to Taiwan" → Taiwan);
* an act named in a blame belongs to the accused ("blamed Iran for the attacks");
* a complaint's target is what it is about, not whom it is addressed to;
* "with X's help" names a partner; "were engaged in" makes the passive subject the doer;
* with no target in the event's phrase: the subject of an "unless" condition (threats), the
  purpose clause ("to help defend X"), then PLOVER's defaults;
* a person named with an office acts for it ("Kofi Annan, UN secretary-general" → IGO);
  an ethnic group is coded by where it lives; an unattributed bombing by where it happened,
  and an arrest or expulsion with no one said to do it by the state where it happened;
* only actors the registry does not know take the sentence's one state.
"""

from __future__ import annotations

from dataclasses import replace

import pycountry
from spacy.tokens import Span, Token

from dyad.models import ActorRef
from dyad.nlp import event_agents as agents
from dyad.nlp import event_senses as senses
from dyad.nlp.event_words import actor_words, counted, group_words, phrase_text, side_words
from dyad.nlp.event_sides import home_state, private, quote_speaker, side_key
from dyad.nlp.place_names import names_feature
from dyad.nlp.types import MentionSpan
from dyad.ontology.actor_data import state_organs
from dyad.ontology.actors import load_registry
from dyad.ontology.plover import load_lexicon

_TARGET_PREPS = {"to", "against", "with", "on", "at", "into", "toward", "towards", "upon", "for", "from", "of",
                 "over", "onto", "inside", "about"}
_ACTOR_DEPS = {"compound", "amod", "poss", "nmod", "appos", "pobj", "prep", "conj", "npadvmod"}
_ACTOR_PREPS = {"of", "from", "in", "like", "including", "such", "as", "led", "under", "throughout", "across", "at",
                "for"}  # "a camp for Congolese refugees", "a spokesman for the ministry": who the thing serves
_STATE_SECTORS = state_organs() - {"LEG"}  # acting organs; a legislature's country is not guessed
_PLACE_PREPS = frozenset({"in", "at", "across", "throughout", "inside", "near"})


# "X-based", "X-backed", "X-born" say where a group sits or who supports it, not who it is;
# "X-made" who made a thing
_RELATIONAL_PARTICIPLES = frozenset({"base", "based", "back", "backed", "bear", "born", "fund", "funded", "sponsor",
                                     "sponsored", "support", "supported", "inspire", "inspired", "affiliate",
                                     "affiliated", "align", "aligned", "link", "linked",
                                     # "Russian-made rockets", "US-built jets": who made the thing
                                     "make", "made", "build", "built", "manufacture", "manufactured",
                                     "design", "designed"})
_SETTING_PREPS = frozenset({"on", "via", "in", "at", "through", "from"})


class MentionIndex(dict):
    """Token index → the first mention covering it; ``members`` keeps every actor named on
    one span: a set ("the two countries") or coordinated modifiers ("U.S. and Russian
    negotiators") are several mentions on the same words."""

    def __init__(self):
        super().__init__()
        self.members: dict[tuple[int, int], list[ActorRef]] = {}
        self.named: dict[tuple, list[MentionSpan]] = {}  # (id, name) → mentions by name, not pronoun
        self.home: str | None = None  # the state the article is about (see event_sides.home_state)

    def actors_at(self, i: int) -> list[ActorRef]:
        """The actors of the mention at token ``i``: every member with a country (one per
        country), else the mention's own actor."""
        m = self[i]
        refs = self.members.get((m.span.start, m.span.end), ())
        placed = {r.country: r for r in refs if r.country}
        return list(placed.values()) if len(placed) > 1 else [ref(m)]


def mention_index(mentions: list[MentionSpan]) -> MentionIndex:
    index = MentionIndex()
    for m in mentions:
        if m.actor is None:
            continue
        index.members.setdefault((m.span.start, m.span.end), []).append(ref(m))
        if m.via != "coref":
            index.named.setdefault((m.actor.id, m.actor.name), []).append(m)
        for i in range(m.span.start, m.span.end):
            index.setdefault(i, m)
    index.home = home_state(mentions)
    return index


def actors_of(token: Token, index, depth: int = 0, seen: set[int] | None = None,
              owned: bool = True) -> list[ActorRef]:
    """Actors named by the phrase headed by ``token``: its own mention, else modifiers
    ("Chinese firms", "forces in Guinea", "companies like Tiandy"), plus its conjuncts.
    ``owned``: a thing its owner is named by may stand for the owner ("Iran's decision"); not
    when the thing is the event itself ("came to Armenia's aid")."""
    seen = set() if seen is None else seen
    if token.i in seen or depth > 3:
        return []
    seen.add(token.i)
    found: list[ActorRef] = []
    own = _named_antecedent(token, index) if token.i in index else None
    modified = False  # the actor is a modifier of this phrase ("Chinese firms"), not a prepositional object
    owner = False  # the actor owns the thing this phrase names ("positions of Hezbollah", "Iran's decision")
    unplaced = None  # how many actors were found when a modifier turned out to name no country
    if own is None or own.country is None:
        for child in token.children:
            if child.dep_ in _ACTOR_DEPS and child.dep_ != "conj":
                if child.dep_ == "prep" and child.lower_ not in _ACTOR_PREPS:
                    continue
                if child.dep_ == "amod" and child.lemma_.lower() in _RELATIONAL_PARTICIPLES:
                    continue  # "the Yemen-based Houthi movement", "Iran-backed militias": not Yemen, not Iran
                if child.dep_ == "poss" and token.lemma_.lower() in load_lexicon().relational_nouns:
                    continue  # "Israel's militia ally in Lebanon", "Iran's proxies": someone other than the possessor
                if own is None and found and _counted_place(token, child):
                    # "Thousands of demonstrators in Baghdad": the parser hangs the place on the
                    # count; it places the people counted and is no party of its own
                    country = next((a.country for a in actors_of(child, index, depth + 1, seen) if a.country), None)
                    found = [replace(a, country=a.country or country) for a in found]
                    continue
                before = len(found)
                if own is None and agents.is_group_noun(token) and (
                        child.dep_ == "poss" or child.lower_ == "of" or child.dep_ == "compound" and child.ent_type_ == "PERSON"):
                    # "supporters of the president", "Navalny's associates", "Trump supporters": other
                    # people than their anchor
                    found.extend(agents.group_of(token, actors_of(child, index, depth, seen), group_words(token)))
                    continue
                found.extend(actors_of(child, index, depth + 1, seen))
                if len(found) > before and not found[:before] and (child.dep_ != "prep" or _placed_attack(token, child)):
                    # "Chinese firms" are the firms; "positions of Hezbollah" are Hezbollah's;
                    # "a car bomb in Kiev" stands for its unnamed authors, placed in Kiev
                    modified = True
                owner = owner or (len(found) > before and (child.dep_ == "poss" or child.lower_ == "of"))
                if found and child.dep_ in ("compound", "amod", "poss"):
                    if any(a.country for a in found):
                        break
                    unplaced = len(found) if unplaced is None else unplaced
    if unplaced is not None and len(found) > unplaced:
        # "a Christian missionary from Calgary": where it is from places the modifier, nothing else counts
        merged = _placed_modifier(token, found) if own is None else found
        found = merged if len(merged) < len(found) else found[:unplaced]
    if own is not None and (_ethnic(own) or any(c.lower_ == "ethnic" for c in token.children)):
        home = _located_in(token, index)
        own = replace(own, country=home or own.country, text=phrase_text(token))  # keeps "ethnic" for the event
    if own is not None and own.id and own.id.startswith("person:") and agents.is_group_noun(token):
        own = agents.ungrouped(own, actor_words(token, index))  # "relatives of Nicolas Maduro" read as him
    if own is not None and own.id and own.id.startswith("person:"):
        office = _office_country(token, index, own)
        if office is not None:
            own = replace(own, country=office)
    if own is not None:
        # an unresolved group keeps its words but takes the country its phrase names:
        # "supporters of Ben Bella", "workers affiliated with the Serbian union"
        country = next((a.country for a in found if a.country), None) if own.country is None else own.country
        found = [replace(own, country=country)]
        if len(index.actors_at(token.i)) > 1:
            found = index.actors_at(token.i)  # "U.S. and Russian negotiators": one actor each
    text = side_words(token, index, own, modified, owner and owned) if depth == 0 and len(found) == 1 else None
    if text is not None and token.pos_ != "PRON":
        found = [replace(found[0], text=text)]
    for conj in token.children:
        if conj.dep_ == "conj":
            found.extend(actors_of(conj, index, depth, seen))
    return unique(found)


def _counted_place(token: Token, prep: Token) -> bool:
    return prep.lower_ in _PLACE_PREPS and counted(token) and any(
        p.dep_ == "pobj" and p.ent_type_ in ("GPE", "LOC", "FAC") for p in prep.children)


def _placed_modifier(token: Token, found: list[ActorRef]) -> list[ActorRef]:
    """"a Christian missionary from Calgary": a modifier naming no country ("Christian")
    takes the state of the place the phrase says it is from or in, as one actor."""
    placed = [p for c in token.children if c.dep_ == "prep" and c.lower_ in ("from", "in", "of")
              for p in c.children if p.dep_ == "pobj"]
    first = found[0]
    if first.country is not None or not placed:
        return found
    place = next((a for a in found[1:] if a.country and (a.id is None or a.id == a.country)), None)
    if place is None:
        return found
    return [replace(first, country=place.country)] + [a for a in found[1:] if a is not place]


def _named_antecedent(token: Token, index) -> ActorRef:
    """The mention at ``token``; a pronoun resolved by coreference to an actor named earlier
    in the same sentence stands for that name ("Japan said it had halted aid": Japan)."""
    m = index[token.i]
    if token.pos_ != "PRON" or m.via != "coref":
        return ref(m)
    key = (m.actor.id, m.actor.name)
    sent_start = token.sent.start
    earlier = [n for n in index.named.get(key, ()) if sent_start <= n.span.start and n.span.end <= token.i]
    if not earlier:
        return ref(m)
    return replace(ref(earlier[-1]), text=actor_words(earlier[-1].span.root, index))


def _placed_attack(token: Token, prep: Token) -> bool:
    entry = load_lexicon().nouns.get(token.lemma_.lower())
    return prep.lower_ in _PLACE_PREPS and entry is not None and entry.category == "ASSAULT"


_GROUP_NOUNS = frozenset({"population", "populations", "minority", "minorities", "community", "communities"})


def _ethnic(actor: ActorRef) -> bool:
    """"ethnic Albanians", "the Albanian population (of the province)", "the Serb minority":
    a people named as a group living somewhere, coded by where it lives; also when its words
    name some of them ("members of the Chinese community")."""
    words = (actor.text or "").lower().split()
    if "ethnic" in words:
        return True
    parts = " ".join(words).split(" of ")
    return actor.country is not None and any(
        len(part.split()) >= 2 and part.split()[-1] in _GROUP_NOUNS for part in parts[:2])


def _located_in(token: Token, index) -> str | None:
    """"ethnic Albanians in south Serbia", "the Albanian population of the region in Macedonia":
    the state an ethnic group is placed in, within its own phrase (not a clause about it)."""
    clauses = {t.i for c in token.children if c.dep_ in ("relcl", "acl", "appos") for t in c.subtree}
    for child in token.subtree:
        if child.i in clauses:
            continue
        if child.dep_ == "prep" and child.lower_ in ("in", "inside", "across", "throughout"):
            for pobj in child.children:
                m = index.get(pobj.i)
                if m is not None and m is index.get(token.i):  # the place is inside the group's own mention
                    return load_registry().country_hint(pobj.text)
                if m is not None and m.actor.country:
                    return m.actor.country
    return None


def _office_country(token: Token, index, person: ActorRef) -> str | None:
    """"Kofi Annan, UN secretary-general": a person named with the office they hold acts for
    that office's state or organisation, whatever their nationality."""
    offices = [c for c in token.children if c.dep_ == "appos"]
    if token.dep_ == "nsubj":  # the parser sometimes reads "X, secretary-general of Y, said" as two subjects
        offices += [c for c in token.head.children if c.dep_ == "nsubj" and c.i > token.i and c.pos_ == "NOUN"]
    for child in offices:
        if child.pos_ == "PROPN":
            continue  # a second name, not an office
        # the office's own modifiers ("UN secretary-general") or its "of" ("secretary-general of the UN");
        # not "envoy to Syria", where the country is where the office is exercised
        for tok in [t for t in child.subtree if t.i <= child.i]:
            m = index.get(tok.i)
            if m is not None and m.actor.country and m.actor.country != person.country:
                return m.actor.country
        owner = _of_owner(child, index)
        if owner is not None:
            return owner if owner != person.country else None
    return None


def _of_owner(office: Token, index) -> str | None:
    """The country of the body an office is "of": the first actor of its of-phrase, not one
    named in a description of that body ("head of the Quds Force, a U.S.-designated ...")."""
    for prep in office.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for pobj in prep.children:
            described = {t.i for a in pobj.children if a.dep_ in ("appos", "relcl", "acl") for t in a.subtree}
            for tok in (t for t in pobj.subtree if t.i not in described):
                m = index.get(tok.i)
                if m is not None and m.actor.country:
                    return m.actor.country
    return None


def ref(m: MentionSpan) -> ActorRef:
    actor = m.actor
    return actor if actor.text else replace(actor, text=m.span.text)


def unique(refs: list[ActorRef]) -> list[ActorRef]:
    out: dict[tuple, ActorRef] = {}
    for r in refs:
        out.setdefault((r.id, r.name, r.country), r)
    return list(out.values())


_RELATIVE_TAGS = frozenset({"WDT", "WP"})  # "that", "which", "who" opening a relative clause


def subject_of(verb: Token, index, steps: int = 0, raised: bool = False) -> tuple[list[ActorRef], Token | None]:
    """Actors of the clause subject, climbing control and coordination; (actors, passive subject)."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is None and verb.lemma_.lower() in load_lexicon().agentive_participles:
        raised = True  # "Serb forces were engaged in ethnic cleansing": the forces did it
    accused = accused_of(verb, index)
    if accused:
        return accused, None
    for child in _with_aux_subjects(verb):
        if child.dep_ == "nsubj" and child.tag_ in _RELATIVE_TAGS and verb.dep_ == "relcl":
            break  # "firms that supplied drones": the relative pronoun stands for the noun it follows
        if child.dep_ in ("nsubj", "csubj", "expl"):
            # "Attacks by Russian forces hit Kharkiv": the act named as the subject is the forces' doing
            actors = _by_agent(child, index) or actors_of(child, index) or _including(verb, index)
            if not actors and child.pos_ == "PRON":
                actors = quote_speaker(child) or _speaker_subject(verb, index)
            if actors or child.dep_ == "nsubj":
                return actors, None
        if child.dep_ == "nsubjpass":
            if raised:  # "India is set to sign": the passive subject is the signer
                return actors_of(child, index), None
            by = [a for p in (agent.children if agent else []) for a in actors_of(p, index)]
            return by, child
    if steps >= 4 or verb.head.i == verb.i:
        return [], None
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and agent is not None and _done_to(verb) and actors_of(verb.head, index):
        # "an executive detained by Chinese authorities": the party named is who it is done to
        return [a for p in agent.children for a in actors_of(p, index)], verb.head
    if agent is None and _done_to(verb) and _headline_passive(verb, load_lexicon()):
        return [], verb.head  # "Two Chinese nationals detained in Taiwan": done to them, by no one named
    among = verb.head.head if verb.dep_ in ("acl", "relcl") and verb.head.dep_ == "pobj" else None
    if among is not None and among.lower_ == "among" and not actors_of(verb.head, index):
        members = _among_whom(among)
        if members is not None:  # "with the US and Israel among those voting against"
            return actors_of(members, index), None
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        head = verb.head
        if verb.dep_ == "acl" and head.dep_ == "pobj" and head.head.lower_ in _SETTING_PREPS:
            # "posted a message on Twitter blaming Iran": a platform or place is where, not who
            return subject_of(head.head.head, index, steps + 1)
        found = actors_of(head, index)  # "companies like Tiandy selling equipment"
        if not found and (_planned_act(verb, head) or _carrier_act(verb, head)):
            return subject_of(head.head, index, steps + 1)
        return found, None
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.dep_ == "xcomp" and verb.i > 0 \
            and verb.doc[verb.i - 1].lower_ == ",":
        # "ordered the ambassador to leave, accusing Paris of ...": the participle after the comma
        # tells what the one who ordered did, not the one ordered
        return subject_of(verb.head.head, index, steps + 1)
    if verb.dep_ == "xcomp":
        obj = next((c for c in verb.head.children if c.dep_ in ("dobj",)), None)
        if obj is not None and actors_of(obj, index):  # "urged Iran to withdraw"
            return actors_of(obj, index), None
    # not through ccomp: a clause's missing subject is not the speaker's ("X said: '... damages'")
    if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "prep", "pobj", "advmod", "acomp", "dobj"):
        return subject_of(verb.head, index, steps + 1, raised=verb.dep_ == "xcomp")
    return [], None


def _among_whom(among: Token) -> Token | None:
    """Whom "among those ..." counts: the noun the phrase hangs on, or the object of the "with" beside
    it when the parser hangs both on the verb ("with the US and Israel among those voting against")."""
    if among.head.pos_ in ("NOUN", "PROPN"):
        return among.head
    return next((o for p in among.head.children if p.dep_ == "prep" and p.lower_ == "with" and p.i < among.i
                 for o in p.children if o.dep_ == "pobj"), None)


def _done_to(verb: Token) -> bool:
    """A participle after a party reports an act done to it by the agent ("workers killed by
    soldiers", "hostages freed by the rebels", "diplomats expelled by Russia"); backing, aid and
    cooperation describe the party instead ("a militia backed by the UAE")."""
    entry = load_lexicon().verbs.get(verb.lemma_.lower())
    return entry is not None and entry.category not in _DESCRIBING


def _headline_passive(verb: Token, lexicon) -> bool:
    """"Two Chinese nationals detained in Taiwan": a headline's participle, with its "were"
    dropped, is done to the noun it follows (a crowd's "protested" and a participle with an object of
    its own, "combatants handed over their guns", are the noun's own act)."""
    return senses.headline_predicate(verb) and not senses.own_headline_act(verb, lexicon)


def _by_agent(noun: Token, index) -> list[ActorRef]:
    return [a for p in agents.by_agent_tokens(noun, load_lexicon().nouns) for a in actors_of(p, index)]


def _with_aux_subjects(verb: Token) -> list[Token]:
    """The verb's children, plus a subject the parser hung on one of its auxiliaries ("The US
    has been encouraging": "US" under "been")."""
    children = list(verb.children)
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in children):
        return children
    return children + [s for a in children if a.dep_ in ("aux", "auxpass") for s in a.children if s.dep_ == "nsubj"]


def _planned_act(verb: Token, noun: Token) -> bool:
    """"was developing plans to attack", "announced a decision to withdraw": the act a plan
    or decision names is its maker's, the subject of the verb the noun is the object of;
    not when someone else is given it ("gave Iraq a deadline to withdraw")."""
    if verb.dep_ != "acl" or not _infinitival(verb) or noun.dep_ != "dobj":
        return False
    return not any(c.dep_ in ("dative", "iobj") for c in noun.head.children)


def _carrier_act(verb: Token, noun: Token) -> bool:
    """"sent a letter requesting", "issued a statement condemning", "signed a bill banning":
    what a thing its sender issues does is the sender's act."""
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and noun.dep_ == "dobj"


_SPEAKER_PRONOUNS = {"it", "they", "he", "she", "we", "i"}


def accused_of(token: Token, index) -> list[ActorRef]:
    """"blamed Iran for the attacks", "accused Iran of attacking", "condemned X for shelling":
    the act named in the blame is the accused's, not the accuser's."""
    if token.dep_ not in ("pobj", "pcomp") or token.head.lower_ not in ("for", "of", "over", "about"):
        return []
    verb = token.head.head
    if verb.lemma_.lower() not in load_lexicon().accuse_verbs:
        return []
    accused = [a for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for a in actors_of(c, index)]
    # "complained about Syrian shelling": with no one accused, the act names its own author
    return accused or [ref(index[c.i]) for c in token.children if c.dep_ in ("amod", "poss", "compound") and c.i in index]


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
    parties = between_parties(content, index)
    if len(parties) > 1 and not _own_subject(content, source_from, index):
        return parties[:1]  # "fighting between Azerbaijanis and Armenians": each side's act on the other
    if content.pos_ in ("NOUN", "PROPN") and source_from is None:
        own = _noun_source(content, index)
        if own:
            return own
    if source_from is None and content.pos_ in ("VERB", "AUX"):
        by = _by_agent(content, index)  # "Shelling by the army killed five": a gerund's doer
        if by:
            return by
    start = source_from or content
    actors, passive = subject_of(start, index)
    if not actors and start.i != content.i:
        actors, _ = subject_of(content, index)
    if not actors and passive is not None:
        actors = authorities_where(start, index)
    if len(actors) > 1 and (_mutual(start) or _mutual(content)):
        return actors[:1]  # "North and South Korea exchanged fire": each fired at the other
    return actors


# verbs of an act two parties do to each other when named together as the subject
_MUTUAL_VERBS = frozenset({"exchange", "swap", "trade", "clash", "skirmish", "sign", "ink"})


def _mutual(verb: Token) -> bool:
    """"A and B exchanged fire", "A and B clashed" (not "A clashed with B": B is named), and
    any act done to "each other" or "one another" ("A and B accused each other")."""
    if _reciprocal_object(verb):
        return True
    return verb.lemma_.lower() in _MUTUAL_VERBS and not any(
        c.dep_ == "prep" and c.lower_ in ("with", "against") for c in verb.children)


def _reciprocal_object(verb: Token) -> bool:
    """The verb's object, or its preposition's, is "each other" / "one another", or "the
    other" after a distributive subject ("each side blamed the other")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "pobj")]
    objects += [o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    if any(o.i + 1 < len(o.doc) and (o.lower_, o.doc[o.i + 1].lower_) in _RECIPROCALS
           or o.i > 0 and (o.doc[o.i - 1].lower_, o.lower_) in _RECIPROCALS for o in objects):
        return True
    distributive = any(c.dep_ == "nsubj" and any(d.lower_ in ("each", "either") for d in c.children if d.dep_ == "det")
                       for c in verb.children)
    return distributive and any(o.lower_ == "other" and o.i > 0 and o.doc[o.i - 1].lower_ == "the" for o in objects)


# the parser heads "each other" on either word ("one" dobj + "another" det is common)
_RECIPROCALS = frozenset({("each", "other"), ("one", "another")})


def mutual_act(content: Token, source_from: Token | None, index) -> bool:
    """The event is one two or more jointly named subjects do to each other, so each side is
    also the other's target: the coder emits the mirror event as well."""
    start = source_from or content
    if not (_mutual(start) or _mutual(content)):
        return False
    if len(subject_of(start, index)[0]) > 1:
        return True
    # "a prisoner exchange between Russia and Ukraine", "clashes between troops and rebels"
    return content.pos_ == "NOUN" and len(between_parties(content, index)) > 1


def _mutual_partners(holders: list[Token], index, sources: list[ActorRef]) -> list[ActorRef]:
    """The other parties of a mutual act named together with its source ("North and South
    Korea exchanged fire": South Korea's target is North Korea)."""
    own = {side_key(s) for s in sources}
    for holder in holders:
        if _mutual(holder):
            return [a for a in subject_of(holder, index)[0] if side_key(a) not in own]
    return []


def authorities_where(verb: Token, index) -> list[ActorRef]:
    """"A missionary was arrested in Lebanon", "they were deported from Germany": an arrest,
    deportation or ban with no one said to do it is the act of the authorities where it
    happened, or of the state the deported are sent from (PLOVER codes that state)."""
    entry = load_lexicon().verbs.get(verb.lemma_.lower())
    if entry is None or not _authorities_act(entry) or any(c.dep_ == "agent" for c in verb.children):
        return []  # "arrested by masked men": someone is said to do it, known or not
    place = place_target([verb], index, [], domestic=False)
    if not place and entry.mode in ("deport", "expel"):  # "diplomats were expelled from Poland"
        place = [a for p in verb.children if p.dep_ == "prep" and p.lower_ == "from"
                 for o in p.children if o.dep_ == "pobj" for a in actors_of(o, index) if a.country]
    if not place or not place[0].country:
        return []
    country = place[0].country
    return [ActorRef(id=country, name=_country_name(country), country=country)]


def _authorities_act(entry) -> bool:
    """Arrests, bans, deportations and expulsions: only the authorities of a state do them."""
    return entry.category == "COERCE" or entry.mode == "expel"


def _noun_source(noun: Token, index) -> list[ActorRef]:
    """"Russia's strikes", "Chinese sanctions", "attacks by Hamas", else the governing verb's subject."""
    for child in noun.children:
        if child.dep_ in ("poss", "amod", "compound") and child.i in index:
            return [ref(index[child.i])]
        if child.dep_ == "prep" and (child.lower_ == "by" or child.lower_ == "from" and not _moves(noun)):
            found = [a for c in child.children for a in actors_of(c, index)]
            if found:
                return found
    held = [a for p in agents.organisers(noun) for a in actors_of(p, index)]
    if held:
        return held  # "a general strike called by the labour federation"
    accused = accused_of(noun, index)
    if accused:
        return accused
    if _background(noun):
        return _movers(noun, index)  # "closed its borders because of fighting …": not the closer's fighting
    if noun.dep_ in ("dobj", "pobj", "nsubjpass", "attr"):
        actors, _ = subject_of(noun.head if noun.dep_ != "pobj" else noun.head.head, index)
        if actors:
            return actors
    return _movers(noun, index)


def _own_subject(content: Token, source_from: Token | None, index) -> list[ActorRef]:
    """The subject of the word governing the event, or of an event verb itself ("Qatar mediated
    between Israel and Hamas": Qatar acts, the parties are its targets); a bare event noun has none."""
    if source_from is not None:
        return subject_of(source_from, index)[0]
    return [] if content.pos_ in ("NOUN", "PROPN") else subject_of(content, index)[0]


def between_parties(noun: Token, index) -> list[ActorRef]:
    """The actors an event noun says it is between ("talks between Iran and the US",
    "clashes between troops and rebels"), in the order named."""
    return unique([a for p in noun.children if p.dep_ == "prep" and p.lower_ == "between"
                   for o in p.children if o.dep_ == "pobj" for a in actors_of(o, index)])


# adjuncts that give an act's cause or background: an event noun there is not the clause's
# subject's own act ("closed the border because of fighting", "amid protests", "despite attacks")
_BACKGROUND_PREPS = frozenset({"amid", "amidst", "despite"})
_BACKGROUND_HEADS = frozenset({"because", "due", "owing", "thanks", "response", "reaction", "retaliation",
                               "spite", "light", "view"})


def _background(noun: Token) -> bool:
    """``noun`` is the object of a cause or background adjunct: "amid clashes", "despite
    attacks", "because of fighting", "due to unrest", "in response to strikes"."""
    if noun.dep_ != "pobj" or noun.head.dep_ not in ("prep", "pcomp"):
        return False
    prep = noun.head
    return prep.lower_ in _BACKGROUND_PREPS or prep.head.lower_ in _BACKGROUND_HEADS and prep.lower_ in ("of", "to")


_MOVEMENT_CATEGORIES = frozenset({"MOBILIZE", "RETREAT"})
_FORCE_SECTORS = frozenset({"MIL", "COP", "REB", "SPY"})


def _moves(noun: Token) -> bool:
    """A movement noun ("withdrawal", "deployment"): its "from" is a place left, not an author."""
    entry = load_lexicon().nouns.get(noun.lemma_.lower())
    return entry is not None and entry.category in _MOVEMENT_CATEGORIES


def _movers(noun: Token, index) -> list[ActorRef]:
    """"the deployment of NATO troops", "the withdrawal of Israeli forces": with no one said to
    order it, the forces that move are the source of a movement noun."""
    if not _moves(noun):
        return []
    return [a for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children if o.dep_ == "pobj" for a in actors_of(o, index) if a.sector in _FORCE_SECTORS]


def _target_tokens(token: Token, lexicon, supply: bool = False) -> list[Token]:
    """Objects and prepositional objects of ``token``; ``supply``: what is supplied is the
    item, not the target ("sold destroyers to Taiwan", "supplied Egypt with jets"); "with X's
    help" names a partner."""
    out = []
    if token.dep_ == "acl" and token.tag_ == "VBN" and _done_to(token) \
            and (any(c.dep_ == "agent" for c in token.children) or _headline_passive(token, lexicon)) \
            and not (lexicon.is_item(token.head.lemma_.lower()) or senses.projectile(token.head, lexicon)):
        # "an executive detained by Chinese authorities", "Two Chinese nationals detained in
        # Taiwan": the noun it is done to
        out.append(token.head)
    if senses.finite_modifier(token):
        out.append(token.head)  # "pardoned jailed activist X", misparsed as a modifier of its object
    out.extend(_shared_object(token, lexicon))
    launcher = token.pos_ == "VERB" and token.lemma_.lower() in lexicon.launch_verbs
    for child in token.children:
        if child.dep_ == "nsubjpass" and token.lemma_.lower() in lexicon.agentive_participles:
            continue  # "were engaged in": the subject is the doer
        if child.dep_ == "dative" and child.pos_ == "ADP":  # "gave asylum to X" read as a dative "to"
            out.extend([c for c in child.children if c.dep_ == "pobj"] + _stranded_object(child))
        elif child.dep_ in ("dobj", "nsubjpass") and launcher and senses.projectile(child, lexicon):
            out.extend(senses.aimed_at(child, []))  # "fired missiles at Kyiv": Kyiv is hit, not the missiles
        elif child.dep_ in ("dobj", "nsubjpass") and child.tag_ in _RELATIVE_TAGS and token.dep_ == "relcl":
            # "protesters who were arrested": the relative pronoun is the noun (what is supplied is
            # the item: "the drones that Iran sold to Russia")
            if not supply or token.lemma_.lower() in lexicon.recipient_object_verbs:
                out.append(token.head)
        elif child.dep_ in ("dobj", "dative", "iobj", "nsubjpass"):
            if not (supply and child.dep_ in ("dobj", "nsubjpass") and lexicon.is_item(child.lemma_.lower())):
                out.append(child)
        elif child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
            if senses.fights_for(token, child, lexicon):
                continue  # "fought for Russia": the side served, not the enemy ("for control of X" is fought over)
            out.extend(c for c in child.children if c.dep_ == "pobj" and not (child.lower_ == "with" and (
                c.lemma_.lower() in lexicon.partner_nouns or supply and lexicon.is_item(c.lemma_.lower())
                or senses.projectile(c, lexicon))))  # "hit the grid with 40 missiles": the weapon
            out.extend(_stranded_object(child))
    return out


_FORCIBLE = frozenset({"ASSAULT", "COERCE"})


def _shared_object(verb: Token, lexicon) -> list[Token]:
    """"beat and detained dozens of protesters", "rammed and sank a fishing boat": a forcible act
    with no object of its own shares the object of the verb coordinated after it (when that verb
    has no subject of its own)."""
    entry = lexicon.verbs.get(verb.lemma_.lower()) if verb.pos_ == "VERB" else None
    if entry is None or entry.category not in _FORCIBLE or any(c.dep_ in ("dobj", "prep") for c in verb.children):
        return []
    conj = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
    if conj is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
        return []
    return [c for c in conj.children if c.dep_ == "dobj"]


def _stranded_object(prep: Token) -> list[Token]:
    """"granted asylum to five officers holed up in the embassy": the parser may read the
    object of a preposition as the subject of the reduced relative clause that follows."""
    if any(c.dep_ in ("pobj", "pcomp") for c in prep.children) or prep.i + 1 >= len(prep.doc):
        return []
    nxt = prep.doc[prep.i + 1]
    return [t for t in prep.doc[prep.i + 1:prep.sent.end]
            if t.dep_ in ("nsubj", "nsubjpass") and t.left_edge.i == nxt.i and t.head.dep_ in ("advcl", "acl", "relcl")][:1]


_ADDRESSEE_PREPS = frozenset({"to"})
_GRIEVANCE_PREPS = frozenset({"over", "about", "against", "of", "for", "at", "on"})


def _drop_addressees(holders: list[Token], found: list[tuple[ActorRef, str]]) -> list[ActorRef]:
    """"complained to the UN over Israeli raids": a complaint's target is what it is about;
    the body it is addressed to is the target only when nothing else is named."""
    preps = {p for _, p in found}
    if preps & _GRIEVANCE_PREPS and preps & _ADDRESSEE_PREPS:
        found = [(a, p) for a, p in found if p not in _ADDRESSEE_PREPS]
    return [a for a, _ in found]


def _prep_of(tok: Token) -> str:
    return tok.head.lower_ if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.dep_


def targets_of(holders: list[Token], index, sources: list[ActorRef], lexicon, sent: Span,
               category: str | None = None, supply: bool = False) -> list[ActorRef]:
    """Target actors: objects and prepositional objects of the words that hold the event."""
    found: list[ActorRef] = []
    preps: list[tuple[ActorRef, str]] = []
    own_sources = {side_key(s) for s in sources}
    asked = _asked_clause(holders[0], index) if holders else set()
    held = {h.i for h in holders}
    for holder in holders:
        if holder.i in asked:
            continue  # "demanded that Japan stop supporting Taiwan": Japan is asked, Taiwan is not
        # "its demands that the government grant": the clause of a noun names the target when
        # the noun is this event, not when it is what the event answers ("rejected accusations that")
        own_noun = holder is holders[0] or getattr(lexicon.nouns.get(holder.lemma_.lower()), "category", None) == category
        for tok in _target_tokens(holder, lexicon, supply) + _reported_subjects(holder, own_noun) \
                + agents.as_role_objects(holder):
            if tok.i in held and getattr(lexicon.nouns.get(tok.lemma_.lower()), "category", None) == category:
                continue  # "held talks in Riyadh": the event noun is no party; its own words are read as a holder
            before = len(found)
            entry = lexicon.nouns.get(tok.lemma_.lower())
            owned = entry is None or entry.category != category
            for actor in _posting(tok, index, own_sources, lexicon) or actors_of(tok, index, owned=owned) \
                    or _main_object(tok, holder, index):
                if side_key(actor) not in own_sources:
                    found.append(actor)
            if not found and tok.lemma_.lower() in lexicon.document_nouns:
                found.extend(_igo_nearby(sent, index, lexicon))
            if not found and tok.lemma_.lower() in lexicon.crowd_nouns and tok.i != holders[0].i:
                found.append(_crowd(tok, index, sources))  # not the protest that is the event itself
            preps.extend((a, _prep_of(tok)) for a in found[before:])
    if category == "ACCUSE":
        found = _drop_addressees(holders, preps)
    partners = _mutual_partners(holders, index, sources)
    if partners:  # "Beijing and Washington exchanged accusations at the UN": each other, not the venue
        return _foreign_first(unique(partners), sources)
    if not found and holders:  # "clashes between troops and rebels": the other party
        found = [a for a in between_parties(holders[0], index) if side_key(a) not in own_sources]
    if not found and holders and sources and holders[0].lemma_.lower() == "vote":
        # "a resolution adopted by 120 votes to 14, with Israel voting against": the body voting on it
        found = [a for a in _igo_nearby(sent, index, lexicon) if side_key(a) not in own_sources]
    return _foreign_first(unique(found), sources)


_OBJECT_PRONOUNS = {"him": False, "her": False, "them": True}  # plural?


def _main_object(tok: Token, holder: Token, index) -> list[ActorRef]:
    """"expelled three Russian diplomats, calling them spies", "detained a French citizen,
    accusing her of spying": the participle's pronoun object is the main verb's object when
    their number agrees (the coreference stage resolves pronouns to named actors only)."""
    plural = _OBJECT_PRONOUNS.get(tok.lower_)
    if plural is None or tok.head.i != holder.i or holder.dep_ != "advcl" or holder.tag_ != "VBG":
        return []
    obj = next((c for c in holder.head.children if c.dep_ == "dobj" and c.i < holder.i), None)
    if obj is None or (obj.tag_ in ("NNS", "NNPS") or bool(obj.conjuncts)) != plural:
        return []
    return actors_of(obj, index)


def _posting(tok: Token, index, own_sources: set, lexicon) -> list[ActorRef]:
    """"recalled its ambassador to Australia": the source's own envoy stands for the relation
    with the state the envoy is posted to (or recalled from), which is the act's target."""
    if tok.lemma_.lower() not in lexicon.envoy_nouns:
        return []
    owners = [a for c in tok.children if c.dep_ == "poss" for a in actors_of(c, index)]
    if not owners or not all(side_key(a) in own_sources for a in owners):
        return []
    return [a for p in tok.children if p.dep_ == "prep" and p.lower_ in ("to", "in", "from")
            for o in p.children if o.dep_ == "pobj" for a in actors_of(o, index) if a.country]


def _asked_clause(holder: Token, index) -> set[int]:
    """Tokens of the clause a speech act governs when that clause's subject is an actor
    ("demanded that Japan stop ..."): the acts inside it are the addressee's, not targets."""
    out: set[int] = set()
    for clause in (c for c in holder.children if c.dep_ == "ccomp"):
        subjects = [s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")]
        if any(actors_of(s, index) for s in subjects):
            out.update(t.i for t in clause.subtree)
    return out


def _infinitival(verb: Token) -> bool:
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def locate_groups(actors: list[ActorRef], holders: list[Token], index) -> list[ActorRef]:
    """PLOVER codes an ethnic group by the state it lives in, not the one its name recalls:
    "ethnic Albanians in Serbia", "ethnic Albanians demonstrated in Serbia" are SRB."""
    if not any(_ethnic(a) for a in actors):
        return actors
    place = place_target(holders, index, [], domestic=False)
    if not place:
        return actors
    return [replace(a, country=place[0].country) if _ethnic(a) else a for a in actors]


def own_state(sources: list[ActorRef]) -> list[ActorRef]:
    """The one state of the sources, as a target ("the court struck down a law": its own state's)."""
    countries = {s.country for s in sources if s.country}
    if len(countries) != 1:
        return []
    country = countries.pop()
    return [ActorRef(id=country, name=_country_name(country), country=country)]


_PROTEST_PLACE_PREPS = frozenset({"in", "inside", "across", "throughout", "through"})


def unique_countries(actors) -> list[str]:
    out: list[str] = []
    for a in actors:
        if a.country and a.country not in out:
            out.append(a.country)
    return out


def placed_protesters(actors: list[ActorRef], holders: list[Token], index, guessed: bool = False) -> list[ActorRef]:
    """"Tens of thousands marched through Budapest", "crowds stormed her residence in Dhaka":
    people protesting in a state are its civilians (PLOVER codes protesters by where they protest:
    "protesters in Iran" are IRN CVL), not of a state the sentence only names ("rallied outside the
    Turkish embassy in Athens"). ``guessed``: the actors' states were inferred, not stated."""
    movable = [a for a in actors if not a.id and (not a.country or (guessed and private(a)))]
    if len(movable) < len(actors):
        return actors  # a named or placed party protests as itself ("Iranian exiles rallied in Paris")
    # "rallied in Amman", "took to the streets across Armenia"
    preps = [c for h in holders for c in h.children if c.dep_ == "prep"]
    preps += [g for c in preps for p in c.children if p.dep_ == "pobj" for g in p.children if g.dep_ == "prep"]
    places = [p for c in preps if c.lower_ in _PROTEST_PLACE_PREPS for p in c.children if p.dep_ == "pobj"]
    countries = unique_countries(a for p in places for w in (p, *p.conjuncts) for a in actors_of(w, index))
    if not countries:  # "stormed her residence in Dhaka": where what they act on is
        countries = [a.country for a in place_target(holders, index, [], domestic=False)]
    if not countries or not all(countries):
        return actors
    if not actors:  # "tens of thousands marched through Budapest", "rallied in Amman, Beirut and Tunis"
        return [ActorRef(id=None, name="protesters", country=c, sector="CVL") for c in countries]
    return [replace(a, country=c, sector=a.sector or "CVL") for a in actors for c in countries]


def unattributed_attack(content: Token, holders: list[Token], index, lexicon) -> list[ActorRef]:
    """"A roadside bombing near Samarra killed a soldier", "killed in a car bomb explosion in
    Beirut": an attack with no named perpetrator is coded to the state where it happened."""
    subjects = [c for h in holders for c in h.children if c.dep_ in ("nsubj", "nsubjpass", "agent", "prep")]
    weapons = [t for s in subjects for t in s.subtree
               if t.pos_ == "NOUN" and (e := lexicon.nouns.get(t.lemma_.lower())) is not None and e.category == "ASSAULT"]
    if not weapons and not (content.pos_ == "NOUN" and content.dep_ in ("nsubj", "nsubjpass")):
        return []
    for weapon in weapons:  # "killed in an Israeli airstrike": the attack names its author
        owners = [ref(index[c.i]) for c in weapon.children if c.dep_ in ("poss", "amod", "compound") and c.i in index]
        if owners:
            return owners
    place = place_target(holders + weapons + [content], index, [], domestic=False)
    if not place or not place[0].country:
        return []
    country = place[0].country
    return [ActorRef(id=country, name=_country_name(country), country=country)]


_NEAR_DEPS = {"dobj", "pobj", "prep", "poss", "compound", "amod", "nmod", "appos", "dative", "attr", "npadvmod",
              "acomp", "oprd", "xcomp", "pcomp"}
# prepositions whose object stands beside the act, never on its receiving end: "fought alongside
# Russian forces" (an ally), "like Russia" ("despite pressure from X" does name whom it defies)
_BESIDE_PREPS = frozenset({"alongside", "beside", "besides", "like", "unlike"})


def nearby_target(holders: list[Token], index, sources: list[ActorRef], limit: int = 4,
                  supply: bool = False, venue: bool = False) -> list[ActorRef]:
    """No target in the usual slots: the nearest other actor inside the event's own phrase,
    breadth-first through objects and prepositions ("launched an offensive in its war with
    Iraq", "shared evidence with the U.S.", "killed 23 people in Tel Aviv"); never through
    subjects or other clauses. ``supply``: the things supplied ("Chinese drones") are no target.
    ``venue``: a place named "in"/"at" is only where the parties met ("Russia and the US held
    talks in Riyadh"), not a party."""
    own = {side_key(s) for s in sources}
    lexicon = load_lexicon()
    level, seen = list(holders), {h.i for h in holders}
    for _ in range(limit):
        nxt = []
        for tok in level:
            for child in tok.children:
                if child.i in seen or child.dep_ not in _NEAR_DEPS or child.lower_ in _BESIDE_PREPS \
                        or senses.fights_for(tok, child, lexicon) or child.lower_ in _TIME_PREPS:
                    continue  # "fought for Russia": the side served; "since the war in Ukraine": when
                seen.add(child.i)
                nxt.append(child)
                if child.dep_ == "prep" or (supply and lexicon.is_item(child.lemma_.lower())):
                    continue  # its object (a preposition's, an item's recipient) is looked at next
                if venue and child.dep_ == "pobj" and child.head.lower_ in _PLACE_PREPS:
                    continue
                found = [a for a in actors_of(child, index) if a.country and side_key(a) not in own]
                if len(found) == 1 and child.dep_ == "pobj" and child.head.lower_ in _PLACE_PREPS:
                    found = [_with_placed_object(found[0], child.head.head, child.head)]
                if found:
                    return unique(found)
        level = nxt
    return []


# where a seized ship was, or was going: no owner ("a tanker bound for Syria", "seized off Oman")
_PASSAGE_PREPS = frozenset({"for", "to", "toward", "towards", "into", "in", "off", "near", "at", "through",
                            "across", "en", "outside", "inside"})


_OWNER_DEPS = _NEAR_DEPS | {"acl", "agent"}  # "a tanker loaded with ...", "a ship owned by ..."


def owner_of_object(holders: list[Token], index, sources: list[ActorRef],
                    kinds: frozenset[str] | None = None) -> list[ActorRef]:
    """"seized a tanker loaded with Russian oil", "impounded a ship flying the Panamanian flag",
    "rammed one of its boats": what is seized or hit belongs to the state its cargo, flag or
    owner names; where it was or was going is no owner. ``kinds``: only objects of these nouns
    ("rammed a vessel", not "rammed the door")."""
    own = {s.country for s in sources if s.country}
    level = [c for h in holders for c in h.children if c.dep_ in ("dobj", "nsubjpass")]
    level += [h for h in holders if h.pos_ == "NOUN"]  # "the seizure of a tanker carrying ..."
    level = [t for t in level if kinds is None or _object_noun(t).lemma_.lower() in kinds]
    objects = list(level)
    seen = {t.i for t in level} | {h.i for h in holders}
    for _ in range(5):
        nxt = []
        for tok in level:
            for child in tok.children:
                if child.i in seen or child.dep_ not in _OWNER_DEPS \
                        or child.dep_ == "prep" and child.lower_ in _PASSAGE_PREPS:
                    continue
                seen.add(child.i)
                nxt.append(child)
                if child.dep_ in ("prep", "acl", "agent"):
                    continue
                found = [a for a in actors_of(child, index) if a.country and a.country not in own]
                if found:
                    return unique(found)
        level = nxt
    return _maker_state(objects, own) if kinds is None else []  # a rammed boat's builder is not its owner


_MAKING = frozenset({"make", "build", "manufacture", "design", "supply"})


def _maker_state(objects: list[Token], own: set[str]) -> list[ActorRef]:
    """"seized Iranian-made missile parts": goods seized with no owner named belong to the state
    that made them (the mention search leaves a maker's adjective out of the actors)."""
    for obj in objects:
        for made in obj.children:
            if made.dep_ != "amod" or made.lemma_.lower() not in _MAKING:
                continue
            for maker in made.children:
                name = maker.doc[maker.left_edge.i:maker.i + 1].text  # "North Korean-made"
                country = load_registry().country_hint(name) if maker.ent_type_ in ("NORP", "GPE") \
                    or maker.pos_ in ("ADJ", "PROPN") else None
                if country and country not in own:
                    return [ActorRef(id=country, name=_country_name(country), country=country)]
    return []


def _object_noun(tok: Token) -> Token:
    """"one of its boats": the noun an "of" phrase after a quantity names."""
    if tok.pos_ in ("NUM", "PRON") or tok.lemma_.lower() in ("one", "some", "several"):
        return next((o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj"), tok)
    return tok


_FORCE_SECTORS = frozenset({"MIL", "COP", "REB", "UAF"})
_TIME_PREPS = frozenset({"since", "after", "before", "until", "following", "amid"})


def without_moved_forces(targets: list[ActorRef], holders: list[Token], index,
                         sources: list[ActorRef]) -> list[ActorRef]:
    """"deployed 14,000 troops in Ukraine", "mobilised its police": the forces moved (the
    object of the move, or the source's own forces) are its means, not whom a mobilisation is
    aimed at ("against Kurdish rebels" is). A named force as object is a recipient ("provided
    the Lebanese Armed Forces with aircraft")."""
    own = {s.country for s in sources if s.country}
    objects = [c for h in holders for c in h.children if c.dep_ == "dobj" and c.ent_type_ in ("", "CARDINAL")]
    objects += [p for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children if p.dep_ == "pobj"]  # "tens of thousands of troops"
    moved = {a for c in objects for a in actors_of(c, index)}
    return [a for a in targets if not (a.sector in _FORCE_SECTORS and (a in moved or a.country in own))]


def place_target(holders: list[Token], index, sources: list[ActorRef], domestic: bool) -> list[ActorRef]:
    """No stated target: the state where it happens ("imposed a curfew in Cizre, Turkey",
    "shelled targets in Jericho"); for domestic acts (protest, repression, concession) the
    source's own state (PLOVER codes "Turkish police banned the rally" as TUR → TUR), unless it
    happens at sea or on another feature that is in no state."""
    for holder in holders:
        # where the act is, else where what it acts on is ("strengthened its forces in Lebanon")
        objects = [c for c in holder.children if c.dep_ == "dobj"]
        for child in [*holder.children, *(c for o in objects for c in o.children)]:
            if child.dep_ == "prep" and child.lower_ in ("in", "inside", "across", "throughout", "through", "near"):
                placed = [a for p in child.children for a in actors_of(p, index) if a.country]
                if placed:
                    return [_with_placed_object(placed[0], holder, child)]
    if domestic and not any(_at_feature(h) for h in holders):
        return own_state(sources)
    return []


_BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})
_DEPLOYED_AT = frozenset({"in", "inside", "across", "throughout", "around", "along", "near", "outside", "at",
                          "on", "over", "into", "to"})


def deployed_at_home(holders: list[Token], index, sources: list[ActorRef]) -> list[ActorRef]:
    """"deployed riot police around parliament in Belgrade", "troops across the capital", "missile
    batteries along the Gulf coast", "jets over its territory": forces moved to a place of their own
    state, with no other state named there, are aimed at none (PLOVER codes the source's own state)."""
    own = {s.country for s in sources if s.country}
    if len(own) != 1:
        return []
    home_places = load_lexicon().home_places
    for holder in holders:
        objects = [c for c in holder.children if c.dep_ == "dobj"]
        preps = [c for w in (holder, *objects) for c in w.children if c.dep_ == "prep" and c.lower_ in _DEPLOYED_AT]
        for place in (p for prep in preps for p in prep.children if p.dep_ == "pobj"):
            if names_feature(place):
                continue  # "in the Red Sea": in no state
            named = {a.country for t in place.subtree if t.i in index and t.pos_ != "PRON"
                     for a in index.actors_at(t.i) if a.country}  # "zones encircling it": not a place named
            if named - own:
                return []  # "around Taiwan", "near the Polish border": aimed at that state
            owned = any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in place.children)
            if named or place.lemma_.lower() in home_places or owned:
                return own_state(sources)
    return []


def beyond_border(holders: list[Token], index, sources: list[ActorRef]) -> list[ActorRef]:
    """"massed troops near its border with Ukraine", "deployed soldiers along the Polish
    frontier": forces moved to a border face the state on its other side."""
    own = {s.country for s in sources if s.country}
    for holder in holders:
        objects = [c for c in holder.children if c.dep_ == "dobj"]
        objects += [c for o in objects for c in o.conjuncts]
        near = [*holder.children, *(c for o in objects for c in o.children)]
        near += [c for w in near if w.dep_ in ("advmod", "amod") for c in w.children]  # "closer to its border"
        for prep in near:
            if prep.dep_ != "prep":
                continue
            for border in prep.children:
                if border.dep_ != "pobj" or border.lemma_.lower() not in _BORDER_NOUNS:
                    continue
                sides = [o for w in border.children if w.dep_ == "prep" and w.lower_ == "with"
                         for o in w.children if o.dep_ == "pobj"]
                sides += [c for c in border.children if c.dep_ in ("poss", "amod", "compound")]
                found = [a for t in sides for a in actors_of(t, index) if a.country and a.country not in own]
                if found:
                    return unique(found)
    return []


_MATERIAL_CONFLICT = frozenset({"ASSAULT", "COERCE"})
_DESCRIBING = frozenset({"SUPPORT", "AID", "COOPERATE"})


def _at_feature(holder: Token) -> bool:
    """"seized a tanker in the Gulf of Oman", "patrolled the Strait": the act or its object is
    placed on a sea or another feature, which is in no state."""
    places = [c for c in holder.children if c.dep_ == "prep"]
    places += [g for c in holder.children if c.dep_ == "dobj" for g in c.children if g.dep_ == "prep"]
    return any(names_feature(p) for prep in places for p in prep.children)


def _with_placed_object(place: ActorRef, holder: Token, prep: Token) -> ActorRef:
    """"stormed a police headquarters in eastern Afghanistan": the thing acted on, named just
    before the place, is what the place stands for (PLOVER marks "village in Western Cambodia")."""
    obj = next((c for c in holder.children if c.dep_ == "dobj" and c.right_edge.i + 1 == prep.i), None)
    entry = load_lexicon().verbs.get(holder.lemma_.lower())
    if obj is None or entry is None or entry.category not in _MATERIAL_CONFLICT:
        return place  # "sought refuge in Amman", "a ceasefire in Idlib": the place itself
    return replace(place, text=holder.doc[obj.left_edge.i:prep.right_edge.i + 1].text)


def _country_name(code: str) -> str:
    record = pycountry.countries.get(alpha_3=code)
    return getattr(record, "common_name", None) or getattr(record, "name", code) if record else code


def _foreign_first(targets: list[ActorRef], sources: list[ActorRef]) -> list[ActorRef]:
    """"Syria offered its troops to Lebanon": when the event reaches another state, the
    source's own side ("its troops") is not a target."""
    own = {s.country for s in sources if s.country}
    foreign = [t for t in targets if t.country and t.country not in own]
    return [t for t in targets if t.country not in own] if foreign else targets


def _reported_subjects(token: Token, own_noun: bool = True) -> list[Token]:
    """"demanded that the US cancel", "its demands that the government grant": the subject of
    the clause the event governs is who is asked, accused or warned."""
    clauses = [c for c in token.children if c.dep_ == "ccomp"
               or (own_noun and c.dep_ == "acl" and token.pos_ == "NOUN" and any(m.lower_ == "that" for m in c.children))]
    return [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]


def _igo_nearby(sent: Span, index, lexicon) -> list[ActorRef]:
    """The IGO whose resolution is voted on: named in this sentence or the one before."""
    doc = sent.doc
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    igos = [index[i] for i in range(start, sent.end) if senses.international_body(doc[i], lexicon, index)]
    return [ref(igos[-1])] if igos else []


def _crowd(tok: Token, index, sources: list[ActorRef]) -> ActorRef:
    """"suppress protests": the protesters, located in the country named with them, else the
    repressing state's own country (police and soldiers act at home)."""
    place = next((a for c in tok.subtree if c.i in index for a in [index[c.i].actor]), None)
    country = place.country if place is not None else None
    if country is None and sources and sources[0].sector in _STATE_SECTORS:
        country = sources[0].country
    return ActorRef(id=None, name="protesters", country=country, sector="CVL", text=tok.text)
