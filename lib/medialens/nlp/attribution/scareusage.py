"""Tenth-round cues: German usages that decide a short quotation without world knowledge.

Why a module of its own: the cues come from the errors of the third politics set (``dev3``,
a labelled set from a source no rule had seen; ``docs/actors.md``, "Scare quotes", tenth
round) and from invented sentences of the same constructions; each is one small pure
function, asked by :func:`.scare.classify_quoted` only where its question arises, so the
other modules stay as they were (other rounds edit them in parallel).

- :func:`impersonal_talk`: *war von einem „…“ die Rede* with no one who talks — the guidelines
  ask for an identifiable speaker, so the words are the author's term (scare quote);
- :func:`impersonal_report`: *Es wird behauptet, dass … „…“* — hearsay passed on from an
  unnamed source, like hearsay *sollen* (speech);
- :func:`operation_name`: *„Operation Olivenzweig“*, *„Aktion Sorgenkind“* — a class noun of
  campaigns opening a capitalised phrase is the standard German shape of such names;
- :func:`published_document`: *veröffentlichte ein „offizielles Statement“* — the object of a
  verb of publishing is the document, not words it contains, so when publishing is the
  unit's only cue the quotation after an article is no speech;
- :func:`online_handle`: *das Forum „donaldtrump“*, *der Hashtag „metoo“* — online names are
  often written in lower case, so the capital test of the close apposition misses them;

Cost: string and set tests on the few characters around the marks; one regular expression
on the unit's text before the marks, behind a substring test.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medialens.nlp.attribution.marks import QuotedRegion
from medialens.nlp.attribution.scarecues import first_token
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import ARTICLES, wordset

#: *von (einem|einer|…)? „…“ die Rede*: what may stand between *von* and the marks
_VON_BEFORE = re.compile(
    r"\bvon\s+(?:(?:einem|einer|einen|eines|dem|der|den|des|diesem|dieser)\s+)?"
    r"(?:[a-zäöüß][\w-]*\s+)?$"
)
#: the marks followed by *die Rede* (*… „…“ die Rede*) or preceded by *die Rede ist von*
_REDE_AFTER = re.compile(r"\s*(?:die\s+Rede\b)")
_REDE_BEFORE = re.compile(r"\bdie\s+Rede\s+(?:ist|war|sei|wäre|gewesen)\s+$")
#: words in the clause that name who talks or where: *bei der Polizei*, *im Bericht*, *laut*,
#: *zufolge*, *seitens*, *unter Experten*, *in Kreisen*
_SOURCE_WORDS = wordset("bei beim in im laut zufolge seitens unter innerhalb aus vonseiten")
#: clause boundaries in running text
_CLAUSE_END = re.compile(r"[,;:.!?–—()]")

#: participles of saying in an impersonal passive (*es wird behauptet, dass …*)
_SAID = (
    "behauptet|berichtet|gemeldet|kritisiert|bemängelt|beklagt|moniert|gefordert|argumentiert"
    "|erklärt|gesagt|betont|versichert|bestritten|eingeräumt|vorgeworfen|unterstellt|verbreitet"
)
#: *(es) wird/wurde/werde (auch|zudem|…)? behauptet, …* right before the clause of the marks
_IMPERSONAL_REPORT = re.compile(
    r"\b(?:wird|wurde|werde|würde)\s+(?:(?:auch|zudem|ferner|außerdem|weiter|weiterhin|"
    r"immer\s+wieder|vielfach|oft|häufig)\s+)?(?:" + _SAID + r")\s*,\s*(?:dass|ob|es|er|sie)\b"
)

#: class nouns of campaigns, operations and projects that open a name (*„Operation X“*)
CAMPAIGN_NOUNS: frozenset[str] = wordset("operation aktion projekt mission kampagne unternehmen")

#: verbs of publishing: their object is a document (*veröffentlichte einen „Brandbrief“*)
PUBLISH_VERBS: frozenset[str] = wordset(
    "veröffentlichen vorlegen herausgeben publizieren verbreiten posten"
)

#: containers of online names (also as the head of a compound: *Nutzerkonto*)
ONLINE_NOUNS: frozenset[str] = wordset(
    """
    forum subforum subreddit hashtag account konto kanal blog profil nutzername
    benutzername username handle domain app plattform
    """
)


def impersonal_talk(text: str, r: QuotedRegion, unit_start: int) -> bool:
    """Is the quotation the topic of an impersonal *die Rede sein* (*Zeitweise war von einem
    „Kliniksterben“ die Rede*, *Die Rede war von einer „Wende“*) with no one named who talks?

    Then nobody is quoted (the guidelines ask for an identifiable speaker): the words are a
    term in the air that the author sets apart. Not when the clause names a source or a place
    of talk (*bei der Polizei*, *im Bericht*, *laut X*, *unter Experten*), which may be a
    speaker or a document.
    """
    if "Rede" not in text[max(unit_start, r.start - 20) : r.end + 12]:
        return False  # the cheap test first: this is asked for every speech candidate
    before = text[max(unit_start, r.start - 60) : r.start]
    if not (
        _REDE_BEFORE.search(before)
        or (_VON_BEFORE.search(before) and _REDE_AFTER.match(text, r.end, r.end + 12))
    ):
        return False
    cut = max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
    clause = before[cut:].split()
    return not any(w.lower() in _SOURCE_WORDS for w in clause)


def impersonal_report(text: str, r: QuotedRegion, unit_start: int) -> bool:
    """Does the quotation stand in the complement clause of an impersonal passive of saying
    (*Es wird auch behauptet, dass das Konsulat als „…“ genutzt wird*, *Dabei wurde
    kritisiert, dass …*)? The claim is passed on from a source (hearsay), like hearsay
    *sollen*: the words are that source's.

    Not a passive with a complement that does not report (*es wird erwartet, dass …*: no
    participle of saying), nor one after the marks.
    """
    before = text[max(unit_start, r.start - 200) : r.start]
    if "," not in before or not any(w in before for w in ("wird", "wurde", "werde", "würde")):
        return False  # cheap substring tests before the regular expression
    return _IMPERSONAL_REPORT.search(before) is not None


def operation_name(inner: str) -> bool:
    """Is the capitalised quotation a campaign's or an operation's name: a class noun of
    campaigns followed by capitalised words (*„Operation Olivenzweig“*, *„Aktion
    Sorgenkind“*, *„Projekt Zukunft“*)? Not the class noun alone (*„Aktion“*) nor with a
    lower-case continuation (*„Aktion gegen rechts“* is a phrase)."""
    words = inner.split()
    return (
        2 <= len(words) <= 4
        and words[0].lower() in CAMPAIGN_NOUNS
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w[:1].isdigit() for w in words[1:])
    )


def online_handle(toks: Sequence[Tok], text: str, r: QuotedRegion, inner: str) -> bool:
    """Is the quotation one lower-case word right after a noun that holds online names (*das
    Forum „donaldtrump“*, *unter dem Hashtag „metoo“*, *die App „luca“*)? Close apposition
    makes a name (:func:`.scarenames._after_noun`), but only for capitalised words; online
    names are often lower case. Not a phrase, not a word with a capital, and only at the end of
    a clause (punctuation after the marks): a lower-case word right after a fronted noun may be
    the verb of the clause (*Im Forum „tobte“ ein Streit*)."""
    if " " in inner or not inner[:1].islower() or not inner.replace("_", "").isalnum():
        return False
    if not _CLAUSE_END.match(text, r.end) and r.end < len(text.rstrip()):
        return False
    first = first_token(toks, r)
    if first is None or first == 0:
        return False
    noun = toks[first - 1]
    if noun.q >= 0 or not noun.text[:1].isupper():
        return False
    low = noun.lower
    return low in ONLINE_NOUNS or low.endswith(("forum", "konto", "kanal", "account"))


def published_document(toks: Sequence[Tok], r: QuotedRegion, cue_lemmas: frozenset[str]) -> bool:
    """Are verbs of publishing the unit's only cues and does the quotation open right after
    an article (*Am Montag wurde ein „offizielles Statement“ veröffentlicht*, *Die Partei legte
    ein „Sofortprogramm“ vor*)? Then the quoted words name or characterise the document that
    was published; they do not render what it says (its content would follow in a clause:
    *veröffentlichte, dass …*, which is not after an article)."""
    if not cue_lemmas or not cue_lemmas <= PUBLISH_VERBS:
        return False
    first = first_token(toks, r)
    return first is not None and first > 0 and toks[first - 1].lower in ARTICLES
