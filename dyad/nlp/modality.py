"""Negation and modality of an event, read from the dependency parse.

An event is found at a *content* token (the word that names what happened) and may be
governed by a *frame* token ("stopped short of", "threatened to"). The clause chain is the
content token and the heads above it up to the clause head; the words that negate or
qualify the event hang off that chain. Above the clause head sit the embedders: reporting
verbs ("said"), denials ("denied that", "false claims that", "no evidence that").

Negation and modality are decided here, once, so that a negated or denied statement can
never come out of the coder as a plain positive event.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dyad.models import Modality
from dyad.nlp.types import doc_text
from dyad.ontology.plover import ModalityCues

# Dependencies that stay inside one clause when climbing from a word to its clause head.
_IN_CLAUSE = {"xcomp", "pcomp", "pobj", "dobj", "prep", "acomp", "oprd", "compound", "amod", "nmod", "agent",
              "dative", "attr", "npadvmod", "advmod"}
_MODALS_HYPO = {"would", "could", "might", "may", "should", "can"}
_MAX_CLIMB = 8


def clause_chain(token: Token, stop: Token | None = None) -> list[Token]:
    """``token`` and its heads while they stay in the same clause (or until ``stop``)."""
    chain = [token]
    while len(chain) < _MAX_CLIMB and token.dep_ in _IN_CLAUSE and token.head.i != token.i:
        if stop is not None and token.i == stop.i:
            break
        token = token.head
        chain.append(token)
    return chain


def embedders(head: Token, limit: int = 4) -> list[tuple[str, Token]]:
    """(dependency by which we hang, governing token) pairs above a clause head."""
    found = []
    token = head
    while token.head.i != token.i and len(found) < limit:
        found.append((token.dep_, token.head))
        token = token.head
    return found


def _negating_child(token: Token, cues: ModalityCues) -> bool:
    for child in token.children:
        if child.dep_ == "neg":
            return True
        if child.lower_ in cues.negation_words and child.dep_ in ("advmod", "det", "preconj", "cc"):
            if child.dep_ == "cc" and child.lower_ != "neither":
                continue
            return True
    return False


def _negating_subject(token: Token, cues: ModalityCues) -> bool:
    """"None of these countries came", "No country sent" negate the event."""
    for child in token.children:
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if child.lower_ in cues.negating_quantifiers:
            return True
        if any(g.dep_ == "det" and g.lower_ in cues.negating_quantifiers for g in child.children):
            return True
    return False


def _under_negating_noun(token: Token, cues: ModalityCues) -> bool:
    """"the lack of support for", "their failure to deliver aid": a noun that says it did not happen."""
    if token.dep_ == "conj" and token.head.dep_ in ("pobj", "pcomp"):
        token = token.head  # "no role in planning or supplying": the first conjunct carries the phrase
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        return token.head.head.lemma_.lower() in cues.negating_nouns
    if token.dep_ in ("acl", "xcomp"):
        return token.head.lemma_.lower() in cues.negating_nouns or _no_before(token.head, cues)
    # "no intention of sending", "no role in supplying" (also a gerund tagged as a noun: "no role in planning")
    if token.head.dep_ == "prep" and (token.dep_ == "pcomp" or token.dep_ == "pobj" and token.lower_.endswith("ing")):
        return _no_before(token.head.head, cues)
    return False


def _no_before(noun: Token, cues: ModalityCues) -> bool:
    """"has no plans to send weapons", "no intention of withdrawing": a noun whose act is ruled out."""
    return noun.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in cues.negating_quantifiers for c in noun.children)


def is_negated(chain: list[Token], objects: list[Token], cues: ModalityCues) -> bool:
    """True when a word on the clause chain, the subject, or the event's object negates it."""
    for token in chain:
        if _negating_child(token, cues) or _negating_subject(token, cues):
            return True
        if token.dep_ == "pcomp" and token.head.lower_ == "without":
            return True
        if token.dep_ == "pobj" and token.head.lower_ == "without":
            return True
        if _instead(token):
            return True
        if _under_negating_noun(token, cues):
            return True
        if token.dep_ == "conj" and _negated_alternative(token, cues):
            return True
        if token.dep_ == "xcomp" and token.head.lemma_ in ("have", "be") \
                and any(c.lower_ == "yet" and c.dep_ == "advmod" for c in token.head.children):
            return True  # "have yet to withdraw", "is yet to receive": not done so far
    for obj in objects:  # "provided no assistance"
        if any(c.dep_ == "det" and c.lower_ in cues.negating_quantifiers for c in obj.children):
            return True
    return _purpose_of_negated(chain[-1], cues)


