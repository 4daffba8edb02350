"""Decode raw bytes: UTF-8 (with or without BOM), UTF-16/32 with BOM, else cp1252.

Why a fixed order instead of a statistical detector: German news files in the wild are UTF-8,
UTF-8 with BOM (Windows editors), UTF-16 (Excel "Unicode text" exports) or cp1252/latin-1
(old Windows tools). UTF-8 is self-validating, so "valid UTF-8 → UTF-8, otherwise cp1252" is
right in practice and fully predictable. Limits: a UTF-16 file *without* BOM is recognised only
by its NUL-byte pattern (mostly ASCII text); text in other legacy code pages (cp1250, KOI8-R)
is decoded as cp1252 and will show wrong characters — nothing can tell them apart reliably.
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

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


class DecodeError(ValueError):
    """Bytes that are not text: ``reason`` is ``binary-file`` or ``bad-encoding``."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class Decoded(NamedTuple):
    text: str
    #: ``utf-8``, ``utf-8-sig``, ``utf-16``, ``utf-16-le``/``-be`` (no BOM), ``utf-32``, ``cp1252``
    encoding: str


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL_RE.findall(text[:100_000])) / min(len(text), 100_000)


def _looks_utf16_without_bom(data: bytes) -> str | None:
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

    The BOM is removed from the text. ``encoding`` names what was detected.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    "bad-encoding",
                    f"starts with a {name} byte-order mark but is not {name} ({exc.reason})",
                ) from None
            if _control_share(text) > MAX_CONTROL_SHARE:
                raise DecodeError("binary-file", f"binary data after a {name} byte-order mark")
            return Decoded(text, name)
    if b"\x00" in data:
        codec = _looks_utf16_without_bom(data)
        if codec is not None:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                text = None
            if text is not None and _control_share(text) <= MAX_CONTROL_SHARE:
                return Decoded(text, codec)
        raise DecodeError("binary-file", "binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
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
    return Decoded(text, encoding)


class FileEncoding(NamedTuple):
    #: codec for ``open(path, encoding=codec)`` (the BOM is skipped by the codec)
    codec: str
    #: the name recorded in ``articles.encoding`` (as for :func:`decode_bytes`)
    name: str


def sniff_file_encoding(path: str | bytes | object, *, chunk: int = 1 << 20) -> FileEncoding:
    """Detect the encoding of a (possibly large) line-based file without holding it in memory.

    Same rules as :func:`decode_bytes`; UTF-8 validity is checked over the whole file with an
    incremental decoder. Raises :class:`DecodeError` for binary or undecodable files.
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
                return FileEncoding(open_codec, name)
        if b"\x00" in head:
            codec16 = _looks_utf16_without_bom(head)
            if codec16 is not None:
                return FileEncoding(codec16, codec16)
            raise DecodeError("binary-file", "binary file (contains NUL bytes), not text")
        for codec in ("utf-8", "cp1252"):
            fh.seek(0)
            decoder = codecs.getincrementaldecoder(codec)()
            try:
                while block := fh.read(chunk):
                    decoder.decode(block)
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                continue
            if _control_share(head.decode(codec, errors="ignore")) > MAX_CONTROL_SHARE:
                raise DecodeError(
                    "binary-file", f"binary file ({codec} decoding yields control characters)"
                )
            return FileEncoding(codec, codec)
    raise DecodeError("bad-encoding", "neither UTF-8 nor cp1252/latin-1 text")
