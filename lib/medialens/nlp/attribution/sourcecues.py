"""Source phrases and speech-act nouns: the cues whose speaker is a prepositional object, a
genitive attribute or the noun phrase after *so* (*laut X*, *X zufolge*, *nach Angaben von X*,
*, so X*, *die Forderung der Gewerkschaft, …*).

Why a module of its own: split out of :mod:`.cuefind` (verb cues) because the two finders
share only the :class:`.cuefind.CueHit` result and a few word lists; the code is unchanged.

Limits: see :func:`find_source_phrases` and :func:`find_noun_cues`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from medialens.nlp.attribution.cuefind import (
    _BOUNDARY,
    _COORD_AFTER_COMMA,
    _POSSESSIVE_DETERMINERS,
    CueHit,
    _genitive_name,
    _skip_trailing_pps,
    is_source_noun,
)
from medialens.nlp.attribution.konjunktiv import SINGULAR_KONJUNKTIV_II, is_konjunktiv
from medialens.nlp.attribution.nountail import (
    INSTRUMENT_NOUNS,
    clause_tail_comma,
    instrument_frame,
)
from medialens.nlp.attribution.phrases import (
    ADVERBS,
    DETERMINERS,
    PREPOSITIONS,
    RELATIVES,
    SUBORDINATORS,
    is_adjective,
    np_backward,
    np_forward,
    verb_form,
)
from medialens.nlp.attribution.sourcegenitive import (
    bare_genitive,
    non_dative_article,
    quoted_name_after_noun,
    quoted_name_before,
    source_noun_follows,
)
from medialens.nlp.attribution.sourcesense import (
    attributive_source,
    norm_gemaess,
    temporal_nach,
)
from medialens.nlp.attribution.subjects import with_apposition
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.attribution.zufolgeextent import widen_zufolge

_SO_OPENERS = frozenset([",", "–", "—"])
#: closing quotation marks (a *so X* source may follow one without a comma)
_CLOSING_MARKS = frozenset(["“", "”", "«", "»", '"', "‘", "’", "'"])
_DASHES = frozenset(["–", "—"])
_SO_CLOSERS = frozenset([",", ".", ";", "!", "?", ")", "(", ":"])
#: endings of a lower-case word after *laut* that make *laut* the adverb (*laut schreien*,
#: *laut gedacht*, *laut und deutlich*)
_LAUT_ADVERBIAL_END = ("en", "t", "te", "ten", "lich", "ig", "er", "e", "s")
_NOT_SOURCES = wordset("und oder aber als wie")


def _lower_case_source(toks: Sequence[Tok], i: int) -> bool:
    """Is the lower-case word after *laut* at ``i`` a source (*laut dpa*, *laut ap*,
    *laut bildblog.de*), not a verb or adverb (*laut schreien*, *laut gedacht*)?"""
    if i + 1 >= len(toks) or (i > 0 and toks[i - 1].lower in _DEGREE):
        return False
    nxt = toks[i + 1]
    t = nxt.text
    if nxt.q >= 0 or not t[:1].isalpha() or not t[:1].islower() or nxt.lower in _NOT_SOURCES:
        return False
    return "." in t or "-" in t or not nxt.lower.endswith(_LAUT_ADVERBIAL_END)


#: degree words before *laut* that make it the adjective (*sehr laut*, *zu laut*)
_DEGREE = wordset("sehr zu so ganz ziemlich recht besonders etwas allzu nicht")


def governed_phrase(toks: Sequence[Tok], j: int, i: int) -> bool:
    """Is the noun phrase ``toks[j:i]`` before *nach* the object of a preposition (*In einer
    Stellungnahme nach dem Angriff …*)? A postposed source phrase (*ihrer Meinung nach*) is a
    free dative; after a preposition the phrase is governed, and *nach* opens a phrase of its
    own (here a time: after the attack). Limits: only a preposition right before the phrase,
    and only when *nach* is followed by a dative article (*nach dem*, *nach einem*), the
    temporal and local reading; *nach Angaben der Polizei* keeps its own rule."""
    return (
        j >= 1
        and toks[j - 1].lower in PREPOSITIONS
        and toks[j - 1].q < 0
        and i + 1 < len(toks)
        and toks[i + 1].lower in _DATIVE_ARTICLES
    )


#: dative articles after a preposition *nach* (time or place: *nach dem Angriff*)
_DATIVE_ARTICLES: frozenset[str] = wordset("dem einem der einer den")


def find_source_phrases(toks: Sequence[Tok]) -> list[CueHit]:
    """*laut X*, *X zufolge*, *nach Angaben (von) X*, *, so X* — the cue is the preposition."""
    out: list[CueHit] = []
    n = len(toks)
    for tok in toks:
        if tok.q >= 0:
            continue
        low = tok.lower
        i = tok.i
        if low == "laut" and i + 1 < n:
            sp = np_forward(toks, i + 1)
            if sp is None and _lower_case_source(toks, i):
                sp = (i + 1, i + 2)  # *laut dpa*, *laut bildblog.de*
            if sp is not None and not attributive_source(toks, i):
                out.append(CueHit((i,), "laut", "neutral", True, sp))
        elif (
            low == "nach"
            and i >= 2
            and toks[i - 1].lower == "vernehmen"
            and toks[i - 2].lower == "dem"
        ):
            # *dem Vernehmen nach* (it is said): a source phrase without a named source; the
            # phrase stands for it, as *Demnach* does
            out.append(CueHit((i - 2, i - 1, i), "dem Vernehmen nach", "neutral", True, (i - 2, i)))
        elif (
            low == "nach"
            and i >= 1
            and is_source_noun(toks[i - 1].lower)
            and not _addressee_or_alternative(toks, i - 1)
            and not source_noun_follows(toks, i)
        ):
            # postposition: *ihrer Meinung nach*, *eigenen Angaben nach* (not *das Gesetz
            # nach Meinung der X*: there *nach* is the preposition of the phrase after it)
            j = i - 1
            while (
                j > 0
                and toks[j].lower not in _POSSESSIVE_DETERMINERS
                and (toks[j - 1].lower in DETERMINERS or is_adjective(toks[j - 1]))
            ):
                j -= 1  # (a possessive opens the phrase: *die ihrer Meinung nach …*)
            if (
                not attributive_source(toks, j)
                and not non_dative_article(toks[j])
                and not governed_phrase(toks, j, i)
            ):
                out.append(CueHit((i,), "nach Angaben", "neutral", True, (j, i)))
        elif low == "aus" and i + 2 < n and toks[i + 1].lower == "sicht":
            sp = np_forward(toks, i + 2) if toks[i + 2].lower != "von" else np_forward(toks, i + 3)
            if sp is not None:
                out.append(CueHit((i, i + 1), "aus Sicht", "neutral", True, (i + 1, sp[1])))
        elif low == "gemäß" and i + 1 < n:
            sp = np_forward(toks, i + 1)
            if sp is not None and not norm_gemaess(toks, sp):
                out.append(CueHit((i,), "gemäß", "neutral", True, sp))
        elif (
            low == "demnach"
            and i + 2 < n
            and toks[i + 1].text != ","
            and (i == 0 or not any(t.text in SINGULAR_KONJUNKTIV_II for t in toks[:i]))
        ):
            # anaphoric source (*Demnach habe sie …*, *Er soll demnach …*): the adverb stands
            # for the source, at the start or in the middle field (not the inference *X wäre
            # demnach …*, "therefore")
            out.append(CueHit((i,), low, "neutral", True, (i, i + 1)))
        elif i == 0 and low in _REPORTING_OPENERS and n > 3 and _reporting_verb_after(toks[1]):
            # *Danach soll er …*, *Danach sei die Lage …*: an opening *Danach* before a
            # Konjunktiv I or hearsay *sollen* refers to the source of the sentence before (a
            # temporal *Danach ging er* has neither). (*So sei …* is left to the
            # continuation rule: it continues the current speaker.)
            out.append(CueHit((i,), low, "neutral", True, (i, i + 1)))
        elif (
            low == "folge"
            and i > 1
            and toks[i - 1].lower == "zu"
            and tok.text == "Folge"
            and (i + 1 >= n or toks[i + 1].lower not in ("haben", "hat", "hatte", "hatten"))
        ):
            # *Gerüchten zu Folge*: the spelling of *zufolge* in two words
            sp = np_backward(toks, i - 1)
            if sp is not None:
                out.append(CueHit((i - 1, i), "zufolge", "neutral", True, sp))
        elif low == "wonach" and i > 1 and toks[i - 1].text == ",":
            # *ein Bericht, wonach …*: the noun before the comma is the source
            sp = np_backward(toks, i - 1) or quoted_name_after_noun(toks, i - 1)
            if sp is not None:
                out.append(CueHit((i,), "wonach", "neutral", True, sp))
        elif low == "zufolge" and i > 0:
            sp = np_backward(toks, i) or quoted_name_before(toks, i)
            if sp is not None:
                sp = widen_zufolge(toks, _dative_start(toks, sp))
                out.append(CueHit((i,), "zufolge", "neutral", True, sp))
        elif low == "nach" and i + 1 < n:
            j = i + 1
            while j < n and (
                toks[j].lower in DETERMINERS
                or is_adjective(toks[j])
                or (
                    j == i + 1
                    and j + 1 < n
                    and _genitive_name(toks[j])
                    and toks[j + 1].q < 0
                    and is_source_noun(toks[j + 1].lower)
                )
            ):
                j += 1
            if (
                j < n
                and is_source_noun(toks[j].lower)
                and not _addressee_or_alternative(toks, j)
                and not temporal_nach(toks, i, j)
                and not attributive_source(toks, i)
            ):
                # the phrase after *nach* with its adjectives (*nach ersten Angaben*)
                head = i + 1 if all(is_adjective(t) for t in toks[i + 1 : j]) else j
                if j > i + 1 and _genitive_name(toks[j - 1]):
                    head = j - 1  # *nach Webers Meinung*: the name is the source
                k = j + 1
                if k < n and toks[k].lower in _SOURCE_ATTRIBUTE_OPENERS:
                    sp = np_forward(toks, k + 1 if toks[k].lower in ("von", "aus") else k)
                    if (
                        sp is None
                        and toks[k].lower in ("von", "aus")
                        and _lower_case_source(toks, k)
                    ):
                        sp = (k + 1, k + 2)  # *nach Angaben von dpa*, *nach Ansicht von ai*
                    sp = (head, sp[1]) if sp is not None else (head, j + 1)
                elif k < n and bare_genitive(toks, k):
                    # *nach Angaben libanesischer Behörden*, *nach Meinung Russlands*
                    sp = np_forward(toks, k)
                    sp = (head, sp[1]) if sp is not None else (head, j + 1)
                else:
                    sp = (head, j + 1)
                if not governed_at_end(toks, i, sp[1]):
                    out.append(CueHit((i,), "nach Angaben", "neutral", True, sp))
        elif (
            low == "so"
            and 0 < i < n - 1
            and tok.text == "so"
            and (
                toks[i - 1].text in _SO_OPENERS
                # *»…« so X.*: the comma after a closing quotation mark is often left out
                or (toks[i - 1].q >= 0 and toks[i - 1].text in _CLOSING_MARKS)
            )
        ):
            nxt = toks[i + 1]
            if nxt.lower == "wie" or (
                nxt.text[:1].islower() and nxt.lower not in DETERMINERS and verb_form(nxt)
            ):
                # *…, so wie X*: a comparison; *…, so lernen die Kinder …*: a verb opens a
                # clause (a reporting verb there is a frame: :mod:`.frames`), no source phrase
                continue
            sp = np_forward(toks, i + 1)
            if (
                sp is not None
                and sp[1] + 1 < n
                and toks[sp[1] - 1].text.endswith("-")
                and toks[sp[1]].lower in ("und", "oder")
            ):
                # *so Kongress- und Verteidigungskreise*: an elliptic compound
                rest = np_forward(toks, sp[1] + 1)
                sp = (sp[0], rest[1]) if rest is not None else sp
            if sp is not None and _quoted_words(toks, sp):
                sp = None  # *…, so „schütze sie Gott“*: quoted words, not a quoted name
            if sp is not None:
                after = sp[1]
                while after < n and toks[after].lower in ADVERBS:
                    after += 1  # *so X weiter:*
                after = _skip_trailing_pps(toks, after)  # *so X im Fernsehen.*
                closers = _DASHES if toks[i - 1].text in _DASHES else _SO_CLOSERS
                if after >= n or toks[after].text in closers:
                    out.append(CueHit((i,), "so", "neutral", True, sp))
    return out


#: clause ends after a source phrase
_CLAUSE_ENDS = frozenset([".", "!", "?", ";", ":"])
#: what sets off a source phrase after its clause (*…, nach Angaben der Polizei.*)
_SET_OFF = frozenset([",", "(", "–", "—"])


def governed_at_end(toks: Sequence[Tok], i: int, end: int) -> bool:
    """Is the *nach* phrase at ``i`` (ending at ``end``) the last phrase of its clause without
    a comma, dash or bracket before it (*Die Polizei suchte nach Dokumenten.*, *Er fragte
    nach Zahlen.*)? A source phrase after its clause is set off (*Die Brücke ist gesperrt,
    nach Angaben der Polizei.*); a bare phrase at the end is the object of the verb.
    Limits: a source appended without a comma (*… gesperrt nach Angaben der Polizei.*) is
    lost; only the token right before *nach* is looked at."""
    if end < len(toks) and toks[end].text not in _CLAUSE_ENDS:
        return False
    return i == 0 or toks[i - 1].text not in _SET_OFF


def _quoted_words(toks: Sequence[Tok], sp: tuple[int, int]) -> bool:
    """Is the phrase after *so* a quotation whose first word is lower case (*so „schütze
    sie Gott“* after a conditional clause: *so* is its correlative, the marks quote
    words)? A quoted name that is a source starts with a capital (*so „Der Bund“*)."""
    a, b = sp
    if toks[a].q < 0:
        return False
    first = next((t for t in toks[a:b] if t.text[:1].isalpha()), None)
    return first is not None and first.q >= 0 and first.text[:1].islower()


#: determiners that open the dative object of *zufolge* (never a genitive attribute)
_DATIVE_DETERMINERS = wordset("dem den einem diesem diesen seinem seinen ihrem ihren")


def _dative_start(toks: Sequence[Tok], sp: tuple[int, int]) -> tuple[int, int]:
    """The object of *zufolge* starts at its dative determiner: a noun phrase before it is
    the clause's subject or object (*zumal das Wasser den Prognosen zufolge sinkt*)."""
    a, b = sp
    for k in range(b - 1, a, -1):
        if toks[k].lower in _DATIVE_DETERMINERS and toks[k - 1].text[:1].isupper():
            return (k, b)
    return sp