def _purpose_of_negated(head: Token, cues: ModalityCues) -> bool:
    """"has not sent a single soldier to fight in Ukraine", "did not travel to Moscow to meet
    Putin": the purpose of an act that was not done is not done either."""
    gov = _purpose_head(head)
    return gov is not None and is_negated(clause_chain(gov), [c for c in gov.children if c.dep_ == "dobj"], cues)


def _purpose_head(head: Token) -> Token | None:
    """The verb a purpose clause hangs on (an infinitive with no subject of its own: "sent
    troops *to fight*"), or None."""
    if head.dep_ != "advcl" or head.head.i == head.i:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children) \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return None
    return head.head


def _negated_alternative(conj: Token, cues: ModalityCues) -> bool:
    """"did not attack or threaten Finland", "will not arm nor train the militia": a verb joined by
    "or"/"nor" to a negated one, with no subject or auxiliary of its own, is negated with it."""
    head = conj.head
    if not any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in [*head.children, *conj.children]):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in conj.children):
        return False  # "Russia did not attack, or Kyiv would have said so": a clause of its own
    return _negating_child(head, cues) or _negating_subject(head, cues)


def _instead(token: Token) -> bool:
    """"abstained rather than vetoing", "instead of attacking Israel": the alternative not taken
    (the parser hangs it on "of"/"than", or coordinates it after "rather than")."""
    if token.dep_ in ("pcomp", "pobj") and token.head.lower_ in ("of", "than"):
        return any(c.lower_ in ("instead", "rather") for c in token.head.children)
    if token.dep_ == "conj" and token.i > 1:
        than, rather = token.doc[token.i - 1], token.doc[token.i - 2]
        return than.lower_ == "than" and rather.lower_ == "rather"
    return False


def _starts_with_no(sent: Span) -> bool:
    words = [t for t in sent if not t.is_space]
    return len(words) > 1 and words[0].lower_ == "no" and words[1].text in (",", "!", ".", "—", "-", ":")


def _denial_embedder(dep: str, gov: Token, cues: ModalityCues) -> bool:
    if gov.lemma_.lower() in cues.denial_verbs and dep in ("ccomp", "xcomp"):
        # "X accused Y of Z, a charge Kigali denied": parsed with the accusation as the content of a
        # subjectless "denied" (the denier sits in the appositive); a denial has its denier as subject
        if dep == "ccomp" and any(c.dep_ == "dobj" and c.lemma_.lower() in cues.denial_nouns and c.i < gov.i
                                  for c in gov.children):
            return False  # "X accused Y of Z, a charge Kinshasa denied": the charge is denied, not the accusing
        # "called the reports baseless and denied that ...": a coordinated denial shares its subject
        subjects = [*gov.children, *(gov.head.children if gov.dep_ == "conj" else ())]
        return dep == "xcomp" or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") and c.lemma_.lower() not in cues.denial_nouns
                                     for c in subjects)  # "a charge Asmara denied": the charge denies nothing
    if gov.lemma_.lower() in cues.denial_nouns and dep in ("acl", "ccomp", "relcl", "appos"):
        if gov.dep_ == "dobj" and gov.head.lemma_.lower() in cues.rejecting_verbs:
            return True  # "rejecting a report that hundreds had been rounded up": the content is denied
        return any(c.dep_ == "amod" and c.lower_ in cues.denial_adjectives for c in gov.children)
    if gov.lemma_.lower() in cues.no_evidence_nouns and dep in ("acl", "ccomp", "relcl"):
        return _no_evidence(gov, cues)
    if dep == "ccomp" and gov.pos_ == "ADV" and gov.head.pos_ == "VERB":
        gov = gov.head  # "seen no evidence so far that China had sent": the clause hung on "far"
    if dep == "ccomp" and gov.pos_ in ("VERB", "AUX"):
        # "had seen no evidence so far that ...": the parser hung the clause on the verb whose
        # object is the missing evidence
        return any(c.dep_ == "dobj" and c.lemma_.lower() in cues.no_evidence_nouns and _no_evidence(c, cues)
                   for c in gov.children)
    return False


