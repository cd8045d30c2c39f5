"""Readings of a cue word that are no PLOVER event, or another one, decided from the parse.

The event lexicon maps a lemma to one coding; these tests catch the contexts where the word
means something else or reports nothing (PLOVER codes acts that a sentence reports, done by
an actor to an actor):

* ``purpose_of_thing``: "a campaign meant to suppress dissent", "a law designed to curb
  protests": the verb says what a thing is for, not that anyone did it;
* ``topic_of_event_noun``: "the agreement on sending troops", "talks about lifting sanctions":
  the act is the subject matter of another event, not reported as done;
* ``first_conjunct``: "blamed X for violence and unrest": a conjoined noun shares the place
  (and so the background reading) of the first one;
* ``occasion``: "at the opening of the summit", "on the eve of the invasion": a time reference;
* ``post_posed_complement``: "calling the agreements "legitimate"": the parser hangs the
  predicative adjective on the noun, after it;
* ``forces_move``: MOBILIZE is a military or police move ("ministers gathered in Cairo" is not);
* ``addressee``: "urged Japan to impose sanctions on Iran" asks Japan (a REQUEST), while
  "called for sanctions against Iran" is a call to punish Iran (ACCUSE);
* ``characterised``: "the agreement is null and void", "deemed that the deal violates the
  resolution": the sentence judges an act reported elsewhere;
* ``foreign_ban``: a ban or restriction aimed at another state's people or firms is a SANCTION,
  not COERCE (``limits_exchange``);
* ``holding_captives``: "guarding captured fighters", "guarded prisoners" is detention (COERCE),
  not protection (AID);
* ``supplies_something``: a supply verb with nothing supplied ("contributed to Reuters" wrote
  for it) is no AID;
* ``aims``: "seeking to deepen ties" is an intention (AGREE, THREATEN), not a REQUEST;
* ``gone_for``: "negotiators returned to Geneva for talks": the movers are the talks' parties;
* ``verbal_attack``: "attacked the investigation as a witch hunt" criticises (ACCUSE), no force;
* ``reports_a_stance``: "insisted that they would not send troops" reports a stance, while
  "insisted that Israel halt the offensive" demands;
* ``sent_to_fight``, ``fought_for``, ``fights_for``: "sent soldiers to fight in Ukraine" is a
  deployment, "to fight for Russia" names the side served (aid to it), not an enemy;
* ``performative``: "I want to thank ...", "we would like to congratulate ...": a speaker's wish to
  say something verbal is the saying (not a future act to be recoded as a promise).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from dyad.models import ActorRef
from dyad.nlp import event_words as words
from dyad.nlp.place_names import names_text
from dyad.ontology.actors import load_registry
from dyad.ontology.cues import load_cues
from dyad.ontology.plover import LexEntry, Lexicon, load_modality_cues

_TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning", "for", "of", "to"})


def purpose_of_thing(token: Token, lexicon) -> bool:
    """The verb is the purpose of a participle that describes a noun ("a law designed to curb
    protests", "a plan aimed at isolating Iran")."""
    tok = token
    for _ in range(3):  # "designed to curb", "aimed at isolating": xcomp, or pcomp under a preposition
        if tok.dep_ not in ("xcomp", "pcomp", "prep") or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.pos_ == "VERB":
            break
    return tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod", "relcl") and tok.lemma_.lower() in lexicon.purpose_participles


def topic_of_event_noun(token: Token, lexicon) -> bool:
    """A gerund under a preposition of an event noun: the noun's subject matter."""
    if token.pos_ != "VERB" or token.dep_ != "pcomp":
        return False
    prep = token.head
    holder = prep.head
    return prep.lower_ in _TOPIC_PREPS and holder.pos_ == "NOUN" and holder.lemma_.lower() in lexicon.nouns


def first_conjunct(noun: Token) -> Token:
    """The first of a row of conjoined nouns ("violence" in "violence and unrest")."""
    for _ in range(10):
        if noun.dep_ != "conj" or noun.head.pos_ not in ("NOUN", "PROPN") or noun.head.i == noun.i:
            break
        noun = noun.head
    return noun


def occasion(noun: Token, lexicon) -> bool:
    """"at the opening of the summit", "on the sidelines of the talks": the event noun dates
    another statement (the noun above it is an occasion word)."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    holder = noun.head.head
    return holder.pos_ == "NOUN" and holder.lemma_.lower() in lexicon.occasion_nouns


def post_posed_complement(verb: Token) -> bool:
    """"calling the agreements "legitimate and ..."": an adjective after the object noun,
    hung on it by the parser, is the naming verb's predicative complement."""
    for obj in verb.children:
        if obj.dep_ == "dobj":
            if any(c.dep_ == "amod" and c.pos_ == "ADJ" and c.i > obj.i for c in obj.children):
                return True
    return False


def forces_move(verb: Token, sources: list[ActorRef], lexicon, index) -> bool:
    """Whether a MOBILIZE verb moves an armed or police force: its subject or object is one
    ("troops", "police units", "warships"), or the source is an actor of such a sector."""
    if any(a.sector in lexicon.force_sectors for a in sources):
        return True
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "agent"):
            words = [child] + list(child.conjuncts) + [g for g in child.subtree if g.dep_ in ("compound", "pobj")]
            if any(w.lemma_.lower() in lexicon.force_nouns for w in words):
                return True
            if _sector_at(child, index) in lexicon.force_sectors:  # "its Revolutionary Guards": a named force
                return True
    return False


def _sector_at(token: Token, index) -> str | None:
    """The sector of the actor mentioned at ``token`` (``index``: token → mention), if any."""
    mention = index.get(token.i)
    return mention.actor.sector if mention is not None else None


def themes(verb: Token) -> list[Token]:
    """What the verb acts on: its object, or its subject when passive."""
    return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]


def court_annuls(verb: Token, category: str, inner: str | None, sources: list[ActorRef], lexicon) -> bool:
    """"The Constitutional Council overturned the president's decision", "the Supreme Court struck
    down the law": what a court voids is ruled against (REJECT), not conceded or attacked."""
    if inner is not None or verb.pos_ != "VERB" or not any(a.sector == "JUD" for a in sources):
        return False
    lemma = verb.lemma_.lower()
    if lemma == "strike":
        return category == "ASSAULT" and any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)
    return category == "CONCEDE" and lemma in lexicon.annulling_verbs


def authority_blocks(verb: Token, lexicon) -> str:
    """What an authority's "block" is: a veto (REJECT) of a decision or a text to be adopted ("Hungary
    blocked the EU aid package", "blocked Sweden's bid"), else a restriction (COERCE: "blocked access
    to Facebook", "blocked UN convoys from crossing"). PLOVER's PROTEST obstruct is civilians' act,
    and stays so when a crowd is the subject whatever place it stands in."""
    subject = clause_subject(verb)
    if subject is not None and subject.lemma_.lower() in lexicon.crowd_nouns:
        return "PROTEST"  # "Protesters in Tehran blocked a highway": the place is not the blocker
    objects = themes(verb)
    vetoable = lexicon.vetoable_texts | lexicon.proposal_nouns
    return "REJECT" if not objects or any(o.lemma_.lower() in vetoable for o in objects) else "COERCE"


def backs_membership(verb: Token, entry: LexEntry, lexicon) -> bool:
    """"Turkey's parliament ratified Sweden's bid to join NATO", "signed Finland's accession protocol":
    a signing verb whose object is a state's bid to join a body backs the applicant (SUPPORT) though
    it names no agreement."""
    return entry.category == "SUPPORT" and any(o.lemma_.lower() in lexicon.membership_nouns for o in themes(verb))


def joins_body(verb: Token, lexicon, index) -> bool:
    """"Finland joined NATO", "Egypt and Iran joined BRICS", "has never joined the CSTO": a state joining
    an international body commits to it (AGREE, as "became a member"); joining a strike, sanctions or
    a coalition's act is that act (the light verb hands over to it)."""
    if verb.lemma_.lower() != "join" or verb.pos_ != "VERB" or verb.dep_ in ("pcomp", "pobj", "acl") \
            or verb.tag_ == "VBG" and not any(c.dep_ == "aux" for c in verb.children):
        return False  # "the last obstacle to Stockholm joining the alliance": a prospect, no act
    return any(international_body(obj, lexicon, index) for obj in themes(verb))


