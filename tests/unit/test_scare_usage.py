"""Tenth-round scare-quote cues (:mod:`medialens.nlp.attribution.scareusage` and the small
changes in :mod:`.scaremention`, :mod:`.scarecues` and ``scare.AS_CUES``), found on the errors
of the third politics set (``dev3``) and written as general German usages. All sentences are
invented; each cue has negative cases."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate


def scare(text: str) -> list[str]:
    return [s.text for s in annotate(text)._.ml_scare_quotes]


TENTH_CASES = [
    # coordinated *als*-predicates: the second member is no clause-initial subject of
    # *bezeichnen* (a word mentioned as a word) but the speaker's word like the first
    ("Die Ministerin hatte ihre Gegner als „kleine Geister“ und „ewige Nörgler“ bezeichnet.", []),
    ("Der Trainer hatte die Spieler als „müde“ oder „satt“ bezeichnet.", []),
    # … a clause-initial subject of *bezeichnet* stays a mention
    ("„Kiez“ bezeichnet in Berlin ein Stadtviertel.", ["Kiez"]),
    ("Im Dialekt gilt vieles, und „Gschmarri“ bezeichnet Unsinn.", ["Gschmarri"]),
    # an impersonal *die Rede sein*: nobody who talks, the author's term
    (
        "Zeitweise war von einem „Ärztesterben“ die Rede, doch die Zahlen blieben stabil.",
        ["Ärztesterben"],
    ),
    ("Lange war von einer „Zeitenwende“ die Rede.", ["Zeitenwende"]),
    # … also when another clause of the sentence has a cue with a speaker
    (
        "Zeitweise war von einem „Ärztesterben“ die Rede, doch der Verband bestätigte das nicht.",
        ["Ärztesterben"],
    ),
    # … not when the clause names a source or a place of talk
    ("Im Bericht der Kommission war von „gravierenden Mängeln“ die Rede.", []),
    # an impersonal passive of saying passes on a claim (hearsay): the source's words
    ("Es wird auch behauptet, dass die Firma als „verlässlicher Partner“ gilt.", []),
    ("Dabei wurde kritisiert, dass die Stadt „viel zu spät“ reagiert habe.", []),
    # … not a passive that reports nothing (*erwartet*)
    ("Es wird erwartet, dass die „Sommerpause“ länger dauert.", ["Sommerpause"]),
    # a campaign noun opening a capitalised phrase: the name of an operation or campaign
    ("Die Umsiedlung, die als „Operation Saubere Stadt“ bezeichnet wurde, begann im Mai.", []),
    ("Der Verein startete die „Aktion Lichtblick“.", []),
    # … also in a sentence with a source phrase (a speech context)
    (
        "Den Angaben zufolge begann eine Umsiedlung, die als „Operation Saubere Stadt“ bezeichnet wurde.",
        [],
    ),
    # … not the class noun with a lower-case phrase
    ("Sie nannten es eine „Aktion gegen alle“, wie die Zeitung spottete.", []),
    ("Die Gemeinde plante eine „Aktion gegen rechts“.", ["Aktion gegen rechts"]),
    # the object of a verb of publishing is the document, not its words
    (
        "Am Montag wurde durch den Verein ein „offizielles Statement“ veröffentlicht.",
        ["offizielles Statement"],
    ),
    ("Die Gewerkschaft veröffentlichte einen „dringenden Appell“.", ["dringenden Appell"]),
    # … not the content after a clause of saying, nor with another cue in the unit
    ("Die Behörde veröffentlichte, die Lage sei „ernst“.", []),
    ("Der Minister sagte, die Partei habe ein „Sofortprogramm“ vorgelegt.", []),
    # an online name in lower case after its container noun
    ("Die Plattform sperrte das Forum „freiheitjetzt“.", []),
    ("Tausende posteten unter dem Hashtag „wirsindmehr“.", []),
    # … not a lower-case word after other nouns, nor the verb after a fronted noun
    ("Die Reform blieb „unvollendet“.", ["unvollendet"]),
    ("Die Stimmung im Forum „kippte“ schnell.", ["kippte"]),
    # more verbs predicate with *als*, also with an indefinite article after *als*
    ("Der Historiker interpretiert das Erbe als eine „schwere Hypothek“.", []),
    ("Die Opposition brandmarkte den Plan als „Wahlgeschenk“.", []),
    ("Die Kritikerin deutet den Film als „Abrechnung“.", []),
    # … not in an agentless passive, nor without such a verb
    ("Das Erbe wird als eine „schwere Hypothek“ interpretiert.", ["schwere Hypothek"]),
    ("Er arbeitete als „Springer“ in der Fabrik.", ["Springer"]),
]


@pytest.mark.parametrize(("text", "expected_scare"), TENTH_CASES)
def test_tenth_round_cues(text, expected_scare):
    assert scare(text) == expected_scare


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("Zeitweise war von einem ", True),
        ("Lange war von ", True),
        ("Bei den Ärzten war von einem ", False),
        ("Laut Polizei war von einem ", False),
    ],
)
def test_impersonal_talk(before, expected):
    from medialens.nlp.attribution.marks import find_quoted_regions
    from medialens.nlp.attribution.scareusage import impersonal_talk

    text = before + "„Ende“ die Rede."
    r = find_quoted_regions(text)[0]
    assert impersonal_talk(text, r, 0) is expected


@pytest.mark.parametrize(
    ("inner", "expected"),
    [
        ("Operation Olivenzweig", True),
        ("Aktion Sorgenkind", True),
        ("Projekt Zukunft 2030", True),
        ("Aktion", False),
        ("Aktion gegen rechts", False),
        ("Ende der Operation", False),
    ],
)
def test_operation_name(inner, expected):
    from medialens.nlp.attribution.scareusage import operation_name

    assert operation_name(inner) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Es wird behauptet, dass er „X“ sagte.", True),
        ("Zudem wurde immer wieder kritisiert, dass „X“ fehle.", True),
        ("Es wird erwartet, dass „X“ kommt.", False),
        ("Er wird „X“ genannt.", False),
    ],
)
def test_impersonal_report(text, expected):
    from medialens.nlp.attribution.marks import find_quoted_regions
    from medialens.nlp.attribution.scareusage import impersonal_report

    r = find_quoted_regions(text)[0]
    assert impersonal_report(text, r, 0) is expected
