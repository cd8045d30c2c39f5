"""Geographic features named after a state ("the Gulf of Oman", "the South China Sea", "the Sea of
Japan"): the state's name in them is part of a place name, not a party, and an act there happens in
no state. Likewise texts and formats named after a city ("the Paris climate agreement", "the Minsk
agreements"): the city is where they were made, not a party."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

FEATURES = frozenset({"gulf", "sea", "bay", "strait", "straits", "ocean", "lake", "river", "canal", "channel",
                      "peninsula", "sound", "lagoon", "archipelago"})
# texts and negotiating formats that take the name of the city where they were made
DOCUMENTS = frozenset({"agreement", "accord", "treaty", "pact", "deal", "protocol", "convention", "statute", "declaration",
                       "format", "process", "communique", "communiqué", "memorandum", "charter", "framework",
                       "consensus"})


def names_feature(token: Token) -> bool:
    """A capitalised feature noun: "Gulf" in "the Gulf of Oman", "Sea" in "the Red Sea"."""
    return token.lower_ in FEATURES and token.text[:1].isupper()


def in_feature_name(token: Token) -> bool:
    """"Oman" in "the Gulf of Oman", "China" in "the South China Sea": part of a feature's name
    (its of-phrase or a compound before it)."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
    elif token.dep_ != "compound":
        return False
    return head.i != token.i and names_feature(head)


def in_document_name(token: Token, city: Callable[[str], bool]) -> bool:
    """"Paris" in "the Paris climate agreement", "Minsk" in "the Minsk agreements", "Geneva" in "the
    Geneva Conventions": a city naming a text or a format (``city``: whether a name is a capital or a
    city and no state's name; "the Iran nuclear agreement" still names a party)."""
    return token.dep_ == "compound" and names_text(token.head) and city(token.text)


def names_text(noun: Token) -> bool:
    """A noun naming a text or format, plural included ("the Oslo Accords" keeps "Accords" as its lemma)."""
    lemma = noun.lemma_.lower()
    return lemma in DOCUMENTS or lemma.endswith("s") and lemma[:-1] in DOCUMENTS
