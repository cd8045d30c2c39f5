"""Targets (and a speaker) an event's own phrase does not name: the purpose or condition of
the act, the addressee of an obligation, a supply's one partner. Used by ``dyad.nlp.events``
through ``dyad.nlp.event_actors`` (moved out of it to keep that module small)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from dyad.models import ActorRef
from dyad.nlp import event_senses as senses
from dyad.nlp import modality as mod
from dyad.nlp.event_actors import _infinitival, actors_of, nearby_target, ref, side_key, subject_of
from dyad.ontology.plover import load_lexicon, load_plover


def purpose_targets(holders: list[Token], index, sources: list[ActorRef], cooperative: bool | None) -> list[ActorRef]:
    """No target in the event's own phrase: the one its purpose clause names ("blocked a road
    to show their disapproval of US policies", "to help defend Saudi Arabia"); not the enemy of
    a cooperative act ("sent troops to fight rebels": the rebels receive nothing)."""
    for holder in holders:
        for head in mod.clause_chain(holder):
            for child in head.children:
                if child.dep_ in ("advcl", "xcomp") and _infinitival(child) and child.i not in {h.i for h in holders}:
                    if _opposed(child, cooperative):
                        continue
                    subject = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                    if subject is not None:  # "called for Britain to stay": Britain is asked
                        found = [a for a in actors_of(subject, index) if a.country]
                    else:
                        found = nearby_target([child] + _open_complements(child), index, sources)
                    if found:
                        return found
    return []


def _opposed(verb: Token, cooperative: bool | None) -> bool:
    """Whether a clause verb codes an event of the other kind (conflict under cooperation);
    ``cooperative`` None: any kind is the act's purpose."""
    if cooperative is None:
        return False
    entry = load_lexicon().verbs.get(verb.lemma_.lower())
    if entry is None or entry.category is None:
        return False
    return load_plover().category(entry.category).cooperative != cooperative


def _open_complements(verb: Token) -> list[Token]:
    """"help defend X": the chain of open complements under a verb."""
    out, tok = [], verb
    for _ in range(3):
        tok = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        if tok is None:
            break
        out.append(tok)
    return out


def condition_targets(holders: list[Token], index, sources: list[ActorRef]) -> list[ActorRef]:
    """"threatened to strike unless Israel rescinded the annexation", "warned that Pyongyang
    would act if activists kept floating leaflets": a threat is aimed at whoever must meet its
    condition, the subject of the "unless" or "if" clause (of the threat or of what it says)."""
    own = {side_key(s) for s in sources}
    for holder in holders:
        heads = mod.clause_chain(holder)
        heads += [c for h in heads for c in h.children if c.dep_ in ("ccomp", "xcomp")]  # "warned that X would ..."
        for head in heads:
            for child in head.children:
                if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in child.children):
                    subjects = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
                    found = [a for c in subjects for a in actors_of(c, index) if side_key(a) not in own]
                    if found:
                        return found
    return []


def addressee_of(chain: list[Token], index) -> list[ActorRef]:
    """"issued a reminder to Iraq that it must cooperate": who an obligation is addressed to."""
    for _dep, gov in mod.embedders(chain[-1], limit=3):
        for tok in (gov, gov.head):
            for child in tok.children:
                if child.dep_ in ("dative", "iobj"):
                    return actors_of(child, index)
                if child.dep_ == "prep" and child.lower_ == "to":
                    found = [a for p in child.children if p.dep_ == "pobj" for a in actors_of(p, index)]
                    if found:
                        return found
    return []


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


def expelled_state(content: Token, index, sources: list[ActorRef]) -> list[ActorRef]:
    """"Rwanda severed relations with Belgium and gave its diplomats 48 hours to leave": a state
    expels another state's envoys, so envoys the coreference gave the expeller ("its") are those of
    the last other state the sentence named before the act."""
    own = {s.country for s in sources}
    for i in range(content.i - 1, content.sent.start - 1, -1):
        m = index.get(i)
        if m is not None and m.via != "coref" and m.actor.country not in own | {None, "IGO"}:
            return [ref(m)]
    return []


