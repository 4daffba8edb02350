"""Readers for multi-article exports and web pages, recognised by content.

Why here and not in :mod:`medialens.corpus.readers`: those are the line/record formats; the
readers below wrap container libraries (python-docx, striprtf, lxml, trafilatura) and the
layout parsers of :mod:`medialens.corpus.press`. :func:`sniff_format` decides by the bytes
(ZIP with ``word/``, ``{\\rtf``, ``<html``, ``1 of N DOCUMENTS``), so an export saved under a
wrong or missing suffix is still read.

``source_line`` per format: Nexis text — the line of ``N of M DOCUMENTS``; Nexis Uni DOCX —
the paragraph number of the title; Factiva RTF/HTML — the article's number in the export;
HTML article page — none (one article per file).
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from medialens.corpus.encoding import DecodeError, decode_bytes
from medialens.corpus.press import (
    PressArticle,
    docx_paragraphs,
    html_lines,
    looks_like_factiva,
    looks_like_nexis_text,
    looks_like_nexis_uni,
    parse_factiva,
    parse_nexis_text,
    parse_nexis_uni,
    parse_press_date,
    rtf_text,
)
from medialens.corpus.records import RawArticle, Reject, _record, mixed_encoding_warning, reject

#: Bytes read to recognise a file's format.
SNIFF_BYTES = 8192
#: First line of a page saved by ``medialens collect``: where and when it was fetched.
SOURCE_COMMENT_RE = re.compile(
    rb'^<!-- medialens-source url="([^"]*)" fetched="([^"]*)"(?: outlet="([^"]*)")?'
    rb'(?: charset="([^"]*)")? -->\r?\n'
)
_DOC_WORDS = (b"OCUMENT", b"OKUMENT", b"ocument", b"okument")
_DOC_MARK_BYTES_RE = re.compile(rb"\d\s+(?:of|von)\s+\d+\s+DOKUMENT|\d\s+of\s+\d+\s+DOCUMENT", re.I)
_HTML_START_RE = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)


def sniff_format(path: Path, suffix_format: str | None) -> str | None:
    """The format of ``path`` by content: ``docx``, ``rtf``, ``html``, ``nexis-text``, else
    the suffix's format (``suffix_format``) or ``None`` (unknown)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError:
        return suffix_format  # the reader reports the error
    if head.startswith(b"PK\x03\x04"):
        return "docx" if (b"word/" in head or path.suffix.lower() == ".docx") else None
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return "rtf"
    if _HTML_START_RE.match(head.removeprefix(b"\xef\xbb\xbf")) or path.suffix.lower() in (
        ".html",
        ".htm",
    ):
        return "html"
    if suffix_format in (None, "txt"):
        # ASCII-compatible encodings: a cheap byte search first (most files are not exports)
        if b"\x00" not in head and not (
            any(word in head for word in _DOC_WORDS) and _DOC_MARK_BYTES_RE.search(head)
        ):
            return suffix_format
        try:
            text = decode_bytes(head).text
        except DecodeError:
            return suffix_format
        if looks_like_nexis_text(text):
            return "nexis-text"
    return suffix_format


def _press_records(
    articles: Iterator[PressArticle],
    rel: str,
    *,
    fmt: str,
    encoding: str | None,
    default_outlet: str | None,
) -> Iterator[RawArticle | Reject]:
    n = 0
    for art in articles:
        n += 1
        try:
            date = parse_press_date(art.date) if art.date else None
        except ValueError as exc:
            yield reject(rel, art.line, "bad-date", f"impossible date {art.date!r} ({exc})")
            continue
        if art.date and date is None:
            yield reject(rel, art.line, "bad-date", f"unparseable date {art.date!r}")
            continue
        row: dict[str, Any] = {
            "id": art.id,
            "title": art.title,
            "date": date,
            "outlet": art.outlet,
            "author": art.author,
            "section": art.section,
            "url": art.url,
            "text": art.text if art.text.strip() else None,
            "_words": art.words,
        }
        yield _record(
            row,
            file=rel,
            line=art.line,
            fmt=fmt,
            encoding=encoding,
            default_outlet=default_outlet,
        )
    if n == 0:
        yield reject(rel, None, "empty-export", f"no article found in this {fmt} export")


def read_nexis_text(
    path: Path, rel: str, *, default_outlet: str | None
) -> Iterator[RawArticle | Reject]:
    """Classic Nexis text export (``N of M DOCUMENTS`` blocks), any encoding ingest reads."""
    try:
        decoded = decode_bytes(path.read_bytes())
    except DecodeError as exc:
        yield reject(rel, None, exc.reason, str(exc))
        return
    except OSError as exc:
        yield reject(rel, None, "unreadable-file", f"cannot read file ({exc.strerror})")
        return
    for n in decoded.fallback_lines:
        yield mixed_encoding_warning(rel, n)
    yield from _press_records(
        parse_nexis_text(decoded.text),
        rel,
        fmt="nexis-text",
        encoding=decoded.encoding,
        default_outlet=default_outlet,
    )


