"""Modality and negation of a relation statement, read as for events (``dyad.nlp.modality``).

``statement_modality(cue, negated, attributed, lex, cues)`` returns ``(negated, modality)`` for
the tie named at ``cue``: "would sign a pact" is hypothetical, "will sign" future, "is reported
to supply" or anything attributed reported, "denied supplying" denied (and so negated);
``according_to(sent)`` names the source a sentence gives itself ("according to X"); who says the
words a tie is stated in is ``dyad.nlp.attribution.reporting_speaker``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dyad.models import Modality, is_negated
from dyad.nlp import modality as mod
from dyad.ontology.plover import ModalityCues
from dyad.ontology.relations import RelationLexicon

_SUBJECTS = ("nsubj", "nsubjpass")


def _cue_clause(cue: Token, cues: ModalityCues) -> list[Token]:
    """The clause chain of a cue as ``dyad.nlp.modality`` reads it; a cue that is the clause's
    subject ("a defence pact would be signed") continues into its verb, where "would" hangs."""
    chain = mod.clause_chain(cue)
    top = chain[-1]
    if top.dep_ in _SUBJECTS and top.head.i != top.i:
        chain += [t for t in mod.clause_chain(top.head) if t not in chain]
    return _below_embedder(chain, cues)


def _below_embedder(chain: list[Token], cues: ModalityCues) -> list[Token]:
    """The chain up to a verb of saying or denial it climbed into through an open complement
    ("denied supplying drones"): that verb embeds the tie, it is not part of its clause."""
    embedding = cues.denial_verbs | cues.reporting_verbs
    for k, token in enumerate(chain[1:], start=1):
        if token.lemma_.lower() in embedding and token.pos_ == "VERB":
            return chain[:k]
    return chain


def _raised_report(chain: list[Token], lex: RelationLexicon) -> bool:
    """"X is reported (said, believed) to supply drones": a passive verb of saying above the tie
    through its infinitive. (``dyad.nlp.modality`` reads reports only from active embedders.)"""
    for token in chain:
        head = token.head
        if token.dep_ == "xcomp" and head.lemma_.lower() in lex.get("report_verbs") and any(
                c.dep_ == "auxpass" for c in head.children):
            return True
    return False


def statement_modality(cue: Token, negated: bool, attributed: str | None, lex: RelationLexicon,
                       cues: ModalityCues) -> tuple[bool, Modality]:
    """(negated, modality) as for events: "would sign a pact" is hypothetical, "is reported to
    supply" and anything attributed is reported, "denied supplying" is denied and so negated."""
    chain = _cue_clause(cue, cues)
    negated = negated or mod.is_negated(chain, [], cues)
    modality = mod.modality_of(chain, negated, cues)
    if modality == "asserted" and (attributed or _raised_report(chain, lex)):
        modality = "reported"
    return is_negated(negated, modality), modality


def according_to(sent: Span) -> str | None:
    """"According to X, ...": the source a sentence names for itself."""
    for tok in sent:
        to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None) if (
            tok.lower_ == "according") else None
        obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if obj is not None:
            return " ".join(t.text for t in obj.subtree)
    return None
