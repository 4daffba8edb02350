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

from collections.abc import Container, Sequence
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from medialens.codebook.verbs import FormHit, Lexicon, ReportingVerb
from medialens.nlp.types import Cue


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: tokens that end a clause (the particle of a separable verb stands right before one)
CLAUSE_PUNCT: frozenset[str] = frozenset(
    [*",.;:!?()[]–—-…", '"', "»", "«", "„", "“", "”", "‚", "‘", "’", "›", "‹", "'", "..."]
)
#: coordinating conjunctions that start a new clause
CLAUSE_CONJ: frozenset[str] = _words("und oder aber sondern denn doch sowie")
#: separable particles in general: a bare verb with one of these at the clause end is another
#: verb (*sagte … ab* = absagen, *sagte … zu* = zusagen, *rief … an* = anrufen)
SEPARABLE: frozenset[str] = _words(
    """
    ab an auf aus bei dar durch ein empor entgegen fest fort her heraus herbei herum herunter
    hervor hin hinaus hinzu hoch los mit nach nieder statt teil um vor voran voraus vorbei
    vorher weg zu zurecht zurück zusammen
    """
)
#: openers after which a capitalised verb is sentence-initial (*»Wir kommen«, Sagte* is not)
_OPENERS: frozenset[str] = frozenset([*'.!?:;»„“"‚›(–—', "..."])
_DETERMINERS: frozenset[str] = _words(
    """
    der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner
    sein seine seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres unser unsere unseren
    unserem unserer euer eure dieser diese diesen diesem dieses jener jene jenen jenem
    mehrerer mehreren vieler vielen einiger einigen aller allen beider beiden
    """
)
_REFLEXIVES: frozenset[str] = _words("sich mich dich uns euch")
#: words after a single-word phrase part that still let it count (*zeigte sich besorgt über*)
_AFTER_WORD_PART: frozenset[str] = _words(
    "über darüber wegen angesichts von davon mit damit um darum an daran auf darauf ob dass"
)
#: forms that are mostly something else (possessive *meine/meinen*, *bitte* = please)
_AMBIGUOUS: frozenset[str] = _words("meine meinen bitte")
#: pronouns that never follow *, so* as a source (*, so Sie wollen*)
_SO_BLOCK: frozenset[str] = _words(
    "dass wie als ob weit lange sehr viel viele wenig bald gut schnell oft etwa genannt genannten"
)


class CueMatch(NamedTuple):
    """A cue with its tokens: ``head`` is the verb (or the marker's first token)."""

    cue: Cue
    head: int
    tokens: tuple[int, ...]
    entry: ReportingVerb


def _clauses(tokens: Sequence[Token]) -> tuple[list[int], list[int]]:
    """Per token (span-relative): index of its clause start and one past its clause end."""
    n = len(tokens)
    start = [0] * n
    end = [n] * n
    s = 0
    for i, t in enumerate(tokens):
        if t.text in CLAUSE_PUNCT or t.lower_ in CLAUSE_CONJ:
            for j in range(s, i):
                end[j] = i
            start[i] = i
            end[i] = i + 1
            s = i + 1
        else:
            start[i] = s
    for j in range(s, n):
        end[j] = n
    return start, end


def _is_initial(tokens: Sequence[Token], i: int) -> bool:
    return i == 0 or tokens[i - 1].text in _OPENERS


def _find_seq(tokens: Sequence[Token], lo: int, hi: int, words: Sequence[str]) -> int:
    """First index in ``[lo, hi)`` where the lower-cased ``words`` start, or -1."""
    n = len(words)
    first = words[0]
    for j in range(lo, hi - n + 1):
        if tokens[j].lower_ == first and all(tokens[j + k].lower_ == words[k] for k in range(1, n)):
            return j
    return -1


