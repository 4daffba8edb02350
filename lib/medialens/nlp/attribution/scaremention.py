"""Seventh-round cue: a word mentioned as a word (*das Wort „…“*, *die Bezeichnung für „…“*).

Why a module of its own: :func:`.scare.classify_quoted` used to read *Wort*, *Begriff*,
*Ausdruck* before the marks as title nouns (a name follows), so a word the author talks
*about* — *ein Wort wie „…“*, *der Begriff „…“*, *„Break“ bezeichnet in Ngemba Brot* — became
a name (or, in a speech context, the speaker's word). The labelling convention (stated in
``docs/actors.md``, "Scare quotes", seventh round) is that such a metalinguistic mention is a
``scare_quote``: the author sets a term apart, nobody is quoted, and what the words denote is
a concept, not one individual organisation, work or product. A name mentioned as a name
(*der Name „…“*, *die Bezeichnung „…“* without *für*, *der Titel „…“*) stays a name; so do
spans that look like names whatever precedes them (an acronym, CamelCase, digits).

Cost: a split of at most 40 characters before the marks and set look-ups, one anchored
regular expression on 24 characters after them; the word-shape test runs only when one of
them matched.
"""

from __future__ import annotations

import re

from medialens.nlp.attribution.marks import QuotedRegion


def _forms(stems: str, endings: str, prefixes: str = "") -> set[str]:
    """Every stem with every ending (and none), alone or after each prefix (*Fach|begriff*)."""
    bare = {s + e for s in stems.split() for e in ("", *endings.split())}
    return bare | {p + w.lower() for p in prefixes.split() for w in bare}


#: nouns that present the quotation as a word or phrase of the language, with their inflected
#: forms and common compounds (*Fachbegriff*, *Schimpfwort*); not *Name*, *Titel*,
#: *Bezeichnung* (they present a name), nor *Antwort*, *Satz*, *Parole* (an utterance or a
#: slogan). A set, not a regular expression: the test runs for every quotation.
WORD_NOUNS: frozenset[str] = frozenset(
    _forms("Wort", "s es", "Fremd Lehn Mode Schimpf Kunst Schlag Un Reiz Kraft Trend")
    | _forms("Wörter", "n", "Fremd Lehn Mode Schimpf Kunst Schlag Un Reiz Kraft Trend")
    | _forms("Begriff", "s es e en", "Fach Kampf Mode Ober Sammel Rechts Grund")
    | _forms("Ausdruck", "s es", "Fach")
    | _forms("Ausdrücke", "n", "Fach")
    | _forms("Vokabel Floskel", "n")
    | _forms("Wendung Redewendung Redensart", "en")
    | {"Terminus", "Termini", "Neologismus", "Anglizismus", "Euphemismus"}
)
#: nouns before *für „…“* that give the quotation as what another word means (*die
#: Bezeichnung für „…“*, *ein Synonym für „…“*, *das Wort für „…“*)
FOR_NOUNS: frozenset[str] = WORD_NOUNS | {"Bezeichnung", "Bezeichnungen", "Synonym", "Synonyme"}
#: the quotation as the subject of a verb of meaning, right after the marks (*„Break“
#: bezeichnet in Ngemba Brot*, *„Mazel“ bedeutet Glück*); only clause-initial, see
#: :func:`mentioned_word`; a space right after the marks, no comma (*„Gut“, meint der
#: Trainer* is speech), and not *meinen*, a verb of saying too
_MEANS_AFTER = re.compile(r" (?:bedeutet|bedeuten|bedeutete|bezeichnet|bezeichnete)\b")
#: what may stand right before a clause-initial quotation (start, punctuation, *und*/*oder*)
_CLAUSE_START = re.compile(r"(?:^|[.:;,(–—-]|\bund|\boder)\s*$")


#: *ein Wort wie „…“*, *die Bezeichnung für „…“*: the word between the noun and the marks
_LINKS = frozenset({"wie", "für"})
#: a cheap test before :data:`_MEANS_AFTER` (most quotations are followed by something else)
_MEANS_PREFIXES = (" bedeut", " bezeichn")


def _name_shaped(inner: str) -> bool:
    """An acronym, CamelCase word or a word with digits (*„DFB“*, *„iPhone“*, *„E10“*): a
    name whatever noun announces it (*der Begriff „E10“* is a product)."""
    for word in inner.split():
        core = word.strip(".,;:!?")
        if any(c.isdigit() for c in core):
            return True
        if sum(c.isupper() for c in core) > 1 and core.replace("-", "").isalpha():
            # *Tante-Emma-Laden* (capitals after hyphens) is a German compound, not an acronym
            parts = core.split("-")
            if any(sum(c.isupper() for c in p) > 1 for p in parts):
                return True
    return False


def _after_quotation(text: str, start: int, unit_start: int) -> bool:
    """Does *und*/*oder* right before ``start`` (the opening mark) follow a closing mark
    (*„A“ und „B“*)?"""
    before = text[max(unit_start, start - 12) : start].rstrip()
    for conj in ("und", "oder"):
        if before.endswith(conj):
            mark = before[: -len(conj)].rstrip()[-1:]
            return bool(mark) and mark in '“”"«»‘’›‹'
    return False


def mentioned_word(text: str, r: QuotedRegion, unit_start: int, inner: str) -> bool:
    """Is the quotation a word or phrase mentioned as such: announced by a noun for words
    (*das Wort „…“*, *der Begriff „…“*, *ein Ausdruck wie „…“*), given as what another word
    means (*die Bezeichnung für „…“*), or the clause-initial subject of a verb of meaning
    (*„…“ bedeutet …*, *„…“ bezeichnet …*)?

    Limits: a name announced by a word noun (*unter dem Begriff „Fahrendes Volk“*, a legal
    category) is taken as a mention too — by the labelling convention it is; a mentioned word
    that is not announced (*„Karl“ in Bassa den Vornamen Charles*, a gapped clause) is missed.
    """
    # the two words right before the marks (a colon skipped): one ``rsplit`` with a limit,
    # since this runs for every quotation
    words = text[max(unit_start, r.start - 40) : r.start].rstrip().removesuffix(":").rsplit(None, 2)
    last = words[-1] if words else ""
    announced = last in WORD_NOUNS or (
        last in _LINKS
        and len(words) > 1
        and words[-2] in (WORD_NOUNS if last == "wie" else FOR_NOUNS)
    )
    if not announced and text.startswith(_MEANS_PREFIXES, r.end):
        opening = _CLAUSE_START.search(text[max(unit_start, r.start - 8) : r.start])
        announced = bool(
            _MEANS_AFTER.match(text, r.end, r.end + 24)
            and opening
            # *als „A“ und „B“ bezeichnet*: after *und*/*oder* that joins two quotations the
            # second is a member of a list (of predicates), not a clause-initial subject
            and not _after_quotation(text, r.start, unit_start)
        )
    return announced and not _name_shaped(inner)