def _no_evidence(noun: Token, cues: ModalityCues) -> bool:
    return any(c.lower_ in ("no", "little", "scant") for c in noun.children) or _negating_child(noun.head, cues)


def _extraposed_claim(head: Token, cues: ModalityCues) -> str | None:
    """"Misleading claims are circulating that X did Y": the that-clause hangs on the verb, but it is
    the content of the claim noun that is the verb's subject. Returns "denied" when the claim is
    called false, "reported" for any other claim, None when the clause is no claim's content."""
    token = head
    for _ in range(4):
        if token.head.i == token.i:
            return None
        gov = token.head
        if token.dep_ in ("advcl", "ccomp") and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children):
            claim = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")
                          and c.lemma_.lower() in cues.denial_nouns), None)
            if claim is None:
                return None
            debunked = any(c.dep_ == "amod" and c.lower_ in cues.denial_adjectives for c in claim.children)
            return "denied" if debunked else "reported"
        token = gov
    return None


def _content_relcl(head: Token, cues: ModalityCues) -> bool:
    """"the headline that Trump has warned he'll attack Norway": the parser reads the complement
    clause of a content noun as a relative clause with "that" as its object. It is a complement
    when the clause verb has a complement of its own besides that "that"."""
    token = head
    for _ in range(4):
        if token.head.i == token.i:
            return False
        gov = token.head
        if token.dep_ == "relcl" and gov.pos_ == "NOUN" and gov.lemma_.lower() in cues.content_nouns:
            that = [c for c in token.children if c.lower_ == "that" and c.dep_ in ("dobj", "mark")]
            others = [c for c in token.children if c.dep_ in ("ccomp", "xcomp", "dobj") and c.lower_ != "that"]
            return bool(that and others)
        token = gov
    return False


def _reported(pairs: list[tuple[str, Token]], sent: Span, cues: ModalityCues) -> bool:
    for dep, gov in pairs:
        if dep in ("ccomp", "parataxis", "xcomp", "conj") and gov.lemma_.lower() in cues.reporting_verbs:
            return True
        if dep in ("acl", "ccomp", "appos") and gov.pos_ == "NOUN" and gov.lemma_.lower() in cues.content_nouns:
            return True
    # the Doc's cached text: Span.text joins the sentence's tokens again on every call
    return "according to" in doc_text(sent.doc)[sent.start_char:sent.end_char].lower()


def _aux_words(chain: list[Token]) -> set[str]:
    words = set()
    for token in chain:
        for child in token.children:
            if child.dep_ in ("aux", "auxpass", "mark"):
                words.add(child.lower_)
    return words


def _frame_above(chain: list[Token], frames: frozenset[str]) -> bool:
    """"is set to", "plans to" (future); "is considering sending" (hypothetical): a frame verb
    governing the clause chain through an open complement."""
    for token in chain:
        if token.dep_ == "xcomp" and token.head.lemma_.lower() in frames:
            return True
        if token.dep_ == "pcomp" and token.head.lower_ == "on" and token.head.head.lemma_.lower() in frames:
            return True  # "plans on leaving the EU"
        if token.dep_ == "acl" and token.head.pos_ == "NOUN" and token.head.lemma_.lower() in frames:
            return True  # "has plans to send aid", "the aim to reopen embassies"
    return False


