"""Contexts in which a cue word reports no act, decided from the parse (precision on ordinary news).

PLOVER codes acts that a sentence reports an actor as doing to another. News sentences also
state rules, capabilities and purposes, and describe what weapons or disasters did; a cue word
there is no event. ``not_reported`` names the first such context of a drafted event, or None:

* ``standing_norm``: "International law requires ...", "the constitution prohibits ...": a rule's
  content (a *new* measure is its issuer's act and stays);
* ``capability``: "an inability to fire missiles", "the right to veto": what someone can do;
* ``instrument_subject``: "rockets struck the base", "wildfires destroying the Amazon": a weapon
  or a disaster with no actor named as its user (like the agentless passive "the man was shot");
* ``purpose_of_thing``: "the summit was convened to sign ...", "notices are issued to ask ...":
  the purpose of a thing that is no actor, not an act reported as done;
* ``requested_act``: "asked the police to find and arrest him": the second verb of an asked-for,
  threatened or promised act is as unperformed as the first (the frame codes it);
* ``question``: "asked Trump about it": a question, not a request (REQUEST asks *for* something
  or asks someone *to* act);
* ``aim``: "a referendum seeking to create a region": trying, not asking anyone, and no act;
* ``no_comment``: "declined to comment": a refusal to speak to the press rejects no actor's
  request, demand or proposal (PLOVER REJECT);
* ``theme_sense``: "released a statement" (no captive released), "recognized the disease", "the
  rally was visited" (no actor or territory recognised or visited);
* ``adjective_modifier``: "battle ready", "war-weary": an event noun qualifying an adjective;
* ``goal``: "a step toward greater coordination", "efforts to complete the withdrawal": an aim;
* ``proposal_content``: "their demands included dissolving parliament": what a demand lists;
* ``same_act``: "lashed out at X, accusing her of ...": a participle restating its verb's act;
* ``description``: "prisoners arrested during the campaign": a participle describing a noun;
* ``agentless_topic``: "the rally was visited by thousands": an event noun the clause is about,
  with no doer named (verbs of occurring, "clashes broke out", still report it);
* ``topic``: "said regarding Iran's request": the subject matter of a statement;
* ``occasion``: "announced the change in a rally": where a statement was made.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.nlp.event_senses import aims
from dyad.ontology.plover import Lexicon, load_modality_cues

_PROPOSALS = frozenset({"REQUEST", "AGREE"})  # demands and deals: nouns that list acts to be done
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
_GOAL_PREPS = frozenset({"toward", "towards"})
_PLACES = frozenset({"GPE", "LOC", "FAC", "NORP"})


def not_reported(content: Token, frame: Token | None, category: str, lexicon: Lexicon, index) -> str | None:
    """The name of the context in which the drafted event is no reported act, or None.
    ``content``: the word that names the event; ``frame``: its governing frame word, if any;
    ``index``: token index → actor mention (``event_actors.mention_index``)."""
    outer = frame if frame is not None else content
    if content.pos_ in ("NOUN", "PROPN") and frame is None:
        return _noun_context(content, lexicon, index)
    checks = (
        ("standing_norm", lambda: standing_norm(outer, lexicon)),
        ("capability", lambda: capability(outer, lexicon)),
        ("goal", lambda: attempted(outer, lexicon)),
        ("instrument_subject", lambda: category == "ASSAULT" and instrument_subject(content, lexicon, index)),
        ("purpose_of_thing", lambda: purpose_of_thing(outer, index)),
        ("requested_act", lambda: requested_act(outer, lexicon)),
        ("proposal_content", lambda: proposal_content(outer, lexicon)),
        ("question", lambda: category == "REQUEST" and question(outer, lexicon)),
        ("aim", lambda: aim(outer, lexicon)),
        ("no_comment", lambda: category == "REJECT" and no_comment(outer, lexicon)),
        ("theme_sense", lambda: frame is None and not theme_fits(content, lexicon, index)),
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
    return None


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
    return not any(t.i in index for c in _doer_slots(noun) for t in c.subtree)


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


def _raising_frames() -> frozenset[str]:
    """Verbs whose infinitive says when or how likely, not what for ("is set to", "is expected to")."""
    cues = load_modality_cues()
    return cues.future_frames | cues.hypothetical_frames


def _is_actor(token: Token, index) -> bool:
    """A subject that can act: it names an actor ("the Iranian government", "thousands of
    students"), or it is a personal pronoun."""
    return token.lower_ in _PERSONAL or any(t.i in index for t in token.subtree)


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


def requested_act(token: Token, lexicon: Lexicon) -> bool:
    """The verb is in the complement of a request, threat or promise that coded another word
    ("asked them to find and arrest him", "ordered that the army protect the churches"): what is
    asked for, threatened or promised did not happen here."""
    verb = clause_verb(token)
    if verb.dep_ not in ("xcomp", "ccomp") or verb.pos_ not in ("VERB", "AUX"):
        return False
    entry = lexicon.verbs.get(verb.head.lemma_.lower())
    return entry is not None and entry.role in _FRAME_ROLES


def reduced_relative(verb: Token) -> bool:
    """"political prisoners arrested during the campaign": a past participle after a noun, with
    no "by" agent, describes the noun (who they are), it does not report the arrest."""
    return verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") \
        and not any(c.dep_ in ("agent", "auxpass", "nsubjpass") for c in verb.children)


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


def theme_fits(verb: Token, lexicon: Lexicon, index) -> bool:
    """Whether the verb's theme allows its PLOVER reading: a release frees captives, not a
    publication ("released a statement"); recognition, visits and receiving act on an actor,
    a place or a political status ("recognized the disease", "the rally was visited" do not)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return True
    lemma, themes = verb.lemma_.lower(), _themes(verb)
    if not themes:
        return True
    papers = all(t.lemma_.lower() in lexicon.communication_nouns for t in themes)
    if lemma in ("release", "free"):
        return not papers
    if lemma not in lexicon.actor_theme_verbs:
        return True
    return not papers and any(_actor_or_status(t, lexicon, index) for t in themes)


def _actor_or_status(theme: Token, lexicon: Lexicon, index) -> bool:
    if theme.lower_ in _PERSONAL or theme.lower_ in _RELATIVE:
        return True  # "which Turkey does not recognize": the antecedent decides; keep the reading
    if theme.lemma_.lower() in lexicon.status_nouns:
        return True
    return any(t.i in index or t.ent_type_ in _PLACES for t in theme.subtree)
