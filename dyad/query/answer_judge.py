"""Judging a retrieved sentence against a question, before any answer is read from it.

Is every asked-about actor named in it (a state also by its government, forces or firms),
does it use a word of the asked relation (or the question's own verb), how many item words
does it share (one sentence back counts too), is the relation negated, offered rather than
done, or debunked by a fact-check, does its document speak of the question's period and year.
Only sentences that carry every element the question names may support an answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyad.query.answer_actors import ActorFinder, ActorSpan, Named, same_actor
from dyad.query.answer_extract import (debunked, modal_near, negated_near, opposite_positions, sense_positions,
                                       stem, stems_of, words_of)
from dyad.query.answer_lexicon import Lexicon
from dyad.query.answer_parse import Question
from dyad.query.retrieve import SentenceHit
from dyad.store import Store


@dataclass(frozen=True)
class Judged:
    hit: SentenceHit
    rank: int
    actors: tuple[ActorSpan, ...]  # offsets into hit.text
    sense_at: tuple[int, ...]
    has_roles: bool  # every subject/object actor and unknown name of the question is named
    item_share: float
    negated: bool
    debunked: bool
    modal: bool = False  # an offer, plan or possibility, not a fact
    in_period: bool = True  # the document speaks of the question's period ("the Iran-Israel war")
    year_ok: bool = True  # a year the question names is in the sentence or is the document's year
    subject_near: bool = True  # the subject stands next to a relation word
    all_senses: bool = True  # every relation sense of the question is in the sentence
    doc_denies: bool = False  # the document's title denies or debunks the asked relation (a fact-check)
    has_main: bool = True  # the sense of the question's verb is in the sentence
    roles_from_title: bool = False  # an asked-about actor is named only in the document's title

    @property
    def weight(self) -> float:
        return (0.7 if self.roles_from_title else 1.0) / (1.0 + 0.1 * self.rank)


def _is_state(actor: Named) -> bool:
    return actor.kind in ("state", "territory") or bool(re.fullmatch(r"[A-Z]{3}", actor.id))


def names_actor(spans: tuple[ActorSpan, ...], wanted: Named) -> ActorSpan | None:
    """The span naming ``wanted`` (a state also by its government, forces, officials and firms)."""
    for span in spans:
        if same_actor(wanted, span.actor):
            return span
        if _is_state(wanted) and span.actor.country == wanted.id:
            return span
    return None


def _stored_spans(store: Store, hit: SentenceHit) -> list[ActorSpan]:
    from dyad.query.answer_store import mentions_in

    out = []
    for m in mentions_in(store, hit.document_id, hit.index):
        kind = "state" if re.fullmatch(r"[A-Z]{3}", m.actor_id) else None
        out.append(ActorSpan(Named(m.actor_id, m.name, m.country, kind), m.start - hit.start, m.end - hit.start, m.text))
    return out


def sentence_actors(store: Store, hit: SentenceHit, finder: ActorFinder) -> tuple[ActorSpan, ...]:
    found = finder.find(hit.text)
    taken = {(a.start, a.end) for a in found}
    extra = [s for s in _stored_spans(store, hit) if (s.start, s.end) not in taken and s.start >= 0]
    return tuple(sorted(found + extra, key=lambda a: a.start))


def name_in(name: str, text: str) -> bool:
    """The full name, or one of its distinctive words ("Mahan" for "Mahan Air", "Qaboos", not "Party")."""
    if name.lower() in text.lower():
        return True
    from dyad.query.answer_lexicon import load_lexicon

    generic = load_lexicon().cues.generic_name_words
    words = set(words_of(text))
    return any(w.lower() in words for w in name.split()
               if len(w) >= 3 and w[0].isupper() and w.lower() not in generic)


def _roles(q: Question) -> list[ActorSpan]:
    if q.type == "how_vote":  # "on the resolution on Iran": Iran is the topic, not a voter
        return [q.subject] if q.subject else []
    return ([q.subject] if q.subject else []) + list(q.objects) + list(q.places)


def _item_share(q: Question, text: str) -> float:
    if not q.item:
        return 1.0
    stems = stems_of(text)
    return sum(1 for w in q.item if same_stem(stem(w), stems)) / len(q.item)


def same_stem(wanted: str, stems: set[str]) -> bool:
    """Equal stems, or one a prefix of the other when both are long ("withdrawal" ~ "withdraw",
    "extradition" ~ "extradite"): derivations the crude stemmer leaves apart."""
    if wanted in stems:
        return True
    return len(wanted) >= 6 and any(len(s) >= 6 and (s.startswith(wanted) or wanted.startswith(s)) for s in stems)


def _all_senses(q: Question, text: str) -> bool:
    return all(sense_positions(text, (sense,)) or opposite_positions(text, (sense,)) for sense in q.senses)


def _denies(q: Question, title: str | None, finder: ActorFinder, lexicon: Lexicon) -> bool:
    """A fact-check title that negates the asked relation ("No, X hasn't threatened Y")."""
    if not title or not q.senses:
        return False
    spans = tuple(finder.find(title))
    if not all(names_actor(spans, r.actor) for r in _roles(q)) or not all(name_in(n, title) for n in q.names):
        return False
    at = sense_positions(title, q.senses)
    return bool(at) and (negated_near(title, at, lexicon.cues) or debunked(title, lexicon.cues))


def _year_ok(q: Question, hit: SentenceHit, document_text: str = "") -> bool:
    """A year the question names is in the sentence, or is its document's year; an undated
    document qualifies when it names the year elsewhere ("held on December 1 and 2, 2004")."""
    if not q.years:
        return True
    if any(y in hit.text for y in q.years) or (hit.published_at or "")[:4] in q.years:
        return True
    return not hit.published_at and any(y in document_text for y in q.years)


def _period_stems(q: Question) -> set[str]:
    if not q.period:
        return set()
    return {stem(w) for w in words_of(q.period) if w not in ("the", "a", "an")}


def _is_subject(q: Question, span: ActorSpan) -> bool:
    wanted = q.subject.actor
    return same_actor(wanted, span.actor) or (_is_state(wanted) and span.actor.country == wanted.id)


def _subject_near(q: Question, spans: tuple[ActorSpan, ...], at: tuple[int, ...]) -> bool:
    """The subject is the sentence's first actor (its main clause) or stands close to a relation word."""
    if q.subject is None or not at:
        return True
    if spans and _is_subject(q, spans[0]):
        return True
    return any(near_relation(s, at, before=80, after=50) for s in spans if _is_subject(q, s))