#: adjectives of a source noun that name no source but an alternative figure (*nach anderen
#: Angaben 110 Kilometer*)
_SENTENCE_OPENERS = frozenset(['"', "„", "»", ":", "(", "-", "–"])
_ALTERNATIVE_ADJECTIVES = wordset("anderen abweichenden weiteren unterschiedlichen")
#: possessives of the addressee (*Ihrer Meinung nach*, *deiner Ansicht nach*): the phrase is
#: part of a question to the interviewee, not a source
_ADDRESSEE_POSSESSIVES = wordset("deiner deinen deinem eurer euren eurem")


def _addressee_or_alternative(toks: Sequence[Tok], noun: int) -> bool:
    """Is the source noun at ``noun`` (*Angaben*, *Meinung*) modified by an addressee
    possessive (*Ihrer*, capitalised inside the sentence; *deiner*) or an adjective of an
    alternative figure (*anderen Angaben*), so that it names no source?"""
    j = noun - 1
    while j >= 0 and (toks[j].lower in DETERMINERS or is_adjective(toks[j])):
        t = toks[j]
        if t.lower in _ALTERNATIVE_ADJECTIVES or t.lower in _ADDRESSEE_POSSESSIVES:
            return True
        if (
            t.text in ("Ihrer", "Ihren", "Ihrem")
            and j > 0
            and toks[j - 1].text not in _SENTENCE_OPENERS
        ):
            return True
        j -= 1
    return False


