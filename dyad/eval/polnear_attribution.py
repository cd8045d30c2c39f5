"""PolNeAR attribution (quotes, sources, cues in 2016 US political news): ``dyad eval .../polnear_attribution``.

Metrics (contents are compared as sets of word tokens, ``\\w+`` runs, so quote marks and a
leading "that" do not count):

* contents are matched one to one, best token-overlap F1 first (any shared token makes a
  candidate pair); a predicted attribution is the union of the quotes that share a speaker
  span and cue (a quote split by its attribution is one attribution, as in the gold; the cue is
  told by its offsets, or by its text for quotes without them);
* ``content_precision`` = sum over matched pairs of |gold ∩ pred| / |pred|, divided by the
  number of predicted attributions; ``content_recall`` likewise with |gold| and the gold
  count; ``content_f1`` their harmonic mean; ``content_exact_f1`` counts only pairs whose
  token sets are equal;
* ``speaker_accuracy``: among matched gold contents that have a source, the share whose
  predicted speaker span overlaps the gold source span, or whose speaker (mention or resolved
  name) ends with the same word as the gold source (head token / surname).
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from dyad.errors import EvalError
from dyad.eval import EvalResult
from dyad.models import Document, Quote

GOLD_FILE = "articles.jsonl"
WORD = re.compile(r"\w+")
OPTIONAL_STAGES = (("dyad_actors", "dyad.nlp.actors"), ("dyad_coref", "dyad.nlp.coref"))
Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldAttribution:
    content: Spans
    source: Spans  # empty when the attribution has no explicit source
    source_text: str


@dataclass(frozen=True)
class GoldArticle:
    article_id: str
    publisher: str
    date: str | None
    text: str
    attributions: tuple[GoldAttribution, ...]


@dataclass(frozen=True)
class Predicted:
    content: Spans
    speaker: Spans
    speaker_words: tuple[str, ...]  # speaker text and resolved name, for the surname check


@dataclass(frozen=True)
class Pair:
    gold: int
    pred: int
    overlap: int
    exact: bool


# --------------------------------------------------------------------------- reading


def _spans(role: dict | None) -> Spans:
    return tuple((int(s), int(e)) for s, e in role["spans"]) if role else ()


def _article(row: dict) -> GoldArticle:
    attributions = tuple(
        GoldAttribution(_spans(a.get("content")), _spans(a.get("source")) if a.get("has_source", True) else (),
                        (a.get("source") or {}).get("text") or "")
        for a in row["attributions"] if a.get("content"))
    return GoldArticle(row["article_id"], row.get("publisher") or "", row.get("publication_date"), row["text"],
                       attributions)


def read_gold(folder: Path, limit: int | None = None) -> list[GoldArticle]:
    path = Path(folder) / GOLD_FILE
    if not path.exists():
        raise EvalError(f"gold file {GOLD_FILE} is missing", subject=str(folder))
    articles = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                articles.append(_article(json.loads(line)))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError):
                raise EvalError(f"line {n} is not a PolNeAR article record", subject=str(path)) from None
            if limit is not None and len(articles) >= limit:
                break
    return articles


# --------------------------------------------------------------------------- predictions


def _cue_key(quote: Quote) -> object:
    """The cue by its offsets: two "said" of one speaker are two attributions; the cue text
    stands in for quotes made without offsets."""
    return (quote.cue_start, quote.cue_end) if quote.cue_start is not None else quote.cue


def predicted_attributions(quotes: list[Quote]) -> list[Predicted]:
    """Group quotes that share speaker span and cue into one attribution with several parts."""
    groups: dict[object, list[Quote]] = {}
    for i, q in enumerate(quotes):
        key = (q.speaker_start, q.speaker_end, _cue_key(q)) if q.speaker_start is not None else i
        groups.setdefault(key, []).append(q)
    out = []
    for parts in groups.values():
        q = parts[0]
        speaker = ((q.speaker_start, q.speaker_end),) if q.speaker_start is not None else ()
        words = tuple(w for w in ((q.speaker.text, q.speaker.name) if q.speaker else ()) if w)
        out.append(Predicted(tuple((p.start, p.end) for p in parts), speaker, words))
    return out


def _build_pipeline():
    """The Dyad pipeline with the stages that exist: the actors stage is optional here."""
    from dyad.nlp.pipeline import build_pipeline

    stages = [name for name, module in OPTIONAL_STAGES if importlib.util.find_spec(module) is not None]
    try:
        return build_pipeline(components=(*stages, "dyad_quotes")), stages
    except Exception:  # noqa: BLE001 - a broken optional stage must not hide the quotes figures
        return build_pipeline(components=("dyad_quotes",)), []


def predict(nlp, article: GoldArticle) -> list[Quote]:
    from dyad.nlp.analyse import parse

    document = Document(id=article.article_id, text=article.text, source=article.article_id,
                        published_at=article.date)
    return list(parse(nlp, document)._.quotes or ())


# --------------------------------------------------------------------------- scoring


def tokens(text: str, spans: Spans) -> frozenset[int]:
    """Start offsets of the word tokens inside ``spans``."""
    return frozenset(m.start() for s, e in spans for m in WORD.finditer(text, s, e))


def match(gold: list[frozenset[int]], pred: list[frozenset[int]]) -> list[Pair]:
    """One-to-one pairs, best token F1 first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            shared = len(g & p)
            if shared:
                candidates.append((2 * shared / (len(g) + len(p)), gi, pi, shared))
    used_g, used_p, pairs = set(), set(), []
    for _f1, gi, pi, shared in sorted(candidates, reverse=True):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append(Pair(gi, pi, shared, gold[gi] == pred[pi]))
    return pairs


