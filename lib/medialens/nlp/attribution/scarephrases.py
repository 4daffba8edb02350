"""Second-round cues for quoted spans: the quoted words and the marks' near neighbours.

Why a module of its own: :func:`.scare.classify_quoted` asks these small questions before its
speech and scare-quote rules (see ``docs/actors.md``, "Scare quotes", second round); they are
pure functions of the text (and, for Konjunktiv, the unit's tokens), kept apart so that
``scare.py`` holds the decision order and stays readable.

- *name*: a colour-coded coalition label (*„schwarz-gelb“*), a descriptive name of an alliance
  or event (*die „große Koalition“*), a naming verb after the marks (*„der Dicke“ genannt*,
  *als „X“ bekannt*), a gloss of a quoted name (*„Cast Lead“ („gegossenes Blei“)*);
- *scare quote*: *in Anführungszeichen* after the marks; a whole article-opened noun phrase;
- *speech*: a sentence of reported speech (Konjunktiv outside the marks).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from medialens.nlp.attribution.konjunktiv import reported_konjunktiv
from medialens.nlp.attribution.marks import QuotedRegion
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

_FINAL_PUNCT = frozenset(".!?…")


#: party colours: a quoted colour compound is a coalition label (*„schwarz-gelb“*, *ein
#: „rot-rot-grünes“ Lager*), the standard German name of a coalition, not a scare quote
_COLOURS = "schwarz|rot|grün|gelb|blau|orange|lila|violett|türkis|magenta"
_COLOUR_LABEL = re.compile(rf"^(?:{_COLOURS})(?:-(?:{_COLOURS}))+(?:e[mnrs]?)?$", re.IGNORECASE)
#: heads of descriptive names of alliances and events (*die „große Koalition“*, *die 22.
#: „europäische Hackerkonferenz“*)
INSTITUTION_HEADS: tuple[str, ...] = (
    "koalition",
    "konferenz",
    "kongress",
    "gipfel",
    "tagung",
    "messe",
    "bündnis",
)
#: council heads, as whole words only (*der „kleine Rat“*, *des „inneren Rats“*; a suffix
#: test would take *Apparat*, *Referat*, *Heirat*)
COUNCIL_HEADS: frozenset[str] = frozenset({"rat", "rats", "rates"})
#: a naming verb right after the quotation (*„der Dicke“ genannt*, *„Rot-Hemden“ – so werden
#: die Anhänger genannt*)
_NAMED_AFTER = re.compile(
    r"^\W{0,2}\s*(?:genannt|getauft|benannt|betitelt)(?:e[nmrs]?)?\b"
    # *sollte „Ansicht“ heißen*, *„X“ hieß das Lokal* (no comma: *„…“, heißt es* is a source)
    r"|^\s+(?:heißen|heißt|hieß|hießen|hieße)\b(?!\s+es\b)"
    r"|^\s*[–—-]\s*so\s+(?:werden|wird|wurden|wurde|heißen|heißt|nennen|nennt)\b"
)
#: *als „X“ bekannt* (*das als „Dschungel von Calais“ bekannte Lager*), also with a gloss in
#: parentheses between (*als „Poe Toaster“ („Poe-Gratulant“) bekannt*)
_KNOWN_AS = re.compile(r"^\W{0,2}\s*(?:\([^()]{0,40}\)\s*)?bekannt", re.IGNORECASE)
#: a gloss in parentheses right after a quoted name (*„Cast Lead“ („gegossenes Blei“)*)
_GLOSS_BEFORE = re.compile(r"[“”\"»«]\s*\((?:\w+[.:]?\s+)?$")

#: the author or speaker saying that the words are set apart (*war „gut“ darin, gut in
#: Anführungszeichen*, *„Freunde“ in Gänsefüßchen*): the strongest scare-quote cue there is
_MARKED_AS_SCARE = re.compile(
    r"^\W{0,3}[^.!?]{0,30}?\bin\s+(?:Anführungszeichen|Anführungsstrichen|Gänsefüßchen)\b"
)
#: articles and determiners that open a full noun phrase inside the marks
_PHRASE_OPENERS = wordset("der die das den dem des ein eine einer eines einem einen")


def marked_as_scare(text: str, r: QuotedRegion) -> bool:
    """Is the quotation followed by *in Anführungszeichen* (or *Gänsefüßchen*)? Then the
    words are set apart on purpose, also inside speech (an interviewee's scare quote)."""
    return bool(_MARKED_AS_SCARE.match(text[r.end : r.end + 50]))


def is_quoted_noun_phrase(inner: str, *, max_words: int) -> bool:
    """Is the quoted text a whole noun phrase opened by a lower-case article (*der Buhmann der
    Nation*, *den Bestand des Staates*), no comma inside, at most ``max_words`` words?

    Why: a sentence of speech rarely starts with a lower-case article and has no verb and no
    comma; in a sentence without any speech (no cue, no Konjunktiv) such a phrase is the
    author's distancing, even when it is as long as a short quotation.
    Limits: a partial quotation of a noun phrase whose speaker is only named in a neighbouring
    sentence is read as a scare quote.
    """
    words = inner.split()
    return (
        2 < len(words) <= max_words
        and words[0] in _PHRASE_OPENERS
        and "," not in inner
        and inner[-1:] not in _FINAL_PUNCT
    )


def is_colour_label(inner: str) -> bool:
    """Is the quoted text a colour-coded coalition label (*schwarz-gelb*, *rot-rot-grünes*)?

    Limits: hyphenated colour words only; *Ampel* or *Jamaika* are not colours (they are
    capitalised and caught as names elsewhere when announced).
    """
    return bool(_COLOUR_LABEL.match(inner.strip()))


def is_institution_name(inner: str) -> bool:
    """Two or three words, lower-case attribute(s) and a capitalised head naming an alliance or
    event (*große Koalition*, *europäische Hackerkonferenz*): a descriptive proper name.

    Limits: the head list is short (:data:`INSTITUTION_HEADS`); a scare-quoted *„große
    Koalition“* meant ironically is read as a name.
    """
    words = inner.split()
    if not 2 <= len(words) <= 3 or not words[-1][:1].isupper():
        return False
    if not all(w[:1].islower() for w in words[:-1]):
        return False
    head = words[-1].lower()
    return head.endswith(INSTITUTION_HEADS) or head in COUNCIL_HEADS


def named_after(text: str, r: QuotedRegion) -> bool:
    """Is the quotation followed by a naming verb (*„der Dicke“ genannt*, *„Rot-Hemden“ – so
    werden sie genannt*), announced as what something is known as (*als „X“ bekannt*), or
    the gloss of a quoted name (*„Cast Lead“ („gegossenes Blei“)*)? Then it is a name or
    nickname (or its translation), not the author's distancing."""
    if _NAMED_AFTER.match(text[r.end : r.end + 40]):
        return True
    if text[max(0, r.start - 5) : r.start].rstrip().endswith("als") and _KNOWN_AS.match(
        text[r.end : r.end + 60]
    ):
        return True  # *das als „Dschungel von Calais“ bekannte Lager*
    return bool(_GLOSS_BEFORE.search(text, max(0, r.start - 12), r.start))


def reported_sentence(toks: Sequence[Tok]) -> bool:
    """Does the unit outside quotations carry indirect speech (Konjunktiv I or plural
    Konjunktiv II: *unterstütze die SPD „voll umfänglich“*, *betreibe der Film „…“*)?

    Why: a short quotation inside reported speech is the reported speaker's word, even when
    the reporting verb is not one that introduces direct speech.
    """
    return reported_konjunktiv([(t.text, t.lemma) for t in toks if t.q < 0])


#: *als Titel …*, *Als Berufsbezeichnung wird …*: *als* and the word after it, then up to
#: four words of the same clause up to the opening mark
_AS_NOUN_BEFORE = re.compile(r"\b[Aa]ls\s+([A-ZÄÖÜ]\w+)\s+(?:[^\s,;:.!?()]+\s+){0,4}[„“”\"»«‚]$")


def announced_as_title(
    text: str, r: QuotedRegion, unit_start: int, *, title_noun: Callable[[str], bool]
) -> bool:
    """Is the quotation what a title noun after *als* names in the same clause (*Als
    Berufsbezeichnung wird „Gemeindepädagoge“ verwendet*, *als Titel wählte sie „Morgenrot“*)?
    Then it is a name or title, like right after its class noun (*der Titel „…“*).

    ``title_noun``: the test for a title noun (:func:`.scare.is_title_noun`, passed in because
    that module imports this one). Limits: only up to four words between the noun and the
    marks, no punctuation between.
    """
    lo = max(unit_start, r.start - 80)
    if text.find("ls ", lo, r.start) == -1:
        return False  # (cheap: no *als* before the marks)
    m = _AS_NOUN_BEFORE.search(text, lo, r.start + 1)
    return m is not None and title_noun(m.group(1).lower())