def incursion(verb: Token) -> bool:
    """"entered Estonian airspace", "crossed into Polish airspace", "violations of Latvian airspace":
    a move into a state's airspace or waters (the incursion phrases of the lexicon)."""
    if verb.lemma_.lower() not in _INCURSION_WORDS:
        return False
    return any(t.lemma_.lower() in ("airspace", "water") and t.dep_ in ("dobj", "pobj") for t in verb.subtree)


_INCURSION_WORDS = frozenset({"enter", "cross", "violate", "intrude", "stray", "penetrate", "violation"})


def member_of_body(verb: Token, lexicon, index) -> bool:
    """"became the ninth full member of the SCO", "became NATO's 32nd member": membership of an
    international body, not of a parliament, a cabinet or an association."""
    for member in (c for c in verb.children if c.dep_ in ("attr", "acomp", "oprd") and c.lemma_.lower() == "member"):
        owners = [c for c in member.children if c.dep_ == "poss"]
        owners += [o for p in member.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
        if any(international_body(o, lexicon, index) for o in owners):
            return True
    return False


def international_body(token: Token, lexicon, index) -> bool:
    """The token names an international organisation (sector IGO, or a PLOVER/CAMEO IGO code)."""
    mention = index.get(token.i)
    return mention is not None and (mention.actor.sector == "IGO" or mention.actor.country in lexicon.igo_codes)


def finite_modifier(verb: Token) -> bool:
    """"Sisi pardoned jailed activist Alaa Abd el-Fattah": the small parser may hang a past-tense verb
    that has its own subject on the noun after it, as if it were a participle modifier; with a subject
    it is the clause's verb, and the noun it modifies is its object."""
    return verb.dep_ == "amod" and verb.tag_ == "VBD" and any(c.dep_ == "nsubj" for c in verb.children)


def crowd_damage(verb: Token, lexicon) -> str | None:
    """"Protesters stormed parliament", "rioters ransacked the offices", "women burned their
    headscarves": a crowd storming or wrecking property, or anyone burning a symbol, protests (PLOVER
    PROTEST, riot when violent), while an attack on people stays an ASSAULT ("protesters attacked
    police", "a mob stormed the village and killed ten" is coded by its killing). Returns the PLOVER
    PROTEST mode, or None."""
    if verb.pos_ != "VERB":
        return None
    lemma, objects = verb.lemma_.lower(), themes(verb)
    if lemma in ("burn", "torch") and objects and all(o.lemma_.lower() in lexicon.protest_burnings for o in objects):
        return "demo"
    if lemma not in lexicon.riot_verbs:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        subject = verb.head  # "protesters who stormed the compound"
    if subject is None or subject.lemma_.lower() not in lexicon.rioting_crowds:
        return None
    people = load_cues().person_nouns | lexicon.troop_nouns | lexicon.force_nouns
    if any(o.ent_type_ in ("PERSON", "NORP") or o.lemma_.lower() in people for o in objects):
        return None
    return "riot"


def headline_predicate(verb: Token) -> bool:
    """"Two Chinese nationals detained in Taiwan", "Hundreds of activists arrested in Moscow": a
    participle on a noun that is the sentence's root (or is counted by it), with no other verb in
    the sentence, is the sentence's own predicate, not a description of the noun."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN":
        return False
    head = verb.head
    if head.dep_ == "pobj" and head.head.lower_ == "of" and words.counted(head.head.head):
        head = head.head.head  # "Hundreds of activists arrested": the count is the root
    if head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN", "NUM"):
        return False
    own = {t.i for t in verb.subtree}
    return not any(t.pos_ in ("VERB", "AUX") for t in verb.sent if t.i not in own)


def active_headline(verb: Token) -> bool:
    """"Former combatants handed over their guns to the army": a headline participle with a direct
    object of its own is the noun's own act (a passive takes none), read as a participle only
    because the small parser tagged it VBN."""
    return headline_predicate(verb) and any(c.dep_ == "dobj" for c in verb.children) \
        and not any(c.dep_ in ("agent", "auxpass", "nsubjpass", "dative") for c in verb.children)


def own_headline_act(verb: Token, lexicon) -> bool:
    """A headline participle that is the noun's own act, not done to it: a crowd's protest or a
    participle with an object of its own."""
    return crowd_predicate(verb, lexicon) or active_headline(verb)


def crowd_predicate(verb: Token, lexicon) -> bool:
    """"Hundreds of activists protested outside the embassy": the small parser reads the count as
    the sentence's root and the crowd's verb as a participle describing it ("activists [who were]
    protested"), but a crowd is not protested, marched or rallied: the sentence's predicate is the
    crowd's own act."""
    entry = lexicon.verbs.get(verb.lemma_.lower())
    if entry is None or entry.category != "PROTEST" or not headline_predicate(verb) \
            or any(c.dep_ in ("agent", "auxpass", "aux", "dobj") for c in verb.children):
        return False
    people = verb.head
    if words.counted(people):
        people = next((o for c in people.children if c.dep_ == "prep" and c.lower_ == "of"
                       for o in c.children if o.dep_ == "pobj"), people)
    return people.lemma_.lower() in lexicon.rioting_crowds | lexicon.multitude_nouns | load_cues().person_nouns \
        or people.ent_type_ == "NORP"


def forces_sent_to_a_place(verb: Token, lexicon) -> bool:
    """"sent warships to the Taiwan Strait", "dispatched troops to the border": forces sent to
    no recipient move there (PLOVER MOBILIZE); sent to a state or group they are aid (the caller
    decides by the targets)."""
    if verb.pos_ in ("NOUN", "PROPN"):  # the supplied thing is the trigger: "sent an aircraft carrier"
        noun = verb.head if verb.dep_ == "compound" else verb
        return noun.lemma_.lower() in lexicon.force_nouns
    if verb.pos_ != "VERB":
        return False
    objects = themes(verb)
    objects += [p for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children if p.dep_ == "pobj"]  # "thousands of soldiers"
    return any(w.lemma_.lower() in lexicon.force_nouns for o in objects for w in [o, *o.conjuncts])


def sent_to_fight(verb: Token, lexicon) -> Token | None:
    """"sent soldiers to fight in Ukraine", "sent troops to fight for Russia": forces sent to fight,
    with no enemy named, move to a battle (MOBILIZE) or aid the side they fight for, rather than
    going to the place as aid ("sent troops to battle insurgents in Mozambique" still aids the
    state whose insurgents they fight). Returns the combat verb of the purpose clause (an
    infinitive with no subject or object of its own)."""
    if verb.pos_ != "VERB":
        return None
    for clause in verb.children:
        if clause.dep_ in ("advcl", "xcomp") and clause.pos_ == "VERB" \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in clause.children):
            if _fights(clause, lexicon):
                return clause
    return None


def _fights(verb: Token, lexicon) -> bool:
    """A verb of combat ("fight", "battle", "attack")."""
    entry = lexicon.verbs.get(verb.lemma_.lower()) if verb.pos_ == "VERB" else None
    return entry is not None and entry.category == "ASSAULT"


def fights_for(verb: Token, prep: Token, lexicon) -> bool:
    """"fought for Russia", "alongside Hamas": a combat verb's preposition naming the side served,
    which is no enemy ("fought for control of Khartoum" is fought over, its object no party)."""
    return prep.lower_ in BESIDE_FIGHTER_PREPS and _fights(verb, lexicon) and any(
        o.dep_ == "pobj" and any(t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for t in o.subtree if t.i <= o.i)
        for o in prep.children)


def fought_for(combat: Token, index) -> Token | None:
    """"to fight for Russia", "to fight alongside Russian forces": the side the fighters serve."""
    for prep in combat.children:
        if prep.dep_ == "prep" and prep.lower_ in BESIDE_FIGHTER_PREPS:
            for obj in prep.children:
                if obj.dep_ == "pobj" and any(t.i in index for t in obj.subtree):
                    return obj
    return None


# prepositions naming the side a fighter serves, not the enemy: "fought for Russia", "alongside Hamas"
BESIDE_FIGHTER_PREPS = frozenset({"for", "alongside", "beside"})


def reports_a_stance(frame: Token) -> bool:
    """"insisted that they would not send troops", "insisted it had never armed the rebels": a
    request verb that is also a reporting verb tells a claim when its clause is tensed; only a
    bare clause is a demand ("insisted that Israel halt the offensive")."""
    if frame.lemma_.lower() not in load_modality_cues().reporting_verbs:
        return False
    for clause in frame.children:
        if clause.dep_ == "ccomp" and clause.pos_ in ("VERB", "AUX"):
            aux = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
            return clause.tag_ in ("VBD", "VBZ") or bool(aux & _TENSE_AUX)
    return False


# auxiliaries of a tensed clause (a report), never of the bare clause of a demand
_TENSE_AUX = frozenset({"will", "would", "'ll", "'d", "has", "have", "had", "is", "are", "was", "were", "did", "does"})


def addressee(frame: Token, index) -> Token | None:
    """The party a request is addressed to: its object ("urged Japan to ...") or the object of
    "on"/"upon"/"to" ("called on Turkey to ...", "appealed to Israel to ..."), when it is an actor."""
    for child in frame.children:
        # the object names the party itself ("urged the Japanese government"), not through a
        # phrase of its own ("ordered strikes on Ukrainian plants" asks no one); a passive's
        # subject is who was asked ("Kyiv was asked by Washington to halt ...")
        if child.dep_ in ("dobj", "dative", "nsubjpass") and any(t.i in index for t in _own_words(child)):
            return child
        if child.dep_ == "prep" and child.lower_ in ("on", "upon", "to"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and any(t.i in index for t in pobj.subtree):
                    return pobj
    return None


def _own_words(noun: Token) -> list[Token]:
    """A noun and its modifiers and examples ("allies such as Germany"), without the phrases
    and clauses that say something about it ("strikes on Ukrainian plants")."""
    words, stack = [], [noun]
    while stack:
        tok = stack.pop()
        words.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in ("prep", "relcl", "acl", "appos")
                     or (c.dep_ == "prep" and c.lower_ in _EXAMPLE_PREPS))
    return words


_EXAMPLE_PREPS = frozenset({"as", "like", "including"})  # "allies such as Germany" names Germany


def supplies_something(verb: Token, lexicon) -> bool:
    """A supply verb names what it supplies: an object, or a passive subject ("weapons were sent"),
    that is not something said or shown ("gave an interview to the BBC", "delivered a speech")."""
    supplied = themes(verb)
    return any(c.lemma_.lower() not in lexicon.communication_nouns for c in supplied)


def characterised(noun: Token, naming_verbs: frozenset[str]) -> bool:
    """An event noun that is the subject of a judgement: of "be" with a predicate ("the deal
    was a mistake", "the agreement is null and void"), or of a clause under a naming verb
    ("deemed that the agreement goes against the resolution")."""
    if noun.dep_ != "nsubj":
        return False
    head = noun.head
    if head.lemma_ == "be" and any(c.dep_ in ("acomp", "attr") for c in head.children):
        return True
    return head.dep_ == "ccomp" and head.head.lemma_.lower() in naming_verbs


# restrictions, like bans, curtail exchanges when aimed at another state ("new restrictions on
# flights to Cuba": PLOVER SANCTION sever); repression verbs of the same mode stay COERCE
_LIMITS = frozenset({"restrict", "restriction", "limit", "limitation", "curb"})


def limits_exchange(content: Token, mode: str | None) -> bool:
    """A ban or a restriction: the COERCE acts that become SANCTION against a foreign state."""
    return mode == "ban" or (mode == "restrict" and content.lemma_.lower() in _LIMITS)


_PRESS = frozenset({"JRN", "MED"})  # banning publications is censorship (PLOVER COERCE censor), whoever prints them


def foreign_ban(sources: list[ActorRef], targets: list[ActorRef]) -> bool:
    """Both sides have countries, none is shared, and the target is not the press."""
    if any(a.sector in _PRESS for a in targets):
        return False
    src = {a.country for a in sources if a.country}
    tgt = {a.country for a in targets if a.country}
    return bool(src and tgt) and not src & tgt


def holding_captives(verb: Token, lexicon) -> bool:
    """A protect/guard verb whose object is held captive: a captive noun ("prisoners") or a noun
    modified by an arrest participle ("captured fighters", "detained activists")."""
    for obj in verb.children:
        if obj.dep_ not in ("dobj", "nsubjpass"):
            continue
        if obj.lemma_.lower() in lexicon.captive_nouns:
            return True
        for mod in obj.children:
            entry = lexicon.verbs.get(mod.lemma_.lower()) if mod.dep_ == "amod" else None
            if entry is not None and entry.category == "COERCE" and entry.mode == "arrest":
                return True
    return False


def aims(frame: Token, lexicon) -> bool:
    """"seeking to deepen ties", "seeks to overthrow the government": "seek" with an infinitive
    states an aim (an intention, like "plans to"), not a request (PLOVER REQUEST asks *for*
    something: "sought help from Kenya")."""
    return frame.lemma_.lower() in lexicon.aim_verbs and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in frame.children)