def intruder(verb: Token, index, sources: list[ActorRef]) -> list[ActorRef]:
    """"Japan scrambled fighter jets after Chinese bombers flew close to its airspace", "Taiwan
    scrambles jets as Chinese warplanes cross the median line", "scrambled jets to shadow two Chinese
    drones": forces scrambled are aimed at the foreign force the clause names as their cause (the
    first other state named after the verb in its own clause, with its coordinated partners)."""
    own = {s.country for s in sources}
    plover = load_lexicon().plover_country
    clauses = [c for c in verb.children if c.dep_ in ("advcl", "xcomp", "ccomp", "prep") and c.i > verb.i]
    for token in (t for c in clauses for t in c.subtree):
        mention = index.get(token.i)
        if mention is None or not mention.actor.country or mention.actor.country in own \
                or plover(mention.actor.country) == "IGO" \
                or mention.span.root.ent_type_ in ("GPE", "LOC", "FAC") and _placed(mention.span.root):
            continue  # a place ("a plane flying from Athens") is no intruder
        found = actors_of(mention.span.root, index)
        return [a for a in found if a.country and a.country not in own] or [ref(mention)]
    return []


def _placed(root: Token) -> bool:
    return root.dep_ == "pobj" and root.head.lower_ in ("from", "to", "in", "into", "over", "near", "toward",
                                                        "towards", "between", "across", "off", "around")


def referred_act_doer(holders: list[Token], index, sources: list[ActorRef]) -> list[ActorRef]:
    """"... recognised a Palestinian state, a move Israel condemned as a reward for terror", "a court
    sentenced him to five years, and Paris condemned the verdict": a reaction to a noun that refers
    to an act the same sentence reports earlier is aimed at whoever did that act (the subject of
    the nearest clause before it with actors other than the reacting side)."""
    lexicon = load_lexicon()
    own = {side_key(s) for s in sources}
    for holder in holders:
        nouns = [c for c in holder.children if c.dep_ in ("dobj", "nsubjpass")]
        if holder.dep_ == "relcl" or _reduced_relative(holder):
            nouns.append(holder.head)  # "a move Israel condemned", "an act Kyiv called piracy"
        for noun in nouns:
            if not _refers_back(noun, lexicon) or noun.i < holder.sent.start:
                continue
            if any(t.i in index for t in noun.subtree if t.i < noun.i):
                continue  # "Israel's move", "the Chinese decision": the noun names its doer
            if any(c.dep_ in ("acl", "relcl", "prep") and c.i > noun.i and c.i != holder.i and c.lower_ != "as"
                   for c in noun.children):
                continue  # "the ban imposed on SIMI", "the decision to expel": the noun says which act itself
            found = earlier_doer(holder, noun.i, index, own)
            # "Indian missiles hit ..., in what New Delhi called a response": the reacting side's own
            # state is no target; another side of it is ("a decision the group denounced")
            found = [a for a in found if not _same_side(a, sources)]
            if found:
                return found
    return []


def _same_side(actor: ActorRef, sources: list[ActorRef]) -> bool:
    """The same state, or the same sector of it: "India" and "New Delhi", not the army and the
    president it tries to topple, nor a cabinet and the armed group it would disarm."""
    return any(actor.country and s.country == actor.country
               and (not actor.sector or not s.sector or s.sector == actor.sector) for s in sources)


_DEFINITE = frozenset({"the", "this", "that", "these", "those", "such"})


def _refers_back(noun: Token, lexicon) -> bool:
    """"a move", "the verdict", and an event noun made definite ("condemned the launch", "called the
    drills a threat"): it names an act the sentence has told; "what" in "in what Kyiv called piracy"
    is the act of the clause it hangs on."""
    lemma = noun.lemma_.lower()
    if lemma in lexicon.act_reference_nouns or (noun.lower_ == "what" and noun.dep_ == "dobj"):
        return True
    return lemma in lexicon.nouns and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children)