#: words after a source noun that open its source (*nach Angaben der Polizei*, *eines
#: Experten*, *von X*)
_SOURCE_ATTRIBUTE_OPENERS = wordset("von vom des der aus eines einer seines seiner ihres ihrer")
#: sentence-initial adverbs that point back to a source when the verb is reported speech
_REPORTING_OPENERS = wordset("danach")


def _reporting_verb_after(tok: Tok) -> bool:
    """Is ``tok`` (the finite verb after an opening adverb) a Konjunktiv I (not the singular
    Konjunktiv II of a counterfactual) or hearsay *soll/sollen*?"""
    if tok.q >= 0:
        return False
    if tok.lower in ("soll", "sollen"):
        return True
    return is_konjunktiv(tok.text, tok.lemma) and tok.text not in SINGULAR_KONJUNKTIV_II


#: words that open a genitive attribute or *von*-phrase after a speech-act noun
#: (*die Forderung der Gewerkschaft*, *des Ministers*, *von Greenpeace*)
_GENITIVE_OPENERS = wordset("der des eines einer seines seiner ihres ihrer von vom")
#: prepositions of the addressee or target of a speech act (*die Kritik der Opposition an
#: der Regierung*, *der Vorwurf X gegen Y*, *die Forderung X nach Y*): they end its attribute
_TARGET_PREPOSITIONS = wordset("an gegen gegenüber nach")
#: the longest genitive attribute taken between a noun cue and its comma (tokens)
MAX_GENITIVE = 7