_GATHERINGS = frozenset({"CONSULT", "PROTEST"})  # acts people travel or gather to take part in


def gone_for(noun: Token, category: str | None, lexicon) -> Token | None:
    """"negotiators returned to Geneva for talks", "ministers gathered in Cairo for a summit",
    "thousands came for the rally": the verb of movement whose subject goes to take part in the
    meeting or protest the noun names; that verb, so the movers are the event's doers."""
    if category not in _GATHERINGS or noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return None
    verb = noun.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon.motion_verbs:
        return None
    return verb if any(c.dep_ == "nsubj" for c in verb.children) else None


def verbal_attack(verb: Token, lexicon, index) -> bool:
    """"attacked the impeachment investigation as garbage", "hit out at the plan": an attack verb
    whose object is a statement, a document or a verbal act, or that says what it calls the object
    ("as ..."), criticises (PLOVER ACCUSE); bases, convoys and people are attacked with force."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon.verbal_attack_verbs:
        return False
    if armed_subject(verb, index):
        return False  # "troops attacked border posts": armed forces do not attack with words
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            return True
        if child.dep_ == "dobj":
            lemma = child.lemma_.lower()
            entry = lexicon.nouns.get(lemma)
            if lemma in lexicon.document_nouns or lemma in lexicon.communication_nouns:
                return True
            if entry is not None and entry.category in _VERBAL_CATEGORIES:
                return True
    return False


def dismissal(verb: Token, lexicon, index) -> bool:
    """"The company fired 200 workers", "sacked the defence minister": a dismissal verb whose object
    is a person or staff (a person noun, a named person, a group of workers), with nobody fired
    *on* or *at*: people let go, not attacked."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon.dismissal_verbs:
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("on", "at", "upon", "into") for c in verb.children):
        return False
    objects = themes(verb)
    people = speaker_nouns()
    return bool(objects) and all(o.ent_type_ == "PERSON" or o.lemma_.lower() in people
                                 or _person_at(o, index) for o in objects)


_AIM_PREPS = frozenset({"at", "against", "on", "onto", "upon", "into", "toward", "towards"})
_TIME_ENTS = frozenset({"DATE", "TIME"})


def projectile(obj: Token, lexicon) -> bool:
    """What a launch verb's object sends flying: a projectile ("fired rockets") or a quantity of
    them ("dozens of missiles", "hundreds of drones")."""
    if obj.lemma_.lower() in lexicon.projectile_nouns:
        return True
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(
        o.dep_ == "pobj" and o.lemma_.lower() in lexicon.projectile_nouns for o in p.children) for p in obj.children)


def aimed_at(verb: Token, objects: list[Token]) -> list[Token]:
    """Who or what a launch is aimed at: the objects of "at", "against", "on", "into", "toward" on
    the verb or on what it launches ("missiles at bases in Iraq"), not a time ("on Sunday")."""
    inner = [o for obj in [verb, *objects] for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
             for o in p.children if o.dep_ == "pobj"]  # "a barrage of missiles against Ukrainian cities"
    preps = [c for h in [verb, *objects, *inner] for c in h.children if c.dep_ == "prep" and c.lower_ in _AIM_PREPS]
    return [o for p in preps for o in p.children if o.dep_ == "pobj" and o.ent_type_ not in _TIME_ENTS]


def launched_at(verb: Token, lexicon, index) -> bool:
    """"Iran launched missiles at bases in Iraq", "launched drones into Russia": a launch verb
    whose objects are all projectiles, aimed at an actor or a place, is an attack (PLOVER ASSAULT).
    Launched at no one ("launched a ballistic missile", "into the sea") it is none."""
    objects = _launched(verb, lexicon, lexicon.launch_verbs)
    return bool(objects) and any(t.i in index for aim in aimed_at(verb, objects) for t in aim.subtree)


