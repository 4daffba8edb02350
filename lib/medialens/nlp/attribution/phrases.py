"""German noun phrases without a parser: the word classes and the noun-phrase scanners that
speaker finding (:mod:`.speakers`) and clause structure (:mod:`.clauses`) build on.

Why heuristics on capitalisation and closed word lists: the default pipeline has no tagger, but
German capitalises nouns. A noun phrase is: determiner or possessive, lower-case adjectives,
capitalised words (with hyphens, initials, *von*/*de* name particles), and genitive or
*von/vom* attachments (:func:`np_forward`, :func:`np_backward`, :func:`first_field_np`); this
module also says which heads cannot speak (abstract nouns, time expressions) and which words
look adverbial.

Limits: lower-case names and nouns after a sentence-initial lower-case word are missed;
coordination (*X und Y*) is kept as one span.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medialens.nlp.attribution.morphology import analyse
from medialens.nlp.attribution.npends import (
    common_noun_pair,
    genitive_after_name,
    preposition_zu,
    saxon_genitive_after_head,
)
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

DETERMINERS: frozenset[str] = wordset(
    """
    der die das des dem den ein eine einer eines einem einen sein seine seiner seines seinem
    seinen ihr ihre ihrer ihres ihrem ihren unser unsere unserer unseres unserem unseren
    dieser diese dieses diesem diesen jener jene jenes mehrere viele einige zahlreiche beide
    alle andere weitere zwei drei vier fünf sechs sieben acht neun zehn
    jegliche jeglicher jegliches sämtliche jede jeder jedes keine kein keinen
    """
)
PRONOUNS: frozenset[str] = wordset("er sie man ich wir ihr es")
PERSONAL_SPEAKER_PRONOUNS: frozenset[str] = wordset("er sie man ich wir")
#: pronouns that are only nominative (*sie* may be an accusative object: *forderte sie auf*)
NOMINATIVE_PRONOUNS: frozenset[str] = wordset("er man ich wir")
#: demonstratives that stand alone as a speaker (*sagte dieser*)
DEMONSTRATIVE_SPEAKERS: frozenset[str] = wordset("dieser diese jener jene letzterer letztere")
PREPOSITIONS: frozenset[str] = wordset(
    """
    in im am an auf aus bei beim mit nach seit von vom vor zu zum zur über unter für gegen
    ohne um durch während wegen trotz gegenüber neben zwischen hinter innerhalb außerhalb
    angesichts infolge bezüglich ab bis dank via per gemäß entgegen laut
    aufgrund anlässlich hinsichtlich mithilfe statt anstelle anstatt binnen jenseits samt
    nebst inmitten zugunsten ungeachtet abseits mittels seitens vonseiten unweit nahe
    oberhalb unterhalb außer einschließlich zwecks
    """
)
#: prepositions whose phrase in a first field belongs to the verb, never to the subject
#: before it (*Der Minister gegenüber Journalisten sagte*: the addressee; *laut X*, the source)
VERB_PREPOSITIONS: frozenset[str] = wordset("gegenüber laut zufolge")
#: comparatives before *als* (*schneller als erwartet*, *mehr als zehn*), shared by the
#: comparison tests of :mod:`.senses` and :mod:`.argframes`
COMPARATIVES: frozenset[str] = wordset(
    """
    anders mehr weniger eher lieber früher später besser schlechter schneller langsamer
    höher niedriger größer kleiner stärker schwächer länger kürzer häufiger seltener öfter
    teurer billiger günstiger geringer älter jünger schwerer leichter härter deutlicher weiter
    """
)
#: first-field words that are not a subject (the subject then follows the finite verb)
ADVERBS: frozenset[str] = wordset(
    """
    gestern heute morgen vorgestern dabei dazu daher deshalb deswegen darum damit danach davor
    zuvor zudem außerdem ebenfalls jedoch allerdings inzwischen mittlerweile später bereits
    schon nun jetzt dann damals daraufhin demnach demgegenüber gleichzeitig zugleich weiter
    weiterhin ferner insgesamt offenbar offensichtlich hier dort erst noch bislang bisher
    zunächst schließlich anschließend unterdessen indes indessen trotzdem dennoch so ebenso
    hierzu hierbei dagegen hingegen stattdessen vielmehr wiederum überdies zusätzlich
    gestrigen gerade kürzlich jüngst nochmals erneut auch aber doch und denn sogar selbst nur
    ebenfalls explizit ausdrücklich konkret wörtlich abschließend einleitend zuletzt
    zwar derzeit zurzeit momentan gegenwärtig künftig zukünftig seither seitdem vorher nachher
    darunter darüber dazwischen ohnehin jedenfalls immerhin freilich zusammen gemeinsam
    hierauf darauf hieran daran hierin darin hiervon davon hierdurch dadurch hierfür dafür
    hiermit hiernach hierüber hiergegen sodann alsdann hernach nunmehr alsbald folglich
    demzufolge infolgedessen desgleichen gleichfalls
    """
)
#: sentence adverbs of a single word that also stand capitalised in the first field (*Übrigens
#: meinte der Minister, …*, *Bald sagte einer der Gäste, …*, older *Weiters betonte er*): none
#: of them is a noun or name on its own, so they are never the subject (*fast, kaum* modify the
#: phrase after them and are leading particles: *Fast jeder Abgeordnete sagte, …*)
ADVERBS |= wordset(
    """
    übrigens erstens zweitens drittens viertens letztens wenigstens mindestens höchstens
    meistens spätestens frühestens bestens neuerdings anfangs eingangs leider bald sonst oft
    öfters manchmal bisweilen mitunter stets immer nie vielleicht wohl gewiss überhaupt einst
    längst sofort sogleich wieder ehedem vormals weiters gleichwohl nichtsdestoweniger nichtsdestotrotz demnächst unlängst neulich vorerst zuerst ebenda anders
    daselbst hinterher vorhin
    """
)
#: focus particles before the first field (*Auch die Polizei …*, *Insbesondere kritisiert X*):
#: they are never the subject; the first field, or the verb, follows them
LEADING_PARTICLES: frozenset[str] = wordset(
    """
    auch und aber doch denn sogar selbst nur so insbesondere besonders vornehmlich vorwiegend
    hauptsächlich speziell ausgerechnet lediglich einzig fast kaum
    """
)
#: words that open a verb-final clause: conjunctions, and the relative adverbs (*…, woraufhin
#: der Minister erklärte, …*) whose clause has its own subject, the subject of a cue inside
#: it, never the main clause's (*bis* and *sowie* are left out: mostly a preposition and a
#: coordinator)
SUBORDINATORS: frozenset[str] = wordset(
    """
    nachdem weil da als obwohl obgleich wenn während bevor seit seitdem sobald solange indem
    damit falls sofern wie wo dass daß ob zumal ehe sodass wohingegen wenngleich obschon
    wobei worauf woraufhin womit wodurch wonach woran worin worüber wofür wogegen wovon wozu
    woraus worum weshalb weswegen
    """
)
#: determiners that are never nominative: a first field starting with one is an object
OBJECT_DETERMINERS: frozenset[str] = wordset(
    "den dem einen einem seinen seinem ihren ihrem diesen diesem jenen jenem unseren unserem"
)
COORDINATORS: frozenset[str] = wordset("und aber doch sondern jedoch denn oder")
RELATIVES: frozenset[str] = frozenset(
    ["der", "die", "das", "dem", "den", "denen", "dessen", "deren", "welcher", "welche"]
)
AUXILIARIES: frozenset[str] = wordset(
    """
    hat hatte haben hatten habe hätte hätten ist war sind waren sei seien wäre wären wurde
    wurden wird werden würde würden kann konnte können konnten könne könnte will wollte
    wollen wollten wolle soll sollte sollen sollten solle muss musste müssen mussten müsse
    müsste möchte möchten darf durfte dürfe dürfte ließ ließen lässt
    """
)
NAME_PARTICLES: frozenset[str] = frozenset(
    [
        "von",
        "van",
        "de",
        "del",
        "della",
        "der",
        "den",
        "du",
        "da",
        "di",
        "bin",
        "al",
        "el",
        "la",
        "le",
        "ter",
        "zu",
    ]
)

MAX_NP = 14
#: adverbs that stand inside an extended attribute (*die gestern veröffentlichte Studie*)
TIME_ADVERBS: frozenset[str] = wordset("gestern heute vorgestern kürzlich erst zuvor bereits")
#: nouns of quantity after a number that make a subject (*80 Prozent befürworteten*)
QUANTITY_NOUNS: frozenset[str] = wordset("prozent viertel drittel hälfte mehrheit")
#: tokens (with the marks) of a quoted name that can be a subject (*„Ärzte ohne Grenzen“*)
MAX_QUOTED_NAME = 7
FUNCTION_WORDS: frozenset[str] = (
    DETERMINERS
    | PRONOUNS
    | PREPOSITIONS
    | ADVERBS
    | SUBORDINATORS
    | RELATIVES
    | wordset("dies dieses das es man wer was hier dort ja nein kein keine")
)


def is_cap(tok: Tok) -> bool:
    """Capitalised (noun or name), also *ai-Bericht*, *5-Sterne-Bewegung*."""
    t = tok.text
    if not t:
        return False
    if t[0].isupper():
        return True
    if "-" in t:
        tail = t.rsplit("-", 1)[1]
        return tail[:1].isupper() or (t[0].isdigit() and tail.startswith("jährig"))
    # a camel-case name (*eBay*, *iPhone*): a lower-case start with a capital inside
    return not t.islower() and t[0].islower() and t.isalpha()


def nominative_after(toks: Sequence[Tok], i: int, stop: int) -> bool:
    """Does the article at ``i`` open a new noun phrase rather than a genitive attribute of
    the phrase before (*laut X der neue Sprecher*, *nach Auskunft der Behörde der größte
    Teil*)? After a genitive article an adjective takes the weak ending *-en* (*der neuen
    Regierung*, *des großen Hauses*); an adjective in *-e* shows the nominative.

    Limits: only with an adjective after the article; a bare noun (*der Sprecher*) stays
    ambiguous between genitive plural and nominative and is left to the genitive."""
    if i + 1 >= stop:
        return False
    nxt = toks[i + 1]
    return nxt.q < 0 and nxt.text.endswith("e") and is_adjective(nxt)


def is_adjective(tok: Tok) -> bool:
    """A lower-case inflected adjective (*spanische*, *offiziellen*) — by its ending."""
    t = tok.text
    return (
        t[:1].islower()
        and t.isalpha()
        and t not in DETERMINERS
        and t not in AUXILIARIES
        and t not in PREPOSITIONS
        and t not in PRONOUNS  # (*er*, *es* end like adjectives)
        and (t.endswith(("e", "en", "er", "es", "em")) or t.endswith("isch"))
    )


_DOMAIN_RE = re.compile(
    r"[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:de|com|net|org|at|ch|eu|info|tv|fr|it|es|ru|uk|io)"
)


def is_head(tok: Tok) -> bool:
    """A capitalised content word (not a sentence-initial function word like *Die*, *Dem*),
    or a web address used as a name (*laut ndr.de*, *der Website worldreferee.com zufolge*)."""
    t = tok.text
    if t[:1].isupper() or is_cap(tok):  # (the common case without the call)
        return tok.lower not in FUNCTION_WORDS
    return "." in t and _DOMAIN_RE.fullmatch(t) is not None


def quoted_name(toks: Sequence[Tok], k: int, stop: int) -> tuple[int, int] | None:
    """A short quoted name as speaker (*wie »heise online« berichtet*)."""
    q = toks[k].q
    j = k
    while j < stop and toks[j].q == q:
        j += 1
    return (k, j) if j - k <= 6 else None


#: tokens (with the marks) of a quoted name after an article or attributive adjective
MAX_ARTICLE_QUOTED_NAME = 10


def _article_quoted_name(toks: Sequence[Tok], k: int, stop: int) -> tuple[int, int] | None:
    """A longer quoted name right after an article or adjective (*der neue »Verein zur
    Rettung der Demokratie«*): the article makes the quotation a noun phrase — if it starts
    with a capital and holds no sentence or clause punctuation (a quoted statement)."""
    q = toks[k].q
    j = k
    while j < stop and toks[j].q == q:
        if toks[j].text in (".", "!", "?", ":", ";", ","):
            return None
        j += 1
    inner = [t for t in toks[k:j] if t.text[:1].isalnum()]
    if j - k > MAX_ARTICLE_QUOTED_NAME or not inner or not inner[0].text[:1].isupper():
        return None
    return (k, j)


#: conjunctions after the hyphen of an elliptic compound (*Markt- und Meinungsforscher*)
_ELLIPSIS_CONJUNCTIONS: frozenset[str] = wordset("und oder bzw sowie")


def np_forward(toks: Sequence[Tok], k: int, *, end: int | None = None) -> tuple[int, int] | None:
    """The noun phrase starting at token ``k`` as ``(first, last + 1)``, or None."""
    stop = len(toks) if end is None else end
    if k >= stop:
        return None
    if toks[k].q < 0 and toks[k].lower in DETERMINERS and k + 1 < stop and toks[k + 1].q >= 0:
        named = quoted_name(toks, k + 1, stop) or _article_quoted_name(toks, k + 1, stop)
        return (k, named[1]) if named else None
    if toks[k].q >= 0:
        return quoted_name(toks, k, stop)
    if toks[k].lower in PERSONAL_SPEAKER_PRONOUNS:
        return (k, k + 1)
    if toks[k].text[:1].isdigit() and k + 1 < stop and toks[k + 1].lower in QUANTITY_NOUNS:
        return (k, k + 2)  # *80 Prozent befürworteten, …*
    if toks[k].lower in DEMONSTRATIVE_SPEAKERS and (
        k + 1 >= stop or not (is_cap(toks[k + 1]) or is_adjective(toks[k + 1]))
    ):
        return (k, k + 1)
    i = k
    has_head = False
    while i < stop and i - k < MAX_NP:
        tok = toks[i]
        if tok.q >= 0:
            if not has_head and i > k and toks[i - 1].q < 0 and is_adjective(toks[i - 1]):
                # *der neue »Obstverein«*
                named = quoted_name(toks, i, stop) or _article_quoted_name(toks, i, stop)
                if named is not None:
                    return (k, named[1])
            if has_head and i > k and toks[i - 1].q < 0 and is_head(toks[i - 1]):
                named = appositive_name(toks, i, stop)  # *die Agentur »Sana«*
                if named is not None:
                    return (k, named)
            break
        low = tok.lower
        if low in DETERMINERS:
            if has_head and (
                low not in ("des", "der", "eines", "einer")
                or nominative_after(toks, i, stop)
                or genitive_after_name(toks, i)
            ):  # a name takes no genitive: *sagte Kessler der Zeitung* (see .npends)
                break
            i += 1
            continue
        if not has_head and i > k and low in PREPOSITIONS and toks[i - 1].lower in DETERMINERS:
            # *einer am Dienstag veröffentlichten Mitteilung*: a phrase inside the attribute
            j = _attribute_phrase_end(toks, i, stop)
            if j is not None:
                i = j
                continue
        if (
            not has_head
            and low == "als"
            and i > k
            and toks[i - 1].lower in DETERMINERS
            and i + 2 < stop
            and toks[i + 1].q < 0
            and is_adjective(toks[i + 2])
        ):
            # *der als gemäßigt geltende Präsident*, *die als Hardlinerin bekannte Ministerin*:
            # an *als* phrase inside an extended attribute, right after the article
            i += 2
            continue
        if is_head(tok):
            if has_head and (
                common_noun_pair(toks, i, stop) or saxon_genitive_after_head(toks, i, stop)
            ):
                break  # *die Organisation Schätzungen*: a second phrase (see .npends)
            has_head = True
            i += 1
            continue
        if (
            has_head
            and low in _ELLIPSIS_CONJUNCTIONS
            and toks[i - 1].text.endswith("-")
            and i + 1 < stop
            and is_head(toks[i + 1])
        ):
            i += 1  # *Markt- und Sozialforschungsinstitute*: an elliptic compound goes on
            continue
        if (
            not has_head
            and i > k
            and low in ADVERBS | TIME_ADVERBS
            and tok.text[:1].islower()
            and i + 1 < stop
            and is_adjective(toks[i + 1])
        ):
            i += 1  # *einer gestern verbreiteten Erklärung*: an adverb inside the attribute
            continue
        if (
            is_adjective(tok)
            and (not has_head or toks[i - 1].lower in DETERMINERS or toks[i - 1].lower in ADVERBS)
            and i + 1 < stop
            and (is_head(toks[i + 1]) or is_adjective(toks[i + 1]) or toks[i + 1].q >= 0)
        ):
            i += 1
            continue
        if (
            has_head
            and low in ("von", "vom")
            and i + 1 < stop
            and (is_head(toks[i + 1]) or toks[i + 1].lower in DETERMINERS)
        ):
            i += 1
            continue
        if (
            has_head
            and low in NAME_PARTICLES
            and i + 1 < stop
            and is_head(toks[i + 1])
            and not _particle_phrase(toks, i, stop)
        ):
            i += 1
            continue
        break
    # trailing determiners/particles are not part of the phrase
    while i > k and not is_head(toks[i - 1]):
        i -= 1
    if not has_head or i <= k:
        return None
    return (k, i)


#: most words of a quoted name in apposition to a noun (*die Zeitung »Die Welt«*)
MAX_APPOSITIVE_NAME_WORDS = 4


def appositive_name(toks: Sequence[Tok], i: int, stop: int) -> int | None:
    """The end of a short quoted name at ``i`` that follows a noun as its apposition (*die
    Nachrichtenagentur »Sana«*, *der Zeitung »Hoy Bolivia«*): capitalised first word, at
    most ``MAX_APPOSITIVE_NAME_WORDS`` words, no sentence punctuation (a quoted statement
    after a noun is no name). None otherwise."""
    q = toks[i].q
    j = i
    words = 0
    while j < stop and toks[j].q == q:
        t = toks[j]
        if t.text in (".", "!", "?", ":", ",", ";"):
            return None
        if t.text[:1].isalnum():
            words += 1
        j += 1
    inner = [t for t in toks[i:j] if t.text[:1].isalnum()]
    if not inner or words > MAX_APPOSITIVE_NAME_WORDS or not inner[0].text[:1].isupper():
        return None
    info = analyse(toks[i - 1].text)
    if info is not None and info.common and info.plural and not info.singular:
        return None  # *nach Zeugenaussagen »Britain First«*: a plural names no one thing
    return j


def _particle_phrase(toks: Sequence[Tok], i: int, stop: int) -> bool:
    """Is the name particle at ``i`` rather a preposition (*zu Beginn der Debatte*, *de facto*)?
    A time noun or a noun with a genitive attribute follows, not a surname."""
    nxt = toks[i + 1].lower
    if nxt in TIME_WORDS or nxt in TIME_NOUNS:
        return True
    if toks[i].lower == "zu" and i > 0 and _common_only(toks[i - 1]) and _common_only(toks[i + 1]):
        # *das Bauamt zu Schäden*, *rief X zu Hilfe*: between two common nouns *zu* is the
        # preposition; a noble *zu* follows a name (*Karl-Theodor zu Guttenberg*, whose
        # surname the lexicon may list as a common noun)
        return True
    if preposition_zu(toks, i, stop):
        return True  # *Krischer zu Webers Äußerungen* (see .npends)
    return i + 2 < stop and toks[i + 2].lower in ("der", "des") and toks[i].lower == "zu"


def _common_only(tok: Tok) -> bool:
    """A word the noun lexicon knows only as a common noun (no first name, surname, place)."""
    info = analyse(tok.text)
    return info is not None and info.common and not info.name


def _attribute_phrase_end(toks: Sequence[Tok], i: int, stop: int) -> int | None:
    """After a determiner, a prepositional phrase of an extended attribute (*am Dienstag*,
    *von der Regierung*) that ends in an adjective before a noun: the adjective's index."""
    j = i + 1
    while j < stop and j - i <= 4:
        t = toks[j]
        if t.q >= 0 or t.text in (",", ".", ";", ":"):
            return None
        if (
            is_adjective(t)
            and j + 1 < stop
            and (is_head(toks[j + 1]) or toks[j + 1].q >= 0)
            and j > i + 1
        ):
            return j
        if not (t.lower in DETERMINERS or is_cap(t) or is_adjective(t) or t.text[:1].isdigit()):
            return None
        j += 1
    return None


