"""`medialens process --engine dask` on a 2-worker LocalCluster writes the same store as local.

Runs the CLI as users do (a subprocess each), on 48 sample-corpus articles in three formats,
in chunks of 7 articles so that several chunks are in flight on both workers and their
order matters.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from itertools import islice
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from pandas.testing import assert_frame_equal

from medialens.schema import TABLES
from medialens.store import load_table, read_manifest

pytest.importorskip("distributed")

#: one worker runs the whole module, so the two stores (and one LocalCluster) are built once
pytestmark = pytest.mark.xdist_group("dask")

MEDIALENS = Path(sys.executable).with_name("medialens")


@pytest.fixture(scope="module")
def raw(root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """40 JSONL articles, 6 dated text files and the seed article from data/raw."""
    src = root / "data" / "raw"
    target = tmp_path_factory.mktemp("dask") / "raw"
    (target / "wikinews" / "text").mkdir(parents=True)
    with open(src / "wikinews" / "wikinews.jsonl", encoding="utf-8") as fh:
        lines = list(islice(fh, 40))
    (target / "wikinews" / "wikinews.jsonl").write_text("".join(lines), encoding="utf-8")
    for path in sorted((src / "wikinews" / "text").glob("*.txt"))[:6]:
        shutil.copy(path, target / "wikinews" / "text" / path.name)
    shutil.copytree(src / "junge-welt", target / "junge-welt")
    return target


def _process(raw: Path, processed: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    cmd = [str(MEDIALENS), "process", "--raw", str(raw), "--processed", str(processed)]
    cmd += ["--no-progress", "--chunk-size", "7", *extra]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=240, check=False)


def _sorted(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """Rows in a canonical order (every non-list column), independent of part boundaries."""
    keys = [f.name for f in TABLES[name] if not pa.types.is_list(f.type)]
    return df.sort_values(keys, kind="stable", na_position="first").reset_index(drop=True)


@pytest.fixture(scope="module")
def stores(raw: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("stores")
    local, dask = base / "local", base / "dask"
    done = _process(raw, local)
    assert done.returncode == 0, done.stderr
    done = _process(raw, dask, "--engine", "dask", "--n-process", "2")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return local, dask


def test_dask_engine_ran(stores: tuple[Path, Path]) -> None:
    local, dask = stores
    assert read_manifest(local)["annotation"]["engine"] == "local"
    annotation = read_manifest(dask)["annotation"]
    assert annotation["engine"] == "dask"
    assert annotation["annotated"] == 47
    assert annotation["failed"] == 0


@pytest.mark.parametrize("table", sorted(TABLES))
def test_dask_tables_identical_to_local(stores: tuple[Path, Path], table: str) -> None:
    local, dask = stores
    expected = load_table(table, local)
    got = load_table(table, dask)
    if table not in ("rejects", "duplicates"):
        assert len(expected) > 0, f"{table}: the comparison needs rows"
    # Row order too: the engine yields chunks in input order.
    assert_frame_equal(got, expected)
    assert_frame_equal(_sorted(table, got), _sorted(table, expected))


def test_dask_manifest_row_counts(stores: tuple[Path, Path]) -> None:
    local, dask = stores
    assert read_manifest(dask)["row_counts"] == read_manifest(local)["row_counts"]
    assert json.dumps(read_manifest(dask)["row_counts"])  # plain JSON


def test_run_dask_rejects_bad_worker_count() -> None:
    from medialens.engines.dask import run_dask

    with pytest.raises(ValueError, match="n_workers"):
        next(run_dask([], codebook="", model=None, n_workers=0))
