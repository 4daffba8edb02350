"""Codebook loading: the default codebook's content, and clear errors for malformed files."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import pytest

from medialens.codebook import (
    CodebookError,
    codebook_hash,
    load_codebook,
    parse_codebook,
)
from medialens.codebook import cli as codebook_cli

GOOD = """\
version: 1
roles:
  - id: kanzler
    aliases: [Kanzler]
actors:
  - id: merz
    name: Friedrich Merz
    type: person
    aliases: [Merz]
    roles:
      - {role: kanzler, start: 2025-05-06}
    party: cdu
  - id: cdu
    name: CDU
    type: party
frames:
  - id: peace
    label: Peace
    description: talks
    terms: [Frieden, "*waffenstillstand"]
"""


def test_good_codebook_parses() -> None:
    cb = parse_codebook(GOOD, path="good.yaml")
    merz = cb.actor("merz")
    assert merz.aliases == ("Friedrich Merz", "Merz")
    assert merz.roles[0].start == date(2025, 5, 6) and merz.roles[0].end is None
    assert cb.frames[0].terms == ("Frieden", "*waffenstillstand")
    assert cb.holder_on("kanzler", date(2025, 9, 1)).id == "merz"
    assert cb.holder_on("kanzler", date(2024, 1, 1)) is None


def test_hash_ignores_comments_and_layout() -> None:
    a = parse_codebook(GOOD)
    b = parse_codebook("# a comment\n" + GOOD.replace("aliases: [Merz]", "aliases:\n      - Merz"))
    c = parse_codebook(GOOD.replace("Frieden", "Friede"))
    assert a.hash == b.hash
    assert a.hash != c.hash


def _replace(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new)


MALFORMED = [
    # (yaml text, line, entry, words in the message)
    (_replace("    aliases: [Merz]", "    alias: [Merz]"), 9, "merz", "unknown key 'alias'"),
    (_replace("  - id: cdu", "  - id: merz"), 13, "merz", "duplicate id 'merz'"),
    (_replace("start: 2025-05-06", "start: 2025-13-06"), 11, "merz", "bad date"),
    (_replace("start: 2025-05-06", "start: 6.5.2025"), 11, "merz", "YYYY-MM-DD"),
    (
        _replace("start: 2025-05-06}", "start: 2025-05-06, end: 2021-12-08}"),
        11,
        "merz",
        "ends (2021-12-08) before it starts",
    ),
    (_replace("    aliases: [Merz]", '    aliases: [Merz, ""]'), 9, "merz", "empty alias"),
    (_replace("    type: party", "    type: club"), 15, "cdu", "unknown type 'club'"),
    (
        _replace('    terms: [Frieden, "*waffenstillstand"]', "    terms: []"),
        17,
        "peace",
        "needs at least one term",
    ),
    (_replace("{role: kanzler,", "{role: praesident,"), 11, "merz", "unknown role 'praesident'"),
    (_replace("    party: cdu", "    party: spd"), 12, "merz", "party 'spd' is not an actor id"),
    (_replace("  - id: merz", "  - id: Merz Friedrich"), 6, "Merz Friedrich", "bad id"),
    (_replace("    name: CDU\n", ""), 13, "cdu", "needs 'name'"),
    (_replace("version: 1", "version: 1\nactor: []"), 2, None, "unknown key 'actor'"),
    (_replace("    aliases: [Merz]", "    aliases: [Merz"), 10, None, "YAML syntax error"),
    (_replace("    terms: [Frieden,", "    terms: [Frie/den,"), 20, "peace", "bad term"),
    # the mention-kinds switch (docs/codebook.md)
    (
        _replace("version: 1", "version: 1\nmention_kinds:\n  club: [name]"),
        3,
        None,
        "unknown actor type 'club' in 'mention_kinds'",
    ),
    (
        _replace("version: 1", "version: 1\nmention_kinds:\n  state: [name, adjectives]"),
        3,
        None,
        "unknown kind of mention 'adjectives'",
    ),
    (
        _replace("version: 1", "version: 1\nmention_kinds: [state]"),
        2,
        None,
        "'mention_kinds' must be a mapping",
    ),
]


@pytest.mark.parametrize(("text", "line", "entry", "words"), MALFORMED)
def test_malformed_codebook_names_file_line_entry(
    text: str, line: int, entry: str | None, words: str, tmp_path: Path
) -> None:
    path = tmp_path / "cb.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CodebookError) as info:
        load_codebook(path)
    err = info.value
    message = str(err)
    assert words in message
    assert message.startswith(f"{path}:{line}: ")
    assert err.line == line
    assert err.entry == entry


def test_missing_and_empty_files(tmp_path: Path) -> None:
    with pytest.raises(CodebookError, match="cannot read codebook"):
        load_codebook(tmp_path / "nope.yaml")
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    with pytest.raises(CodebookError, match="empty"):
        load_codebook(tmp_path / "empty.yaml")


def test_default_codebook_content() -> None:
    cb = load_codebook()
    assert len(cb.actors) >= 150
    assert len(cb.frames) >= 8
    assert all(f.description and f.terms for f in cb.frames)
    ids = {a.id for a in cb.actors}
    seed = {
        "witkoff",
        "macron",
        "selenskyj",
        "merz",
        "sanchez",
        "sacharowa",
        "rutte",
        "ukraine",
        "russland",
        "nato",
        "bundesregierung",
        "bundeswehr",
        "frankreich",
    }
    assert seed <= ids
    assert {"Selenskyj", "Selenskij", "Zelensky"} <= set(cb.actor("selenskyj").aliases)
    # the chancellor by date: Scholz until 2025-05-05, Merz from 2025-05-06
    assert cb.holder_on("bundeskanzler", date(2025, 5, 5)).id == "scholz"
    assert cb.holder_on("bundeskanzler", date(2025, 5, 6)).id == "merz"
    assert cb.holder_on("bundeskanzler", None).id == "merz"
    assert codebook_hash() == cb.hash and len(cb.hash) == 64


def _run_cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    codebook_cli.add_arguments(parser)
    return codebook_cli.run(parser.parse_args(argv))


def test_cli_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run_cli(["check"]) == 0
    out = capsys.readouterr().out
    assert "actors:" in out and out.rstrip().endswith("OK")
    bad = tmp_path / "bad.yaml"
    bad.write_text(_replace("    type: party", "    type: club"), encoding="utf-8")
    assert _run_cli(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:15: unknown type 'club'" in err and "Traceback" not in err


def test_cli_check_lexicon(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``codebook check`` summarises the lexicon's argument structure and names the file
    and line of a malformed argument-structure entry."""
    assert _run_cli(["check"]) == 0
    out = capsys.readouterr().out
    assert "speaker roles:" in out and "message forms:" in out and "noun" in out
    bad = tmp_path / "badargs.yaml"
    bad.write_text(
        GOOD
        + "reporting_verbs:\n  extend: true\n  verbs:\n"
        + "    - {lemma: poltern, category: critical, message: [gebrüll]}\n",
        encoding="utf-8",
    )
    assert _run_cli(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:24: unknown message value 'gebrüll'" in err and "Traceback" not in err


def test_reporting_verbs_section(tmp_path: Path) -> None:
    good = tmp_path / "verbs.yaml"
    good.write_text(
        GOOD
        + "reporting_verbs:\n  extend: true\n  verbs:\n    - {lemma: poltern, category: critical}\n",
        encoding="utf-8",
    )
    cb = load_codebook(good)
    assert any(v.lemma == "poltern" for v in cb.reporting_verbs)
    assert parse_codebook(GOOD).reporting_verbs is None  # bundled lexicon applies
    bad = tmp_path / "badverbs.yaml"
    bad.write_text(
        GOOD + "reporting_verbs:\n  verbs:\n    - {lemma: poltern, category: wütend}\n",
        encoding="utf-8",
    )
    with pytest.raises(CodebookError) as info:
        load_codebook(bad)
    assert str(info.value).startswith(f"{bad}:23: unknown category 'wütend'")
    assert info.value.entry == "poltern"


def test_mention_kinds_switch(tmp_path: Path) -> None:
    text = GOOD.replace(
        "version: 1", "version: 1\nmention_kinds:\n  state: [name, compound, adjective]"
    )
    path = tmp_path / "cb.yaml"
    path.write_text(text, encoding="utf-8")
    cb = load_codebook(path)
    assert cb.attention_kinds("state") == ("name", "compound", "adjective")
    # types not listed count the direct references
    assert cb.attention_kinds("person") == ("name", "surname", "role", "compound")
    assert cb.hash != parse_codebook(GOOD).hash  # the switch is part of the provenance
    # a codebook without the key keeps its hash
    assert parse_codebook(GOOD).mention_kinds == {}
