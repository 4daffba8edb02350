"""Press-database exports: Nexis (classic text export and Nexis Uni DOCX) and Factiva (RTF
and HTML), several articles per file.

Why parsers of our own (on top of python-docx, striprtf and lxml for the containers): no
maintained package reads these layouts; they are plain label/value conventions. Each parser
turns the export into :class:`PressArticle` records; metadata comes from the labels (English
and German: ``BYLINE``/``AUTOR``, ``SECTION``/``RUBRIK``, ``LENGTH``/``LÄNGE`` …), and the
boilerplate around the text (copyright lines, ``LOAD-DATE``, ``End of Document``, Factiva's
indexing codes) is never article text.

Layouts (see ``docs/ingest.md`` for examples):

- **Nexis classic text**: blocks that start with a line ``1 of 25 DOCUMENTS`` (``1 von 25
  DOKUMENTEN``); then source, date, title, ``LABEL: value`` lines, the body, trailing labels
  (``LOAD-DATE:``, ``LANGUAGE:`` …) and a copyright line.
- **Nexis Uni DOCX**: documents end with a paragraph ``End of Document`` (``Dokumentende``);
  each has title, source, date (in this order, an optional copyright line after them),
  ``Label: value`` paragraphs, a paragraph ``Body`` (``Text``), the body paragraphs, and
  ``Classification``/``Load-Date:`` paragraphs after it. A cover page before the first
  document is skipped.
- **Factiva** (RTF or HTML, "full article" layout with field codes): a line holding only a
  code (``HD`` headline, ``BY`` byline, ``WC`` word count, ``PD`` date, ``SN`` source, ``SE``
  section, ``LP`` lead paragraph, ``TD`` text, ``CY`` copyright, ``AN`` accession number …)
  followed by its value; every ``HD`` starts an article. In HTML the codes are the first cell
  of a table row.

Limits: layouts are recognised by their labels, not by a specification (none is published);
Factiva's "article format" export without field codes is not recognised; a Nexis title that
itself looks like a date is taken for the date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

MONTHS = {
    **{
        m: i
        for i, m in enumerate(
            [
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ],
            1,
        )
    },
    **{
        m: i
        for i, m in enumerate(
            [
                "januar",
                "februar",
                "märz",
                "april",
                "mai",
                "juni",
                "juli",
                "august",
                "september",
                "oktober",
                "november",
                "dezember",
            ],
            1,
        )
    },
    "jänner": 1,
    "maerz": 3,
    "sept": 9,
    **{
        m: i
        for i, m in enumerate(
            ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
            1,
        )
    },
    "mär": 3,
    "okt": 10,
    "dez": 12,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|"
    r"donnerstag|freitag|samstag|sonnabend|sonntag)"
)
_DMY_RE = re.compile(rf"(\d{{1,2}})\.?\s+({_MONTH})\.?\s+(\d{{4}})", re.IGNORECASE)
_MDY_RE = re.compile(rf"({_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})", re.IGNORECASE)
_NUM_RE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})|(\d{4})-(\d{2})-(\d{2})")
_DATE_LINE_RE = re.compile(
    rf"^\s*(?:{_WEEKDAY},?\s+)?(?:\d{{1,2}}\.?\s+(?:{_MONTH})\.?\s+\d{{4}}|(?:{_MONTH})\.?\s+"
    rf"\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\.\d{{1,2}}\.\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    rf"(?:,?\s+{_WEEKDAY})?(?:,?\s+\d{{1,2}}:\d{{2}}(?:\s*(?:Uhr|AM|PM|[A-Z]{{2,4}}))?)?"
    rf"(?:\s+(?:[A-Z]{{2,4}}|GMT[+-]\d+))?\s*$",
    re.IGNORECASE,
)


def parse_press_date(value: str) -> dt.date | None:
    """A date as press databases write it: ``September 5, 2025 Friday``, ``5. September
    2025``, ``Freitag, 5. September 2025``, ``5 Sep 2025``, ``05.09.2025``, ``2025-09-05``.
    ``None`` when there is none; ``ValueError`` for an impossible one (``31 June 2025``)."""
    for m in (_DMY_RE.search(value), _MDY_RE.search(value)):
        if m is None:
            continue
        if m.re is _DMY_RE:
            day, month, year = m.group(1), m.group(2), m.group(3)
        else:
            month, day, year = m.group(1), m.group(2), m.group(3)
        return dt.date(int(year), MONTHS[month.lower()], int(day))
    m = _NUM_RE.search(value)
    if m:
        if m.group(1):
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return dt.date(int(m.group(4)), int(m.group(5)), int(m.group(6)))
    return None


def is_date_line(line: str) -> bool:
    """The whole line is a date (with optional weekday and time), as in Nexis headers."""
    return bool(_DATE_LINE_RE.match(line))


class PressArticle(NamedTuple):
    """One article of an export; ``line`` locates it (see the format's reader)."""

    line: int
    title: str | None
    date: str | None
    outlet: str | None
    author: str | None
    section: str | None
    words: int | None
    text: str
    id: str | None = None
    url: str | None = None


# -- labels ---------------------------------------------------------------------------------

#: Labels before the body (lower-cased) → field (``None``: known, not kept).
HEADER_LABELS: dict[str, str | None] = {
    "byline": "author",
    "autor": "author",
    "author": "author",
    "von": "author",
    "section": "section",
    "rubrik": "section",
    "ressort": "section",
    "length": "words",
    "länge": "words",
    "laenge": "words",
    "dateline": None,
    "highlight": None,
    "edition": None,
    "ausgabe": None,
    "url": "url",
}
#: Labels after the body: the body ends at the first of them.
TRAILER_LABELS = frozenset(
    {
        "load-date",
        "update",
        "load date",
        "ladedatum",
        "language",
        "sprache",
        "publication-type",
        "publikationstyp",
        "publication type",
        "document-type",
        "dokumenttyp",
        "graphic",
        "grafik",
        "journal-code",
        "subject",
        "thema",
        "geographic",
        "person",
        "organization",
        "company",
        "industry",
        "notes",
        "correction-date",
        "classification",
        "klassifikation",
    }
)
_LABEL_RE = re.compile(r"^\s*([A-Za-zÄÖÜäöü][A-Za-zÄÖÜäöü\- ]{1,24}?)\s*:\s*(.*?)\s*$")
_COPYRIGHT_RE = re.compile(r"^\s*(?:copyright\b|©|\(c\)\s*\d{4}|all rights reserved)", re.I)
_WORDS_RE = re.compile(r"(\d[\d.,]*)\s*(?:words?|wörter|worte)\b", re.I)
_DOC_MARK_RE = re.compile(
    r"^\s*(\d+)\s+(?:of|von)\s+(\d+)\s+(?:DOCUMENTS?|DOKUMENTE?N?)\s*$", re.IGNORECASE
)
_END_OF_DOC = frozenset({"end of document", "dokumentende", "ende des dokuments"})
_BODY_MARKS = frozenset({"body", "text", "haupttext"})


def label(line: str) -> tuple[str, str] | None:
    """``(label, value)`` of a ``LABEL: value`` line with a known label, else ``None``."""
    m = _LABEL_RE.match(line)
    if not m:
        return None
    key = m.group(1).strip().lower()
    if key in HEADER_LABELS or key in TRAILER_LABELS:
        return key, m.group(2)
    return None


def word_count(value: str) -> int | None:
    """``523 words`` / ``1.234 Wörter`` → the number."""
    m = _WORDS_RE.search(value)
    return int(re.sub(r"[.,]", "", m.group(1))) if m else None


def _paragraphs(lines: Iterable[str]) -> str:
    """Lines → text with blank lines between paragraphs (runs of blank lines collapsed)."""
    out: list[str] = []
    para: list[str] = []
    for line in lines:
        if line.strip():
            para.append(line.strip())
        elif para:
            out.append(" ".join(para))
            para = []
    if para:
        out.append(" ".join(para))
    return "\n\n".join(out)


def _fields(header: Iterable[str]) -> dict[str, str]:
    """The known ``LABEL: value`` fields of header lines."""
    fields: dict[str, str] = {}
    for line in header:
        lv = label(line)
        if lv is None:
            continue
        field = HEADER_LABELS.get(lv[0])
        if field is not None and lv[1] and field not in fields:
            fields[field] = lv[1]
    return fields


_PAGE_RE = re.compile(r"\s*[;,]\s*(?:S\.|Seite|Pg\.|Page|p\.)\s*\w+\s*$", re.IGNORECASE)


def _section(value: str | None) -> str | None:
    """``POLITIK; S. 5`` → ``POLITIK`` (the page is not the section)."""
    if not value:
        return None
    return _PAGE_RE.sub("", value).strip() or None


def _author(value: str | None) -> str | None:
    if not value:
        return None
    return re.sub(r"^(?:von|by)\s+", "", value.strip(), flags=re.IGNORECASE) or None


# -- Nexis classic text -----------------------------------------------------------------------


def looks_like_nexis_text(text: str) -> bool:
    """A ``1 of N DOCUMENTS`` line among the first 30 non-empty lines."""
    lines = [line for line in text.splitlines()[:200] if line.strip()][:30]
    return any(_DOC_MARK_RE.match(line) for line in lines)


def parse_nexis_text(text: str) -> Iterator[PressArticle]:
    """Articles of a classic Nexis text export; ``line`` is the line of ``N of M DOCUMENTS``."""
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if _DOC_MARK_RE.match(line)]
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        yield _nexis_block(lines[start + 1 : end], start + 1)


