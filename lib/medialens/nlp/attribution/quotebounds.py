"""Where a reported clause begins and ends inside its sentence (quotation boundaries).

Why a module of its own: the steps that find a quotation (a cue's complement, a Konjunktiv
continuation, *Dies sagte X*) decide *that* something was said; the rules here decide *how
much* of the sentence it is, from German clause structure alone (comma-parts, the mood and
position of the finite verb), without a parser. Kept apart so that the steps stay unchanged
and these rules can be measured one by one (issue #13, boundary errors).

Conventions of the annotation scheme that the rules follow (checked on the training split):

* the reporter's own indicative main clause is not part of a Konjunktiv clause that it
  contains (*Der Verein reagierte gelassen auf die Vorwürfe, die Kasse sei geprüft worden* →
  *die Kasse sei geprüft worden*; *Zwei Jugendliche wurden kontrolliert, sie sollen … haben*
  → *sie sollen … haben*);
* a complement that is a verb-final clause (*dass/ob/w-*, a *zu*-infinitive) ends before a
  comma that is followed by a finite verb: that verb belongs to the matrix clause (*…, ihre
  Stände früher abzubauen, blieb der Markt leer*; *versicherte, dass der Haushalt
  ausgeglichen sei, nannte aber keine Zahlen*).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medialens.nlp.attribution.clausebounds import (
    WH_WORDS,
    _attributive,
    _complement_end,
    _verb_opens,
)
from medialens.nlp.attribution.continuations import SUBORDINATE_OPENERS
from medialens.nlp.attribution.konjunktiv import is_konjunktiv, reported_konjunktiv
from medialens.nlp.attribution.phrases import ADVERBS, AUXILIARIES, FUNCTION_WORDS, SUBORDINATORS
from medialens.nlp.attribution.scan import HEARSAY
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: finite auxiliaries and modals that are only indicative (not *haben/werden/können*, which
#: are also infinitives, nor *soll/sollen*, the hearsay modal that reports speech itself)
INDICATIVE_AUXILIARIES: frozenset[str] = wordset(
    "hat hatte hatten ist war sind waren wurde wurden wird kann konnte konnten will wollte "
    "wollten muss musste mussten darf durfte lässt ließ ließen"
)


def indicative_finite(tok: Tok) -> bool:
    """Is the lower-case ``tok`` a finite verb in the indicative (*ist, wurde, kursiert, kam,
    bestätigte*)?

    Limits: main verbs are told by their lookup lemma (a lemma in *-n* that differs from the
    form, the form not in *-en*): a plural present that equals the infinitive (*begegnen*) is
    left out, as is a *ge-…-t* participle; a capitalised verb at the start of a sentence
    (*Hieß es …*) is not looked at, the lookup table has no lemma for it.
    """
    if tok.q >= 0:
        return False
    low = tok.lower
    if low in INDICATIVE_AUXILIARIES:
        return True
    if (
        not tok.text[:1].islower()
        or low in FUNCTION_WORDS
        or low in AUXILIARIES
        or low.endswith("en")
        or not low.isalpha()
        or is_konjunktiv(tok.text, tok.lemma)
    ):
        return False
    lemma = tok.lemma.lower()
    if lemma == low or not lemma.endswith("n"):
        return False
    return not (low.startswith("ge") and low.endswith("t"))  # (not a participle)


def _parts(toks: Sequence[Tok]) -> list[tuple[int, int]]:
    """The comma-parts of a unit (commas outside quotations)."""
    bounds = [-1, *(k for k, t in enumerate(toks) if t.text == "," and t.q < 0), len(toks)]
    return [(bounds[i] + 1, bounds[i + 1]) for i in range(len(bounds) - 1)]


def _reported_part(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Does the comma-part carry indirect speech: a Konjunktiv I (or plural Konjunktiv II)
    form, or the hearsay modal *soll/sollen* in second position?"""
    words = [t for t in toks[a:b] if t.q < 0]
    if reported_konjunktiv([(t.text, t.lemma) for t in words]):
        return True
    return any(t.lower in HEARSAY for t in words[1:4])


