"""Starting a command imports only what it needs (each start costs seconds otherwise)."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _loaded_after(code: str) -> set[str]:
    probe = code + "\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


def test_importing_the_package_is_cheap() -> None:
    loaded = _loaded_after("import medialens")
    assert "pandas" not in loaded
    assert "spacy" not in loaded
    # the lazy attribute still works
    assert "pandas" in _loaded_after("import medialens\nmedialens.load_table")


@pytest.mark.parametrize(
    ("argv", "absent"),
    [
        (["--help"], {"spacy", "pandas", "pyarrow"}),
        (["codebook", "--help"], {"spacy", "pandas"}),
        (["process", "--help"], {"spacy"}),
        (["validate", "--help"], {"spacy", "pandas", "openpyxl", "statsmodels"}),
        (["validate", "score", "--help"], {"spacy", "pandas", "openpyxl", "statsmodels"}),
    ],
)
def test_help_imports_only_the_named_command(argv: list[str], absent: set[str]) -> None:
    code = (
        "import contextlib, io\n"
        "from medialens.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        f"        main({argv!r})\n"
        "    except SystemExit:\n"
        "        pass\n"
    )
    assert not (absent & _loaded_after(code))


def test_every_command_still_has_its_help() -> None:
    from medialens.cli import COMMANDS, build_parser

    parser = build_parser()  # without argv: every command module, as for documentation
    text = parser.format_help()
    for name in COMMANDS:
        assert name in text