def _nexis_block(block: list[str], line_no: int) -> PressArticle:
    i = 0
    n = len(block)

    def skip_blank(j: int) -> int:
        while j < n and not block[j].strip():
            j += 1
        return j

    # source, then (optionally after more lines such as an edition) the date line
    i = skip_blank(i)
    outlet = block[i].strip() if i < n and not label(block[i]) else None
    i += 1
    date = None
    probe = skip_blank(i)
    for j in range(probe, min(n, probe + 4)):
        if block[j].strip() and is_date_line(block[j]):
            date = block[j].strip()
            i = j + 1
            break
    # title: the paragraph before the first label
    i = skip_blank(i)
    title_lines: list[str] = []
    while i < n and block[i].strip() and not label(block[i]):
        title_lines.append(block[i].strip())
        i += 1
    # header labels (blank lines between them allowed)
    header: list[str] = []
    while True:
        j = skip_blank(i)
        if j < n and (lv := label(block[j])) is not None and lv[0] in HEADER_LABELS:
            header.append(block[j])
            i = j + 1
            # a label value may continue on the next lines (HIGHLIGHT): up to a blank line
            while i < n and block[i].strip() and not label(block[i]):
                if lv[0] == "highlight":
                    i += 1
                else:
                    break
            continue
        break
    body: list[str] = []
    for line in block[i:]:
        lv = label(line)
        if lv is not None and lv[0] in TRAILER_LABELS:
            break
        body.append(line)
    while body and (not body[-1].strip() or _COPYRIGHT_RE.match(body[-1])):
        body.pop()  # a copyright line right after the body
    fields = _fields(header)
    return PressArticle(
        line=line_no,
        title=" ".join(title_lines) or None,
        date=date,
        outlet=outlet,
        author=_author(fields.get("author")),
        section=_section(fields.get("section")),
        words=word_count(fields.get("words", "")),
        text=_paragraphs(line for line in body if not _COPYRIGHT_RE.match(line)),
        url=fields.get("url"),
    )


