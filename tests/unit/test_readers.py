"""Readers: dates, text-file headers, encodings, JSONL, CSV and Parquet, and their rejects."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from pandas.testing import assert_frame_equal

from medialens.corpus.encoding import (
    DecodeError,
    TextLines,
    decode_bytes,
    decode_mixed_line,
    sniff_file_encoding,
)
from medialens.corpus.readers import (
    RawArticle,
    Reject,
    parse_date,
    parse_header,
    read_file,
    sniff_delimiter,
)

# -- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-09-05", dt.date(2025, 9, 5)),
        (" 2025-9-5 ", dt.date(2025, 9, 5)),
        ("05.09.2025", dt.date(2025, 9, 5)),
        ("5.9.2025", dt.date(2025, 9, 5)),
        ("05.09.2025, 14:30 Uhr", dt.date(2025, 9, 5)),
        ("2025-09-05T23:30:00+02:00", dt.date(2025, 9, 5)),  # calendar day as written
        ("2025-09-05T10:00:00Z", dt.date(2025, 9, 5)),
        ("2025-09-05 10:00", dt.date(2025, 9, 5)),
        ("2025/09/05", dt.date(2025, 9, 5)),
        (dt.date(2025, 9, 5), dt.date(2025, 9, 5)),
        (dt.datetime(2025, 9, 5, 12), dt.date(2025, 9, 5)),
        (pd.Timestamp("2025-09-05"), dt.date(2025, 9, 5)),
        (None, None),
        ("", None),
        ("  ", None),
        (float("nan"), None),
        (pd.NaT, None),
    ],
)
def test_parse_date(value: object, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    ["2025-13-45", "2025-02-30", "31.02.2025", "gestern", "09/05/2025", "2025", "05.09.25"],
)
def test_parse_date_rejects(value: str) -> None:
    with pytest.raises(ValueError, match="date"):
        parse_date(value)


# -- text headers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "fields", "n_lines"),
    [
        (
            [" date 2025-09-05 Foto: X/dpa Merz in Berlin", "", "Text"],
            {"date": "2025-09-05", "credit": "Foto: X/dpa Merz in Berlin"},
            2,
        ),
        (["date 2025-09-05", "", "Text"], {"date": "2025-09-05"}, 2),
        (
            ["title: T", "Outlet: taz", "date: 05.09.2025", "", "Body"],
            {"title": "T", "outlet": "taz", "date": "05.09.2025"},
            4,
        ),
        (["Body only.", "", "More."], {}, 0),
        (["date night in Berlin", "", "x"], {}, 0),  # "date" + a word is body, not a header
        (["Titel: nicht unser Schlüssel", "", "x"], {}, 0),  # unknown key → body
        (["date 2025-09-05", "Direkt der Text."], {"date": "2025-09-05"}, 1),
    ],
)
def test_parse_header(lines: list[str], fields: dict[str, str], n_lines: int) -> None:
    header = parse_header(lines)
    assert header.fields == fields
    assert header.n_lines == n_lines


# -- encodings -------------------------------------------------------------------------------

TEXT = "Die Grünen begrüßen »Sicherheitsgarantien« – Ökonomin sagt: Überraschung."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # BOM written by Python
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("cp1252"), "cp1252"),
        ("Müller".encode("latin-1"), "cp1252"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),  # no BOM: recognised by the NUL pattern
    ],
)
def test_decode_bytes(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.encoding == encoding
    assert decoded.text.lstrip("\ufeff") == decoded.text
    expected = "Müller" if data.startswith(b"M") else TEXT
    assert decoded.text == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (bytes(range(256)), "binary-file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary-file"),
        (b"text \x81\x8d\x8f\x90\x9d text", "bad-encoding"),  # undefined in cp1252
        (b"\x01\x02\x03\x04\x05 mostly control characters \x06\x07\x08", "binary-file"),
    ],
)
def test_decode_bytes_rejects(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    assert info.value.reason == reason


@pytest.mark.parametrize(
    ("data", "codec", "name"),
    [
        (TEXT.encode("utf-8"), "utf-8", "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig", "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16", "utf-16"),
        (TEXT.encode("cp1252"), "cp1252", "cp1252"),
    ],
)
def test_sniff_file_encoding(tmp_path: Path, data: bytes, codec: str, name: str) -> None:
    path = tmp_path / "f.jsonl"
    path.write_bytes(data)
    enc = sniff_file_encoding(path)
    assert (enc.codec, enc.name) == (codec, name)
    assert path.read_text(encoding=enc.codec) == TEXT


def test_sniff_file_encoding_late_invalid_utf8_falls_back(tmp_path: Path) -> None:
    # valid UTF-8 for the first 2 MB, then a cp1252 byte: the whole file is checked
    path = tmp_path / "big.csv"
    path.write_bytes(b"a" * (2 << 20) + "ä".encode("cp1252"))
    assert sniff_file_encoding(path, chunk=1 << 16).name == "cp1252"


# -- mixed encodings: a mostly-UTF-8 file with a few invalid bytes ----------------------------

LINES = (
    "Die Grünen begrüßen den Plan.\n",
    "Die Ökonomin warnte vor Zöllen.\n",
    "Ein kaputtes Byte: ü hier.\n",
    "»Überraschung«, sagte Müller.\n",
)
MIXED_TEXT = "".join(LINES)
#: UTF-8, except line 3 whose "ü" is the cp1252 byte 0xFC
STRAY_BYTE_LINE_3 = b"".join(
    line.encode("cp1252") if n == 3 else line.encode("utf-8") for n, line in enumerate(LINES, 1)
)


@pytest.mark.parametrize(
    ("data", "encoding", "fallback_lines"),
    [
        (MIXED_TEXT.encode("utf-8"), "utf-8", ()),
        (b"\xef\xbb\xbf" + MIXED_TEXT.encode("utf-8"), "utf-8-sig", ()),
        (MIXED_TEXT.encode("cp1252"), "cp1252", ()),
        (STRAY_BYTE_LINE_3, "utf-8+cp1252", (3,)),
        (b"\xef\xbb\xbf" + STRAY_BYTE_LINE_3, "utf-8-sig+cp1252", (3,)),
        (STRAY_BYTE_LINE_3.replace(b"\n", b"\r\n"), "utf-8+cp1252", (3,)),
        (STRAY_BYTE_LINE_3.replace(b"\n", b"\r"), "utf-8+cp1252", (3,)),
    ],
)
def test_decode_bytes_mixed(data: bytes, encoding: str, fallback_lines: tuple[int, ...]) -> None:
    decoded = decode_bytes(data)
    assert (decoded.encoding, decoded.fallback_lines) == (encoding, fallback_lines)
    newline = "\r\n" if b"\r\n" in data else "\r" if b"\r" in data else "\n"
    assert decoded.text == MIXED_TEXT.replace("\n", newline)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        # one umlaut and one stray byte: at least as much UTF-8 evidence as invalid bytes
        ("Grüne\n".encode() + b"x\x96y\n", "utf-8+cp1252"),
        # cp1252 whose "ß“" happens to be valid UTF-8 (U+07D3): still cp1252 as a whole
        ("»Gruß“ an Müller, Öl und Äpfel\n".encode("cp1252"), "cp1252"),
        ("Fuß“\nMüller Größe Ärger\n".encode("cp1252"), "cp1252"),
        # ASCII with one stray byte: no UTF-8 evidence, cp1252 (same text either way)
        (b"plain \xe4 ascii\n", "cp1252"),
    ],
)
def test_decode_bytes_mixed_or_cp1252(data: bytes, encoding: str) -> None:
    assert decode_bytes(data).encoding == encoding


@pytest.mark.parametrize(
    ("raw", "text", "fell_back"),
    [
        ("Grünen\n".encode(), "Grünen\n", False),
        (b"", "", False),
        # one stray byte: the valid UTF-8 of the same line stays intact
        ("Größe ".encode() + b"\xfc\n", "Größe ü\n", True),
        # a truncated UTF-8 sequence (first two bytes of "–")
        ("Zölle ".encode() + b"\xe2\x80 x", "Zölle â\u20ac x", True),
        # a cp1252 line: decoded as cp1252 as a whole, although "ß“" is valid UTF-8
        ("»Gruß“ von Müller".encode("cp1252"), "»Gruß“ von Müller", True),
        # bytes undefined in cp1252 become U+FFFD
        ("Grünen ".encode() + b"\x81", "Grünen \ufffd", True),
    ],
)
def test_decode_mixed_line(raw: bytes, text: str, fell_back: bool) -> None:
    assert decode_mixed_line(raw) == (text, fell_back)


@pytest.mark.parametrize(
    ("data", "name", "mixed"),
    [
        (MIXED_TEXT.encode("utf-8"), "utf-8", False),
        (b"\xef\xbb\xbf" + MIXED_TEXT.encode("utf-8"), "utf-8-sig", False),
        (MIXED_TEXT.encode("cp1252"), "cp1252", False),
        (STRAY_BYTE_LINE_3, "utf-8", True),
        (b"\xef\xbb\xbf" + STRAY_BYTE_LINE_3, "utf-8-sig", True),
        (STRAY_BYTE_LINE_3.replace(b"\n", b"\r"), "utf-8", True),
    ],
)
def test_text_lines(tmp_path: Path, data: bytes, name: str, mixed: bool) -> None:
    path = tmp_path / "f.jsonl"
    path.write_bytes(data)
    enc = sniff_file_encoding(path)
    assert (enc.name, enc.mixed) == (name, mixed)
    with TextLines(path, enc) as lines:
        got = [(line, lines.take_fallback()) for line in lines]
    newline = "\r" if b"\r" in data else "\n"
    assert [line for line, _ in got] == [line.replace("\n", newline) for line in LINES]
    assert [fallback for _, fallback in got] == [[], [], [3] if mixed else [], []]


def test_text_lines_streams_a_late_stray_byte(tmp_path: Path) -> None:
    # 2 MB of UTF-8 lines, then one cp1252 byte: found by the full check, reported by line
    path = tmp_path / "big.jsonl"
    body = "Grüße aus München\n".encode() * 100_000
    path.write_bytes(body + b"\x96 Gedankenstrich\n" + "Ende: Zölle\n".encode())
    enc = sniff_file_encoding(path, chunk=1 << 16)
    assert (enc.name, enc.mixed) == ("utf-8", True)
    with TextLines(path, enc) as lines:
        tail = list(itertools.islice(lines, 100_000, None))
        assert lines.take_fallback() == [100_001]
    assert tail == ["– Gedankenstrich\n", "Ende: Zölle\n"]


@pytest.mark.parametrize("fmt", ["txt", "jsonl", "csv"])
def test_read_file_mixed_encoding_warns_and_keeps_umlauts(tmp_path: Path, fmt: str) -> None:
    """UTF-8 with one stray byte in line 3: umlauts intact, a warning naming line 3."""
    utf8 = [line.encode("utf-8") for line in LINES]
    stray = LINES[2].encode("cp1252")
    if fmt == "txt":
        data = b"".join([utf8[0], utf8[1], stray, utf8[3]])
        texts = {None: MIXED_TEXT}
        encodings = {None: "utf-8+cp1252"}
    else:
        rows = [
            json.dumps({"id": str(n), "text": line.strip()}, ensure_ascii=False).encode()
            for n, line in enumerate(LINES, 1)
        ]
        if fmt == "csv":
            rows = [f'"{n}";"{line.strip()}"'.encode() for n, line in enumerate(LINES, 1)]
            rows[0] = b"id;text"  # the header is line 1; article 2 is on line 3
        rows[2] = rows[2].decode("utf-8").encode("cp1252")
        data = b"\n".join(rows) + b"\n"
        first = 2 if fmt == "csv" else 1
        texts = {str(n): LINES[n - 1].strip() for n in range(first, 5)}
        encodings = {str(n): "utf-8+cp1252" if n == 3 else "utf-8" for n in range(first, 5)}
    items = _read(tmp_path, f"o/mixed.{fmt}", data)
    arts = _articles(items)
    assert {a.id: a.text for a in arts} == texts
    assert {a.id: a.encoding for a in arts} == encodings
    warnings = [r for r in _rejects(items).itertuples(index=False) if r.reason != "no-date"]
    assert [(w.source_file, w.source_line, w.severity, w.reason) for w in warnings] == [
        (f"o/mixed.{fmt}", 3, "warning", "mixed-encoding")
    ]
    assert warnings[0].message.startswith(f"o/mixed.{fmt}:3: not valid UTF-8")


# -- reading files ---------------------------------------------------------------------------


def _read(tmp_path: Path, rel: str, data: bytes) -> list[RawArticle | Reject]:
    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return list(read_file(path, tmp_path))


def _articles(items: list[RawArticle | Reject]) -> list[RawArticle]:
    return [i for i in items if isinstance(i, RawArticle)]


def _rejects(items: list[RawArticle | Reject]) -> pd.DataFrame:
    rows = [i for i in items if isinstance(i, Reject)]
    for item in _articles(items):
        rows.extend(item.warnings)
    return pd.DataFrame(rows, columns=list(Reject._fields))


SEED_LIKE = (
    " date 2025-09-05 Ludovic Marin/ Pool Photo via AP/dpa Macron und Selenskij in Paris\n"
    "\n"
    "In Paris haben Vertreter beraten.\n"
    "\n"
    "»Diese Streitmacht soll den Frieden sichern«, behauptete Macron.\n"
)


def test_seed_format(tmp_path: Path) -> None:
    (art,) = _read(tmp_path, "junge-welt/x.txt", SEED_LIKE.encode())
    assert isinstance(art, RawArticle)
    assert art.date == dt.date(2025, 9, 5)
    assert art.outlet == "junge-welt"
    assert art.credit == "Ludovic Marin/ Pool Photo via AP/dpa Macron und Selenskij in Paris"
    assert art.text.startswith("In Paris haben")
    assert "Ludovic" not in art.text
    assert art.title is None
    assert (art.source_file, art.source_line, art.source_format, art.encoding) == (
        "junge-welt/x.txt",
        None,
        "txt",
        "utf-8",
    )


def test_text_headers_override_folder(tmp_path: Path) -> None:
    data = (
        b"title: Koalition streitet\noutlet: taz\nurl: https://example.org/a\nauthor: E. B.\n"
        b"id: taz-1\nsection: Inland\ndate: 05.09.2025\n\nText.\n"
    )
    (art,) = _read(tmp_path, "folder/a.txt", data)
    assert isinstance(art, RawArticle)
    assert (art.id, art.title, art.outlet, art.url, art.author, art.section, art.date) == (
        "taz-1",
        "Koalition streitet",
        "taz",
        "https://example.org/a",
        "E. B.",
        "Inland",
        dt.date(2025, 9, 5),
    )


@pytest.mark.parametrize(
    ("encode", "encoding"),
    [
        (lambda s: s.encode("cp1252"), "cp1252"),
        (lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"), "utf-8-sig"),
        (lambda s: s.encode("utf-16"), "utf-16"),
    ],
)
def test_text_file_encodings(tmp_path: Path, encode, encoding: str) -> None:
    content = "date 2025-09-05\n\nDie Grünen begrüßen höhere Zölle, sagte die Ökonomin.\n"
    (art,) = _read(tmp_path, "a/x.txt", encode(content))
    assert isinstance(art, RawArticle)
    assert art.encoding == encoding
    assert art.date == dt.date(2025, 9, 5)
    assert art.text.strip() == "Die Grünen begrüßen höhere Zölle, sagte die Ökonomin."


@pytest.mark.parametrize(
    ("rel", "data", "expected"),
    [
        ("a/empty.txt", b"", [("a/empty.txt", None, "error", "empty-file")]),
        ("a/blank.txt", b" \n\n \n", [("a/blank.txt", None, "error", "empty-file")]),
        ("a/bin.txt", bytes(range(256)), [("a/bin.txt", None, "error", "binary-file")]),
        ("a/header.txt", b"date 2025-09-05\n\n", [("a/header.txt", None, "error", "no-text")]),
        (
            "a/bad.txt",
            b"title: T\ndate 2025-13-45\n\nText",
            [("a/bad.txt", 2, "error", "bad-date")],
        ),
        ("a/none.txt", b"Nur Text.", [("a/none.txt", None, "warning", "no-date")]),
        ("a/x.pdf", b"%PDF-1.4", [("a/x.pdf", None, "warning", "unsupported-file")]),
        ("a/x.docx", b"PK\x03\x04", [("a/x.docx", None, "error", "bad-docx")]),
    ],
)
def test_text_file_rejects(tmp_path: Path, rel: str, data: bytes, expected: list[tuple]) -> None:
    items = _read(tmp_path, rel, data)
    got = _rejects(items)
    assert (
        list(
            got[["source_file", "source_line", "severity", "reason"]].itertuples(
                index=False, name=None
            )
        )
        == expected
    )
    for msg in got["message"]:
        assert msg.startswith(rel + (":2:" if rel == "a/bad.txt" else ":"))


def test_jsonl(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": "a",
                "title": "T",
                "date": "2025-09-05",
                "outlet": "O",
                "text": "Eins.",
                "extra": 1,
            }
        ),
        "",
        json.dumps({"Article_ID": 7, "Body": "Zwei.", "date": "05.09.2025", "url": "u"}),
        '{"id": "c", "text": kaputt}',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "d", "title": "ohne Text"}),
        json.dumps({"id": "e", "text": "Drei.", "date": "2025-13-45"}),
        '{"id": "f", "text": "abgeschni',
    ]
    items = _read(tmp_path, "feed/x.jsonl", "\n".join(lines).encode())
    arts = _articles(items)
    assert [(a.id, a.text, a.date, a.outlet, a.source_line) for a in arts] == [
        ("a", "Eins.", dt.date(2025, 9, 5), "O", 1),
        ("7", "Zwei.", dt.date(2025, 9, 5), "feed", 3),
    ]
    expected = pd.DataFrame(
        {
            "source_file": ["feed/x.jsonl"] * 5,
            "source_line": [4, 5, 6, 7, 8],
            "severity": ["error"] * 5,
            "reason": ["bad-json", "bad-record", "missing-column", "bad-date", "truncated-line"],
        }
    )
    got = _rejects(items)
    assert_frame_equal(got.drop(columns="message"), expected)
    assert got["message"][0].startswith("feed/x.jsonl:4: invalid JSON")


def test_jsonl_valid_last_line_without_newline(tmp_path: Path) -> None:
    items = _read(tmp_path, "x.jsonl", b'{"text": "Eins.", "date": "2025-09-05"}')
    assert [type(i).__name__ for i in items] == ["RawArticle"]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_sniff_delimiter(delimiter: str) -> None:
    assert sniff_delimiter(delimiter.join(["id", "title", "date", "text"]) + "\n") == delimiter


@pytest.mark.parametrize(
    ("rel", "delimiter", "encoding"),
    [
        ("x.csv", ",", "utf-8"),
        ("x.csv", ";", "cp1252"),
        ("x.csv", "\t", "utf-8"),
        ("x.tsv", "\t", "utf-8-sig"),
    ],
)
def test_csv(tmp_path: Path, rel: str, delimiter: str, encoding: str) -> None:
    d = delimiter
    content = (
        f"id{d}title{d}date{d}outlet{d}text\n"
        f'1{d}Über{d}2025-09-05{d}O{d}"Erste Zeile\n\nzweiter Absatz, mit; Zeichen"\n'
        f"\n"
        f"2{d}{d}05.09.2025{d}{d}Müller kam.\n"
        f"3{d}{d}bad{d}{d}x\n"
        f"4{d}{d}{d}{d}y{d}zu viel\n"
    )
    data = content.encode(encoding)
    items = _read(tmp_path, rel, data)
    arts = _articles(items)
    assert [(a.id, a.title, a.text, a.source_line, a.outlet, a.encoding) for a in arts] == [
        ("1", "Über", "Erste Zeile\n\nzweiter Absatz, mit; Zeichen", 2, "O", encoding),
        ("2", None, "Müller kam.", 6, None, encoding),
    ]
    got = _rejects(items)
    assert list(got[["source_line", "reason"]].itertuples(index=False, name=None)) == [
        (7, "bad-date"),
        (8, "bad-row"),
    ]


def test_csv_missing_text_column(tmp_path: Path) -> None:
    items = _read(tmp_path, "o/x.csv", b"id;title;date\n1;T;2025-09-05\n")
    got = _rejects(items)
    assert list(got[["source_line", "reason"]].itertuples(index=False, name=None)) == [
        (1, "missing-column")
    ]
    assert "o/x.csv:1: no 'text' column" in got["message"][0]


@pytest.mark.parametrize(("data", "reason"), [(b"", "empty-file"), (b"id,text\n", "empty-file")])
def test_csv_empty(tmp_path: Path, data: bytes, reason: str) -> None:
    assert _rejects(_read(tmp_path, "x.csv", data))["reason"].tolist() == [reason]


def test_parquet(tmp_path: Path) -> None:
    table = pa.table(
        {
            "text": ["Eins.", None, "Drei."],
            "date": pa.array([dt.date(2025, 9, 5), dt.date(2025, 9, 6), None], pa.date32()),
            "title": ["A", "B", "C"],
        }
    )
    path = tmp_path / "p" / "x.parquet"
    path.parent.mkdir()
    pq.write_table(table, path)
    items = list(read_file(path, tmp_path))
    arts = _articles(items)
    assert [(a.id, a.text, a.date, a.outlet, a.source_line) for a in arts] == [
        (None, "Eins.", dt.date(2025, 9, 5), "p", 1),
        (None, "Drei.", None, "p", 3),
    ]
    assert list(
        _rejects(items)[["source_line", "severity", "reason"]].itertuples(index=False, name=None)
    ) == [
        (2, "error", "no-text"),
        (3, "warning", "no-date"),
    ]


def test_parquet_missing_text_and_garbage(tmp_path: Path) -> None:
    pq.write_table(pa.table({"id": ["1"]}), tmp_path / "a.parquet")
    (tmp_path / "b.parquet").write_bytes(b"not parquet at all")
    got = _rejects(
        list(read_file(tmp_path / "a.parquet", tmp_path))
        + list(read_file(tmp_path / "b.parquet", tmp_path))
    )
    assert got["reason"].tolist() == ["missing-column", "bad-parquet"]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_text_file_line_endings(tmp_path: Path, newline: str) -> None:
    content = newline.join(
        ["date 2025-09-05 Foto: dpa", "title: T", "", "Erster Absatz.", "", "Zweiter."]
    )
    (art,) = _read(tmp_path, "o/x.txt", content.encode())
    assert isinstance(art, RawArticle)
    assert (art.date, art.credit, art.title) == (dt.date(2025, 9, 5), "Foto: dpa", "T")
    assert art.text == newline.join(["Erster Absatz.", "", "Zweiter."])  # exact rest of the file


def test_csv_long_field(tmp_path: Path) -> None:
    long_text = "Wort " * 60_000  # 300,000 characters: above the csv module's default limit
    items = _read(
        tmp_path, "x.csv", f'id,text,date\n1,"{long_text}",2025-09-05\n2,kurz,2025-09-05\n'.encode()
    )
    assert [len(a.text) for a in _articles(items)] == [len(long_text), 4]


def test_jsonl_lone_surrogates_and_deep_nesting(tmp_path: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    data = (
        '{"id": "a\\ud800", "title": "T\\udfff", "text": "Text\\ud800 hier.", "date": "2025-09-05"}\n'
        + deep
        + "\n"
    )
    items = _read(tmp_path, "x.jsonl", data.encode())
    (art,) = _articles(items)
    assert (art.id, art.title) == ("a", "T")
    from medialens.corpus.ingest import article_row

    row = article_row(art)
    assert isinstance(row, dict) and row["text"] == "Text hier."
    row["text"].encode("utf-8")  # storable
    assert _rejects(items)[["source_line", "reason"]].values.tolist() == [[2, "bad-json"]]
