"""``dyad_coref``: pronouns and short definite descriptions resolved to a preceding actor.

Runs after ``dyad_actors`` and appends ``MentionSpan(via="coref")`` entries to
``doc._.mentions``. Precision comes first: a reference is resolved only inside its
paragraph (a newline ends a paragraph) and only when one antecedent clearly fits;
otherwise nothing is added. A set ("the two countries") yields one mention per member,
all on the same span.

* "he"/"she"/"his": the only person in the last few sentences, or the person that was
  subject of the nearest sentence naming people; no other named or unnamed person
  ("their child") in between, and no clash with gender evidence (honorifics, nouns in
  apposition, pronouns already tied to that person; first names are not evidence).
  A "he"/"she" inside a direct quotation is never the quotation's speaker ('"he changed
  art," Lee said'), one outside quotations never a person named only inside one ('"Putin is a
  cynic," he added'), and a plural person noun ("her parents") is no rival of "she";
* "he"/"she" as a subject with no named person in reach: the one person named by a singular
  person noun ("a police officer ...; he drew his pistol");
* "they" as a main-clause subject: the actors of the nearest plural main subject (a
  coordination, a plural noun or a body of people such as "the team") in the two sentences
  before, not looking into a quotation from outside it; "their": its clause's subject when that
  comes first and may be "they" (plural, or a company, agency or party) with no other plural or
  actor between; "their/its government": the government of the one state the clause's
  subject belongs to;
* "it"/"its": the nearest preceding subject outside quotations when that subject is one body
  (a state, an organisation, or a registry company, agency, IGO, court, party ...), not a
  person and not a plural (or "X's goal … when it played": X, when "it" does something only
  actors do); a non-state subject yields to a rival body named between them in the sentence
  ("the EU fined Russia for its role"); "it is time to" is no reference;
* "the company", "the group", "the organisation", "the agency", "the alliance", "the bloc":
  the nearest earlier actor of a matching registry kind in the paragraph, if its sentence
  names no other;
* "the country", "the regime": the nearest preceding state named as a place (GPE);
* "the two countries", "these countries": the last listed set of states;
* "Beijing's officials": the government of that state;
* "the Chinese leader", "the foreign minister": the person last seen with that title.

A bare surname the registry read as a namesake ("Putin" after "Labour activist Peter Putin"),
or the tagger as a place ("Lisbon said" after "Helena Lisbon, a nurse"), is the person the
article named in full (``dyad.nlp.coref_names``).

A description that ``dyad_actors`` read only as a sector ("the regime" → some government,
no id) is refined: a coref mention with the resolved actor is added on the same span.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Iterator

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS
from spacy.language import Language
from spacy.strings import hash_string
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Span, Token

from dyad.models import ActorRef
from dyad.nlp.coref_context import (
    _BODY_NOUNS, _COLLECTIVE_NOUNS, _Context, _Known, _PLEONASTIC_NOUNS, _PLURAL_SUBJECTS, _PLURAL_TAGS, _RAISING,
    _SENTENCE_WINDOW, _SUBJECTS, _THEIR_KINDS, _actors_on, _body, _clause_subject, _country, _gender_of_words,
    _is_person, _is_state, _is_state_or_org, _is_state_organ, _key, _mention_gender, _registry_kind,
    _registry_state_names, _rival_people, _window_start, _with_text)
from dyad.nlp.coref_descriptions import (
    _resolve_body_noun, _resolve_officials, _resolve_owned_government, _resolve_state_noun, _resolve_state_set,
    _resolve_title, _title_endings)
from dyad.nlp.coref_names import own_namesakes
from dyad.nlp.types import MentionSpan, register_extensions, sentence_index, sentence_starts
from dyad.ontology.relations import RelationLexicon, relation_lexicon

register_extensions()


def _resolve_person_pronoun(token: Token, ctx: _Context, lex: RelationLexicon) -> ActorRef | None:
    gender = _gender_of_words([token.lower_], lex)
    persons = [k for k in ctx.before(token, _SENTENCE_WINDOW) if _is_person(k)
               and _mention_gender(k, ctx, lex) in (None, gender)]
    if persons and ctx.quotes.inside(token):
        # '"... he did it", Ann Lee said': a speaker calls herself "I", never "he"/"she"
        speakers = ctx.quotes.speakers(ctx.paragraph(token))
        persons = [k for k in persons if _key(k.actor) not in speakers]
    elif persons:
        # '"Putin is a cynic," he added': outside quotations, a person named only in quoted words is
        # someone spoken of, not the one who speaks or acts in the writer's words
        persons = [k for k in persons if not ctx.quotes.inside(ctx.doc[k.start])]
    if not persons:
        return _unnamed_person(token, ctx, lex, gender)
    distinct = {_key(k.actor): k for k in persons}
    chosen = persons[-1] if len(distinct) == 1 else None
    if chosen is None:
        # several people in the window: only the lone person of the nearest sentence, when subject
        nearest = [k for k in persons if k.sentence == persons[-1].sentence]
        if len({_key(k.actor) for k in nearest}) == 1 and any(k.subject for k in nearest):
            chosen = nearest[-1]
    if chosen is None or _rival_people(token, chosen, ctx, lex, gender):
        return None
    ctx.genders.setdefault(_key(chosen.actor), gender)
    return chosen.actor


def _unnamed_person(token: Token, ctx: _Context, lex: RelationLexicon, gender: str | None) -> ActorRef | None:
    """"A police officer was surrounded by protesters; he then drew his pistol": with no named
    person in reach, a subject "he"/"she" is the one person named by a singular person noun
    ("officer", "soldier") in its sentence or the one before, when no other such noun and no
    named person stands between and the noun's gender does not clash."""
    if token.dep_ not in _SUBJECTS or any(_is_person(k) for k in ctx.before(token, _SENTENCE_WINDOW)):
        return None
    nouns = lex.get("person_nouns")

    def person_noun(t: Token) -> bool:
        return t.tag_ == "NN" and t.lemma_.lower() in nouns

    found = [k for k in ctx.before(token, 1) if person_noun(ctx.doc[k.start:k.end].root)]
    if len({_key(k.actor) for k in found}) != 1:
        return None
    chosen = found[-1]
    root = ctx.doc[chosen.start:chosen.end].root
    if _gender_of_words([root.lemma_.lower()], lex) not in (None, gender):
        return None
    if any(person_noun(t) for t in ctx.doc[chosen.end:token.i]) or any(
            t.ent_type_ == "PERSON" for t in ctx.doc[_window_start(token, ctx):token.i]):
        return None  # another person in reach, named or not
    return chosen.actor


