"""The PolNeAR attribution evaluator: scoring on hand-made records, the whole run on a tiny gold folder."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from dyad.errors import EvalError
from dyad.eval import evaluate
from dyad.eval.polnear_attribution import (GoldArticle, GoldAttribution, Predicted, Tally, match,
                                           predicted_attributions, read_gold, score_article, speaker_correct,
                                           tokens)
from dyad.models import ActorRef, Quote

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "polnear_attribution"

TEXT = ('"We will stay," said Omar Haddad. "The talks go on." '
        'Officials said the border would reopen. The weather was mild.')


def span_of(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def role(text: str, *parts: str) -> dict:
    spans = [list(span_of(text, p)) for p in parts]
    return {"spans": spans, "text": " ".join(parts)}


def gold_row(article_id: str = "a1") -> dict:
    return {"article_id": article_id, "split": "dev", "publisher": "test", "publication_date": "2016-10-01",
            "title": "t", "author": "x", "text": TEXT, "primary_annotator": "z", "other_spans": [],
            "other_annotators": {},
            "attributions": [
                {"id": "E1", "has_source": True, "source": role(TEXT, "Omar Haddad"), "cue": role(TEXT, "said"),
                 "content": role(TEXT, '"We will stay,"', '"The talks go on."')},
                {"id": "E2", "has_source": True, "source": role(TEXT, "Officials"),
                 "cue": {"spans": [[TEXT.index("said the"), TEXT.index("said the") + 4]], "text": "said"},
                 "content": role(TEXT, "the border would reopen")}]}


def quote(start, end, speaker_start=None, speaker_end=None, cue="said", name=None):
    speaker = ActorRef(id=None, name=name or TEXT[speaker_start:speaker_end],
                       text=TEXT[speaker_start:speaker_end]) if speaker_start is not None else None
    return Quote(sentence=0, start=start, end=end, text=TEXT[start:end], kind="direct", speaker=speaker,
                 speaker_start=speaker_start, speaker_end=speaker_end, cue=cue)


# --------------------------------------------------------------------------- scoring (no model)


def test_eval_quotes_tokens_ignore_punctuation():
    text = '"We will stay," he said.'
    assert len(tokens(text, ((0, len(text)),))) == 5
    assert tokens(text, ((0, 15),)) == tokens(text, ((1, 13),))


def test_eval_quotes_match_is_one_to_one_best_first():
    g = [frozenset({1, 2, 3}), frozenset({3, 4})]
    p = [frozenset({3, 4}), frozenset({1, 2})]
    pairs = sorted((x.gold, x.pred, x.overlap, x.exact) for x in match(g, p))
    assert pairs == [(0, 1, 2, False), (1, 0, 2, True)]


def test_eval_quotes_split_quote_parts_form_one_attribution():
    s, e = span_of(TEXT, "Omar Haddad")
    parts = [quote(*span_of(TEXT, "We will stay"), s, e), quote(*span_of(TEXT, "The talks go on"), s, e)]
    other = quote(*span_of(TEXT, "the border would reopen"))
    preds = predicted_attributions(parts + [other])
    assert len(preds) == 2 and len(preds[0].content) == 2


def test_eval_quotes_speaker_by_overlap_or_surname():
    gold = GoldAttribution(content=((0, 5),), source=(span_of(TEXT, "Omar Haddad"),), source_text="Omar Haddad")
    assert speaker_correct(gold, Predicted(((0, 5),), (span_of(TEXT, "Haddad"),), ("Haddad",)))
    assert speaker_correct(gold, Predicted(((0, 5),), ((90, 92),), ("he", "Omar Haddad")))
    assert not speaker_correct(gold, Predicted(((0, 5),), ((90, 92),), ("he", "Officials")))
    pronoun = GoldAttribution(content=((0, 5),), source=((200, 202),), source_text="He")
    assert not speaker_correct(pronoun, Predicted(((0, 5),), ((90, 92),), ("he",)))


def test_eval_quotes_score_article_perfect_and_partial():
    article = read_gold_rows([gold_row()])[0]
    s, e = span_of(TEXT, "Omar Haddad")
    perfect = predicted_attributions([quote(*span_of(TEXT, "We will stay"), s, e),
                                      quote(*span_of(TEXT, "The talks go on"), s, e),
                                      quote(*span_of(TEXT, "the border would reopen"), *span_of(TEXT, "Officials"))])
    tally, errors = Tally(), Counter()
    score_article(article, perfect, tally, errors)
    m = tally.metrics()
    assert m["content_f1"] == 1.0 and m["content_exact_f1"] == 1.0 and m["speaker_accuracy"] == 1.0
    partial = predicted_attributions([quote(*span_of(TEXT, "We will stay"), s, e),
                                      quote(*span_of(TEXT, "The weather was mild"))])
    tally = Tally()
    samples = score_article(article, partial, tally, errors)
    m = tally.metrics()
    assert m["content_precision"] == pytest.approx(0.5) and m["content_recall"] == pytest.approx(3 / 7 / 2)
    assert {x["error"] for x in samples} == {"missed", "spurious"}


def read_gold_rows(rows: list[dict]) -> list[GoldArticle]:
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        (Path(d) / "articles.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
        return read_gold(Path(d))


def test_eval_quotes_bad_gold_raises(tmp_path: Path):
    with pytest.raises(EvalError):
        read_gold(tmp_path)
    (tmp_path / "articles.jsonl").write_text('{"article_id": "x"}\n', encoding="utf-8")
    with pytest.raises(EvalError):
        read_gold(tmp_path)


# --------------------------------------------------------------------------- whole runs (model)


@pytest.mark.slow
def test_eval_quotes_tiny_gold_folder(tmp_path: Path):
    folder = tmp_path / "polnear_attribution"
    folder.mkdir()
    (folder / "articles.jsonl").write_text(json.dumps(gold_row()) + "\n", encoding="utf-8")
    result = evaluate(folder)
    assert result.n == 1 and result.dataset == "polnear_attribution"
    assert result.metrics["content_f1"] > 0.9 and result.metrics["speaker_accuracy"] == 1.0
    assert "dyad_quotes" in result.details["stages"]


@pytest.mark.slow
def test_eval_quotes_runs_on_bench():
    if not (BENCH / "articles.jsonl").exists():
        pytest.skip("../shared/bench/polnear_attribution is not present")
    result = evaluate(BENCH, limit=4)
    assert result.n == 4
    assert set(result.metrics) >= {"content_f1", "content_exact_f1", "content_precision", "content_recall",
                                   "speaker_accuracy"}
    assert all(0.0 <= v <= 1.0 for v in result.metrics.values())