def konjunktiv_after_indicative(toks: Sequence[Tok]) -> tuple[int, int] | None:
    """The token range of the Konjunktiv clause of a sentence whose main clause is the
    reporter's, in the indicative, or None when the sentence is reported as a whole.

    *Der Verein reagierte gelassen auf die Vorwürfe, die Kasse sei geprüft worden* → *die Kasse
    sei geprüft worden*; *Die Sorge, das Eis sei zu dünn, erwies sich als unbegründet* → *das
    Eis sei zu dünn*; *Vermutete man anfangs, dass ein Kabel defekt sei, prüft die Firma nun
    …* → *dass ein Kabel defekt sei*. Not when the first
    comma-part already has the Konjunktiv (*Er sei krank, sagte er nicht*: left to the caller),
    when the Konjunktiv part opens with its finite verb (the main clause after a fronted
    subordinate clause or after a subject with its relative clause: *Nachdem er gekommen war,
    habe er …*; *Die Männer, die gestern kamen, seien …*), or when no indicative verb outside
    a subordinate clause precedes it and none follows it.

    Why: the gold convention annotates the Konjunktiv clause only; the indicative frame
    states what the reporter vouches for. The clause ends before the matrix goes on with an
    indicative finite verb (:func:`.clausebounds._complement_end`).
    """
    # (cheap tests first: most continuations have no comma or open with their Konjunktiv)
    c = next((k for k, t in enumerate(toks) if t.q < 0 and t.text == ","), None)
    if c is None or _reported_part(toks, 0, c):
        return None
    parts = _parts(toks)
    first_k = next((i for i, (a, b) in enumerate(parts) if i and _reported_part(toks, a, b)), None)
    if first_k is None:
        return None
    ka, _kb = parts[first_k]
    opener = toks[ka]
    if opener.q < 0 and (is_konjunktiv(opener.text, opener.lemma) or opener.lower in HEARSAY):
        return None
    n = len(toks)
    end = verb_final_complement_end(toks, ka, _complement_end(toks, ka, n))
    if end == n and not _subordinate_part(toks, ka):
        # a verb-second Konjunktiv clause ends before an indicative verb after the next comma
        # (*Auch die Vermutung, der Brand sei gelegt worden, bestätigte sich nicht*)
        k = next((j for j in range(ka + 1, n - 1) if toks[j].text == "," and toks[j].q < 0), None)
        if k is not None and _indicative_opens(toks, k + 1):
            end = k
    lead_main = any(
        not _subordinate_part(toks, a) and any(indicative_finite(toks[k]) for k in range(a, b))
        for a, b in parts[:first_k]
    )
    if not lead_main and (end >= n or _subordinate_part(toks, 0)):
        return None
    return ka, end


def _subordinate_part(toks: Sequence[Tok], a: int) -> bool:
    """Does the comma-part at ``a`` open a subordinate clause? (At the start of the unit a
    *der/die/das* is an article, after a comma it may open a relative clause.)"""
    low = toks[a].lower
    if a == 0:
        return low in SUBORDINATORS
    if low in _ARTICLE_LIKE and a + 1 < len(toks) and toks[a + 1].text[:1].isupper():
        return False  # *…, der Brand sei …*: an article before its noun
    return low in SUBORDINATE_OPENERS


_ARTICLE_LIKE = wordset("der die das den dem")


def _indicative_opens(toks: Sequence[Tok], k: int) -> bool:
    """Does the comma-part at ``k`` open with an indicative finite verb (not an inflected
    adjective before its noun, not a Konjunktiv)?"""
    t = toks[k]
    return (
        _verb_opens(toks, k)
        and not is_konjunktiv(t.text, t.lemma)
        and t.lower not in HEARSAY
        and not _attributive(toks, k)
    )


def verb_final_complement_end(toks: Sequence[Tok], a: int, end: int) -> int:
    """Where a complement that opens as a verb-final clause ends: before the first comma
    (outside quotations) after which a finite verb follows (*…, ihre Stände früher abzubauen,
    blieb der Markt leer*; *versicherte, dass der Haushalt ausgeglichen sei, nannte aber keine
    Zahlen*).

    Why: a *dass/ob/w*-clause or a *zu*-infinitive ends with its own verb; a finite verb
    right after it opens the matrix clause again (after a fronted clause, or in a
    coordination that leaves out the subject), in either mood. A verb-second complement
    (*er sei krank, habe aber …*) is not affected: there the second verb is part of what
    was said. Only the first comma counts: a later one may close a relative clause inside
    the complement (*dass die Männer, die kamen, gingen*).
    """
    if a >= end:
        return end
    first = toks[a].lower
    dash = next(
        (j for j in range(a + 1, end) if toks[j].q < 0 and toks[j].text in (",", "–", "—")), None
    )
    if dash is not None and toks[dash].text != "," and _zu_infinitive_before(toks, a, dash):
        return dash  # *…, die Häuser zu verlassen – die Hälfte davon in X*: a remark
    k = next((j for j in range(a + 1, end) if toks[j].text == "," and toks[j].q < 0), None)
    if k is None or k + 1 >= end:
        return end
    verb_final = (first in WH_WORDS and first != "wie") or _zu_infinitive_before(toks, a, k)
    if not verb_final:
        return end
    if _verb_opens(toks, k + 1) and not _attributive(toks, k + 1):
        return k
    if _adverb_then_indicative(toks, k, end) and (
        first not in WH_WORDS or _finite_before(toks[k - 1])
    ):
        return k
    return end


