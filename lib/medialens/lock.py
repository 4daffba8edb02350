"""An OS-level exclusive lock with a readable owner note (pid, start time, command).

Why ``filelock`` (``fcntl.flock`` on POSIX) instead of an ``O_EXCL`` pid file: the kernel
releases the lock when its holder dies, so there is no "stale lock" to take over — the old
pid-file scheme raced when two runs took over the same stale lock at once, and a reused pid
kept the store blocked. The owner note (a small JSON file next to the lock) is only for the
message a second run prints; it is written after the lock is held and removed on release,
and never decides anything.

Limits: ``flock`` locks are advisory and do not work across some network file systems
(older NFS); keep the processed store on a local disk.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from types import TracebackType

from filelock import FileLock, Timeout


class LockHeld(RuntimeError):
    """Another process holds the lock; the message reads "another run holds … (pid N)"."""


class ExclusiveLock:
    """Hold ``lock_path`` exclusively (no waiting); describe the holder in ``owner_path``."""

    def __init__(self, lock_path: Path, owner_path: Path, *, what: str = "the store") -> None:
        self.lock_path = Path(lock_path)
        self.owner_path = Path(owner_path)
        self.what = what
        self._lock = FileLock(str(self.lock_path), timeout=0)

    def acquire(self) -> None:
        """Take the lock or raise :class:`LockHeld` naming the holder."""
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            raise LockHeld(self.holder_message()) from None
        note = {
            "pid": os.getpid(),
            "since": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "command": " ".join(os.path.basename(a) for a in sys.argv[:2]),
        }
        tmp = self.owner_path.with_name(f".{self.owner_path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(note), encoding="utf-8")
        os.replace(tmp, self.owner_path)

    def holder_message(self) -> str:
        """``another run holds the store since <time> (pid N)`` from the owner note."""
        try:
            note = json.loads(self.owner_path.read_text(encoding="utf-8"))
            since, pid = note.get("since", "?"), note.get("pid", "?")
        except (OSError, ValueError, AttributeError):
            since, pid = "an unknown time", "?"
        return f"another run holds {self.what} since {since} (pid {pid})"

    def release(self) -> None:
        if self._lock.is_locked:
            self.owner_path.unlink(missing_ok=True)
            self._lock.release(force=True)

    @property
    def is_locked(self) -> bool:
        return bool(self._lock.is_locked)

    def __enter__(self) -> ExclusiveLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
