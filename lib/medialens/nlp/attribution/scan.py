"""Document-wide scans of the token hash columns: which units the attribution rules must read.

Why: the rules work on per-unit token tuples (:func:`.units.unit_tokens`), which cost more to
build than most of the rules cost to run; most units hold nothing to find. These scans read
only the form, lower-case and lemma hash columns (set lookups, one pass per document) and
say which tokens could be a reporting verb, a source phrase or a Konjunktiv continuation.

Limits: every test here is a *superset* of what the rules accept — it looks at trigger words
and their direct neighbours only, and the rules decide. A test that missed a case the rules
would accept would silently lose quotations; ``tests/unit/test_attribution_scan.py`` checks
each against the rules it stands for.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from itertools import compress, count
from operator import or_
from typing import Any, NamedTuple

from spacy.strings import get_string_id

from medialens.nlp.attribution.cuefind import is_source_noun
from medialens.nlp.attribution.konjunktiv import (
    EPISTEMIC_MODALS,
    PRONOUN_SUBJECTS,
    SINGULAR_KONJUNKTIV_II,
    is_konjunktiv,
)
from medialens.nlp.attribution.lexicon import CueIndex
from medialens.nlp.attribution.sourcecues import MAX_GENITIVE
from medialens.nlp.attribution.units import LEMMA_FIXES, TokenArrays, Unit
from medialens.nlp.attribution.wordlists import wordset

#: lower-case words that start a source phrase or a noun cue in
#: :func:`.sourcecues.find_source_phrases` / :func:`.sourcecues.find_noun_cues` on their own
#: (*laut, zufolge, gemäß, demnach, wonach*, *Sicht* of *aus Sicht*); *so* and the speech-act
#: nouns count only with their neighbour (a comma or dash before *so*, a comma after the noun)
SOURCE_TRIGGERS = wordset("laut zufolge gemäß demnach wonach sicht danach folge vernehmen")
#: hearsay modals (see ``extract._hearsay``)
HEARSAY = wordset("soll sollen")
_SO_OPENERS = (",", "–", "—")
#: closing quotation marks: *»…« so X* (the comma after the mark is often left out)
_CLOSING_MARKS = ("“", "”", "«", "»", '"', "‘", "’", "'")
#: bound of the per-form fact caches (shared by all documents of a process)
CACHE_SIZE = 200_000


def _keys(words: Iterable[str]) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words)


class CueKeys(NamedTuple):
    """Hashes of reporting-verb bases and their forms, for one cue index."""

    index: CueIndex
    any_keys: frozenset[int]  # every base and form
    plain: frozenset[int]  # bases (and forms) that are cues on their own
    #: base -> lower-case form hashes of the particle/phrase words it needs
    word_keys: dict[int, frozenset[int]]
    #: lower-case speech-act nouns of the lexicon (noun cues)
    noun_keys: frozenset[int] = frozenset()
    #: the same nouns capitalised, as lemmas: an inflected form (*Vorwürfe*, *Behauptungen*)
    #: is found by its lemma
    noun_lemma_keys: frozenset[int] = frozenset()


_CUE_KEYS: dict[int, CueKeys] = {}


def cue_keys(index: CueIndex) -> CueKeys:
    """The hash keys of ``index`` (built once per index object)."""
    keys = _CUE_KEYS.get(id(index))
    if keys is not None and keys.index is index:
        return keys
    plain: list[int] = []
    every: list[int] = []
    word_keys: dict[int, frozenset[int]] = {}
    forms: dict[str, list[str]] = {}
    for form, lemma in LEMMA_FIXES.items():
        forms.setdefault(lemma, []).append(form)
    for form, base in index.forms.items():
        forms.setdefault(base, []).append(form)
    for base, senses in index.by_base.items():
        for key in (base, *forms.get(base, ())):
            h = get_string_id(key)
            every.append(h)
            if any(not s.particle for s in senses):
                plain.append(h)
            else:
                word_keys[h] = _keys(s.particle.split()[-1] for s in senses)
    keys = CueKeys(
        index,
        frozenset(every),
        frozenset(plain),
        word_keys,
        _keys(index.nouns),
        _keys(n[:1].upper() + n[1:] for n in index.nouns),
    )
    _CUE_KEYS[id(index)] = keys
    return keys


class DocScan(NamedTuple):
    """Token positions of one document (indices into the ``Doc``)."""

    cue_pos: list[int]  # lemma or form is a reporting-verb base (or one of its forms)
    #: of ``cue_pos``, those that are cues only with a particle or phrase word: its hashes
    particle_words: dict[int, frozenset[int]]
    source_hints: list[int]  # source-phrase or noun-cue triggers (see SOURCE_TRIGGERS)
    nach: list[int]  # *nach* (a source phrase only with a source noun in the unit)
    keys: CueKeys | None = None  # the index's hash keys (for :func:`fronted_participle_key`)


def fronted_participle_key(scan: DocScan, arrays: TokenArrays, first: int, end: int) -> bool:
    """Is the token at ``first`` (a unit's first token) a capitalised participle of a cue
    verb before a passive auxiliary (*Kritisiert wird vor allem, dass …*)? Only its
    lower-case form is a cue form, so the document scan misses it. One index and at most
    one set lookup per unit; a particle verb needs its particle in the unit."""
    keys = scan.keys
    if keys is None or first + 1 >= end or arrays.orth[first + 1] not in PASSIVE_AUX_KEYS:
        return False
    low = arrays.lower[first]
    if low == arrays.orth[first] or low not in keys.any_keys or arrays.orth[first] in keys.any_keys:
        return False
    if low in keys.plain:
        return True
    words = keys.word_keys.get(low, frozenset())
    return not words.isdisjoint(arrays.lower[first:end])


#: hashes of the passive auxiliaries after a fronted participle (*Kritisiert wird …*)
PASSIVE_AUX_KEYS = frozenset(get_string_id(w) for w in ("wird", "werden", "wurde", "wurden"))
_SO = get_string_id("so")
_NACH = get_string_id("nach")
_COMMA = get_string_id(",")
_OPENERS = _keys(_SO_OPENERS + _CLOSING_MARKS)
_TRIGGER_KEYS = _keys(SOURCE_TRIGGERS)
#: lower-case forms worth a second look: triggers, *so*, *nach* (and the speech-act nouns)
_HINT_KEYS = _TRIGGER_KEYS | {_SO, _NACH}


def scan_doc(arrays: TokenArrays, index: CueIndex) -> DocScan:
    """Reporting-verb candidates and source-phrase triggers of a document.

    Set lookups on the hash columns: for a few hundred tokens per document they are
    cheaper than numpy (``searchsorted`` over thousands of keys)."""
    keys = cue_keys(index)
    any_keys = keys.any_keys
    lemma, orth, lower = arrays.lemma, arrays.orth, arrays.lower
    # (``map`` over the sets' ``__contains__`` and ``compress``: the per-token test runs in C)
    has = any_keys.__contains__
    cue_pos = list(compress(count(), map(or_, map(has, lemma), map(has, orth))))
    particle_words: dict[int, frozenset[int]] = {}
    plain, word_keys = keys.plain, keys.word_keys
    for i in cue_pos:
        lem, form = lemma[i], orth[i]
        if lem not in plain and form not in plain:
            particle_words[i] = word_keys.get(lem if lem in word_keys else form, frozenset())
    hints: list[int] = []
    nach: list[int] = []
    hint_keys = _hint_keys(keys)
    nouns = keys.noun_keys
    for i in list(compress(count(), map(hint_keys.__contains__, lower))):
        h = lower[i]
        if h == _NACH:
            nach.append(i)
        elif (
            h in _TRIGGER_KEYS
            # *…, so X* / *– so X* / *»…« so X*: *so* after a comma, dash or closing mark
            or (orth[i] == _SO and i and orth[i - 1] in _OPENERS)
            # a speech-act noun before a comma, also after its genitive attribute
            # (*die Forderung, dass …*, *die Forderung der Gewerkschaft, …*)
            or (h in nouns and _COMMA in orth[i + 1 : i + 2 + MAX_GENITIVE])
        ):
            hints.append(i)
    hints = _noun_lemma_hints(keys, lemma, orth, hints)
    return DocScan(cue_pos, particle_words, hints, nach, keys)


def _noun_lemma_hints(
    keys: CueKeys, lemma: list[int], orth: list[int], hints: list[int]
) -> list[int]:
    """``hints`` with the inflected speech-act nouns before a comma (*die Vorwürfe, …*,
    *Behauptungen der Opposition, …*), found by their lemma; sorted.

    Why: news reports claims in the plural as often as in the singular (*Vorwürfe, er habe
    …*); the lower-case form test above sees only the lexicon's base form."""
    nouns = keys.noun_lemma_keys
    extra = [
        i
        for i in compress(count(), map(nouns.__contains__, lemma))
        # (a form equal to its lemma, *Bericht*, the lower-case test has seen)
        if orth[i] != lemma[i] and _COMMA in orth[i + 1 : i + 2 + MAX_GENITIVE]
    ]
    if not extra:
        return hints
    return sorted(set(hints).union(extra))


_HINT_KEY_SETS: dict[int, tuple[CueKeys, frozenset[int]]] = {}


def _hint_keys(keys: CueKeys) -> frozenset[int]:
    """``_HINT_KEYS`` with the index's speech-act nouns, built once per index (the union of
    some hundred hashes per document was a measurable part of the scan)."""
    got = _HINT_KEY_SETS.get(id(keys))
    if got is not None and got[0] is keys:
        return got[1]
    union = frozenset(_HINT_KEYS | keys.noun_keys)
    _HINT_KEY_SETS.clear()  # one index in use at a time: keep only the latest
    _HINT_KEY_SETS[id(keys)] = (keys, union)
    return union


def any_between(positions: list[int], start: int, end: int) -> bool:
    """Is any of the sorted ``positions`` in ``[start, end)``?"""
    k = bisect.bisect_left(positions, start)
    return k < len(positions) and positions[k] < end


class SourceNouns:
    """Does a unit hold a source noun (*Angaben*, *Polizeiangaben*, see
    :func:`.cuefind.is_source_noun`)? Per lower-case form, cached (bounded)."""

    def __init__(self) -> None:
        self.facts: dict[int, bool] = {}

    def in_unit(self, arrays: TokenArrays, unit: Unit) -> bool:
        facts = self.facts
        for h in arrays.lower[unit.tok_start : unit.tok_end]:
            fact = facts.get(h)
            if fact is None:
                fact = is_source_noun(arrays.strings[h])
                if len(facts) < CACHE_SIZE:
                    facts[h] = fact
            if fact:
                return True
        return False


def maybe_source(scan: DocScan, arrays: TokenArrays, unit: Unit, nouns: SourceNouns) -> bool:
    """Could the unit hold a source phrase or a speech-act noun cue? (superset test)"""
    a, b = unit.tok_start, unit.tok_end
    if any_between(scan.source_hints, a, b):
        return True
    return any_between(scan.nach, a, b) and nouns.in_unit(arrays, unit)


#: hashes of plural *dürften* and of the negations that make it a prohibition
_DURFTEN = get_string_id("dürften")
_NEGATION_IDS = frozenset(
    get_string_id(w) for w in ("nicht", "nie", "niemals", "kein", "keine", "keinen", "keiner")
)


class ContinuationWords:
    """Could a unit without quotations, cues or source phrases continue indirect speech?

    A superset of what the rules accept (``extract._analyse_unit``, step 4): a Konjunktiv
    form (:func:`.konjunktiv.is_konjunktiv`, without the epistemic *dürften* unless the unit
    has a negation; with the singular Konjunktiv II and the plural *könnten*, which continue a
    quotation only in the unit right after it), hearsay
    *soll/sollen*, or a pronoun as first word (*Dies bedinge …*). Valid only for units that
    no quotation overlaps (then every token is outside quotations). Facts per form are
    cached (bounded).
    """

    def __init__(self) -> None:
        # form hash -> (a candidate as it is, lemma hash that makes it a Konjunktiv I, pronoun)
        self.facts: dict[int, tuple[bool, int, bool]] = {}

    def _facts(self, orth: int, strings: Any) -> tuple[bool, int, bool]:
        word: str = strings[orth]
        if word in SINGULAR_KONJUNKTIV_II or word == "könnten":
            # a candidate right after a quotation (``singular_konjunktiv_ii_continuation``;
            # plural *könnten* only there)
            fact = (True, 0, False)
        elif word in EPISTEMIC_MODALS:
            fact = (False, 0, False)
        elif is_konjunktiv(word, "") or word.lower() in HEARSAY:
            fact = (True, 0, False)
        elif is_konjunktiv(word, word + "n"):
            # ``stem + e`` with the lemma ``stem + en`` (LEMMA_FIXES has no form in -e)
            fact = (False, get_string_id(word + "n"), False)
        else:
            fact = (False, 0, word.lower() in PRONOUN_SUBJECTS)
        if len(self.facts) < CACHE_SIZE:
            self.facts[orth] = fact
        return fact

    def possible(self, arrays: TokenArrays, unit: Unit) -> bool:
        a, b = unit.tok_start, unit.tok_end
        facts = self.facts
        lemmas = arrays.lemma[a:b]
        orths = arrays.orth[a:b]
        for k, orth in enumerate(orths):
            fact = facts.get(orth) or self._facts(orth, arrays.strings)
            if fact[0] or (fact[1] and fact[1] == lemmas[k]) or (k == 0 and fact[2]):
                return True
        # a negated plural *dürften* (*Sie dürften nicht …*): a prohibition, right after a
        # quotation a continuation (``continuations.singular_konjunktiv_ii_continuation``)
        return _DURFTEN in orths and any(o in _NEGATION_IDS for o in orths)
