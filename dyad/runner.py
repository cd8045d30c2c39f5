"""Orchestrates the one-way flow: ingest → nlp → store. Holds no stage logic of its own.

``ingest()`` yields one typed outcome per document (or per failed input): ``Stored``,
``Skipped`` (exact duplicate already stored) or ``Failed``. One bad input never loses the
others; each document is written in its own transaction.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import BinaryIO, Callable, Iterable, Iterator

import numpy as np

from dyad.errors import DyadError
from dyad.models import ActorRecord, Analysis, Document, Failed, Outcome, Skipped, Stored
from dyad.settings import Settings
from dyad.store import Store

NEAR_DUPLICATE_THRESHOLD = 0.8  # Jaccard estimate over word shingles; republished copies score ~0.9+
NUM_PERM = 128
BATCH = 16  # documents parsed per round (nlp.pipe batch; split across worker processes)


@dataclass
class Totals:
    """Counts per outcome (stored, near_duplicate, a skip reason, failed) and per failure reason."""

    counts: dict[str, int] = field(default_factory=dict)
    failure_reasons: dict[str, int] = field(default_factory=dict)
    failures: list[Failed] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        key = "failed" if isinstance(outcome, Failed) else outcome.reason
        self.counts[key] = self.counts.get(key, 0) + 1
        if isinstance(outcome, Failed):
            self.failures.append(outcome)
            self.failure_reasons[outcome.reason] = self.failure_reasons.get(outcome.reason, 0) + 1

    @property
    def failed(self) -> int:
        return len(self.failures)


# ---------------------------------------------------------------- analysis (in-process or in workers)

_WORKER: dict = {}
WARM_UP = ("The foreign minister of France met officials in Paris and Tehran on Monday, Reuters said. "
           "\"We will not accept this,\" he told reporters, according to a statement issued in 2023.")


def _init_worker(registry_paths: tuple[str, ...], embeddings: bool, threads: int = 0, tuned_ner: bool = True) -> None:
    from dyad.nlp.pipeline import load_pipeline

    _WORKER["nlp"] = load_pipeline(registry_paths, tuned_ner)
    _WORKER["nlp"](WARM_UP)  # load what the stages load lazily (place names, lexicons) before timing matters
    from dyad.ontology.actors import load_registry

    load_registry(tuple(registry_paths)).warm_up()  # the misspelling indexes: the warm-up text has no slip
    from dyad.timeparse import warm_up

    warm_up()  # dateparser's own lazy tables: the warm-up sentence's times never reach it
    from dyad.nlp.pipeline import fresh_tokenizer

    fresh_tokenizer(_WORKER["nlp"])  # what the warm-up's lazy lexicons tokenised is not article text
    # what is loaded by now (model, registry, indexes) lives as long as the process: the collector
    # need not walk it again at each full collection (one ~0.2 s pause per ~100 articles otherwise)
    gc.freeze()
    if embeddings:
        from dyad.embed import get_embedder

        _WORKER["embedder"] = get_embedder(threads)


def _analyse_one(document: Document) -> Analysis | str:
    """Analysis, or a one-line reason when the NLP stage failed on this document."""
    from dyad.nlp.analyse import analyse_document

    try:
        return analyse_document(_WORKER["nlp"], document, _WORKER.get("embedder"))
    except Exception as exc:  # one document's failure must not lose the batch
        first = str(exc).splitlines()[0] if str(exc) else ""
        return f"analysis failed: {exc.__class__.__name__}: {first}"


def _analyse_batch(documents: list[Document]) -> list[Analysis | str]:
    """Batched parse; if anything in the batch fails, redo it one by one to isolate the bad document."""
    from dyad.nlp.analyse import analyse_many

    try:
        return list(analyse_many(_WORKER["nlp"], documents, _WORKER.get("embedder")))
    except Exception:
        return [_analyse_one(d) for d in documents]


class Analyser:
    """Runs the NLP stage in this process or in a pool of worker processes."""

    def __init__(self, settings: Settings):
        self.workers = max(1, settings.workers)
        self.pool = None
        if self.workers > 1:
            # spawn, not fork: a forked child inherits the parent's native thread pools (onnxruntime,
            # tokenizers) in a broken state and ran several times slower in measurement.
            self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_init_worker,
                                            initargs=(settings.registry_paths, settings.embeddings, 1, settings.tuned_ner))
        else:
            _init_worker(settings.registry_paths, settings.embeddings, 0, settings.tuned_ner)

    def map(self, documents: list[Document]) -> list[Analysis | str]:
        if self.pool is None:
            return _analyse_batch(documents)
        parts = balanced_parts([len(d.text) for d in documents], self.workers)
        results: list[Analysis | str | None] = [None] * len(documents)
        for part, analyses in zip(parts, self.pool.map(_analyse_batch, [[documents[k] for k in p] for p in parts])):
            for k, analysis in zip(part, analyses):
                results[k] = analysis
        return results  # type: ignore[return-value]

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()


def balanced_parts(sizes: list[int], n: int) -> list[list[int]]:
    """Indices split into at most ``n`` parts of about equal total size, each in input order:
    the call waits for its slowest worker, and halves cut by count idled one worker for a
    long article (greedy: the longest next, onto the lightest part)."""
    loads, parts = [0] * n, [[] for _ in range(n)]
    for k in sorted(range(len(sizes)), key=lambda k: (-sizes[k], k)):
        lightest = loads.index(min(loads))
        parts[lightest].append(k)
        loads[lightest] += sizes[k]
    return [sorted(p) for p in parts if p]


# ---------------------------------------------------------------- registry mirror and event scores


def sync_registry(store: Store, settings: Settings) -> None:
    from dyad.ontology.actors import load_registry

    registry = load_registry(settings.registry_paths)
    records = [ActorRecord(id=a.id, name=a.name, kind=a.kind, country=a.country, sector=a.sector,
                           aliases=tuple(al.text for al in a.aliases),
                           origin="user" if getattr(a, "origin", "registry") == "user" else "registry")
               for a in registry.actors.values()]
    fingerprint = hashlib.sha1(repr(sorted((r.id, r.name, r.country, r.sector) for r in records)).encode()).hexdigest()
    store.sync_actors(records, fingerprint)


def quad_score() -> Callable[[str], tuple[str | None, float | None]]:
    from dyad.ontology.plover import load_plover

    plover = load_plover()

    def lookup(category: str):
        try:
            return plover.quad(category), plover.score(category)
        except Exception:
            return None, None

    return lookup


# ---------------------------------------------------------------- near-duplicates


class NearDuplicates:
    def __init__(self, store: Store):
        from datasketch import MinHashLSH

        self.lsh = MinHashLSH(threshold=NEAR_DUPLICATE_THRESHOLD, num_perm=NUM_PERM)
        for doc_id, data in store.minhashes():
            self._insert(doc_id, _from_bytes(data))

    def _insert(self, doc_id: str, mh) -> None:
        if doc_id not in self.lsh.keys:
            self.lsh.insert(doc_id, mh)

    def check(self, document: Document):
        """(minhash bytes, id of the earlier copy or None); registers the document when it is new."""
        from dyad.ingest import minhash

        mh = minhash(document.text)
        matches = sorted(self.lsh.query(mh))
        if not matches:
            self._insert(document.id, mh)
        return mh.hashvalues.astype("<u8").tobytes(), (matches[0] if matches else None)


def _from_bytes(data: bytes):
    from datasketch import MinHash

    # Signatures are stored by this runner from MinHash objects of the default scheme.
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(data, dtype="<u8"), scheme=MinHash().scheme)


# ---------------------------------------------------------------- the run


def ingest(inputs: Iterable[str], store: Store, settings: Settings, *, follow: bool = False,
           stdin: BinaryIO | None = None, analyse: bool = True) -> Iterator[Outcome]:
    """Read, deduplicate, analyse and store; one outcome per document or failed input."""
    from dyad.ingest import IngestOptions, read_inputs

    options = IngestOptions(max_bytes=settings.max_bytes, fetch_timeout=settings.fetch_timeout,
                            user_agent=settings.user_agent, allow_private=settings.allow_private, follow=follow)
    if analyse:
        sync_registry(store, settings)
    near = NearDuplicates(store)
    analyser = Analyser(settings) if analyse else None
    scores = quad_score() if analyse else None
    pending: list[tuple[Document, bytes, str | None]] = []
    seen: set[str] = set()
    try:
        for item in read_inputs(inputs, options, stdin=stdin):
            if isinstance(item, Failed):
                yield item
                continue
            for document in item.documents:
                if document.id in seen or store.has_document(document.id):
                    yield Skipped(source=document.source, reason="duplicate", of=document.id)
                    continue
                seen.add(document.id)
                signature, duplicate_of = near.check(document)
                pending.append((document, signature, duplicate_of))
            if len(pending) >= BATCH:
                yield from _flush(pending, store, analyser, scores)
                pending = []
        yield from _flush(pending, store, analyser, scores)
    finally:
        if analyser:
            analyser.close()


def _not_analysed(document: Document) -> str | None:
    """Why the (English) analysis does not apply to a document, or None when it does."""
    from dyad.ingest.language import analysed

    return None if analysed(document) else f"language {document.language}: Dyad analyses English"


def analyse_all(analyser: Analyser, documents: list[Document]) -> list[Analysis | str]:
    """English documents through the NLP stage; others get their sentences only (searchable)."""
    from dyad.nlp.plain import plain_analysis

    english = [_not_analysed(d) is None for d in documents]
    chosen = [d for d, yes in zip(documents, english) if yes]
    results = iter(analyser.map(chosen) if chosen else [])
    return [next(results) if yes else plain_analysis(d.text) for d, yes in zip(documents, english)]


def _flush(pending, store: Store, analyser: Analyser | None, scores) -> Iterator[Outcome]:
    if not pending:
        return
    analyses = analyse_all(analyser, [p[0] for p in pending]) if analyser else [None] * len(pending)
    for (document, signature, duplicate_of), analysis in zip(pending, analyses):
        if isinstance(analysis, str):
            yield Failed(source=document.source, reason=analysis)
            continue
        try:
            store.add_document(document, analysis, minhash=signature, duplicate_of=duplicate_of, quad_score=scores)
        except DyadError as exc:
            yield Failed(source=document.source, reason=str(exc))
            continue
        yield Stored(source=document.source, document_id=document.id, title=document.title,
                     duplicate_of=duplicate_of, not_analysed=_not_analysed(document) if analyser else None)


def reanalyse(store: Store, settings: Settings, document_ids: list[str] | None = None) -> Iterator[Outcome]:
    """Re-run the NLP stage over stored documents (after a registry or lexicon change)."""
    sync_registry(store, settings)
    analyser = Analyser(settings)
    scores = quad_score()
    try:
        ids = document_ids or store.document_ids()
        for start in range(0, len(ids), BATCH):
            documents = [store.document(i) for i in ids[start:start + BATCH]]
            for document, analysis in zip(documents, analyse_all(analyser, documents)):
                if isinstance(analysis, str):
                    yield Failed(source=document.id, reason=analysis)
                    continue
                store.replace_analysis(document.id, analysis, quad_score=scores)
                yield Stored(source=document.source, document_id=document.id, title=document.title,
                             not_analysed=_not_analysed(document))
    finally:
        analyser.close()
