"""What kind of speaker a quote has: a registry actor, a person, a group of people or a body, a
document or medium, or something else.

The quote finder follows PolNeAR, whose attributions include findings and stances of things
("The overly smooth skin suggests the video was AI-generated", "the unrest questions the survival
of the regime"). They stay in the store, as the attribution eval counts them, but a reader asking
"who said what" wants people, bodies and their documents: the kind lets a view leave the rest out.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.models import ActorRef
from dyad.ontology.cues import CueLexicon

KINDS = ("actor", "person", "group", "source", "other")
_PEOPLE_ENTITIES = ("ORG", "NORP", "GPE", "FAC")


def speaker_kind(head: Token | None, speaker: ActorRef | None, lex: CueLexicon) -> str | None:
    """The kind of the speaker whose head token is ``head`` (for a pronoun: the head of the phrase
    it stands for), given the actor it resolved to; None when the quote has no speaker."""
    if head is None:
        return "actor" if speaker is not None and speaker.id else None
    if speaker is not None and speaker.id:
        return "actor"
    lemma, lower = head.lemma_.lower(), head.lower_
    if head.ent_type_ == "PERSON" or lemma in lex.person_nouns or lower in lex.person_pronouns | {"i"}:
        return "person"
    if lemma in lex.source_nouns or lower in lex.source_nouns:
        return "source"
    if (head.ent_type_ in _PEOPLE_ENTITIES or lower in lex.group_pronouns | {"we"} or lemma in lex.group_nouns
            or lower in lex.group_nouns or (speaker is not None and (speaker.country or speaker.sector))):
        return "group"
    if head.tag_ in ("NNP", "NNPS"):  # an unknown name: a person or a body the NER did not type
        return "person" if head.tag_ == "NNP" else "group"
    return "other"
