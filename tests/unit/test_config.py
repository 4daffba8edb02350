"""Paths come from the project root; env vars override defaults; explicit overrides win."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT

from medialens.config import DEFAULT_CODEBOOK, find_project_root, get_settings


def test_root_is_found_from_a_subfolder(monkeypatch):
    monkeypatch.delenv("MEDIALENS_ROOT", raising=False)
    assert find_project_root(ROOT / "lib" / "medialens") == ROOT


def test_default_paths_are_built_from_the_root(monkeypatch):
    for var in ("MEDIALENS_RAW", "MEDIALENS_PROCESSED", "MEDIALENS_REPORTS", "MEDIALENS_CODEBOOK"):
        monkeypatch.delenv(var, raising=False)
    s = get_settings(root=ROOT)
    assert s.raw_dir == ROOT / "data" / "raw"
    assert s.processed_dir == ROOT / "data" / "processed"
    assert s.reports_dir == ROOT / "reports"
    assert s.notebooks_dir == ROOT / "notebooks"
    assert s.codebook == DEFAULT_CODEBOOK


def test_environment_variables_override_defaults(monkeypatch, tmp_path):
    monkeypatch.setenv("MEDIALENS_PROCESSED", str(tmp_path / "store"))
    monkeypatch.setenv("MEDIALENS_MODEL", "de_core_news_sm")
    s = get_settings(root=ROOT)
    assert s.processed_dir == tmp_path / "store"
    assert s.model == "de_core_news_sm"


def test_explicit_overrides_beat_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("MEDIALENS_RAW", str(tmp_path / "env"))
    s = get_settings(root=ROOT, raw_dir=tmp_path / "flag", model=None)
    assert s.raw_dir == tmp_path / "flag"


def test_relative_override_is_resolved(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = get_settings(root=ROOT, reports_dir="out")
    assert s.reports_dir == Path(tmp_path / "out").resolve()
