"""Main-text extraction on trafilatura's evaluation pages (segments that must / must not appear).

Metric (trafilatura's): a ``with`` segment contained in the extracted text is a true positive,
missing a false negative; a ``without`` segment contained is a false positive, absent a true
negative; counts are summed over pages. Unlike upstream, a page where nothing is extracted is
counted (all its ``with`` segments missed) rather than skipped. Metadata fields with gold
(title, author, sitename, date) are compared after whitespace and case normalisation
(``details``). Plain ``trafilatura.extract`` defaults are measured in the same run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from dyad.errors import DyadError
from dyad.eval import EvalResult
from dyad.eval.metrics import Counts, parallel_map, read_jsonl, read_page, rounded, safe_div, scores
from dyad.ingest.html import ExtractedPage, extract_html

GOLD_FILE = "expectations.jsonl"
DATASET = "trafilatura_eval"
META_FIELDS = ("title", "author", "sitename", "date")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class PageResult:
    id: str
    counts: Counts
    meta_hits: tuple[str, ...]  # metadata fields with gold that matched
    meta_gold: tuple[str, ...]  # metadata fields with gold


def segment_counts(text: str, must: list[str], must_not: list[str]) -> Counts:
    tp = sum(1 for s in must if s in text)
    fp = sum(1 for s in must_not if s in text)
    return Counts(tp=tp, fn=len(must) - tp, fp=fp, tn=len(must_not) - fp)


def _norm(value: str | None) -> str:
    return _SPACES.sub(" ", value or "").strip().casefold()


def meta_matches(row: dict, predicted: dict[str, str | None]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    gold = tuple(f for f in META_FIELDS if row.get(f))
    hits = tuple(f for f in gold if _norm(predicted.get(f)) == _norm(row[f]))
    return hits, gold


def _url(row: dict) -> str | None:
    # some upstream pages carry placeholder URLs ("hard::site-slug.html")
    url = row.get("url") or ""
    return url if url.startswith(("http://", "https://")) else None


def _dyad(data: bytes, url: str | None) -> tuple[str, dict]:
    try:
        page = extract_html(data, url=url)
    except DyadError:
        page = ExtractedPage(text="")
    return page.text, {"title": page.title, "author": page.author, "sitename": page.outlet,
                       "date": page.published_at if page.date_precision == "day" else None}


def _plain(data: bytes, url: str | None) -> tuple[str, dict]:
    text = trafilatura.extract(data, url=url) or ""
    meta = trafilatura.extract_metadata(data, default_url=url)
    return text, {f: getattr(meta, f, None) for f in META_FIELDS}


def _score_row(job: tuple[Path, dict]) -> tuple[PageResult, PageResult]:
    folder, row = job
    data = read_page(folder, row["html_file"])
    results = []
    for system in (_dyad, _plain):
        text, meta = system(data, _url(row))
        hits, gold = meta_matches(row, meta)
        results.append(PageResult(row["id"], segment_counts(text, row["with"], row["without"]), hits, gold))
    return results[0], results[1]


def summarise(pages: list[PageResult]) -> tuple[dict[str, float], dict[str, float]]:
    total = sum((p.counts for p in pages), Counts())
    meta = {f"{f}_accuracy": safe_div(sum(f in p.meta_hits for p in pages), sum(f in p.meta_gold for p in pages))
            for f in META_FIELDS}
    return scores(total), meta


def evaluate(folder: Path, limit: int | None = None) -> EvalResult:
    folder = Path(folder)
    rows = read_jsonl(folder / GOLD_FILE, limit)
    scored = parallel_map(_score_row, [(folder, row) for row in rows])
    dyad, dyad_meta = summarise([s[0] for s in scored])
    plain, plain_meta = summarise([s[1] for s in scored])
    missed = [p.id for p in (s[0] for s in scored) if p.counts.fn or p.counts.fp][:10]
    return EvalResult(
        dataset=DATASET, n=len(rows), metrics=rounded(dyad),
        details={"system": "dyad.ingest.html.extract_html", "metadata": rounded(dyad_meta),
                 "baseline": {"system": f"trafilatura.extract / extract_metadata defaults ({trafilatura.__version__})",
                              **rounded(plain), "metadata": rounded(plain_meta)},
                 "pages_with_errors": missed},
    )