def _launched(verb: Token, lexicon, verbs: frozenset[str]) -> list[Token]:
    """The objects of a launch verb when all are projectiles, else []."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs:
        return []
    objects = themes(verb)
    return objects if objects and all(projectile(o, lexicon) for o in objects) else []


def show_of_force(noun: Token, sources: list[ActorRef], lexicon) -> bool:
    """"China held military drills around Taiwan": exercises one party holds alone demonstrate
    force (CAMEO 150, PLOVER MOBILIZE); "joint drills", drills "with" a partner or by two states
    together are military cooperation (CAMEO 062)."""
    if noun.lemma_.lower() not in lexicon.drill_nouns:
        return False
    if any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in lexicon.joint_words for c in noun.children):
        return False
    holders = [noun, noun.head] if noun.dep_ in ("dobj", "nsubjpass") else [noun]
    if any(c.dep_ == "prep" and c.lower_ == "with" for h in holders for c in h.children):
        return False
    return len({a.country for a in sources if a.country}) < 2


def summons_envoy(verb: Token, lexicon) -> bool:
    """"Summoned China's ambassador", "the chargé d'affaires was summoned": calling in another
    state's envoy is a formal complaint (CAMEO 114, PLOVER ACCUSE), not a request."""
    if verb.lemma_.lower() != "summon":
        return False
    objects = themes(verb)
    return any(w.lemma_.lower() in lexicon.envoy_nouns or charge_d_affaires(w)
               for o in objects for w in o.subtree if w.i <= o.i)


def charge_d_affaires(word: Token) -> bool:
    """"charge d'affaires" written without its accent (the lexicon's envoy nouns have "chargé")."""
    nxt = word.nbor() if word.i + 1 < len(word.doc) else None
    return word.lower_ == "charge" and nxt is not None and nxt.lower_.startswith(("d'", "d’"))


def crowd_gathers(verb: Token, lexicon) -> bool:
    """"Demonstrators gathered outside the embassy": protesters who gather are protesting
    (PLOVER PROTEST), where ministers who gather meet and troops who gather mobilise."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    subjects += [o for s in subjects for p in s.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj"]  # "hundreds of demonstrators"
    return verb.lemma_.lower() in ("gather", "mass") and any(s.lemma_.lower() in lexicon.crowd_nouns for s in subjects)


def suspends_member(frame: Token, index) -> bool:
    """"The African Union suspended Niger from all its activities", "voted to suspend Russia from
    the Human Rights Council": an actor suspended *from* a body is expelled from it (PLOVER
    SANCTION expel), whatever else the sentence names."""
    if frame.lemma_.lower() != "suspend":
        return False  # "removing people from dangerous areas" moves them, expels no member
    objects = themes(frame)
    return any(t.i in index for o in objects for t in _own_words(o)) and any(
        c.dep_ == "prep" and c.lower_ == "from" for c in frame.children)


# who is received or welcomed as a guest: a visit hosted (PLOVER CONSULT), not an admission
_GUEST_NOUNS = frozenset({"delegation", "counterpart", "leader", "president", "minister", "premier", "king",
                          "chancellor", "official", "emir", "prince", "delegate", "guest"})  # and envoy nouns


def hosts_guests(verb: Token, lexicon) -> bool:
    """"Received a Hamas delegation in Doha", "welcomed G7 leaders to Hiroshima": receiving
    or welcoming leaders, envoys or delegations, or welcoming anyone *to* a place, is hosting
    them (CAMEO 043), not admitting them or praising them."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in ("receive", "welcome"):
        return False
    objects = themes(verb)
    guests = any(o.lemma_.lower() in _GUEST_NOUNS or o.lemma_.lower() in lexicon.envoy_nouns
                 or o.ent_type_ == "PERSON" for o in objects)
    to_place = lemma == "welcome" and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(o.ent_type_ in ("GPE", "LOC", "FAC") for o in c.children)
        for c in verb.children)
    return bool(objects) and (guests or to_place)


def weapons_test(verb: Token, lexicon, index) -> bool:
    """"North Korea fired a ballistic missile into the sea", "test-fired a cruise missile", "fired a
    missile over Japan": projectiles launched at no actor, in a test, into open water or over a
    country, show force (PLOVER MOBILIZE weapons) — no one is attacked."""
    objects = _launched(verb, lexicon, lexicon.launch_verbs | {"test-fire"})
    if not objects or launched_at(verb, lexicon, index):
        return False
    words = {t.lemma_.lower() for t in verb.subtree} | {verb.lower_}
    over = any(c.dep_ == "prep" and c.lower_ == "over" for h in [verb, *objects] for c in h.children)
    return over or "test" in verb.lower_ or bool(words & lexicon.weapons_test_words)


def by_phone(verb: Token) -> bool:
    """"spoke by phone", "talked on the telephone": a phone call (CAMEO 041)."""
    return any(c.dep_ == "prep" and c.lower_ in ("by", "on", "over") and any(
        o.lemma_.lower() in ("phone", "telephone") for o in c.children) for c in verb.children)


_WARNING_PREPS = frozenset({"of", "about"})


def owned_act(noun: Token, lexicon) -> tuple[Token, bool] | None:
    """An event noun whose doer is named by disowning it: "denied any role in the killing of
    tourists", "had nothing to do with the sabotage", "rejected responsibility for the attack",
    "played no part in the coup" (negated). Claiming responsibility is left uncoded, as no gold
    set here codes it. Returns (the verb whose subject is the doer, True), or None."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "with", "for"):
        return None
    holder = noun.head.head
    role = None
    if holder.lemma_.lower() in lexicon.role_nouns:
        role, verb = holder, holder.head
    elif holder.pos_ == "VERB" and holder.lemma_.lower() != "do":  # "denied any role in the killing"
        role = next((c for c in holder.children if c.dep_ == "dobj" and c.lemma_.lower() in lexicon.role_nouns), None)
        verb = holder
    elif holder.lemma_.lower() == "do" and holder.head.lower_ == "nothing":  # "had nothing to do with"
        return holder.head.head, True
    if role is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    lemma = verb.lemma_.lower()
    if lemma in lexicon.disowning_verbs or any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in role.children) \
            or lemma in ("have", "play") and any(c.dep_ == "neg" for c in verb.children):
        return verb, True  # not "has not claimed responsibility": declining to claim disowns nothing
    return None


def drawn_from(noun: Token, lexicon, index) -> Token | None:
    """"drew swift condemnation from the UN", "sparked a rebuke from Beijing", "earned praise from
    Kyiv": a reaction noun drawn from a party; returns that party's word (the reaction's source)."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in lexicon.drawing_verbs:
        return None
    for holder in (noun, verb):
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "from":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and any(t.i in index for t in obj.subtree):
                        return obj
    return None


def supports_a_thing(verb: Token, sources, targets, lexicon, index) -> bool:
    """"the central bank stepped back from defending the currency", "hailed the dawn of a new era",
    "welcomed 36.9 million foreign visitors": a verb of support whose object is a thing — no named
    party, no act, no text or proposal — supports no other party (unnamed visitors are no party)."""
    if verb.pos_ != "VERB" or any(t.country not in {s.country for s in sources} for t in targets):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return False
    for obj in objects:
        words = [obj, *(c for c in obj.subtree if c.dep_ in ("pobj", "compound", "poss"))]
        if any(w.i in index and (index[w.i].actor.id or index[w.i].actor.country) or w.pos_ == "PRON"
               or w.lemma_.lower() in lexicon.nouns
               or w.lemma_.lower() in lexicon.proposal_nouns | lexicon.document_nouns | lexicon.act_reference_nouns
               | lexicon.status_nouns for w in words):
            return False  # "welcomed the decision", "defended its programme", "backed the resolution"
    return True


def promises_response(frame: Token, lexicon) -> bool:
    """A promise or warning of a response ("vowed revenge", "warned of serious consequences")."""
    if vows_response(frame, lexicon):
        return True
    return any(o.dep_ == "pobj" and o.lemma_.lower() in lexicon.consequence_nouns
               for p in frame.children if p.dep_ == "prep" and p.lower_ in _WARNING_PREPS for o in p.children)


def responded_act(frame: Token, lexicon) -> Token | None:
    """"vowed to respond to the joint drills", "warned that it would retaliate for the strike": the
    act a promised response answers (the object of the response verb's "to", "for" or "against")."""
    verbs = [c for c in frame.children if c.dep_ in ("xcomp", "ccomp")] + [frame]
    for verb in verbs:
        if verb.lemma_.lower() not in lexicon.response_verbs:
            continue
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("to", "for", "against"):
                acts = [o for o in prep.children if o.dep_ == "pobj"]
                if acts:
                    return acts[0]
    return None


