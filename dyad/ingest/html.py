"""One HTML page → its main text and the metadata a careful reader would note.

trafilatura finds the main text and most metadata, htmldate the publication date. What Dyad
adds around them, each kept because it measured better on the dev sets (figures in
docs/evaluation.md, "Ingest: extraction and dates"; the switches are ``Options``):

* decoding bytes itself (BOM, then UTF-8, then the declared charset, then
  charset-normalizer), so no byte can crash the pipeline;
* trafilatura in precision mode, with a recall retry and its baseline when that keeps nothing;
* the headline kept in ``title`` and dropped from the text's first line; a site name
  dropped from the title ("Headline | Outlet"); byline words and the outlet's own name
  dropped from the authors;
* the page's own ``<meta>``, Open Graph and JSON-LD for the language and canonical URL, and
  as fallbacks when trafilatura's metadata has a gap;
* year precision for a 1 January that only htmldate's extensive (guessing) search produced,
  and no date later than the retrieval date.

Foreign failures (lxml, trafilatura, htmldate) are mapped to ``dyad.errors`` here; a page
without main text gives ``text == ""`` (the reader reports it), not an exception.
"""

from __future__ import annotations

import codecs
import json
import logging
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

import charset_normalizer
import htmldate
import trafilatura
from lxml.html import HtmlElement

from dyad.errors import DecodeError, UnsupportedInput
from dyad.models import Precision

LOG = logging.getLogger(__name__)

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class ExtractedPage:
    """The main text of one HTML page with its metadata; ``text`` is "" when nothing was found."""

    text: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None  # site name
    url: str | None = None  # canonical URL when the page declares one, else the given URL
    published_at: str | None = None  # ISO date (YYYY-MM-DD)
    date_precision: Precision | None = None
    language: str | None = None  # ISO 639-1 from the page's markup
    description: str | None = None


@dataclass(frozen=True)
class Options:
    """Extraction choices; the defaults are the measured best (docs/evaluation.md)."""

    favor_precision: bool = True  # +0.010 F1 on the article benchmark, +0.002 on trafilatura_eval
    favor_recall: bool = False
    fast: bool = False
    recall_retry: bool = True  # when the main extraction returns nothing
    baseline_rescue: bool = True  # when even the retry returns nothing
    original_date: bool = True
    extensive_date: bool = True
    page_meta_fallback: bool = True
    strip_title_site: bool = True  # "Headline | Outlet" → "Headline"
    clean_author: bool = True  # drop "By", and the outlet's own name among the authors
    year_guess_check: bool = True  # a 1 January date only the extensive search finds is a year
    drop_headline: bool = True  # the headline lives in ``title``, not as the text's first line


DEFAULT_OPTIONS = Options()


def extract_html(data: bytes, url: str | None = None, retrieved_at: str | None = None, *,
                 content_type: str | None = None, options: Options = DEFAULT_OPTIONS) -> ExtractedPage:
    """Main text and metadata of one page. ``content_type`` is the HTTP header, if any.

    Raises ``UnsupportedInput`` (empty or binary input) or ``DecodeError`` (no parseable HTML).
    """
    text = decode_html(data, content_type=content_type, subject=url)
    tree = _parse(text, url)
    doc = _trafilatura(tree, url, options)
    body = doc.text if doc is not None and doc.text else ""
    if not body:
        body = _rescue_text(tree, url, options)
    meta = page_meta(tree) if options.page_meta_fallback else PageMeta()
    page = _assemble(body.strip(), _metadata(tree, url, options), meta, url, retrieved_at)
    if options.strip_title_site and page.title:
        page = replace(page, title=strip_site_suffix(page.title, page.outlet, page.url))
    if options.drop_headline and page.title:
        page = replace(page, text=drop_headline(page.text, page.title))
    if options.clean_author and page.author:
        page = replace(page, author=clean_author(page.author, page.outlet, page.url))
    if options.year_guess_check and page.published_at:
        page = replace(page, date_precision=_day_or_year(tree, page.published_at, url, options))
    return page


# --------------------------------------------------------------------------- decoding


def decode_html(data: bytes, content_type: str | None = None, subject: str | None = None) -> str:
    """Bytes → str without ever failing on a byte: BOM, UTF-8, declared charset, detection."""
    if not isinstance(data, (bytes, bytearray)):
        raise UnsupportedInput(f"expected bytes, got {type(data).__name__}", subject=subject)
    if not data.strip():
        raise UnsupportedInput("empty input; nothing to extract", subject=subject)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data[:2048]:
        raise UnsupportedInput("binary content (NUL bytes), not an HTML page", subject=subject)
    for encoding in _candidate_encodings(data, content_type):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    guess = charset_normalizer.from_bytes(data[:200_000]).best()
    if guess is not None and guess.encoding:
        return data.decode(guess.encoding, errors="replace")
    return data.decode("utf-8", errors="replace")