def _match_verbal(
    tokens: Sequence[Token],
    i: int,
    hit: FormHit,
    e: ReportingVerb,
    cstart: int,
    cend: int,
) -> tuple[int, ...] | None:
    """Token indices (span-relative) of the cue if entry ``e`` fits token ``i``, else None."""
    toks: list[int] = [i]
    last = cend - 1  # last token of the clause
    if e.verb_particle and not hit.joined:
        if hit.participle or last <= i or tokens[last].lower_ != e.verb_particle:
            return None
        toks.append(last)
        last -= 1
    if e.reflexive and not any(tokens[j].lower_ in _REFLEXIVES for j in range(cstart, cend)):
        return None
    if e.words:
        low = [w.lower() for w in e.words]
        if len(low) == 1 and e.words[0][:1].islower():
            w = low[0]
            if i > cstart and tokens[i - 1].lower_ == w:
                toks.append(i - 1)
            elif (
                i > cstart + 1 and tokens[i - 1].lower_ in _REFLEXIVES and tokens[i - 2].lower_ == w
            ):
                toks.append(i - 2)
            elif last > i and tokens[last].lower_ == w:
                toks.append(last)
            else:
                j = next(
                    (
                        j
                        for j in range(i + 1, last)
                        if tokens[j].lower_ == w and tokens[j + 1].lower_ in _AFTER_WORD_PART
                    ),
                    -1,
                )
                if j < 0:
                    return None
                toks.append(j)
        else:
            j = _find_seq(tokens, cstart, cend, low)
            if j < 0:
                return None
            toks.extend(range(j, j + len(low)))
    return tuple(sorted(set(toks)))


def _verb_candidates(tok: Token, lexicon: Lexicon) -> tuple[tuple[FormHit, ...], bool]:
    """Readings of a token from the form index, else from its lemma (``by_lemma`` flag)."""
    hits = lexicon.forms.get(tok.lower_)
    if hits:
        return hits, False
    lemma = tok.lemma_.lower() if tok.lemma_ else ""
    if lemma and lemma != tok.lower_:
        hits = lexicon.lemmas.get(lemma)
        if hits:
            return hits, True
    return (), False


def _is_possessive_use(tokens: Sequence[Token], i: int) -> bool:
    """*meine Damen*, *meinen Kindern*: possessive, not the verb *meinen*."""
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
    i: int,
    lexicon: Lexicon,
    cstart: int,
    cend: int,
) -> tuple[tuple[int, ...], ReportingVerb] | None:
    tok = tokens[i]
    hits, by_lemma = _verb_candidates(tok, lexicon)
    if not hits:
        return None
    low = tok.lower_
    if low in _AMBIGUOUS and (low == "bitte" or _is_possessive_use(tokens, i)):
        return None
    if by_lemma and i > 0 and tokens[i - 1].lower_ in _DETERMINERS:
        return None  # an inflected participle used as adjective: *die angekündigte Reform*
    best: tuple[tuple[int, ...], ReportingVerb] | None = None
    plain: tuple[tuple[int, ...], ReportingVerb, FormHit] | None = None
    for hit in hits:
        e = lexicon.all_entries[hit.entry]
        found = _match_verbal(tokens, i, hit, e, cstart, cend)
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
    if e.lemma == "heißen" and not any(
        0 <= j < len(tokens) and tokens[j].lower_ == "es" for j in (i - 1, i + 1, i - 2)
    ):
        return None
    last = cend - 1
    if not hit.participle and last > i:
        particle = tokens[last].lower_
        if particle in SEPARABLE or particle in lexicon.particles:
            return None  # *sagte … ab*: the particle makes it another verb
    return found, e


def _np_follows(tokens: Sequence[Token], j: int) -> bool:
    """A noun phrase starts at ``j``: a capitalised word, or determiner/adjective + one."""
    n = len(tokens)
    k = j
    steps = 0
    while k < n and steps < 3:
        t = tokens[k]
        if t.text[:1].isupper() and t.text[:1].isalpha():
            return True
        if not (t.lower_ in _DETERMINERS or (t.text.isalpha() and t.text.islower())):
            return False
        k += 1
        steps += 1
    return False


def _noun_matches(tok: Token, noun: str) -> bool:
    """``Angaben`` or a compound ending in it (``Polizeiangaben``), capitalised."""
    text = tok.text
    if not text[:1].isupper():
        return False
    low = tok.lower_
    return low == noun or (len(low) > len(noun) + 2 and low.endswith(noun))