def vows_response(frame: Token, lexicon) -> bool:
    """"vowed a strong response", "vowed to retaliate", "promised revenge": a promise of a
    response to what another did is a threat (PLOVER THREATEN), not an agreement."""
    for child in frame.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in lexicon.consequence_nouns:
            return True
        if child.dep_ in ("xcomp", "ccomp") and child.lemma_.lower() in lexicon.response_verbs:
            return True
    return False


def warns_of_hazard(frame: Token, lexicon) -> bool:
    """"Aid groups warned of famine", "warned about a recession": a threat verb whose only
    complement is a danger (no act of the lexicon, no consequence the warner would bring) warns,
    it threatens no one."""
    topics = [o for p in frame.children if p.dep_ == "prep" and p.lower_ in _WARNING_PREPS
              for o in p.children if o.dep_ == "pobj"]
    if not topics or any(c.dep_ in ("ccomp", "xcomp") for c in frame.children):
        return False
    return not any(o.lemma_.lower() in lexicon.nouns or o.lemma_.lower() in lexicon.consequence_nouns
                   for t in topics for o in [t] + [c for c in t.children if c.dep_ == "conj"])


@lru_cache(maxsize=1)
def people_nouns() -> frozenset[str]:
    """Nouns for people and groups of them (the quote lexicon's; not its source nouns: a
    forecast "says" but is no one)."""
    cues = load_cues()
    return cues.person_nouns | cues.group_nouns


def names_people(objects: list[Token], index, whole_phrase: bool = True) -> bool:
    """Whether the object phrases name an actor or people ("beat him", "fought the rebels", "beat
    dozens of students"), not only things ("beat the forecasts", "fought cancer"). ``whole_phrase``:
    also their conjuncts and what their modifiers name; else the head words alone."""
    words = [t for o in objects for h in [o, *o.conjuncts] for t in [h, *_modifiers(h)]] if whole_phrase else objects
    people = people_nouns()
    return any(t.i in index or t.ent_type_ in ("PERSON", "NORP", "GPE", "ORG")
               or (t.pos_ == "PRON" and t.dep_ != "poss") or t.lemma_.lower() in people for t in words)


def _modifiers(head: Token) -> list[Token]:
    """The words of a noun phrase that say what it is, not whose it is ("analysts' forecasts" are
    forecasts): its head's modifiers and appositions, their own modifiers, no possessor."""
    parts = [c for c in head.children if c.dep_ in ("compound", "amod", "nummod", "appos", "nmod")]
    parts += [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
              if o.dep_ == "pobj"]  # "dozens of students", "members of the opposition"
    return [t for c in parts for t in c.subtree]


def ordered_goods(frame: Token, index, lexicon) -> bool:
    """"Air India ordered 40 airliners", "ordered 40 Chinese fighter jets": "order" with things
    (equipment, or anything that names no one) as its object and no act ordered is a purchase,
    not a command (PLOVER REQUEST needs someone told to act)."""
    if frame.lemma_.lower() != "order" or any(c.dep_ in ("xcomp", "ccomp") for c in frame.children):
        return False
    objects = [c for c in frame.children if c.dep_ == "dobj"]
    if any(w.lemma_.lower() in lexicon.envoy_nouns or charge_d_affaires(w) for o in objects for w in o.subtree if w.i <= o.i):
        return False  # "ordered the defence attache out": an envoy is told to go
    return bool(objects) and all(lexicon.is_item(o.lemma_.lower()) and o.lemma_.lower() not in lexicon.troop_nouns
                                 or not names_people([o], index, whole_phrase=False) for o in objects)


def forecast(frame: Token, index) -> bool:
    """"GM warned that the loss could rise": a warning whose clause is about a thing (its subject
    a common noun naming no actor), no act of the warner's or anyone's."""
    if any(c.dep_ in ("dobj", "dative") for c in frame.children):
        return False  # "we warn the Saudis that ...": a warning addressed to someone
    clauses = [c for c in frame.children if c.dep_ == "ccomp"]
    subjects = [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(s.pos_ == "NOUN" and not any(t.i in index for t in s.subtree) for s in subjects)


def falls(frame: Token) -> bool:
    """"Shares declined 2%", "rose before declining": "decline" with nothing declined or refused."""
    return frame.lemma_.lower() == "decline" and not any(
        c.dep_ in ("dobj", "xcomp", "ccomp", "nsubjpass") for c in frame.children)


def offers_goods(frame: Token, lexicon, index) -> bool:
    """"The airline offers flights to Dubai", "offered buyouts": "offer" with a thing as its object
    that is no act, aid, force or help of PLOVER's ("offered troops", "offered asylum" are AGREE),
    and nothing to do ("offered to mediate")."""
    if frame.lemma_.lower() != "offer" or any(c.dep_ in ("xcomp", "ccomp") for c in frame.children):
        return False
    objects = [c for c in frame.children if c.dep_ == "dobj"]
    return bool(objects) and not any(
        o.pos_ in ("PRON", "PROPN") or o.i in index or o.lemma_.lower() in lexicon.nouns
        or lexicon.is_item(o.lemma_.lower()) or o.lemma_.lower() in lexicon.troop_nouns
        or o.lemma_.lower() in lexicon.force_nouns or o.lemma_.lower() in lexicon.partner_nouns
        for o in [*objects, *(c for o in objects for c in o.conjuncts)])


def warns_of_others_act(frame: Token, act: Token, index) -> bool:
    """"Officials warned of attacks by Hamas", "warned of possible Russian strikes": the act
    warned of is someone else's (its doer is named on the noun, not by a pronoun standing for
    the warner, as in "warned of its retaliation"): a warning, neither a threat nor an act."""
    if act.pos_ not in ("NOUN", "PROPN") or act.head.dep_ != "prep" or act.head.lower_ not in _WARNING_PREPS \
            or act.head.head.i != frame.i:
        return False
    doers = [c for c in act.children if c.dep_ in ("poss", "amod", "compound", "nmod") and c.pos_ != "PRON"]
    doers += [o for p in act.children if p.dep_ == "prep" and p.lower_ == "by" for o in p.children if o.dep_ == "pobj"]
    return any(index.get(d.i) is not None for d in doers)


def _person_at(token: Token, index) -> bool:
    mention = index.get(token.i)
    ident = mention.actor.id if mention is not None and mention.actor is not None else None
    return bool(ident and ident.startswith("person:"))


@lru_cache(maxsize=1)
def speaker_nouns() -> frozenset[str]:
    """Nouns naming people, groups and bodies, or documents that speak for them (the quote
    lexicon's person, group and source nouns)."""
    cues = load_cues()
    return cues.person_nouns | cues.group_nouns | cues.source_nouns


_ARMED_SECTORS = frozenset({"MIL", "REB", "UAF"})


def armed_subject(verb: Token, index) -> bool:
    """Whether the verb's subject is a mention of armed forces, rebels or gunmen."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return False
    head = subjects[0]
    term = load_registry().sector_term(head.text)  # "fighters" of a group that now governs
    return (term is not None and term.code_1 in _ARMED_SECTORS) or _sector_at(head, index) in _ARMED_SECTORS


def condemns_by_name(verb: Token, lexicon) -> bool:
    """"called the deal lousy", "described the attacks as a dastardly act", "branded the sanctions
    a breach of law": a naming verb whose complement condemns what it names criticises it (PLOVER
    ACCUSE). Only the active verb's own complements are read, not a following clause."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon.naming_verbs:
        return False
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return False  # "was described as a failure": no one is said to judge
    parts = [c for c in verb.children if c.dep_ in _NAMING_PARTS or (c.dep_ == "prep" and c.lower_ == "as")]
    parts += [p for o in parts if o.dep_ == "dobj" for p in o.children if p.dep_ == "prep" and p.lower_ == "as"]
    extracted = verb.dep_ == "relcl" or (verb.dep_ == "acl" and any(c.dep_ == "nsubj" for c in verb.children))
    if not any(c.dep_ in ("oprd", "prep") for c in parts) and sum(c.dep_ == "dobj" for c in parts) < 2 - extracted:
        # "an act Kyiv called piracy": the relative clause's object is the noun it hangs on
        return False  # "called the minister", "described the scene": nothing is said of the object
    return any(t.lemma_.lower() in lexicon.condemning_words or t.lower_ in lexicon.condemning_words
               for c in parts for t in c.subtree)


