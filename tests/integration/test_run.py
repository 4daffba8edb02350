"""`medialens run` end to end on the local feed server: collect → process → report → prune,
twice (the second run is incremental), plus the lock against overlapping runs."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from medialens.cli import EXIT_LOCKED, main
from medialens.lock import ExclusiveLock
from medialens.reports.prune import report_runs
from medialens.run import RUN_LOCK, RUN_LOG, RUN_OWNER
from medialens.store import load_table, read_manifest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))

from feed_server import serving

FAST = ["--timeout", "0.5", "--retries", "1", "--backoff", "0.01", "--min-interval", "0.02"]


def _argv(tmp_path: Path, feeds: Path) -> list[str]:
    return [
        "run",
        "--feeds",
        str(feeds),
        "--raw",
        str(tmp_path / "raw"),
        "--processed",
        str(tmp_path / "processed"),
        "--reports",
        str(tmp_path / "reports"),
        "--report",
        "01_corpus_overview",
        "--keep",
        "1",
        *FAST,
    ]


def test_scheduled_run_end_to_end(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    # capfd: the notebook kernel is a subprocess writing to the inherited stderr descriptor
    started = time.monotonic()
    with serving(slow_seconds=1.0) as srv:
        feeds = tmp_path / "feeds.yaml"
        feeds.write_text(
            f"feeds:\n  - outlet: beispiel\n    url: {srv.base}/feed.xml\n"
            f"  - outlet: atom\n    url: {srv.base}/atom.xml\n"
        )
        assert main(_argv(tmp_path, feeds)) == 0
        first = capfd.readouterr().err.strip().splitlines()
        assert [line.split(":")[0] for line in first] == [
            "collect",
            "process",
            "report",
            "prune",
            "run",
        ]
        assert "6 new" in first[0]
        assert first[1].startswith("process: 6 article(s) from 6 file(s) (0 unchanged)")
        assert "annotated 6, reused 0" in first[1]
        assert first[3].startswith("prune: 0 old report run(s) removed, 1 kept")
        assert first[4].startswith("run: exit 0")
        runs = report_runs(tmp_path / "reports")
        assert [status for _, status in runs] == ["ok"]

        time.sleep(1.1)  # report run ids have one-second resolution
        assert main(_argv(tmp_path, feeds)) == 0
        second = capfd.readouterr().err.strip().splitlines()
    assert "0 new" in second[0] and "(1 unchanged" in second[0]  # Atom: 304
    assert "(6 unchanged)" in second[1] and "annotated 0, reused 6" in second[1]
    assert second[3].startswith("prune: 1 old report run(s) removed, 1 kept")
    new_runs = report_runs(tmp_path / "reports")
    assert len(new_runs) == 1 and new_runs[0][0] != runs[0][0]
    assert (tmp_path / "reports" / new_runs[0][0] / "01_corpus_overview.html").is_file()
    assert len(load_table("articles", tmp_path / "processed")) == 6
    assert read_manifest(tmp_path / "processed")["command"] == "process"
    log = (tmp_path / "processed" / RUN_LOG).read_text()
    assert "== collect" in log and "== process" in log and "slow.html: timed out" in log
    assert time.monotonic() - started < 120


def test_overlapping_run_exits_75_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    processed = tmp_path / "processed"
    holder = ExclusiveLock(processed / RUN_LOCK, processed / RUN_OWNER, what="the store")
    with holder:
        code = main(["run", "--raw", str(tmp_path / "raw"), "--processed", str(processed)])
    assert code == EXIT_LOCKED
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("medialens run: another run holds the store since ")
    assert err[0].endswith(")") and "(pid " in err[0]
    assert not (processed / "current").exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--keep", "2"], "--keep prunes report runs: use it with --report"),
        (["--feeds", "missing.yaml"], "feeds file not found"),
    ],
)
def test_run_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    argv = ["run", "--raw", str(tmp_path / "raw"), "--processed", str(tmp_path / "p"), *extra]
    assert main(argv) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "p").exists()
