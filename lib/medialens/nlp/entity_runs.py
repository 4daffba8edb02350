"""Runs of capitalised words, the pieces around them, and the decoding of their tags.

Why a module of its own: :mod:`medialens.nlp.entity_model` (the tagger, its caches and
weights) and ``scripts/train_ner.py`` share these, and together they were too long for one
file. A *run* is a match of :data:`RUN_RE`: capitalised words, with linking words such as
``von``, ``für``, ``der`` inside, initials and regnal numbers (``W.``, ``II.``); the tagger
gives each word one of :data:`LABELS`, decoded per run by :func:`decode`.

Limits: see :mod:`medialens.nlp.entity_model`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from medialens.nlp.entity_features import LINK_WORDS, PUNCT_EDGE
from medialens.nlp.name_words import STOP_CAPS
from medialens.nlp.org_lexicon import LOWERCASE_ORG_NAMES

LABELS: tuple[str, ...] = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG")

_UP = "A-ZÄÖÜÀÁÂÉÈÊÍÓÔÚÇŠŽČŁ"
_CAP = rf"[{_UP}][\w'’]*(?:-[\w'’]+)*"
_LINK = "|".join(sorted(LINK_WORDS, key=len, reverse=True))
#: an initial (``W. Müller``, ``George W. Bush``, ``Claudia B.``) and a regnal number
#: (``Elisabeth II.``): a run may start with an initial that a capitalised word follows, and
#: go on with either
_INITIAL = rf"[{_UP}]\.(?!\w)"
_ROMAN = r"(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})\.(?!\w)"
RUN_RE = re.compile(
    rf"(?:{_INITIAL}(?=[ \t]+[{_UP}])|{_CAP})"
    rf"(?:[ \t]+(?:(?:{_LINK})[ \t]+){{0,2}}(?:{_ROMAN}|{_INITIAL}|{_CAP}))*"
)
#: capitalised function words that never start a name: stripped from the front of a run
#: (``Die Regierung`` → ``Regierung`` with ``Die`` as its left context); months, titles and
#: ``Herr``/``Frau`` stay (``August Kopff``, ``Frau Müller``). Costs the rare name that starts
#: with one (``Die Zeit``, ``Der Tagesspiegel``: 4 of 1,207 PER/ORG spans of GermEval dev).
LEADING_STOP: frozenset[str] = STOP_CAPS - frozenset(
    [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
        "Herr",
        "Frau",
        "Dr",
        "Prof",
    ]
)
#: lower-case organisation names (``dpa``, ``taz``), each a run of its own
_LOWER_RE = re.compile(
    rf"(?<![\w.-])(?:{'|'.join(re.escape(w) for w in sorted(LOWERCASE_ORG_NAMES, key=len, reverse=True))})(?![\w-])"
)
_TOKEN_RE = re.compile(rf"{_ROMAN}|{_INITIAL}|{_CAP}|[^\s]+")
_NEXT_RE = re.compile(r"\s*(\S+)")


class Span(NamedTuple):
    start: int
    end: int
    text: str
    type: str  # "PER" | "ORG"


class Tok(NamedTuple):
    start: int
    end: int
    text: str


# --- tokens around runs -----------------------------------------------------------------------
def runs(text: str) -> Iterator[tuple[list[Tok], str | None, str | None]]:
    """Runs of capitalised words: (tokens, the piece before, the piece after).

    A run inside a word (``xCDU``) is skipped; the neighbours are whitespace-separated
    pieces, so punctuation attached to a word (``Merkel,``) is not split off.
    """
    for m in RUN_RE.finditer(text):
        s, e = m.span()
        if s and (text[s - 1].isalnum() or text[s - 1] in "_-"):
            continue
        g = m.group()
        sp = g.find(" ")
        while sp > 0 and g[:sp] in LEADING_STOP:
            s += sp + 1
            g = g[sp + 1 :]
            sp = g.find(" ")
        toks = [Tok(t.start(), t.end(), t.group()) for t in _TOKEN_RE.finditer(text, s, e)]
        yield (toks, *_neighbours(text, s, e))
    yield from _lowercase_runs(text)


def _lowercase_runs(text: str) -> Iterator[tuple[list[Tok], str | None, str | None]]:
    """One-word runs of the lower-case organisation names (``dpa``); the substring test
    spares most texts the regex."""
    if any(map(text.__contains__, LOWERCASE_ORG_NAMES)):
        for m in _LOWER_RE.finditer(text):
            s, e = m.span()
            yield [Tok(s, e, m.group())], *_neighbours(text, s, e)


def _neighbours(text: str, s: int, e: int) -> tuple[str | None, str | None]:
    """The whitespace-separated pieces before ``s`` and after ``e`` (punctuation next to the
    run stands for its piece).

    A piece that ends (before) or starts (after) with punctuation is that character, so the
    piece itself is only searched for when it does not; a character right after the run
    (no space) is the piece after it whatever it is.
    """
    j = s
    while j and text[j - 1] in " \t\n":
        j -= 1
    if not j:
        prev = None
    elif text[j - 1] in PUNCT_EDGE:
        prev = text[j - 1]
    else:
        # the last space, then a line break or tab only after it (no scan back to the start)
        k = text.rfind(" ", 0, j)
        prev = text[max(k, text.rfind("\n", k + 1, j), text.rfind("\t", k + 1, j)) + 1 : j]
    if e < len(text) and not text[e].isspace():
        return prev, text[e]  # punctuation right after the run
    nm = _NEXT_RE.match(text, e)
    if nm is None:
        return prev, None
    nxt = nm.group(1)
    return prev, (nxt[0] if nxt[0] in PUNCT_EDGE else nxt)


def _run_tokens(text: str, run: str, start: int) -> list[Tok]:
    """The words of a run found by :data:`RUN_RE` (``run`` = ``text[start:…]``), as tokens.

    Why not :data:`_TOKEN_RE`: a run's words are separated by spaces or tabs only and each is
    an initial, a regnal number, a capitalised word or a link word, which ``_TOKEN_RE`` matches
    whole; so the whitespace split gives the same tokens without a match object per word.
    """
    out: list[Tok] = []
    pos = start
    find = text.find
    for w in run.split():
        pos = find(w, pos)
        out.append(Tok(pos, pos + len(w), w))
        pos += len(w)
    return out


def spans_from_labels(toks: list[Tok], labels: list[str], text: str) -> list[Span]:
    """BIO labels of a run's tokens → spans (link words never end a span)."""
    out: list[Span] = []
    cur: list[int] | None = None
    kind = ""

    def close() -> None:
        if cur is None:
            return
        i, j = cur
        while j > i and toks[j].text in LINK_WORDS:
            j -= 1
        if toks[i].text not in LINK_WORDS:
            s, e = toks[i].start, toks[j].end
            out.append(Span(s, e, text[s:e], kind))

    for k, lab in enumerate(labels):
        if lab.startswith("B-") or (lab.startswith("I-") and (cur is None or lab[2:] != kind)):
            close()
            cur, kind = [k, k], lab[2:]
        elif lab.startswith("I-") and cur is not None:
            cur[1] = k
        else:
            close()
            cur = None
    close()
    return out