def np_backward(toks: Sequence[Tok], k: int) -> tuple[int, int] | None:
    """The noun phrase ending just before token ``k`` (for *X zufolge*)."""
    i = k - 1
    if i > 0 and toks[i].text == ")":
        # *Einer Erklärung des Verbands (VDR) zufolge*: skip a final parenthesis
        j = i - 1
        while j > 0 and toks[j].text != "(" and i - j < 8:
            j -= 1
        if toks[j].text == "(" and j > 0:
            inner = np_backward(toks, j)
            return (inner[0], k) if inner is not None else None
    if i < 0 or not (is_cap(toks[i]) or is_head(toks[i])):
        if i >= 0 and toks[i].lower in PERSONAL_SPEAKER_PRONOUNS:
            return (i, k)
        return None
    while i - 1 >= 0 and k - i < MAX_NP:
        prev = toks[i - 1]
        if prev.q >= 0:
            break
        if prev.lower in TIME_WORDS:
            break  # *am Nachmittag hunderttausende Demonstranten, die …*
        if is_head(prev):
            i -= 1
            continue
        if prev.lower in ("von", "vom", "-") or prev.lower in DETERMINERS:
            i -= 1
            continue
        if is_adjective(prev) and not _verb_form(prev) and prev.lower not in _NOT_ATTRIBUTIVE:
            i -= 1
            continue
        break
    return (i, k)