def _genitive_attribute(toks: Sequence[Tok], k: int) -> tuple[int, int] | None:
    """The genitive attribute or *von*-phrase starting at ``k`` and ending before a comma:
    ``(start, end)`` without the preposition *von*, else None. A capitalised word must be in
    it (the noun or name), and no punctuation, verb-like lower-case word or quotation."""
    n = len(toks)
    if k >= n or toks[k].lower not in _GENITIVE_OPENERS or toks[k].q >= 0:
        return None
    end = k + 1
    while end < n and end - k <= MAX_GENITIVE and toks[end].text != ",":
        t = toks[end]
        if t.q >= 0 or t.text in _BOUNDARY or t.lower in _COORD_AFTER_COMMA:
            return None
        end += 1
    if end >= n or toks[end].text != "," or end - k > MAX_GENITIVE:
        return None
    if not any(t.text[:1].isupper() for t in toks[k + 1 : end]):
        return None
    start = k + 1 if toks[k].lower in ("von", "vom") else k
    target = next(
        (
            j
            for j in range(k + 2, end)
            if toks[j].lower in _TARGET_PREPOSITIONS and toks[j - 1].text[:1].isupper()
        ),
        None,
    )
    if target is not None:
        # *der Vorwurf der Regierung an die Zeitung, …*: the addressee or target after the
        # attribute's noun is the speech act's, not part of who speaks
        return start, target
    if _verbal_tail(toks, k + 1, end):
        # *Die Vermutungen der Forscher gehen dahin, dass …*: the attribute is the noun
        # phrase before the rest of the clause; in a subordinate clause (*Wer über Fragen der
        # Kunst entscheiden will, …*) the comma closes that clause, and what follows is the
        # main clause, no complement
        if _in_subordinate_clause(toks, k - 1):
            return None
        head = max(j for j in range(k + 1, end) if toks[j].text[:1].isupper())
        return start, head + 1
    return start, end


