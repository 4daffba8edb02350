"""Names and titles in quotation marks: the class nouns that announce them, their shapes
(all words capitalised, a descriptive phrase, a foreign multiword name) and their positions
(after an article, a preposition or their class noun).

Why a module of its own: :mod:`.scare` decides speech, scare quote or name once per quoted
span; this is the name-or-title half of that decision (rule 1 of :mod:`.scare`'s docstring,
and the name checks of its last stage), kept apart so the decision reads in one place. Moved
verbatim out of :mod:`.scare`. Limits: as there — a name known only from world knowledge is
not recognised.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medialens.nlp.attribution.marks import QuotedRegion
from medialens.nlp.attribution.phrases import DETERMINERS, PREPOSITIONS, is_head
from medialens.nlp.attribution.scarecues import (
    first_token,
    last_token,
)
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

_FINAL_PUNCT = frozenset(".!?…")
_DIGIT = re.compile(r"\d")
_MARKS = frozenset('„“”"»«‚‘’›‹')
#: *so genannte „…“*, *sogenannten „…“*: the author's distancing (also abbreviated *sog.*)
_SO_CALLED = re.compile(r"(?:\bso[ -]?genannt\w*|\bsog\.)\W*$", re.IGNORECASE)

#: nouns that announce a title or a name in quotation marks (not speech, not scare quotes)
TITLE_NOUNS: frozenset[str] = wordset(
    """
    buch buches roman film films filmes titel album song lied single gesetz gesetzes
    gesetzentwurf operation mission motto slogan kampagne sendung serie show zeitung zeitschrift
    magazin stück theaterstück oper ausstellung programm projekt initiative aktion plan
    konzept bündnis verein partei firma unternehmen marke name namen spitzname schiff
    aufsatz artikel studie bericht broschüre werk gedicht kolumne rubrik festival preis
    tournee band gruppe stiftung bewegung manöver übung paket reform verordnung abkommen
    vertrag resolution erklärung beschluss wort begriff ausdruck unwort schlagwort
    agentur sender radiosender fernsehsender kanal blatt portal website webseite seite
    plattform dienst organisation gesellschaft verband verlag modell marke produkt software
    spiel spiels ausgabe auflage reihe folge episode kapitel ehrenzeichen orden auszeichnung
    bereich kategorie stichwort parole losung devise schriftzug aufschrift prädikat siegel
    gütesiegel fahrzeug flugzeug rakete satellit sonde fähre yacht boot auto handy
    smartphone gerät roboter bezeichnung pseudonym beiname beinamen kosename
    """
)
#: compound heads are matched from the end of the word (*Nachrichtenmagazin*, *Tageszeitung*)
_TITLE_HEADS: tuple[str, ...] = tuple(sorted((w for w in TITLE_NOUNS if len(w) >= 4), key=len))


def is_title_noun(word: str) -> bool:
    """Is ``word`` (lower case) a noun announcing a title or name, also as the head of a
    compound and in the genitive (*des Nachrichtenmagazins*, *die Tageszeitung*)?

    Limits: the head must be one of :data:`TITLE_NOUNS`; short heads (< 4 letters) match
    only as whole words.
    """
    return word in TITLE_NOUNS or has_compound_head(word, _TITLE_HEADS)


def has_compound_head(word: str, heads: tuple[str, ...]) -> bool:
    """Does ``word`` (lower case, longer than four letters) end in one of ``heads``, as it is
    or without a genitive *-s*/*-es* (*Nachrichtenmagazins* → *magazin*)?"""
    for w in (
        word,
        word[:-1] if word.endswith("s") else "",
        word[:-2] if word.endswith("es") else "",
    ):
        if w and len(w) > 4 and w.endswith(heads):
            return True
    return False


NAME_VERBS: frozenset[str] = frozenset(
    [
        "namens",
        "genannt",
        "heißt",
        "hieß",
        "heißen",
    ]
)

_NAME_INTRODUCERS = wordset(
    "von vom der des dem den die das für bei beim im am zum zur aus gegen mit an auf ein eine "
    "einer eines einem einen"
)
#: indefinite articles: a common noun phrase follows them, hardly ever a name (*sprach von
#: einer »Gefahr für Leib und Leben«*, but *der »Rat für Sicherheit«*)
_INDEFINITE_ARTICLES = wordset("ein eine einer eines einem einen")
#: lower-case words that open a phrase, not a name (*„kein Hindernis“*, *„trotz …“*)
_PHRASE_WORDS = DETERMINERS | PREPOSITIONS
#: lower-case words allowed inside a capitalised title or name (*Der Fänger im Roggen*)
_TITLE_FUNCTION = wordset(
    "der die das des dem den ein eine einer eines und oder im in am an auf aus von vom zu zum zur "
    "für mit über unter ohne gegen nach um bei beim vor durch zwischen hinter neben seit bis "
    "ins ans of the and for against de la le du et des pour -"
)


def _is_title(toks: Sequence[Tok], text: str, r: QuotedRegion, *, speech_context: bool) -> bool:
    """Quoted title or name: announced by a title noun/naming verb, or (outside a speech
    context) all words capitalised but function words (*Der Fänger im Roggen*)."""
    first = first_token(toks, r)
    inner = text[r.start + 1 : r.end - 1].split()
    if first is not None and first > 0:
        before = toks[first - 1].lower
        if before in NAME_VERBS or (
            is_title_noun(before) and not (speech_context and _opens_phrase(inner))
        ):
            # das Buch »…«, die Operation »…«, namens »…« — but in a speech context a
            # quotation that opens with a lower-case article or preposition continues the
            # clause (*gab die Zustimmung zu dem Gesetz »trotz einiger Bedenken« bekannt*,
            # *sieht in dem Gesetz »kein Hindernis«*); a lower-case title (*das Magazin
            # »profil«*) opens with a content word
            return True
    # lower-case adjectives inside a name only outside any speech context: in one, *die
    # »Stärkung der internationalen Diplomatie«* is a partial quotation
    adjectives = not speech_context
    if r.end < len(text) and text[r.end] in "-(":
        # »Bild«-Zeitung, »Union Front« (UDD) — but not after *so genannt*: *die so genannten
        # »fuel level«-Sensoren* sets a term apart (the author's distancing)
        return text[r.end] == "(" or not _SO_CALLED.search(text, max(0, r.start - 16), r.start)
    if (
        first is not None
        and first > 0
        and 0 < len(inner) < 4
        and inner[0][:1].isupper()
        and (len(inner) > 1 or looks_like_name(inner[0]))
        and toks[first - 1].lower in _NAME_INTRODUCERS
        and not speech_context
        and all(w[:1].isupper() or w.lower() in _TITLE_FUNCTION for w in inner)
    ):
        return True  # der »DFB«, von »Ärzte ohne Grenzen«
    if first is not None and first > 0 and speech_context:
        # in a speech context only a name after a preposition or definite article is a name
        # (vom »X Y«); after an indefinite article it is a partial quotation (ein »Opfer des
        # Terrors«), and so is a descriptive noun phrase with an attribute (die »Totengräber
        # der Demokratie«, des »Aufrufs zu Subversion«)
        prev = toks[first - 1].lower
        speech_context = (
            prev not in _NAME_INTRODUCERS
            or prev in _INDEFINITE_ARTICLES
            or _descriptive_phrase(inner)
        )
    if (
        speech_context
        or len(inner) < 2
        or not inner[0][:1].isupper()
        or inner[-1][-1:] in _FINAL_PUNCT
    ):
        return False
    return all(
        w[:1].isupper()
        or not w[:1].isalpha()
        or w.lower() in _TITLE_FUNCTION
        or (adjectives and _title_adjective(inner, k))
        for k, w in enumerate(inner)
    )


def _opens_phrase(words: Sequence[str]) -> bool:
    """Does the quoted text start with a lower-case determiner or preposition (*kein
    Hindernis*, *trotz einiger Vorbehalte*, *ein moderates Gesetz*)?"""
    return bool(words) and words[0] in _PHRASE_WORDS


#: heads of names of organisations, alliances and bodies (*Rat der Weisen*, *Partei der
#: Arbeit*, *Gesellschaft zur Förderung …*): such a phrase stays a name
_ORGANISATION_HEADS = wordset(
    """
    rat partei bund verband gesellschaft organisation union front bewegung kampagne stiftung
    institut komitee kommission liga allianz bündnis vereinigung verein zentrum akademie amt
    ministerium gericht initiative netzwerk koalition armee brigade brigaden garde gruppe
    konferenz forum kongress versammlung freunde ärzte reporter
    """
)
#: words that attach a genitive or prepositional attribute to the head noun
_ATTRIBUTE_WORDS = wordset("der des zu zur zum von vom")


def _descriptive_phrase(words: Sequence[str]) -> bool:
    """A quoted noun with a genitive or prepositional attribute that is not the name of an
    organisation (*Totengräber der Demokratie*, *Aufrufs zu Subversion*; not *Rat der
    Weisen*, *Ärzte ohne Grenzen*): in a speech context the speaker's wording.

    Limits: organisations are told by their first word only (:data:`_ORGANISATION_HEADS`);
    a descriptive title without a class noun before it (*die „Zeit der Ehrlichkeit“*) is
    read as speech in a speech context.
    """
    return (
        2 <= len(words) <= 4
        and words[0].lower().strip('„“»«"') not in _ORGANISATION_HEADS
        and any(w in _ATTRIBUTE_WORDS for w in words[1:])
    )


def _title_adjective(words: Sequence[str], k: int) -> bool:
    """Is ``words[k]`` a lower-case attributive adjective inside a name (*Rat für nationale
    Sicherheit*, *Woche des verbotenen Buches*): an inflected ending, after an article,
    preposition or another such adjective, before a capitalised word?

    Limits: an adjective right after a noun (*Gesetz zur Bekämpfung finanzieller …*) is not
    taken, so that a finite verb after a subject (*Wir wollen Frieden*) is never one.
    """
    w = words[k]
    if not (0 < k < len(words) - 1 and w.isalpha() and w.endswith(("e", "en", "er", "es", "em"))):
        return False
    prev, nxt = words[k - 1], words[k + 1]
    return (
        nxt[:1].isupper()
        and w not in _TITLE_FUNCTION
        and (
            prev.lower() in _TITLE_FUNCTION
            or (prev[:1].islower() and _title_adjective(words, k - 1))
        )
    )


def _capitalised_phrase(inner: str) -> bool:
    """One to three words, all capitalised (or not alphabetic), no final punctuation."""
    words = inner.split()
    return (
        0 < len(words) <= 3
        and inner[-1:] not in _FINAL_PUNCT
        and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    )


def _after_noun(toks: Sequence[Tok], r: QuotedRegion) -> bool:
    """Does the quotation stand right after a noun, as a name in apposition (*das
    Mannschaftsquartier „Forte Village“*, *die Internet-Nachrichtensite „Golem“*, *des Tankers
    „Sirius Star“*)?

    Why: a quoted name after its class noun is the standard German naming pattern; a
    partial quotation follows a verb, an article or *als* (*nannte es einen „Wortbruch“*).
    """
    first = first_token(toks, r)
    if first is None or first < 2:
        return False
    prev = toks[first - 1]
    return prev.q < 0 and is_head(prev) and prev.lower not in _NAME_INTRODUCERS


#: words before an alias or abbreviation (*kurz „DFB“*)
_ALIAS_BEFORE = wordset("kurz abgekürzt")
#: articles of the genitive and dative singular: a single capitalised word after them is a
#: name (*des „Spiegel“*, *dem „Figaro“ zufolge*), hardly ever a quoted word
_OBLIQUE_ARTICLES = wordset("des dem")


def _name_position(toks: Sequence[Tok], text: str, r: QuotedRegion) -> bool:
    """Does a short capitalised quotation stand where names stand, also in a speech context:
    in parentheses (*(„PLoS Biology“)*), after *kurz* (*kurz „DFB“*), right before a
    capitalised name it labels (*der „Realo“ Winfried Kretschmann*), or as one word after a
    genitive or dative article (*des „Spiegel“*)?

    Limits: a quoted word after *dem* that the speaker did use (*dem „Verrat“*) is read as
    a name.
    """
    first = first_token(toks, r)
    last = last_token(toks, r)
    if first is None or last is None:
        return False
    prev = toks[first - 1] if first > 0 else None
    nxt = toks[last + 1] if last + 1 < len(toks) else None
    if prev is not None and prev.q < 0 and prev.text == "(":
        return True
    if (
        prev is not None
        and prev.q < 0
        and (
            prev.lower in _ALIAS_BEFORE
            or (prev.text == ":" and first > 1 and toks[first - 2].lower in _ALIAS_BEFORE)
        )
    ):
        return True
    if nxt is not None and nxt.q < 0 and is_head(nxt) and nxt.text[:1].isupper():
        return True
    words = text[r.start + 1 : r.end - 1].split()
    if len(words) != 1 or prev is None or prev.q >= 0 or prev.lower not in _OBLIQUE_ARTICLES:
        return False
    # a common noun after *des* takes the genitive ending (*des „Parteiparlaments“*); a
    # name in quotation marks mostly stays as it is (*des „Spiegel“*)
    return prev.lower != "des" or not words[0].rstrip(".,;:!?").endswith("s")


#: function words of other languages in names of parties, groups and works (*Union pour un
#: Mouvement Populaire*, *Partij voor de Vrijheid*, *People's Front of Judea*)
_FOREIGN_FUNCTION = wordset(
    "pour un une et du de la le les voor van het en of the and del los las el y"
)


def _foreign_name(inner: str) -> bool:
    """A quoted name in another language: at least two capitalised words and a foreign
    function word, nothing else (a German partial quotation has German function words)."""
    words = inner.split()
    if len(words) < 2 or not words[0][:1].isupper():
        return False  # two capitalised words (one may be the function word: *El País*)
    if not any(w.lower() in _FOREIGN_FUNCTION for w in words):
        return False
    return sum(1 for w in words if w[:1].isupper()) >= 2 and all(
        w[:1].isupper() or w.lower() in _FOREIGN_FUNCTION or not w[:1].isalpha() for w in words
    )


def looks_like_name(word: str) -> bool:
    """A single word that is a name rather than a common noun: an acronym or CamelCase
    (*DFB*, *YouTube*, *iPhone*), or with digits."""
    core = word.strip(".,;:!?")
    rest = core[1:]
    if rest == rest.lower() and core.isalpha():
        return False  # (most words) no capital after the first letter and no digit
    return (
        sum(c.isupper() for c in core) > 1
        or any(c.isdigit() for c in core)
        or (core[:1].islower() and any(c.isupper() for c in core))
    )
