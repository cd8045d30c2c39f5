"""CoNLL-2003 English NER (``sentences.jsonl``): the entities Dyad's actor resolution
starts from, scored like conlleval (entity-level exact match, micro P/R/F1).

Docs are built from the gold tokens (``Doc(words=...)``) so tokenisation matches, then the
model's pipeline runs with ``dyad_ner_document`` right after `ner` and ``dyad_actors`` (whose
registry EntityRuler fills gaps in the model's entities), as in Dyad's pipeline. spaCy's
OntoNotes labels are mapped to CoNLL's four types:

=====================================================  =====
spaCy label                                            CoNLL
=====================================================  =====
PERSON                                                 PER
GPE, LOC, FAC                                          LOC
ORG                                                    ORG
NORP, EVENT, PRODUCT, LAW, LANGUAGE, WORK_OF_ART       MISC
DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL, CARDINAL dropped
=====================================================  =====

Conventions, not labels, also differ: OntoNotes spans may start with "the" and end with a
possessive, CoNLL's never do, so those are trimmed; the Doc gets the original spacing
("Ammar's", "(AP)") so the model reads natural text over the gold tokens.

Sentences of one ``doc_index`` are processed together (one Doc per source document), as
Reuters documents give context (``dyad_ner_document`` uses it: all-caps headlines and label
consistency across the article); ``details`` has per-type figures and counts.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from itertools import groupby
from pathlib import Path

from dyad.eval import EvalResult
from dyad.eval.metrics import read_jsonl

GOLD_FILE = "sentences.jsonl"
LABEL_MAP = {
    "PERSON": "PER",
    "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "ORG": "ORG",
    "NORP": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "LAW": "MISC", "LANGUAGE": "MISC",
    "WORK_OF_ART": "MISC",
}
TYPES = ("PER", "LOC", "ORG", "MISC")


def _read(folder: Path, limit: int | None) -> list[dict]:
    return read_jsonl(folder / GOLD_FILE, limit)


def build_nlp(ner_dir: Path | None = None, tuned: bool = True):
    """The model with the `ner` weights from ``ner_dir`` (default: Dyad's), then Dyad's NER
    stages as the pipeline runs them: the document-level pass right after `ner`, dyad_actors.
    scripts/train_ner.py scores its cross-validation folds with this same pipeline."""
    import dyad.nlp.actors  # noqa: F401  (registers the dyad_actors factory)
    import dyad.nlp.ner_document  # noqa: F401  (registers dyad_ner_document)
    from dyad.nlp.ner_model import load_english

    nlp = load_english(tuned=tuned, ner_dir=ner_dir, exclude=["lemmatizer"])
    nlp.add_pipe("dyad_ner_document", after="ner")
    nlp.add_pipe("dyad_actors")
    return nlp


@lru_cache(maxsize=1)
def _nlp():
    return build_nlp()


def predict_entities(sentences: list[dict]) -> list[set[tuple[int, int, str]]]:
    """Predicted (start, end, CoNLL type) per sentence, token offsets within the sentence."""
    from spacy.tokens import Doc

    nlp = _nlp()
    words = [w for s in sentences for w in s["tokens"]]
    sent_starts = [i == 0 for s in sentences for i in range(len(s["tokens"]))]
    doc = Doc(nlp.vocab, words=words, spaces=_spaces(words), sent_starts=sent_starts)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    offsets, total = [], 0
    for s in sentences:
        offsets.append(total)
        total += len(s["tokens"])
    out: list[set] = [set() for _ in sentences]
    for ent in doc.ents:
        label = LABEL_MAP.get(ent.label_)
        ent = _conll_span(ent)
        if label is None or ent is None:
            continue
        k = max(i for i, off in enumerate(offsets) if off <= ent.start)
        end = min(ent.end, offsets[k] + len(sentences[k]["tokens"]))
        out[k].add((ent.start - offsets[k], end - offsets[k], label))
    return out


_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "[", "{", "$"}


def _spaces(words: list[str]) -> list[bool]:
    """Whitespace as the text had it: the model reads "Ammar's", not "Ammar 's" (the tokens stay)."""
    return [not (w in _NO_SPACE_AFTER or (i + 1 < len(words) and words[i + 1].lower() in _NO_SPACE_BEFORE))
            for i, w in enumerate(words)]


def _conll_span(ent):
    """OntoNotes spans to CoNLL's convention: a leading determiner and a trailing possessive are
    not part of the name ("the Commerce Department 's" → "Commerce Department")."""
    start, end = ent.start, ent.end
    if end - start > 1 and ent.doc[start].lower_ == "the":
        start += 1
    if end - start > 1 and ent.doc[end - 1].lower_ in ("'s", "'"):
        end -= 1
    return ent.doc[start:end] if end > start else None


def gold_entities(sentence: dict) -> set[tuple[int, int, str]]:
    return {(e["start"], e["end"], e["type"]) for e in sentence.get("entities", [])}


def score(gold: list[set], pred: list[set]) -> dict:
    counts = {t: Counter() for t in TYPES}
    for g, p in zip(gold, pred):
        for t in TYPES:
            gt = {e for e in g if e[2] == t}
            pt = {e for e in p if e[2] == t}
            counts[t]["tp"] += len(gt & pt)
            counts[t]["fp"] += len(pt - gt)
            counts[t]["fn"] += len(gt - pt)
    total = sum(counts.values(), Counter())
    per_type = {t: _prf(c) | {"support": c["tp"] + c["fn"]} for t, c in counts.items()}
    return {"micro": _prf(total), "per_type": per_type}


def _prf(c: Counter) -> dict:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def evaluate(folder: Path, limit: int | None = None) -> EvalResult:
    from dyad.nlp.ner_model import MODEL

    sentences = [s for s in _read(Path(folder), limit) if s.get("tokens")]
    gold, pred = [], []
    for _, group in groupby(sentences, key=lambda s: s.get("doc_index")):
        group = list(group)
        gold += [gold_entities(s) for s in group]
        pred += predict_entities(group)
    result = score(gold, pred)
    return EvalResult(dataset="conll2003_ner", n=len(sentences), metrics=result["micro"],
                      details={"per_type": result["per_type"], "label_map": LABEL_MAP,
                               # the visible part is the tuned weights' training data (docs/evaluation.md)
                               "model": f"{MODEL} with the fine-tuned ner of dyad/nlp/models/ner, "
                                        "then dyad_ner_document and dyad_actors"})