def deliberated(chain: list[Token], cues: ModalityCues) -> bool:
    """"is weighing whether to send ATACMS", "is considering sending jets to help Ukraine
    defend its skies", "mulled leaving the bloc": an option under consideration is no act
    (done, promised or threatened) yet; neither is what it would be for."""
    if _frame_above(chain, cues.hypothetical_frames):
        return True
    token = chain[-1]
    for _ in range(6):  # up through complements and purpose clauses to the frame
        if token.head.i == token.i or token.dep_ not in ("xcomp", "ccomp", "advcl"):
            return False
        if token.dep_ == "advcl" and _purpose_head(token) is None:
            return False
        gov = token.head
        if gov.lemma_.lower() in cues.hypothetical_frames and not any(c.dep_ == "auxpass" for c in gov.children):
            # "weighing whether to send", not "is considered the main hurdle"
            return token.dep_ != "ccomp" or any(c.dep_ == "mark" and c.lower_ in ("whether", "if")
                                                 for c in token.children)
        token = gov
    return False


def condition(chain: list[Token]) -> bool:
    """"if the United States attacked", "unless Israel withdraws": the event is a condition."""
    aux = _aux_words(chain)
    for _dep, gov in embedders(chain[-1])[:2]:
        aux |= {c.lower_ for c in gov.children if c.dep_ == "mark"}
    return bool(aux & {"if", "unless"})


def yes_no_question(chain: list[Token]) -> bool:
    """"Did Russia help Iran during the war?", "Will China invade Taiwan?": a question asked about
    an act states none (a headline asking it is often answered "No"). A wh-question ("Why did Russia
    attack?") takes the act as given, and is coded."""
    clause = chain[-1]
    for _ in range(6):  # the clause that holds the question mark: "Has X sent troops to fight for Y?"
        if any(c.dep_ == "punct" and c.text == "?" for c in clause.children):
            return _inverted(clause)
        if clause.head.i == clause.i:
            return False
        clause = clause.head
    return False


def _inverted(verb: Token) -> bool:
    """An auxiliary before the subject and no wh-word first: "Did Russia help ...", "Is Iran ..."."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None or verb.left_edge.tag_ in ("WRB", "WP", "WDT", "WP$"):
        return False
    return any(c.dep_ in ("aux", "auxpass") and c.i < subject.i for c in verb.children) \
        or (verb.pos_ == "AUX" and verb.i < subject.i)


def _possible_noun(token: Token, cues: ModalityCues) -> bool:
    """"a possible war against Iraq": an event noun qualified as only possible; "fears of a wider
    war", "concern over strikes": one only feared."""
    if token.pos_ != "NOUN":
        return False
    if any(c.dep_ == "amod" and c.lower_ in cues.hypothetical_adjectives for c in token.children):
        return True
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ in ("of", "about", "over") and prep.head.pos_ == "NOUN" \
        and prep.head.lemma_.lower() in cues.feeling_nouns


def modality_of(chain: list[Token], negated: bool, cues: ModalityCues, sent: Span | None = None) -> Modality:
    """Denied > hypothetical > future > reported > asserted. ``sent``: the chain's sentence, when
    the caller has it (``Token.sent`` searches for it again)."""
    sent = chain[0].sent if sent is None else sent
    pairs = embedders(chain[-1])
    claim = _extraposed_claim(chain[-1], cues)
    if claim == "denied" or any(_denial_embedder(dep, gov, cues) for dep, gov in pairs):
        return "denied"
    if any(t.dep_ in ("ccomp", "xcomp") and _denial_embedder(t.dep_, t.head, cues) for t in chain[:-1]):
        return "denied"  # "Iran denied sending drones": the denial verb is inside the event's own chain
    if negated and _starts_with_no(sent):
        return "denied"
    aux = _aux_words(chain)
    for _dep, gov in pairs[:2]:  # "if X would...": the mark sits on the clause head's head too
        aux |= {c.lower_ for c in gov.children if c.dep_ == "mark"}
    reported = claim == "reported" or _reported(pairs, sent, cues) or _content_relcl(chain[-1], cues)
    if aux & {"if", "unless", "whether"} or _possible_noun(chain[0], cues):
        return "hypothetical"
    if _frame_above(chain, cues.hypothetical_frames):
        return "hypothetical"
    if aux & cues.future_markers or _frame_above(chain, cues.future_frames):
        return "future"
    if aux & _MODALS_HYPO:
        # "said they would meet": future in indirect speech; "could strike": hypothetical
        return "future" if reported and aux & {"would"} else "hypothetical"
    if reported:
        return "reported"
    return "asserted"