def _reduced_relative(verb: Token) -> bool:
    """"an act Kyiv called piracy": a clause with its own subject on a noun, its object left out."""
    return verb.dep_ == "acl" and verb.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in verb.children)


def responded_to(frame: Token, index, sources: list[ActorRef]) -> list[ActorRef]:
    """"A U.S. drone strike killed Soleimani ..., and Khamenei vowed severe retaliation": a response
    promised answers whoever did the act it names ("to the drills that the US and South Korea
    began", "to Israel's strike"), else the act the sentence reports before it."""
    own = {side_key(s) for s in sources}
    act = senses.responded_act(frame, load_lexicon())
    if act is not None:
        doers = [a for a in act_doers(act, index) if side_key(a) not in own]
        if doers:
            return doers
    return earlier_doer(frame, frame.i, index, own)


def act_doers(noun: Token, index) -> list[ActorRef]:
    """Who did the act a noun names: its owner or modifiers ("Israel's strike", "joint US-South
    Korean drills"), its "by" agent (also a participle's: "held by Japan"), or the subject of the clause that tells it ("the drills that
    the United States and South Korea began")."""
    slots = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
    slots += [o for p in noun.children if p.dep_ in ("prep", "agent") and p.lower_ == "by" for o in p.children
              if o.dep_ == "pobj"]
    slots += [s for c in noun.children if c.dep_ == "relcl" for s in c.children if s.dep_ == "nsubj"]
    slots += [o for c in noun.children if c.dep_ == "acl" for g in c.children if g.dep_ == "agent"
              for o in g.children if o.dep_ == "pobj"]  # "the drills held by Japan"
    return [a for t in slots for a in actors_of(t, index)]


def earlier_doer(holder: Token, before: int, index, own: set) -> list[ActorRef]:
    """Actors other than ``own`` that are the subject of the nearest clause before token ``before``
    in the holder's sentence, skipping the clauses that govern the holder itself."""
    reacting, gov = {holder.i}, holder
    while gov.dep_ in ("xcomp", "ccomp", "pcomp", "prep") and gov.head.i != gov.i and not _what_clause(gov):
        gov = gov.head  # "refused to lift the ban": the frame is the reaction itself
        reacting.add(gov.i)
    for verb in reversed(list(holder.sent[:before - holder.sent.start])):
        if verb.pos_ != "VERB" or verb.dep_ not in ("ROOT", "conj", "ccomp") or verb.i in reacting:
            continue
        found = [a for a in subject_of(verb, index)[0] if side_key(a) not in own]
        if found:
            return found
    return []


def _what_clause(verb: Token) -> bool:
    """"shelled villages in what Yerevan called a provocation": the clause judges the act it hangs on,
    it does not frame it."""
    return verb.dep_ == "pcomp" and any(c.lower_ == "what" for c in verb.children)


def mediation(content: Token, index) -> tuple[list[ActorRef], list[ActorRef]] | None:
    """"agreed to a truce under a deal mediated by Oman", "in a deal brokered by the African Union":
    a mediation named by a participle on what was agreed is the agent's (the mediator's), between
    the parties of the clause that holds it. Returns (mediators, parties), or None."""
    if content.dep_ not in ("acl", "relcl") or content.tag_ != "VBN":
        return None
    mediators = [a for c in content.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"
                 for a in actors_of(o, index)]
    if not mediators:
        return None
    return mediators, _parties_of(content, index, mediators)


def _parties_of(content: Token, index, sources: list[ActorRef]) -> list[ActorRef]:
    verb = content.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # "deal" ← "under" ← "stop" / "agreed"
    own = {side_key(s) for s in sources}
    while True:
        found = [a for a in subject_of(verb, index)[0] if side_key(a) not in own]
        if found or verb.dep_ not in ("xcomp", "advcl", "conj") or verb.head.i == verb.i:
            return found
        verb = verb.head
