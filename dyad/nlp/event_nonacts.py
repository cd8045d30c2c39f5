"""Words that name or describe an act rather than report it (precision on ordinary news).

The event coder drafts an event at every trigger word; these tests, read off the parse, say when
the word is no reported act of its own:

* ``not_an_act``: a participle modifying a noun ("an Iranian-backed militia"), a naming verb with a
  predicative complement ("called the move illegal"), a bare "called X", an event noun in an
  actor's title ("the trade commissioner");
* ``background_noun``: a bare event noun in a prepositional phrase ("after the attack", "blamed
  them for the violence") that names no doer of its own;
* ``agent_of`` / ``has_actor``: the actor an event noun names as its doer ("Russia's war").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from dyad.nlp import event_senses as senses
from dyad.ontology.actor_data import state_organs
from dyad.ontology.plover import LexEntry, load_modality_cues

_NAMING_VERBS = frozenset({"call", "declare", "deem", "label", "term", "brand", "consider", "describe"})
_AGENT_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
_AGENT_PREPS = frozenset({"by", "from"})
_PARTY_PREPS = frozenset({"between", "among"})  # "fighting between X and Y", "talks between X and Y"
_RECIPROCAL = frozenset({"CONSULT", "AGREE", "COOPERATE"})  # "talks with X": both sides act


def not_an_act(token: Token, entry: LexEntry, lexicon, index, governed: bool = False) -> bool:
    """Words that name or describe rather than report an act: a participle modifying a noun
    ("alleged ties", "an Iranian-backed militia", "captured fighters"), a naming verb with a
    predicative complement ("called the move illegal" is no request), an event noun used as
    a modifier in an actor's title ("the trade commissioner", "the envoy for Ukraine talks")."""
    if token.pos_ == "VERB" and token.dep_ == "amod" and entry.role not in ("intent",) \
            and not senses.finite_modifier(token):
        return True
    if token.dep_ == "acl" and token.tag_ == "VBN" and entry.category == "SUPPORT" and entry.role == "event":
        return True  # "a militia backed by Iran", "the candidate endorsed by the party": who it is, not an act
    if token.lemma_.lower() == "close" and token.pos_ in ("ADV", "ADJ"):
        return True  # "flew a patrol close to its airspace": near it, nothing closed
    if token.pos_ == "VERB" and (senses.purpose_of_thing(token, lexicon) or senses.topic_of_event_noun(token, lexicon)):
        return True  # "a law designed to curb protests", "the agreement on sending troops"
    if entry.category == "ACCUSE" and senses.condemns_by_name(token, lexicon):
        return False  # "called the move illegal": naming it so is criticism (no request, no mere view)
    if token.lemma_.lower() in _NAMING_VERBS and predicative(token):
        return True
    if token.pos_ == "VERB" and senses.hazard_doer(token, lexicon):
        return True  # "floods swept through the province, forcing families to flee": no one forced them
    if token.pos_ == "VERB" and thing_subject(token, lexicon, index):
        return True  # "this break will allow him to ...", "the rising prices threaten ...": no doer
    if entry.category == "CONSULT" and talks_alone(token, index):
        return True  # "Jobs talked about the new phone": a speech, no one consulted
    if entry.category == "CONSULT" and speaks_to_no_party(token, index):
        return True  # "spoke to reporters", "spoke at the UN": no counterpart consulted
    if token.pos_ == "VERB" and other_sense(token, entry, lexicon, index):
        return True
    if token.dep_ == "pcomp" and token.head.lower_ == "from" and token.head.head.lemma_.lower() in lexicon.preventing_verbs:
        return True  # "barred Chinese firms from buying chips": what is prevented is not done (the bar is coded)
    if entry.category == "REQUEST" and entry.role == "event" and token.lemma_.lower() == "call" and not any(
            c.dep_ in ("xcomp", "ccomp") or (c.dep_ in ("prep", "prt") and c.lower_ in ("for", "on", "upon", "to"))
            for c in token.children):
        return True  # a bare "called X ..." names X ("called its actions defensive"); a request calls *for* or *on*
    if not governed and token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("compound", "nmod") \
            and token.head.pos_ in ("NOUN", "PROPN"):
        return token.head.i in index and token.head.lemma_.lower() not in lexicon.nouns
    return False


