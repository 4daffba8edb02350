"""Reference for speakers: can a noun phrase speak, and which earlier speaker does a pronoun
or role noun (*er*, *sie*, *die Ministerin*) refer to — by gender and number agreement.

Why: a continuation sentence or a pronoun speaker refers back to a source, and without a parser
the nearest noun phrase is often the wrong one: a first field like *Die Anzahl der zerstörten
Geschäfte* or *Die Proteste* is no source, and *sie* after *Der Minister … Die Sprecherin*
is the spokeswoman. German marks gender and number on the head noun and its determiner; the
noun lexicon (:mod:`.morphology`) supplies them, and it tells names from common nouns.

What counts as a possible source (:func:`speaker_like`): a pronoun; a name (a capitalised head
the lexicon lacks, or lists as a first name, surname, place or other name; an acronym); a
person noun (nominalised adjective *der Vorsitzende*, weak masculine *der Experte/Student*,
the suffixes *-er/-in/-ent/-ant/-ist/-or/-eur/-loge/-ling/-chef*); an institution, medium or
document (*Regierung, Polizei, Agentur, Zeitung, Bericht, Studie, Erklärung*) or a source noun
(*Angaben, Meinung*), also as the tail of a compound (*Nachrichtenagentur*).

Limits: a heuristic of the head word only (the first capitalised content word, else the last);
no semantic classes beyond these lists; first names carry no gender in the source lexicon, so
a person named without a role noun agrees with *er* and *sie* alike.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import NamedTuple, TypeVar

from medialens.nlp.attribution.morphology import (
    FEM,
    FIRST_NAME,
    MASC,
    NEUT,
    SURNAME,
    TOPONYM,
    NounInfo,
    analyse,
    lexicon,
)
from medialens.nlp.attribution.npclass import PREDICATIVE_OPENERS
from medialens.nlp.attribution.phrases import (
    ADVERBS,
    DETERMINERS,
    FUNCTION_WORDS,
    is_head,
    np_forward,
)
from medialens.nlp.attribution.subjects import v2_subject
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Quote, Speaker

T = TypeVar("T")

#: name classes that are persons or places (not other listed proper names)
PERSON_OR_PLACE = FIRST_NAME | SURNAME | TOPONYM

#: heads of institutions, media, documents and source nouns (also as compound tails)
SOURCE_HEADS: tuple[str, ...] = tuple(
    sorted(
        wordset(
            """
    regierung ministerium behörde polizei partei gericht gerichtshof agentur verband amt rat
    komitee kommission zeitung blatt magazin sender fernsehen rundfunk radio bank unternehmen
    konzern firma gewerkschaft armee militär anwaltschaft botschaft fraktion koalition
    opposition verwaltung senat parlament bundestag landtag kongress institut universität
    hochschule stiftung organisation union vereinigung bündnis bund liga verein club klub team
    mannschaft gruppe lager kampagne führung leitung spitze vorstand präsidium direktion
    ausschuss gremium kabinett junta miliz dienst feuerwehr ministerium portal website
    webseite homepage seite bericht studie umfrage untersuchung gutachten erklärung mitteilung
    stellungnahme meldung statement brief schreiben dokument papier entwurf resolution urteil
    beschluss antrag vorlage kommentar artikel interview angaben informationen schätzung
    einschätzung meinung ansicht auffassung aussage aussagen worte quelle quellen kreise
    staat staaten land länder stadt gemeinde kirche vatikan verlag netzwerk initiative
    bewegung allianz front rebellen taliban hamas medien presse nachrichten gewerkschaften
    delegation nationen
    """
        )
    )
)
#: suffixes of person nouns (agent and role nouns)
PERSON_SUFFIXES: tuple[str, ...] = (
    "er",
    "erin",
    "in",
    "innen",
    "ent",
    "enten",
    "ant",
    "anten",
    "ist",
    "isten",
    "or",
    "oren",
    "eur",
    "eure",
    "loge",
    "logen",
    "ling",
    "linge",
    "chef",
    "chefs",
    "herr",
    "frau",
    "mann",
    "leute",
    "kind",
    "kinder",
    "nutzer",
    # role nouns without an agent suffix or weak declension
    "dekan",
    "bischof",
    "papst",
    "könig",
    "königin",
    "general",
    "kommissar",
    "arzt",
    "ärzte",
    "ärztin",
    "anwalt",
    "anwälte",
    "anwältin",
    "premier",
    "scheich",
    "emir",
    "mönch",
    "mönche",
    "vorstand",
    "person",
    "personen",
    "bürger",
    "volk",
)
#: pronoun -> (genders, plural possible, singular possible)
_PRONOUNS: dict[str, tuple[int, bool, bool]] = {
    "er": (MASC, False, True),
    "sie": (FEM, True, True),
    "es": (NEUT, False, True),
    "dieser": (MASC, False, True),
    "diese": (FEM, True, True),
    "dieses": (NEUT, False, True),
    "jener": (MASC, False, True),
    "jene": (FEM, True, True),
}
_MASC_DET = wordset("der ein dieser jener kein sein ihr unser")
_FEM_DET = wordset("die eine diese jene keine seine ihre unsere")
_NEUT_DET = wordset("das dieses jenes")
_PLURAL_DET = wordset("die diese jene beide alle mehrere viele einige zahlreiche zwei drei")


class Agreement(NamedTuple):
    """Gender bits (0 = unknown) and number of a noun phrase (None = unknown)."""

    genders: int
    plural: bool | None


def head_index(toks: Sequence[Tok], a: int, b: int) -> int | None:
    """The head of ``toks[a:b]``: the first capitalised content word (German puts genitive
    attributes and appositions after it: *der Sprecher der Regierung*, *Ministerin X*)."""
    k = next((k for k in range(a, b) if is_head(toks[k]) and toks[k].q < 0), None)
    if k == a and k + 1 < b and is_head(toks[k + 1]) and _capitalised_adjective(toks[k].text):
        # *Größere Schäden*, *Zahlreiche Polizisten*: an adjective opening the sentence
        # (without an article) is capitalised but is not the head
        return k + 1
    return k


def _capitalised_adjective(word: str) -> bool:
    """A capitalised word with an adjective ending (*Größere*, *Zahlreiche*, *Neuen*) that
    the noun lexicon knows only as a nominalised adjective, or not at all: before another
    noun it is an attributive adjective, not the head of its phrase."""
    if not word.endswith(("e", "en", "er", "es", "em")) or not word.isalpha() or len(word) < 4:
        return False
    info = analyse(word)
    return info is None or (info.adjectival and not info.name)


@lru_cache(maxsize=16_384)
def _weak_masculine(word: str) -> bool:
    """*Experte/Experten*, *Student*, *Zeuge*: masculine n-declension (genitive *-en/-n*),
    which in German is almost only used for animate nouns. A compound unknown to the
    lexicon is tested by its longest known tail (*Kampfgefährte* -> *Gefährte*)."""
    lex = lexicon()
    if lex.lookup(word) is None:
        tail = next(
            (
                t[0].upper() + t[1:]
                for t in (word[k:] for k in range(1, len(word) - 3))
                if t.isalpha() and lex.lookup(t[0].upper() + t[1:]) is not None
            ),
            None,
        )
        if tail is not None:
            word = tail
    for lemma in (word, word[:-1], word[:-2]):
        info = lex.lookup(lemma) if len(lemma) > 2 else None
        if info is None or not info.common or not info.genders & MASC:
            continue
        for gen in (lemma + "en", lemma + "n"):
            g = lex.lookup(gen)
            if g is not None and g.code & (1 << 5) and g.genders & MASC:  # genitive singular
                return True
    return False


def _source_tail(low: str) -> bool:
    return low.endswith(SOURCE_HEADS)


def source_headed(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Is the head of ``toks[a:b]`` an institution, medium, document or source noun (also as a
    compound tail: *einem Bericht*, *der Pressemitteilung*)? Persons and places are not."""
    h = head_index(toks, a, b)
    return h is not None and _source_tail(toks[h].lower)