def _verbal_tail(toks: Sequence[Tok], a: int, end: int) -> bool:
    """Do lower-case words end the stretch ``a:end`` without a noun after them (*der
    Regierung darüber nicht fehlen*, *der Kunst Entscheidungen treffen will*)?

    Why: a genitive attribute is a noun phrase; its lower-case words (articles, adjectives,
    *und*, *von*) stand before a capitalised noun or name. Words with none after them are the
    rest of a clause, and the comma after them closes that clause, not the attribute.
    Limits: a lower-case name particle at the very end (*des Hauses van*) also counts as a
    clause rest.
    """
    return toks[end - 1].text[:1].islower() and toks[end - 1].text[:1].isalpha()


#: words that open a subordinate clause besides the subordinators (*wer, was*)
_FIRST_OPENERS: frozenset[str] = SUBORDINATORS | wordset("wer was wem wen wessen")
_CLAUSE_OPENERS: frozenset[str] = _FIRST_OPENERS | RELATIVES


def _in_subordinate_clause(toks: Sequence[Tok], i: int) -> bool:
    """Does the clause of token ``i`` (from the last comma before it) open with a
    subordinator, relative or w-pronoun?"""
    a = next((j + 1 for j in range(i - 1, -1, -1) if toks[j].text == "," and toks[j].q < 0), 0)
    if a >= len(toks):
        return False
    # (a relative pronoun only after a comma: *Die Vermutungen …* opens a main clause)
    return toks[a].lower in (_CLAUSE_OPENERS if a > 0 else _FIRST_OPENERS)