# -- Nexis Uni DOCX ----------------------------------------------------------------------------


def docx_paragraphs(path: object) -> list[str]:
    """The text of every paragraph of a DOCX file (python-docx), tables included."""
    import docx

    document = docx.Document(path)  # type: ignore[arg-type]
    paragraphs = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(p.text for p in cell.paragraphs)
    return paragraphs


def looks_like_nexis_uni(paragraphs: list[str]) -> bool:
    return any(p.strip().lower() in _END_OF_DOC for p in paragraphs)


def parse_nexis_uni(paragraphs: list[str]) -> Iterator[PressArticle]:
    """Articles of a Nexis Uni DOCX export; ``line`` is the paragraph number of the title."""
    chunk: list[tuple[int, str]] = []
    for n, text in enumerate(paragraphs, 1):
        if text.strip().lower() in _END_OF_DOC:
            if any(t.strip() for _, t in chunk):
                yield _nexis_uni_document(chunk)
            chunk = []
        else:
            chunk.append((n, text))
    if any(t.strip() for _, t in chunk) and any(t.strip().lower() in _BODY_MARKS for _, t in chunk):
        yield _nexis_uni_document(chunk)  # the last document without its end mark


def _nexis_uni_document(chunk: list[tuple[int, str]]) -> PressArticle:
    texts = [t.strip() for _, t in chunk]
    body_at = next((i for i, t in enumerate(texts) if t.lower() in _BODY_MARKS), None)
    header_end = body_at if body_at is not None else len(texts)
    if body_at is None:  # no "Body" mark: the body follows the last header label
        labelled = [i for i, t in enumerate(texts) if (lv := label(t)) and lv[0] in HEADER_LABELS]
        header_end = labelled[-1] + 1 if labelled else 0
    header = texts[:header_end]
    first_label = next((i for i, t in enumerate(header) if label(t)), len(header))
    plain = [(i, t) for i, t in enumerate(header[:first_label]) if t and not _COPYRIGHT_RE.match(t)]
    date_k = next((k for k, (_, t) in enumerate(plain) if is_date_line(t)), None)
    title = outlet = date = None
    title_i = 0
    if date_k is not None:
        date = plain[date_k][1]
        if date_k >= 1:
            outlet = plain[date_k - 1][1]
        if date_k >= 2:
            title_i, title = plain[date_k - 2]
    elif plain:
        title_i, title = plain[-1]
    body: list[str] = []
    start = header_end + 1 if body_at is not None else header_end
    for t in texts[start:]:
        lv = label(t)
        if (lv is not None and lv[0] in TRAILER_LABELS) or t.lower() in TRAILER_LABELS:
            break
        if _COPYRIGHT_RE.match(t):
            continue
        body.append(t)
        body.append("")
    fields = _fields(header)
    return PressArticle(
        line=chunk[title_i][0] if chunk else 0,
        title=title,
        date=date,
        outlet=outlet,
        author=_author(fields.get("author")),
        section=_section(fields.get("section")),
        words=word_count(fields.get("words", "")),
        text=_paragraphs(body),
        url=fields.get("url"),
    )


