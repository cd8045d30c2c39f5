"""Light verbs and supply verbs: which event noun a light verb hands over to ("held talks", "adopted a
package of sanctions"), and whether a supply verb names a recipient ("sold F-16s to Taiwan", "armed the
rebels"). Used by ``dyad.nlp.events`` (moved out of it to keep that module small)."""

from __future__ import annotations

from spacy.tokens import Token


def of_event(noun: Token, triggers, consumed: set[int], lexicon) -> Token:
    """The event noun an of-phrase names inside a noun that only counts or bundles ("a package of
    sanctions", "a new round of talks", "a wave of arrests"): that one codes the event."""
    if noun.lemma_.lower() not in lexicon.container_nouns:
        return noun  # "the withdrawal of its troops": the outer noun is the event
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for inner in prep.children:
                if inner.dep_ == "pobj" and inner.i in triggers and triggers[inner.i][0].category:
                    consumed.add(noun.i)
                    return inner
    return noun


def left_to_light_verb(noun: Token, triggers, consumed) -> bool:
    """The noun is the object or passive subject of a light verb that is still to be drafted."""
    head = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass", "attr", "oprd") or head.i not in triggers or head.i in consumed:
        return False
    verb = triggers[head.i][0]
    return verb.role == "light" and (not verb.accepts or triggers[noun.i][0].category in verb.accepts)


def light_object(verb: Token, triggers, accepts: tuple[str, ...] = (), doer_subject: bool = False,
                 forces: frozenset[str] = frozenset()) -> Token | None:
    """An event noun governed by a light verb: its object, a prepositional object, or their
    conjuncts; a noun modifying a force ("riot police", "strike group") names the force, not an event."""
    objects = ("dobj", "attr", "oprd") if doer_subject else ("dobj", "nsubjpass", "attr", "oprd")
    for child in verb.children:
        if child.dep_ in objects or (child.dep_ == "prep" and child.lower_ in ("in", "of", "with")):
            candidates = [child] + list(child.children) if child.dep_ == "prep" else [child]
            # "700 kg of medicine", "$70 million in aid": the quantity's object is the event noun
            candidates += [p for c in child.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                           for p in c.children if p.dep_ == "pobj"]
            for cand in candidates:
                modifiers = [] if cand.lemma_.lower() in forces else [c for c in cand.children if c.dep_ == "compound"]
                for tok in [cand] + list(cand.conjuncts) + modifiers:
                    if tok.i in triggers and tok.pos_ in ("NOUN", "PROPN"):
                        if not accepts or triggers[tok.i][0].category in accepts:
                            return tok
    return None


def carries_relief(verb: Token, triggers) -> bool:
    """"Qatar flew 30 tonnes of food into Kabul", "UNICEF flew vaccine doses into Apia": flying relief
    somewhere delivers it (AID 073), and so does flying weapons to someone ("had flown weapons to the
    RSF", AID 072); flying drones, jets or patrols is no aid."""
    if verb.lemma_.lower() != "fly" or verb.pos_ != "VERB":
        return False
    noun = light_object(verb, triggers, ("AID",))
    if noun is None:
        return False
    entry = triggers[noun.i][0]
    if entry.mode == "military":
        return any(c.dep_ in ("prep", "dative") and c.lower_ == "to" for t in (verb, noun) for c in t.children)
    return entry.mode == "humanitarian" or entry.standalone


_NAMED = {"GPE", "NORP", "ORG", "PERSON", "LOC"}


def verb_above(token: Token) -> Token:
    """The token itself when a verb, else the nearest verb it hangs from ("sent an aircraft carrier")."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def sent_somewhere(verb: Token) -> bool:
    """"sent X to/into/towards a place": the verb names where its object goes."""
    return any(c.dep_ in ("prep", "dative") and c.lower_ in ("to", "into", "towards", "toward") for c in verb.children) \
        or sent_into(verb)


def sent_into(verb: Token) -> bool:
    """"sent troops into Ukraine", "sent warships into the waters around Taiwan": forces sent into,
    towards or around a place go there themselves; no one there receives them (unlike "to")."""
    holders = [verb] + [o for o in verb.children if o.dep_ == "dobj"]  # the parser often hangs it on the object
    return any(c.dep_ == "prep" and c.lower_ in _INTO_PREPS for h in holders for c in h.children)


_INTO_PREPS = frozenset({"into", "towards", "toward", "around", "near", "off", "across", "over"})


def has_recipient(verb: Token, lexicon, index) -> bool:
    """A supply verb without an event noun still codes its event when it names a recipient
    or partner: "sold F-16s to Taiwan", "gave Kyiv the rockets", "shared evidence with the US",
    "provided Jordan with helicopters" (the object is supplied with what "with" names)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.lemma_.lower() in lexicon.recipient_object_verbs and any(supplied_party(o, index) for o in objects):
        return True  # "armed the rebels", "funded Hamas": the object is who is supplied
    if any(o.ent_type_ in _NAMED for o in objects) and any(
            c.dep_ == "prep" and c.lower_ == "with" and any(p.dep_ == "pobj" and lexicon.is_item(p.lemma_.lower())
                                                           for p in c.children) for c in verb.children):
        return True  # "provided Jordan with helicopters" (not "gave the government until Thursday")
    for child in list(verb.children) + [g for o in objects for g in o.children]:  # "shared evidence with the US"
        if child.dep_ in ("dative", "iobj") and any(t.ent_type_ in _NAMED for t in child.subtree):
            return True
        if child.dep_ == "prep" and child.lower_ in ("to", "for", "with"):
            if any(t.ent_type_ in _NAMED for p in child.children for t in p.subtree):
                return True
    return False


_ARMED_OR_POLICE = frozenset({"MIL", "COP"})


def supplied_party(obj: Token, index) -> bool:
    """An object that is a party supplied rather than a thing sent: a named state, group or
    organisation, or a group such as rebels or separatists ("armed separatists") — not troops
    or police, which are what "sent troops" sends."""
    mention = index.get(obj.i)
    return mention is not None and (mention.actor.sector not in _ARMED_OR_POLICE or obj.ent_type_ in _NAMED)
