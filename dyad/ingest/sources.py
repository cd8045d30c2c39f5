"""Turn input arguments (files, directories, globs, "-", URLs) into read content, and
content into Pages — every failure becomes a ``Failed`` naming the input."""

from __future__ import annotations

import glob
import os
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Iterable, Iterator

from dyad.errors import DyadError
from dyad.ingest.fetch import FetchPolicy, fetch
from dyad.ingest.language import page_with_languages
from dyad.ingest.readers import Content, read_content
from dyad.ingest.sniff import classify, decode, unwrap_gzip
from dyad.models import Failed, Page

if TYPE_CHECKING:
    from dyad.ingest import IngestOptions

_GLOB_CHARS = set("*?[")


MAX_REASON_CHARS = 300


def read_all(inputs: Iterable[str], options: "IngestOptions", stdin: BinaryIO | None) -> Iterator[Page | Failed]:
    for arg in inputs:
        for outcome in guarded(str(arg), lambda arg=arg: read_one(str(arg), options, stdin)):
            yield one_line(outcome) if isinstance(outcome, Failed) else page_with_languages(outcome)


def one_line(failed: Failed) -> Failed:
    """Reasons quote foreign error messages, which may span lines; the CLI prints one line each."""
    reason = " ".join(failed.reason.split())
    if len(reason) > MAX_REASON_CHARS:
        reason = reason[: MAX_REASON_CHARS - 1] + "…"
    return Failed(failed.source, reason or "unreadable input")


def guarded(source: str, produce) -> Iterator[Page | Failed]:
    """Run one input's reader; whatever goes wrong ends as Failed for that input only."""
    try:
        yield from produce()
    except DyadError as err:
        yield Failed(source, err.message)
    except OSError as err:
        yield Failed(source, f"cannot read ({err.strerror or err})")
    except Exception as err:  # noqa: BLE001 — a reader bug must not stop the other inputs
        yield Failed(source, f"unexpected {type(err).__name__} while reading: {err}")


def read_one(arg: str, options: "IngestOptions", stdin: BinaryIO | None) -> Iterator[Page | Failed]:
    if arg == "-":
        yield from read_stdin(options, stdin)
    elif arg.lower().startswith(("http://", "https://")):
        yield from read_url(arg, options)
    elif os.path.isdir(arg):
        for path in walk(Path(arg)):
            yield from guarded(str(path), lambda path=path: read_file(path, options))
    elif os.path.exists(arg):
        yield from read_file(Path(arg), options)
    elif _GLOB_CHARS & set(arg):
        paths = sorted(p for p in glob.glob(arg, recursive=True) if not _hidden(Path(p)))
        if not paths:
            yield Failed(arg, "no files match this pattern")
        for path in paths:
            yield from guarded(path, lambda path=path: read_one(path, options, stdin))
    else:
        yield Failed(arg, "no such file, directory or URL")


def walk(root: Path) -> list[Path]:
    """Files under root, sorted, without hidden files or folders."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(folder) / f for f in files if not f.startswith(".")]
    return sorted(found)


def _hidden(path: Path) -> bool:
    return any(part.startswith(".") and part not in (".", "..") for part in path.parts)


def read_file(path: Path, options: "IngestOptions") -> Iterator[Page | Failed]:
    size = path.stat().st_size
    if size > options.max_bytes:
        yield Failed(str(path), f"file of {size} bytes is over the {options.max_bytes}-byte limit; raise --max-bytes")
        return
    with path.open("rb") as fh:  # capped: devices and pipes report no size
        data = fh.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        yield Failed(str(path), f"input is over the {options.max_bytes}-byte limit; raise --max-bytes")
        return
    data = unwrap_gzip(data, options.max_bytes)
    # A pasted page was saved when it was read: its relative times count from then.
    retrieved = options.now or datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
    suffix = (path.with_suffix("") if path.suffix == ".gz" else path).suffix.lower()
    yield from read_bytes(str(path), data, retrieved, suffix, options)


def read_stdin(options: "IngestOptions", stdin: BinaryIO | None) -> Iterator[Page | Failed]:
    stream = stdin if stdin is not None else sys.stdin.buffer
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        yield Failed("-", f"standard input is over the {options.max_bytes}-byte limit; raise --max-bytes")
        return
    data = unwrap_gzip(data, options.max_bytes)
    yield from read_bytes("-", data, options.now or datetime.now(timezone.utc), "", options)


def read_url(url: str, options: "IngestOptions") -> Iterator[Page | Failed]:
    policy = FetchPolicy(options.max_bytes, options.fetch_timeout, options.user_agent, options.allow_private)
    fetched = fetch(url, policy)
    data = unwrap_gzip(fetched.data, options.max_bytes)
    suffix = Path(fetched.url.split("?")[0]).suffix.lower()
    yield from read_bytes(url, data, options.now or fetched.retrieved_at, suffix, options,
                          final_url=fetched.url, content_type=fetched.content_type)


def read_bytes(source: str, data: bytes, retrieved: datetime, suffix: str, options: "IngestOptions",
               final_url: str | None = None, content_type: str | None = None) -> Iterator[Page | Failed]:
    text = decode(data, _charset(content_type))
    kind = classify(text, suffix, content_type)
    content = Content(source, data, text, kind, retrieved, final_url, content_type)
    follow = (lambda link: guarded(link, lambda: read_url(link, options))) if options.follow else None
    yield from read_content(content, follow)


def _charset(content_type: str | None) -> str | None:
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None
