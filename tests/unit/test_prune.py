"""`--keep N`: old report runs are removed, newest N kept, nothing else touched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medialens.cli import main
from medialens.reports.prune import prune_runs, report_runs


def _run(reports: Path, rid: str, status: str = "ok") -> Path:
    folder = reports / rid
    folder.mkdir(parents=True)
    (folder / "run.json").write_text(json.dumps({"run_id": rid, "status": status}))
    (folder / "01_corpus_overview.html").write_text("<html></html>")
    return folder


IDS = [f"202612{d:02d}T080000Z-abc{d:03d}" for d in range(1, 6)]


@pytest.mark.parametrize(
    ("keep", "kept"),
    [(1, IDS[-1:]), (3, IDS[-3:]), (5, IDS), (9, IDS)],
)
def test_prune_keeps_the_newest(tmp_path: Path, keep: int, kept: list[str]) -> None:
    for rid in IDS:
        _run(tmp_path, rid)
    (tmp_path / "notes").mkdir()  # not a run folder: never touched
    (tmp_path / "notes" / "x.txt").write_text("x")
    result = prune_runs(tmp_path, keep)
    assert sorted(result.kept) == kept
    assert sorted(result.removed) == sorted(set(IDS) - set(kept))
    assert sorted(rid for rid, _ in report_runs(tmp_path)) == kept
    assert (tmp_path / "notes" / "x.txt").exists()
    assert not list(tmp_path.glob(".pruned-*"))
    if result.removed:
        index = (tmp_path / "index.html").read_text()
        assert all(rid not in index for rid in result.removed)
        assert all(rid in index for rid in kept)


def test_running_run_is_never_removed(tmp_path: Path) -> None:
    for rid in IDS[:3]:
        _run(tmp_path, rid)
    _run(tmp_path, IDS[0].replace("01T", "00T"), status="running")  # the oldest, in progress
    result = prune_runs(tmp_path, 1)
    assert result.kept == [IDS[2]]
    assert sorted(rid for rid, _ in report_runs(tmp_path)) == sorted(
        [IDS[0].replace("01T", "00T"), IDS[2]]
    )


def test_linked_run_is_kept_and_links_are_not_runs(tmp_path: Path) -> None:
    for rid in IDS[:3]:
        _run(tmp_path, rid, status="ok" if rid == IDS[0] else "failed")
    (tmp_path / "latest").symlink_to(IDS[0], target_is_directory=True)  # newest complete run
    result = prune_runs(tmp_path, 1)
    assert sorted(result.kept) == [IDS[0], IDS[2]]
    assert result.removed == [IDS[1]]
    assert (tmp_path / "latest" / "run.json").is_file()


@pytest.mark.parametrize("keep", [0, -2])
def test_keep_below_one_is_refused(tmp_path: Path, keep: int) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        prune_runs(tmp_path, keep)


@pytest.mark.parametrize("command", ["report", "run"])
def test_keep_zero_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    with pytest.raises(SystemExit) as exc:
        main([command, "--reports", str(tmp_path / "r"), "--keep", "0"])
    assert exc.value.code == 2
    assert "--keep must be at least 1" in capsys.readouterr().err
    assert not (tmp_path / "r").exists()
