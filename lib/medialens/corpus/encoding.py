"""Decode raw bytes: UTF-8 (with or without BOM), UTF-16/32 with BOM, else cp1252.

Why a fixed order instead of a statistical detector: German news files in the wild are UTF-8,
UTF-8 with BOM (Windows editors), UTF-16 (Excel "Unicode text" exports) or cp1252/latin-1
(old Windows tools). UTF-8 is self-validating, so "valid UTF-8 → UTF-8, otherwise cp1252" is
right in practice and fully predictable. A file that is *mostly* UTF-8 but has a few invalid
bytes (a stray cp1252 character pasted into a UTF-8 export, a truncated multi-byte sequence) is
not demoted to cp1252 as a whole — that would turn every umlaut of every other line into
mojibake (``GrÃ¼nen``): it is decoded line by line, only the offending lines fall back to
cp1252, and their numbers are reported (``mixed-encoding`` warnings). "Mostly" means at least
as many valid non-ASCII UTF-8 characters as invalid sequences; a cp1252 file practically never
forms valid UTF-8 sequences, so it still decodes as cp1252 as a whole. Limits: a UTF-16 file *without* BOM is recognised only
by its NUL-byte pattern (mostly ASCII text); text in other legacy code pages (cp1250, KOI8-R)
is decoded as cp1252 and will show wrong characters — nothing can tell them apart reliably.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import IO, NamedTuple

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
#: Control characters that never occur in text files (C0 except tab/LF/CR/FF, and C1).
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
#: Share of control characters above which a decoded file counts as binary.
MAX_CONTROL_SHARE = 0.01
#: Appended to the encoding name of text that contains lines decoded with the cp1252 fallback
#: (``utf-8+cp1252``, ``utf-8-sig+cp1252``).
FALLBACK_SUFFIX = "+cp1252"
#: Invalid bytes after ``decode("utf-8", "surrogateescape")`` (U+DC80–U+DCFF).
_ESCAPED_RE = re.compile("[\udc80-\udcff]")
#: An invalid UTF-8 sequence: a truncated multi-byte sequence (lead byte and continuation
#: bytes) counts once, any other invalid byte on its own.
_INVALID_SEQ_RE = re.compile("[\udcc2-\udcf4][\udc80-\udcbf]*|[\udc80-\udcff]")


class DecodeError(ValueError):
    """Bytes that are not text: ``reason`` is ``binary-file`` or ``bad-encoding``."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class Decoded(NamedTuple):
    text: str
    #: ``utf-8``, ``utf-8-sig``, ``utf-16``, ``utf-16-le``/``-be`` (no BOM), ``utf-32``, ``cp1252``;
    #: ``utf-8+cp1252`` / ``utf-8-sig+cp1252`` when some lines needed the cp1252 fallback
    encoding: str
    #: 1-based numbers of the lines of a mostly-UTF-8 file that were not valid UTF-8
    fallback_lines: tuple[int, ...] = ()


def utf8_evidence(data: bytes) -> tuple[int, int]:
    """``(valid, invalid)``: non-ASCII characters in valid UTF-8 sequences, invalid sequences.

    A truncated multi-byte sequence (``\\xe2\\x80`` of "–") counts as one invalid sequence.
    """
    if data.isascii():
        return 0, 0
    try:
        text = data.decode("utf-8")
        return len(text) - len(text.encode("ascii", "ignore")), 0
    except UnicodeDecodeError:
        text = data.decode("utf-8", "surrogateescape")
    escaped = len(_ESCAPED_RE.findall(text))
    valid = len(text) - len(text.encode("ascii", "ignore")) - escaped
    return valid, len(_INVALID_SEQ_RE.findall(text))


def _mostly_utf8(valid: int, invalid: int) -> bool:
    return valid >= invalid


def _cp1252_byte(m: re.Match[str]) -> str:
    return bytes([ord(m.group()) - 0xDC00]).decode("cp1252", "replace")


def decode_mixed_line(raw: bytes) -> tuple[str, bool]:
    """Decode one line of a mostly-UTF-8 file: ``(text, fell_back)``.

    A valid line is UTF-8. Otherwise each invalid byte is read as cp1252 while valid UTF-8
    sequences stay UTF-8 (one stray byte does not garble the umlauts of its line) — unless the
    invalid sequences outnumber the valid non-ASCII characters: then the line is a cp1252 line and
    its few "valid" sequences are accidental (cp1252 ``ß“`` is the bytes of U+07D3), so the
    whole line is decoded as cp1252. Bytes undefined in cp1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D)
    become U+FFFD.
    """
    try:
        return raw.decode("utf-8"), False
    except UnicodeDecodeError:
        pass
    valid, invalid = utf8_evidence(raw)
    if invalid > valid:
        return raw.decode("cp1252", "replace"), True
    return _ESCAPED_RE.sub(_cp1252_byte, raw.decode("utf-8", "surrogateescape")), True


