"""Clause-structure cues for scare quotes: whose words stand in the clause around the marks?

Why a module of its own: :func:`.scare.classify_quoted` decides "speech" for a short
quotation when the *unit* has a speech context (a cue with a speaker, a source, a Konjunktiv
continuation). German marks who speaks by the clause, not by the sentence: a quotation in a
relative clause that describes something in the author's voice (indicative, no reporting
verb of its own: *sagte X, Leiter der Gruppe, die das Land auf seine „Tauglichkeit“ geprüft
hatte*) is the author's marking, while a quotation in the clause a reporting verb governs
(*sagte, der Plan sei „tot“*, *bezeichnete ihn als „Fehler“*) is the speaker's. And a longer
lower-case phrase in a sentence with no speaker at all (*wird wegen „fahrlässiger Gefährdung
des Straßenverkehrs“ ermittelt*) is the author's term, not a quotation of four or more words
that must be someone's speech.

Each cue is a small pure function over the unit's tokens with a parametrised table of
invented sentences in ``tests/unit/test_scare_quotes.py`` (``CLAUSE_CASES``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medialens.nlp.attribution.clauses import clause_start
from medialens.nlp.attribution.konjunktiv import reported_konjunktiv
from medialens.nlp.attribution.marks import QuotedRegion
from medialens.nlp.attribution.phrases import (
    AUXILIARIES,
    DETERMINERS,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVES,
    is_adjective,
    is_head,
)
from medialens.nlp.attribution.reference import speaker_like
from medialens.nlp.attribution.scarecues import (
    attitude_holder,
    first_token,
    known_common_noun,
    last_token,
)
from medialens.nlp.attribution.scarephrases import reported_sentence
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: relative pronouns that cannot be articles (after a comma they always open a relative
#: clause); *der/die/das/dem/den* need the comma and no noun or adjective right after
_ONLY_RELATIVE = wordset("denen dessen deren welcher welche welches welchem welchen")
#: tokens that end a clause to the right (outside quotations)
_CLAUSE_END = frozenset({",", ";", ":", "–", "—", "(", ")"})
#: *als* right before the marks or before their article: *feierte X als „großen Erfolg …“*,
#: *attackierte X als den „führenden …“* — the predicate of a judging verb
_AS = frozenset({"als"})
#: cues whose object a quoted phrase is (*sprach von einer „…“*, *war von einem „…“ die
#: Rede*): the phrase is someone's wording even when the unit names no speaker
_SPEAKING_OF = wordset("sprechen nennen bezeichnen")
#: a judgement holder's copula (*Was für die Ministerin eine „…“ ist*)
_COPULA = wordset("ist sei war wäre sind seien waren wären bleibt bleibe")
_GENERIC = wordset("viele manche einige alle jeden jede jeder uns mich")
#: source phrases (*laut X*, *X zufolge*, *nach Angaben von X*): they attribute the whole
#: sentence, its relative clauses included
_SOURCE_WORDS = wordset("laut lt. zufolge gemäß angaben")
#: productive abstract-noun suffixes: a German derivation the lexicon may lack
#: (*Geltendmachung*), not a name
_NOUN_SUFFIXES = ("ung", "heit", "keit", "schaft", "tät", "erei")
#: capitalised words after the marks that open a new clause or sentence, not a name
_FUNCTION_CAPS = wordset("und oder aber doch so dann da als wie wenn im am in an auf")
#: words of multiword cue lemmas that say nothing on their own
_CUE_FILLERS = wordset("die der das sein werden haben in zu von")


def _opens_relative(toks: Sequence[Tok], s: int, e: int) -> bool:
    """Does the clause ``toks[s:e]`` (right after a comma) open with a relative pronoun
    (*, die …*, *, in denen …*, *, mit dessen …*)? *der/die/das* before a noun is a relative
    pronoun only when the clause ends in a finite auxiliary (verb-final order: *, die
    Brasilien auf … geprüft hatten*), else an article (*, die Regierung in Rom*)."""
    if s <= 0 or s >= len(toks) or toks[s - 1].text != "," or toks[s - 1].q >= 0:
        return False
    low = toks[s].lower
    if low in PREPOSITIONS and s + 1 < len(toks):
        s += 1
        low = toks[s].lower
    if low in _ONLY_RELATIVE:
        return True
    if low not in RELATIVES or s + 1 >= len(toks):
        return False
    nxt = toks[s + 1]
    # *, die …* opens a relative clause unless a noun or adjective follows (*, die neue
    # Regierung …*: an apposition or an enumeration) — or the clause is verb-final
    if nxt.q < 0 and not (is_head(nxt) or is_adjective(nxt)):
        return True
    # (before a noun, an adjective or the marks themselves: *, den „Plan“ kennen* may be an
    # article — only a verb-final auxiliary makes it a relative clause)
    return e - 1 > s + 1 and toks[e - 1].q < 0 and toks[e - 1].lower in AUXILIARIES


#: cheap text pre-check: a comma and a relative pronoun (perhaps after a preposition)
#: somewhere before the marks
_RELATIVE_BEFORE = re.compile(
    r",\s+(?:\w+\s+)?(?:der|die|das|dem|den|denen|dessen|deren|welche[rsmn]?)\b"
)
#: cheap text pre-check: two capitalised words right after the closing mark
_TWO_CAPITALS_AFTER = re.compile(r"[ \t]+[A-ZÄÖÜ][\w-]*[ \t]+[A-ZÄÖÜ]")


def author_relative_clause(
    toks: Sequence[Tok],
    text: str,
    r: QuotedRegion,
    cue_lemmas: frozenset[str],
    unit_start: int = 0,
) -> bool:
    """Is quotation ``r`` inside an indicative relative clause that holds no reporting verb
    (*sagte X, Leiter der Gruppe, die das Land auf seine „Tauglichkeit“ geprüft hatte*)?

    Why: a relative clause describes its antecedent; without a reporting verb of its own and
    without Konjunktiv it is the author's description even in a sentence with a speaker, so
    quotation marks in it are the author's (the speaker's words are the clause the cue
    governs). Limits: the clause runs from its relative pronoun to the next comma, colon,
    semicolon, dash or parenthesis; a relative clause inside reported speech in the
    indicative (rare in written German) is read as the author's.
    """
    if not _RELATIVE_BEFORE.search(text, unit_start, r.start):
        return False  # (most quotations: no token work at all)
    first = first_token(toks, r)
    last = last_token(toks, r)
    if first is None or last is None or first == 0:
        return False
    # (from the closing mark: right after *, denen* the opening mark is too close for
    # :func:`.clauses.clause_start` to take *denen* as the clause's first word)
    s = clause_start(toks, last, inverted=False)
    if s <= 0 or any(t.q < 0 and t.text in _CLAUSE_END for t in toks[s:first]):
        return False  # no clause opened by a comma, or it ended before the marks
    e = last + 1
    while e < len(toks) and not (toks[e].q < 0 and toks[e].text in _CLAUSE_END):
        e += 1
    if e == len(toks) and e - 1 > last and toks[e - 1].text in ".!?":
        e -= 1  # the sentence's full stop
    if not _opens_relative(toks, s, e):
        return False
    outside = [t for t in toks[s:e] if t.q < 0]
    cue_words = _cue_words(cue_lemmas)
    if any(t.lemma in cue_lemmas or t.lemma in cue_words for t in outside):
        return False  # *, die den Plan als „tot“ bezeichnete*: the clause has its own speaker
    unit_outside = [t for t in toks if t.q < 0]
    if any(t.lower in _SOURCE_WORDS for t in unit_outside):
        return False  # *Laut Polizei wurde der Mann, der „…“ war, …*: the source's account
    # *Es gebe Kunden, die für die „…“ nicht offen sind*: a relative clause of reported speech
    return not reported_konjunktiv([(t.text, t.lemma) for t in unit_outside])


def _cue_words(cue_lemmas: frozenset[str]) -> frozenset[str]:
    """The content words of multiword cue lemmas (*die Rede sein* -> *Rede*, *in Aussicht
    stellen* -> *Aussicht*, *stellen*): a relative clause that holds one holds the cue."""
    if not any(" " in c for c in cue_lemmas):
        return frozenset()
    return frozenset(
        w for c in cue_lemmas if " " in c for w in c.split() if w.lower() not in _CUE_FILLERS
    )


def judgement_holder(toks: Sequence[Tok], r: QuotedRegion) -> bool:
    """Is there *für* + a person or institution and a copula before the marks (*Was für die
    Ministerin eine „…“ ist*, *Für den Verband ist das „…“*)? The German frame of someone's
    judgement anywhere in the clause, not only at the unit's start (:func:`.scarecues.
    attitude_holder`); a generic holder (*für viele*) does not count."""
    first = first_token(toks, r)
    if first is None:
        return False
    for k in range(first):
        if toks[k].lower != "für" or toks[k].q >= 0 or k + 1 >= first:
            continue
        if toks[k + 1].lower in _GENERIC:
            continue
        cop = next(
            (j for j in range(k + 2, min(len(toks), k + 12)) if toks[j].lower in _COPULA), None
        )
        if cop is not None and speaker_like(toks, k + 1, min(cop, first)):
            return True
    return False


def phrase_shape(inner: str) -> bool:
    """The cheap part of :func:`authors_phrase`: four to six words, lower-case first, no
    comma (asked first, so that most quotations cost one ``split``)."""
    return inner[:1].islower() and "," not in inner and 4 <= len(inner.split()) <= 6


def authors_phrase_in_context(
    toks: Sequence[Tok],
    text: str,
    r: QuotedRegion,
    inner: str,
    cue_lemmas: frozenset[str],
    unit_start: int,
    *,
    speech_context: bool,
    voiced_cue: bool,
) -> bool:
    """:func:`authors_phrase` in a sentence without a speaker (no ``speech_context`` — a cue
    with a speaker, a source, a continuation —, no ``voiced_cue``, no Konjunktiv), or in an
    author's relative clause of a speaker's sentence (*lobte X die Helfer, denen „der Zugang
    zu allen Räumen“ offensteht*); never with a judgement holder at the unit's start. Cheap
    tests first: most quotations stop at the shape."""
    return (
        phrase_shape(inner)
        and (
            (not (speech_context or voiced_cue) and not reported_sentence(toks))
            or (speech_context and author_relative_clause(toks, text, r, cue_lemmas, unit_start))
        )
        and authors_phrase(toks, r, inner, cue_lemmas)
        and not attitude_holder(toks)
    )


def authors_phrase(
    toks: Sequence[Tok], r: QuotedRegion, inner: str, cue_lemmas: frozenset[str]
) -> bool:
    """Is a quotation of four to six words a lower-case phrase the author sets apart in a
    sentence without any speaker (*wird wegen „fahrlässiger Gefährdung des
    Straßenverkehrs“ ermittelt*, *legte „eine gute halbe Stunde später“ als angekündigt ab*)?

    The caller asks only for a unit without speech context, without a reporting verb that
    has a speaker and without Konjunktiv. Why lower case: a partial quotation of that length
    that is speech starts mid-sentence too, but then the sentence has a speaker; a name or
    title starts with a capital (*„Brothers to the Rescue“*). Not after *als* (*feierte die
    Absage als „großen Erfolg für …“*: a predicate of a judging verb, whoever judges), not
    with a comma inside (an enumeration or a clause), not when a capitalised word inside is
    no German common noun (*„documenta und Museum Fridericianum …“*: a name).
    """
    if not phrase_shape(inner):
        return False
    words = inner.split()
    if not cue_lemmas.isdisjoint(_SPEAKING_OF) or any("Rede" in c for c in cue_lemmas):
        return False  # *war von einem „…“ die Rede*: a document's or someone's wording
    first = first_token(toks, r)
    if first is None:
        return False
    before = [t for t in toks[max(0, first - 2) : first] if t.q < 0]
    if any(t.lower in _AS for t in before):
        return False
    if before and first - 1 > 0 and before[-1].i == first - 1:
        prev = before[-1].text
        if prev[:1].isupper() and known_common_noun(prev):
            return False  # *den Grundsatz „in dubio pro reo“*: close apposition, a name
    if judgement_holder(toks, r):
        return False
    for w in words[1:]:
        w = w.strip(".;:!?()[]")
        if w[:1].isupper() and not (
            (len(w) >= 7 and w.endswith(_NOUN_SUFFIXES)) or known_common_noun(w)
        ):
            return False
    return True


def epithet_before_name(toks: Sequence[Tok], text: str, r: QuotedRegion, inner: str) -> bool:
    """Is a quotation of one to three words a characterisation right before a name (*mit
    dem grünen „Realo“ Winfried Muster*, *den „Provinzclub“ FC Beispiel*, *den spröden,
    „preußischen“ Beamten Muster*)?

    Why: in German the class or role word of a close apposition stands before the name
    (*der Kanzler Max Muster*); put in quotation marks, that word is the author's
    characterisation of the named one, not a name (the name follows unquoted). Not when a
    capitalised word inside is no German common noun (*der „Eisernen Lady“ Margaret
    Thatcher*: a nickname, the guidelines' name), nor when a function word follows (*die
    „BILD am Sonntag“ Das …*: a new sentence without a full stop).
    Limits: the two capitalised words after the marks are taken for a name without a check
    (a lexicon of first names would miss most names in news text).
    """
    if not _TWO_CAPITALS_AFTER.match(text, r.end) or not 1 <= len(inner.split()) <= 3:
        return False
    last = last_token(toks, r)
    if last is None or last + 2 >= len(toks):
        return False
    a, b = toks[last + 1], toks[last + 2]
    if a.q >= 0 or b.q >= 0:
        return False
    for t in (a, b):
        if not (t.text[:1].isupper() and t.text.replace("-", "").isalpha()):
            return False
        if t.lower in DETERMINERS or t.lower in PRONOUNS or t.lower in _FUNCTION_CAPS:
            return False
    for w in inner.split():
        w = w.strip(".,;:!?()[]")
        # (a compound counts by a tail of six letters or more here: *Proceedings* is no
        # *Procee|dings*)
        if w[:1].isupper() and not (
            (len(w) >= 7 and w.endswith(_NOUN_SUFFIXES)) or known_common_noun(w, min_tail=6)
        ):
            return False
    return True


#: tails of nouns that name a statement or document (*in einem Schreiben*, *in der
#: Pressemitteilung*, *im Interview*, *in seiner Urteilsbegründung*)
_DOCUMENT_TAILS: tuple[str, ...] = (
    "schreiben",
    "brief",
    "bericht",
    "erklärung",
    "mitteilung",
    "stellungnahme",
    "interview",
    "gutachten",
    "urteil",
    "begründung",
    "antrag",
    "schrift",
    "papier",
    "dokument",
    "memorandum",
    "beschluss",
    "gespräch",
    "botschaft",
    "rede",
)
_IN = wordset("in im")


def document_frame(toks: Sequence[Tok], r: QuotedRegion) -> bool:
    """Does the clause open with *in* + a statement or document before the marks (*In ihrem
    Gutachten wurde auf „erhebliche Mängel“ verwiesen*, *Im Interview sprach sie von
    „Verrat“*)? The caller asks only when the unit has a reporting verb.

    Why: German names the source of an agentless report by the document it stands in; the
    quoted words are that document's, not the author's (the quoted-medium case *im
    „Standard“* is :func:`.scarecues.medium_of_statement`).
    Limits: the document noun must follow *in/im* within three words and stand before the
    marks.
    """
    first = first_token(toks, r)
    if first is None:
        return False
    for k in range(first):
        if toks[k].lower not in _IN or toks[k].q >= 0:
            continue
        for j in range(k + 1, min(first, k + 4)):
            t = toks[j]
            if t.q < 0 and t.text[:1].isupper() and t.lower.endswith(_DOCUMENT_TAILS):
                return True
    return False
