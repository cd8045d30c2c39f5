"""The words that stand for an actor in an event: ``ActorRef.text``.

Used by ``dyad.nlp.event_actors`` (split from it by concern). News-event coders mark a side
as the whole noun phrase that stands for it in the sentence, and so does Dyad:

* with its determiner, modifiers and count ("at least 81 people", "around 20,000 civilians");
* with a title or name in apposition ("the Palestinian president, Mahmoud Abbas"; "Putin,
  President of Russia"), but not a description of a place ("Idlib, Syria's last enclave");
* with the place a group or thing is in ("81 people in Nigeria", "the embassy in Athens"),
  not the place a person is in ("the ambassador in Berlin": often only where they are now);
* what is acted on stands for its owner ("positions of Hezbollah", "Trump's decision",
  "the call of the European Parliament"): the owner is the actor, the phrase its words;
* a count of people with whom it counts ("dozens of supporters of Alexei Navalny").
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.models import ActorRef
from dyad.ontology.plover import load_lexicon

_APPOS_LIMIT = 16  # tokens: an apposition longer than this is a description, not a title
_QUALIFIER_LIMIT = 8  # tokens of "loyal to ..." after a noun


def side_words(token: Token, index, own: ActorRef | None, modified: bool, owner: bool) -> str | None:
    """The words that stand for the one actor a phrase names, as news-event coders mark them:
    "Chinese firms", not "Chinese"; "dozens of supporters of X"; "positions of Hezbollah",
    "Trump's decision" (what is acted on stands for its owner); but "a camp for Congolese
    refugees" names the refugees."""
    if (own is not None or modified) and not _possessed(token, index):
        return actor_words(token, index)
    if own is None and counted(token):
        return group_words(token)  # "dozens of supporters of X", "hundreds of troops"
    if own is None and owner and token.pos_ == "NOUN":
        return token.doc[_phrase_tokens(token)[0].i:max(_of_end(token, places=True), _actor_end(token, index))].text
    return None


_COUNT_NOUNS = frozenset({"dozen", "hundred", "thousand", "million", "score", "number", "handful", "couple"})


def counted(token: Token) -> bool:
    """"dozens of protesters", "some 300 of the soldiers": a count whose "of" names who is counted."""
    counted = token.ent_type_ == "CARDINAL" or token.like_num or token.lemma_.lower() in _COUNT_NOUNS
    return counted and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def group_words(token: Token) -> str:
    """The words of a noun phrase with its "of" phrases ("dozens of supporters of Alexei
    Navalny"), not a clause or a place that describes them."""
    return token.doc[_phrase_tokens(token)[0].i:_of_end(token, places=True)].text


def _of_end(token: Token, depth: int = 0, places: bool = False) -> int:
    """The end of a noun phrase with its chain of "of" phrases; ``places``: and the place "in"
    which the last of them is ("bases of government forces in Hama province")."""
    end = _phrase_tokens(token)[-1].i + 1
    for prep in token.children:
        if prep.dep_ != "prep" or prep.i != end or depth >= 3:
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is not None and prep.lower_ == "of":
            end = _of_end(pobj, depth + 1, places)
        elif pobj is not None and places and prep.lower_ == "in" and pobj.ent_type_ in ("GPE", "LOC", "FAC"):
            end = pobj.right_edge.i + 1 if pobj.right_edge.i - token.i < 8 else end
    return end


def _possessed(token: Token, index) -> bool:
    """"Iran's aid", "Washington's actions": the possessor is the actor, not the whole phrase."""
    return any(c.dep_ == "poss" and any(t.i in index for t in c.subtree) for c in token.children)


_PHRASE_DEPS = {"det", "amod", "compound", "poss", "nummod", "quantmod", "case", "nmod", "npadvmod", "predet"}


def phrase_text(token: Token) -> str:
    """The words of the noun phrase headed by ``token``, without clauses, preps and conjuncts."""
    keep = _phrase_tokens(token)
    return token.doc[keep[0].i:keep[-1].i + 1].text


def actor_words(token: Token, index) -> str:
    """The words naming the actor headed by ``token``: its noun phrase, widened to the whole
    mention ("the Government" + "of India"), to the place it is said to be from or of
    ("a missionary from Calgary"), or in, for a group or a thing ("81 people in Nigeria", "the
    embassy in Athens"; not a person, often only where they are now: "the ambassador in
    Berlin"), to a title or name in apposition ("the Palestinian president, Mahmoud Abbas")
    and to the acronym that follows it ("(NLC)")."""
    return token.doc[_phrase_tokens(token)[0].i:_actor_end(token, index)].text