def _is_expletive(token: Token) -> bool:
    """"it seems that", "it is unlikely that", "make it easier to": no referent."""
    if token.dep_ == "expl":
        return True
    head = token.head
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    small_clause = {"make", "find", "consider", "keep", "deem"}
    if (head.lemma_ in small_clause and nxt is not None and nxt.pos_ == "ADJ") or (
            head.pos_ == "ADJ" and head.head.lemma_ in small_clause):
        return True  # "making it easier to cut off communication"
    if head.lemma_ not in _RAISING:
        return False
    if head.lemma_ == "be" and any(c.dep_ == "attr" and c.lemma_.lower() in _PLEONASTIC_NOUNS for c in head.children):
        return True  # "it is time for users to move on"
    return any(c.dep_ in ("ccomp", "xcomp", "csubj") and c.i > token.i for c in head.children) or any(
        c.dep_ in ("acomp", "oprd") and any(g.dep_ in ("ccomp", "xcomp") for g in c.children) for c in head.children)


def _nearest_subject(token: Token, ctx: _Context) -> Token | None:
    doc, sent_i, para = ctx.doc, sentence_index(ctx.doc, token.i), ctx.paragraph(token)
    starts = sentence_starts(doc) + [len(doc)]
    for index in range(sent_i, max(sent_i - 2, -1), -1):
        sent = doc[starts[index]:starts[index + 1]]
        if ctx.paragraph(sent[0]) != para and index != sent_i:
            return None
        subjects = [t for t in sent if t.dep_ in _SUBJECTS and t.i < token.i and t.i != token.i]
        if subjects and subjects[-1].is_ancestor(token):
            reporters = _reporter_of(subjects[-1])  # "Minsk denied that two of its helicopters ..."
            return reporters[-1] if reporters else None
        if subjects and not ctx.quotes.inside(token):
            # '"Provocation deserves punishment", it added': the quoted words are another voice
            subjects = [t for t in subjects if not ctx.quotes.inside(t)]
        if subjects:
            return subjects[-1]
    return None