# where a naming verb's object and what it is called hang (the parser splits "X a Y" variously)
_NAMING_PARTS = frozenset({"dobj", "oprd", "attr", "acomp", "xcomp"})


# PLOVER's verbal categories: what is said, asked, agreed or decided (an inquiry is an ACCUSE act)
_VERBAL_CATEGORIES = frozenset({"AGREE", "CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})


_FIRST_PERSON = frozenset({"i", "we"})


def performative(chain: list[Token], category: str, plover, lexicon) -> bool:
    """A verbal act (praise, thanks, criticism) under the speaker's own wish ("I want to thank",
    "we wish to congratulate", "I'd like to apologise"): uttering the wish performs the act."""
    if plover.category(category).material:
        return False
    return any(t.lemma_.lower() in lexicon.desire_verbs
               and any(c.dep_ == "nsubj" and c.lower_ in _FIRST_PERSON for c in t.children) for t in chain)


# what a letter, note or message "of" an act expresses: a stance, not the act itself
_WRITTEN_STANCES = {"AID": "support", "COOPERATE": "support", "PROTEST": "criticize"}


def written_stance(noun: Token, entry: LexEntry, lexicon: Lexicon) -> LexEntry:
    """"sent a letter of support", "delivered a note of protest": a communication *of* an act
    expresses a stance (SUPPORT, ACCUSE) — nothing was supplied and no one demonstrated."""
    holder = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if holder is None or holder.lemma_.lower() not in lexicon.communication_nouns:
        return entry
    verb = _WRITTEN_STANCES.get(entry.category or "")
    return lexicon.verbs[verb] if verb in lexicon.verbs else entry


def named_text(noun: Token, lexicon: Lexicon) -> bool:
    """"signed the Abraham Accords", "ratified the New START Treaty": the head noun of a text's name
    (an entity, so no event noun by itself) as the object of a verb of signing, which makes it the act."""
    if noun.dep_ not in ("dobj", "nsubjpass") or noun.head.pos_ != "VERB" or not names_text(noun):
        return False
    verb = lexicon.verbs.get(noun.head.lemma_.lower())
    return verb is not None and verb.role == "light" and "AGREE" in verb.overrides


def departs(verb: Token, lexicon: Lexicon, index) -> str | None:
    """What a verb of leaving tells: "forces" ("the last US troops left Afghanistan": forces leave
    a place), "body" ("Burkina Faso left ECOWAS", "quit the nuclear deal": a party leaves an
    organisation or a treaty), or None ("the minister left for Beijing", "left office")."""
    if verb.lemma_.lower() not in lexicon.departure_verbs:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for obj in objects:
        if names_text(obj) or obj.lemma_.lower() in lexicon.body_nouns \
                or any(names_text(c) for c in obj.children if c.dep_ == "compound"):
            return "body"
        mention = index.get(obj.i)
        if mention is not None and mention.actor.country in lexicon.igo_codes:
            return "body"
    places = [o for o in objects if index.get(o.i) is not None and index[o.i].actor.country
              and index[o.i].actor.sector in (None, "GOV", "CVL")]
    if places and forces_move(verb, [], lexicon, index):
        return "forces"
    return None


def withdraws_from_text(verb: Token) -> bool:
    """"withdrew from the Paris climate agreement", "pulled out of the nuclear deal": leaving a
    treaty is a party's withdrawal (PLOVER SANCTION withdraw), not a military pull-back."""
    preps = [c for c in verb.children if c.dep_ in ("prep", "prt")]
    preps += [g for p in preps for g in p.children if g.dep_ == "prep"]  # "pulled out of"
    return any(names_text(o) for p in preps if p.lower_ in ("from", "of") for o in p.children if o.dep_ == "pobj")


def blacklists(verb: Token, lexicon: Lexicon) -> bool:
    """"added 30 Chinese firms to its entity list", "put Huawei on a trade blacklist": someone put on
    a list of the sanctioned (PLOVER SANCTION); any other list or adding is no event."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "on", "onto"):
            for noun in (o for o in prep.children if o.dep_ == "pobj"):
                lemma = noun.lemma_.lower()
                if lemma == "blacklist" or lemma == "list" and any(
                        c.lower_ in lexicon.blacklist_words for c in noun.children if c.dep_ in ("compound", "amod")):
                    return True
    return False


def hazard_doer(verb: Token, lexicon: Lexicon) -> bool:
    """The verb's doer is a natural hazard: its subject, or for a participle clause with none the
    subject of the clause it hangs on ("heavy rains flooded the province, forcing thousands to flee",
    "an earthquake struck, toppling buildings", "Typhoon Gaemi forced schools to close")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    clause = verb
    while clause.dep_ == "conj" and clause.head.tag_ == "VBG":  # "toppling buildings and killing 2,300"
        clause = clause.head
    if not subjects and clause.tag_ == "VBG" and clause.dep_ in ("advcl", "conj"):
        head = clause.head
        subjects = [c for c in head.children if c.dep_ == "nsubj"] or ([head.head] if head.dep_ == "acl" else [])
    for subject in subjects:
        words = [subject, *subject.conjuncts, *(c for c in subject.children if c.dep_ == "compound")]
        hazard = [w for w in words if w.lemma_.lower() in lexicon.hazard_nouns or w.lower_.rstrip("s") in lexicon.hazard_nouns]
        if any(w.is_title and w.ent_type_ for w in hazard):
            return True  # a named storm: "Typhoon Gaemi", "Hurricane Helene"
        if subject.lemma_.lower() in lexicon.crash_vehicles and subject.head.lemma_.lower() in lexicon.crash_verbs:
            return True  # "an American Airlines jet collided with ...": whoever owns it, an accident
        if any(t.ent_type_ in ("NORP", "GPE", "ORG") for t in subject.subtree if t.i <= subject.i):
            return False  # "Israeli fire killed three": someone's fire
        if hazard:
            return True
    return False


def orders_envoy_out(frame: Token, lexicon: Lexicon) -> bool:
    """"ordered the Mexican ambassador to leave", "gave Russian diplomats 72 hours to leave the
    country", "ordered the defence attache out", "ordered 12 employees of the French embassy to leave":
    sending another state's (or a body's) envoys, staff or mission home is an expulsion (PLOVER SANCTION expel)."""
    if frame.lemma_.lower() not in lexicon.command_verbs | {"give", "tell"}:
        return False
    envoys = [o for o in frame.children if o.dep_ in ("dobj", "dative", "nsubjpass") and _envoys(o, lexicon)]
    leaves = [c for t in [frame, *(o for o in frame.children if o.dep_ == "dobj")] for c in t.children
              if c.dep_ in ("xcomp", "advcl", "acl", "relcl", "ccomp") and c.lemma_.lower() in lexicon.departure_verbs
              or c.lower_ == "out" and c.dep_ in ("prep", "prt", "advmod")]  # "ordered the attache out of the country"
    return bool(envoys) and bool(leaves)


def declared_unwelcome(content: Token) -> tuple[Token, list[Token]] | None:
    """"Belarus declared two Polish diplomats persona non grata": the declaring verb (whose
    subject expels) and who is declared (read by the parser as the subject or a compound of
    "persona", or as the verb's object)."""
    doc = content.doc
    persona = next((t for t in doc[max(content.i - 2, 0):content.i + 1] if t.lower_ in ("persona", "personae")), None)
    if persona is None and content.lemma_.lower() == "declare":
        persona = next((t for t in content.subtree if t.lower_ in ("persona", "personae")), None)
    if persona is None:
        return None
    verb = next((t for t in (persona, *persona.ancestors) if t.lemma_.lower() == "declare"), None)
    if verb is None or verb.i > persona.i or not any(c.dep_ in ("nsubj", "agent") for c in verb.children):
        return None  # "was declared persona non grata": by no one named
    phrase = {persona.i, persona.i + 1, persona.i + 2}
    who = [t for w in (doc[i] for i in sorted(phrase) if i < len(doc)) for t in w.children
           if t.dep_ in ("nsubj", "nsubjpass", "compound") and t.i < persona.i]
    who += [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.i not in phrase]
    return verb, who


_STAFF_NOUNS = frozenset({"staff", "employee", "personnel", "official", "officer", "member", "worker"})


def _envoys(obj: Token, lexicon: Lexicon) -> bool:
    """"the Mexican ambassador", "12 employees of the French embassy", "the UN mission", "seven
    senior UN officials": a state's or a body's envoys, staff or mission."""
    left = [w for w in obj.subtree if w.i <= obj.i]
    if any(w.lemma_.lower() in lexicon.envoy_nouns | lexicon.mission_nouns or charge_d_affaires(w) for w in left):
        return True
    if obj.lemma_.lower() not in _STAFF_NOUNS:
        return False
    of = [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    if any(p.lemma_.lower() in lexicon.mission_nouns for p in of):
        return True  # "employees of the French embassy"
    return any(w.ent_type_ in ("ORG", "NORP") for w in left)  # "senior UN officials", "Russian embassy staff"


def hosts_something(verb: Token, lexicon: Lexicon) -> bool:
    """"hosts 3 million Syrian refugees", "hosts the largest US air base", "hosted the World Cup":
    what is hosted is no guest and no meeting (a standing fact or an event), so no one is consulted
    (CAMEO 043 is hosting a visit: "hosted Xi", "hosted a Hamas delegation", "hosted the talks")."""
    if verb.lemma_.lower() != "host":
        return False
    objects = themes(verb)
    if not objects:
        return False
    of_phrases = [g for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                  for g in p.children if g.dep_ == "pobj"]  # "the fifth round of talks"
    if any(_meeting(w, lexicon) for o in objects + of_phrases for w in [o, *o.conjuncts]):
        return False  # "hosted the talks", "a summit", "the signing", "a round of talks"
    for obj in [w for o in objects for w in [o, *o.conjuncts]]:
        lemma = obj.lemma_.lower()
        if obj.ent_type_ in ("PERSON", "GPE", "NORP", "ORG") and obj.pos_ == "PROPN" or lemma in _GUEST_NOUNS \
                or lemma in lexicon.envoy_nouns or lemma in speaker_nouns():
            return False  # a guest
    return True


def _meeting(noun: Token, lexicon: Lexicon) -> bool:
    """A noun naming a meeting or a joint act ("talks", "summit", "signing")."""
    entry = lexicon.nouns.get(noun.lemma_.lower())
    return entry is not None and entry.category in ("CONSULT", "AGREE", "COOPERATE")


def accused_act(token: Token, lexicon: Lexicon) -> Token | None:
    """The accusing verb when the event is what someone is accused of ("accused Rwanda of sending
    troops to fight", "blamed Minsk for letting Russian units launch drones"): an act alleged, not
    reported as done."""
    for _ in range(5):
        if token.dep_ in ("pobj", "pcomp") and token.head.lower_ in ("of", "for"):
            prep = token.head
            while prep.dep_ == "conj" and prep.head.pos_ == "ADP":
                prep = prep.head  # "accused Eritrea of preparing war and of arming rebels"
            if prep.lower_ not in ("of", "for"):  # "of massing troops on the border and of arming ...": "on"
                token = prep.head
                continue
            verb = prep.head
            return verb if verb.lemma_.lower() in lexicon.accuse_verbs else None
        if token.dep_ == "pcomp" and token.head.lower_ == "by":  # "blamed Warsaw for stoking tensions by sending"
            token = token.head.head
            continue
        if token.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "dobj", "acl") or token.head.i == token.i:
            return None
        token = token.head
    return None


def denied_accusation(verb: Token, lexicon: Lexicon) -> Token | None:
    """The accusation a verb rejects: its object ("Beijing rejected the allegations") or the noun its
    relative clause hangs on ("..., a charge New Delhi rejected as baseless")."""
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in lexicon.accusation_nouns:
        return verb.head
    return next((o for o in themes(verb) if o.lemma_.lower() in lexicon.accusation_nouns), None)


def accuser(noun: Token, lexicon: Lexicon) -> Token | None:
    """Who made the accusation an appended noun names: "Pakistan accused India of ..., a charge New
    Delhi rejected" (the subject of the accusing or claiming clause the noun is attached to). The
    noun may hang inside the clause claimed ("X said the strikes had killed a fisherman, an
    accusation Washington rejected": X) or beside a participle that blames ("withdrew from the
    treaty, blaming Russia ..., a charge Moscow rejected": who withdrew)."""
    token = noun
    for _ in range(5):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ != "VERB":
            continue
        if noun.head.i == token.i and noun.dep_ in ("dobj", "nsubjpass"):
            return None  # "rejected London's accusations": its possessor made them (the event's own target)
        if _claims(token, lexicon):
            return clause_subject(token)
        blamer = next((c for c in token.children if c.dep_ in ("advcl", "conj") and c.i < noun.i
                       and c.lemma_.lower() in lexicon.accuse_verbs), None)
        if blamer is not None:
            return clause_subject(blamer)
        if token.dep_ not in ("ccomp", "conj"):
            return None
    return None


def _claims(verb: Token, lexicon: Lexicon) -> bool:
    lemma = verb.lemma_.lower()
    return lemma in lexicon.accuse_verbs or lemma in ("claim", "allege", "say", "charge", "assert")


def clause_subject(verb: Token) -> Token | None:
    """The verb's subject, or for a subjectless participle ("..., blaming Russia") its clause's."""
    for _ in range(2):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None or verb.dep_ not in ("advcl", "conj", "xcomp") or verb.head.i == verb.i:
            return subject
        verb = verb.head
    return None


def possessed_speech_act(noun: Token, category: str, index) -> bool:
    """"rejected Trump's demand for surrender", "turned down Kyiv's requests for ammunition", "dismissed
    Moscow's ultimatum": a demand or a threat rejected was made before by its possessor, to the
    rejecter. (An offer or a charge rejected is left to the rejection: the probe annotators code it so.)"""
    if noun.pos_ not in ("NOUN", "PROPN") or category not in ("REQUEST", "THREATEN"):
        return False
    return any(c.dep_ == "poss" and c.i in index for c in noun.children)


def calls_up_forces(verb: Token, lexicon: Lexicon) -> bool:
    """"called up 300,000 reservists", "called out the army": forces mobilised (CAMEO 154), not a phone
    call or a request."""
    lemma = verb.lemma_.lower()
    called_up = lemma == "call_up" or lemma == "call" and any(
        c.dep_ == "prt" and c.lower_ in ("up", "out") for c in verb.children)
    return called_up and any(o.lemma_.lower() in lexicon.force_nouns for o in themes(verb))


def approves_funds(verb: Token, lexicon: Lexicon) -> bool:
    """"The IMF approved a $7 billion loan for Pakistan", "approved $1.5 billion in new financing for
    Ukraine": a lender's approval is the aid itself (CAMEO 071), not verbal support."""
    if verb.lemma_.lower() != "approve":
        return False
    for obj in themes(verb):
        words = [obj, *(c for c in obj.children if c.dep_ == "compound")]
        words += [g for p in obj.children if p.dep_ == "prep" and p.lower_ == "in" for g in p.children]
        for word in words:
            entry = lexicon.nouns.get(word.lemma_.lower())
            if entry is not None and entry.category == "AID" or word.ent_type_ == "MONEY":
                return True
    return False


def approves_sale(verb: Token, lexicon: Lexicon) -> bool:
    """"The State Department approved a $2 billion arms sale to Taiwan", "had not authorised a single
    arms sale to Israel": a government's licence for a sale is the sale (PLOVER COOPERATE, an
    exchange), not verbal support."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon.licensing_verbs:
        return False
    return any(o.lemma_.lower() in ("sale", "export", "transfer") for o in themes(verb))


# what was taken before it is handed over: "handed over the seized tanker" returns it
_TAKEN = frozenset({"seize", "capture", "confiscate", "impound", "detain", "steal", "loot", "hijack", "abduct",
                    "kidnap", "hold", "intercept", "take"})


# people handed over as wanted by another state's justice, not as captives set free
_WANTED_NOUNS = frozenset({"suspect", "fugitive", "terrorist", "criminal", "militant", "convict", "accused"})
_WANTED_MODIFIERS = frozenset({"suspected", "alleged", "wanted", "accused"})


def _wanted(person: Token) -> bool:
    """"two Islamic State suspects", "12 suspected militants", "Carlos Ghosn": someone sought by a
    justice system (hostages, prisoners, soldiers and bodies are not)."""
    if person.ent_type_ == "PERSON" and person.pos_ == "PROPN":
        return True
    return person.lemma_.lower() in _WANTED_NOUNS or any(
        c.dep_ == "amod" and c.lower_ in _WANTED_MODIFIERS or c.dep_ == "acl" and c.lemma_ == "suspect"
        for c in person.children)  # "two men suspected of the bombing"


def handed_over(verb: Token, lexicon: Lexicon) -> str | None:
    """The lexicon verb that codes handing things over: "Italy handed over two patrol boats to Libya's
    coast guard" supplies them ("deliver", PLOVER AID); "the militia handed over its weapons" gives up
    its own arms ("disarm", RETREAT); what was seized before ("the seized tanker", "the captured
    rifles") is returned ("return"); suspects and people wanted by another state are extradited
    ("extradite", COOPERATE legal); None otherwise (hostages, prisoners, bodies, territory: RETREAT
    return stays)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "hand" \
            or not any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children):
        return None
    handed = themes(verb)
    if handed and all(_wanted(t) for t in handed):
        return "extradite"
    if not handed or not all(lexicon.is_item(t.lemma_.lower()) for t in handed):
        return None
    if any(c.dep_ in ("amod", "acl") and c.lemma_.lower() in _TAKEN for t in handed for c in t.children):
        return "return"
    own = all(any(c.dep_ == "poss" and c.pos_ == "PRON" for c in t.children) for t in handed)
    return "disarm" if own else "deliver"


# a state's own forces: whoever sends them is that state ("North Korean troops were sent to Russia")
_STATE_FORCES = frozenset({"warship", "destroyer", "frigate", "submarine", "carrier", "fleet", "navy", "warplane",
                           "bomber"})


def forces_sent(verb: Token, lexicon: Lexicon) -> Token | None:
    """"North Korean troops have been sent to Russia", "Chinese warships were deployed to the South
    Pacific": a state's troops or warships moved with no agent named are moved by their state;
    returns the forces' noun (weapons, drones or aid "sent" by no one named keep no sender)."""
    if verb.pos_ != "VERB" or any(c.dep_ == "agent" for c in verb.children):
        return None
    forces = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if forces is None or forces.lemma_.lower() not in lexicon.troop_nouns | _STATE_FORCES:
        return None
    return forces if any(c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("NORP", "GPE")
                         for c in forces.children) else None


_PORTIONS = frozenset({"first", "last", "rest", "part", "shipment", "consignment", "delivery", "load", "cargo"})


def contents(noun: Token, lexicon: Lexicon) -> Token:
    """What a portion holds: "a batch of howitzers", "the first of its F-16 jets" → the goods."""
    if noun.lemma_.lower() not in lexicon.container_nouns | _PORTIONS and noun.pos_ != "NUM":
        return noun
    return next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj"), noun)


def received_from(verb: Token, lexicon: Lexicon) -> tuple[Token, Token] | None:
    """"Ethiopia has received armed drones from Turkey and the UAE": goods received from a party are
    that party's aid to the receiver (not the receiver's act); (giver, receiver) or None."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ("receive", "get", "obtain"):
        return None
    goods = [contents(c, lexicon) for c in verb.children if c.dep_ == "dobj"]
    receiver = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # "the first of its jets from the US"
    giver = next((o for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                  for o in c.children if o.dep_ == "pobj"), None)
    if not goods or receiver is None or giver is None or not all(lexicon.is_item(g.lemma_.lower()) for g in goods):
        return None
    return giver, receiver


def silences_media(verb: Token, index) -> bool:
    """"suspended Radio France Internationale", "suspended the broadcasts of RFI": halting a news
    outlet is censorship (PLOVER COERCE censor), not a halt of cooperation."""
    if verb.pos_ != "VERB":
        return False
    # "suspended the broadcasts of RFI and France 24": what belongs to the outlet
    outlets = [t if t.i in index else next((o for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                                             for o in p.children if o.dep_ == "pobj" and o.i in index), None)
               for t in themes(verb)]
    return bool(outlets) and all(t is not None and index[t.i].actor.sector == "JRN" and index[t.i].actor.id
                                 for t in outlets)


def ends_agreement(verb: Token, lexicon: Lexicon) -> bool:
    """"Mali's junta scrapped its defence accords with France", "revoked the military agreement with
    the US": a concession verb (rescind, revoke, scrap) over an agreement or a partnership ends ties
    with the other party (PLOVER SANCTION, as "terminated the accords"), where over a law, a ban or
    a tax it yields (CONCEDE)."""
    if verb.pos_ != "VERB":
        return False
    for obj in themes(verb):
        entry = lexicon.nouns.get(obj.lemma_.lower())
        if entry is not None and entry.category in ("AGREE", "COOPERATE") and entry.role == "event":
            return True
    return False


def grants_access(verb: Token, lexicon: Lexicon) -> bool:
    """"Israel allowed the first aid trucks into Gaza", "has yet to let UN inspectors back", "did not
    allow UN convoys to cross": letting inspectors, envoys or aid in is access granted (PLOVER RETREAT,
    CAMEO 086 allow international involvement), not a concession."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ("allow", "let", "permit"):
        return False
    admitted = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    admitted += [g for c in verb.children if c.dep_ in ("ccomp", "xcomp") for g in c.children
                 if g.dep_ in ("nsubj", "nsubjpass")]
    admitted += [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("NOUN", "PROPN")]
    if verb.dep_ in ("xcomp", "ccomp") and not admitted and verb.tag_ == "VBN":
        admitted = [c for c in verb.head.children if c.dep_ in ("nsubjpass",)]  # "will not be allowed into"
    return any(w.lemma_.lower() in lexicon.access_nouns for a in admitted
               for w in [a, *(c for c in a.children if c.dep_ == "compound")])


def arrives_abroad(verb: Token, index) -> bool:
    """"Indian Prime Minister Narendra Modi arrived in Moscow", "Wang Yi landed in Islamabad": a
    state's official (or the state) arriving in another state's place visits it (CAMEO 042);
    migrants, planes or storms arriving are no visit."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    mention = index.get(subject.i) if subject is not None else None
    if mention is None or not mention.actor.country:
        return False
    actor = mention.actor
    if not _state_side(actor, ("GOV",)):
        return False
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
            for place in (c for c in prep.children if c.dep_ == "pobj"):
                there = index.get(place.i)
                if there is not None and there.actor.country and there.actor.country != actor.country:
                    return True
    return False


def labour_strike(verb: Token, index) -> bool:
    """Whether "the strike" the verb governs is a walkout: its subject is no state, government or
    armed force ("teachers called off the strike"; "Israel called off the strike on Iran" is an attack)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    mention = index.get(subject.i) if subject is not None else None
    return not (armed_subject(verb, index) or mention is not None and _state_side(mention.actor, ("GOV", "MIL")))


def _state_side(actor: ActorRef, sectors: tuple[str, ...]) -> bool:
    """The state itself or one of its organs of the given sectors."""
    return actor.sector in sectors or bool(actor.id) and actor.id == actor.country


# verbs of striking that a measure "does" to whom it is aimed at
_STRIKING = frozenset({"hit", "target", "strike"})


def measure_strikes(noun: Token, entry: LexEntry) -> Token | None:
    """"EU sanctions hit Russian banks", "the crackdown targeted journalists": a sanction or
    coercive measure said to hit or target someone is that measure taken against them, not an
    attack; returns the striking verb, whose object is the measure's target."""
    verb = noun.head
    if noun.dep_ != "nsubj" or entry.category not in ("SANCTION", "COERCE") or verb.lemma_.lower() not in _STRIKING:
        return None
    return verb


def hits_with_measure(verb: Token, lexicon) -> Token | None:
    """"Beijing hit back with a 34 per cent levy on American goods": retaliation by a measure is
    that measure, not an attack; returns the measure's noun ("hit back with missile strikes"
    stays an attack). Without "back", only a sanction or a restriction is the measure: "US hits
    dozens of Chinese firms with trade curbs", "targets GRU officers with asset freezes"."""
    if verb.lemma_.lower() not in _STRIKING:
        return None
    back = any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in verb.children)
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # "hits X with" may hang on X
    for prep in (c for h in holders for c in h.children):
        if prep.dep_ == "prep" and prep.lower_ == "with":
            for noun in prep.children:
                entry = lexicon.nouns.get(noun.lemma_.lower())
                if noun.dep_ != "pobj" or entry is None:
                    continue
                if entry.category == "SANCTION" or entry.category == "COERCE" and entry.mode == "restrict" \
                        or back and entry.category not in (None, "ASSAULT"):
                    return noun
    return None
