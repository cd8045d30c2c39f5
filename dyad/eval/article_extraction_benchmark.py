"""Main-text extraction on the Zyte/Scrapinghub article-extraction benchmark.

Metric (the benchmark's own): pages are tokenised into word-character runs; predicted and
expected bodies are compared as bags of 4-token shingles, the counts normalised per page;
precision is averaged over pages that predicted text, recall over pages that expected text,
F1 is their harmonic mean; ``accuracy`` is the share of pages whose token sequence equals the
gold one (identical up to punctuation and spacing). ``token_*`` give the same figures on bags
of whitespace tokens. Plain ``trafilatura.extract`` defaults are measured in the same run
(``details["baseline"]``) so Dyad's added value is visible.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from dyad.errors import DyadError
from dyad.eval import EvalResult
from dyad.eval.metrics import (Counts, bag_overlap, bootstrap_std, page_averaged, parallel_map, read_jsonl,
                               read_page, rounded, shingles, words)
from dyad.ingest.html import extract_html

GOLD_FILE = "ground_truth.jsonl"
DATASET = "article_extraction_benchmark"


@dataclass(frozen=True)
class PageScore:
    id: str
    shingle: Counts
    token: Counts
    exact: bool


def score_text(page_id: str, expected: str, predicted: str) -> PageScore:
    true_words, pred_words = words(expected), words(predicted)
    return PageScore(
        id=page_id,
        shingle=bag_overlap(shingles(true_words), shingles(pred_words)),
        token=bag_overlap(Counter(expected.split()), Counter(predicted.split())),
        exact=true_words == pred_words,
    )


def summarise(pages: list[PageScore]) -> dict[str, float]:
    main = page_averaged([p.shingle for p in pages])
    tokens = page_averaged([p.token for p in pages])
    exact = sum(p.exact for p in pages) / len(pages) if pages else 0.0
    return {**main, "accuracy": exact, **{f"token_{k}": v for k, v in tokens.items()},
            "f1_std": bootstrap_std([p.shingle for p in pages])}


def _dyad_text(data: bytes, url: str | None) -> str:
    try:
        return extract_html(data, url=url).text
    except DyadError:
        return ""


def _plain_text(data: bytes, url: str | None) -> str:
    return trafilatura.extract(data, url=url) or ""


def _score_row(job: tuple[Path, dict]) -> tuple[PageScore, PageScore]:
    folder, row = job
    data = read_page(folder, row["html_file"])
    expected = row["article_body"]
    return (score_text(row["id"], expected, _dyad_text(data, row.get("url"))),
            score_text(row["id"], expected, _plain_text(data, row.get("url"))))


def evaluate(folder: Path, limit: int | None = None) -> EvalResult:
    folder = Path(folder)
    rows = read_jsonl(folder / GOLD_FILE, limit)
    scored = parallel_map(_score_row, [(folder, row) for row in rows])
    dyad, plain = [s[0] for s in scored], [s[1] for s in scored]
    worst = sorted(dyad, key=lambda p: p.shingle.tp)[:5]
    return EvalResult(
        dataset=DATASET, n=len(rows), metrics=rounded(summarise(dyad)),
        details={"system": "dyad.ingest.html.extract_html",
                 "baseline": {"system": f"trafilatura.extract defaults ({trafilatura.__version__})",
                              **rounded(summarise(plain))},
                 "worst_pages": [{"id": p.id, "tp": round(p.shingle.tp, 3)} for p in worst]},
    )