def _reporter_of(subject: Token) -> list[Token]:
    """"Minsk denied that two of its helicopters had crossed": a possessive inside a subject is not
    that subject; when the subject's clause is what a verb reports, it is the reporter's."""
    verb = subject.head
    if verb.dep_ != "ccomp" or verb.head.pos_ not in ("VERB", "AUX"):
        return []
    return [c for c in verb.head.children if c.dep_ in _SUBJECTS]


def _resolve_it(token: Token, ctx: _Context, lex: RelationLexicon) -> ActorRef | None:
    if token.lower_ != "its" and _is_expletive(token):
        return None
    if token.lower_ == "itself" and (token.head.pos_ in ("NOUN", "PROPN", "PRON") or (
            token.i >= 2 and token.doc[token.i - 1].lower_ == "of" and token.doc[token.i - 2].lower_ == "and")):
        return None  # "Iran itself", "in and of itself": emphatic, not a reference back
    subject = _nearest_subject(token, ctx)
    clause_subject = _clause_subject(token) if subject is not None else None
    if token.lower_ == "it" and token.dep_ not in _SUBJECTS and clause_subject is not None and (
            clause_subject.i == subject.i):
        return None  # "the SCO … is set to formalize it": "it" is not its own clause's subject
    if token.lower_ == "it" and token.dep_ in ("dobj", "dative") and clause_subject is None \
            and (controller := _controller(token.head)) is not None and controller.i == subject.i:
        # "Sudan filed a case against the UAE, accusing it of genocide": the participle's doer is
        # the main subject, so its object "it" is another state the sentence names before it
        return _other_state(token, subject, ctx)
    if subject is None:
        return None
    found = [k for k in _actors_on(subject, ctx) if _body(k)]
    if subject.tag_ in _PLURAL_TAGS and not any(_is_state(k.actor) for k in found):
        return None  # "Chinese companies … it": a plural is not "it" (a plural state name may be)
    if len({_key(k.actor) for k in found}) == 1:
        return None if _rival_body(subject, token, found[0], ctx) else found[0].actor
    if found or _actors_on(subject, ctx) or token.dep_ not in _SUBJECTS or token.head.lemma_ not in lex.get(
            "agentive_verbs"):
        return None
    # "China's goal … became apparent when it played a role": a goal plays no role, China does
    owners = [k for c in subject.children if c.dep_ == "poss" for k in _actors_on(c, ctx) if _body(k)]
    return owners[0].actor if len({_key(k.actor) for k in owners}) == 1 else None


def _controller(verb: Token) -> Token | None:
    """The subject a subjectless participle clause takes from the clause it hangs on."""
    if verb.tag_ not in ("VBG", "VBN") or verb.dep_ not in ("advcl", "conj") or verb.head.i == verb.i:
        return None
    return next((c for c in verb.head.children if c.dep_ in _SUBJECTS), None)


def _other_state(token: Token, subject: Token, ctx: _Context) -> ActorRef | None:
    """The one state, other than the subject's, named between the subject and ``token``; none when
    the nearest noun before it is a thing ("apologised for the downing of the airliner, calling it
    a mistake")."""
    nouns = [t for t in token.doc[subject.i + 1:token.i]
             if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("dobj", "pobj") and t.ent_type_ not in ("DATE", "TIME")]
    if nouns and nouns[-1].i not in ctx.covered:
        return None
    own = {_country(k) for k in _actors_on(subject, ctx)}
    end = max(t.i for t in subject.subtree) + 1
    between = ctx.known[bisect_left(ctx.known_starts, end):bisect_left(ctx.known_starts, token.i)]
    states = {_key(k.actor): k.actor for k in between if _is_state(k.actor) and _country(k) not in own}
    return next(iter(states.values())) if len(states) == 1 else None


