"""Last-stage cues for a short quotation that would otherwise be a scare quote.

Why a module of its own: :func:`.scare.classify_quoted` ends with "one to four words, no
speech found: a scare quote". These tests look once more at such a span, and only at such a
span (so they never change what counts as speech for quotation extraction elsewhere), for
two kinds of evidence the earlier rules miss:

- **a name**: a single capitalised word the noun lexicon does not know as a common noun
  (*„Discovery“*, *„Xinhua“*, *„Cooper“*) or knows only as a proper name (*„Kosovo“*); two
  or three capitalised words none of which is a German common noun (*„Political Action
  Committees“*); a web address or domain (*„amazon.de“*, *„.asia“*); an inner capital
  (*„iPod nano“*); a letter-digit word or a final number (*„Power8“*, *„documenta 12“*);
  name particles (*„al-Abdullah bin Dahha“*); a Latin species name (*„St. albopicta“*); a
  doctrine in *-ismus* (*„Eurokommunismus“*: movements are names in the labelling guide); a
  hyphenated compound whose head names an organisation or a work
  (*„Scientology-Organisation“*); a medium named as the place of a statement (*wurden im
  „Standard“ als … bezeichnet*).
- **speech**: the predicate of an *als* phrase of a judging verb with an agent (*der die
  Maßnahme als „Kapitulation“ sieht*, *vom Wetterdienst als „sehr hoch“ eingestuft*) and a
  clause of hearsay *sollen* with a perfect or copula infinitive (*„mehrmals gekreuzt“
  haben soll*, *das „schwach radioaktiv“ sein soll*).

Why these: a scare quote is the author's own common-noun or adjective phrase, so a word that
is no common German noun is far more often a name (dev split of the labelled Wikinews spans:
every capitalised single word the lexicon does not know was a name but one); a judgement
verb with an agent and hearsay *sollen* give the quoted words a speaker.

Cost: a few lexicon look-ups (binary searches) and token scans, run only on quotations that
reached the last rule, i.e. a handful per article.

Limits: a scare-quoted new coinage or a rare noun the lexicon lacks (*„Realo“*) is read
as a name unless it ends in a productive abstract-noun suffix (*„Verschränkung“*); a name that is also a common noun (*„Passat“*, *„Titan“*, *„Standard“*
without a statement verb) stays a scare quote; an agentless passive (*als „nebelartig“
beschrieben*) is never speech.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise
from operator import attrgetter

from medialens.nlp.attribution.continuations import HEARSAY_MODALS, perfect_hearsay
from medialens.nlp.attribution.marks import QuotedRegion
from medialens.nlp.attribution.morphology import lexicon
from medialens.nlp.attribution.reference import speaker_like
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: a web address: *amazon.de*, *tagesschau.de*, *Lebensmittelklarheit.de*
_DOMAIN = re.compile(
    r"^[\w-]+(?:\.[\w-]+)*\.(?:de|at|ch|com|net|org|eu|info|fr|it|es|nl|uk|us|ru|pl|asia|tv)$",
    re.IGNORECASE,
)
#: a Latin species name: a capitalised or abbreviated genus and a lower-case epithet with a
#: Latin ending (*St. albopicta*, *Klebsiella pneumoniae*, *Chelidonura hirundinina*)
_BINOMIAL = re.compile(r"^[A-Z][a-z]*\.? [a-z]+(?:a|ae|us|um|is|i|es|ensis|ica|icus|ina|oides)$")
#: productive suffixes of German abstract nouns: an unknown word with one is a derivation
#: (*Verschränkung*, *Ideenlosigkeit*), not a name
_NOUN_SUFFIXES = ("ung", "heit", "keit", "schaft", "tät", "erei")
#: a top-level domain on its own (*„.asia“*)
_TLD = re.compile(r"^\.[a-z]{2,6}$")
#: a shortest compound tail and the shortest prefix before it (*Cooper* is no *Co|oper*)
_MIN_TAIL = 4
_MIN_PREFIX = 3
#: forms of *werden* that make a participle a passive (*wird … eingestuft*)
_WERDEN = wordset("wird werden wurde wurden worden würde würden werde")
#: agents of a passive (*vom Wetterdienst*, *von Beobachtern*, *durch die Behörde*)
_AGENT = wordset("von vom durch")
_PERFECT_OR_COPULA = wordset("haben sein")
#: words that end the clause before an *als* phrase (for the agent of a passive)
_CLAUSE_BREAK = wordset(", ; : ( ) sondern aber denn")
#: a conjunction right before *als* coordinates a second predicate (*… ausgeht und als „X“
#: bezeichnet wird*); elsewhere it may join two nouns (*der Demonstration und des Treffens*)
_AND_OR = wordset("und oder")
#: particles of Arabic and other names (*al-Abdullah bin Dahha*, *Abu Tarbush*)
_NAME_PARTICLES = ("al-", "el-", "ad-", "as-", "ash-", "ibn", "bin", "ben", "abu", "bint")
#: words that may open a unit before its first field (*Auch für …*, *Doch für …*)
_OPENERS = wordset("auch doch aber und gerade selbst")
#: generic holders: no one's judgement in particular (*für viele*, *für manche Beobachter*)
_GENERIC = wordset("viele manche einige alle die meisten jeden jede jeder uns mich")
_COPULA = wordset("ist sei war wäre sind seien waren wären bleibt bleibe")
_START = attrgetter("start")
_END = attrgetter("end")
#: an indefinite article between *als* and the marks (*als eine „…“*)
_AS_ARTICLES = wordset("ein eine einen einem einer eines")
#: a preposition before a quoted medium (*im „Standard“*, *in der „Zeit“*)
_IN = wordset("im in")


def first_token(toks: Sequence[Tok], r: QuotedRegion) -> int | None:
    """Index of the first token at or after the opening mark (a binary search: tokens are in
    text order; these rules ask for it for every quotation)."""
    k = bisect_left(toks, r.start, key=_START)
    return k if k < len(toks) else None


def last_token(toks: Sequence[Tok], r: QuotedRegion) -> int | None:
    """Index of the last token that ends at or before the closing mark's end."""
    k = bisect_right(toks, r.end, key=_END) - 1
    return k if k >= 0 else None