def _last_word(text: str) -> str:
    words = WORD.findall(text.lower())
    return words[-1] if words else ""


PRONOUNS = frozenset("he she they it we i him her them his its their".split())


def speaker_correct(gold: GoldAttribution, pred: Predicted) -> bool:
    if any(s < ge and gs < e for s, e in pred.speaker for gs, ge in gold.source):
        return True
    surname = _last_word(gold.source_text)
    return bool(surname) and surname not in PRONOUNS and any(_last_word(w) == surname for w in pred.speaker_words)


@dataclass
class Tally:
    n_gold: int = 0
    n_pred: int = 0
    recall_mass: float = 0.0
    precision_mass: float = 0.0
    exact: int = 0
    speaker_n: int = 0
    speaker_ok: int = 0

    def metrics(self) -> dict[str, float]:
        p = self.precision_mass / self.n_pred if self.n_pred else 0.0
        r = self.recall_mass / self.n_gold if self.n_gold else 0.0
        ep = self.exact / self.n_pred if self.n_pred else 0.0
        er = self.exact / self.n_gold if self.n_gold else 0.0
        return {"content_f1": _f1(p, r), "content_precision": p, "content_recall": r,
                "content_exact_f1": _f1(ep, er),
                "speaker_accuracy": self.speaker_ok / self.speaker_n if self.speaker_n else 0.0}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_article(article: GoldArticle, preds: list[Predicted], tally: Tally, errors: Counter) -> list[dict]:
    """Add one article to ``tally``; return samples of misses and false alarms."""
    gold_tokens = [tokens(article.text, g.content) for g in article.attributions]
    pred_tokens = [tokens(article.text, p.content) for p in preds]
    pairs = match(gold_tokens, pred_tokens)
    tally.n_gold += sum(1 for g in gold_tokens if g)
    tally.n_pred += sum(1 for p in pred_tokens if p)
    samples = []
    for pair in pairs:
        g, p = gold_tokens[pair.gold], pred_tokens[pair.pred]
        tally.recall_mass += pair.overlap / len(g)
        tally.precision_mass += pair.overlap / len(p)
        tally.exact += pair.exact
        gold = article.attributions[pair.gold]
        if gold.source:
            ok = speaker_correct(gold, preds[pair.pred])
            tally.speaker_n += 1
            tally.speaker_ok += ok
            errors["wrong_speaker"] += not ok
        if pair.overlap / len(g) < 0.5:
            errors["content_too_short"] += 1
        elif pair.overlap / len(p) < 0.5:
            errors["content_too_long"] += 1
    matched_g, matched_p = {p.gold for p in pairs}, {p.pred for p in pairs}
    for gi, gold in enumerate(article.attributions):
        if gi not in matched_g and gold_tokens[gi]:
            errors["missed"] += 1
            samples.append({"article": article.article_id, "error": "missed",
                            "content": _text(article.text, gold.content)[:160], "source": gold.source_text})
    for pi, pred in enumerate(preds):
        if pi not in matched_p and pred_tokens[pi]:
            errors["spurious"] += 1
            samples.append({"article": article.article_id, "error": "spurious",
                            "content": _text(article.text, pred.content)[:160]})
    return samples


def _text(text: str, spans: Spans) -> str:
    return " … ".join(text[s:e] for s, e in spans)


def evaluate(folder: Path, limit: int | None = None) -> EvalResult:
    articles = read_gold(Path(folder), limit)
    nlp, stages = _build_pipeline()
    tally, by_publisher, errors, samples = Tally(), {}, Counter(), []
    for article in articles:
        preds = predicted_attributions(predict(nlp, article))
        pub = by_publisher.setdefault(article.publisher, Tally())
        samples += score_article(article, preds, tally, errors)
        score_article(article, preds, pub, Counter())
    details = {"stages": [*stages, "dyad_quotes"], "errors": dict(errors), "n_gold": tally.n_gold,
               "n_pred": tally.n_pred, "by_publisher": {k: v.metrics() for k, v in sorted(by_publisher.items())},
               "samples": samples[:200]}
    return EvalResult(dataset="polnear_attribution", n=len(articles),
                      metrics={k: round(v, 4) for k, v in tally.metrics().items()}, details=details)
