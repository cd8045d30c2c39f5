"""Content ids and near-duplicate keys.

Two copies of an article that differ only in Unicode form, spacing or case get the
same id, so re-ingesting a page (or pasting it twice) is recognisable as a duplicate.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from datasketch import MinHash

_WORD = re.compile(r"\w+")
SHINGLE = 3  # word 3-grams: long enough to ignore common phrases, short enough for edits
NUM_PERM = 128


def normalise(text: str) -> str:
    """NFKC, whitespace collapsed to single spaces, casefolded."""
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


def content_id(text: str) -> str:
    """Stable id of a text: first 16 hex digits of sha256 of its normalised form."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:16]


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    words = _WORD.findall(normalise(text))
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def minhash(text: str) -> MinHash:
    """MinHash (128 permutations) of the text's word 3-grams, for MinHashLSH(threshold≈0.8)."""
    sketch = MinHash(num_perm=NUM_PERM)
    sketch.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
    return sketch
