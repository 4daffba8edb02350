"""Eighth-round scare-quote cues (:mod:`medialens.nlp.attribution.scaretitle`): grades, works,
venues and awards, *heißen* before the marks make a name; a possessed noun of saying, a
self-presentation and a speaker before a colon make speech. All sentences are invented."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate


def scare(text: str) -> list[str]:
    return [s.text for s in annotate(text)._.ml_scare_quotes]


def _unit(text: str):
    """The tokens of the one unit of ``text`` and its first quotation (for the pure cues)."""
    from medialens.nlp.attribution.marks import find_quoted_regions
    from medialens.nlp.attribution.units import Tok

    doc = annotate(text)
    regions = find_quoted_regions(text)
    toks = []
    for i, t in enumerate(doc):
        q = next((k for k, r in enumerate(regions) if r.start <= t.idx < r.end), -1)
        toks.append(Tok(i, t.text, t.text.lower(), t.lemma_ or t.text, t.idx, t.idx + len(t), q))
    return toks, regions[0]


EIGHTH_CASES = [
    # grades and test verdicts in a sentence about grading are names of a grade
    ("Die Hausarbeit wurde mit „sehr gut“ bewertet.", []),
    ("Im Fach Chemie bekam sie die Note „befriedigend“.", []),
    ("Das Gutachten erhielt das Prädikat „summa cum laude“.", []),
    ("Der Toaster schnitt im Test mit „mangelhaft“ ab.", []),
    # … a grade word without grading stays the author's
    ("Das Verhältnis der beiden war „gut“, solange niemand zusah.", ["gut"]),
    # a capitalised quotation in a sentence about a work is its title
    ("Kleists „Krug“ wurde im Stadttheater neu inszeniert.", []),
    ("Die Premiere von „Nebelhorn“ war ausverkauft.", []),
    ("Er übernahm in „Hafenwache“ die Hauptrolle.", []),
    # … a lower-case one, or one in a sentence about no work, stays a scare quote
    ("Die Regie ließ die Sängerin „flüstern“ statt singen.", ["flüstern"]),
    ("Die „Retter“ der Firma haben sich verrechnet.", ["Retter"]),
    # a venue of something held, a prize, a business opened
    ("Der Abend fand im „Kesselraum“ statt.", []),
    ("Die Lesung findet in der „Schmiede“ statt.", []),
    ("Die Autorin wurde mit dem „Federkiel“ ausgezeichnet.", []),
    ("Sie eröffnete 2001 das „Glashaus“ in der Altstadt.", []),
    # … not the preposition *statt*, nor a lower-case circumstance
    ("Der Rat beschloss statt der „Reform“ eine Pause.", ["Reform"]),
    ("Das Treffen fand in „entspannter Stimmung“ statt.", ["entspannter Stimmung"]),
    # *heißen* before the marks in the clause: the name something is called by
    ("Bei den Anwohnern heißt der Hügel nur „Katzenbuckel“.", []),
    ("Früher hieß das Lokal „Zum Hirschen“.", []),
    # … not *heißt es* (a report) nor the connective *das heißt*
    ("Das heißt die „Reform“ kommt zu spät.", ["Reform"]),
    # a noun of saying with a possessive: the possessor's words
    ("Ihre Warnung vor einem „Flächenbrand“ verhallte.", []),
    ("Seine Forderung nach „mehr Geduld“ stieß auf Kritik.", []),
    # … without a possessive the words may be the author's
    ("Die Warnung vor einem „Flächenbrand“ verhallte.", ["Flächenbrand"]),
    # a self-presentation: *sich „…“ zeigen/geben*, *„…“ reagieren*
    ("Der Verband zeigte sich „tief enttäuscht“ über das Urteil.", []),
    ("Die Ministerin gab sich „zuversichtlich“.", []),
    ("Die Nachbarn reagierten „entsetzt“ auf die Pläne.", []),
    # … not an attribute of a noun after the marks
    ("Er zeigte sich mit „neuen“ Freunden in der Stadt.", ["neuen"]),
    # a speaker phrase before a colon (headline attribution)
    ("Der Minister: ein „Meilenstein“ für das Land.", []),
    # … not a thing, a dateline or a topic before it
    ("Das Ergebnis: ein „Aufschwung“ ohne Arbeit.", ["Aufschwung"]),
    ("Berlin: Die „Garantien“ bleiben umstritten.", ["Garantien"]),
    # *verteidigen* predicates with *als* like *bezeichnen*
    ("Die Ministerin verteidigte den Plan als „richtig“.", []),
]


@pytest.mark.parametrize(("text", "expected_scare"), EIGHTH_CASES)
def test_eighth_round_cues(text, expected_scare):
    assert scare(text) == expected_scare


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Arbeit wurde mit „sehr gut“ bewertet.", True),
        ("Er bestand die Prüfung mit „ausreichend“.", True),
        ("Die Lage war „gut“.", False),  # no grading word
        ("Die Arbeit wurde mit „solide“ bewertet.", False),  # no grade
        ("Das Zeugnis nennt „gut“ und mehr.", True),
    ],
)
def test_graded(text, expected):
    from medialens.nlp.attribution.scaretitle import graded

    toks, r = _unit(text)
    assert graded(toks, text, r) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kleists „Krug“ wurde neu inszeniert.", True),
        ("Das Album „Nachtflug“ erschien im Mai.", True),
        ("Der Roman schildert eine „heile“ Welt.", False),  # lower case
        ("Die „Retter“ der Firma schweigen.", False),  # no word of a work
        ("Der Film „3 Tage“ lief gut.", True),  # a digit first
    ],
)
def test_work_title(text, expected):
    from medialens.nlp.attribution.scaretitle import work_title

    toks, r = _unit(text)
    assert work_title(toks, text, r) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das Fest fand im „Kesselraum“ statt.", True),
        ("Das Fest fand in der „Kesselhalle“ statt.", True),
        ("Das Fest fand nach der „Wahl“ statt.", False),  # *nach*: no place
        ("Statt der „Reform“ kam eine Pause.", False),  # the preposition *statt*
        ("Sie wurde mit dem „Federkiel“ ausgezeichnet.", True),
        ("Sie wurde für ihre „Ausdauer“ ausgezeichnet.", False),  # a possessive: no award
        ("Er eröffnete das „Glashaus“.", True),
        ("Das Fest fand im „Kessel der Stadt am Ufer“ statt.", False),  # four words
    ],
)
def test_named_place_or_award(text, expected):
    from medialens.nlp.attribution.scaretitle import named_place_or_award

    toks, r = _unit(text)
    assert named_place_or_award(toks, text, r) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Im Ort heißt der Hügel nur „Katzenbuckel“.", True),
        ("Bei den Fans heißt er „der Große“.", True),  # an article and a capital
        ("Es heißt, die „Reform“ sei tot.", False),  # a comma
        ("Hier heißt es „Abwarten“.", False),  # *heißt es*
        ("Das heißt die „Reform“ ist tot.", False),  # the connective
        ("Sie heißen die Gäste „herzlich willkommen“.", False),  # lower case: no name
        ("Der Hügel „Katzenbuckel“ heißt so.", False),  # after the marks
    ],
)
def test_called_by_heissen(text, expected):
    from medialens.nlp.attribution.scaretitle import called_by_heissen

    toks, r = _unit(text)
    assert called_by_heissen(toks, text, r) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seine Forderung nach „mehr Geduld“ verhallte.", True),
        ("Ihre Warnung vor einem „Flächenbrand“ verhallte.", True),
        ("Die Forderung nach „mehr Geduld“ verhallte.", False),  # no possessive
        ("Seine Reise nach „Klein-Paris“ dauerte lange.", False),  # no noun of saying
        ("Seine Forderung „mehr Geduld“ verhallte.", False),  # no preposition
    ],
)
def test_possessed_speech_noun(text, expected):
    from medialens.nlp.attribution.scaretitle import possessed_speech_noun

    toks, r = _unit(text)
    assert possessed_speech_noun(toks, r) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Verband zeigte sich „enttäuscht“.", True),
        ("Sie gab sich „gelassen“.", True),
        ("Die Nachbarn reagierten „entsetzt“.", True),
        ("Er zeigte sich mit „neuen“ Freunden.", False),  # attribute of a noun
        ("Er zeigte „Mut“.", False),  # capitalised: a noun, no predicate
        ("Sie trafen sich „heimlich“ am Hafen.", False),  # no verb of self-presentation
    ],
)
def test_self_presentation(text, expected):
    from medialens.nlp.attribution.scaretitle import self_presentation

    toks, r = _unit(text)
    assert self_presentation(toks, text, r) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Minister: ein „Meilenstein“.", True),
        ("Die Gewerkschaft: „Wortbruch“.", True),
        ("Das Ergebnis: ein „Aufschwung“.", False),  # no speaker
        ("Berlin: Die „Garantien“ wanken.", False),  # one word: a dateline
        ("Der Minister sagte das ohne „Meilenstein“.", False),  # no colon
    ],
)
def test_speaker_before_colon(text, expected):
    from medialens.nlp.attribution.scaretitle import speaker_before_colon

    toks, r = _unit(text)
    assert speaker_before_colon(toks, r) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die ARD strahlt „Nachtwache“ am Sonntag aus.", True),  # a broadcaster
        ("Der Sender strahlte „Hafenblick“ zweimal aus.", True),  # airing
        ("Tausende kamen zum „Lichterfest“ in die Altstadt.", True),  # an event head
        ("Sie trainiert beim „Sportclub“ in Essen.", True),  # a club head
        ("Tausende kamen zum „Fest“ in die Altstadt.", False),  # the head alone
        ("Er las das „Manifest“ im Zug.", False),  # no fused preposition
        ("Sie kam zum „Manifest“ der Gruppe.", False),  # no event
        ("Tausende kamen zum „fröhlichen“ Fest.", False),  # lower case
    ],
)
def test_programme_or_event(text, expected):
    from medialens.nlp.attribution.scaretitle import programme_or_event

    toks, r = _unit(text)
    assert programme_or_event(toks, text, r) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Franz Huber, der „Kaiser“, wurde 70.", True),
        ("Anna Kowalski, die „Eiserne“, trat ab.", True),  # a surname the lexicon lacks
        ("Die Regierung, die „Reformer“, schweigt.", False),  # a common noun before
        ("Franz Huber, der „gute Geist“, wurde 70.", False),  # two words
        ("Franz Huber, der „Kaiser“ der Herzen, wurde 70.", False),  # more after the marks
        ("Franz Huber und der „Kaiser“ kamen.", False),  # no comma
    ],
)
def test_nickname_apposition(text, expected):
    from medialens.nlp.attribution.scaretitle import nickname_apposition

    toks, r = _unit(text)
    assert nickname_apposition(toks, text, r) is expected


@pytest.mark.parametrize(
    ("text", "expected_scare"),
    [
        # title nouns of the eighth round: pen names and by-names
        ("Er schrieb unter dem Pseudonym „Wanderfalke“.", []),
        ("Sie trug den Beinamen „die Kühne“.", []),
        # … a venue noun is no title noun: a judgement after it stays speech or the author's
        ("Für den Wart Karl Brenner ist die Stadthalle „eine Last für die ganze Stadt“.", []),
        ("Der Plan bringt den Familien eine „Entlastung“, die keiner spürt.", ["Entlastung"]),
    ],
)
def test_eighth_round_title_nouns(text, expected_scare):
    assert scare(text) == expected_scare


def test_title_nouns_of_the_eighth_round():
    from medialens.nlp.attribution.scare import is_title_noun

    for word in ("pseudonym", "beinamen", "kosename"):
        assert is_title_noun(word), word
    for word in ("turnhalle", "regierung", "entlastung"):
        assert not is_title_noun(word), word