# --- decoding -------------------------------------------------------------------------------
_N = len(LABELS)
#: the labels allowed before each label (``I-X`` only after ``B-X``/``I-X``)
_ALLOWED_BEFORE: tuple[tuple[int, ...], ...] = tuple(
    tuple(j for j in range(_N) if LABELS[i][0] != "I" or LABELS[j][2:] == LABELS[i][2:])
    for i in range(_N)
)
_NEG_INF = float("-inf")
#: a tag sequence's labels never hold ``I-`` after ``O``: the tags a run may start with
_STARTS = tuple(i for i in range(_N) if LABELS[i][0] != "I")
assert LABELS == ("O", "B-PER", "I-PER", "B-ORG", "I-ORG")  # ``decode`` is unrolled for these

Matrix = Sequence[Sequence[float]]


def decode(
    emissions: Sequence[Sequence[float]], trans: Sequence[Matrix], *, viterbi: bool = True
) -> list[int]:
    """The best tag sequence of a run, as indices into :data:`LABELS`.

    ``emissions[k]``: the five tag scores of word ``k`` without the previous tag;
    ``trans[k][j][i]``: what the transition features add to tag ``i`` of word ``k`` after tag
    ``j``. ``I-X`` only after ``B-X``/``I-X``; the tag before the first word is ``O``.
    Viterbi finds the sequence with the highest total; greedy takes the best tag word by word
    (what the tagger did before feature version 5; kept for comparison).
    """
    e, t = emissions[0], trans[0][0]
    if len(emissions) == 1:
        return [max(_STARTS, key=lambda i: e[i] + t[i])]
    if not viterbi:
        out = [max(_STARTS, key=lambda i: e[i] + t[i])]
        for k in range(1, len(emissions)):
            e, t = emissions[k], trans[k][out[-1]]
            allowed = [i for i in range(_N) if out[-1] in _ALLOWED_BEFORE[i]]
            out.append(max(allowed, key=lambda i: e[i] + t[i]))
        return out
    return _viterbi(emissions, trans)


