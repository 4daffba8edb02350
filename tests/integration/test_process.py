"""`medialens process`: all tables, offsets into the stored text, incremental runs, engines,
interruption and annotation failures."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from pandas.testing import assert_frame_equal

from medialens.cli import main
from medialens.process import ANNOTATION_TABLES, annotate_chunk, annotation_key
from medialens.schema import TABLES
from medialens.store import load_table, read_manifest, snapshot_dir

ARTICLES = [
    (
        "a1",
        "2025-09-05",
        "»Wir werden sparen müssen«, sagte Bundeskanzler Friedrich Merz am Donnerstag in Berlin. "
        "Die Opposition kritisierte den Plan als »Kahlschlag«.",
    ),
    (
        "a2",
        "2025-09-04",
        "Frankreichs Präsident Emmanuel Macron erklärte, 26 Länder seien bereit, Truppen "
        "zu entsenden.\n\nNATO-Generalsekretär Mark Rutte warnte vor Russland.",
    ),
    ("a3", "2025-09-03", "Der Bundestag debattierte über den Haushalt. Es gab keine Einigung."),
    (
        "a4",
        "2025-09-02",
        "Außenamtssprecherin Marija Sacharowa sagte, Russland werde nicht diskutieren.",
    ),
]
SORT_KEYS = {
    "article_counts": ["article_id"],
    "quotes": ["article_id", "quote_id"],
    "scare_quotes": ["article_id", "start", "end"],
    "mentions": ["article_id", "start", "end", "actor"],
    "framing": ["article_id", "start", "end", "frame", "term"],
    "uncoded_actors": ["article_id", "start", "end", "type"],
}


def _write_corpus(raw: Path, articles: list[tuple[str, str, str]]) -> None:
    raw.mkdir(parents=True, exist_ok=True)
    lines = [
        json.dumps({"id": i, "date": d, "outlet": "Test", "text": t}, ensure_ascii=False)
        for i, d, t in articles
    ]
    (raw / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _process(raw: Path, processed: Path, *extra: str) -> int:
    return main(
        ["process", "--raw", str(raw), "--processed", str(processed), "--no-progress", *extra]
    )


def _tables(processed: Path) -> dict[str, pd.DataFrame]:
    return {
        name: load_table(name, processed).sort_values(SORT_KEYS[name]).reset_index(drop=True)
        for name in ANNOTATION_TABLES
    }


def _assert_same_tables(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    for name in ANNOTATION_TABLES:
        assert_frame_equal(a[name], b[name], obj=name)


def test_process_writes_every_table(tmp_path: Path) -> None:
    raw, processed = tmp_path / "raw", tmp_path / "processed"
    _write_corpus(raw, ARTICLES)
    assert _process(raw, processed) == 0
    for name, schema in TABLES.items():
        assert list(load_table(name, processed).columns) == schema.names, name
    articles = load_table("articles", processed).set_index("article_id")
    counts = load_table("article_counts", processed)
    assert sorted(counts["article_id"]) == ["a1", "a2", "a3", "a4"]
    assert (counts["n_tokens"] >= counts["n_words"]).all() and (counts["n_words"] > 0).all()
    assert counts["annotation_key"].notna().all()
    quotes = load_table("quotes", processed)
    assert "a1" in set(quotes["article_id"])  # »…«, sagte Merz
    mentions = load_table("mentions", processed)
    assert "merz" in set(mentions["actor"])
    # every offset refers to the stored (normalised) text
    for name in ("quotes", "scare_quotes", "mentions", "framing", "uncoded_actors"):
        for row in load_table(name, processed).itertuples():
            text = articles.loc[row.article_id, "text"]
            assert 0 <= row.start < row.end <= len(text)
            if name != "quotes":
                assert text[row.start : row.end] == row.text, (name, row)
    per_article = quotes.groupby("article_id").size()
    for row in counts.itertuples():
        assert row.n_quotes == per_article.get(row.article_id, 0)
    manifest = read_manifest(processed)
    assert manifest["command"] == "process"
    assert manifest["annotation"]["annotated"] == 4 and manifest["annotation"]["reused"] == 0
    assert len(manifest["annotation"]["codebook_hash"]) == 64


def test_incremental_rerun_and_one_new_article(tmp_path: Path) -> None:
    raw, processed = tmp_path / "raw", tmp_path / "processed"
    _write_corpus(raw, ARTICLES[:3])
    assert _process(raw, processed, "--chunk-size", "2") == 0
    first = _tables(processed)

    assert _process(raw, processed, "--chunk-size", "2") == 0
    m = read_manifest(processed)["annotation"]
    assert (m["annotated"], m["reused"]) == (0, 3)
    _assert_same_tables(_tables(processed), first)

    _write_corpus(raw, ARTICLES)  # one article added
    assert _process(raw, processed, "--chunk-size", "2") == 0
    m = read_manifest(processed)["annotation"]
    assert (m["annotated"], m["reused"]) == (1, 3)
    incremental = _tables(processed)

    full_dir = tmp_path / "full"
    assert _process(raw, full_dir, "--full") == 0
    assert read_manifest(full_dir)["annotation"]["annotated"] == 4
    _assert_same_tables(incremental, _tables(full_dir))

    # --full ignores the previous snapshot
    assert _process(raw, processed, "--full") == 0
    assert read_manifest(processed)["annotation"]["annotated"] == 4


def test_changed_text_or_date_is_annotated_again(tmp_path: Path) -> None:
    raw, processed = tmp_path / "raw", tmp_path / "processed"
    _write_corpus(raw, ARTICLES)
    assert _process(raw, processed) == 0
    changed = list(ARTICLES)
    changed[0] = ("a1", "2025-09-05", ARTICLES[0][2] + " Neu.")
    changed[1] = ("a2", "2025-09-06", ARTICLES[1][2])
    _write_corpus(raw, changed)
    assert _process(raw, processed) == 0
    m = read_manifest(processed)["annotation"]
    assert (m["annotated"], m["reused"]) == (2, 2)


@pytest.mark.parametrize(
    "change",
    [
        {"article_id": "b"},
        {"date": "2025-09-06"},
        {"content_hash": "f" * 64},
        {"codebook_hash": "other"},
        {"model": "de_core_news_md"},
        {"version": "9.9"},
    ],
)
def test_annotation_key_depends_on_every_input(change: dict[str, str]) -> None:
    base = {
        "article_id": "a",
        "date": "2025-09-05",
        "content_hash": "0" * 64,
        "codebook_hash": "cb",
        "model": None,
        "version": "1.0",
    }

    def key(args: dict[str, object]) -> str:
        return annotation_key(
            args["article_id"],
            args["date"],
            args["content_hash"],
            codebook_hash=args["codebook_hash"],
            model=args["model"],
            version=args["version"],
        )

    assert key(base) == key(dict(base))
    assert key(base) != key({**base, **change})


def test_annotate_chunk_accepts_arrow_and_pandas() -> None:
    frame = pd.DataFrame(
        {
            "article_id": [a for a, _, _ in ARTICLES],
            "date": [d for _, d, _ in ARTICLES],
            "text": [t for *_, t in ARTICLES],
        }
    )
    from_pandas = annotate_chunk(frame, codebook="", model=None)
    from_arrow = annotate_chunk(
        pa.Table.from_pandas(frame, preserve_index=False), codebook="", model=None
    )
    assert set(from_pandas) == set(ANNOTATION_TABLES)
    for name in ANNOTATION_TABLES:
        assert from_pandas[name].schema == TABLES[name]
        assert from_pandas[name].equals(from_arrow[name])
    assert from_pandas["article_counts"].column("article_id").to_pylist() == [
        "a1",
        "a2",
        "a3",
        "a4",
    ]
    empty = annotate_chunk(frame.iloc[:0], codebook="", model=None)
    assert all(len(t) == 0 for t in empty.values())


def test_two_processes_give_the_same_tables(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    _write_corpus(raw, ARTICLES)
    assert _process(raw, tmp_path / "one") == 0
    assert _process(raw, tmp_path / "two", "--n-process", "2", "--chunk-size", "1") == 0
    _assert_same_tables(_tables(tmp_path / "one"), _tables(tmp_path / "two"))


def test_interrupt_keeps_previous_snapshot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import medialens.pipeline.pool as pool  # the local engine calls annotate_chunk from here

    raw, processed = tmp_path / "raw", tmp_path / "processed"
    _write_corpus(raw, ARTICLES[:2])
    assert _process(raw, processed) == 0
    current, manifest = snapshot_dir(processed), read_manifest(processed)
    _write_corpus(raw, ARTICLES)
    real = pool.annotate_chunk
    calls = []

    def interrupted(*args: object, **kwargs: object) -> dict[str, pa.Table]:
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(pool, "annotate_chunk", interrupted)
    assert _process(raw, processed, "--full", "--chunk-size", "1") == 130
    assert len(calls) == 2  # the patched function ran: the run was interrupted by it
    assert snapshot_dir(processed) == current
    assert read_manifest(processed) == manifest
    assert not list((processed / "snapshots").glob(".tmp-*"))
    assert not (processed / ".lock").exists()
    monkeypatch.setattr(pool, "annotate_chunk", real)
    assert _process(raw, processed) == 0
    assert len(load_table("article_counts", processed)) == 4


def test_sigint_subprocess_keeps_previous_snapshot(tmp_path: Path) -> None:
    raw, processed = tmp_path / "raw", tmp_path / "processed"
    _write_corpus(raw, ARTICLES[:1])
    assert _process(raw, processed) == 0
    current, manifest = snapshot_dir(processed), read_manifest(processed)
    many = [(f"x{i}", "2025-09-05", f"{ARTICLES[i % 4][2]} Nummer {i}.") for i in range(1500)]
    _write_corpus(raw, many)
    cmd = [
        sys.executable,
        "-m",
        "medialens.cli",
        "process",
        "--raw",
        str(raw),
        "--processed",
        str(processed),
    ]
    proc = subprocess.Popen(
        [*cmd, "--no-progress", "--chunk-size", "1"], stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 60
        # wait until the run is annotating (parts of article_counts exist in the temporary snapshot)
        while time.monotonic() < deadline and proc.poll() is None:
            if list((processed / "snapshots").glob(".tmp-*/article_counts/part-00002.parquet")):
                break
            time.sleep(0.05)
        assert proc.poll() is None, "run finished before it could be interrupted"
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    assert snapshot_dir(processed) == current
    assert read_manifest(processed) == manifest
    assert not list((processed / "snapshots").glob(".tmp-*"))


class _Exploding:
    """A pipeline wrapper that fails on texts containing EXPLODE (like a component bug)."""

    def __init__(self, nlp: object) -> None:
        self.nlp = nlp
        self.max_length = nlp.max_length

    def make_doc(self, text: str):
        return self.nlp.make_doc(text)

    def _check(self, doc) -> None:
        if "EXPLODE" in doc.text:
            raise RuntimeError("component bug")

    def pipe(self, docs, batch_size: int = 64):
        docs = list(docs)
        for d in docs:
            self._check(d)
        return self.nlp.pipe(docs, batch_size=batch_size)

    def __call__(self, doc):
        self._check(doc)
        return self.nlp(doc)


def test_annotation_failure_is_a_reject_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import medialens.pipeline.annotate as annotate  # annotate_chunk builds its pipeline here

    real = annotate.get_nlp
    monkeypatch.setattr(
        annotate, "get_nlp", lambda codebook, model: _Exploding(real(codebook, model))
    )
    raw, processed = tmp_path / "raw", tmp_path / "processed"
    _write_corpus(raw, [*ARTICLES, ("bad", "2025-09-01", "Dieser Text EXPLODE im Parser.")])
    assert _process(raw, processed, "--strict") == 1  # strict: nothing written
    assert not (processed / "current").exists()
    assert _process(raw, processed) == 0
    counts = load_table("article_counts", processed)
    assert sorted(counts["article_id"]) == ["a1", "a2", "a3", "a4"]
    rejects = load_table("rejects", processed)
    assert rejects[["source_file", "source_line", "reason"]].values.tolist() == [
        ["feed.jsonl", 5, "annotation-failed"]
    ]
    assert rejects["message"][0].startswith("feed.jsonl:5: article 'bad' could not be annotated")
    assert "failed: 1" in capsys.readouterr().err
    # the next run retries the failed article (it has no annotation key) and nothing else
    monkeypatch.setattr(annotate, "get_nlp", real)
    assert _process(raw, processed) == 0
    m = read_manifest(processed)["annotation"]
    assert (m["annotated"], m["reused"], m["failed"]) == (1, 4, 0)


def test_strict_process_leaves_store_unchanged(tmp_path: Path) -> None:
    raw, processed = tmp_path / "raw", tmp_path / "processed"
    _write_corpus(raw, ARTICLES[:1])
    assert _process(raw, processed) == 0
    current = snapshot_dir(processed)
    (raw / "broken.jsonl").write_text('{"text": kaputt}\n')
    assert _process(raw, processed, "--strict") == 1
    assert snapshot_dir(processed) == current
    assert _process(raw, processed) == 0  # without --strict the rest is processed
    assert load_table("rejects", processed)["reason"].tolist() == ["bad-json"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--engine", "dask"], "--engine dask is not available"),
        (["--scheduler", "tcp://x:8786"], "--scheduler needs --engine dask"),
        (["--n-process", "0"], "--n-process must be at least 1"),
        (["--codebook", "/nonexistent/codebook.yaml"], "codebook not found"),
        (["--model", "xx_no_such_model_sm"], "'xx_no_such_model_sm' is not installed"),
    ],
)
def test_usage_errors(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str,
) -> None:
    monkeypatch.setitem(sys.modules, "medialens.engines.dask", None)  # as if not installed
    _write_corpus(tmp_path / "raw", ARTICLES[:1])
    assert _process(tmp_path / "raw", tmp_path / "p", *extra) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "p" / "current").exists()


def test_process_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["process", "--help"])
    out = capsys.readouterr().out
    for flag in (
        "--raw",
        "--processed",
        "--codebook",
        "--model",
        "--n-process",
        "--full",
        "--strict",
        "--engine",
        "--scheduler",
    ):
        assert flag in out


def test_env_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write_corpus(tmp_path / "raw", ARTICLES[:1])
    monkeypatch.setenv("MEDIALENS_RAW", str(tmp_path / "raw"))
    monkeypatch.setenv("MEDIALENS_PROCESSED", str(tmp_path / "env-store"))
    assert main(["process", "--no-progress"]) == 0
    assert os.path.islink(tmp_path / "env-store" / "current")


def test_malformed_codebook_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_corpus(tmp_path / "raw", ARTICLES[:1])
    bad = tmp_path / "codebook.yaml"
    bad.write_text("actors:\n  - id: [unclosed\n", encoding="utf-8")
    assert _process(tmp_path / "raw", tmp_path / "p", "--codebook", str(bad)) == 2
    err = capsys.readouterr().err
    assert "codebook" in err and str(bad) in err and "Traceback" not in err


def test_too_long_text_is_a_clear_annotation_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    import medialens.process as process

    nlp = process.get_nlp(None, None)
    monkeypatch.setattr(nlp, "max_length", 50)
    frame = pd.DataFrame(
        {
            "article_id": ["short", "long"],
            "text": ["Kurz.", "Lang " * 20],
            "source_file": ["f.jsonl"] * 2,
            "source_line": [1, 2],
        }
    )
    result = annotate_chunk(frame, codebook="", model=None)
    assert result["article_counts"].column("article_id").to_pylist() == ["short"]
    (message,) = result["rejects"].column("message").to_pylist()
    assert message.startswith("f.jsonl:2: article 'long' could not be annotated")
    assert "text too long to annotate (100 > 50 characters)" in message


def test_changed_annotation_code_is_annotated_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import medialens.pipeline.driver as driver  # process_corpus asks for the fingerprint here

    raw, processed = tmp_path / "raw", tmp_path / "processed"
    _write_corpus(raw, ARTICLES[:2])
    assert _process(raw, processed) == 0
    assert read_manifest(processed)["annotation"]["code_fingerprint"] == driver.code_fingerprint()
    monkeypatch.setattr(driver, "code_fingerprint", lambda: "a-changed-extractor")
    assert _process(raw, processed) == 0
    m = read_manifest(processed)["annotation"]
    assert (m["annotated"], m["reused"]) == (2, 0)
    assert m["code_fingerprint"] == "a-changed-extractor"


def test_code_fingerprint_follows_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import medialens.config as config
    from medialens.pipeline.keys import code_fingerprint

    (tmp_path / "nlp").mkdir()
    (tmp_path / "nlp" / "quotes.py").write_text("A = 1\n")
    (tmp_path / "codebook").mkdir()
    (tmp_path / "codebook" / "verbs.yaml").write_text("sagen: neutral\n")
    (tmp_path / "pipeline").mkdir()
    (tmp_path / "pipeline" / "annotate.py").write_text("B = 1\n")
    monkeypatch.setattr(config, "PACKAGE_DIR", tmp_path)
    fingerprints = []
    for change in (
        None,
        ("nlp/quotes.py", "A = 2\n"),
        ("codebook/verbs.yaml", "sagen: x\n"),
        ("pipeline/annotate.py", "B = 2\n"),
        ("notes.md", "x"),
    ):
        if change:
            (tmp_path / change[0]).write_text(change[1])
        code_fingerprint.cache_clear()
        fingerprints.append(code_fingerprint())
    code_fingerprint.cache_clear()
    assert len(set(fingerprints[:4])) == 4  # code (annotation and pipeline) and word lists count
    assert fingerprints[4] == fingerprints[3]  # files outside nlp/, codebook/, pipeline/ do not
