"""Decide what an input is (plain text, HTML, feed, JSONL) and decode its bytes.

Content wins over the file name: a ``.txt`` file that holds HTML is read as HTML.
Nothing here raises anything but ``UnsupportedInput`` / ``DecodeError``.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import re
from typing import Literal

from charset_normalizer import from_bytes

from dyad.errors import DecodeError, UnsupportedInput

Kind = Literal["text", "html", "feed", "jsonl"]

# Leading bytes of common binary formats people point a reader at by mistake.
_MAGIC = (
    (b"%PDF", "a PDF"), (b"PK\x03\x04", "a ZIP/Office archive"), (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"), (b"\xff\xd8\xff", "a JPEG image"), (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"), (b"BZh", "a bzip2 archive"), (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7z archive"), (b"RIFF", "a RIFF media file"), (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"), (b"SQLite format 3", "a SQLite database"), (b"\xd0\xcf\x11\xe0", "an old Office file"),
)
_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
_FEED_EXT = {".rss", ".atom", ".xml"}
_JSONL_EXT = {".jsonl", ".ndjson", ".json"}
_FEED_ROOT = re.compile(r"<(rss|feed|rdf:RDF)[\s>]", re.I)
_HTML_START = re.compile(r"<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)
_TAG = re.compile(r"</?(p|div|span|a|br|h[1-6]|article|section|li|ul|table|img|meta|script)\b[^>]*>", re.I)


def unwrap_gzip(data: bytes, max_bytes: int) -> bytes:
    """Saved pages are often gzipped (``page.html.gz``); inflate with the same size cap."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            inflated = fh.read(max_bytes + 1)
    except (OSError, EOFError, ValueError) as exc:
        raise UnsupportedInput(f"broken gzip data ({exc})") from None
    if len(inflated) > max_bytes:
        raise UnsupportedInput(f"larger than {max_bytes} bytes once decompressed; raise --max-bytes to read it")
    return inflated


def check_binary(data: bytes) -> None:
    """Refuse empty input and binary formats before trying to decode."""
    if not data.strip():
        raise UnsupportedInput("empty input")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise UnsupportedInput(f"binary file ({what}), not text")
    if any(data.startswith(bom) for bom in _BOMS):
        return  # UTF-16/32 text legitimately holds NUL bytes
    if b"\x00" in data[:8192]:
        raise UnsupportedInput("binary file (NUL bytes), not text")


def decode(data: bytes, declared: str | None = None) -> str:
    """Bytes → text: BOM, then the declared charset, then UTF-8, then charset-normalizer."""
    check_binary(data)
    text = _try_codecs(data, declared)
    if text is None:
        text = data.decode(_guess_encoding(data), errors="replace")
    text = text.lstrip("\ufeff")
    if _control_share(text) > 0.05:
        raise UnsupportedInput("binary content (control characters), not text")
    if not text.strip():
        raise UnsupportedInput("empty input (only whitespace)")
    return text


def _guess_encoding(data: bytes) -> str:
    """charset-normalizer's choice, except that windows-1252 wins a tie: on short Western
    text several code pages are equally plausible and 1252 is by far the most common."""
    matches = list(from_bytes(data[:200_000]))
    if not matches or matches[0].encoding is None:
        raise DecodeError("unknown text encoding; convert the file to UTF-8")
    best = matches[0]
    tied = [m.encoding for m in matches if m.chaos <= best.chaos + 0.01]
    return "cp1252" if "cp1252" in tied else best.encoding


def _try_codecs(data: bytes, declared: str | None) -> str | None:
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace")
    for name in filter(None, (declared, "utf-8")):
        try:
            return data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def _control_share(text: str) -> float:
    sample = text[:20_000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or ch == "\ufffd")
    return bad / max(len(sample), 1)


def classify(text: str, suffix: str = "", content_type: str | None = None) -> Kind:
    """Sniff the decoded text; the suffix or content type only breaks ties."""
    head = text.lstrip()[:4096]
    ctype = (content_type or "").lower()
    if head.startswith("<") and _FEED_ROOT.search(head) and not _HTML_START.search(head):
        return "feed"
    if _HTML_START.search(head[:1024]) or (head.startswith("<") and len(_TAG.findall(head)) >= 3):
        return "html"
    if head.startswith(("{", "[")) and (suffix in _JSONL_EXT or "json" in ctype or _first_line_is_object(head)):
        return "jsonl"
    if suffix in _HTML_EXT or "html" in ctype:
        return "html" if "<" in head else "text"
    if suffix in _FEED_EXT or "rss" in ctype or "atom" in ctype:
        return "feed" if head.startswith("<") else "text"
    return "text"


def _first_line_is_object(head: str) -> bool:
    line = head.split("\n", 1)[0].strip()
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False
