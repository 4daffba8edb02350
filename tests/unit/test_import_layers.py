"""One-way imports inside ``medialens``: the layers below ``medialens.pipeline`` never import
it, the pipeline's own modules import only the ones below them, and the module import graph
has no cycle except the pre-existing ones listed in :data:`KNOWN_CYCLES`.

Why a static check: an import circle works until someone moves one import, and a lazy import
inside a function that dodges a circle hides it instead of removing it. So the graph is built
from the source with ``ast``, from every ``import`` statement: top-level, inside functions
and inside ``if TYPE_CHECKING:`` blocks alike. Limits: an import of ``a.b.c`` counts as an
edge to ``a.b.c`` only (Python also runs ``a/__init__`` and ``a/b/__init__`` first; counting
that would make every package that re-exports its submodules a cycle), and imports by name
at run time (``importlib.import_module``: the command table ``medialens.cli.COMMANDS`` and
the engine table ``medialens.pipeline.pool.ENGINES``) are not edges; the engine table is
checked separately below.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE_DIR = ROOT / "lib" / "medialens"

#: Modules and packages below the pipeline: they must import nothing from :data:`UPPER`.
LOWER = (
    "medialens.nlp",
    "medialens.schema",
    "medialens.store",
    "medialens.codebook",
    "medialens.corpus",
    "medialens.config",
    "medialens.lock",
    "medialens.workers",
    "medialens.version",
)
#: The pipeline and everything built on it.
UPPER = ("medialens.pipeline", "medialens.process", "medialens.engines", "medialens.run")
#: The pipeline's layers, lowest first: each may import only the ones before it (the order of
#: the ``medialens.pipeline`` docstring).
PIPELINE_LAYERS = ("keys", "annotate", "pool", "stream", "reuse", "commit", "driver", "cli")

#: Import cycles that existed before the check and are still there, with why. The test fails
#: when one of them disappears too, so that this list only ever shrinks.
KNOWN_CYCLES: dict[frozenset[str], str] = {
    frozenset({"medialens.analysis.kinds", "medialens.analysis.selection"}): (
        "kinds names the Selection type in its signatures and selection installs kinds' "
        "attention view in a function; removing it means moving the view's SQL out of kinds"
    ),
}


# -- the graph -------------------------------------------------------------------------------


def package_modules(package_dir: Path) -> dict[str, Path]:
    """Dotted module name → file, for every ``.py`` file below ``package_dir`` (a package
    folder; its own name is the top-level name)."""
    modules = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = list(path.relative_to(package_dir.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _known(name: str, modules: dict[str, Path]) -> str | None:
    """The longest prefix of ``name`` that is a module (``pkg.mod.func`` → ``pkg.mod``)."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def import_graph(package_dir: Path) -> dict[str, set[str]]:
    """Module → the modules of the same package it imports (every ``import`` statement,
    wherever it is; relative imports resolved; ``from pkg import sub`` → ``pkg.sub``)."""
    modules = package_modules(package_dir)
    top = package_dir.name
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        here = name if is_package else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = here.split(".")
                    parts = parts[: len(parts) - (node.level - 1)]
                    base = ".".join([*parts, base] if base else parts)
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    targets.append(sub if sub in modules else base)
            for target in targets:
                if target.split(".")[0] != top:
                    continue
                module = _known(target, modules)
                if module is not None and module != name:
                    graph[name].add(module)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(frozenset(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _under(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph(PACKAGE_DIR)


# -- the builder finds what it should (so the checks below can fail) -------------------------


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = tmp_path / "pkg" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path / "pkg"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # a lazy import inside a function closes a circle: found
        (
            {
                "__init__.py": "",
                "a.py": "from pkg.b import f\n",
                "b.py": "def f():\n    from pkg import a\n    return a\n",
            },
            [{"pkg.a", "pkg.b"}],
        ),
        # relative imports, and a circle of three through a sub-package
        (
            {
                "__init__.py": "",
                "a.py": "from .sub import c\n",
                "sub/__init__.py": "",
                "sub/c.py": "from ..b import x\n",
                "b.py": "import pkg.a\nx = 1\n",
            },
            [{"pkg.a", "pkg.b", "pkg.sub.c"}],
        ),
        # a type-only import counts too
        (
            {
                "__init__.py": "",
                "a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.b import B\n",
                "b.py": "from pkg.a import *\n",
            },
            [{"pkg.a", "pkg.b"}],
        ),
        # one-way imports, a package re-exporting its submodule, outside packages: no cycle
        (
            {
                "__init__.py": "from pkg.a import f\n",
                "a.py": "import os\nfrom pkg.b import g\ndef f():\n    import json\n",
                "b.py": "def g():\n    from pkg import c\n",
                "c.py": "import pyarrow\n",
            },
            [],
        ),
    ],
)
def test_import_graph_finds_cycles(
    tmp_path: Path, files: dict[str, str], expected: list[set[str]]
) -> None:
    found = cycles(import_graph(_package(tmp_path, files)))
    assert sorted(map(sorted, found)) == sorted(map(sorted, expected))


def test_import_graph_resolves_names_to_modules(tmp_path: Path) -> None:
    pkg = _package(
        tmp_path,
        {
            "__init__.py": "",
            "a.py": "from pkg import b, VALUE\nfrom pkg.sub.c import func\nimport pkg.sub\n",
            "b.py": "",
            "sub/__init__.py": "",
            "sub/c.py": "",
        },
    )
    assert import_graph(pkg)["pkg.a"] == {"pkg", "pkg.b", "pkg.sub", "pkg.sub.c"}


# -- the rules -------------------------------------------------------------------------------


def test_lower_layers_never_import_the_pipeline(graph: dict[str, set[str]]) -> None:
    wrong = sorted(
        f"{module} imports {target}"
        for module, targets in graph.items()
        if _under(module, LOWER)
        for target in targets
        if _under(target, UPPER)
    )
    assert not wrong, "\n".join(wrong)


def test_pipeline_imports_only_layers_below(graph: dict[str, set[str]]) -> None:
    modules = {m for m in graph if _under(m, ("medialens.pipeline",))}
    layers = [f"medialens.pipeline.{name}" for name in PIPELINE_LAYERS]
    assert modules == {"medialens.pipeline", *layers}, "update PIPELINE_LAYERS and the docstring"
    assert graph["medialens.pipeline"] == set()  # importing one layer loads no other
    wrong = []
    for i, module in enumerate(layers):
        for target in graph[module]:
            if _under(target, ("medialens.engines", "medialens.process", "medialens.run")):
                wrong.append(f"{module} imports {target} (a layer above the pipeline)")
            elif target in layers and layers.index(target) >= i:
                wrong.append(f"{module} imports {target} (not a layer below it)")
    assert not wrong, "\n".join(wrong)


def test_engines_are_above_the_pipeline(graph: dict[str, set[str]]) -> None:
    dask = graph["medialens.engines.dask"]
    assert "medialens.pipeline.annotate" in dask  # an engine runs annotate_chunk
    assert "medialens.process" not in dask


def test_no_import_cycles_but_the_known_ones(graph: dict[str, set[str]]) -> None:
    found = set(cycles(graph))
    new = found - set(KNOWN_CYCLES)
    assert not new, f"new import cycles: {[sorted(c) for c in new]}"
    gone = set(KNOWN_CYCLES) - found
    assert not gone, f"cycles removed (delete them from KNOWN_CYCLES): {[sorted(c) for c in gone]}"
    pipeline = ("medialens.pipeline", "medialens.process", "medialens.engines", "medialens.workers")
    assert not [c for c in found if any(_under(m, pipeline) for m in c)]


# -- what the registry and the re-export module promise --------------------------------------


def test_engine_registry_targets_are_engines_above_the_pipeline(
    graph: dict[str, set[str]],
) -> None:
    from medialens.cli import UsageError
    from medialens.pipeline.pool import ENGINES, get_engine, run_local

    assert get_engine("local") is run_local
    for name, (target, _) in ENGINES.items():
        module, _, function = target.partition(":")
        assert _under(module, ("medialens.engines",)), target
        assert "medialens.pipeline.annotate" in graph[module]
        assert callable(get_engine(name))
        assert get_engine(name).__name__ == function
    with pytest.raises(UsageError, match=r"unknown engine 'spark' \(choose local or dask\)"):
        get_engine("spark")


#: The names ``medialens.process`` defined before it became a re-export module (all of its
#: public names, and the cache that benchmarks/throughput.py clears): its stable interface.
PROCESS_INTERFACE = (
    "ANNOTATION_TABLES",
    "ARTICLE_READ_COLUMNS",
    "CHUNK_ARTICLES",
    "CHUNK_COLUMNS",
    "FINGERPRINT_PATHS",
    "FINGERPRINT_SUFFIXES",
    "PIPE_BATCH",
    "POOL_TASK_ARTICLES",
    "STREAM_QUEUE",
    "STREAM_ROWS",
    "_NLP_CACHE",
    "AnnotationStats",
    "Engine",
    "LocalPool",
    "ProcessOptions",
    "StreamedIngest",
    "add_arguments",
    "annotate_chunk",
    "annotation_key",
    "chunk_articles",
    "code_fingerprint",
    "copy_reused",
    "doc_rows",
    "get_engine",
    "get_nlp",
    "pool_start_method",
    "previous_keys",
    "process_corpus",
    "resolve_codebook_hash",
    "run",
    "run_local",
    "stored_article_batches",
    "watch_parent",
    "write_entities",
)


def test_process_module_only_reexports() -> None:
    import importlib

    import medialens.process as process

    tree = ast.parse((PACKAGE_DIR / "process.py").read_text(encoding="utf-8"))
    for node in tree.body:
        is_docstring = isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
        is_all = isinstance(node, ast.Assign) and [ast.unparse(t) for t in node.targets] == [
            "__all__"
        ]
        assert is_docstring or is_all or isinstance(node, ast.ImportFrom), ast.dump(node)[:80]
    names = [
        a.asname or a.name for n in tree.body if isinstance(n, ast.ImportFrom) for a in n.names
    ]
    assert sorted(process.__all__) == sorted(n for n in names if n != "annotations")
    assert not set(PROCESS_INTERFACE) - set(process.__all__)
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module != "__future__":
            source = importlib.import_module(node.module or "")
            for alias in node.names:
                assert getattr(process, alias.name) is getattr(source, alias.name)
