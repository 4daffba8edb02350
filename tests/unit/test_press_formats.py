"""Press-database exports and web pages (issue #17): every layout, recognised by content,
metadata from its labels, boilerplate never in the text. Files come from
``tests/fixtures/press_exports.py`` (invented articles)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from medialens.corpus.press import is_date_line, parse_press_date
from medialens.corpus.readers import RawArticle, Reject, read_file

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))

import press_exports as pe


def _write(tmp_path: Path, name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
    path = tmp_path / "raw" / "exports" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if name.endswith(".docx"):
        return pe.nexis_uni_docx(path, german="-de" in name)
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


CASES = [
    ("nexis-en.txt", lambda: pe.nexis_text_en(), "utf-8", "nexis-text", [4, 35]),
    ("nexis-de.txt", lambda: pe.nexis_text_de(), "cp1252", "nexis-text", [1, 27]),
    ("nexis-export", lambda: pe.nexis_text_en(), "utf-8", "nexis-text", [4, 35]),  # no suffix
    ("uni.docx", lambda: b"", "utf-8", "nexis-docx", [7, 21]),
    ("uni-de.docx", lambda: b"", "utf-8", "nexis-docx", [7, 21]),
    ("factiva.rtf", pe.factiva_rtf, "utf-8", "factiva-rtf", [1, 2]),
    ("factiva-as.txt", pe.factiva_rtf, "utf-8", "factiva-rtf", [1, 2]),  # wrong suffix
    ("factiva.html", pe.factiva_html, "utf-8", "factiva-html", [1, 2]),
]


@pytest.mark.parametrize(("name", "make", "encoding", "fmt", "lines"), CASES)
def test_press_export(
    tmp_path: Path, name: str, make: object, encoding: str, fmt: str, lines: list[int]
) -> None:
    path = _write(tmp_path, name, make(), encoding)  # type: ignore[operator]
    items = list(read_file(path, tmp_path / "raw"))
    assert not [i for i in items if isinstance(i, Reject)], items
    arts = [i for i in items if isinstance(i, RawArticle)]
    assert [a.source_format for a in arts] == [fmt, fmt]
    assert [a.source_line for a in arts] == lines
    for art, exp in zip(arts, pe.ARTICLES, strict=True):
        got = (art.title, art.outlet, art.date, art.author, art.words, art.text)
        assert got == (exp.title, exp.outlet, exp.date, exp.author, exp.words, exp.text)
        assert (art.section or "").lower() == (exp.section or "").lower()
        assert art.warnings == ()
        for boiler in pe.BOILERPLATE:
            assert boiler not in art.text
    if fmt.startswith("factiva"):
        assert [a.id for a in arts] == ["BEISP0020250905el950001", "BEISP0020250905el950002"]


@pytest.mark.parametrize("encoding", ["utf-8", "iso-8859-1"])
def test_html_article_page_main_text_only(tmp_path: Path, encoding: str) -> None:
    path = _write(tmp_path, "seite.html", pe.article_page(encoding=encoding))
    items = list(read_file(path, tmp_path / "raw"))
    (art,) = items
    assert isinstance(art, RawArticle)
    exp = pe.ARTICLE_PAGE
    assert (art.source_format, art.title, art.date, art.author, art.outlet) == (
        "html",
        exp.title,
        exp.date,
        exp.author,
        exp.outlet,
    )
    assert art.text == exp.text
    for noise in ("Cookies", "Startseite", "Mehr zum Thema", "Leserkommentar", "Impressum"):
        assert noise not in art.text


def test_html_page_saved_by_collect_keeps_its_url(tmp_path: Path) -> None:
    header = b'<!-- medialens-source url="http://127.0.0.1/a?x=1" fetched="2025-09-04T10:00:00Z" outlet="kurier" -->\n'
    path = _write(tmp_path, "seite.html", header + pe.article_page())
    (art,) = list(read_file(path, tmp_path / "raw"))
    assert isinstance(art, RawArticle)
    assert (art.url, art.outlet, art.date) == (
        "http://127.0.0.1/a?x=1",
        "kurier",
        pe.ARTICLE_PAGE.date,
    )


def test_html_page_without_text_is_rejected(tmp_path: Path) -> None:
    nav = '<nav><ul><li><a href="/">Startseite</a></li><li><a href="/p">Politik</a></li></ul></nav>'
    path = _write(tmp_path, "leer.html", f"<!DOCTYPE html><html><body>{nav}</body></html>")
    assert [(i.reason, i.severity) for i in read_file(path, tmp_path / "raw")] == [
        ("no-text", "error")
    ]


def test_plain_text_file_is_not_taken_for_an_export(tmp_path: Path) -> None:
    # negative case: "documents" in a sentence is not a Nexis document mark
    path = _write(tmp_path, "a.txt", "date 2025-09-05\n\nEr las 1 of 2 documents gestern.\n")
    (art,) = list(read_file(path, tmp_path / "raw"))
    assert isinstance(art, RawArticle) and art.source_format == "txt"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("September 5, 2025 Friday", dt.date(2025, 9, 5)),
        ("Friday, September 5, 2025", dt.date(2025, 9, 5)),
        ("5. September 2025 Freitag", dt.date(2025, 9, 5)),
        ("Samstag 6. September 2025", dt.date(2025, 9, 6)),
        ("5 September 2025", dt.date(2025, 9, 5)),
        ("5 Sep 2025", dt.date(2025, 9, 5)),
        ("5. März 2025", dt.date(2025, 3, 5)),
        ("05.09.2025", dt.date(2025, 9, 5)),
        ("2025-09-05", dt.date(2025, 9, 5)),
        ("Landtag streitet", None),
        ("", None),
    ],
)
def test_parse_press_date(value: str, expected: dt.date | None) -> None:
    assert parse_press_date(value) == expected


def test_parse_press_date_impossible() -> None:
    with pytest.raises(ValueError):
        parse_press_date("31 June 2025")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("September 5, 2025 Friday", True),
        ("5. September 2025", True),
        ("Freitag, 5. September 2025, 14:30 Uhr", True),
        ("Am 5. September 2025 tagte der Landtag", False),
        ("Nordkurier Beispielblatt", False),
    ],
)
def test_is_date_line(line: str, expected: bool) -> None:
    assert is_date_line(line) is expected