@lru_cache(maxsize=8192)
def known_common_noun(word: str, *, min_tail: int = _MIN_TAIL) -> bool:
    """Does the noun lexicon know ``word`` (capitalised, one word) as a common noun, itself or
    as a compound by its tail (*Schülerdatei* -> *Datei*, *Alfvenwellen* -> *Wellen*)?

    Limits: a tail must be at least ``min_tail`` (four) letters after a prefix of at least
    three (*Cooper* is not *Co* + *Oper*); a hyphenated compound counts by its last part.
    Cost: up to one binary search per possible tail, so answers are cached (the same quoted
    words recur across a corpus).
    """
    lex = lexicon()
    info = lex.lookup(word)
    if info is not None:
        return info.common
    if "-" in word:
        tail = word.rsplit("-", 1)[1]
        info = lex.lookup(tail[:1].upper() + tail[1:]) if tail else None
        return bool(info and info.common)
    for k in range(_MIN_PREFIX, len(word) - min_tail + 1):
        tail = word[k:]
        if not tail.isalpha():
            continue
        info = lex.lookup(tail[0].upper() + tail[1:])
        if info is not None and info.common:
            return True
    return False


def is_technical_term(inner: str) -> bool:
    """Is a term introduced by the author (*Dies nennt man einen „Aktiensplit“*, *auch
    „Apogäum“ genannt*) a German technical term, i.e. one word the lexicon knows as a common
    noun? Then it is a scare quote (the labelling guide: technical terms without a speaker);
    an alias that is a name (*auch „Bonus View“ genannt*, *kurz „PACs“*) is not.

    Limits: a lower-case or unknown term (*„Landrush“*) and a compound with an acronym
    (*„BD-Live“*) are treated as names.
    """
    word = inner.strip()
    return (
        " " not in word
        and word[:1].isupper()
        and word.replace("-", "").isalpha()
        and not any(len(part) > 1 and part.isupper() for part in word.split("-"))
        and known_common_noun(word)
    )


def _inner_capital(word: str) -> bool:
    """A lower-case letter followed by a capital inside one unhyphenated word (*iPod*,
    *YouTube*, *SpaceShipTwo*): a brand or product spelling."""
    tail = word[1:]
    if tail == tail.lower() or "-" in word:
        return False  # no capital after the first letter (most words): no pair to look at
    return any(a.islower() and b.isupper() for a, b in pairwise(word))


def _letters_and_digits(word: str) -> bool:
    core = word.strip(".,;:!?()")
    if core.isalpha():
        return False  # (most words: the character scans below are not needed)
    return any(c.isdigit() for c in core) and any(c.isalpha() for c in core)