def _self_reproach(toks: Sequence[Tok], i: int) -> bool:
    """Is the noun the object of reflexive *sich … machen* (*machte sich Vorwürfe*, *sich
    große Vorwürfe gemacht hatte*)?

    Why: *sich Vorwürfe machen* is self-reproach, a feeling; *jemandem Vorwürfe machen*
    (dative of a person) is the speech act. Limits: only *sich* within three words before
    the noun and a form of *machen* within six words on either side.
    """
    if not any(toks[j].lower == "sich" and toks[j].q < 0 for j in range(max(0, i - 3), i)):
        return False
    lo, hi = max(0, i - 6), min(len(toks), i + 7)
    return any(toks[j].lemma == "machen" and toks[j].q < 0 for j in range(lo, hi))


def find_noun_cues(toks: Sequence[Tok], nouns: Mapping[str, Any] | None = None) -> list[CueHit]:
    """Speech-act nouns before a comma (*mit der Gegenfrage, warum …*), also after their
    genitive attribute (*die Forderung der Gewerkschaft, die Löhne anzuheben*); the caller
    checks that a complement clause follows.

    ``nouns``: the lexicon's noun senses (lower-case lemma → :class:`.lexicon.CueSense`;
    default: the bundled lexicon's). The speaker is the genitive attribute when the noun's
    ``speaker`` roles allow it (``speaker`` of the hit), else the clause subject (the caller
    finds it). Limits: compounds (*Rücktrittsforderung*) are not matched; an attribute of
    more than :data:`MAX_GENITIVE` tokens is not taken.
    """
    if nouns is None:
        from medialens.nlp.attribution.lexicon import bundled_cue_index

        nouns = bundled_cue_index().nouns
    out: list[CueHit] = []
    n = len(toks)
    for tok in toks:
        if tok.q >= 0 or not tok.text[:1].isupper() or tok.i + 1 >= n:
            continue
        sense = nouns.get(tok.lower)
        if sense is None:
            # an inflected form (*Vorwürfe*, *Behauptungen*): by its lemma
            sense = nouns.get(tok.lemma.lower()) if tok.lemma != tok.text else None
            if sense is None:
                continue
        if _self_reproach(toks, tok.i):
            continue
        if tok.lower in INSTRUMENT_NOUNS and not instrument_frame(toks, tok.i):
            continue
        speaker: tuple[int, int] | None = None
        if toks[tok.i + 1].text != ",":
            if "genitive" in sense.speaker:
                speaker = _genitive_attribute(toks, tok.i + 1)
                if speaker is not None:
                    # *die Ankündigung ihres Trainers, Hans Meier, die Arbeit … zu beenden*:
                    # the name apposition belongs to the speaker; the content follows it
                    speaker = with_apposition(toks, speaker, n)
            if speaker is None and (
                clause_tail_comma(toks, tok.i) is None or _in_subordinate_clause(toks, tok.i)
            ):
                # (*Kritik wird laut, dass …*: the noun's clause closes before the comma;
                # not in a subordinate clause: *Als die Erklärung vorlag, die Gäste …*)
                continue
        out.append(
            CueHit(
                (tok.i,),
                tok.text,
                sense.category,
                speaker=speaker,
                speech=tuple(sense.speech),
                noun=True,
                speaker_roles=tuple(sense.speaker),
                message=tuple(sense.message),
                subjects=tuple(sense.subjects),
            )
        )
    return out
