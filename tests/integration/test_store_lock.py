"""Two runs at once, a killed holder, a full disk (issue #17): one-line messages, no traceback,
the previous snapshot intact and nobody's temporary snapshot deleted."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from medialens.cli import EXIT_LOCKED, main
from medialens.store import LOCK, StoreLocked, StoreWriter, read_manifest, snapshot_dir

LIB = Path(__file__).resolve().parents[2] / "lib"


def _raw(tmp_path: Path) -> Path:
    raw = tmp_path / "raw" / "o"
    raw.mkdir(parents=True)
    (raw / "a.txt").write_text("date 2025-09-01\n\nDer Landtag tagte am Freitag.\n")
    return raw.parent


def test_second_writer_exits_75_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw, processed = _raw(tmp_path), tmp_path / "processed"
    assert main(["ingest", "--raw", str(raw), "--processed", str(processed)]) == 0
    capsys.readouterr()
    with StoreWriter(processed) as holder:
        assert holder.tmp.is_dir()
        code = main(["ingest", "--raw", str(raw), "--processed", str(processed)])
        assert holder.tmp.is_dir()  # the live run's temporary snapshot was not deleted
    assert code == EXIT_LOCKED
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("medialens ingest: another run holds the store since ")
    assert f"(pid {os.getpid()})" in err[-1]
    assert "Traceback" not in "\n".join(err)


def test_lock_of_a_killed_holder_is_free_and_never_shared(tmp_path: Path) -> None:
    processed = tmp_path / "processed"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, time
                sys.path.insert(0, {str(LIB)!r})
                from medialens.store import StoreWriter
                w = StoreWriter({str(processed)!r}); w.open()
                print("held", flush=True); time.sleep(60)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreLocked, match=rf"since .* \(pid {holder.pid}\)"):
            StoreWriter(processed).open()
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
    finally:
        if holder.poll() is None:
            holder.kill()
    # the kernel released the lock; the dead run's owner note and .tmp-* are swept
    assert (processed / LOCK).exists()
    with StoreWriter(processed) as w:
        w.commit(command="test")
    assert not list((processed / "snapshots").glob(".tmp-*"))
    assert not (processed / LOCK).exists()


def test_concurrent_writers_never_both_hold_the_lock(tmp_path: Path) -> None:
    processed = tmp_path / "processed"
    script = textwrap.dedent(
        f"""
        import sys, time
        sys.path.insert(0, {str(LIB)!r})
        from medialens.store import StoreWriter, StoreLocked
        held = 0
        for _ in range(40):
            w = StoreWriter({str(processed)!r})
            try:
                w.open()
            except StoreLocked:
                continue
            with open({str(tmp_path / "log")!r}, "a") as fh:
                fh.write(f"+\\n"); fh.flush()
                time.sleep(0.002)
                fh.write(f"-\\n"); fh.flush()
            w.abort(); w._unlock()
            held += 1
        print(held)
        """
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    outs = [p.communicate(60)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    log = (tmp_path / "log").read_text().split()
    # strictly alternating enter/leave: two holders would interleave "+ +"
    assert log == ["+", "-"] * (len(log) // 2)
    assert sum(int(o) for o in outs) == len(log) // 2 > 0


def test_disk_full_one_line_previous_snapshot_intact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    raw, processed = _raw(tmp_path), tmp_path / "processed"
    assert main(["ingest", "--raw", str(raw), "--processed", str(processed)]) == 0
    before, manifest = snapshot_dir(processed), read_manifest(processed)
    capsys.readouterr()

    def full(table: object, where: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(where))

    monkeypatch.setattr(pq, "write_table", full)
    (raw / "o" / "b.txt").write_text("date 2025-09-02\n\nEin neuer Artikel.\n")
    assert main(["ingest", "--raw", str(raw), "--processed", str(processed)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len([line for line in err if line.startswith("medialens ingest:")]) == 1
    assert err[-1].startswith(f"medialens ingest: disk full writing {processed}/snapshots/.tmp-")
    assert "MB free" in err[-1] and err[-1].endswith("the previous snapshot stays current")
    assert "Traceback" not in "\n".join(err)
    assert snapshot_dir(processed) == before and read_manifest(processed) == manifest
    assert not list((processed / "snapshots").glob(".tmp-*"))