def names_a_thing(inner: str, *, title_head: bool) -> bool:
    """Is a short quotation (that would otherwise be a scare quote) rather a name?

    ``title_head``: the head of a hyphenated single word is a title or class noun (computed
    by the caller with :func:`.scare.is_title_noun`). See the module docstring for the cues.
    """
    words = inner.split()
    if not words or len(words) > 3:
        return False
    if len(words) == 1 and (_DOMAIN.match(words[0]) or _TLD.match(words[0])):
        return True
    if any(w.lower().startswith(_NAME_PARTICLES) and w[:1].islower() for w in words) and any(
        w[:1].isupper() for w in words
    ):
        return True  # *al-Abdullah bin Dahha*
    if len(words) > 1 and foreign_name(words):
        return True  # *Political Action Committees*, not *Running Mate* (*Mate* is German)
    if len(words) == 1 and shouted_word(words[0]):
        return False  # *über „RESPEKT“ nachdenken*: an emphasised noun, no acronym
    if any(_inner_capital(w) or _letters_and_digits(w) for w in words):
        return True
    if len(words) > 1 and words[-1].replace(".", "").isdigit() and words[0][:1].isalpha():
        return True  # *documenta 12*, *Christoph 27*
    if len(words) == 2 and _BINOMIAL.match(inner):
        return True  # *St. albopicta*, *Klebsiella pneumoniae*: a species
    if len(words) != 1:
        return False
    word = words[0].strip(".,;:!?")
    if word.endswith("ismus") and word[:1].isupper():
        return True  # *Eurokommunismus*: a doctrine or movement is a name (labelling guide)
    if not word[:1].isupper() or not word.replace("-", "").isalpha():
        return False
    if "-" in word:
        return title_head  # *Scientology-Organisation*, not *Gestapo-Vergleich*
    info = lexicon().lookup(word)
    if info is not None:
        return info.name and not info.common  # *Kosovo*, not *Welt*
    if len(word) >= 7 and word.endswith(_NOUN_SUFFIXES):
        return False  # *Verschränkung*: a German derivation the lexicon lacks, no name
    return not known_common_noun(word)


def shouted_word(word: str) -> bool:
    """Is ``word`` a German common noun written in capitals for emphasis (*„RESPEKT“*,
    *„ACHTUNG“*): six letters or more, all upper case, and the lexicon knows the capitalised
    form as a common noun? Acronyms are short (*„NATO“*, *„DFB“*) or no German noun.

    Limits: a medium that writes its name in capitals and is a plain noun (*„SPIEGEL“*) is
    read as emphasis when nothing else marks it as a name (an article before it does:
    *der „SPIEGEL“*).
    """
    core = word.strip(".,;:!?")
    return (
        len(core) >= 6
        and core.isalpha()
        and core.isupper()
        and known_common_noun(core[0] + core[1:].lower())
    )


def foreign_name(words: Sequence[str]) -> bool:
    """Two or three capitalised words, at least two thirds of them no German common noun
    (*Political Action Committees*, *Creative Cities*): a foreign name, not the author's German
    phrase.

    Limits: a two-word foreign phrase with a word that is also a German noun (*Running Mate*)
    stays out, a two-word English term (*Eye Candy*) is read as a name; lower-case function
    words are allowed (*Brothers to the Rescue*).
    """
    caps = [w.strip(".,;:!?") for w in words if w[:1].isupper()]
    if len(caps) < 2 or any(w[:1].islower() and len(w) > 3 for w in words):
        return False
    if not all(w.isalpha() for w in caps):
        return False
    # English words match German nouns by chance (*Action*, *Commit|tees*): two thirds
    # unknown, and compound tails of five letters or more only
    unknown = sum(not known_common_noun(w, min_tail=5) for w in caps)
    return 3 * unknown >= 2 * len(caps)


def medium_of_statement(toks: Sequence[Tok], r: QuotedRegion, *, has_cue: bool) -> bool:
    """A capitalised one- or two-word quotation after *im*/*in der* in a unit with a reporting
    verb: the medium where something was said (*wurden im „Standard“ als … bezeichnet*)."""
    if not has_cue:
        return False
    first = first_token(toks, r)
    if first is None or first == 0:
        return False
    prev = toks[first - 1]
    if prev.lower == "der" and first > 1:
        prev = toks[first - 2]
    return prev.q < 0 and prev.lower in _IN


def as_predicate(toks: Sequence[Tok], r: QuotedRegion, as_cues: frozenset[str]) -> bool:
    """Is the quotation the predicate of *als* after a judging verb that has an agent (*der
    diese Maßnahme als „Kapitulation“ sieht*, *verurteilte ihn als „hinterhältigen
    Anschlag“*, *vom Wetterdienst als „sehr hoch“ eingestuft*)? Then the words are the
    agent's judgement, i.e. speech.

    Limits: a passive (a form of *werden* in the unit) counts only with a *von*/*durch*
    agent (*die als „nebelartig“ beschrieben wurden* has none), and the impersonal *man* is no
    agent either (:func:`impersonal_subject`); the verb must be in the same unit.
    """
    first = first_token(toks, r)
    if first is None or first == 0:
        return False
    if toks[first - 1].lower in _AS_ARTICLES and first > 1:
        first -= 1  # *interpretiert den Nachlass als eine „schwere Erblast“* (tenth round)
    if toks[first - 1].lower != "als":
        return False
    outside = [t for t in toks if t.q < 0]
    return (
        any(t.lemma in as_cues for t in outside)
        and not agentless_passive(toks)
        and not impersonal_subject(toks)
    )