def _rival_body(subject: Token, token: Token, chosen: _Known, ctx: _Context) -> bool:
    """"The EU imposed sanctions on Russia for its role": another state or body named between
    a subject that is not a state ("the EU", "Acme") and "it"/"its" in the same sentence could be
    meant as well. A state subject keeps "its" ("Greece asked NATO to patrol its airspace"):
    news refers back to the state it writes about."""
    if _is_state_or_org(chosen) or sentence_index(ctx.doc, subject.i) != sentence_index(ctx.doc, token.i):
        return False
    end = max(t.i for t in subject.subtree) + 1
    between = ctx.known[bisect_left(ctx.known_starts, end):bisect_left(ctx.known_starts, token.i)]
    return any(_body(k) and _key(k.actor) != _key(chosen.actor) and not _same_state(k, chosen) for k in between)


def _same_state(a: _Known, b: _Known) -> bool:
    """Two organs of one state ("China", "the Chinese foreign ministry")."""
    return bool(_country(a)) and _country(a) == _country(b) and _is_state_organ(a.actor) and _is_state_organ(b.actor)


def _resolve_they(token: Token, ctx: _Context) -> list[ActorRef]:
    """"Egypt, Greece and Cyprus met in Cairo. They called on Turkey to ...": a subject "they"
    stands for the plural subject (a coordination or a plural noun) of the nearest clause before
    it in its paragraph, when that subject names actors; a singular subject stops the search."""
    if token.lower_ == "their":
        subject = _their_antecedent(token, ctx)
    elif token.dep_ not in _SUBJECTS or not _main_clause(token.head):
        return []  # "after they were found", "the exhibit they had wanted": too often someone else
    else:
        subject = _plural_antecedent(token, ctx)
    if subject is None:
        return []
    return _subject_actors(subject, ctx)


def _subject_actors(subject: Token, ctx: _Context) -> list[ActorRef]:
    # the subject's own phrase, not what a clause or an apposition says about it:
    # "the foreign ministers of Chile and Peru" → Chile, Peru
    aside = {t.i for c in subject.subtree if c.dep_ in ("relcl", "acl", "appos") for t in c.subtree}
    found: dict[str, ActorRef] = {}
    for tok in subject.subtree:
        if tok.i not in aside:
            for k in _actors_on(tok, ctx):
                found.setdefault(k.actor.country or _key(k.actor), k.actor)
    return list(found.values())


def _plural_antecedent(token: Token, ctx: _Context) -> Token | None:
    """The nearest plural main subject naming actors within the two sentences before (a
    paragraph may open with "They": the previous paragraph is looked at then)."""
    doc, sent_i = ctx.doc, sentence_index(ctx.doc, token.i)
    starts = sentence_starts(doc) + [len(doc)]
    quoted = ctx.quotes.inside(token)
    for index in range(sent_i, max(sent_i - _SENTENCE_WINDOW - 1, -1), -1):
        sent = doc[starts[index]:starts[index + 1]]
        subjects = [t for t in sent if t.dep_ in _SUBJECTS and t.i < token.i and _actors_on(t, ctx)
                    and (quoted or not ctx.quotes.inside(t))]
        main = [t for t in subjects if t.head.dep_ == "ROOT"]
        subject = main[0] if main else (subjects[-1] if subjects else None)
        if subject is not None and _plural_phrase(subject):
            return subject
    return None


def _plural_phrase(noun: Token) -> bool:
    """A phrase "they" can stand for: a plural, a coordination, "they" itself or a body of
    people named in the singular ("the team")."""
    return (noun.tag_ in _PLURAL_TAGS or noun.lower_ == "they" or noun.lemma_.lower() in _COLLECTIVE_NOUNS
            or any(c.dep_ == "conj" for c in noun.children))


