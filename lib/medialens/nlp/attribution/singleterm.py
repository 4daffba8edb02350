"""A single capitalised quoted word outside a predicative: a name or the author's term.

Why: in German a one-word quotation in a speaker's sentence is the speaker's own word mostly
where it is what the speaker called something — the predicative of a naming or judging verb
(*bezeichnete den Plan als „Wortbruch“*, *nannte den Bericht eine „Zeitungsente“*), the head
of a noun phrase opened by an article or a preposition (*warnte vor den „Lohnverzichts-
theorien“*, *kämen nur durch „Trickserei“ zustande*), or a quotation right after the frame's
comma or colon. A capitalised word after anything else — a verb (*nennt „Twitter“*), a noun
(*die Modelle „Touareg“*), an attributive adjective (*neue „Farbkonstellationen“*), a
coordinator (*„Touareg“ und „Phaeton“*), a pronoun (*dass sich „Larry“ abschwächte*) — names
a thing or marks a term, as the author does. On the Wikinews training data none of the 11
quotations this rule takes away was annotated as speech (docs/attribution.md, "Spurious
quotations").
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.phrases import DETERMINERS, PREPOSITIONS
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: words before a quoted word that make it a predicative or a noun-phrase head
_OPENERS: frozenset[str] = (
    DETERMINERS | PREPOSITIONS | wordset("als wie im am beim vom zum zur ins ans aufs")
)
#: object pronouns before the predicative of a naming verb (*nennt sich „…“*)
_OBJECT_PRONOUNS: frozenset[str] = wordset("sich ihn sie es ihm ihr mich dich uns euch")
#: verbs whose predicative names someone (*nennt sich „…“*: also when no cue was found)
_NAMING_VERBS: frozenset[str] = wordset("nennen bezeichnen schimpfen taufen heißen")
#: punctuation after which a quotation opens the content (*sagte, „No-Go-Areas“ …*)
_FRAME_PUNCT: frozenset[str] = frozenset([",", ":", "(", "–", "—", "-"])


def bare_single_term(
    toks: Sequence[Tok], first: int | None, inner: str, *, naming: bool = False
) -> bool:
    """Is the quotation (first token ``first``, words ``inner`` without the marks) one
    capitalised word without sentence punctuation whose previous word neither opens a noun
    phrase nor makes it a predicative? Then it is a name or a term, not speech. With a
    naming cue (``naming``) or verb (*nennen, bezeichnen*) in the unit, a quotation right
    after an object pronoun is the predicative (*nennt sich „Bürgerin“*, *nannte ihn
    „Verräter“*)."""
    if not inner[:1].isupper() or " " in inner or inner[-1:] in ".!?…":
        return False
    if first is None or first == 0:
        return False  # the unit opens with it: nothing to judge by
    k = first - 1
    # skip attributive adjectives to the word that opens the noun phrase (*über erste
    # „Landnahmen“*, *einen größeren „Konflikt“*: the head of an opened noun phrase)
    while k > 0 and k > first - 4 and _attributive(toks[k]) and toks[k - 1].q < 0:
        k -= 1
    prev = toks[k]
    if prev.q >= 0:
        return False  # right after another quotation: part of a quoted sequence
    if prev.lower in _OBJECT_PRONOUNS and (
        naming or any(t.lemma in _NAMING_VERBS for t in toks if t.q < 0)
    ):
        return False
    return prev.lower not in _OPENERS and prev.text not in _FRAME_PUNCT


def _attributive(t: Tok) -> bool:
    """A lower-case inflected adjective or participle before a noun (*erste, größeren,
    geplanten*), not itself an opener of the noun phrase."""
    w = t.lower
    return (
        t.q < 0
        and t.text[:1].islower()
        and w.isalpha()
        and w.endswith(("e", "en", "er", "es", "em"))
        and w not in _OPENERS
    )