def judge(q: Question, hits: list[SentenceHit], store: Store, finder: ActorFinder, lexicon: Lexicon) -> list[Judged]:
    from dyad.query.retrieve import document_texts, previous_texts

    before = previous_texts(store, hits) if q.item else {}
    period = _period_stems(q)
    undated = {h.document_id for h in hits if not h.published_at} if q.years else set()
    texts = document_texts(store, {h.document_id for h in hits} if period else undated) if period or undated else {}
    titles: dict[str, bool] = {}
    title_spans: dict[str, tuple[ActorSpan, ...]] = {}
    out = []
    for rank, hit in enumerate(hits):
        spans = sentence_actors(store, hit, finder)
        in_sentence = all(names_actor(spans, r.actor) for r in _roles(q))
        from_title = False
        if not in_sentence and q.type != "yes_no" and hit.title:
            # "The new policy is to take effect on December 10" under "US announces restrictions on
            # flying to Cuba": the title names who the sentence is about. Not for yes/no, where an
            # actor absent from the sentence must not turn another's act into a "yes".
            if hit.document_id not in title_spans:
                title_spans[hit.document_id] = tuple(finder.find(hit.title))
            named = title_spans[hit.document_id]
            from_title = all(names_actor(spans, r.actor) or names_actor(named, r.actor) for r in _roles(q))
        has_roles = (in_sentence or from_title) and all(name_in(n, hit.text) for n in q.names)
        # the item may be named one sentence back ("... a resolution on Iran. China voted against it.")
        share = max(_item_share(q, hit.text), 0.9 * _item_share(q, before.get(hit.sentence_id, "") + " " + hit.text))
        # without relation words the question's own verb is the relation ("Did Kurt Volker resign?")
        at = tuple(sense_positions(hit.text, q.senses)) if q.senses else verb_positions(q, hit.text)
        # "Zelensky declined the offer to resign" answers "Did Zelensky accept ...?" with a no
        contrary = () if at else tuple(opposite_positions(hit.text, q.senses))
        at = at or contrary
        # negation and fact-check wording are judged around the question's own verb, else its main relation
        main_sense = q.main_sense
        main_at = list(sense_positions(hit.text, (main_sense,))) if main_sense else []
        main = list(verb_positions(q, hit.text)) or main_at or list(at)
        if contrary:
            main_at = main_at or list(contrary)
        if hit.document_id not in titles:
            titles[hit.document_id] = _denies(q, hit.title, finder, lexicon)
        out.append(Judged(hit, rank, spans, at, has_roles, share,
                          negated=(not negated_near(hit.text, list(contrary), lexicon.cues) if contrary
                                   else negated_near(hit.text, main, lexicon.cues) if main else False),
                          debunked=debunked(hit.text, lexicon.cues, main if main else None),
                          modal=modal_near(hit.text, list(at), lexicon.cues) if at else False,
                          in_period=period <= stems_of(texts.get(hit.document_id, "")) if period else True,
                          subject_near=_subject_near(q, spans, at), year_ok=_year_ok(q, hit, texts.get(hit.document_id, "")), all_senses=_all_senses(q, hit.text),
                          doc_denies=titles[hit.document_id], has_main=bool(main_at) or main_sense is None,
                          roles_from_title=from_title))
    return out