def _their_antecedent(token: Token, ctx: _Context) -> Token | None:
    """"Chile and Peru recalled their envoys", "Acme moved their offices": "their" stands for
    its own clause's subject when that subject comes first, names actors and may be "they"
    (a plural, a coordination, a body of people, a company or agency), and no other plural or
    actor stands between ("Acme told clients their data ..." is left open). In a subject
    ("Their envoys left"), "their" looks back as a subject "they" does."""
    subject = _clause_subject(token)
    if subject is not None and token.i in {t.i for t in subject.subtree}:
        return _plural_antecedent(token, ctx) if _main_clause(subject.head) else None
    if subject is None or subject.i > token.i or not _actors_on(subject, ctx):
        return None
    kinds = {_registry_kind(k.actor.id) for k in _actors_on(subject, ctx) if k.actor.id}
    if not (_plural_phrase(subject) or (subject.tag_ in ("NN", "NNP") and kinds and kinds <= _THEIR_KINDS)):
        return None
    return None if _rival_between(subject, token, ctx) else subject


def _rival_between(subject: Token, token: Token, ctx: _Context) -> bool:
    """A plural noun or another actor between the subject's phrase and ``token``."""
    end = max(t.i for t in subject.subtree) + 1
    own = {_key(k.actor) for t in subject.subtree for k in _actors_on(t, ctx)}
    for t in ctx.doc[end:token.i]:
        if t.tag_ in _PLURAL_TAGS or t.lower_ in ("they", "them"):
            return True
        if any(_key(k.actor) not in own and not _is_person(k) for k in _actors_on(t, ctx)):
            return True
    return False


def _main_clause(verb: Token) -> bool:
    """The sentence's main clause, a clause coordinated with it or one it reports."""
    return verb.dep_ == "ROOT" or (verb.dep_ in ("conj", "ccomp") and verb.head.dep_ == "ROOT")


# --------------------------------------------------------------------------- descriptions


# --------------------------------------------------------------------------- titles


# --------------------------------------------------------------------------- component