def _greedy(emissions: Sequence[Sequence[float]], trans: Sequence[Matrix]) -> list[int]:
    return decode(emissions, trans, viterbi=False)


def _viterbi(emissions: Sequence[Sequence[float]], trans: Sequence[Matrix]) -> list[int]:
    """:func:`decode` by Viterbi, unrolled for the five tags (O, B-PER, I-PER, B-ORG, I-ORG).

    ``d*`` is the best score of a tag sequence for the words so far that ends in that tag;
    every maximum is taken over the previous tags in order with ``>``, so that on ties the
    first (lowest) previous tag wins, as ``max`` and ``list.index`` would choose. Plain
    variables instead of lists, because it runs for every run of two or more words.
    """
    e, t = emissions[0], trans[0][0]
    d0, d1, d2, d3, d4 = e[0] + t[0], e[1] + t[1], _NEG_INF, e[3] + t[3], _NEG_INF
    back: list[tuple[int, int, int, int, int]] = []
    for k in range(1, len(emissions)):
        e = emissions[k]
        r0, r1, r2, r3, r4 = trans[k]
        # O, B-PER, B-ORG: after any tag
        m0, j0 = d0 + r0[0], 0
        m1, j1 = d0 + r0[1], 0
        m3, j3 = d0 + r0[3], 0
        x = d1 + r1[0]
        if x > m0:
            m0, j0 = x, 1
        x = d1 + r1[1]
        if x > m1:
            m1, j1 = x, 1
        x = d1 + r1[3]
        if x > m3:
            m3, j3 = x, 1
        x = d2 + r2[0]
        if x > m0:
            m0, j0 = x, 2
        x = d2 + r2[1]
        if x > m1:
            m1, j1 = x, 2
        x = d2 + r2[3]
        if x > m3:
            m3, j3 = x, 2
        x = d3 + r3[0]
        if x > m0:
            m0, j0 = x, 3
        x = d3 + r3[1]
        if x > m1:
            m1, j1 = x, 3
        x = d3 + r3[3]
        if x > m3:
            m3, j3 = x, 3
        x = d4 + r4[0]
        if x > m0:
            m0, j0 = x, 4
        x = d4 + r4[1]
        if x > m1:
            m1, j1 = x, 4
        x = d4 + r4[3]
        if x > m3:
            m3, j3 = x, 4
        # I-PER only after B-PER/I-PER, I-ORG only after B-ORG/I-ORG
        m2, j2 = d1 + r1[2], 1
        x = d2 + r2[2]
        if x > m2:
            m2, j2 = x, 2
        m4, j4 = d3 + r3[4], 3
        x = d4 + r4[4]
        if x > m4:
            m4, j4 = x, 4
        back.append((j0, j1, j2, j3, j4))
        d0, d1, d2, d3, d4 = m0 + e[0], m1 + e[1], m2 + e[2], m3 + e[3], m4 + e[4]
    i, m = 0, d0
    if d1 > m:
        i, m = 1, d1
    if d2 > m:
        i, m = 2, d2
    if d3 > m:
        i, m = 3, d3
    if d4 > m:
        i = 4
    path = [i]
    for ptr in reversed(back):
        i = ptr[i]
        path.append(i)
    path.reverse()
    return path