# verbs whose PLOVER sense needs an object: without one, "the index dropped 3%", "the jet lifted off"
_OBJECT_SENSES = frozenset({"drop", "lift"})
_PURCHASE_VERBS = frozenset({"buy", "purchase", "acquire", "import"})
# besides the lexicon's proposal nouns (bill, proposal, measure, initiative ...)
_PLANS = frozenset({"deal", "agreement", "plan", "project", "idea", "program", "programme", "contract", "talks",
                    "negotiation", "merger", "bid", "story"})


def figurative_conflict(noun: Token, lexicon) -> bool:
    """"trade war", "price war", "legal battle", "war of words": a conflict noun qualified as one of
    trade, law or words."""
    mods = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")]
    mods += [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return any(m.lemma_.lower() in lexicon.figurative_conflicts or m.lower_ in lexicon.figurative_conflicts
               for m in mods)


def other_sense(verb: Token, entry: LexEntry, lexicon, index) -> bool:
    """The verb in a sense other than its PLOVER one: "dropped 3%" and "lifted off" (no demand or
    ban dropped or lifted), "demonstrated the new features" (showed), "is fighting to stem a crash"
    (striving), "to protect the economy" (no one protected), "Fiat bought a stake in Chrysler" (a
    purchase between companies, with no government party)."""
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if lemma in _OBJECT_SENSES and entry.category == "CONCEDE":
        return not objects or any(c.dep_ == "prt" and c.lower_ in ("off", "up") for c in verb.children)
    if entry.category == "CONCEDE" and objects and all(o.lemma_.lower() in load_modality_cues().feeling_nouns for o in objects):
        return True  # "easing fears of transport chaos", "eased concerns": no restriction eased
    if entry.category == "CONSULT" and lemma == "host" and objects \
            and all(o.lemma_.lower() in lexicon.troop_nouns or o.lemma_.lower() in lexicon.hosted_things
                    for o in objects):
        return True  # "a base hosting US troops", "hosts two million refugees": no meeting
    if lemma == "demonstrate":
        return bool(objects) or any(c.dep_ == "ccomp" for c in verb.children)
    if entry.category == "ASSAULT" and lemma == "fight" and any(c.dep_ == "xcomp" for c in verb.children):
        return True
    if entry.category == "SANCTION" and lemma in _LISTING_VERBS:
        return not senses.blacklists(verb, lexicon)  # "added 30 firms to its entity list"; "added that ..."
    if entry.category == "RETREAT" and lemma in lexicon.departure_verbs and entry.mode == "withdraw":
        return senses.departs(verb, lexicon, index) is None  # "left for Beijing", "left office"
    if entry.category == "RETREAT" and lemma == "admit" and any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return True  # "admitted sending drones", "admitted that it had erred": a confession, no access granted
    if entry.category == "ASSAULT" and _play(verb, objects, lexicon) \
            or entry.category == "COERCE" and _SCORE.search(verb.sent.text):
        return True  # "beat Wales 2-0", "attacked in the second half", "crushed Fiorentina to win the league"
    if entry.category == "ASSAULT" and objects and all(_level(o, lexicon) for o in objects):
        return True  # "the rial hit a record low", "temperatures hit 50 degrees"
    if entry.category == "AGREE" and lemma == "become":
        return not senses.member_of_body(verb, lexicon, index)  # "became a member of parliament"
    if entry.category == "AID" and verb.tag_ == "VBN":
        agents = [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        if agents and not senses.names_people(agents, index):
            return True  # "profit rose, helped by higher crude prices": a thing helped, no one aided
    if entry.category == "AID" and lemma == "protect":
        return bool(objects) and not any(_names_someone(t, index) for o in objects for t in [o, *o.conjuncts])
    if lemma in _PURCHASE_VERBS:
        return _business_deal(verb, index)
    if entry.category == "COOPERATE" and lemma == "take":  # "took delivery of S-400 parts": a purchase received
        delivered = [p for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ == "of"]
        return not delivered or _business_deal(verb, index)  # "were to take delivery in May": of nothing named
    if entry.category == "ASSAULT" and lemma in _PERSON_OBJECT_ASSAULTS and objects:
        return not senses.names_people(objects, index)  # "beat predictions", "fighting cancer"
    if entry.category == "SANCTION" and lemma == "recall" and objects:
        return not senses.names_people(objects, index) and not any(
            o.lemma_.lower() in lexicon.envoy_nouns or o.lemma_.lower() in lexicon.troop_nouns for o in objects)
    if entry.category == "ASSAULT" and lemma == "target" and _aim_of_sanction(verb, lexicon):
        return True  # "adopted sanctions on Russia, targeting its LNG trade": what the sanctions hit
    if lemma == "share" and verb.dep_ == "relcl" and any(o.tag_ in ("WDT", "WP") for o in objects):
        objects = objects + [verb.head]  # "the Caspian Sea, which Iran shares with Russia"
    if lemma == "share" and any(o.lemma_.lower() in lexicon.shared_attributes for o in objects) \
            and not any(lexicon.is_item(o.lemma_.lower()) for o in objects):
        return True  # "shares a long border with China", "share a common history": nothing exchanged
    if entry.category == "CONSULT" and lemma in ("arrive", "land"):
        return not senses.arrives_abroad(verb, index)  # "migrants arrived in Italy", "the plane landed"
    if entry.category == "CONSULT" and senses.hosts_something(verb, lexicon):
        return True  # "hosts 3 million refugees", "hosts a US air base": no visit
    if entry.category == "CONSULT" and lemma == "meet":
        return bool(objects) and not senses.names_people(objects, index)  # "met its targets"
    if entry.category == "ASSAULT" and lemma == "kill":
        return bool(objects) and all(o.lemma_.lower() in _PLANS or o.lemma_.lower() in lexicon.proposal_nouns
                                     for o in objects)  # "the deal was killed by the Pentagon"
    return False


def _aim_of_sanction(verb: Token, lexicon) -> bool:
    """"new sanctions targeting Iran's drone makers", "imposed sanctions on Russia, targeting its banks":
    a participle telling whom sanctions hit (its noun or the clause it hangs on names them)."""
    if verb.dep_ not in ("acl", "advcl", "relcl", "conj"):
        return False
    head = verb.head
    words = [head] + [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    words += [g for w in words for p in w.children if p.dep_ == "prep" and p.lower_ == "of"
              for g in p.children if g.dep_ == "pobj"]  # "a package of sanctions"
    entries = (table.get(w.lemma_.lower()) for w in words for table in (lexicon.nouns, lexicon.verbs))
    return any(e is not None and e.category == "SANCTION" for e in entries)


_LISTING_VERBS = frozenset({"add", "put", "place"})  # SANCTION only onto a blacklist (lexicon.yaml)
_PERSON_OBJECT_ASSAULTS = frozenset({"beat", "fight", "battle"})  # with an object, someone beaten or fought
_SCORE = re.compile(r"\b\d{1,2}\s?[-–]\s?\d{1,2}\b")  # "3-0", "4–2": a result, not a date range
_LEVEL_ENTS = frozenset({"PERCENT", "QUANTITY", "MONEY"})  # not CARDINAL: "killed dozens"


def _play(verb: Token, objects: list[Token], lexicon) -> bool:
    """Sport or a game: a score in the sentence, or a sport word anywhere in it but the objects
    (what is attacked may be a stadium or a team bus)."""
    sent = verb.sent
    if _SCORE.search(sent.text):
        return True
    skip = {t.i for o in objects for t in o.subtree}
    return any(t.lemma_.lower() in lexicon.sport_words for t in sent if t.i not in skip)


_CURRENCIES = frozenset({"euro", "dollar", "pound", "yen", "yuan", "rouble", "ruble", "rupee", "lira", "franc",
                         "shekel", "won", "rial", "riyal", "dirham", "naira", "rand", "peso", "real"})


def _level(obj: Token, lexicon) -> bool:
    """A figure reached ("hit a record", "hit 5 percent", "hit 12.2 billion euros"), not a target."""
    return obj.lemma_.lower() in lexicon.level_nouns or obj.ent_type_ in _LEVEL_ENTS \
        or obj.lemma_.lower() in _CURRENCIES and any(c.dep_ == "nummod" for c in obj.children)


def _names_someone(token: Token, index) -> bool:
    """The head word names an actor or people ("civilians", "the embassy", "Kurds"), not a thing
    that only a modifier places ("the Canadian economy")."""
    mention = index.get(token.i)
    return mention is not None and mention.span.root.i == token.i or token.ent_type_ in ("PERSON", "NORP", "GPE")


def _business_deal(verb: Token, index) -> bool:
    """A purchase whose buyer is a company (or an organisation the registry does not know) and
    whose other parties include no state organ: commerce, not PLOVER cooperation."""
    buyers = [index.get(c.i) for c in verb.children if c.dep_ == "nsubj"]
    if not buyers or not all(b is not None and _company(b) for b in buyers):
        return False
    others = [index.get(t.i) for c in verb.children if c.dep_ in ("dobj", "prep") for t in c.subtree]
    return not any(m is not None and (m.actor.sector in state_organs() or m.actor.id and m.actor.id == m.actor.country)
                   for m in others)  # "bought oil from Iran", "the stake the US government holds": a state party


def _company(mention) -> bool:
    """A company: the registry says so, or an organisation's name it does not know."""
    actor = mention.actor
    return actor.sector == "BUS" or (actor.id or "").startswith("org:") and actor.sector in (None, "BUS") \
        or actor.id is None and actor.country is None and mention.span.root.ent_type_ == "ORG"


_TALK_VERBS = frozenset({"talk", "discuss", "speak"})
_PARTNER_PREPS = frozenset({"with", "to", "among", "between"})


_AUDIENCE_SECTORS = frozenset({"JRN", "MED", "CVL", "EDU"})  # reporters, outlets, the public, students


def speaks_to_no_party(verb: Token, index) -> bool:
    """"Speak" consults only a party: one named "with"/"to" that is not an audience (reporters, a
    newspaper, the public), or a second speaker ("Putin and Erdogan spoke by phone")."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "speak":
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    speakers = [t for s in subjects for t in [s, *s.conjuncts]]
    if len(speakers) > 1 and all(_party(t, index) for t in speakers):
        return False  # "Putin and Erdogan spoke by phone"
    partners = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("with", "to")
                for o in p.children if o.dep_ == "pobj"]
    return not any(_party(p, index) for p in partners)


def _party(token: Token, index) -> bool:
    """A known actor that is no audience: not reporters, an outlet, the public or an unknown name
    ("the New York Times", "friends and relatives")."""
    mention = next((index[t.i] for t in token.subtree if t.i in index), None)
    actor = mention.actor if mention is not None else None
    return actor is not None and bool(actor.id or actor.country) and actor.sector not in _AUDIENCE_SECTORS


def talks_alone(verb: Token, index) -> bool:
    """A verb of talking whose one subject talks with no one named: no partner ("with", "to"),
    no actor as object, a single subject (not "the ministers", not "X and Y"): a speech or a
    presentation ("Jobs talked about podcasting", "the CEO discussed the results"), not a
    consultation."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _TALK_VERBS:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or any(c.dep_ == "conj" for c in subjects[0].children):
        return False
    subject = subjects[0]
    if subject.tag_ in ("NNS", "NNPS") or subject.lower_ in ("we", "they"):
        return False  # "the ministers discussed trade": they talked among themselves
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if any(c.dep_ == "prep" and c.lower_ in _PARTNER_PREPS for t in [verb, *objects] for c in t.children):
        return False  # "discussed the war with Lavrov" (the parser may hang "with" on the topic)
    return not any(c.dep_ == "dobj" and c.i in index for c in verb.children)


def thing_subject(verb: Token, lexicon, index) -> bool:
    """The active verb's subject is a thing: a common noun naming no actor, no people, no body, no
    document (a law or a policy acts for whoever made it), no force, weapon, crowd or event ("the
    attacks struck"), so nobody is said to act ("the break will allow him", "the warming threatens")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.pos_ == "PROPN" and any(
            c.dep_ == "compound" and c.lemma_.lower() in lexicon.instrument_nouns for c in subject.children):
        return True  # "Hurricane Oscar struck eastern Cuba": a named storm
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if subject is None and verb.tag_ in ("VBD", "VBZ") and before is not None and before.dep_ == "pobj" \
            and before.lemma_.lower() in lexicon.hazard_nouns:
        return True  # "a day after an earthquake struck": the parser hung the quake on "after"
    if subject is not None and subject.pos_ == "NOUN" and subject.lemma_.lower() in lexicon.market_nouns:
        return True  # "Hong Kong-listed stocks staged a counter-attack": a market moved
    if subject is None or subject.pos_ != "NOUN" or any(t.i in index for t in subject.subtree):
        return False
    lemma = subject.lemma_.lower()
    if lemma.endswith(_AGENT_SUFFIXES) or lemma in lexicon.multitude_nouns:
        # "musicians", "farmers", "activists", "residents": people the lists do not name; "tens of
        # thousands marched", "hundreds rallied": a number of people
        return False
    return not (lemma in lexicon.nouns or lemma in lexicon.agent_like_nouns or lemma in senses.speaker_nouns())


# endings of nouns for people (musician, farmer, sailor, activist, migrant, resident, employee, chairman)
_AGENT_SUFFIXES = ("ian", "er", "or", "ist", "ant", "ent", "ee", "man", "men", "ard", "ive", "ite")


def predicative(verb: Token) -> bool:
    """"called the move illegal", "declared the vote a fraud", "what police declared an attack"."""
    if any(c.dep_ == "oprd" for c in verb.children) or senses.post_posed_complement(verb):
        return True
    return any(c.dep_ == "ccomp" and any(g.dep_ == "nsubj" for g in c.children) and c.pos_ in ("NOUN", "ADJ")
               for c in verb.children)


def background_noun(noun: Token, entry: LexEntry, index, lexicon) -> bool:
    """A bare event noun inside a prepositional phrase ("after the attack", "blamed them for
    the violence", "the envoy for the negotiations"), or conjoined to one ("for violence and
    unrest"), is background, not a reported act, unless the noun names its own agent
    ("attacks by Hamas", "Russia's strikes", "talks between Iran and the EU"): nobody is said
    to do it in this sentence. A time reference ("at the opening of the EU summit") is
    background whoever held the event."""
    first = senses.first_conjunct(noun)
    if first.dep_ == "dobj" and first.head.lemma_.lower() in _NAMING_VERBS and predicative(first.head):
        return True  # "called the sanctions illegal": an opinion about the act
    if senses.characterised(first, _NAMING_VERBS):
        return True  # "the agreement is null and void", "deemed that the deal violates ...": an opinion
    if first.dep_ != "pobj" or instrument(first) or first.head.lower_ == "as":
        return False  # "held them as human shields": a role the act gives, not a circumstance
    if senses.occasion(first, lexicon):
        return True
    holder = first.head.head
    if holder.pos_ in ("NOUN", "PROPN") and (holder.i in index or (holder.dep_ == "appos" and holder.head.i in index)):
        return True  # "the envoy for Sudan negotiations": part of a person's title
    preps = _AGENT_PREPS | party_preps(entry.category)
    for child in [c for n in dict.fromkeys((noun, first)) for c in n.children]:
        if child.dep_ in _AGENT_DEPS and has_actor(child, index):
            return False
        if child.dep_ == "prep" and child.lower_ in preps and any(has_actor(c, index) for c in child.children):
            return False
    return True


def instrument(noun: Token) -> bool:
    """"killed in a car bomb explosion", "wounded by gunfire": the noun is how the verb's
    act was done, so it is that act, not background."""
    prep = noun.head
    return prep.dep_ == "prep" and prep.lower_ in ("in", "by", "during") and prep.head.pos_ == "VERB" \
        and any(c.dep_ in ("auxpass", "nsubjpass") for c in prep.head.children)


def agent_of(noun: Token, index) -> Token | None:
    """The actor named as the doer of an event noun ("Russia's war", "Iranian attacks")."""
    for child in noun.children:
        if child.dep_ in _AGENT_DEPS and has_actor(child, index):
            return child
    return None


def has_actor(token: Token, index) -> bool:
    return any(t.i in index for t in token.subtree)


def party_preps(category: str) -> frozenset[str]:
    """Prepositions by which an event noun names its parties ("fighting between X and Y"; for a
    reciprocal act also "talks with Iran": both sides act)."""
    return _PARTY_PREPS | {"with"} if category in _RECIPROCAL else _PARTY_PREPS
