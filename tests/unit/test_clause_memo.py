"""The clause-start memo answers as the uncached rule does, per token list."""

from __future__ import annotations

import pytest

from medialens.nlp.attribution.clauses import _clause_start, clause_start
from medialens.nlp.attribution.morphology import NounLexicon
from medialens.nlp.attribution.reference import text_toks


@pytest.mark.parametrize(
    ("text", "k", "inverted", "expected"),
    [
        ("Er sagte , dass es regne", 5, True, 3),  # the dass clause
        ("Es regne , sagte er", 3, True, 3),  # *…, sagte X*: the verb opens its clause
        ("Es regne , sagte er", 3, False, 0),
        ("Der Sprecher ( BA ) sagte nichts", 5, True, 0),  # a parenthesis is no boundary
    ],
)
def test_memo_equals_rule(text: str, k: int, inverted: bool, expected: int) -> None:
    toks = text_toks(text)
    assert _clause_start(toks, k, inverted=inverted) == expected
    assert clause_start(toks, k, inverted=inverted) == expected
    assert clause_start(toks, k, inverted=inverted) == expected  # from the memo


def test_memo_is_per_token_list() -> None:
    """An equal index on another unit's tokens is computed anew, not taken from the memo."""
    first = text_toks("Er sagte , dass es regne")
    second = text_toks("Sie meinte dass es regne")
    assert clause_start(first, 5) == 3
    assert clause_start(second, 4) == 0
    assert clause_start(first, 5) == 3


def test_lexicon_lookup_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """The lookup memo gives the search's answers and never outgrows its bound."""
    import medialens.nlp.attribution.morphology as morphology

    monkeypatch.setattr(morphology, "_MEMO_SIZE", 2)
    lex = NounLexicon(b"Haus\t1\nMaus\t2\n")
    for _ in range(2):
        assert lex.lookup("Haus") is not None and lex.lookup("Haus").code == 1
        assert lex.lookup("Maus").code == 2
        assert lex.lookup("Laus") is None
        assert len(lex._memo) <= 2
