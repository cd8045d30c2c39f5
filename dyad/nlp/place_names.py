"""Geographic features named after a state ("the Gulf of Oman", "the South China Sea", "the Sea of
Japan"): the state's name in them is part of a place name, not a party, and an act there happens in
no state."""

from __future__ import annotations

from spacy.tokens import Token

FEATURES = frozenset({"gulf", "sea", "bay", "strait", "straits", "ocean", "lake", "river", "canal", "channel",
                      "peninsula", "sound", "lagoon", "archipelago"})


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
