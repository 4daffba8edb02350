"""A report's codebook stamp must be true; parameters for people (names, case, suggestions)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from medialens import analysis as A
from medialens.cli import main
from medialens.codebook import DEFAULT_PATH, codebook_hash
from medialens.reports.runner import write_index
from medialens.store import StoreWriter

OTHER = """version: 1
actors:
  - {id: merz, name: Friedrich Merz, type: person, aliases: [Merz]}
frames:
  - {id: war, label: War, terms: [Krieg]}
"""


def _store(path: Path, codebook: Path) -> Path:
    with StoreWriter(path) as w:
        w.write(
            "articles",
            [
                {
                    "article_id": f"a{i}",
                    "outlet": "Taz" if i % 2 else "welt",
                    "date": dt.date(2025, 1, 1 + i),
                    "n_words": 100,
                    "text": "Merz sagte etwas.",
                    "title": f"T{i}",
                }
                for i in range(4)
            ],
        )
        w.write(
            "mentions",
            [
                {"article_id": "a0", "actor": "merz", "type": "person", "start": 0, "end": 4},
                {"article_id": "a1", "actor": "scholz", "type": "person", "start": 0, "end": 4},
                {"article_id": "a1", "actor": "gruene", "type": "party", "start": 0, "end": 4},
            ],
        )
        w.commit(annotation={"codebook": str(codebook), "codebook_hash": codebook_hash(codebook)})
    return path


@pytest.fixture(scope="module")
def default_store(tmp_path_factory):
    return _store(tmp_path_factory.mktemp("default"), Path(DEFAULT_PATH))


@pytest.fixture()
def other_codebook(tmp_path):
    path = tmp_path / "other.yaml"
    path.write_text(OTHER, encoding="utf-8")
    return path


def test_select_rejects_a_codebook_the_store_was_not_built_with(default_store, other_codebook):
    with pytest.raises(A.ParameterError, match="codebook mismatch") as info:
        A.select(processed_dir=default_store, codebook=other_codebook)
    message = str(info.value)
    assert str(other_codebook) in message and "medialens process --codebook" in message
    assert A.select(processed_dir=default_store).codebook == Path(DEFAULT_PATH)


def test_report_with_other_codebook_exits_2_and_writes_nothing(
    default_store, other_codebook, tmp_path, capsys
):
    reports = tmp_path / "reports"
    code = main(
        [
            "report",
            "01_corpus_overview",
            "--processed",
            str(default_store),
            "--reports",
            str(reports),
            "--codebook",
            str(other_codebook),
        ]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert "codebook mismatch" in err and "Traceback" not in err
    assert not reports.exists() or not any(reports.iterdir())


def test_store_built_with_other_codebook_reports_with_it(tmp_path, other_codebook):
    store = _store(tmp_path / "store", other_codebook)
    # not given: the store's own codebook is used (its content still matches)
    assert A.check_codebook(store, Path(DEFAULT_PATH), explicit=False) == other_codebook
    # given explicitly: refused, never silently replaced
    with pytest.raises(A.ParameterError, match="codebook mismatch"):
        A.check_codebook(store, Path(DEFAULT_PATH), explicit=True)
    # the recorded file changed since: refused too
    other_codebook.write_text(OTHER.replace("War", "Krieg"), encoding="utf-8")
    with pytest.raises(A.ParameterError, match="codebook mismatch"):
        A.check_codebook(store, Path(DEFAULT_PATH), explicit=False)


@pytest.mark.parametrize(
    ("kwargs", "field", "expected"),
    [
        ({"outlets": ["taz"]}, "outlets", ("Taz",)),  # case-insensitive
        ({"outlets": "WELT, taz"}, "outlets", ("welt", "Taz")),
        ({"actors": ["Merz"]}, "actors", ("merz",)),  # alias
        ({"actors": ["friedrich merz"]}, "actors", ("merz",)),  # name, any case
        ({"actors": ["merz", "Merz"]}, "actors", ("merz",)),  # once
        ({"actors": ["Olaf Scholz"]}, "actors", ("scholz",)),
    ],
)
def test_parameters_by_name_and_any_case(default_store, kwargs, field, expected):
    sel = A.select(processed_dir=default_store, **kwargs)
    assert getattr(sel, field) == expected


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"actors": ["Mertz"]}, r"unknown actor: 'Mertz'\. Did you mean 'merz'\?"),
        (
            {"actors": ["nobody"]},
            r"Valid values: gruene \(Grüne\), merz \(Friedrich Merz\), scholz",
        ),
        ({"outlets": ["tax"]}, r"Did you mean 'Taz'\?"),
    ],
)
def test_unknown_values_suggest_and_list_everything(default_store, kwargs, message):
    with pytest.raises(A.ParameterError, match=message):
        A.select(processed_dir=default_store, **kwargs)


def test_ambiguous_alias_is_an_error():
    with pytest.raises(A.ParameterError, match="ambiguous: it names a, b"):
        A.resolve_values("actor", ["X"], ["a", "b"], synonyms={"a": ("x",), "b": ("X",)})


def test_parameter_error_is_one_line_in_jupyter():
    err = A.ParameterError("unknown outlet: 'x'")
    assert err._render_traceback_() == ["\x1b[0;31mParameterError\x1b[0m: unknown outlet: 'x'"]


def test_list_values(default_store, capsys):
    code = main(["report", "--list-values", "actors", "--processed", str(default_store)])
    assert code == 0
    lines = capsys.readouterr().out.splitlines()
    assert "merz\tFriedrich Merz" in lines and "scholz\tOlaf Scholz" in lines


def test_help_example_ids_exist_in_the_default_codebook():
    from medialens.codebook import load_codebook

    book = load_codebook(DEFAULT_PATH)
    ids = {a.id for a in book.actors}
    frames = {f.id for f in book.frames}
    nb = json.loads((Path(__file__).parents[2] / "notebooks" / "02_actors.ipynb").read_text())
    params = "".join(nb["cells"][1]["source"])
    assert "e.g. merz" in params and "merz" in ids
    assert "e.g. military_security" in params and "military_security" in frames


def test_index_in_words_with_key_figure_and_latest(tmp_path):
    reports = tmp_path / "reports"
    for rid, status in (("20250101T000000Z-aaaaaa", "ok"), ("20250102T000000Z-bbbbbb", "failed")):
        run = reports / rid
        (run / "02_actors_data").mkdir(parents=True)
        (run / "02_actors_data" / "key_figures.json").write_text(
            json.dumps([{"label": "most mentioned", "value": "<Merz>", "n": "12 mentions"}])
        )
        (run / "run.json").write_text(
            json.dumps(
                {
                    "run_id": rid,
                    "started": "2025-01-01T00:00:00+00:00",
                    "status": status,
                    "parameters": {"02_actors": {"outlets": ["taz"], "processed_dir": "/x"}},
                    "notebooks": [{"name": "02_actors", "ok": True, "html": "02_actors.html"}],
                }
            )
        )
    index = write_index(reports).read_text(encoding="utf-8")
    assert "outlets: taz" in index and "processed_dir" not in index
    assert "most mentioned: &lt;Merz&gt; (12 mentions)" in index
    assert "Who is mentioned" in index  # the report's one-line description
    assert (reports / "latest").resolve() == (reports / "20250101T000000Z-aaaaaa").resolve()
    assert 'href="latest/index.html"' in index
    assert (reports / "20250101T000000Z-aaaaaa" / "index.html").is_file()
    # the latest link is not listed as a run of its own
    assert index.count("run id 20250101T000000Z-aaaaaa") == 1
