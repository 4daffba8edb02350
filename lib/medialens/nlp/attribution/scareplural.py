"""A plural common noun is no name: a repeated quotation of one stays the author's term.

Why a module of its own: :func:`.scare._named_thing` reads a capitalised span quoted again
in the document as a name (*die „Troika“ … der „Troika“*: a name is referred to again and
again). A name picks out one thing, so it is singular; a quoted plural common noun (*die
„Schutzzonen“ … in den „Schutzzonen“*, *„Alfvenwellen“* twice in a report on a new
drive) is a class of things the author keeps setting apart — a scare quote by the labelling
guidelines. Found on a dev miss of the sample set (fourth round, class d) and invented
sentences (issue #14, ninth round).

Cost: one cached lexicon look-up, only for a span that is quoted again.

Limits: only forms the noun lexicon knows as plural and not as singular (also by a compound
tail: *Alfvenwellen* -> *Wellen*; not a form Wiktionary also lists as an old dative
singular, *Schirme*); a plural name (*die „Löwen“*, a team) quoted twice now
stays a scare quote unless a class noun or another cue names it.
"""

from __future__ import annotations

from medialens.nlp.attribution.morphology import analyse


def plural_term(inner: str) -> bool:
    """Is ``inner`` one capitalised word that the noun lexicon knows only as a plural common
    noun (*Schutzzonen*, *Alfvenwellen*)?"""
    word = inner.strip()
    if " " in word or not word[:1].isupper() or not word.replace("-", "").isalpha():
        return False
    if word.isupper():
        return False  # an acronym
    info = analyse(word)
    return info is not None and info.common and info.plural and not info.singular