def _candidate_encodings(data: bytes, content_type: str | None) -> list[str]:
    """UTF-8 first: real text in a single-byte charset almost never forms valid UTF-8,
    while pages that declare latin-1 but are UTF-8 are common."""
    declared = []
    if content_type and (m := _HEADER_CHARSET.search(content_type)):
        declared.append(m.group(1))
    if m := _META_CHARSET.search(data[:4096]):
        declared.append(m.group(1).decode("ascii", "ignore"))
    return ["utf-8"] + [_whatwg_name(name) for name in declared if _known_codec(name)]


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _whatwg_name(name: str) -> str:
    # browsers read latin-1/ascii labels as windows-1252 (the WHATWG encoding standard)
    normal = codecs.lookup(name).name
    return "cp1252" if normal in {"latin-1", "iso8859-1", "ascii"} else normal


def _parse(text: str, url: str | None) -> HtmlElement:
    try:
        tree = trafilatura.load_html(text)
    except Exception as err:  # lxml raises several unrelated types on hostile input
        raise DecodeError(f"unparseable HTML ({type(err).__name__})", subject=url) from None
    if tree is None:
        raise DecodeError("no parseable HTML in the input", subject=url)
    return tree


# --------------------------------------------------------------------------- main text


def _trafilatura(tree: HtmlElement, url: str | None, options: Options):
    """trafilatura's main text (it copies the tree it is given); None when it keeps nothing."""
    try:
        return trafilatura.bare_extraction(
            tree, url=url, fast=options.fast, favor_precision=options.favor_precision,
            favor_recall=options.favor_recall, include_comments=False, include_tables=True)
    except Exception as err:  # trafilatura documents ValueError but lxml errors leak through
        LOG.debug("trafilatura failed on %s: %s", url, err)
        return None


def _metadata(tree: HtmlElement, url: str | None, options: Options):
    """trafilatura's metadata, apart from the text: a page whose text is rejected keeps its date."""
    try:
        return trafilatura.extract_metadata(tree, default_url=url,
                                            date_config=_date_params(url, options))
    except Exception as err:
        LOG.debug("trafilatura metadata failed on %s: %s", url, err)
        return None


def _date_params(url: str | None, options: Options) -> dict:
    return {"original_date": options.original_date, "extensive_search": options.extensive_date, "url": url}


def _not_after(day: str | None, retrieved_at: str | None) -> str | None:
    """A page cannot be published after it was retrieved: such a date is wrong, so none is
    given. One day of slack: the page's local date may run ahead of the UTC retrieval time.
    (htmldate's own ``max_date`` is not used: when the page's only date lies beyond it,
    htmldate returns the bound itself, inventing a date.)"""
    if not (day and retrieved_at and _ISO_DATE.match(retrieved_at)):
        return day
    try:
        latest = date.fromisoformat(retrieved_at[:10]) + timedelta(days=1)
        return day if date.fromisoformat(day) <= latest else None
    except ValueError:
        return day


def _day_or_year(tree: HtmlElement, day: str, url: str | None, options: Options) -> Precision:
    """htmldate's extensive search turns a bare year (a copyright line, an archive heading)
    into 1 January; unless the precise search confirms that day, only the year is known."""
    if not day.endswith("-01-01"):
        return "day"
    try:
        confirmed = htmldate.find_date(tree, **{**_date_params(url, options), "extensive_search": False})
    except Exception:
        confirmed = None
    return "day" if confirmed == day else "year"


def _rescue_text(tree: HtmlElement, url: str | None, options: Options) -> str:
    """When trafilatura keeps nothing: a recall-mode pass, then its whole-page baseline."""
    if options.recall_retry and not options.favor_recall:
        try:
            text = trafilatura.extract(tree, url=url, favor_recall=True, include_comments=False)
        except Exception:
            text = None
        if text:
            return text
    if options.baseline_rescue:
        try:
            return trafilatura.baseline(tree)[1]
        except Exception:
            return ""
    return ""


# --------------------------------------------------------------------------- metadata


@dataclass(frozen=True)
class PageMeta:
    """What the page says about itself in <head> and JSON-LD, before any guessing."""

    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    canonical: str | None = None
    description: str | None = None
    language: str | None = None


def page_meta(tree: HtmlElement) -> PageMeta:
    metas = _meta_values(tree)
    ld = _json_ld(tree)
    return PageMeta(
        title=_first(metas.get("og:title"), metas.get("twitter:title"), ld.get("headline"), _title_tag(tree)),
        author=_first(metas.get("author"), metas.get("article:author"), ld.get("author"),
                      metas.get("dc.creator"), metas.get("byl")),
        sitename=_first(metas.get("og:site_name"), ld.get("publisher"), metas.get("application-name")),
        canonical=_first(_canonical(tree), metas.get("og:url")),
        description=_first(metas.get("description"), metas.get("og:description"), ld.get("description")),
        language=_language(tree, metas),
    )


def _meta_values(tree: HtmlElement) -> dict[str, str]:
    """First non-empty content per lower-cased meta name/property."""
    values: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or "").lower().strip()
        content = (el.get("content") or "").strip()
        if key and content and key not in values:
            values[key] = content
    return values


_LD_TYPES = {"article", "newsarticle", "reportagenewsarticle", "blogposting", "webpage", "analysisnewsarticle",
             "opinionnewsarticle", "backgroundnewsarticle", "liveblogposting", "report", "scholarlyarticle"}


