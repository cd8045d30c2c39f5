"""Contexts in which a cue word reports no act, decided from the parse (precision on ordinary news).

PLOVER codes acts that a sentence reports an actor as doing to another. News sentences also
state rules, capabilities and purposes, and describe what weapons or disasters did; a cue word
there is no event. ``not_reported`` names the first such context of a drafted event, or None:

* ``standing_norm``: "International law requires ...", "the constitution prohibits ...": a rule's
  content (a *new* measure is its issuer's act and stays);
* ``capability``: "an inability to fire missiles", "the right to veto": what someone can do;
* ``instrument_subject``: "rockets struck the base", "wildfires destroying the Amazon": a weapon
  or a disaster with no actor named as its user (like the agentless passive "the man was shot");
* ``thing_agent``: "the virus killed two visitors", "a collision which killed a rider", "the emergency
  would allow him": any act whose doer is a thing, or an act with no actor named as its doer;
* ``purpose_of_thing``: "the summit was convened to sign ...", "notices are issued to ask ...":
  the purpose of a thing that is no actor, not an act reported as done;
* ``purpose``: "remained in Iraq to prevent ISIS from returning": an infinitive of purpose (unless
  the doer is sent or goes there to do it);
* ``helped_act``: "helped negotiate the deal": help with an act is part of that act;
* ``requested_act``: "asked the police to find and arrest him", "their demand that the army
  release them", "a resolution to expel the troops": an act asked for, threatened, promised or
  proposed is not performed (the frame or the noun codes the asking);
* ``question``: "asked Trump about it": a question, not a request (REQUEST asks *for* something
  or asks someone *to* act);
* ``aim``: "a referendum seeking to create a region": trying, not asking anyone, and no act;
* ``no_comment``: "declined to comment": a refusal to speak to the press rejects no actor's
  request, demand or proposal (PLOVER REJECT);
* ``theme_sense``: "released a statement" (no captive released), "recognized the disease", "the
  rally was visited" (no actor or territory recognised or visited), "she returned to the US" (a
  movement: nothing returned);
* ``adjective_modifier``: "battle ready", "war-weary": an event noun qualifying an adjective;
* ``goal``: "a step toward greater coordination", "efforts to complete the withdrawal": an aim;
* ``proposal_content``: "their demands included dissolving parliament": what a demand lists;
* ``same_act``: "lashed out at X, accusing her of ...": a participle restating its verb's act;
* ``description``: "prisoners arrested during the campaign": a participle describing a noun;
* ``agentless_topic``: "the rally was visited by thousands": an event noun the clause is about,
  with no doer named (verbs of occurring, "clashes broke out", still report it);
* ``topic``: "said regarding Iran's request": the subject matter of a statement;
* ``nominal_mention``: "its invasion of Iraq", "his support for the movement": an act named only by
  a noun that no light verb or frame governs (the annotators code acts a clause reports);
* ``occasion``: "announced the change in a rally": where a statement was made;
* ``no_partner``: "had lunch at a cafe": a meal with no one named is no meeting.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from dyad.nlp import event_agents as agents
from dyad.nlp.event_nonacts import has_actor, party_preps
from dyad.nlp.event_senses import (
    aims, contents, declared_unwelcome, first_conjunct, headline_predicate, reports_a_stance)
from dyad.ontology.actors import load_registry
from dyad.ontology.cues import load_cues
from dyad.ontology.plover import Lexicon, load_modality_cues

_PROPOSALS = frozenset({"REQUEST", "AGREE"})  # demands and deals: nouns that list acts to be done
_PLEDGES = frozenset({"REQUEST", "AGREE", "THREATEN"})  # nouns whose clause is an act asked, promised or threatened
_FRAME_ROLES = frozenset({"request", "threat", "intent", "refuse", "negator"})
_PERSONAL = frozenset({"i", "we", "you", "he", "she", "they", "me", "us", "him", "her", "them"})
_RELATIVE = frozenset({"that", "which", "who", "whom"})
_SUBJECTS = ("nsubj", "nsubjpass")
_OBJECTS = ("dobj", "dative", "prep", "attr")
_DOER_PREPS = frozenset({"by", "from", "between", "among", "with", "of"})
_TOPIC_PREPS = frozenset({"regarding", "concerning"})  # "about X's attack" often presupposes it happened
_QUESTION_WORDS = frozenset({"whether", "if", "who", "what", "when", "where", "why", "how", "which"})
_COMMENT_TOPICS = frozenset({"on", "about", "regarding", "concerning"})  # "declined to comment on X"
_OCCASION_PREPS = frozenset({"in", "at", "during"})
_AMOUNTS = frozenset({"MONEY", "QUANTITY", "CARDINAL", "PERCENT"})
_GOAL_PREPS = frozenset({"toward", "towards"})
_PLACES = frozenset({"GPE", "LOC", "FAC", "NORP"})
_THING_ENTS = frozenset({"PRODUCT", "EVENT", "LAW", "WORK_OF_ART"})  # named things, not actors


def not_reported(content: Token, frame: Token | None, category: str, lexicon: Lexicon, index,
                 bare: bool = False) -> str | None:
    """The name of the context in which the drafted event is no reported act, or None.
    ``content``: the word that names the event; ``frame``: its governing frame word, if any;
    ``index``: token index → actor mention (``event_actors.mention_index``); ``bare``: an event
    noun that no light verb or frame governs."""
    outer = frame if frame is not None else content
    if content.pos_ in ("NOUN", "PROPN") and frame is None:
        if not theme_fits(content, lexicon, index, category):
            return "theme_sense"  # "announced the release of its new software"
        found = _noun_context(content, lexicon, index)
        if found is None and bare and nominal_mention(content, category, lexicon, index) \
                and declared_unwelcome(content) is None:  # "declared X persona non grata" expels
            return "nominal_mention"
        return found
    checks = (
        ("standing_norm", lambda: standing_norm(outer, lexicon)),
        ("capability", lambda: capability(outer, lexicon)),
        ("goal", lambda: attempted(outer, lexicon)),
        ("instrument_subject", lambda: category == "ASSAULT" and instrument_subject(content, lexicon, index)),
        ("thing_agent", lambda: thing_agent(outer, lexicon, index)),
        ("purpose_of_thing", lambda: purpose_of_thing(outer, index)),
        ("purpose", lambda: purpose(outer, lexicon) and not voiced_by_protest(outer, category, lexicon)),
        ("helped_act", lambda: frame is None and helped_act(content, lexicon)),
        ("requested_act", lambda: requested_act(outer, lexicon)),
        ("proposal_content", lambda: proposal_content(outer, lexicon)),
        ("question", lambda: category == "REQUEST" and question(outer, lexicon)),
        ("aim", lambda: aim(outer, lexicon)),
        ("no_comment", lambda: category == "REJECT" and no_comment(outer, lexicon)),
        ("theme_sense", lambda: frame is None and not theme_fits(content, lexicon, index, category)),
        ("description", lambda: frame is None and reduced_relative(content)),
        ("same_act", lambda: frame is None and same_act(content, category, lexicon, index)),
    )
    for name, test in checks:
        if test():
            return name
    return None


def _noun_context(noun: Token, lexicon: Lexicon, index) -> str | None:
    if adjective_modifier(noun):
        return "adjective_modifier"
    if (noun.dep_ == "pobj" and noun.head.lower_ in _GOAL_PREPS) or attempted(noun, lexicon):
        return "goal"
    if noun.dep_ == "pobj" and noun.head.lower_ in _TOPIC_PREPS:
        return "topic"
    if statement_occasion(noun):
        return "occasion"
    if agentless_topic(noun, lexicon, index):
        return "agentless_topic"
    if noun.lemma_.lower() in lexicon.social_nouns and not _partnered(noun):
        return "no_partner"
    return None


def _partnered(noun: Token) -> bool:
    """"had lunch with the president", "a dinner for the visiting minister": a meal is a meeting
    only with someone ("had lunch at a cafe" is not)."""
    holders = [noun] + ([noun.head] if noun.dep_ in ("dobj", "attr", "nsubjpass") else [])
    return any(c.dep_ == "prep" and c.lower_ in ("with", "for") for h in holders for c in h.children)


def nominal_mention(noun: Token, category: str, lexicon: Lexicon, index) -> bool:
    """An act named only by a noun, with no verb of its own that reports it done ("its invasion of
    Iraq", "the United States' killing of X", "his support for the movement", "an AU summit"): the
    annotators code an act a clause reports; the noun refers to it. Reported are: a noun that a verb
    of occurring has as subject ("clashes broke out", "talks took place"), the role a verb's act gives
    ("held civilians as human shields", unless the verb only judges: "saw the vote as support"), an
    act whose doer a by-phrase names, as a passive's agent would ("attacks by Hamas"), and an act
    whose parties the noun names ("fighting between X and Y", "talks with Iran")."""
    first = first_conjunct(noun)
    if first.dep_ in _SUBJECTS and first.head.lemma_.lower() in lexicon.occurrence_verbs:
        return False
    if first.dep_ == "pobj" and first.head.lower_ == "as":
        verb = first.head.head.head if first.head.head.dep_ == "dobj" else first.head.head
        if verb.pos_ == "VERB" and verb.lemma_.lower() not in lexicon.judging_verbs:
            return False  # "held them as human shields": the role the verb's act gives them
    preps = party_preps(category) | {"by"}
    if any(has_actor(p, index) for p in agents.organisers(noun)):
        return False  # "a general strike called by the labour federation": held by a named party
    return not any(c.dep_ == "prep" and c.lower_ in preps and has_actor(c, index) for c in noun.children)


def adjective_modifier(noun: Token) -> bool:
    """"battle ready", "war-weary", "war-torn Syria": the event noun qualifies an adjective or a
    participle modifier, it names no act."""
    head = noun.head
    if noun.dep_ in ("npadvmod", "compound", "nmod"):
        if head.pos_ == "ADJ" or (head.tag_ == "VBN" and head.dep_ == "amod"):
            return True
    # "fully battle ready": the parser may hang the adjective after the noun on it instead
    return any(c.dep_ == "amod" and c.pos_ == "ADJ" and c.i == noun.i + 1 for c in noun.children)


def statement_occasion(noun: Token) -> bool:
    """"announced the change in a rally", "said at a news conference": the event noun is where a
    statement was made; the statement is the act reported (PLOVER codes the speaker's words)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in _OCCASION_PREPS:
        return False
    if prep.head.ent_type_ in _AMOUNTS or prep.head.like_num:
        return False  # "announced $500 million in military aid": the amount is of the act announced
    said = prep.head.head if prep.head.dep_ == "dobj" else prep.head  # "announced the decision in a rally"
    return said.pos_ in ("VERB", "AUX") and said.lemma_.lower() in load_modality_cues().reporting_verbs


def agentless_topic(noun: Token, lexicon: Lexicon, index) -> bool:
    """An event noun that undergoes the clause and names no doer ("the rally was visited by
    thousands", "the protest was watched on television"): the act is what the clause is about,
    reported (if at all) elsewhere. Verbs that run or report it ("the summit was chaired by X",
    "talks were held") keep it; an active subject ("sanctions crippled the economy") is left alone."""
    if noun.dep_ != "nsubjpass":
        return False
    verb = noun.head
    entry = lexicon.verbs.get(verb.lemma_.lower())
    if verb.lemma_.lower() in lexicon.occurrence_verbs or (entry is not None and entry.role == "light"):
        return False
    return not any(has_actor(c, index) for c in _doer_slots(noun))


def _doer_slots(noun: Token) -> list[Token]:
    """Where an event noun names its doer: "Russia's attack", "Iranian strikes", "attacks by
    Hamas", "talks between Iran and the EU" (not "an attack on the base": that is the target)."""
    slots = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
    return slots + [c for c in noun.children if c.dep_ == "prep" and c.lower_ in _DOER_PREPS]


# ---------------------------------------------------------------------- clause structure


def clause_verb(token: Token) -> Token:
    """The first verb of a row of conjoined verbs ("forbids X and requires Y" → forbids): the one
    that carries the shared subject."""
    for _ in range(6):
        if token.dep_ != "conj" or token.head.pos_ not in ("VERB", "AUX") or token.head.i == token.i:
            break
        token = token.head
    return token


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb (shared with conjoined verbs); for a relative clause whose subject is
    the relative pronoun, the noun the clause describes ("a law that bans protests" → law)."""
    verb = clause_verb(verb)
    subj = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subj is not None and subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
        return verb.head
    if subj is None and verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return subj


@lru_cache(maxsize=1)
def _raising_frames() -> frozenset[str]:
    """Verbs whose infinitive says when or how likely, not what for ("is set to", "is expected to")."""
    cues = load_modality_cues()
    return cues.future_frames | cues.hypothetical_frames


def _is_actor(token: Token, index) -> bool:
    """A subject that can act: it names an actor ("the Iranian government", "thousands of
    students"), or it is a personal pronoun."""
    return token.lower_ in _PERSONAL or has_actor(token, index)


# ---------------------------------------------------------------------- the contexts


def standing_norm(verb: Token, lexicon: Lexicon) -> bool:
    """The verb's subject is a standing rule ("Thai law forbids ...") rather than a new measure."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    subj = subject_of(verb)
    if subj is None or subj.lemma_.lower() not in lexicon.norm_nouns:
        return False
    return not any(c.dep_ == "amod" and c.lower_ == "new" for c in subj.children)


def capability(token: Token, lexicon: Lexicon) -> bool:
    """The verb is the infinitive of a capability noun ("an inability to fire", "the right to
    veto"), unless the capability is said to be used ("used its power to veto")."""
    verb = clause_verb(token)
    if verb.dep_ not in ("acl", "xcomp", "relcl") or verb.head.pos_ != "NOUN":
        return False
    noun = verb.head
    if noun.lemma_.lower() not in lexicon.capability_nouns:
        return False
    return not (noun.dep_ == "dobj" and noun.head.lemma_.lower() in lexicon.exercise_verbs)


def attempted(token: Token, lexicon: Lexicon) -> bool:
    """The act is the aim of an effort ("his efforts to complete the withdrawal", "a bid to
    secure a ceasefire"): the infinitive of an attempt noun, or that infinitive's object."""
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "dobj":
        token = token.head
    verb = clause_verb(token)
    if verb.dep_ != "acl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return verb.head.lemma_.lower() in lexicon.attempt_nouns


def instrument_subject(verb: Token, lexicon: Lexicon, index) -> bool:
    """An attack verb whose subject is a weapon, explosion or disaster and names no actor
    ("seventeen rockets struck near the base"; "Houthi missiles struck" names the Houthis)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    subj = next((c for c in clause_verb(verb).children if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ == "acl" and verb.tag_ == "VBG":
        subj = verb.head  # "wildfires destroying the Amazon"
    if subj is None or subj.lemma_.lower() not in lexicon.instrument_nouns:
        return False
    return not any(t.i in index for c in _doer_slots(subj) for t in c.subtree)


def thing_agent(verb: Token, lexicon: Lexicon, index) -> bool:
    """The doer of the verb is a thing that cannot act politically: a weapon, a disaster, a disease,
    an accident or a vehicle ("the virus killed two visitors", "a collision which killed a rider",
    a named product), or an act named by a noun with no doer of its own ("the emergency would allow
    him to act"; with a verb of occurring or of its effect, "the bombing killed a soldier", the verb
    reports that act): like an
    agentless passive, no actor is said to act."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    agent = next((p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
    if agent is None and not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        # its own subject first: "the attacks are our right, and we warn ..." ("we" warns)
        own = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in _RELATIVE), None)
        agent = own if own is not None else subject_of(verb)
    if agent is None or agent.pos_ not in ("NOUN", "PROPN") or agent.i in index \
            or agent.lemma_.lower() in load_cues().person_nouns:  # "investigators detained him": people
        return False
    # an act's noun as subject of a verb of occurring or of its effect ("the bombing killed a soldier")
    # reports that act: the verb codes it
    thing = agent.lemma_.lower() in lexicon.instrument_nouns or agent.ent_type_ in _THING_ENTS or (
        agent.lemma_.lower() in lexicon.nouns and not agent.ent_type_
        and verb.lemma_.lower() not in lexicon.occurrence_verbs)
    return thing and not any(t.i in index for c in _doer_slots(agent) for t in c.subtree)


def purpose_of_thing(token: Token, index) -> bool:
    """An infinitive of purpose whose doer is no actor: "the summit was convened to sign ...",
    "red notices are issued to ask ...". With a "by" agent, the agent is the doer."""
    verb = clause_verb(token)
    if verb.dep_ not in ("advcl", "xcomp") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    gov = verb.head
    if gov.pos_ not in ("VERB", "AUX") or gov.lemma_.lower() in _raising_frames():
        return False  # "the warnings are set to expire": a time frame, no purpose
    if verb.dep_ == "xcomp" and not any(c.dep_ == "auxpass" for c in gov.children):
        return False  # an active verb's infinitive is its complement ("wants to"), not a purpose
    agent = next((p for c in gov.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
    doer = agent if agent is not None else subject_of(gov)
    return doer is not None and doer.pos_ in ("NOUN", "PROPN", "PRON") and not _is_actor(doer, index)


def purpose(token: Token, lexicon: Lexicon) -> bool:
    """An infinitive of purpose ("remained in Iraq to prevent ISIS from returning", "took action to
    allow the team in", "rallied to protest the war"): what the doer means to achieve by the act the
    clause reports, not a second act reported done. Sending or going somewhere to do it ("sent a
    team to investigate the accident") starts the act itself, and stays."""
    verb = clause_verb(token)
    if verb.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return verb.head.lemma_.lower() not in lexicon.motion_verbs


_VOICED = frozenset({"REQUEST", "ACCUSE", "SUPPORT", "REJECT"})


def voiced_by_protest(token: Token, category: str, lexicon: Lexicon) -> bool:
    """"Thousands rallied in Niamey to demand the departure of French troops", "began a hunger strike
    to press the government": a protest is how its demand (or its backing, or its rejection) is
    made, so the purpose of a protest that is a speech act is made by protesting."""
    if category not in _VOICED:
        return False
    head = clause_verb(token).head
    entry = lexicon.verbs.get(head.lemma_.lower())
    if entry is not None and entry.category == "PROTEST":
        return True  # "rallied to demand"
    objects = [c for c in head.children if c.dep_ in ("dobj", "pobj")]
    objects += [p for c in head.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    return any(getattr(lexicon.nouns.get(o.lemma_.lower()), "category", None) == "PROTEST" for o in objects)


def helped_act(verb: Token, lexicon: Lexicon) -> bool:
    """"he helped negotiate the deal", "help protect the forest": help with an act, no one named as
    helped, is taking part in that act (coded at its own verb), not aid to anyone."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon.catenative_verbs:
        return False
    if any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False  # "helped Iraq fight ISIS": Iraq is aided
    # "helped Ukraine defend its cities": the complement's own subject is the one helped
    return any(c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB" and not any(g.dep_ == "nsubj" for g in c.children)
               for c in verb.children)


def requested_act(token: Token, lexicon: Lexicon) -> bool:
    """The verb is in the complement of a request, threat or promise that coded another word
    ("asked them to find and arrest him", "ordered that the army protect the churches"): what is
    asked for, threatened or promised did not happen here."""
    verb = clause_verb(token)
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children):
        return False  # "a deal mediated by Oman": who brought the deal about, not what it promises
    if (verb.dep_ in ("acl", "ccomp") or (verb.dep_ == "relcl" and infinitive)) and verb.head.pos_ == "NOUN":
        # "their demand that the government release the prisoners", "the threat to invade": the
        # content of a demand, threat or promise named by a noun
        lemma = verb.head.lemma_.lower()
        entry = lexicon.nouns.get(lemma)  # "a resolution to expel US troops": what a text proposes
        return lemma in lexicon.proposal_nouns or (entry is not None and entry.category in _PLEDGES)
    if verb.dep_ not in ("xcomp", "ccomp"):
        return False
    entry = lexicon.verbs.get(verb.head.lemma_.lower())
    return entry is not None and entry.role in _FRAME_ROLES \
        and not (entry.role == "request" and reports_a_stance(verb.head))  # "insisted they had not ..."


def reduced_relative(verb: Token) -> bool:
    """"political prisoners arrested during the campaign": a past participle after a noun, with
    no "by" agent, describes the noun (who they are), it does not report the arrest."""
    return verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") \
        and not any(c.dep_ in ("agent", "auxpass", "nsubjpass") for c in verb.children) \
        and not headline_predicate(verb)


def same_act(verb: Token, category: str, lexicon: Lexicon, index) -> bool:
    """"lashed out at the mayor, accusing her of ...": a participle with no subject of its own that
    elaborates a verb of the same category, which already names whom it is aimed at, describes
    that one act again ("criticized the move, accusing Japan of ..." names Japan only there)."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp") or any(c.dep_ in _SUBJECTS for c in verb.children):
        return False
    head = verb.head
    if not any(t.i in index for c in head.children if c.dep_ in _OBJECTS for t in c.subtree):
        return False
    lemma = head.lemma_.lower()
    entry = lexicon.verbs.get(lemma)
    if entry is not None and entry.category == category and entry.role == "event":
        return True
    return any(p.tokens[0] == lemma and p.entry.category == category for p in lexicon.phrases)


def proposal_content(verb: Token, lexicon: Lexicon) -> bool:
    """"Their demands included dissolving parliament", "the proposal includes withdrawing troops":
    a gerund listed as what a demand, deal or plan contains is proposed, not done."""
    verb = clause_verb(verb)
    if verb.tag_ != "VBG" or verb.dep_ not in ("xcomp", "dobj", "ccomp"):
        return False
    subj = subject_of(verb.head)
    if subj is None:
        return False
    lemma = subj.lemma_.lower()
    entry = lexicon.nouns.get(lemma)
    return lemma in lexicon.document_nouns or (entry is not None and entry.category in _PROPOSALS)


def question(verb: Token, lexicon: Lexicon) -> bool:
    """"asked Trump about it", "asked whether ...": "ask" without an infinitive, a "for" phrase or
    a that-clause asks a question; a request asks *for* something or asks someone *to* act."""
    if verb.lemma_.lower() != "ask":
        return False
    for child in verb.children:
        if child.dep_ == "xcomp" or (child.dep_ == "prep" and child.lower_ == "for"):
            return False
        if child.dep_ == "dobj" and child.lemma_.lower() in lexicon.nouns:
            return False  # "asking help from the army": what is asked for
        if child.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children):
            return False
    return True


def aim(verb: Token, lexicon: Lexicon) -> bool:
    """"a referendum seeking to create a region", "the agreement seeks to remove tariffs": "seek"
    with an infinitive is trying, not asking anyone; with no act of PLOVER's in the infinitive
    ("seeking to deepen a partnership" is an intention to cooperate, ``event_senses.aims``), the
    aim is no event."""
    if not aims(verb, lexicon):
        return False
    xcomp = next(c for c in verb.children if c.dep_ == "xcomp")
    return not any(_names_act(t, lexicon) for t in xcomp.subtree)


def _names_act(token: Token, lexicon: Lexicon) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX"):
        entry = lexicon.verbs.get(lemma)
    else:
        entry = lexicon.nouns.get(lemma) if token.pos_ == "NOUN" else None
    return entry is not None and entry.category is not None and entry.role == "event"


def no_comment(verb: Token, lexicon: Lexicon) -> bool:
    """"declined to comment (on the report)", "refused to say": the refused act is only speaking;
    "refused to respond to a demand" still rejects the demand."""
    for xcomp in (c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in lexicon.comment_verbs):
        if not any(_says_something(c) for c in xcomp.children):
            return True
    return False


def _says_something(child: Token) -> bool:
    """A complement of a speech verb beyond its topic ("respond to a demand", "say that ..."); an
    indirect question ("declined to say whether ...") is only the topic."""
    if child.dep_ == "ccomp" and any(t.lower_ in _QUESTION_WORDS for t in child.children):
        return False
    if child.dep_ in ("dobj", "ccomp", "xcomp", "dative"):
        return True
    return child.dep_ == "prep" and child.lower_ not in _COMMENT_TOPICS


def _themes(verb: Token) -> list[Token]:
    """What the verb acts on: its object, or the subject of its passive."""
    themes = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not themes and verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl", "amod"):
        themes = [verb.head]  # "the disease first recognized in Wuhan"
    return themes


def theme_fits(verb: Token, lexicon: Lexicon, index, category: str | None) -> bool:
    """Whether the verb's theme allows its PLOVER reading: a release frees captives, not a
    publication ("released a statement"); recognition, visits and receiving act on an actor,
    a place or a political status ("recognized the disease", "the rally was visited" do not)."""
    if verb.pos_ in ("NOUN", "PROPN") and verb.lemma_.lower() in _RELEASES and category == "RETREAT":
        # "announced the release of its new software": the noun frees what its "of" names
        freed = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                 if o.dep_ == "pobj"]
        return not freed or any(_freed(t, lexicon, index) for t in freed)
    if verb.pos_ not in ("VERB", "AUX"):
        return True
    lemma, themes = verb.lemma_.lower(), _themes(verb)
    if not themes:
        # "she returned to the US" is a movement, "he recalled that ..." a memory: PLOVER's reading
        # returns or recalls someone or something
        return lemma not in lexicon.theme_verbs
    papers = all(t.lemma_.lower() in lexicon.communication_nouns for t in themes)
    if lemma in _RELEASES and category == "RETREAT":  # "exchanged emails", "released a new laptop": nobody freed
        return not papers and any(_freed(t, lexicon, index) for t in themes)
    if lemma in lexicon.theme_verbs:  # "the film recalls the bombing": an act is remembered, not recalled
        return not all(_names_an_act(t, lexicon) for t in themes)
    if category == "ASSAULT" and all(t.lemma_.lower() in lexicon.proposal_nouns for t in themes) \
            and any(c.dep_ in ("prep", "prt") and c.lower_ == "through" for c in verb.children):
        return False  # "rammed the bill through parliament": a law pushed through, no one hit
    if lemma not in lexicon.actor_theme_verbs:
        return True
    if category == "AID" and all(lexicon.is_item(contents(t, lexicon).lemma_.lower()) for t in themes):
        return True  # "received F-16 jets from Denmark": goods are what aid hands over
    return not papers and any(_actor_or_status(t, lexicon, index) for t in themes)


_PEOPLE_ENTITIES = frozenset({"PERSON", "NORP", "GPE"})
_RELEASES = frozenset({"release", "free", "exchange", "swap"})  # PLOVER RETREAT release: people or assets freed


def _freed(theme: Token, lexicon: Lexicon, index) -> bool:
    """What a release frees: people (a pronoun, a name, a person or group noun, a number of them),
    captives, forces, an actor, or assets and vessels; not a product or figures ("released a new
    laptop", "released unemployment figures")."""
    if theme.lower_ in _PERSONAL or theme.lower_ in _RELATIVE or theme.pos_ == "NUM":
        return True
    cues, registry = load_cues(), load_registry()
    words = [theme, *theme.conjuncts]  # "a volunteer and a Japanese citizen"
    modifiers = [t for w in words for t in w.subtree if t.dep_ in ("amod", "compound", "nmod", "appos")]
    if any(_placed_someone(t, index) or t.ent_type_ in ("PERSON", "NORP") for t in [*words, *modifiers]):
        return True  # "the two Kenyan pilots", "the Colombian Sergeant Pablo Emilio Moncayo"
    return any(t.ent_type_ in _PEOPLE_ENTITIES or t.lemma_.lower() in cues.person_nouns
               or t.lemma_.lower() in cues.group_nouns or registry.sector_term(t.lemma_.lower())
               or t.lemma_.lower() in lexicon.captive_nouns or t.lemma_.lower() in lexicon.troop_nouns
               or t.lemma_.lower() in lexicon.release_objects for t in words)


def _placed_someone(token: Token, index) -> bool:
    """A mention of a known actor or a placed group ("Kenyan"), not a bare name the registry does
    not know ("MacBook Air") nor a company's product."""
    mention = index.get(token.i)  # a company's thing ("Apple's iLife software suite", BUS) is no one
    return mention is not None and bool(mention.actor.country or mention.actor.sector) and mention.actor.sector != "BUS"


def _names_an_act(noun: Token, lexicon: Lexicon) -> bool:
    """An event noun that is an act by itself ("bombing", "aid"), not a thing supplied ("weapons")."""
    entry = lexicon.nouns.get(noun.lemma_.lower())
    return entry is not None and entry.standalone


def _actor_or_status(theme: Token, lexicon: Lexicon, index) -> bool:
    if theme.lower_ in _PERSONAL or theme.lower_ in _RELATIVE:
        return True  # "which Turkey does not recognize": the antecedent decides; keep the reading
    if theme.lemma_.lower() in lexicon.status_nouns:
        return True
    if _names_an_act(theme, lexicon):
        return False  # "visited the bombing site's memorial", "received aid": an act, not an actor
    # the theme's own words: "received his education in India" receives no one ("his" is the
    # receiver, India the place); "visited Iran's capital", "received a mission from the OSCE" do
    words = [theme] + [t for c in theme.children if c.dep_ in ("compound", "amod", "nmod", "appos", "conj")
                       or (c.dep_ == "poss" and c.pos_ != "PRON") or (c.dep_ == "prep" and c.lower_ in ("of", "from"))
                       for t in c.subtree]
    return any(t.i in index or t.ent_type_ in _PLACES for t in words)