def speaker_like(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Can the noun phrase ``toks[a:b]`` be a source (a person, institution, medium, document,
    name or pronoun) rather than a thing, event or abstraction (*Die Proteste*, *Die Anzahl
    der Geschäfte*, *Der Sprengsatz*)? See the module docstring for the classes."""
    if b <= a:
        return False
    if b - a == 1 and (toks[a].lower in _PRONOUNS or toks[a].lower in ("man", "ich", "wir")):
        return True
    if any(t.q >= 0 for t in toks[a:b]):
        return True  # a quoted name (*die Zeitung „Die Zeit“*, *»heise online«*)
    k = head_index(toks, a, b)
    if k is None:
        return False
    if word_speaker_like(toks[k].text):
        return True
    # a role noun with a name (*Dekan Berg*, *Präsident Obama*): a later capitalised word
    # of the same run that the lexicon knows as a name (or does not know) makes a person
    j = k + 1
    while j < b and is_head(toks[j]) and toks[j].q < 0:
        info = analyse(toks[j].text)
        if info is None or info.name:
            return True
        j += 1
    return False


#: words that are never the head of a source, though unknown to the noun lexicon: adverbs,
#: negation and predicative adjectives capitalised at a sentence start
_NOT_NOUNS: frozenset[str] = ADVERBS | PREDICATIVE_OPENERS | wordset("nicht nie niemals kaum")


@lru_cache(maxsize=32_768)
def word_speaker_like(word: str) -> bool:
    """The test of :func:`speaker_like` for one head word."""
    if len(word) > 1 and (word.isupper() or sum(c.isupper() for c in word) > 1):
        return True  # an acronym or a camel-case name (*UNICEF*, *McCain*, *ver.di*)
    low = word.lower()
    if low in _NOT_NOUNS:
        return False  # a capitalised adverb or particle at a sentence start (*Nicht …*)
    if _source_tail(low):
        return True
    info = analyse(word)
    if info is None:
        return True  # not a known common noun: a name
    if info.name and not info.common and (info.code & PERSON_OR_PLACE or not info.genders):
        return True  # a first name, surname or place (*Sonne*, a listed proper name, is not)
    if info.adjectival:
        return True  # *der Vorsitzende*, *die Abgeordneten*
    if low.endswith(PERSON_SUFFIXES) and not _thing_er(word, info):
        return True
    if low.endswith("n") and len(low) > 4 and _dative_plural_source(word[:-1]):
        return True  # *von Beobachtern*, *den Veranstaltern*, *von örtlichen Behörden*
    return _weak_masculine(word)


def _dative_plural_source(stem: str) -> bool:
    """Is ``stem`` (a dative plural without its *-n*: *Beobachter*, *Behörde*) an agent or
    role noun or a source head? The lexicon's suffix tests see only the base form."""
    low = stem.lower()
    if _source_tail(low):
        return True
    if not low.endswith(PERSON_SUFFIXES):
        return False
    info = analyse(stem)
    return info is None or not _thing_er(stem, info)


#: common *-er/-or/-in* nouns that are things (the suffix list would call them persons)
_THING_WORDS = wordset(
    """
    computer fehler sommer winter finger kilometer meter liter zentimeter euro dollar nummer
    zimmer theater register filter wasser messer fenster feuer zucker keller koffer charakter
    faktor sektor motor reaktor traktor sensor monitor termin benzin medizin disziplin
    magazin protein vitamin ruin terror horror humor tumor kontor labor äther tor
    """
)


def _thing_er(word: str, info: NounInfo) -> bool:
    """A suffix match that is a thing, not a person: listed, or a neuter noun."""
    low = word.lower()
    tail = next((w for w in _THING_WORDS if low.endswith(w)), None)
    if tail is not None:
        return True
    return bool(info.genders) and not info.genders & (MASC | FEM)


def agreement(toks: Sequence[Tok], a: int, b: int) -> Agreement:
    """Gender and number of the noun phrase ``toks[a:b]`` from its determiner and head noun.

    The determiner decides where it is unambiguous in the nominative (*der/ein* masculine,
    *das* neuter, *die* feminine or plural); otherwise the head's lexicon entry; names give
    nothing (unknown)."""
    if b - a == 1 and toks[a].lower in _PRONOUNS:
        g, pl, sg = _PRONOUNS[toks[a].lower]
        return Agreement(g, None if pl and sg else pl)
    k = head_index(toks, a, b)
    det = toks[a].lower if toks[a].lower in DETERMINERS else None
    info = analyse(toks[k].text) if k is not None else None
    genders = info.genders if info is not None and info.common else 0
    plural: bool | None = None
    if info is not None and info.common:
        if info.plural and not info.singular:
            plural = True
        elif info.singular and not info.plural:
            plural = False
    if det in _MASC_DET and det not in _FEM_DET:
        genders, plural = (genders & MASC) or MASC, False
    elif det in _NEUT_DET:
        genders, plural = (genders & NEUT) or NEUT, False
    elif det in ("die", "diese", "jene") and genders and not genders & FEM:
        plural = True  # *die Demonstranten*: *die* before a masculine/neuter noun is plural
    elif det in ("die", "diese", "jene") and plural is None and genders & FEM:
        plural = False
    if k is not None and info is not None and info.common and genders == FEM | MASC:
        genders = FEM if toks[k].lower.endswith(("in", "innen")) else genders
    if any(t.lower == "und" for t in toks[a:b]):
        plural = True  # *Die SPD und die Grünen*
    return Agreement(genders, plural)


def compatible(pronoun: str, target: Agreement) -> bool:
    """Does a pronoun (*er*, *sie*, *dieser*) agree with a noun phrase's gender and number?
    Unknown features agree with everything; *sie* fits a feminine singular or any plural."""
    spec = _PRONOUNS.get(pronoun.lower())
    if spec is None:
        return True
    genders, pl_ok, sg_ok = spec
    if target.plural is True:
        return pl_ok
    if target.plural is False and not sg_ok:
        return False
    if not target.genders:
        return True
    if target.plural is None and pl_ok:
        return True
    return bool(target.genders & genders)


def is_role_noun(toks: Sequence[Tok], a: int, b: int) -> bool:
    """A definite description without a name (*die Ministerin*, *der Sprecher*): a determiner
    and a person head noun, no further capitalised word that could be a name."""
    if b - a < 2 or toks[a].lower not in ("der", "die", "das"):
        return False
    heads = [t for t in toks[a + 1 : b] if is_head(t) and t.lower not in FUNCTION_WORDS]
    if len(heads) != 1:
        return False
    info = analyse(heads[0].text)
    return info is not None and info.common and word_speaker_like(heads[0].text)


def text_toks(text: str) -> list[Tok]:
    """Light tokens of a speaker text (split at spaces, punctuation kept on the word) for the
    agreement tests on stored :class:`~medialens.nlp.types.Speaker` texts."""
    out = []
    for i, w in enumerate(text.replace(",", " , ").split()):
        w = w.strip("()")
        if w:
            out.append(Tok(i, w, w.lower(), w, 0, 0, -1))
    return out


#: how many recent named speakers a pronoun may refer back to
MAX_CANDIDATES = 4


def resolve(pronoun: str, candidates: Sequence[T]) -> T | None:
    """The nearest of ``candidates`` (most recent last; objects with a ``text``) whose noun
    phrase agrees with ``pronoun`` in gender and number; None when none of the last
    ``MAX_CANDIDATES`` agrees (better no antecedent than a wrong one)."""
    for cand in reversed(candidates[-MAX_CANDIDATES:]):
        toks = text_toks(cand.text)  # type: ignore[attr-defined]
        if toks and compatible(pronoun, agreement(toks, 0, len(toks))):
            return cand
    return None


#: units (sentences) before the pronoun's own that are searched for an antecedent
MAX_UNITS_BACK = 2


def resolve_speakers(
    quotes: Sequence[Quote],
    starts: Sequence[int],
    unit_toks: Callable[[int], Sequence[Tok]],
) -> list[Quote]:
    """Give pronoun speakers (*er*, *sie*, *es*) their antecedent by agreement: the nearest subject
    of the pronoun's sentence (before it) or of the ``MAX_UNITS_BACK`` sentences before, or an
    earlier quotation's named speaker, whose gender and number fit the pronoun and which can
    speak (:func:`speaker_like`). ``starts`` are the units' start offsets, ``unit_toks(k)``
    the tokens of unit ``k``. Without an agreeing candidate the pronoun stays unresolved.

    Why a post-pass: a pronoun's antecedent is often the subject of a sentence without a
    quotation (*Auch Roland Koch kritisierte den Schritt. Er forderte …*), which the quotation
    rules never look at. Limits: subjects only (first field or after the finite verb), no
    objects or possessives; the last named speaker is the fallback only if it agrees.
    """
    out: list[Quote] = []
    named: list[tuple[int, Speaker]] = []  # (start, speaker) of earlier named speakers
    for q in quotes:
        sp = q.speaker
        if sp is not None and sp.text.lower() in ("er", "sie", "es"):
            cand = _antecedent(sp, starts, unit_toks, named)
            if cand is not None:
                q = q._replace(
                    speaker=sp._replace(
                        resolved=cand.text, resolved_start=cand.start, resolved_end=cand.end
                    )
                )
            elif sp.resolved is not None:
                q = q._replace(
                    speaker=sp._replace(resolved=None, resolved_start=None, resolved_end=None)
                )
        elif sp is not None and sp.text.lower() in ANAPHORIC_SOURCES:
            # *Demnach …*: the adverb stays the speaker mention (the gold convention, also
            # for the continuations that inherit it) and is resolved to the source named in
            # the sentence before, for actor coding
            ante = _source_antecedent(sp, starts, unit_toks)
            if ante is not None:
                q = q._replace(
                    speaker=sp._replace(
                        resolved=ante.text, resolved_start=ante.start, resolved_end=ante.end
                    )
                )
        elif sp is not None and sp.resolved is None and nameable(sp.text):
            named.append((sp.start, sp))
        out.append(q)
    return out


#: first words of speakers that never serve as an antecedent: pronouns of the first and
#: second person, *man*, and possessives of a source phrase (*ihrer Meinung nach*)
_NOT_ANTECEDENT_FIRST = wordset(
    """
    ich wir man du ihr es mein meine meiner meinem meinen unser unsere unserer unserem
    unseren sein seine seiner seinem seinen ihre ihrer ihrem ihren dein deine deiner
    """
)


def nameable(text: str) -> bool:
    """May the earlier speaker ``text`` be the antecedent of a later *er/sie*? Not a pronoun
    of the first or second person, *man*, or a possessive source phrase (*ihrer Meinung*),
    which agree in gender with nothing they could stand for."""
    first = text.split(None, 1)[0].lower() if text else ""
    return first not in _NOT_ANTECEDENT_FIRST and text.lower() not in ("er", "sie")


def _antecedent(
    sp: Speaker,
    starts: Sequence[int],
    unit_toks: Callable[[int], Sequence[Tok]],
    named: Sequence[tuple[int, Speaker]],
) -> Speaker | None:
    pron = sp.text.lower()
    u = bisect.bisect_right(starts, sp.start) - 1
    # (only the last few named speakers can be among the nearest candidates)
    found: list[Speaker] = [s for pos, s in named[-2 * MAX_CANDIDATES :] if pos < sp.start]
    for k in range(max(0, u - MAX_UNITS_BACK), u + 1):
        toks = unit_toks(k)
        end = next((t.i for t in toks if t.start >= sp.start), len(toks))
        if end < 2:
            continue
        rng = v2_subject(toks, end)
        if rng is None or rng[1] > end:
            continue
        a, b = rng
        if b - a == 1 and toks[a].lower in _PRONOUNS:
            continue
        if toks[a].start >= sp.start or not speaker_like(toks, a, b):
            continue
        text = " ".join(t.text for t in toks[a:b])
        if not nameable(text):
            continue  # (*Wir entlassen …*, *Man liest …*: no antecedent of *er/sie*)
        found.append(Speaker(toks[a].start, toks[b - 1].end, text))
    found.sort(key=lambda s: s.start)
    for cand in reversed(found[-MAX_CANDIDATES:]):
        if _fits(pron, cand.text):
            return cand
    return None


@lru_cache(maxsize=4096)
def _fits(pron: str, text: str) -> bool:
    """Can the phrase ``text`` be the nominative antecedent of the pronoun ``pron`` (gender
    and number agree)? Cached: the same candidates recur for the pronouns of an article."""
    ctoks = text_toks(text)
    return bool(
        ctoks
        and nominative_possible(ctoks, 0, len(ctoks))
        and compatible(pron, agreement(ctoks, 0, len(ctoks)))
    )


#: determiners that are never nominative
_OBLIQUE_DET = wordset(
    "den dem des einen einem eines seinen seinem seines ihren ihrem ihres diesen diesem "
    "dieses jenen jenem unseren unserem"
)


def nominative_possible(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Can ``toks[a:b]`` be a subject? Not with an oblique determiner (*den Mediatoren*, *dem
    Minister*), nor *der* before a noun that is only feminine (*der SPD*: genitive/dative)."""
    first = toks[a].lower
    if first in _OBLIQUE_DET and first != "dieses":
        return False
    if first == "der":
        k = head_index(toks, a, b)
        info = analyse(toks[k].text) if k is not None else None
        if info is not None and info.common and info.genders == FEM:
            return False
    return True


#: anaphoric source adverbs: *Demnach …* refers to the source named just before
ANAPHORIC_SOURCES = wordset("demnach")


def _source_antecedent(
    sp: Speaker, starts: Sequence[int], unit_toks: Callable[[int], Sequence[Tok]]
) -> Speaker | None:
    """The source a sentence-initial *Demnach* refers to: in the sentence before, the last
    noun phrase headed by a document, institution or source noun (*einer Gesetzesvorlage*,
    *dem Urteil*, *laut dem Nachrichtenmagazin Focus*), else its subject if it can speak."""
    u = bisect.bisect_right(starts, sp.start) - 1
    if u < 1:
        return None
    toks = unit_toks(u - 1)
    best: tuple[int, int] | None = None
    k = 0
    while k < len(toks):
        t = toks[k]
        if t.q < 0 and (t.lower in DETERMINERS or is_head(t)):
            rng = np_forward(toks, k)
            if rng is not None:
                h = head_index(toks, *rng)
                if h is not None and _source_tail(toks[h].lower):
                    best = rng
                k = rng[1]
                continue
        k += 1
    if best is None:
        rng = v2_subject(toks, len(toks))
        if (
            rng is not None
            and speaker_like(toks, *rng)
            and not (rng[1] - rng[0] == 1 and toks[rng[0]].lower in _PRONOUNS)
        ):
            best = rng
    if best is None:
        return None
    a, b = best
    return Speaker(toks[a].start, toks[b - 1].end, " ".join(t.text for t in toks[a:b]))