def _json_ld(tree: HtmlElement) -> dict[str, str]:
    """headline/author/publisher/description of the first article-like JSON-LD object."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "")
        except (ValueError, TypeError):
            continue
        for obj in _ld_objects(data):
            types = obj.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t.lower() in _LD_TYPES for t in types):
                return {k: v for k in ("headline", "author", "publisher", "description")
                        if (v := _ld_text(obj.get(k)))}
    return {}


def _ld_objects(data) -> list[dict]:
    if isinstance(data, list):
        return [o for item in data for o in _ld_objects(item)]
    if isinstance(data, dict):
        return [data] + _ld_objects(data.get("@graph", []))
    return []


def _ld_text(value) -> str | None:
    """A name out of a JSON-LD value: a string, an object with "name", or a list of those."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _ld_text(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_ld_text(v) for v in value) if n]
        return "; ".join(dict.fromkeys(names)) or None
    return None


def _title_tag(tree: HtmlElement) -> str | None:
    found = tree.find(".//title")
    return found.text_content().strip() or None if found is not None else None


def _canonical(tree: HtmlElement) -> str | None:
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower().strip() == "canonical" and (href := (link.get("href") or "").strip()):
            if href.startswith(("http://", "https://")):
                return href
    return None


def _language(tree: HtmlElement, metas: dict[str, str]) -> str | None:
    raw = _first(tree.get("lang"), tree.get("xml:lang"), metas.get("content-language"), metas.get("og:locale"))
    if not raw:
        return None
    code = re.split(r"[-_]", raw.strip().lower())[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def _first(*values: str | None) -> str | None:
    for value in values:
        if value and (clean := _SPACES.sub(" ", value).strip()):
            return clean
    return None


def _assemble(text: str, doc, meta: PageMeta, url: str | None, retrieved_at: str | None) -> ExtractedPage:
    """trafilatura's metadata first; the page's own declarations fill the gaps."""
    get = (lambda name: getattr(doc, name, None)) if doc is not None else (lambda name: None)
    day = _not_after(_iso_day(get("date")), retrieved_at)
    return ExtractedPage(
        text=text,
        title=_first(get("title"), meta.title),
        author=_first(get("author"), meta.author),
        outlet=_first(get("sitename"), meta.sitename),
        url=_first(meta.canonical, get("url") if _is_http(get("url")) else None, url),
        published_at=day,
        date_precision="day" if day else None,
        language=meta.language,
        description=_first(get("description"), meta.description),
    )


_TITLE_SEPARATOR = re.compile(r"\s+(?:[|\-–—›»«·:]{1,2})\s+")


def strip_site_suffix(title: str, outlet: str | None, url: str | None) -> str:
    """Drop a leading or trailing title segment that names the site ("Headline - Outlet")."""
    seps = list(_TITLE_SEPARATOR.finditer(title))
    names = {n for n in (_alnum(outlet), _alnum(_host_name(url))) if len(n) >= 3}
    if not seps or not names:
        return title
    if _names_site(title[seps[-1].end():], names):
        return title[:seps[-1].start()].strip() or title
    if _names_site(title[:seps[0].start()], names):
        return title[seps[0].end():].strip() or title
    return title


def drop_headline(text: str, title: str) -> str:
    """The text without a first line that repeats the title (punctuation and case aside)."""
    first, _, rest = text.partition("\n")
    return rest.lstrip("\n") if rest and _alnum(first) == _alnum(title) else text


_BYLINE = re.compile(r"^(?:by|von|por|par|di|door|posted by|written by|text|texto|autor|author)\b[:\s]+", re.I)


def clean_author(author: str, outlet: str | None, url: str | None) -> str | None:
    """Names without a byline word; the outlet's own name dropped when a person is also named."""
    names = [_BYLINE.sub("", n).strip() for n in author.split(";")]
    names = [n for n in names if n]
    site = {n for n in (_alnum(outlet), _alnum(_host_name(url))) if len(n) >= 3}
    people = [n for n in names if not (site and _names_site(n, site))]
    kept = people or names
    return "; ".join(dict.fromkeys(kept)) or None


def _names_site(segment: str, names: set[str]) -> bool:
    seg = _alnum(segment)
    return bool(seg) and any(seg == n or (len(seg) >= 4 and (seg in n or n in seg)) for n in names)


def _alnum(value: str | None) -> str:
    return re.sub(r"\W+", "", value or "").casefold()


def _host_name(url: str | None) -> str | None:
    """"www.japantimes.co.jp" → "japantimes": the registered name without www/TLDs."""
    m = re.match(r"https?://([^/:?#]+)", url or "")
    if not m:
        return None
    labels = [l for l in m.group(1).lower().split(".") if l not in {"www", "m", "amp"}]
    while len(labels) > 1 and len(labels[-1]) <= 3:
        labels.pop()
    return labels[-1] if labels else None


def _is_http(value: str | None) -> bool:
    return bool(value) and value.startswith(("http://", "https://"))


def _iso_day(value: str | None) -> str | None:
    return value[:10] if value and _ISO_DATE.match(value) else None
