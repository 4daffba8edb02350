"""Nothing from the command line or the corpus reaches ``eval``/``exec`` or a shell.

Why a static check: the data medialens reads (article texts, titles, codebooks, report
parameters) is untrusted, and the easiest way to keep it from being executed is to have no
place that executes strings at all. Every Python file under ``lib/`` and every code cell of
the notebooks is parsed (``ast``, so docstrings and comments do not count) and each call of a
dangerous function fails the test unless it is in :data:`ALLOWED` with a justification.
Notebook shell escapes (``!cmd``, ``%%bash``, ``%system``) count as shell calls.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: Builtins that execute or import code given as a string.
BUILTINS = {"eval", "exec", "compile", "__import__", "breakpoint"}
#: ``module.function`` calls that run a shell/program or execute serialised code.
DOTTED = {
    "os.system",
    "os.popen",
    "os.startfile",
    "pty.spawn",
    "pickle.load",
    "pickle.loads",
    "marshal.loads",
    "shelve.open",
    "yaml.load",
    "yaml.unsafe_load",
    "yaml.full_load",
    "yaml.load_all",
    "importlib.import_module",
    "runpy.run_path",
    "runpy.run_module",
}
#: Prefixes: any call into these modules starts programs.
DOTTED_PREFIXES = (
    "subprocess.",
    "os.exec",
    "os.spawn",
    "os.posix_spawn",
    "asyncio.create_subprocess",
)
#: Notebook lines that run a shell.
NOTEBOOK_SHELL = re.compile(r"^\s*(!|%%(bash|sh|script|system)\b|%(system|sx)\b|%%!)", re.M)

#: (file relative to the project root, call) → why it is safe.
ALLOWED: dict[tuple[str, str], str] = {
    (
        "lib/medialens/cli.py",
        "importlib.import_module",
    ): "imports the sub-command modules named in the constant COMMANDS table, never user input",
    (
        "lib/medialens/pipeline/pool.py",
        "importlib.import_module",
    ): "imports the engine modules named in the constant ENGINES table; --engine only selects "
    "a key of it (an unknown name is a usage error before any import)",
}


def _dotted(node: ast.expr) -> str | None:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def dangerous_calls(source: str, filename: str) -> list[tuple[int, str]]:
    """``(line, call)`` of every dangerous call in Python ``source``."""
    tree = ast.parse(source, filename=filename)
    aliases: dict[str, str] = {}  # from os import system as s → s: os.system
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for a in node.names:
                aliases[a.asname or a.name] = f"{node.module}.{a.name}"
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.asname:
                    aliases[a.asname] = a.name
    hits: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _dotted(node.func)
        if name is not None:
            head, _, rest = name.partition(".")
            full = aliases.get(head, head) + (f".{rest}" if rest else "")
            if (
                (isinstance(node.func, ast.Name) and name in BUILTINS and head not in aliases)
                or full in DOTTED
                or full.startswith(DOTTED_PREFIXES)
            ):
                hits.append((node.lineno, full))
        for kw in node.keywords:
            if kw.arg == "shell" and not (
                isinstance(kw.value, ast.Constant) and kw.value.value is False
            ):
                hits.append((node.lineno, "shell=True"))
    return hits


def _sources() -> list[tuple[str, str]]:
    out = []
    for path in sorted((ROOT / "lib").rglob("*.py")):
        out.append((path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")))
    return out


def _notebook_cells() -> list[tuple[str, str]]:
    out = []
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for i, cell in enumerate(nb.get("cells", [])):
            if cell.get("cell_type") == "code":
                src = cell["source"]
                out.append(
                    (
                        f"{path.relative_to(ROOT).as_posix()}#cell{i}",
                        "".join(src) if isinstance(src, list) else src,
                    )
                )
    return out


def test_the_scan_finds_what_it_must() -> None:
    """The checker itself: each of these must be found (negative cases: none)."""
    bad = (
        "import os, subprocess, pickle, yaml\n"
        "from os import system as run\n"
        "import subprocess as sp\n"
        "eval(x)\nexec(y)\nos.system(c)\nrun(c)\nsubprocess.run(c)\nsp.check_output(c)\n"
        "pickle.loads(b)\nyaml.load(t)\nf(a, shell=True)\n__import__(m)\n"
    )
    found = [call for _, call in dangerous_calls(bad, "<bad>")]
    assert found == [
        "eval",
        "exec",
        "os.system",
        "os.system",
        "subprocess.run",
        "subprocess.check_output",
        "pickle.loads",
        "yaml.load",
        "shell=True",
        "__import__",
    ]
    good = (
        '"""eval(x) in a docstring"""\n# exec(y) in a comment\n'
        "import ast, re, yaml\nast.literal_eval(s)\nre.compile(p)\ncon.execute(sql, params)\n"
        "df.eval\nyaml.safe_load(t)\nyaml.compose(t, Loader=yaml.SafeLoader)\nf(shell=False)\n"
    )
    assert dangerous_calls(good, "<good>") == []


def test_no_eval_exec_or_shell_in_lib() -> None:
    hits = []
    used = set()
    for rel, source in _sources():
        for line, call in dangerous_calls(source, rel):
            if (rel, call) in ALLOWED:
                used.add((rel, call))
                continue
            hits.append(f"{rel}:{line}: {call}")
    assert not hits, (
        "calls that may execute untrusted input (justify them in ALLOWED):\n" + "\n".join(hits)
    )
    assert used == set(ALLOWED), f"stale ALLOWED entries: {set(ALLOWED) - used}"


def test_no_eval_exec_or_shell_in_notebooks() -> None:
    cells = _notebook_cells()
    if not cells:
        pytest.skip("no notebooks")
    hits = []
    for where, source in cells:
        if NOTEBOOK_SHELL.search(source):
            hits.append(f"{where}: shell escape")
        code = "\n".join(
            "" if line.lstrip().startswith("%") else line for line in source.splitlines()
        )
        hits.extend(f"{where}:{line}: {call}" for line, call in dangerous_calls(code, where))
    assert not hits, "\n".join(hits)
