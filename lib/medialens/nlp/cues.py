"""Find reporting cues — verbs, phrases and source markers — in a sentence span.

Why a clause-aware scan and not a word list lookup: in German the meaning of a verb often
depends on a particle at the far end of the clause (*sagte … ab* is a cancellation, *teilte …
mit* a statement) and phrases are split by the verb-second order (*machte erneut deutlich*,
*gab zu bedenken*, *brachte seine Sorge zum Ausdruck*). The scan looks every token up once in
the :class:`~medialens.codebook.verbs.Lexicon` form index (generated forms plus the lookup
lemmatizer's ``lemma_``) and checks particles and phrase words only inside the token's clause
(bounded by punctuation, quotation marks and coordinating conjunctions).

Limits: no parser — a capitalised token that is not sentence-initial is taken for a noun and
skipped (*Erklärung*, *das Sagen*); a particle is only recognised at the clause end (not
after an extraposed phrase: *wies hin auf …*); auxiliaries are not part of the cue (*hat …
gesagt* → cue *gesagt*); cues inside quotations are found like any other — pass ``exclude``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Container, Sequence
from typing import NamedTuple

from spacy.attrs import LEMMA, LOWER, SENT_START, SHAPE
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc, Span, Token

from medialens.codebook.verbs import (
    POSTPOSITIONS,
    SEPARABLE_PARTICLES,
    FormHit,
    Lexicon,
    ReportingVerb,
)
from medialens.nlp.types import Cue


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: tokens that end a clause (the particle of a separable verb stands right before one);
#: parentheses and quotation marks do not: *teilte das „Institut“ (STSI) mit*
CLAUSE_PUNCT: frozenset[str] = frozenset([*",.;:!?–—…", "..."])
#: every punctuation mark a particle may stand before
PUNCT: frozenset[str] = frozenset(
    [*",.;:!?()[]–—-…", '"', "»", "«", "„", "“", "”", "‚", "‘", "’", "›", "‹", "'", "..."]
)
#: sentence-internal hard stops: a particle is never looked for beyond one
HARD_STOP: frozenset[str] = frozenset([*".;:!?", "..."])
#: coordinating conjunctions that start a new clause (not *aber*/*doch*: mostly adverbs)
CLAUSE_CONJ: frozenset[str] = _words("und oder sondern sowie")
#: separable particles in general (re-exported from the lexicon module)
SEPARABLE: frozenset[str] = SEPARABLE_PARTICLES
#: closing marks after which a separable particle may follow an insertion (*…, Hans X, mit*)
_INSERTION_END: frozenset[str] = frozenset([",", ")", "]", "«", "“", "”", "‘", "›", '"', "'"])
#: how far (tokens) a particle may stand from its verb across insertions
_MAX_BRACKET = 40
#: openers after which a capitalised verb is sentence-initial (*»Wir kommen«, Sagte* is not)
_OPENERS: frozenset[str] = frozenset([*'.!?:;»„“"‚›(–—', "..."])
_OPENING_QUOTES: frozenset[str] = frozenset(["»", "„", "“", '"', "‚", "›", "'"])
_CLOSING_QUOTES: frozenset[str] = frozenset(["«", "“", "”", "‘", "‹", '"', "'", ")"])
_DETERMINERS: frozenset[str] = _words(
    """
    der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner
    sein seine seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres unser unsere unseren
    unserem unserer euer eure dieser diese diesen diesem dieses jener jene jenen jenem
    mehrerer mehreren vieler vielen einiger einigen aller allen beider beiden
    """
)
_PRONOUNS: frozenset[str] = _words("es er sie wir ihr man ich du ihm ihn ihnen uns euch mir mich")
_REFLEXIVES: frozenset[str] = _words("sich mich dich uns euch")
#: words after a single-word phrase part that still let it count (*zeigte sich besorgt über*)
_AFTER_WORD_PART: frozenset[str] = _words(
    "über darüber wegen angesichts von davon mit damit um darum an daran auf darauf ob dass"
)
#: verb forms that are mostly a determiner or adjective before a noun (*meine Damen*,
#: *einigen Kollegen*, *die laute Musik*) — accepted only when no noun follows
_AMBIGUOUS: frozenset[str] = _words("meine meinen einige einigen laute lauten")
#: forms never taken as a verb (*bitte* = please)
_NEVER: frozenset[str] = _words("bitte")
#: words after *, so* that make it an ordinary adverb (*, so dass*, *, so schnell*)
_SO_BLOCK: frozenset[str] = _words(
    "dass wie als ob weit lange sehr viel viele wenig bald gut schnell oft etwa genannt genannten"
)
#: degree words before *laut* that make it the adjective (*sehr laut*, *zu laut*)
_DEGREE: frozenset[str] = _words("sehr zu so ganz ziemlich recht besonders etwas allzu nicht")
#: pronouns after *laut* that make it the preposition (*laut ihm*, *Pläne, laut denen …*)
_LAUT_PRONOUNS: frozenset[str] = _words("ihm ihr ihnen denen dem welchem welcher welchen")
#: word endings of lowercase words after *laut* that make it the adverb (*laut schreien*)
_LAUT_ADVERBIAL_END: tuple[str, ...] = ("en", "t", "te", "ten", "lich", "ig", "er", "e", "s")
#: inflection endings a noun in a multiword preposition may carry (*Bericht/Berichten*)
_NOUN_ENDINGS: tuple[str, ...] = ("", "e", "en", "n", "s", "es", "er", "ern", "se", "sen")


class CueMatch(NamedTuple):
    """A cue with its tokens: ``head`` is the verb (or the marker's first token)."""

    cue: Cue
    head: int
    tokens: tuple[int, ...]
    entry: ReportingVerb


class _Rows(NamedTuple):
    """Hashed token attributes of a doc or sentence: ``LOWER``, ``LEMMA``, ``SENT_START``."""

    low: list[int]
    lem: list[int]
    sst: list[int]


_BOUNDARY_IDS: frozenset[int] = frozenset(get_string_id(w) for w in CLAUSE_PUNCT | CLAUSE_CONJ)
_HARD_IDS: frozenset[int] = frozenset(get_string_id(w) for w in HARD_STOP)


def _clause_bounds(rows: _Rows, i: int) -> tuple[int, int, int]:
    """Clause start, clause end (exclusive) and the next hard stop (bounded) around ``i``.

    Works on the hashed ``LOWER`` column so no Token objects are made.
    """
    n = len(rows.low)
    a = i
    while a > 0 and rows.low[a - 1] not in _BOUNDARY_IDS and rows.sst[a] != 1:
        a -= 1
    b = i + 1
    while b < n and rows.low[b] not in _BOUNDARY_IDS and rows.sst[b] != 1:
        b += 1
    h = b
    limit = min(n, i + _MAX_BRACKET)
    while h < limit and rows.low[h] not in _HARD_IDS and rows.sst[h] != 1:
        h += 1
    return a, b, h


def _is_initial(rows: _Rows, i: int) -> bool:
    """Sentence-initial: span start, a sentence start, or after an opener (``.``, ``:``, ``»``)."""
    return i == 0 or rows.sst[i] == 1 or rows.low[i - 1] in _OPENER_IDS


def _noun_matches(tok: Token, noun: str) -> bool:
    """``Angaben``, an inflected form (``Berichten``) or a compound (``Polizeiangaben``)."""
    if not tok.text[:1].isupper():
        return False
    low = tok.lower_
    for ending in _NOUN_ENDINGS:
        form = noun + ending
        if low == form or (len(low) > len(form) + 2 and low.endswith(form)):
            return True
    return False


def _is_filler(tok: Token, nxt: Token | None) -> bool:
    """A determiner, adjective or prenominal genitive that may stand before a noun."""
    low = tok.lower_
    if low in _DETERMINERS:
        return True
    text = tok.text
    if text.isalpha() and text.islower():
        return low not in _PRONOUNS and len(low) > 3 and low.endswith(("e", "en", "er", "es", "em"))
    # *Nach Grupps Meinung*: a capitalised genitive before the noun
    return (
        text[:1].isupper()
        and low.endswith(("s", "'"))
        and nxt is not None
        and nxt.text[:1].isupper()
    )


def _match_words(tokens: Sequence[Token], j: int, words: Sequence[str], hi: int) -> int:
    """Match ``words`` (as written) from token ``j``; return the end index or -1.

    Lower-case words must match exactly; a capitalised word (a noun) also matches its
    inflected forms and compounds, and up to two determiners/adjectives may precede it
    (*der gegenteiligen Auffassung*, *nach einem ersten Bericht*).
    """
    k = j
    for w in words:
        low = w.lower()
        if w[:1].isupper():
            fills = 0
            while (
                k < hi
                and fills < 2
                and not _noun_matches(tokens[k], low)
                and _is_filler(tokens[k], tokens[k + 1] if k + 1 < hi else None)
            ):
                k += 1
                fills += 1
            if k >= hi or not _noun_matches(tokens[k], low):
                return -1
        elif k >= hi or tokens[k].lower_ != low:
            return -1
        k += 1
    return k


def _find_words(tokens: Sequence[Token], lo: int, hi: int, words: Sequence[str]) -> tuple[int, int]:
    """First ``(start, end)`` in ``[lo, hi)`` where ``words`` match, or ``(-1, -1)``."""
    first = words[0]
    low = first.lower()
    noun = first[:1].isupper()
    for j in range(lo, hi):
        t = tokens[j]
        if (noun and (_noun_matches(t, low) or _is_filler(t, None))) or t.lower_ == low:
            end = _match_words(tokens, j, words, hi)
            if end > 0:
                return j, end
    return -1, -1


_INSERTION_END_IDS: frozenset[int] = frozenset(get_string_id(w) for w in _INSERTION_END)
_PUNCT_CONJ_IDS: frozenset[int] = frozenset(get_string_id(w) for w in PUNCT | CLAUSE_CONJ)
_REFLEXIVE_IDS: frozenset[int] = frozenset(get_string_id(w) for w in _REFLEXIVES)
_AFTER_WORD_PART_IDS: frozenset[int] = frozenset(get_string_id(w) for w in _AFTER_WORD_PART)
_ES_ID: int = get_string_id("es")
_COMMA_ID: int = get_string_id(",")
#: words allowed before a particle that closes the verb bracket after an insertion
_FAR_FILLER_IDS: frozenset[int] = frozenset(
    get_string_id(w)
    for w in _words(
        """
        noch auch nun dann jedoch aber nicht bereits schon erneut wieder zudem ebenfalls
        davon dazu darauf daran darüber damit dabei dagegen dafür deshalb daher
        es sich ihm ihr ihnen uns am im zum zur vom beim der die das dem den des ein eine
        einem einer heute gestern morgen später zuvor zuletzt mehrfach ausdrücklich
        """
    )
)
_OPENER_IDS: frozenset[int] = frozenset(get_string_id(w) for w in _OPENERS)


_WORD_IDS: dict[str, int] = {}


def _word_id(word: str) -> int:
    got = _WORD_IDS.get(word)
    if got is None:
        got = _WORD_IDS[word] = get_string_id(word)
    return got


class _Need(NamedTuple):
    """Hashed requirements of a phrase entry (computed once per entry)."""

    #: per phrase word the LOWER ids that may stand for it (a noun: its inflected forms)
    alternatives: tuple[frozenset[int], ...]
    #: id of the single lower-case phrase word (*deutlich*), else 0
    single: int


_NEEDS: dict[ReportingVerb, _Need] = {}


def _need(e: ReportingVerb) -> _Need:
    got = _NEEDS.get(e)
    if got is None:
        alts = []
        for w in e.words:
            low = w.lower()
            if w[:1].isupper():
                alts.append(frozenset(get_string_id(low + end) for end in _NOUN_ENDINGS))
            else:
                alts.append(frozenset([get_string_id(low)]))
        single = (
            get_string_id(e.words[0].lower())
            if len(e.words) == 1 and e.words[0][:1].islower()
            else 0
        )
        got = _NEEDS[e] = _Need(tuple(alts), single)
    return got


class _Clause:
    """The clause around a candidate verb: bounds, particle slots, word ids (lazy)."""

    __slots__ = ("_ids", "end", "far_slots", "hard", "i", "rows", "slots", "start")

    def __init__(self, tokens: Sequence[Token], rows: _Rows, i: int) -> None:
        self.rows = rows
        self.i = i
        self.start, self.end, self.hard = _clause_bounds(rows, i)
        self._ids: frozenset[int] | None = None
        # particle slots: the clause-final token, and tokens right after an insertion that
        # closes with a comma, bracket or quote (*teilte der Chef, Hans X, mit*)
        n = len(rows.low)
        slots: dict[str, int] = {}
        last = self.end - 1
        if last > i:
            slots[tokens[last].lower_] = last
        for j in range(self.end, min(self.hard, i + _MAX_BRACKET)):
            if rows.low[j - 1] in _INSERTION_END_IDS and (
                j + 1 >= n or rows.low[j + 1] in _PUNCT_CONJ_IDS
            ):
                slots.setdefault(tokens[j].lower_, j)
        self.slots = slots
        # ends of the 2nd/3rd comma segment after the clause: the verb bracket closes after
        # an insertion (*ging Celebi, die Anwältin der Frau, noch davon aus*); only used to
        # complete a verb, never to reject one (*sagte, die Reise, die …, falle aus*)
        far: dict[str, int] = {}
        limit = min(self.hard, i + _MAX_BRACKET)
        commas = 0
        seg = self.end  # start of the current comma segment
        for j in range(self.end, limit + 1):
            if j == limit or rows.low[j] == _COMMA_ID:
                # the segment may hold adverbs and names, but no other verb
                # (*noch davon aus* yes, *falle aus* no)
                if (
                    commas >= 2
                    and j - 1 > seg
                    and (j < limit or limit == self.hard)
                    and all(
                        rows.low[k] in _FAR_FILLER_IDS or tokens[k].text[:1].isupper()
                        for k in range(seg + 1, j - 1)
                    )
                ):
                    far.setdefault(tokens[j - 1].lower_, j - 1)
                commas += 1
                seg = j
        self.far_slots = far

    @property
    def ids(self) -> frozenset[int]:
        """LOWER ids of the clause and any insertion up to the particle."""
        if self._ids is None:
            hi = max(self.end, self.hard)
            self._ids = frozenset(self.rows.low[self.start : hi])
        return self._ids


def _requirements(e: ReportingVerb, hit: FormHit) -> tuple[frozenset[int], ...]:
    """Id sets of which one each must occur in the sentence for this reading (cached)."""
    key = (e, hit.joined)
    got = _REQS.get(key)
    if got is None:
        reqs: list[frozenset[int]] = []
        if e.verb_particle and not hit.joined:
            reqs.append(frozenset([_word_id(e.verb_particle)]))
        if e.words:
            reqs.extend(_need(e).alternatives)
        if e.reflexive:
            reqs.append(_REFLEXIVE_IDS)
        got = _REQS[key] = tuple(reqs)
    return got


_REQS: dict[tuple[ReportingVerb, bool], tuple[frozenset[int], ...]] = {}


def _gate(lexicon: Lexicon, hits: tuple[FormHit, ...]) -> tuple[bool, frozenset[int]]:
    """``(some reading needs nothing, ids of which one must occur for any other reading)``.

    One ``isdisjoint`` then discards the frequent forms of *sein*, *werden*, *geben* … whose
    only readings are phrases or particle verbs absent from the sentence. Cached.
    """
    gates = lexicon.cache.setdefault("cue_gates", {})
    got = gates.get(hits)
    if got is None:
        plain = False
        gate: set[int] = set()
        for h in hits:
            reqs = _requirements(lexicon.all_entries[h.entry], h)
            if reqs:
                gate |= reqs[0]
            else:
                plain = True
        got = gates[hits] = (plain, frozenset(gate))
    return got


def _viable(e: ReportingVerb, hit: FormHit, sent_ids: frozenset[int]) -> bool:
    """Can this reading match at all? Its particle and phrase words occur in the sentence."""
    return all(not req.isdisjoint(sent_ids) for req in _requirements(e, hit))


def _match_verbal(
    tokens: Sequence[Token], hit: FormHit, e: ReportingVerb, cl: _Clause
) -> tuple[int, ...] | None:
    """Token indices (span-relative) of the cue if entry ``e`` fits the verb, else None."""
    i = cl.i
    rows = cl.rows
    toks: list[int] = [i]
    last = cl.end - 1  # last token of the clause (before the particle, if any)
    wend = cl.end
    if e.verb_particle and not hit.joined:
        p = -1
        if e.verb_particle not in SEPARABLE_PARTICLES and i > cl.start:
            # a word-like particle written apart before the verb: *bekannt gab/gegeben*
            prev = _word_id(e.verb_particle)
            if rows.low[i - 1] == prev:
                p = i - 1
        if p < 0:
            if hit.participle:
                return None
            p = cl.slots.get(e.verb_particle, -1)
            if p < 0:
                p = cl.far_slots.get(e.verb_particle, -1)
            if p < 0:
                return None
            last = p - 1
            wend = max(cl.end, p)
        toks.append(p)
    if e.reflexive and not any(rows.low[j] in _REFLEXIVE_IDS for j in range(cl.start, wend)):
        return None
    if e.words:
        need = _need(e)
        if not all(alt & cl.ids for alt in need.alternatives):
            return None
        w = need.single
        if w:
            cstart = cl.start
            if i > cstart and rows.low[i - 1] == w:
                toks.append(i - 1)
            elif i > cstart + 1 and rows.low[i - 1] in _REFLEXIVE_IDS and rows.low[i - 2] == w:
                toks.append(i - 2)
            elif last > i and rows.low[last] == w:
                toks.append(last)
            else:
                j = next(
                    (
                        j
                        for j in range(i + 1, last)
                        if rows.low[j] == w and rows.low[j + 1] in _AFTER_WORD_PART_IDS
                    ),
                    -1,
                )
                if j < 0:
                    return None
                toks.append(j)
        else:
            a, b = _find_words(tokens, cl.start, wend, e.words)
            if a < 0:
                return None
            toks.extend(range(a, b))
    return tuple(sorted(set(toks)))


def _before_noun(tokens: Sequence[Token], i: int) -> bool:
    """*meine Damen*, *einigen neuen Kollegen*: a determiner/adjective, not a verb."""
    if i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    if nxt.text[:1].isupper():
        return True
    return (
        i + 2 < len(tokens)
        and nxt.text.isalpha()
        and nxt.lower_.endswith(("e", "en", "er", "es", "em"))
        and tokens[i + 2].text[:1].isupper()
    )


def _verb_cues(
    tokens: Sequence[Token],
    rows: _Rows,
    i: int,
    lexicon: Lexicon,
    hits: Sequence[FormHit],
    by_lemma: bool,
) -> tuple[tuple[int, ...], ReportingVerb] | None:
    tok = tokens[i]
    low = tok.lower_
    if low in _NEVER or (low in _AMBIGUOUS and _before_noun(tokens, i)):
        return None
    if by_lemma and i > 0 and tokens[i - 1].lower_ in _DETERMINERS:
        return None  # an inflected participle used as adjective: *die angekündigte Reform*
    cl = _Clause(tokens, rows, i)
    best: tuple[tuple[int, ...], ReportingVerb] | None = None
    plain: tuple[tuple[int, ...], ReportingVerb, FormHit] | None = None
    for hit in hits:
        e = lexicon.all_entries[hit.entry]
        found = _match_verbal(tokens, hit, e, cl)
        if found is None:
            continue
        if len(found) == 1 and not e.reflexive:
            if plain is None:
                plain = (found, e, hit)
            continue
        if best is None or len(found) > len(best[0]):
            best = (found, e)
    if best is not None:
        return best
    if plain is None:
        return None
    found, e, hit = plain
    if e.lemma == "heißen" and _ES_ID not in cl.ids:
        return None  # *hieß es*, *wie es … heißt*; not *er heißt Peter*
    if not hit.participle and any(p in lexicon.all_particles for p in cl.slots):
        return None  # *sagte … ab*: the particle makes it another verb
    return found, e


def _np_follows(tokens: Sequence[Token], j: int) -> bool:
    """A noun phrase starts at ``j``: a capitalised word, or determiners/adjectives + one."""
    n = len(tokens)
    k = j
    while k < n and k - j < 4:
        t = tokens[k]
        if t.text[:1].isupper() and t.text[:1].isalpha():
            return True
        if t.text in _OPENING_QUOTES:
            k += 1
            continue
        if not _is_filler(t, None):
            return False
        k += 1
    return False


def _laut_is_preposition(tokens: Sequence[Token], i: int) -> bool:
    """*laut Polizei*, *laut einem Bericht*, *laut dpa*, *laut „Welt“* — not *laut schreien*."""
    n = len(tokens)
    if i + 1 >= n or (i > 0 and tokens[i - 1].lower_ in _DEGREE):
        return False
    nxt = tokens[i + 1]
    low = nxt.lower_
    if nxt.text in _OPENING_QUOTES or low in _LAUT_PRONOUNS or low in _DETERMINERS:
        return True  # *laut „Welt“*, *laut ihm*, *laut denen*, *laut einer … Mitteilung*
    text = nxt.text
    if text[:1].isupper() and text[:1].isalpha():
        return True
    if not text[:1].isalpha():
        return False
    if "." in text or "-" in text:
        return True  # *laut bildblog.de*, *laut ai-Bericht*, *laut el-Baradei*
    if _is_filler(nxt, None) and _np_follows(tokens, i + 1):
        return True  # *laut israelischen Medien*, *laut aktueller Statistik*
    return not low.endswith(_LAUT_ADVERBIAL_END) and low not in CLAUSE_CONJ


def _so_is_source(tokens: Sequence[Token], i: int) -> bool:
    """*…, so der Minister.* / *– so der Vorwurf –*: *so* followed by the source."""
    n = len(tokens)
    tok = tokens[i]
    if i == 0 or tok.text != "so" or i + 1 >= n:
        return False
    if tokens[i - 1].text not in (",", "–", "—", "-", "("):
        return False
    nxt = tokens[i + 1]
    low = nxt.lower_
    if low in _SO_BLOCK or low in _PRONOUNS:
        return False
    if not (
        _np_follows(tokens, i + 1)
        or (nxt.text.islower() and "-" in nxt.text)
        or low in ("letztere", "letzterer", "erstere", "ersterer")
    ):
        return False
    k = i + 1
    while k < n and tokens[k].text not in PUNCT:
        k += 1
    return k - i <= 20


_STEMS: dict[int, frozenset[str]] = {}


def _stems(word_id: int, strings: StringStore) -> frozenset[str]:
    """Every suffix (≥ 3 letters) of a word minus an inflection ending (*polizeiangaben* →
    *angaben*, *angabe*, …), cached per word id."""
    got = _STEMS.get(word_id)
    if got is None:
        low = strings[word_id]
        out: set[str] = set()
        for ending in _NOUN_ENDINGS:
            if ending and not low.endswith(ending):
                continue
            stem = low[: len(low) - len(ending)] if ending else low
            out.update(stem[j:] for j in range(len(stem) - 2))
        got = frozenset(out)
        if len(_STEMS) > 200_000:
            _STEMS.clear()
        _STEMS[word_id] = got
    return got


def _nearby_nouns(tokens: Sequence[Token], rows: _Rows, i: int) -> set[str]:
    """Base nouns the words around ``i`` can stand for (from the hashed lower-case forms)."""
    strings = tokens[i].doc.vocab.strings
    low = rows.low
    n = len(low)
    out: set[str] = set()
    for k in (i - 1, i + 1, i + 2, i + 3):
        if 0 <= k < n:
            out |= _stems(low[k], strings)
    return out


def _noun_index(lexicon: Lexicon) -> dict[str, frozenset[int]]:
    """Lower-cased noun → marker entries containing it; ``""`` → all entries with a noun."""
    got = lexicon.cache.get("cue_nouns")
    if got is None:
        index: dict[str, set[int]] = {"": set()}
        for k, e in enumerate(lexicon.all_entries):
            if e.verbal:
                continue
            for w in e.words:
                if w[:1].isupper():
                    index.setdefault(w.lower(), set()).add(k)
                    index[""].add(k)
        got = lexicon.cache["cue_nouns"] = {w: frozenset(v) for w, v in index.items()}
    return got


def _marker_cues(
    tokens: Sequence[Token], rows: _Rows, i: int, lexicon: Lexicon, ids: Sequence[int]
) -> tuple[tuple[int, ...], ReportingVerb] | None:
    tok = tokens[i]
    n = len(tokens)
    nouns: set[str] | None = None
    by_noun = _noun_index(lexicon)
    if not by_noun[""].isdisjoint(ids):
        # multiword prepositions (*nach Angaben*, *aus Sicht*): keep those whose noun stands
        # next to the first word, and those without a noun
        nouns = _nearby_nouns(tokens, rows, i)
        keep = {k for noun in nouns for k in by_noun.get(noun, ())}
        ids = [k for k in ids if k in keep or k not in by_noun[""]]
    for idx in ids:
        e = lexicon.all_entries[idx]
        words = e.words
        if e.type == "adverb":
            if e.base == "so":
                if _so_is_source(tokens, i):
                    return (i,), e
                continue
            return (i,), e
        if len(words) == 1:
            if e.base == "zufolge":
                if i == 0 or tokens[i - 1].text in CLAUSE_PUNCT:
                    continue
                return (i,), e
            if e.base == "laut":
                if _laut_is_preposition(tokens, i):
                    return (i,), e
                continue
            if _np_follows(tokens, i + 1):
                return (i,), e
            continue
        if words[-1].lower() in POSTPOSITIONS and tok.lower_ == words[-1].lower():
            # *dem Vernehmen nach*: match the words before the postposition
            k = len(words) - 1
            if i >= k and _match_words(tokens, i - k, words[:-1], i) == i:
                return tuple(range(i - k, i + 1)), e
            continue
        # multiword preposition: first word, the noun(s) (with fillers), optional last "von"
        caps = [w.lower() for w in words if w[:1].isupper()]
        if caps:
            if nouns is None:
                nouns = _nearby_nouns(tokens, rows, i)
            if not any(w in nouns for w in caps):
                continue
        core = words[:-1] if words[-1].islower() and len(words) > 2 else words
        end = _match_words(tokens, i + 1, core[1:], min(n, i + 8))
        if end > 0:
            if len(core) < len(words) and end < n and tokens[end].lower_ == words[-1].lower():
                end += 1
            return tuple(range(i, end)), e
        if (
            len(core) == 2
            and tok.lower_ == "nach"
            and i > 0
            and _noun_matches(tokens[i - 1], core[1].lower())
        ):
            # postposition: *eigenen Angaben nach*, *seiner Ansicht nach* (not *nach dem …*)
            nxt = tokens[i + 1] if i + 1 < n else None
            if nxt is None or not (nxt.text[:1].isupper() or nxt.lower_ in _DETERMINERS):
                return (i - 1, i), e
    return None


def _cue(tokens: Sequence[Token], rel: tuple[int, ...], e: ReportingVerb) -> Cue:
    runs: list[list[int]] = []
    for r in rel:
        if runs and r == runs[-1][1] + 1:
            runs[-1][1] = r
        else:
            runs.append([r, r])
    spans = tuple((tokens[a].idx, tokens[b].idx + len(tokens[b].text)) for a, b in runs)
    start, end = spans[0][0], spans[-1][1]
    # the surface from the tokens (``doc.text`` would rebuild the whole text per cue)
    first, last = rel[0], rel[-1]
    text = "".join(tokens[k].text_with_ws for k in range(first, last)) + tokens[last].text
    return Cue(start, end, text, e.lemma, e.category, spans)


_ROWS_CACHE: list[tuple[Doc, Lexicon, _Rows, list[int]]] = []
#: token shapes of a decimal number or a year with its sentence-final stop (``7,1.``)
_GLUED_STOP_SHAPES: frozenset[int] = frozenset(
    get_string_id("d" * a + sep + "d" * b + ".")
    for a in range(1, 5)
    for b in range(1, 5)
    for sep in ",."
) | {get_string_id("dddd.")}
_STOP_ID: int = get_string_id(".")


def _doc_rows(doc: Doc, lexicon: Lexicon) -> tuple[_Rows, list[int]]:
    """Per doc, once: the hashed ``LOWER``/``LEMMA``/``SENT_START`` columns and candidates.

    Candidates are tokens whose lower-case form or lemma is in the lexicon's index (one set
    lookup per token, no Token objects). A number glued to its full stop before a
    capitalised word (``7,1.``, ``2005.``: the tokenizer keeps them whole) gets the
    ``LOWER`` id of ``"."`` so it ends the clause.
    """
    if (
        _ROWS_CACHE
        and _ROWS_CACHE[0][0] is doc
        and _ROWS_CACHE[0][1] is lexicon
        and len(_ROWS_CACHE[0][2].low) == len(doc)
    ):
        return _ROWS_CACHE[0][2], _ROWS_CACHE[0][3]
    arr = doc.to_array([LOWER, LEMMA, SENT_START, SHAPE])
    # one list per column: far cheaper than a list of rows
    low = arr[:, 0].tolist()
    lem = arr[:, 1].tolist()
    sst = arr[:, 2].astype("int64").tolist()
    form_ids = lexicon.form_ids
    lemma_ids = lexicon.lemma_ids
    cands = [
        k
        for k, (lo, le) in enumerate(zip(low, lem, strict=True))
        if lo in form_ids or le in lemma_ids
    ]
    shapes = arr[:, 3].tolist()
    glued = [k for k, sh in enumerate(shapes[:-1]) if sh in _GLUED_STOP_SHAPES]
    if glued:
        strings = doc.vocab.strings
        for k in glued:
            if strings[shapes[k + 1]][:1] == "X":
                low[k] = _STOP_ID
    rows = _Rows(low, lem, sst)
    _ROWS_CACHE[:] = [(doc, lexicon, rows, cands)]
    return rows, cands


def match_cues(
    span: Span | Doc,
    lexicon: Lexicon,
    *,
    include_reported: bool = True,
    include_stance_markers: bool = False,
    exclude: Container[int] = (),
) -> list[CueMatch]:
    """All cues in ``span`` with head token, token indices (doc-level) and lexicon entry.

    ``include_reported=False`` drops cues that can only introduce reported speech (their
    entry's ``speech`` has neither ``direct`` nor ``indirect``); stance-only adverbs
    (*angeblich*, empty ``speech``) come only with ``include_stance_markers``. Tokens whose
    doc index is in ``exclude`` (e.g. inside a quotation) are never cue words. Overlapping
    candidates: the one with more tokens wins (*ließ … mitteilen* over *mitteilen*).
    """
    if isinstance(span, Doc):
        span = span[:]
    if len(span) == 0:
        return []
    # candidates from the hashed lower-case forms and lemmas: one set lookup per token on
    # the doc's attribute array; Token objects are only made around candidates
    offset = span.start
    doc_rows, doc_cands = _doc_rows(span.doc, lexicon)
    lo_c = bisect_left(doc_cands, offset)
    hi_c = bisect_left(doc_cands, span.end)
    if lo_c == hi_c:
        return []
    cands = [k - offset for k in doc_cands[lo_c:hi_c]]
    end = span.end
    rows = _Rows(doc_rows.low[offset:end], doc_rows.lem[offset:end], doc_rows.sst[offset:end])
    tokens: Sequence[Token] = span  # type: ignore[assignment]  # indexable like a list
    offset = span.start
    forms_by_id = lexicon.forms_by_id
    lemmas_by_id = lexicon.lemmas_by_id
    markers_by_id = lexicon.markers_by_id
    sent_ids: frozenset[int] | None = None
    found: list[tuple[tuple[int, ...], ReportingVerb, int]] = []
    for i in cands:
        if exclude and (offset + i) in exclude:
            continue
        lo, le = rows.low[i], rows.lem[i]
        ids = markers_by_id.get(lo)
        hits = forms_by_id.get(lo)
        by_lemma = False
        if hits is None and le != lo:
            hits = lemmas_by_id.get(le)
            by_lemma = hits is not None
        if hits:
            # drop readings whose particle or phrase words are nowhere in the sentence
            # before making any Token (*wird*, *ist*, *gab* are frequent)
            if sent_ids is None:
                sent_ids = frozenset(rows.low)
            plain, gate = _gate(lexicon, hits)
            if not plain and gate.isdisjoint(sent_ids):
                hits = ()
            else:
                entries = lexicon.all_entries
                hits = tuple(h for h in hits if _viable(entries[h.entry], h, sent_ids))
        if not ids and not hits:
            continue
        tok = tokens[i]
        text = tok.text
        if not text[:1].isalpha():
            continue
        if text[:1].isupper():
            if not _is_initial(rows, i):
                continue  # a noun: *Erklärung*, *das Sagen*
            if hits and not ids and tok.lemma_[:1].isupper():
                continue  # sentence-initial noun by its lemma: *Hinweise werden …*
        if ids:
            got = _marker_cues(tokens, rows, i, lexicon, ids)
            if got is not None:
                found.append((got[0], got[1], i))
                continue
        if hits:
            got = _verb_cues(tokens, rows, i, lexicon, hits, by_lemma)
            if got is not None:
                found.append((got[0], got[1], i))
    out: list[CueMatch] = []
    used: set[int] = set()
    for rel, e, head in sorted(found, key=lambda f: (-len(f[0]), f[2])):
        if used.intersection(rel):
            continue
        if exclude and any((offset + r) in exclude for r in rel):
            continue
        if not e.speech:
            if not include_stance_markers:
                continue
        elif not include_reported and "direct" not in e.speech and "indirect" not in e.speech:
            continue
        used.update(rel)
        out.append(CueMatch(_cue(tokens, rel, e), offset + head, tuple(offset + r for r in rel), e))
    out.sort(key=lambda m: m.cue.start)
    return out


def find_cues(
    span: Span | Doc,
    lexicon: Lexicon,
    *,
    include_reported: bool = True,
    include_stance_markers: bool = False,
    exclude: Container[int] = (),
) -> list[Cue]:
    """Reporting cues in ``span`` as :class:`~medialens.nlp.types.Cue` records, in text order.

    ``Cue.text`` runs from the first to the last cue token (*wies darauf hin*), ``spans``
    holds the character spans of the cue's token runs (several for *teilte … mit*),
    ``lemma`` is the lexicon lemma (*hinweisen*) and ``category`` its stance. See
    :func:`match_cues` for the options.
    """
    return [
        m.cue
        for m in match_cues(
            span,
            lexicon,
            include_reported=include_reported,
            include_stance_markers=include_stance_markers,
            exclude=exclude,
        )
    ]


def find_cue_tokens(
    span: Span | Doc,
    lexicon: Lexicon,
    *,
    include_reported: bool = True,
    include_stance_markers: bool = False,
    exclude: Container[int] = (),
) -> list[tuple[Cue, int]]:
    """``(cue, head token index in the doc)`` pairs — the verb or the marker's first token."""
    return [
        (m.cue, m.head)
        for m in match_cues(
            span,
            lexicon,
            include_reported=include_reported,
            include_stance_markers=include_stance_markers,
            exclude=exclude,
        )
    ]