def impersonal_subject(toks: Sequence[Tok]) -> bool:
    """Does the unit speak of general usage with the impersonal *man* outside the marks (*Man
    bezeichnet den Zustand dann als „X“*, *was man als „Y“ sieht*)? Then a judging verb's
    *als* predicate has no identifiable speaker: the author introduces a term (a scare quote
    by the labelling guide), as with an agentless passive.

    Limits: *man* anywhere in the unit counts, also in another clause of it.
    """
    return any(t.lower == "man" and t.q < 0 for t in toks)


def agentless_passive(toks: Sequence[Tok]) -> bool:
    """Is the clause of the unit's *als* phrase a passive (a form of *werden*) without a
    *von*/*vom*/*durch* agent (*die als „nebelartig“ beschrieben wurden*)? Then a judgement
    in it has no speaker.

    The clause runs from the last punctuation mark before *als* (or a conjunction right
    before it: *… ausgeht und als „Sonnenwind“ bezeichnet wird*) to the next punctuation mark
    or conjunction after it, so that *werde* in a following clause (*und kündigte an, ein
    Vertreter werde …*) and *von* in a preceding one do not count.

    Limits: *werden* as a future auxiliary in the same clause also counts as passive; clauses
    are delimited by punctuation and conjunctions only.
    """
    als = next((t.i for t in toks if t.lower == "als" and t.q < 0), None)
    if als is None:
        return False
    start = max(
        (
            t.i
            for t in toks[:als]
            if t.q < 0 and (t.lower in _CLAUSE_BREAK or (t.i == als - 1 and t.lower in _AND_OR))
        ),
        default=-1,
    )
    end = next(
        (
            t.i
            for t in toks[als + 1 :]
            if t.q < 0 and (t.lower in _CLAUSE_BREAK or t.lower in _AND_OR or t.text in ".!?")
        ),
        len(toks),
    )
    clause = [t for t in toks[start + 1 : end] if t.q < 0]
    if not any(t.lower in _WERDEN for t in clause):
        return False
    return not any(t.lower in _AGENT for t in clause if t.i < als)


def attitude_holder(toks: Sequence[Tok]) -> bool:
    """Does the unit open with *für* + a person or institution and a copula (*Für den
    Gesundheitsminister ist die Situation „alarmierend“*, *Für Anja Hajduk ist … die „Zeit der
    Ehrlichkeit“ vorbei*)? That is the German frame of someone's judgement: the quoted words
    are that holder's.

    Limits: a generic holder (*Für viele Wirtschaftsbosse war er …*) does not count; the
    copula must follow within eight words.
    """
    outside = [t for t in toks if t.q < 0]
    k = 0
    while k < len(outside) and outside[k].lower in _OPENERS:
        k += 1
    if k + 2 >= len(outside) or outside[k].lower != "für":
        return False
    if outside[k + 1].lower in _GENERIC:
        return False
    cop = next(
        (j for j in range(k + 2, min(len(outside), k + 10)) if outside[j].lower in _COPULA), None
    )
    if cop is None:
        return False
    a, b = outside[k + 1].i, outside[cop].i
    return speaker_like(toks, a, b)


def hearsay_clause(toks: Sequence[Tok], r: QuotedRegion) -> bool:
    """Does the quotation stand in a clause of hearsay *sollen*: right before *haben/sein* +
    *soll(en/te)* (*dass er die Route „mehrmals gekreuzt“ haben soll*, *das „schwach
    radioaktiv“ sein soll*) or in a main clause with a perfect infinitive (see
    :func:`.continuations.perfect_hearsay`)? The claim is passed on from a source.

    Limits: a deontic *soll … gebaut werden* (a plan) is not hearsay and stays out.
    """
    last = last_token(toks, r)
    if last is not None and last + 2 < len(toks):
        aux, modal = toks[last + 1], toks[last + 2]
        if (
            aux.q < 0
            and modal.q < 0
            and aux.lower in _PERFECT_OR_COPULA
            and modal.lower in HEARSAY_MODALS
        ):
            return True
    return perfect_hearsay(toks)