class CorefResolver:
    """Appends coreference mentions (via="coref") to ``doc._.mentions``."""

    def __init__(self, nlp: Language, name: str = "dyad_coref"):
        self.name = name
        self.lex = relation_lexicon()
        self.title_endings = _title_endings(self.lex)
        self.state_words = self.lex.get("state_nouns") | self.lex.get("government_nouns")
        pronouns = self.lex.get("person_pronouns") | self.lex.get("thing_pronouns") | _PLURAL_SUBJECTS
        self.pronoun_ids = np.array(sorted(hash_string(w) for w in pronouns), dtype=np.uint64)
        _registry_state_names()  # the state table loads with the pipeline, not inside a document
        self._noun_words = self.lex.get("state_set_nouns") | self.lex.get("official_nouns")
        self._resolvable: dict[tuple[int, int], bool] = {}  # (LOWER, LEMMA) → see _resolvable_noun

    def __call__(self, doc: Doc) -> Doc:
        mentions = own_namesakes(list(doc._.mentions or []))
        ctx = _Context(doc, mentions, self.title_endings)
        for token in self._candidates(doc):
            covered = token.i in ctx.covered and not _only_unresolved(token, ctx)
            if covered and not _only_non_persons(token, ctx):
                continue
            for span, actors in self._resolve(token, ctx, covered=covered):
                if not span.label_:
                    span = Span(doc, span.start, span.end, label="NOUN_PHRASE")
                for actor in actors:
                    mentions.append(MentionSpan(span=span, actor=actor, via="coref"))
                    ctx.add(span, actor)
        doc._.mentions = sorted(mentions, key=lambda m: (m.span.start, m.span.end))
        return doc

    def _candidates(self, doc: Doc) -> Iterator[Token]:
        """The tokens ``_resolve`` can act on: the pronouns of the lexicon and the nouns
        ``_resolvable_noun`` keeps (every other token resolves to nothing); picked from the
        token arrays, not one by one."""
        columns = doc.to_array([POS, LOWER, LEMMA]).reshape(-1, 3)
        pronoun = np.isin(columns[:, 1], self.pronoun_ids)
        nouns = np.flatnonzero(np.isin(columns[:, 0], (NOUN, PROPN)) & ~pronoun).tolist()
        keys = columns[nouns, 1:].tolist()
        pronoun[[i for i, key in zip(nouns, keys) if self._resolvable_noun(doc, *key)]] = True
        for i in np.flatnonzero(pronoun).tolist():
            yield doc[i]

    def _resolvable_noun(self, doc: Doc, lower_id: int, lemma_id: int) -> bool:
        """Whether ``_resolve`` can find anything at a noun of these forms: a state, state-set
        or official noun, or a word ending as some title ends (``_title_at`` stops at once
        otherwise). Memoised by form: the answer depends on nothing else."""
        found = self._resolvable.get((lower_id, lemma_id))
        if found is None:
            lower, lemma = doc.vocab.strings[lower_id], doc.vocab.strings[lemma_id]
            tail = lower.split()
            found = (lemma.lower() in self.state_words or lower in self._noun_words or lower in _BODY_NOUNS
                     or not (self.title_endings and tail and tail[-1] not in self.title_endings))
            if len(self._resolvable) > 200_000:
                self._resolvable.clear()
            self._resolvable[(lower_id, lemma_id)] = found
        return found

    def _resolve(self, token: Token, ctx: _Context, covered: bool) -> list[tuple[Span, list[ActorRef]]]:
        lex, lower = self.lex, token.lower_
        if covered:
            # "Chinese leader" already read as the Chinese government: the title can still name the person
            hit = _resolve_title(token, ctx, lex) if token.pos_ in ("NOUN", "PROPN") else None
            return [hit] if hit else []
        if lower in lex.get("person_pronouns"):
            actor = _resolve_person_pronoun(token, ctx, lex)
            return [(_pronoun_span(token), [_with_text(actor, token.text)])] if actor else []
        if lower in lex.get("thing_pronouns"):
            actor = _resolve_it(token, ctx, lex)
            return [(_pronoun_span(token), [_with_text(actor, token.text)])] if actor else []
        if lower in _PLURAL_SUBJECTS:
            actors = _resolve_they(token, ctx)
            return [(_pronoun_span(token), [_with_text(a, token.text) for a in actors])] if actors else []
        if token.pos_ not in ("NOUN", "PROPN"):
            return []
        hit = None
        if token.lemma_.lower() in self.state_words and token.tag_ in ("NN", "NNP"):
            hit = _resolve_state_noun(token, ctx, lex) or _resolve_owned_government(token, ctx, lex)
        elif lower in _BODY_NOUNS and token.tag_ == "NN":
            hit = _resolve_body_noun(token, ctx)
        elif lower in lex.get("state_set_nouns"):
            hit = _resolve_state_set(token, ctx)
        elif lower in lex.get("official_nouns"):
            hit = _resolve_officials(token, ctx)
        if hit is None:
            hit = _resolve_title(token, ctx, lex)
        return [hit] if hit else []


def _only_non_persons(token: Token, ctx: _Context) -> bool:
    on = _actors_on(token, ctx)
    return bool(on) and not any(_is_person(k) for k in on)


def _only_unresolved(token: Token, ctx: _Context) -> bool:
    """Covered only by mentions without an id ("regime" read as some government): a
    reference back can still say whose."""
    on = _actors_on(token, ctx)
    return bool(on) and all(k.actor.id is None for k in on)


def _pronoun_span(token: Token) -> Span:
    return Span(token.doc, token.i, token.i + 1, label="PRONOUN")


@Language.factory("dyad_coref", assigns=["doc._.mentions"], requires=["doc._.mentions"])
def make_coref(nlp: Language, name: str) -> CorefResolver:
    return CorefResolver(nlp, name)
