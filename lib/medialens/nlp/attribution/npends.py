"""Where a noun phrase ends after a name or a common noun: the stops that keep a speaker span
from running on into the next phrase (*Acosta der Presse*, *die Organisation Schätzungen*).

Why: without a parser, :func:`.phrases.np_forward` continues a phrase over a genitive
(*der Präsident der Vereinigten Staaten*), a *von* attachment (*der Sprecher von Greenpeace*)
and further capitalised words (*Bundeskanzlerin Angela Merkel*). After a proper name these
continuations are mostly a new phrase: a name takes no genitive attribute, so *der*/*des*
after it starts an object (*teilte Acosta der Presse mit*); *von der* before a common noun
starts a prepositional object (*überzeugte Merkel von der Möglichkeit*); and two bare common
nouns side by side are two phrases (*erwartete die Union Aufschluss*).

Limits, stated first: names are told from common nouns by the noun lexicon only, so a name the
lexicon also lists as a common noun (*Koch*, *Müller*) continues as before; a genitive after
a name written without the apposition comma (*Peter Müller der Vorsitzende*) is cut, which is
right for the span but drops the role; a bare common-noun pair is kept when another
capitalised word follows (*Verband Deutscher Zeitungsverleger*), so *die Union Aufschluss
Fragen* would still run on.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.morphology import FIRST_NAME, TOPONYM, analyse, lexicon
from medialens.nlp.attribution.units import Tok

#: genitive determiners that :func:`.phrases.np_forward` lets a phrase continue over
GENITIVE_DETERMINERS: frozenset[str] = frozenset(("der", "des", "einer", "eines"))
#: words that go on inside a multi-word organisation name after a plural noun (*Ärzte ohne
#: Grenzen*, *Ingenieure für den Frieden*)
NAME_LINKS: frozenset[str] = frozenset(("ohne", "für", "gegen", "und", "der", "des"))


def _capitalised(tok: Tok) -> bool:
    return tok.text[:1].isupper()


def is_proper_name(toks: Sequence[Tok], i: int) -> bool:
    """Is the word at ``i`` a personal or organisation name: one the noun lexicon knows only as
    a name but not as a place (*Angela*, *Merkel*; not *Hamburg*, which ends an institution's
    name: *das Landgericht Hamburg der Einschätzung gefolgt*), an acronym (*NASA*, *OSZE*), or an unknown word after a known first name
    (*Alexander Acosta*)? Limits: an unknown surname without a known first name before it
    (*Präsident Mnangagwa*) is not recognised, since unknown compounds (*Presseamt*) look
    the same."""
    tok = toks[i]
    if not _capitalised(tok) or not tok.text.isalpha():
        return False
    if len(tok.text) >= 2 and tok.text.isupper():
        return True
    info = analyse(tok.text)
    if info is not None:
        return info.name and not info.common and not info.code & TOPONYM
    if i < 1 or toks[i - 1].q >= 0:
        return False
    prev = lexicon().lookup(toks[i - 1].text)
    return prev is not None and bool(prev.code & FIRST_NAME) and _capitalised(toks[i - 1])


def is_common_only(tok: Tok) -> bool:
    """A capitalised word form the noun lexicon lists itself (no compound-tail guess, so
    *Beckmann* is no *Mann*) only as a common noun (*Organisation*, *Schätzungen*), not also
    as a name (*Halle*, *Müller*) and not as an adjectival noun (*Deutsche*)."""
    if not _capitalised(tok):
        return False
    info = lexicon().lookup(tok.text)
    return info is not None and info.common and not info.name and not info.adjectival


#: endings of a capitalised adjective or place adjective before a noun (*Deutsche Presse-Agentur*,
#: *Salzburger Nachrichten*, *Statistischen Bundesamtes*)
ADJECTIVE_ENDINGS: tuple[str, ...] = ("e", "en", "er", "es", "em", "isch")


def genitive_after_name(toks: Sequence[Tok], i: int) -> bool:
    """Does the genitive-looking determiner at ``i`` start a new phrase because a proper name
    precedes it (*Acosta der Presse*, *Iran der britischen Regierung*)? A role noun before it
    keeps its genitive (*der Sprecher der Regierung*)."""
    if i < 1 or toks[i].lower not in GENITIVE_DETERMINERS or toks[i - 1].q >= 0:
        return False
    return is_proper_name(toks, i - 1)


def common_noun_pair(toks: Sequence[Tok], i: int, stop: int) -> bool:
    """Is the capitalised word at ``i`` a second bare common noun after a common-noun head
    (*die Organisation Schätzungen*, *das Ministerium Arbeiten*), hence a new phrase? Only
    when the pair ends there: a further capitalised word keeps a multi-word name together
    (*Verband Deutscher Zeitungsverleger*)."""
    if i < 1 or toks[i - 1].q >= 0 or toks[i].q >= 0:
        return False
    first = toks[i - 1]
    if first.text.endswith(ADJECTIVE_ENDINGS) or "-" in first.text or "-" in toks[i].text:
        return False
    if not (is_common_only(first) and is_common_only(toks[i])):
        return False
    second = lexicon().lookup(toks[i].text)
    if second is None or not second.plural or second.singular:
        return False  # a singular may be a name the lexicon also lists (*Agentur Reuters*)
    if i + 1 < stop and toks[i + 1].lower in NAME_LINKS:
        return False  # *Ärzte ohne Grenzen*, *Reporter ohne Grenzen*
    return not (i + 1 < stop and _capitalised(toks[i + 1]) and toks[i + 1].q < 0)


def preposition_zu(toks: Sequence[Tok], i: int, stop: int) -> bool:
    """Is *zu* at ``i`` the preposition before a possessive phrase (*sagte Krischer zu Webers
    Äußerungen*) rather than a noble particle (*Karl-Theodor zu Guttenberg*)? Yes when a
    common noun the lexicon knows only as such follows the next word."""
    if toks[i].lower != "zu" or i + 2 >= stop:
        return False
    return toks[i + 2].q < 0 and is_common_only(toks[i + 2])


def saxon_genitive_after_head(toks: Sequence[Tok], i: int, stop: int) -> bool:
    """Does the word at ``i``, after a head, open a new phrase as a Saxon genitive of a name
    before a common noun (*nannte Präsident Ali Maduros Forderung …*)? The name with *-s*
    follow a name, the word without *-s* be a name or unknown, and the next word a common
    noun. Limits: a name the lexicon also lists as a common noun (*Webers*) is not seen."""
    t = toks[i].text
    if i + 1 >= stop or len(t) < 4 or not t.endswith("s") or toks[i + 1].q >= 0:
        return False
    if not is_common_only(toks[i + 1]):
        return False
    if not is_proper_name(toks, i - 1):
        return False  # after a role noun the genitive may be its own (*Präsident Frankreichs*)
    info = lexicon().lookup(t[:-1])
    return info is None or (info.name and not info.common)
