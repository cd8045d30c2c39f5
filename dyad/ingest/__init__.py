"""Ingest: read files, directories, globs, stdin and URLs; clean pasted pages; split
them into articles; read their metadata.

Public API::

    read_inputs(inputs, options, stdin=None) -> Iterator[Page | Failed]
    content_id(text) -> str        # sha256 of NFKC/whitespace/casefold-normalised text, 16 hex
    minhash(text) -> MinHash       # word 3-gram MinHash (128 perms) for MinHashLSH(threshold≈0.8)

Every input ends as one or more ``Page`` or as ``Failed`` with a one-line reason; nothing
raises out of ``read_inputs`` for a bad input. JSONL lines and feed entries are one Page
each (source ``file.jsonl:17``, ``feed.xml:3``) so one bad line never loses the others.

Modules: ``sources`` (inputs → bytes), ``sniff`` (binary/empty checks, decoding, format),
``readers`` / ``feeds`` (per format), ``fetch`` (safe HTTP), ``pasted`` (pasted pages:
``clean`` chrome, ``split`` related articles, ``meta`` bylines/notes/bios, ``dates``),
``html`` (main text of HTML pages), ``ids`` (content ids, MinHash). Patterns and tables
live in ``data/*.yaml``.

``Document.meta`` keys this package writes: ``domain`` (shared page's site), ``related``
(how many related articles were split off), ``dropped_related_lines``, ``printed_time``
(a teaser's time as printed), ``updated_at``, ``description`` (HTML), ``entry_id`` and
``tags`` (feeds), and any extra JSONL field (``id``, ``license`` ...). JSONL text is kept
byte-for-byte (gold annotations point into it); pasted pages are cleaned.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO, Iterable, Iterator

from dyad.ingest.ids import content_id, minhash
from dyad.models import Failed, Page

__all__ = ["IngestOptions", "read_inputs", "content_id", "minhash"]


@dataclass(frozen=True)
class IngestOptions:
    max_bytes: int = 20_000_000
    fetch_timeout: float = 20.0
    user_agent: str = "Dyad/0.1 (+local news analysis; no crawling)"
    allow_private: bool = False
    follow: bool = False  # feeds: fetch each entry's page instead of using its summary
    now: datetime | None = None  # retrieval time override (tests); files default to their mtime

    @classmethod
    def from_settings(cls, settings, **changes) -> "IngestOptions":
        """From ``dyad.settings.Settings`` plus per-call choices (``follow``, ``now``)."""
        return cls(max_bytes=settings.max_bytes, fetch_timeout=settings.fetch_timeout,
                   user_agent=settings.user_agent, allow_private=settings.allow_private, **changes)


def read_inputs(inputs: Iterable[str], options: IngestOptions, stdin: BinaryIO | None = None
                ) -> Iterator[Page | Failed]:
    """Pages (or Failed) for each input in order; directories are read recursively, sorted."""
    from dyad.ingest.sources import read_all

    if isinstance(inputs, (str, bytes)):  # one path given bare, not its characters
        inputs = [inputs.decode() if isinstance(inputs, bytes) else inputs]
    return read_all(inputs, options, stdin)
