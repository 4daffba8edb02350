"""Modern spellings of a historical German word form, to look its lemma up in a modern table.

Why: newspapers before the orthography reforms of 1901 and 1996 write *theilte … mit*,
*erwiederte*, *protestirte*, *daß*, *er sey*, *die Partey*, and OCR of Fraktur type keeps the
long s (*ſagte*) and the superscript e of umlauts (*uͤber*). The lookup lemma table of
``spacy-lookups-data`` knows only modern forms, so such a word stays its own lemma and the
reporting verb, the Konjunktiv or the frame word is not recognised. The lemmatizer therefore
asks :func:`respellings` for the modern candidates of a word that is *not* in its table and
takes the lemma of the first candidate that is a known word. Only the lemma changes: the text
and every offset stay as written.

The rules are the regular differences between historical and present-day spelling:

1. long s ``ſ`` → ``s``; a vowel with combining superscript e (U+0364: ``aͤ oͤ uͤ``) → umlaut;
2. ``ß`` → ``ss`` after a single short-vowel letter at the end of a word or before a consonant
   (1996: *daß, muß, läßt, gewußt*); never after a diphthong or before a vowel, where modern
   spelling keeps it (*außer, Straße*);
3. ``th`` → ``t`` in lower-case words (1901: *theilte, gethan, rathen*);
4. ``-iren/-irt/-irte`` → ``-ieren/-iert/-ierte`` (1901: *protestirte, telegraphirt*), lower-case
   words only (verbs and participles);
5. ``ey`` → ``ei`` at the end of a word or before *-en, -n, -heit, -lich, -t, -d* (*sey, seyen,
   Partey, Polizey, Freyheit*), not before *-er/-es* (surnames *Meyer, Geyer, Reyes*);
6. the verb *erwiedern* → *erwidern* (the one reporting verb whose old spelling differs by a
   letter no rule covers);
7. a capital umlaut set as two letters at the start of a word → the umlaut (*Aeußerung,
   Ueberzeugung, Oeffentlichkeit*): capital ``Ae/Oe/Ue`` before a consonant, and ``Aeu``.

All applicable rules together, the typographic rules alone, and each rule alone give the
candidates; a candidate counts only if the modern table has it as a form (or as a lemma).
The lemmatizer asks only for words the table does not know and that are not stop words.

Limits: capitalised words are respelled only for ``ß``, ``ey`` and typography: ``Th`` → ``T``
would turn the first names of today (*Günther, Thorsten, Kathrin, Walther*) into other words,
so *Theil, Urtheil, Rath* keep their own lemma; no ``c`` → ``k/z`` (*Correspondent, Centrum*:
the rule cannot tell such nouns from *Carl, Clara* without a name list); no ``ie`` → ``i``
beyond *erwiedern* (*wieder* and *wider* are both modern words, and a self-lemma like *wieder*
is not a key of the table); no ``ae/oe/ue`` for umlauts inside a word (*Goethe*), only the
word-initial capital of rule 7, which names (*Oetker*) pass because the table lacks their
respelling.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from medialens.corpus.normalize import HISTORICAL_TYPOGRAPHY, SUPER_E, modern_letter

#: the characters that make a word a candidate at all (a cheap test before any rule runs)
_TRIGGERS = frozenset(f"ſß{SUPER_E}")
_IR_END = re.compile(r"(?<=[a-zäöü])ir(en|e|st|t|te|ten|tet|test|end|ende|enden|ender)$")
_EY = re.compile(r"ey(?=$|en?$|n|heit|lich|t|d)")
#: ß after one short-vowel letter (not a diphthong), at the end or before a consonant
_SHORT_SZ = re.compile(r"(?<![aeiouäöüAEIOUÄÖÜ])([aeiouäöüAEIOUÄÖÜ])ß(?=$|[^aeiouäöüy])")
#: a capital umlaut written as two letters at the start of a word (rule 7)
_CAPITAL_UMLAUT = re.compile(r"(?:[AOU]e[bcdfghklmnpqrstvwxzß]|Aeu)")
_UMLAUT_OF = {"A": "Ä", "O": "Ö", "U": "Ü"}


def _typographic(word: str) -> str:
    """Long s and superscript-e umlauts, which no modern table knows in any word (the same
    replacement as ingest normalisation)."""
    if "ſ" in word or SUPER_E in word:
        return HISTORICAL_TYPOGRAPHY.sub(modern_letter, word)
    return word


def respellings(word: str) -> Iterator[str]:
    """Candidate modern spellings of ``word``: all applicable rules together first, then the
    typographic rules alone, then each rule alone. Yields nothing when no rule applies.

    The caller decides which candidate is a real word (see the module docstring).
    """
    if len(word) < 2:
        return
    base = _typographic(word)
    lower_initial = word[0].islower()
    rules = [rule for rule, applies in _RULES if applies(base, lower_initial)]
    seen: set[str] = {word}
    candidates = []
    if rules:
        combined = base
        for rule in rules:
            combined = _APPLY[rule](combined)
        candidates.append(combined)
    candidates.append(base)
    candidates.extend(_APPLY[rule](base) for rule in rules)
    for cand in candidates:
        if cand not in seen:
            seen.add(cand)
            yield cand


#: rule name → test (word, lower-case initial?) in the order they are combined
_RULES: tuple[tuple[str, Callable[[str, bool], bool]], ...] = (
    ("ss", lambda w, low: "ß" in w and _SHORT_SZ.search(w) is not None),
    ("th", lambda w, low: low and "th" in w),
    ("ier", lambda w, low: low and _IR_END.search(w) is not None),
    ("ey", lambda w, low: "ey" in w and _EY.search(w) is not None),
    ("ie", lambda w, low: low and "erwieder" in w),
    ("umlaut", lambda w, low: not low and _CAPITAL_UMLAUT.match(w) is not None),
)
_APPLY: dict[str, Callable[[str], str]] = {
    "ss": lambda w: _SHORT_SZ.sub(r"\1ss", w),
    "th": lambda w: w.replace("th", "t"),
    "ier": lambda w: _IR_END.sub(r"ier\1", w),
    "ey": lambda w: _EY.sub("ei", w),
    "ie": lambda w: w.replace("erwieder", "erwider"),
    "umlaut": lambda w: _UMLAUT_OF[w[0]] + w[2:],
}


def might_be_historical(word: str) -> bool:
    """Cheap pre-test: could any rule apply? (Most unknown words are names or compounds.)"""
    return (
        not _TRIGGERS.isdisjoint(word)
        or any(s in word for s in ("th", "ir", "ey", "erwieder"))
        or (word[1:2] == "e" and _CAPITAL_UMLAUT.match(word) is not None)
    )