def _actor_end(token: Token, index) -> int:
    """Where the words of ``actor_words`` end (exclusive token index)."""
    doc = token.doc
    keep = _phrase_tokens(token)
    start, end = keep[0].i, keep[-1].i + 1
    m = index.get(token.i)
    if m is not None and m.span.start <= token.i < m.span.end and m.via != "coref":
        end = max(end, m.span.end)
    for prep in token.children:
        if prep.dep_ == "prep" and prep.i == end and prep.lower_ in _origin_preps(token):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            placed = pobj is not None and pobj.i in index and index[pobj.i].actor.country
            if placed and pobj.right_edge.i - start < 12 and not any(t.dep_ in ("relcl", "acl") for t in pobj.subtree):
                end = pobj.right_edge.i + 1
    appos = appos_end(token, index)
    end = max(end, appos) if appos is not None else end
    end = max(end, _qualifier_end(token, end))
    end = _closed(doc, start, end)
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and doc[end + 1].text.isupper():
        end += 3
    return end


def _qualifier_end(token: Token, end: int) -> int:
    """"rebels loyal to Riek Machar", "hackers linked to the Iranian government", "militias
    backed by Iran": a short adjective or participle after the noun, with its complement,
    says who the group is."""
    for child in token.children:
        if not token.i < child.i <= end or child.dep_ not in ("amod", "acl") or child.tag_ not in ("JJ", "VBN"):
            continue
        short = child.right_edge.i - child.i <= _QUALIFIER_LIMIT
        if short and any(c.dep_ in ("prep", "agent") for c in child.children) \
                and not any(t.is_punct or t.dep_ in ("relcl", "ccomp", "advcl") for t in child.subtree):
            return child.right_edge.i + 1
    return end


def _closed(doc, start: int, end: int) -> int:
    """Widen ``end`` to the parenthesis the words open ("Communist Party of Nepal (CPN-Maoist")."""
    depth = sum(1 if t.text == "(" else -1 if t.text == ")" else 0 for t in doc[start:end])
    if depth <= 0:
        return end
    close = next((t.i for t in doc[end:min(end + 4, len(doc))] if t.text == ")"), None)
    return close + 1 if close is not None else end


def _origin_preps(head: Token) -> tuple[str, ...]:
    person = head.ent_type_ == "PERSON" or head.lemma_.lower() in load_lexicon().envoy_nouns
    return ("from", "of") if person else ("from", "of", "in")


def _phrase_tokens(token: Token) -> list[Token]:
    keep, stack = [token], [token]
    while stack:
        for child in stack.pop().children:
            if child.dep_ == "npadvmod" and child.ent_type_ in ("DATE", "TIME") and child.i > token.i:
                continue  # "airstrikes this month": when, not who
            if child.dep_ in _PHRASE_DEPS or (child.dep_ == "punct" and child.text == "-") or _count_qualifier(child):
                keep.append(child)
                stack.append(child)
    return sorted(keep, key=lambda t: t.i)


def _count_qualifier(token: Token) -> bool:
    """"at least 81 people", "nearly 2,000 Libyans": the words that qualify a count."""
    return token.dep_ == "advmod" and (token.head.tag_ == "CD" or token.head.dep_ in ("advmod", "quantmod")
                                       and token.head.head.tag_ in ("CD", "RBS", "JJS"))


def appos_end(token: Token, index=None) -> int | None:
    """The end (exclusive token index) of a title or name in apposition to ``token`` when one of
    the two is a person's name and the other a title or description ("the Palestinian
    president, Mahmoud Abbas"; "Putin, President of Russia"); None otherwise. ``index``: the
    mentions by token, which tell a place the tagger took for a person ("Idlib")."""
    for child in token.children:
        if child.dep_ != "appos" or child.i < token.i:
            continue
        # "Ali Kushayb, a Sudanese militia leader charged with ...": the title, not the clause on it
        clauses = [t.left_edge.i for t in child.subtree if t.dep_ in ("relcl", "acl") and t.i > child.i]
        end = min(clauses) if clauses else child.right_edge.i + 1
        while end > child.i + 1 and token.doc[end - 1].is_punct:
            end -= 1
        if end - token.i > _APPOS_LIMIT:
            return None
        person, apposed = _person_name(token, index), _person_name(child, index)
        if person != apposed and (person or _titled(token)):
            return end
    return None


def _person_name(token: Token, index=None) -> bool:
    m = index.get(token.i) if index is not None else None
    if m is not None and m.via == "registry" and not (m.actor.id or "").startswith("person:"):
        return False  # the registry knows the name as a place or body
    return token.ent_type_ == "PERSON" and token.pos_ == "PROPN"


def _titled(token: Token) -> bool:
    """A common noun or title word heads the phrase ("president", "Ambassador", "inmate")."""
    return token.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL") and (
        token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.ent_type_ == ""))