# -- Factiva -------------------------------------------------------------------------------------

#: Factiva field codes (full-article layout). Body: LP + TD; CY, indexing codes: not text.
FACTIVA_CODES = frozenset(
    [
        "HD",
        "BY",
        "WC",
        "PD",
        "ET",
        "SN",
        "SC",
        "SE",
        "ED",
        "PG",
        "LA",
        "CY",
        "LP",
        "TD",
        "CT",
        "RF",
        "CO",
        "IN",
        "NS",
        "RE",
        "IPC",
        "IPD",
        "PUB",
        "AN",
        "CX",
        "ART",
        "NGC",
        "CR",
        "IPD",
    ]
)
_FACTIVA_CODE_RE = re.compile(rf"^\s*({'|'.join(sorted(FACTIVA_CODES))})\s*$")


def looks_like_factiva(lines: list[str]) -> bool:
    """At least the codes HD and (LP or TD) on lines of their own."""
    codes = {m.group(1) for line in lines if (m := _FACTIVA_CODE_RE.match(line))}
    return "HD" in codes and bool(codes & {"LP", "TD"})


def parse_factiva(lines: list[str]) -> Iterator[PressArticle]:
    """Articles of a Factiva export as text lines; ``line`` is the article's number (1, 2 …)."""
    fields: dict[str, list[str]] = {}
    current: str | None = None
    number = 0
    for line in lines:
        m = _FACTIVA_CODE_RE.match(line)
        if m:
            code = m.group(1)
            # SE (section) may come before HD: either starts the next article once the
            # current one has its headline and text
            if code in ("HD", "SE") and "HD" in fields and fields.keys() & {"LP", "TD", "AN"}:
                number += 1
                yield _factiva_article(fields, number)
                fields = {}
            current = code
            fields.setdefault(code, [])
            continue
        if current is not None:
            fields[current].append(line)
    if "HD" in fields:
        number += 1
        yield _factiva_article(fields, number)


def _factiva_article(fields: dict[str, list[str]], number: int) -> PressArticle:
    def one(code: str) -> str | None:
        value = " ".join(t.strip() for t in fields.get(code, []) if t.strip())
        return value or None

    body = _paragraphs([*fields.get("LP", []), "", *fields.get("TD", [])])
    accession = one("AN")
    return PressArticle(
        line=number,
        title=one("HD"),
        date=one("PD"),
        outlet=one("SN"),
        author=_author(one("BY")),
        section=_section(one("SE")),
        words=word_count(one("WC") or ""),
        text=body,
        id=re.sub(r"^Document\s+", "", accession) if accession else None,
    )


def rtf_text(data: bytes) -> str:
    """Plain text of an RTF document (striprtf); RTF is 7-bit, escapes carry the rest."""
    from striprtf.striprtf import rtf_to_text

    return str(rtf_to_text(data.decode("cp1252", errors="replace"), errors="ignore"))


_BLOCK_TAGS = [
    "p",
    "div",
    "br",
    "tr",
    "td",
    "th",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
]


def html_lines(data: bytes) -> list[str]:
    """Text lines of an HTML page: every block element (cell, paragraph …) on its own lines,
    paragraphs separated by a blank line; scripts and styles dropped."""
    import lxml.html

    root = lxml.html.document_fromstring(data)
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for el in root.iter(*_BLOCK_TAGS):
        sep = "\n\n" if el.tag in ("p", "h1", "h2", "h3", "tr", "table") else "\n"
        el.tail = sep + (el.tail or "")
        if el.tag not in ("br",) and len(el) == 0:
            el.text = (el.text or "") + ""
        if el.tag in ("p", "td", "th", "h1", "h2", "h3", "li"):
            el.text = "\n" + (el.text or "")
    text = root.text_content()
    return [line.strip() for line in text.splitlines()]
