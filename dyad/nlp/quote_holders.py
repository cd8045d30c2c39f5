"""Who a quote's speaker is: the actor of the speaker's mention, or for a pronoun speaker
("he said", "they warned") the speaker or named entity it stands for.

A relative pronoun ("an architect who said") stands for its antecedent; he/she stand for the
last person quoted in the paragraph, else the last person named in it outside quotations, else a
person quoted in the previous two paragraphs (no gender lexicon: he = she); they/it likewise for
groups.
The actor comes from ``doc._.mentions`` when the actors stage ran (None is no mentions).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from dyad.models import ActorRef
from dyad.nlp.quote_frames import Frame
from dyad.nlp.quote_marks import paragraph
from dyad.nlp.types import doc_text
from dyad.ontology.cues import CueLexicon


def noun_phrase(token: Token) -> tuple[int, int]:
    """Token range of a speaker: its left modifiers and the head (not appositions or clauses)."""
    right = token.i + 1
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "nummod") and child.i == right:
            right = child.i + 1
    return token.left_edge.i, right


def _mention_actor(doc: Doc, head: int) -> ActorRef | None:
    for mention in doc._.mentions or ():
        if mention.actor is not None and mention.span.start <= head < mention.span.end:
            return mention.actor
    return None


def _titled_person(doc: Doc, head: Token, lex: CueLexicon) -> ActorRef | None:
    """"Chief of General Staff of the Armed Forces Mohammad Bagheri said": the parse makes the
    title the subject and the name its innermost object; the one person named in the title's
    phrase (not in a coordinated one) is the speaker."""
    if head.lemma_.lower() not in lex.person_nouns or head.ent_type_:
        return None
    inside = {t.i for t in head.subtree} - {t.i for c in head.subtree if c.dep_ == "conj" for t in c.subtree}
    people = {m.actor for m in doc._.mentions or () if m.actor is not None and m.actor.id
              and m.actor.id.startswith("person:") and m.span.root.i in inside}
    return people.pop() if len(people) == 1 else None


def _named_before(doc: Doc, head: Token, lex: CueLexicon) -> ActorRef | None:
    """"Yun Soon, a researcher at the institute, believes ...": the parser took the name for
    something else and the description for the subject; the person named just before the
    description's comma is the speaker."""
    start = head.left_edge.i
    if head.lemma_.lower() not in lex.person_nouns or start < 2 or doc[start - 1].text != "," \
            or doc[start].lower_ not in ("a", "an"):
        return None
    name = next((e for e in doc.ents if e.end == start - 1 and e.label_ == "PERSON"), None)
    if name is None:
        return None
    return _mention_actor(doc, name.root.i) or ActorRef(id=None, name=name.text, text=name.text)


def _compatible(doc: Doc, head: int, pronoun: str, lex: CueLexicon) -> bool:
    """Can ``pronoun`` stand for the speaker headed by token ``head``? (no gender lexicon: he = she)"""
    token = doc[head]
    plural = token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in token.children)
    person = token.ent_type_ == "PERSON" or (not token.ent_type_ and token.tag_ == "NNP") or (
        token.lemma_.lower() in lex.person_nouns)
    if pronoun in lex.person_pronouns:
        return person and not plural
    return plural or (not person and (token.ent_type_ in ("ORG", "GPE", "NORP") or token.tag_ == "NN"))


def _prior_speaker(doc: Doc, frame: Frame, earlier: list[Frame], lex: CueLexicon) -> Frame | None:
    """The nearest preceding named speaker a pronoun can stand for (same or recent paragraph)."""
    pronoun = doc[frame.speaker_head].lower_
    para = paragraph(doc_text(doc), frame.speaker_start)
    for prev in reversed(earlier):
        if prev.speaker_head is None or doc[prev.speaker_head].pos_ == "PRON":
            continue
        if para - paragraph(doc_text(doc), prev.speaker_start or 0) > 2:
            return None
        if _compatible(doc, prev.speaker_head, pronoun, lex):
            return prev
    return None


def _prior_entity(doc: Doc, frame: Frame, earlier: list[Frame], lex: CueLexicon) -> Span | None:
    """The nearest preceding named entity of the right kind in the pronoun's paragraph, outside
    quotations: a name in quoted words is someone spoken of ('"Putin is a cynic," he added')."""
    pronoun = doc[frame.speaker_head].lower_
    labels = ("PERSON",) if pronoun in lex.person_pronouns else ("ORG", "GPE", "NORP")
    para = paragraph(doc_text(doc), frame.speaker_start)
    quoted = [(f.start, f.end) for f in [*earlier, frame] if f.kind == "direct"]
    fitting = [e for e in doc.ents if e.end_char <= frame.speaker_start and e.label_ in labels
               and paragraph(doc_text(doc), e.start_char) == para
               and not any(a <= e.start_char < b for a, b in quoted)]
    return fitting[-1] if fitting else None


def _antecedent(doc: Doc, frame: Frame, earlier: list[Frame], lex: CueLexicon) -> tuple[int, str] | None:
    """Head token and name a pronoun speaker stands for: the last speaker in the paragraph, else the
    last fitting name in it, else a speaker of the previous two paragraphs."""
    prev = _prior_speaker(doc, frame, earlier, lex)
    para = paragraph(doc_text(doc), frame.speaker_start)
    same_para = prev is not None and paragraph(doc_text(doc), prev.speaker_start) == para
    ent = None if same_para else _prior_entity(doc, frame, earlier, lex)
    if ent is not None:
        return ent.root.i, ent.text
    if prev is not None:
        return prev.speaker_head, doc_text(doc)[prev.speaker_start:prev.speaker_end]
    return None


def resolve_speaker(doc: Doc, frame: Frame, earlier: list[Frame],
                    lex: CueLexicon) -> tuple[ActorRef | None, Token | None]:
    """The actor a frame's speaker names and the head of the phrase that names it: its own
    mention's actor, or for a relative or personal pronoun the speaker it stands for (``earlier``:
    the frames before it, in text order)."""
    if frame.speaker_start is None or frame.speaker_head is None:
        return None, None
    text = doc_text(doc)[frame.speaker_start:frame.speaker_end]
    head = doc[frame.speaker_head]
    actor = _named_actor(doc, head, lex)
    if actor is not None:
        return replace(actor, text=text), head
    found = None
    if frame.antecedent is not None:
        a, b = noun_phrase(doc[frame.antecedent])
        found = (frame.antecedent, doc[a:b].text)
    elif head.lower_ in lex.person_pronouns | lex.group_pronouns:
        found = _antecedent(doc, frame, earlier, lex)
    if found is None:
        return ActorRef(id=None, name=text, text=text), head
    named = _named_actor(doc, doc[found[0]], lex)
    return (replace(named, text=text) if named else ActorRef(id=None, name=found[1], text=text)), doc[found[0]]


def _named_actor(doc: Doc, head: Token, lex: CueLexicon) -> ActorRef | None:
    """The actor of the mention at a speaker's head, or of the name its description stands beside
    ("Yun Soon, a researcher at ..." — also when a later "he" stands for that speaker)."""
    actor = _mention_actor(doc, head.i)
    if actor is None or actor.id is None:
        named = _titled_person(doc, head, lex) or _named_before(doc, head, lex)
        if named is not None and named.id is None and actor is not None:
            named = replace(named, country=actor.country, sector=actor.sector)  # what the description says
        actor = named or actor
    return actor
