"""Compile codebook surface forms into fast, inflection-tolerant German regular expressions.

Why regexes over ``doc.text`` instead of a per-token loop: one compiled pass per document
runs in C and keeps the pipeline within its throughput budget; alternatives are merged into a
character trie so that the engine does not try hundreds of branches at every position.

German rules encoded here (see ``docs/actors.md``):

* a non-final word of a multiword form that looks like an inflected adjective (at least four
  letters, ending in ``-e/-en/-er/-es/-em``, followed by a capitalised word) accepts every
  adjective ending: ``Europäische Kommission`` also matches ``der Europäischen Kommission``;
* words are separated by any whitespace;
* the final word's ending (genitive ``-s``, ``'``, weak-noun ``-en`` …) is handled by the
  caller, which knows what kind of name it is.

:func:`key` maps a matched text back to the form it came from: it applies the same
adjective-ending rule, so ``Europäischen Kommission`` and ``Europäische Kommission`` share a key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: adjective endings accepted on a non-final word of a multiword form
ADJ_ENDINGS: tuple[str, ...] = ("em", "en", "er", "es", "e")
ADJ_ALT = "(?:em|en|er|es|e)"
_WS = re.compile(r"\s+")
_SPACE_ATOM = r"\s+"
_END = ""  # trie end marker


def _inflectable(word: str, next_word: str | None) -> bool:
    return (
        next_word is not None
        and len(word) >= 4
        and word.isalpha()
        and next_word[:1].isupper()
        and word.endswith(ADJ_ENDINGS)
    )


def _strip(word: str) -> str:
    for ending in ADJ_ENDINGS:
        if word.endswith(ending):
            return word[: -len(ending)]
    return word


def key(text: str) -> str:
    """Normal form of a surface form or a matched text (whitespace and adjective endings)."""
    words = _WS.split(text.strip())
    out = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        out.append(_strip(word) if _inflectable(word, nxt) else word)
    return " ".join(out)


def atoms(form: str) -> list[str]:
    """A surface form as a list of regex atoms (one per character, ``\\s+``, ending groups)."""
    words = _WS.split(form.strip())
    out: list[str] = []
    for i, word in enumerate(words):
        if i:
            out.append(_SPACE_ATOM)
        nxt = words[i + 1] if i + 1 < len(words) else None
        if _inflectable(word, nxt):
            out.extend(re.escape(c) for c in _strip(word))
            out.append(ADJ_ALT)
        else:
            out.extend(re.escape(c) for c in word)
    return out


def trie_regex(forms: Iterable[list[str]]) -> str:
    """One regex alternation (no capturing groups) for atom sequences, shared prefixes merged.

    Longer continuations are tried first, so at a given start the longest form wins.
    """
    root: dict = {}
    for seq in forms:
        node = root
        for atom in seq:
            node = node.setdefault(atom, {})
        node[_END] = {}
    if not root:
        return r"(?!x)x"  # matches nothing
    return _render(root)


def _render(node: dict) -> str:
    # follow single-child chains without opening a group
    parts: list[str] = []
    while len(node) == 1 and _END not in node:
        ((atom, child),) = node.items()
        parts.append(atom)
        node = child
    if not node or list(node) == [_END]:
        return "".join(parts)
    optional = _END in node
    branches = [a + _render(c) for a, c in node.items() if a != _END]
    # longer branches first: the regex engine takes the first branch that succeeds
    branches.sort(key=len, reverse=True)
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        body = f"(?:{body})?" if len(branches) > 1 or not _single_atom(branches[0]) else body + "?"
    return "".join(parts) + body


def _single_atom(text: str) -> bool:
    return len(text) == 1 or (len(text) == 2 and text[0] == "\\")


def glob_regex(term: str) -> str:
    """A frame-term glob (``Kriegstreib*``, ``*waffenstillstand``) as a regex for one word.

    ``*`` = any letters (also none), ``?`` = exactly one letter; everything else literal.
    """
    out = []
    for c in term:
        if c == "*":
            out.append(r"\w*")
        elif c == "?":
            out.append(r"\w")
        elif c.isspace():
            out.append(_SPACE_ATOM)
        else:
            out.append(re.escape(c))
    return "".join(out)