def _split_lines(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Lines with their ends, split at ``\\n``, ``\\r\\n`` and ``\\r`` like ``newline=""``.

    ``chunks`` must end only at ``\\n`` or at the end of the data (binary file iteration).
    """
    for chunk in chunks:
        if b"\r" in chunk:
            yield from chunk.splitlines(keepends=True)
        else:
            yield chunk


def _decode_mixed(data: bytes, name: str) -> Decoded:
    parts: list[str] = []
    fallback: list[int] = []
    for n, raw in enumerate(data.splitlines(keepends=True), 1):
        text, fell_back = decode_mixed_line(raw)
        parts.append(text)
        if fell_back:
            fallback.append(n)
    return Decoded("".join(parts), name + FALLBACK_SUFFIX, tuple(fallback))


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL_RE.findall(text[:100_000])) / min(len(text), 100_000)


def looks_utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) // 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) // 2)
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode a text file's bytes; :class:`DecodeError` for binary or undecodable data.

    The BOM is removed from the text. ``encoding`` names what was detected; a mostly-UTF-8
    file with invalid lines is decoded line by line (see :func:`decode_mixed_line`) and its
    ``fallback_lines`` are set.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                if name == "utf-8-sig":  # declared UTF-8: a stray byte is a stray byte
                    decoded = _decode_mixed(data[len(bom) :], name)
                    if _control_share(decoded.text) > MAX_CONTROL_SHARE:
                        raise DecodeError(
                            "binary-file", f"binary data after a {name} byte-order mark"
                        ) from None
                    return decoded
                raise DecodeError(
                    "bad-encoding",
                    f"starts with a {name} byte-order mark but is not {name} ({exc.reason})",
                ) from None
            if _control_share(text) > MAX_CONTROL_SHARE:
                raise DecodeError("binary-file", f"binary data after a {name} byte-order mark")
            return Decoded(text, name)
    if b"\x00" in data:
        codec = looks_utf16_without_bom(data)
        if codec is not None:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                text = None
            if text is not None and _control_share(text) <= MAX_CONTROL_SHARE:
                return Decoded(text, codec)
        raise DecodeError("binary-file", "binary file (contains NUL bytes), not text")
    fallback: tuple[int, ...] = ()
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        if _mostly_utf8(*utf8_evidence(data)):
            text, encoding, fallback = _decode_mixed(data, "utf-8")
        else:
            try:
                text = data.decode("cp1252")
                encoding = "cp1252"
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    "bad-encoding",
                    f"neither UTF-8 nor cp1252/latin-1 text (byte 0x{data[exc.start]:02x} at {exc.start})",
                ) from None
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise DecodeError(
            "binary-file", f"binary file ({encoding} decoding yields control characters)"
        )
    return Decoded(text, encoding, fallback)


class FileEncoding(NamedTuple):
    #: codec for ``open(path, encoding=codec)`` (the BOM is skipped by the codec)
    codec: str
    #: the name recorded in ``articles.encoding`` (as for :func:`decode_bytes`); articles with
    #: lines decoded by the cp1252 fallback record ``name + FALLBACK_SUFFIX``
    name: str
    #: mostly UTF-8 with some invalid lines: read with :class:`TextLines`, not ``open(codec)``
    mixed: bool = False


def _utf8_valid(fh: IO[bytes], chunk: int) -> bool:
    fh.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while block := fh.read(chunk):
            decoder.decode(block)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _file_mostly_utf8(fh: IO[bytes]) -> bool:
    """Count UTF-8 evidence line by line (memory bounded by the longest line)."""
    fh.seek(0)
    valid = invalid = 0
    for line in fh:
        v, i = utf8_evidence(line)
        valid += v
        invalid += i
    return _mostly_utf8(valid, invalid)


def _nul_in_few_lines(head: bytes) -> bool:
    """NUL bytes confined to at most half of the (at least two) lines of ``head``.

    Why: one corrupted record in a JSONL or CSV file must cost that record only, while a
    binary file (NULs everywhere, few line breaks) is still refused as a whole.
    """
    lines = [line for line in head.split(b"\n") if line.strip()]
    if len(lines) < 2:
        return False
    return sum(1 for line in lines if b"\x00" in line) * 2 <= len(lines)


def sniff_file_encoding(path: str | bytes | object, *, chunk: int = 1 << 20) -> FileEncoding:
    """Detect the encoding of a (possibly large) line-based file without holding it in memory.

    Same rules as :func:`decode_bytes`; UTF-8 validity is checked over the whole file with an
    incremental decoder (and, if it fails, the UTF-8 evidence is counted in a second pass, line
    by line). Open the result with :class:`TextLines`. Raises :class:`DecodeError` for binary
    or undecodable files.
    """
    with open(path, "rb") as fh:  # type: ignore[call-overload]
        head = fh.read(65536)
        for bom, codec, name in _BOMS:
            if head.startswith(bom):
                text = head[: 4096 * 4].decode(codec, errors="ignore")
                if _control_share(text) > MAX_CONTROL_SHARE:
                    raise DecodeError("binary-file", f"binary data after a {name} byte-order mark")
                open_codec = {"utf-8-sig": "utf-8-sig", "utf-16": "utf-16", "utf-32": "utf-32"}[
                    name
                ]
                if name == "utf-8-sig" and not _utf8_valid(fh, chunk):
                    # declared UTF-8: invalid bytes are stray bytes, never a cp1252 file
                    return FileEncoding(open_codec, name, mixed=True)
                return FileEncoding(open_codec, name)
        if b"\x00" in head:
            codec16 = looks_utf16_without_bom(head)
            if codec16 is not None:
                return FileEncoding(codec16, codec16)
            if not _nul_in_few_lines(head):
                raise DecodeError("binary-file", "binary file (contains NUL bytes), not text")
            # a line-based file with NUL bytes in a few lines: the reader rejects those lines
            head = b"\n".join(line for line in head.split(b"\n") if b"\x00" not in line)
        if _utf8_valid(fh, chunk):
            if _control_share(head.decode("utf-8", errors="ignore")) > MAX_CONTROL_SHARE:
                raise DecodeError(
                    "binary-file", "binary file (utf-8 decoding yields control characters)"
                )
            return FileEncoding("utf-8", "utf-8")
        if _file_mostly_utf8(fh):
            if _control_share(head.decode("utf-8", errors="replace")) > MAX_CONTROL_SHARE:
                raise DecodeError(
                    "binary-file", "binary file (utf-8 decoding yields control characters)"
                )
            return FileEncoding("utf-8", "utf-8", mixed=True)
        fh.seek(0)
        decoder = codecs.getincrementaldecoder("cp1252")()
        try:
            while block := fh.read(chunk):
                decoder.decode(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            raise DecodeError("bad-encoding", "neither UTF-8 nor cp1252/latin-1 text") from None
        if _control_share(head.decode("cp1252", errors="ignore")) > MAX_CONTROL_SHARE:
            raise DecodeError(
                "binary-file", "binary file (cp1252 decoding yields control characters)"
            )
        return FileEncoding("cp1252", "cp1252")


class TextLines:
    """Stream a text file's lines (ends kept; ``\\n``, ``\\r\\n``, ``\\r`` as with ``newline=""``).

    Why a class instead of ``open``: a mixed file (:attr:`FileEncoding.mixed`) is read in
    binary and decoded line by line with :func:`decode_mixed_line`; the numbers of the lines
    that needed the cp1252 fallback are collected as they are read, so a reader can report
    them next to the record they belong to (:meth:`take_fallback`). Other files are read with
    ``open(path, encoding=codec, newline="")`` unchanged. Use as a context manager.
    """

    def __init__(self, path: str | bytes | object, enc: FileEncoding) -> None:
        self.encoding = enc
        self._fallback: list[int] = []
        self._fh: IO[bytes] | IO[str]
        if enc.mixed:
            self._fh = open(path, "rb")  # type: ignore[call-overload]  # noqa: SIM115
            self._lines: Iterator[str] = self._mixed(self._fh)  # type: ignore[arg-type]
        else:
            self._fh = open(path, encoding=enc.codec, newline="")  # type: ignore[call-overload]  # noqa: SIM115
            self._lines = iter(self._fh)  # type: ignore[arg-type]

    def _mixed(self, fh: IO[bytes]) -> Iterator[str]:
        bom = codecs.BOM_UTF8 if self.encoding.codec == "utf-8-sig" else b""
        for n, raw in enumerate(_split_lines(fh), 1):
            if n == 1 and bom:
                raw = raw.removeprefix(bom)
            text, fell_back = decode_mixed_line(raw)
            if fell_back:
                self._fallback.append(n)
            yield text

    def take_fallback(self) -> list[int]:
        """The fallback lines read since the last call (1-based, ascending)."""
        taken, self._fallback = self._fallback, []
        return taken

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        return next(self._lines)

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> TextLines:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