def read_docx(path: Path, rel: str, *, default_outlet: str | None) -> Iterator[RawArticle | Reject]:
    """Nexis Uni DOCX export; any other DOCX is one article (its paragraphs)."""
    try:
        paragraphs = docx_paragraphs(path)
    except Exception as exc:  # python-docx raises zipfile/KeyError/lxml errors on bad files
        yield reject(rel, None, "bad-docx", f"not a readable DOCX file ({type(exc).__name__})")
        return
    if looks_like_nexis_uni(paragraphs):
        yield from _press_records(
            parse_nexis_uni(paragraphs),
            rel,
            fmt="nexis-docx",
            encoding=None,
            default_outlet=default_outlet,
        )
        return
    text = "\n\n".join(p.strip() for p in paragraphs if p.strip())
    yield _record(
        {"text": text or None},
        file=rel,
        line=None,
        fmt="docx",
        encoding=None,
        default_outlet=default_outlet,
    )


def read_rtf(path: Path, rel: str, *, default_outlet: str | None) -> Iterator[RawArticle | Reject]:
    """Factiva RTF export (field codes); any other RTF is one article."""
    try:
        text = rtf_text(path.read_bytes())
    except OSError as exc:
        yield reject(rel, None, "unreadable-file", f"cannot read file ({exc.strerror})")
        return
    except Exception as exc:  # striprtf on malformed RTF
        yield reject(rel, None, "bad-rtf", f"not readable RTF ({type(exc).__name__})")
        return
    lines = text.splitlines()
    if looks_like_factiva(lines):
        yield from _press_records(
            parse_factiva(lines),
            rel,
            fmt="factiva-rtf",
            encoding=None,
            default_outlet=default_outlet,
        )
        return
    yield _record(
        {"text": text if text.strip() else None},
        file=rel,
        line=None,
        fmt="rtf",
        encoding=None,
        default_outlet=default_outlet,
    )


def read_html(path: Path, rel: str, *, default_outlet: str | None) -> Iterator[RawArticle | Reject]:
    """A Factiva HTML export, else one article page read with trafilatura (main text without
    navigation, teasers and comments; title, date, author and site name from the page)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield reject(rel, None, "unreadable-file", f"cannot read file ({exc.strerror})")
        return
    url = outlet = charset = None
    m = SOURCE_COMMENT_RE.match(data)
    if m:
        url = urllib.parse.unquote(m.group(1).decode("ascii", "replace"))
        outlet = urllib.parse.unquote(m.group(3).decode("ascii", "replace")) if m.group(3) else None
        charset = m.group(4).decode("ascii", "replace") if m.group(4) else None
        data = data[m.end() :]
    if not data.strip():
        yield reject(rel, None, "empty-file", "empty file")
        return
    try:
        lines = html_lines(data)
    except Exception as exc:  # lxml on markup it cannot parse at all
        yield reject(rel, None, "bad-html", f"not readable HTML ({type(exc).__name__})")
        return
    if looks_like_factiva(lines):
        yield from _press_records(
            parse_factiva(lines),
            rel,
            fmt="factiva-html",
            encoding=None,
            default_outlet=default_outlet,
        )
        return
    source: bytes | str = data
    if charset:  # the HTTP header's charset, recorded by collect
        try:
            source = data.decode(charset, errors="replace")
        except LookupError:
            source = data
    page = extract_page(source, url=url)
    if page is None or not (page.get("text") or "").strip():
        yield reject(rel, None, "no-text", "no article text found in this HTML page")
        return
    row: dict[str, Any] = {
        "title": page.get("title"),
        "date": page.get("date"),
        "outlet": outlet or page.get("sitename"),
        "author": page.get("author"),
        "url": url or page.get("url"),
        "text": page["text"],
    }
    yield _record(
        row, file=rel, line=None, fmt="html", encoding=None, default_outlet=default_outlet
    )


def extract_page(data: bytes | str, *, url: str | None = None) -> dict[str, Any] | None:
    """Main text and metadata of an article page (trafilatura; ``None`` if nothing found).

    The date is the page's own publication date (metadata or visible), never the file's
    modification time, the fetch time or today; comments are excluded. ``favor_precision``:
    a page of navigation only yields nothing rather than its menu.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        data,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None:
        return None
    result: dict[str, Any] = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = str(result.get("text") or "")
    title = str(result.get("title") or "")
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1 :]  # the headline is the title, not body text
    # trafilatura puts one paragraph per line; the store separates paragraphs by a blank line
    result["text"] = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    if result.get("date"):
        try:
            result["date"] = dt.date.fromisoformat(str(result["date"])[:10])
        except ValueError:
            result["date"] = None
    return result


READERS = {"nexis-text": read_nexis_text, "docx": read_docx, "rtf": read_rtf, "html": read_html}