#: conjunctions among the adverbs: after them the verb may be a coordinated verb of the
#: complement's own clause (*…, und wurde …* is handled by :func:`.clausebounds._complement_end`);
#: a correlative *so* opens the main clause after a fronted conditional or concessive clause
#: (*Wenn er verspricht, X zu tun, so wird …*) whose complement the gold keeps with it
_COORDINATORS = wordset("und oder aber sondern denn doch so")


def _adverb_then_indicative(toks: Sequence[Tok], k: int, end: int) -> bool:
    """Does a verb-second main clause in the indicative follow the comma at ``k``: one
    lower-case adverb, then an indicative finite verb (*…, dass es lange halten werde,
    später wurde es abgerissen*)?"""
    if k + 2 >= end:
        return False
    adv, verb = toks[k + 1], toks[k + 2]
    return (
        adv.q < 0
        and adv.text.isalpha()
        and adv.text[:1].islower()
        and (adv.lower in ADVERBS or adv.lower not in FUNCTION_WORDS)
        and adv.lower not in _COORDINATORS
        and adv.lower not in SUBORDINATE_OPENERS
        and not _verb_opens(toks, k + 1)
        and indicative_finite(verb)
    )


def _finite_before(tok: Tok) -> bool:
    """Does a verb-final clause end with its finite verb at ``tok`` (*…, dass es halte*,
    *…, ob er komme*, *…, dass sie gewonnen hat*)?"""
    return tok.q < 0 and (
        is_konjunktiv(tok.text, tok.lemma) or tok.lower in HEARSAY or indicative_finite(tok)
    )


def _zu_infinitive_before(toks: Sequence[Tok], a: int, k: int) -> bool:
    """Does the comma-part ``toks[a:k]`` end in a *zu*-infinitive (*zu öffnen*,
    *abzuschreiben*, *stimmen zu wollen*)?"""
    if k - a < 2:
        return False
    last, before = toks[k - 1], toks[k - 2]
    if before.lower == "zu" and last.lower.endswith("n"):
        return True
    return _FUSED_ZU.fullmatch(last.text) is not None


#: an infinitive with *zu* inside a separable verb (*abzuschreiben*, *anzunehmen*)
_FUSED_ZU = re.compile(r"[a-zäöü]+zu[a-zäöü]+en")


def paragraph_antecedent(
    text: str, first: Sequence[Tok], before: Sequence[Tok], prev_start: int
) -> int | None:
    """Where the antecedent of *Dies/Das sagte X* starts when the sentence before it is the
    second of its paragraph: at the paragraph's first sentence ``first`` (its tokens; the
    tokens of the sentence before that are ``before``), else None (the sentence before
    alone, ``prev_start``).

    Why: the anaphor takes up what the paragraph has said so far; in a short paragraph of
    two sentences and the frame, both sentences are the statement (on the training split 8
    of 9 such antecedents, against 1 sentence in paragraphs of three or more). Not across a
    paragraph break.
    """
    if not first or "\n" in text[first[-1].end : prev_start]:
        return None
    if before and "\n" not in text[before[-1].end : first[0].start]:
        return None  # the paragraph has more sentences before: the last one only
    return first[0].start


def coordinated_frame(toks: Sequence[Tok], p: int, lo: int) -> bool:
    """Does the reporting verb at ``p`` open a coordinated frame of its own after a comma
    (*…, aber die Kontrolleurin berichtete, …*; *…, aber stets bestritten, …*; *…, zugleich
    aber betont, …*) rather than stand inside the reported content?

    The comma-part before the verb (after ``lo``) opens with a coordinator, or has one in
    second place after an adverb, and holds no Konjunktiv: a Konjunktiv there (*…, doch die
    Firma habe erklärt, …*) makes the second frame part of what was said.
    """
    c = next((k for k in range(p - 1, lo, -1) if toks[k].text == "," and toks[k].q < 0), None)
    if c is None or p - c > 9:
        return False
    seg = toks[c + 1 : p]
    if not seg or not any(t.lower in _FRAME_COORDINATORS for t in seg[:2]):
        return False
    return not any(t.q >= 0 or is_konjunktiv(t.text, t.lemma) for t in seg)


#: coordinators that open a new main clause, also with its subject (*doch X erklärte*)
_FRAME_COORDINATORS = wordset("doch aber jedoch sondern allerdings")


