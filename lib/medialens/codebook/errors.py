"""The one error type for a malformed codebook (or reporting-verb list)."""

from __future__ import annotations

from pathlib import Path


class CodebookError(ValueError):
    """A malformed codebook: names the file, line and entry so the user can fix it.

    The CLI turns it into a one-line message and exit code 2, never a stack trace.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        entry: str | None = None,
    ) -> None:
        self.path = str(path) if path is not None else None
        self.line = line
        self.entry = entry
        self.reason = message
        where = self.path or "<codebook>"
        if line is not None:
            where += f":{line}"
        what = f" (entry {entry!r})" if entry else ""
        super().__init__(f"{where}: {message}{what}")