#: words that end like an inflected adjective but never stand before a noun (*was aber dem
#: Zeugen zufolge …*, *immer*, *wieder*); not *oder*, *weder*, which join coordinated
#: subjects (*Weder die Stadt noch der Landkreis oder der Verband erkennen an*)
_NOT_ATTRIBUTIVE: frozenset[str] = wordset("aber immer wieder jedoch sondern")
#: derivational endings of adjectives in an inflected form (*behördlichen, israelischen*)
_ADJECTIVE_EN = re.compile(r"(?:isch|lich|ig|bar|sam|haft|los|ell|al|iv|ant|ent|er)en$")


def verb_form(tok: Tok) -> bool:
    """Public name of :func:`_verb_form` (a lower-case *-en* word read as a verb form)."""
    return _verb_form(tok)


def _verb_form(tok: Tok) -> bool:
    """Is the lower-case word ending in *-en* before a noun phrase a verb form (*Dabei starben
    behördlichen Angaben zufolge*, *… gewinnen Medienberichten zufolge*), not an attributive
    adjective? An attributive adjective is an inflected form of its lemma (*offiziellen* of
    *offiziell*) or has an adjective suffix (*behördlichen*); a verb's lemma ends in *-en*
    and is not the start of the form (*starben*: *sterben*) or is the form itself
    (*gewinnen*). Limits: a participle used as an adjective (*den beteiligten Behörden*) is
    read as a verb, so the phrase starts after it."""
    low = tok.lower
    if not low.endswith("en"):
        return False
    lem = tok.lemma.lower()
    if low != lem and low.startswith(lem):
        return False
    if len(low) > 7 and _ADJECTIVE_EN.search(low):
        return False
    return lem.endswith(("en", "ern", "eln"))