def extraposed_infinitive(toks: Sequence[Tok], ci: int, last: int) -> tuple[int, int] | None:
    """The *zu*-infinitive after a non-finite reporting verb without a comma (*Die Gemeinde hat
    versprochen den Spielplatz zu erneuern*; optional comma in the 1996 rules, and usually absent
    in older text), as a token range, or None.

    The cue must close its verb bracket (an auxiliary before it in its clause: the cue is a
    participle or infinitive), and everything after it up to the end of the unit is one
    infinitive group: no comma, no finite verb, ending in *zu* + infinitive (*zu erhöhen*,
    *niederzulegen*, *zu wollen*).
    """
    n = len(toks)
    b = n
    while b > last + 1 and toks[b - 1].text in _END_PUNCT:
        b -= 1
    a = last + 1
    if b - a < 2 or toks[ci].q >= 0 or not _zu_infinitive_before(toks, a, b):
        return None  # (the cheap test first: this runs for every cue without a comma after it)
    group = toks[a:b]
    if any(t.q < 0 and (t.text in _MARKS or t.lower in AUXILIARIES) for t in group[:-1]):
        return None
    if group[0].lower in ("zu", "um", "ohne", "statt", "anstatt"):
        return None
    start = a
    while start > 0 and not (toks[start - 1].text in _MARKS and toks[start - 1].q < 0):
        start -= 1
    return (a, b) if any(t.q < 0 and t.lower in AUXILIARIES for t in toks[start:ci]) else None


_END_PUNCT = frozenset(".!?;:")
_MARKS = frozenset(",;:()–—")


def ends_its_sentence(text: str, end: int, next_start: int) -> bool:
    """Does a quotation ending at ``end`` run to the end of its sentence (only punctuation,
    closing marks and space before the next unit at ``next_start``)? A Konjunktiv clause cut
    out of an indicative sentence (*…, dass ein Kabel defekt sei, prüft die Firma nun …*) does not, and the
    next sentence then starts a quotation of its own instead of joining it."""
    return not text[end:next_start].strip(_SENTENCE_TAIL)


_SENTENCE_TAIL = ' \n\t.!?;:…"“”»«‘’›‹)'


#: relative words that open a clause about the whole clause before (weiterführender
#: Relativsatz: *…, was bisher niemand bestätigt hat*; *…, woraufhin die Polizei kam*)
COMMENT_RELATIVES: frozenset[str] = wordset(
    "was wodurch worauf woraufhin womit wobei wonach worüber"
)
#: pronoun antecedents of an extraposed *was* clause anywhere before the comma
WAS_ANTECEDENTS: frozenset[str] = wordset("alles etwas nichts vieles manches einiges dasselbe")
#: a word before the comma that makes *was* an ordinary relative or object clause: a
#: pronoun antecedent (*alles, was …*, *das, was …*) or a verb that takes a *w*-clause as its
#: object (*wisse, was …*, *zu zeigen, was …*), by form or lookup lemma
WAS_HOSTS: frozenset[str] = wordset(
    """
    das dies dasselbe alles etwas nichts vieles manches einiges jenes allem dem demjenigen
    wissen sagen zeigen fragen erklären verraten erzählen tun machen glauben sehen hören
    erfahren verstehen beschreiben meinen denken entscheiden bestimmen prüfen untersuchen
    klären vergessen erfordern ahnen lernen erkennen überlegen zeigte sagte fragte
    """
)


def commentary_relative_end(toks: Sequence[Tok], a: int, end: int) -> int:
    """Where a complement ends before a clause-relative comment in the indicative: the
    comma before *was/worauf/wobei …* whose clause has an indicative finite verb and no
    Konjunktiv (*X warf ihr vor, Geld angenommen zu haben, was sie bestreitet* → *Geld
    angenommen zu haben*).

    Why: a relative clause about the whole clause before is the reporter's comment when it
    is in the indicative (what followed, who denies it); in the Konjunktiv it is part of what
    was said (*…, was die Leute beunruhige*) and stays. Limits: only the first
    clause-relative comma; a *was* clause after a pronoun antecedent or a verb of ``WAS_HOSTS`` is
    left (*das, was …*, *wisse, was …*), other verbs that take a *was* object are not
    listed; *weshalb/weswegen* (a consequence the source often draws itself) and *wofür* (in
    older text often the start of a new statement) are not cut; commas inside quotations
    are skipped."""
    for k in range(a + 1, end - 1):
        t = toks[k]
        if t.text != "," or t.q >= 0 or toks[k + 1].lower not in COMMENT_RELATIVES:
            continue
        if toks[k + 1].q >= 0:
            continue
        if toks[k + 1].lower == "was" and (
            toks[k - 1].lower in WAS_HOSTS
            or toks[k - 1].lemma.lower() in WAS_HOSTS
            or any(t.lower in WAS_ANTECEDENTS for t in toks[a:k])
        ):
            return end  # (*alles zu prüfen, was …*: an antecedent before the infinitive)
        stop = next((j for j in range(k + 2, end) if toks[j].text == "," and toks[j].q < 0), end)
        words = [w for w in toks[k + 2 : stop] if w.q < 0]
        if any(is_konjunktiv(w.text, w.lemma) or w.lower in HEARSAY for w in words):
            return end
        if any(indicative_finite(w) for w in words):
            return k
        return end
    return end
