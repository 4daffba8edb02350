"""Speech-act nouns whose clause closes before the comma of their content (issue #13).

A speech-act noun is a cue when a comma and its complement clause follow it (*die Forderung,
die Löhne anzuheben*; :func:`.sourcecues.find_noun_cues`). In German the noun is often not
the last word of its clause: the verb bracket closes after it, with a separable particle,
a predicative or a participle, and the content clause is extraposed behind that
(*Kritik wird laut, dass …*; *Von der Ministerin liegt die Erklärung vor, sie …*; *lehnte
den Antrag mit der Begründung ab, die Kosten seien zu hoch*; *reagierte mit den Worten
darauf, …*; *Gegen die Firma steht der Vorwurf im Raum, sie …*). This module
says whether the words between the noun and the comma are such a clause end.

Why only a short, verb-like tail: a longer stretch, a capitalised noun phrase at its end or a
conjunction makes the comma belong to something else (*die Forderung nach mehr Geld, die …*,
*die Kritik wuchs und die Partei, …*); the caller still requires a qualifying complement
(*dass/ob/w-*, Konjunktiv or *zu*-infinitive) after the comma.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.konjunktiv import is_konjunktiv
from medialens.nlp.attribution.phrases import AUXILIARIES, RELATIVES, SUBORDINATORS
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: the most tokens between the noun and the comma
MAX_TAIL = 3

#: words that never stand in a clause-closing tail: conjunctions and words that open a
#: phrase of their own after the noun (*die Forderung nach …*, *die Kritik an …*)
_NOT_IN_TAIL = wordset(
    "und oder aber sondern denn doch sowie nach an von über für gegen zu um mit ohne aus "
    "auf bei durch als wie der die das des dem den ein eine einen einem einer eines es worden"
)

#: words that may open the content clause right after the comma (a verb-second clause is
#: checked for its Konjunktiv by the caller)
_CONTENT_OPENERS = wordset("dass daß ob wie wann warum weshalb wieso wo wer was welche welcher")

#: coordinators after the comma: a new main clause, not the noun's content (*…, und dann
#: …*, *…, denn sonst …*)
_COORDINATORS = wordset("und oder aber denn sondern doch jedoch")

#: prepositional adverbials that may close the clause with a noun (*im Raum stehen*)
_CLOSING_PHRASES = frozenset([("im", "raum")])


def _word(tok: Tok) -> bool:
    return tok.q < 0 and tok.text[:1].isalpha()


def clause_tail_comma(toks: Sequence[Tok], i: int) -> int | None:
    """The comma after the speech-act noun at ``i`` when only the end of the noun's clause
    stands between them (one to :data:`MAX_TAIL` lower-case words: a finite verb, a
    particle, a participle, a predicative; or *im Raum*), else None."""
    n = len(toks)
    k = i + 1
    while k < n and k - i - 1 < MAX_TAIL and toks[k].text != ",":
        k += 1
    if k >= n or toks[k].text != "," or toks[k].q >= 0 or k == i + 1:
        return None
    tail = toks[i + 1 : k]
    if not all(_word(t) for t in tail):
        return None
    lowers = tuple(t.lower for t in tail)
    if lowers[-2:] in _CLOSING_PHRASES:
        lowers = lowers[:-2]
        tail = tail[:-2]
    for t in tail:
        if not t.text[:1].islower():
            return None
        if t.lower in _NOT_IN_TAIL or t.lower in SUBORDINATORS or t.lower in RELATIVES:
            return None
        if t.lower.endswith("en") and "zu" in t.lower[2:-2]:
            return None  # *die Bitte einzulenken, …*: an infinitive, not a clause end
    if k + 1 >= n:
        return None
    nxt = toks[k + 1].lower
    if nxt not in _CONTENT_OPENERS and (nxt in SUBORDINATORS or nxt in _COORDINATORS):
        return None  # *Die Frage ist bedeutend, weil …*: an adverbial clause, no content
    if nxt in AUXILIARIES or is_konjunktiv(toks[k + 1].text, toks[k + 1].lemma):
        # *Der Appell dagegen, sei verhallt*, *Sollte die Bitte abgelehnt werden, müsse …*: a
        # finite verb right after the comma continues the matrix clause; no content opens
        return None
    if nxt in RELATIVES and not (k + 2 < n and toks[k + 2].text[:1].isupper()):
        return None  # *…, die er …*: a relative clause; *…, die Kosten seien …*: an article
    if any(is_konjunktiv(t.lower, t.lemma) for t in toks[:k] if t.q < 0):
        # *Das Angebot sei mit der Warnung zurückgezogen worden, …*: the clause is itself
        # reported; its noun belongs to what was said (*…, die eine Frage wert wäre, …*)
        return None
    return k


#: nouns that name the words or reasons given with an act, not an act of their own: they are
#: cues only in the instrument frame *mit der Begründung, …*, *mit den Worten, …* (*sagte zur
#: Begründung, …* is the verb's; *das letzte Wort* reports nothing)
INSTRUMENT_NOUNS = wordset("begründung begründungen wort worte worten")


def instrument_frame(toks: Sequence[Tok], i: int) -> bool:
    """Does the noun at ``i`` stand in a *mit*-phrase (*mit der Begründung*, *mit den
    knappen Worten*) of a verb other than *zitieren*? Adjectives between article and noun
    are skipped."""
    k = i - 1
    while k > 0 and toks[k].q < 0 and toks[k].text[:1].islower() and toks[k].lower not in _ARTICLES:
        k -= 1
    if not (k > 0 and toks[k].lower in _ARTICLES and toks[k - 1].lower == "mit"):
        return False
    if k == 1 and any(is_konjunktiv(t.text, t.lemma) for t in toks[i + 1 :] if t.q < 0):
        # *Mit der Begründung, es fehle an Personal.*: a fragment without a subject; as a
        # Konjunktiv continuation it keeps the current speaker, as a noun cue it has none
        return False
    # *X zitiert Y mit den Worten, …*: the phrase is an argument of *zitieren*, whose cited
    # object speaks (:func:`.verbspeaker.verb_speaker`); the noun is no cue of its own
    return not any(t.lemma == "zitieren" or t.lower.startswith("zitier") for t in toks)


_ARTICLES = wordset("der den dem die einer einem seiner seinen ihrer ihren")