def first_field_np(toks: Sequence[Tok], a: int, b: int) -> tuple[int, int] | None:
    """The speaker noun phrase of a first field ``toks[a:b]``: the whole field when every
    lower-case word in it belongs to a noun phrase (*Der Sprecher der Fraktion, Jens Nacke*,
    *Die staatlich kontrollierten Medien*), else the part before the first word that cannot
    (*Obama sagte in der Videobotschaft* -> *Obama*, *Die Kanadier hingegen* -> *Die
    Kanadier*: a verb or adverb after the head ends the phrase)."""
    k = a
    depth = 0
    while k < b:
        t = toks[k]
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif (
            depth == 0
            and t.q < 0
            and k > a
            and (t.lower in VERB_PREPOSITIONS or not np_internal(toks, k, b))
        ):
            break
        k += 1
    while k > a and not (is_head(toks[k - 1]) or toks[k - 1].q >= 0 or toks[k - 1].text == ")"):
        k -= 1
    return (a, k) if k > a else None


#: lower-case words that join or quantify inside a noun phrase
_NP_GLUE: frozenset[str] = wordset("und sowie oder bzw dt etwa aller allen vieler mehrerer")


def np_internal(toks: Sequence[Tok], k: int, end: int) -> bool:
    """Can token ``k`` stand inside a noun phrase? Capitalised words, numbers, punctuation,
    determiners, prepositions, conjunctions, name particles, and lower-case words that are
    attributive (an adjective, participle or adverb before an adjective or noun)."""
    t = toks[k]
    low = t.lower
    if not t.text[:1].islower() or not t.text.isalpha():
        return True
    if low in AUXILIARIES:
        return False
    if low in DETERMINERS or low in PREPOSITIONS or low in NAME_PARTICLES:
        return True
    if low == "als" and k > 0 and toks[k - 1].lower in ("mehr", "weniger"):
        return True  # *Mehr als drei Viertel der Befragten*: a quantity, one phrase
    if low in _NP_GLUE or (
        k > 0 and toks[k - 1].lower in NAME_PARTICLES and toks[k - 1].lower != "zu"
    ):
        return True  # *Front de gauche*: a lower-case word of a foreign name (*zu* + a
        # lower-case word is an infinitive: *die Passagiere zu evakuieren*)
    j = k + 1
    while j < end and j - k <= 3 and toks[j].lower in ADVERBS | TIME_ADVERBS:
        j += 1
    if j >= end:
        return False
    nxt = toks[j]
    return is_head(nxt) or (is_adjective(nxt) and j + 1 < end) or nxt.lower in TIME_ADVERBS


#: nouns of time spans and points: a first field headed by one is an adverbial
TIME_NOUNS: frozenset[str] = wordset(
    """
    sekunden minuten stunden tage tagen wochen monate monaten jahre jahren jahrzehnte
    jahrzehnten sekunde minute stunde tag woche monat jahr jahrzehnt zeit zeitpunkt
    """
)
#: time nouns after the verb (*sagte heute Abend*) are not the speaker
TIME_WORDS = wordset(
    "abend morgen mittag nachmittag vormittag nacht wochenende montag dienstag mittwoch "
    "donnerstag freitag samstag sonntag montagabend dienstagabend mittwochabend "
    "donnerstagabend freitagabend samstagabend sonntagabend "
    "januar februar märz april mai juni juli august september oktober november dezember "
    "ende anfang mitte beginn"
)