def relevant(q: Question, judged: list[Judged], *, need_sense: bool = True, min_item: float = 0.5) -> list[Judged]:
    return [j for j in judged if j.has_roles and ((j.sense_at and j.has_main) or not q.senses or not need_sense)
            and j.item_share >= min_item and j.year_ok]


def record_gate(q: Question, store: Store, finder: ActorFinder, lexicon: Lexicon):
    """A test for a record's evidence sentence: it must carry the question the way a sentence
    answer must (actors, relation words, item words, period, year; no mere offer or plan).
    The NLP stage decided who did what to whom; this keeps only records about what was asked."""
    from dyad.query.retrieve import sentence_at

    cache: dict[tuple[str, int], Judged | None] = {}

    def keep(document_id: str, sentence: int) -> Judged | None:
        """The judged sentence when it qualifies, else None."""
        key = (document_id, sentence)
        if key not in cache:
            hit = sentence_at(store, document_id, sentence)
            j = judge(q, [hit], store, finder, lexicon)[0] if hit else None
            # every relation asked must be carried: "sign a defence pact" is not answered by any agreement
            ok = bool(j and relevant(q, [j]) and j.in_period and j.all_senses
                      and (q.modal_asked or not j.modal or j.negated))
            cache[key] = j if ok else None
        return cache[key]

    return keep


def near_relation(span: ActorSpan, positions: tuple[int, ...], before: int = 60, after: int = 40) -> bool:
    """The actor stands close to a relation word: its subject just before, or its object just after."""
    return any(span.end <= p <= span.end + before or p <= span.start <= p + after for p in positions)


def verb_positions(q: Question, text: str) -> tuple[int, ...]:
    """Where the question's own verb (plus its final preposition) stands: "poisoned with"."""
    if not q.verb:
        return ()
    verb = stem(q.verb)
    out = []
    for m in re.finditer(r"[\w][\w'’-]*", text):
        if stem(m.group()) != verb:
            continue
        if q.preposition:
            follow = re.match(rf"\s+{q.preposition}\b", text[m.end():], re.I)
            if not follow:
                continue
            out.append(m.end() + follow.end() - len(q.preposition))  # the object follows the preposition
        else:
            out.append(m.start())
    return tuple(out)