def _marker_cues(
    tokens: Sequence[Token], i: int, lexicon: Lexicon, ids: Sequence[int]
) -> tuple[tuple[int, ...], ReportingVerb] | None:
    tok = tokens[i]
    n = len(tokens)
    for idx in ids:
        e = lexicon.all_entries[idx]
        words = [w.lower() for w in e.words]
        if e.type == "adverb":
            if e.base == "so":
                if i == 0 or tokens[i - 1].text != "," or tok.text != "so" or i + 1 >= n:
                    continue
                nxt = tokens[i + 1]
                if nxt.lower_ in _SO_BLOCK or not _np_follows(tokens, i + 1):
                    continue
                if nxt.text[:1].isupper() and nxt.lower_ in ("sie", "es", "ihr", "ihnen"):
                    continue
                # the source phrase ends the clause soon (*, so der Minister am Montag.*)
                k = i + 1
                while k < n and tokens[k].text not in CLAUSE_PUNCT and k - i <= 8:
                    k += 1
                if k - i > 8:
                    continue
                return (i,), e
            return (i,), e
        # prepositions
        if len(words) == 1:
            if e.base == "zufolge":
                if i == 0 or tokens[i - 1].text in CLAUSE_PUNCT:
                    continue
                return (i,), e
            if i + 1 < n and _np_follows(tokens, i + 1):
                return (i,), e
            continue
        # multiword preposition: first word, up to two fillers, the noun(s), optional "von"
        core = words[:-1] if words[-1] in ("von", "auf") and len(words) > 2 else words
        j = i + 1
        fillers = 0
        while j < n and fillers < 2 and tokens[j].text.islower() and tokens[j].lower_ != core[1]:
            j += 1
            fillers += 1
        if (
            j < n
            and _noun_matches(tokens[j], core[1])
            and all(
                j + k < n and tokens[j + k].lower_ == core[1 + k] for k in range(1, len(core) - 1)
            )
        ):
            last = j + len(core) - 2
            if len(core) < len(words) and last + 1 < n and tokens[last + 1].lower_ == words[-1]:
                last += 1
            return tuple(range(i, last + 1)), e
        if len(core) == 2 and i > 0 and _noun_matches(tokens[i - 1], core[1]):
            # postposition: *eigenen Angaben nach*, *seiner Ansicht nach* (not *nach dem …*)
            nxt = tokens[i + 1] if i + 1 < n else None
            if nxt is None or not (nxt.text[:1].isupper() or nxt.lower_ in _DETERMINERS):
                return (i - 1, i), e
    return None


def _cue(doc: Doc, tokens: Sequence[Token], rel: tuple[int, ...], e: ReportingVerb) -> Cue:
    runs: list[list[int]] = []
    for r in rel:
        if runs and r == runs[-1][1] + 1:
            runs[-1][1] = r
        else:
            runs.append([r, r])
    spans = tuple((tokens[a].idx, tokens[b].idx + len(tokens[b].text)) for a, b in runs)
    start, end = spans[0][0], spans[-1][1]
    return Cue(start, end, doc.text[start:end], e.lemma, e.category, spans)


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
    tokens: Sequence[Token] = list(span)
    if not tokens:
        return []
    doc = tokens[0].doc
    offset = tokens[0].i
    cstart, cend = _clauses(tokens)
    forms = lexicon.forms
    lemmas = lexicon.lemmas
    markers = lexicon.marker_index
    found: list[tuple[tuple[int, ...], ReportingVerb, int]] = []
    for i, tok in enumerate(tokens):
        if exclude and (offset + i) in exclude:
            continue
        text = tok.text
        if not text[:1].isalpha():
            continue
        low = tok.lower_
        if text[:1].isupper() and not _is_initial(tokens, i):
            continue
        ids = markers.get(low)
        if ids:
            got = _marker_cues(tokens, i, lexicon, ids)
            if got is not None:
                found.append((got[0], got[1], i))
                continue
        if low in forms or (tok.lemma_ and tok.lemma_.lower() in lemmas):
            got = _verb_cues(tokens, i, lexicon, cstart[i], cend[i])
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
        out.append(
            CueMatch(_cue(doc, tokens, rel, e), offset + head, tuple(offset + r for r in rel), e)
        )
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
