"""Quotations that are no speech (:mod:`medialens.nlp.attribution.nonspeech`): a correlative
*so*, a consecutive *so dass* or a comparative *als ob* clause is never the content of a
reporting verb, and a short foreign name or title in quotation marks is no direct speech.
All sentences are invented."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, summary

from medialens.nlp.attribution.nonspeech import (
    consecutive_after_cue,
    drop_nonspeech,
    expression_speaker,
    foreign_title,
    judged_not_content,
    not_content_clause,
)
from medialens.nlp.types import Cue, Quote, Speaker


def _at(text: str, marker: str = "|") -> tuple[str, int]:
    """``text`` without ``marker`` and the position where the marker stood."""
    k = text.index(marker)
    return text[:k] + text[k + 1 :], k


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # correlative *so* after a fronted adverbial clause
        ("Wenn die Kasse leer ist, |so muss die Stadt sparen.", True),
        ("Da die Brücke gesperrt ist, |so fährt der Bus einen Umweg.", True),
        ("Obwohl er es bestritt, |so blieb doch ein Verdacht.", True),
        ("Was den Vorschlag angeht, |so halten wir ihn für verfehlt.", True),
        ("Und wenn der Rat zustimmt, |so beginnt der Bau im Mai.", True),
        # consecutive and comparative clauses
        ("Er sprach laut, |so dass alle es hörten.", True),
        ("Sie rief um Hilfe, |sodass die Nachbarn kamen.", True),
        ("Es scheint, |als ob der Streit beigelegt sei.", True),
        ("Er hatte das Gefühl, |als wenn man ihn übergangen hätte.", True),
        # negatives: a *so* clause after a main clause is reported content
        ("Die Partei hat zugestimmt, |so sollen die Gespräche am Montag beginnen.", False),
        ("Der Sprecher erklärte, |so werde es nicht weitergehen.", False),
        # negatives: sentence-initial *So*, content clauses, *als* alone
        ("|So sollen die Gebühren im Herbst steigen.", False),
        ("Sie sagte, |dass die Kasse leer sei.", False),
        ("Er fragte, |ob die Brücke halte.", False),
        ("Er betonte, |als Minister trage er die Verantwortung.", False),
        ("Wenn die Kasse leer ist, |muss die Stadt sparen.", False),
    ],
)
def test_not_content_clause(text: str, expected: bool) -> None:
    plain, k = _at(text)
    assert not_content_clause(plain, k) is expected


@pytest.mark.parametrize(
    ("quoted", "expected"),
    [
        # foreign names and titles
        ("„Friends of the Forest“", True),
        ("„Gazette de Lausanne“", True),
        ("„Voice for Change“", True),
        ("„El Diario del Sur“", True),
        # negatives: German phrases, single words, punctuation, long quotations
        ("„Gesetz zur Stärkung der Familie“", False),
        ("„grüne Welle“", False),
        ("„Forest“", False),
        ("„We will win, and we will stay!“", False),
        ("„Time to go.“", False),
        ("„one of the most difficult things we ever had to do in this town“", False),
        ("„Yes we can“", False),
    ],
)
def test_foreign_title(quoted: str, expected: bool) -> None:
    assert foreign_title(quoted) is expected


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        # no content: a relative clause, an infinitive, a main clause, a consecutive clause
        ("Der Förster fand im Keller eine alte Truhe, |welche voller Briefe war.", "fand", True),
        ("Sie fand endlich Gelegenheit, |den Garten umzugraben.", "fand", True),
        ("Man hält ihn für ehrlich, |und er ist es auch.", "hält", True),
        ("Er fand den Vorschlag so klug, |dass er ihn sofort übernahm.", "fand", True),
        ("Sie betrachtete das Bild derart lange, |dass der Zug abfuhr.", "betrachtete", True),
        # content: a *dass/ob* clause, a Konjunktiv clause
        ("Der Richter fand, |dass die Frist versäumt worden war.", "fand", False),
        ("Sie hält es für richtig, |dass die Stadt spart.", "hält", False),
        ("Er fand, |die Lage sei ernst.", "fand", False),
        ("Die Ärztin betrachtet es als Fehler, |dass niemand gewarnt habe.", "betrachtet", False),
    ],
)
def test_judged_not_content(text: str, cue: str, expected: bool) -> None:
    plain, k = _at(text)
    cue_end = plain.index(cue) + len(cue)
    end = len(plain.rstrip("."))
    assert judged_not_content(plain, cue_end, k, end) is expected


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        # a degree word between the cue and the *dass* clause: consecutive
        (
            "Die Lehrerin beschrieb den Sturm so anschaulich, |dass alle zitterten.",
            "beschrieb",
            True,
        ),
        (
            "Sie schilderte den Sturm derart lebhaft, |dass niemand mehr schlief.",
            "schilderte",
            True,
        ),
        ("Er berichtete dergestalt ausführlich, |daß die Sitzung platzte.", "berichtete", True),
        ("Sie klagte über solche Schmerzen, |dass der Arzt kam.", "klagte", True),
        # negatives: the degree word before the cue, a clause-initial *so*, no degree word
        ("So erklärte die Ministerin, |dass der Etat reiche.", "erklärte", False),
        (
            "Der so genannten Liste wurde vorgeworfen, |dass sie lückenhaft sei.",
            "vorgeworfen",
            False,
        ),
        ("Wenn er das sagt, so muss er zugeben, |dass er irrte.", "sagt", False),
        ("Der Sprecher erklärte ausführlich, |dass der Etat reiche.", "erklärte", False),
        ("Die Forscherin erzählte so nebenbei, |sie sei umgezogen.", "erzählte", False),
    ],
)
def test_consecutive_after_cue(text: str, cue: str, expected: bool) -> None:
    plain, k = _at(text)
    assert consecutive_after_cue(plain, plain.index(cue) + len(cue), k) is expected


def _judged(text: str, part: str, cue: str, lemma: str) -> Quote:
    s = text.index(part)
    c = text.index(cue)
    return Quote(
        s,
        s + len(part),
        ((s, s + len(part)),),
        part,
        "indirect",
        None,
        Cue(c, c + len(cue), cue, lemma, "neutral"),
        0,
    )


@pytest.mark.parametrize(
    ("text", "part", "cue", "lemma", "kept"),
    [
        # the judging verbs drop a non-content clause
        (
            "Er fand im Schuppen eine Leiter, welche morsch war.",
            "welche morsch war",
            "fand",
            "finden",
            False,
        ),
        (
            "Sie hielt den Plan für gut, den sie vorlegte.",
            "den sie vorlegte",
            "hielt",
            "halten",
            False,
        ),
        # other cues are not judged by this rule
        ("Er sagte dort etwas, welches falsch war.", "welches falsch war", "sagte", "sagen", True),
        # a content clause stays
        ("Er fand, dass der Plan gut sei.", "dass der Plan gut sei", "fand", "finden", True),
    ],
)
def test_drop_judged(text: str, part: str, cue: str, lemma: str, kept: bool) -> None:
    assert bool(drop_nonspeech([_judged(text, part, cue, lemma)], text)) is kept


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        # names, terms, titles, signs
        ("der Name", True),
        ("Der Name Gaia", True),
        ("der Titel einer Ausstellung", True),
        ("Der neue Titel", True),
        ("Der Begriff", True),
        ("die alte Flagge", True),
        ("Das Logo", True),
        # negatives: persons, institutions, utterances, compounds
        ("Die ersten Worte der Kapitänin", False),
        ("Der Sprecher", False),
        ("Titelverteidigerin Lea Brandt", False),
        ("Namensforscher Ole Kamp", False),
        ("der Nachname", False),
        ("Anna Name", False),
        ("die Partei", False),
        ("sie", False),
    ],
)
def test_expression_speaker(speaker: str, expected: bool) -> None:
    assert expression_speaker(speaker) is expected


_LAUTET = Cue(0, 0, "lautet", "lauten", "neutral")
_SAGT = Cue(0, 0, "sagt", "sagen", "neutral")


@pytest.mark.parametrize(
    ("text", "part", "kind", "speaker", "cue", "kept"),
    [
        # an expression as the subject of *lauten*: dropped
        (
            "Der Titel der Schau lautet „Licht und Stein“.",
            "„Licht und Stein“",
            "direct",
            "Der Titel der Schau",
            _LAUTET,
            False,
        ),
        # a person as the subject: kept
        (
            "Die Kuratorin sagt: „Licht und Stein“.",
            "„Licht und Stein“",
            "direct",
            "Die Kuratorin",
            _SAGT,
            True,
        ),
        # the speaker test needs a verb of wording or meaning
        (
            "Der Titel der Schau sagt: „Licht und Stein“.",
            "„Licht und Stein“",
            "direct",
            "Der Titel der Schau",
            _SAGT,
            True,
        ),
    ],
)
def test_drop_expression_speaker(
    text: str, part: str, kind: str, speaker: str, cue: Cue, kept: bool
) -> None:
    s = text.index(part)
    k = text.index(speaker)
    q = Quote(
        s,
        s + len(part),
        ((s, s + len(part)),),
        part,
        kind,
        Speaker(k, k + len(speaker), speaker),
        cue,
        0,
    )
    assert bool(drop_nonspeech([q], text)) is kept


def _quote(text: str, part: str, kind: str) -> Quote:
    s = text.index(part)
    return Quote(s, s + len(part), ((s, s + len(part)),), part, kind, None, None, 0)


@pytest.mark.parametrize(
    ("text", "part", "kind", "kept"),
    [
        # a foreign title in running text is dropped
        (
            "Die Gruppe trat mit „Friends of the Forest“ auf.",
            "„Friends of the Forest“",
            "direct",
            False,
        ),
        # introduced by a colon or followed by a frame: kept as speech
        ("Er rief: „Friends of the Forest“ und ging.", "„Friends of the Forest“", "direct", True),
        ("„Friends of the Forest“, rief er.", "„Friends of the Forest“", "direct", True),
        # the clause filter applies to indirect and reported quotes, not to direct ones
        ("Wenn er kommt, so bleibt sie.", "so bleibt sie", "indirect", False),
        ("Wenn er kommt, so bleibt sie.", "so bleibt sie", "reported", False),
        ("Wenn er kommt, „so bleibt sie“.", "„so bleibt sie“", "direct", True),
    ],
)
def test_drop_nonspeech(text: str, part: str, kind: str, kept: bool) -> None:
    assert bool(drop_nonspeech([_quote(text, part, kind)], text)) is kept


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # end to end: the inserted frame *so sagte er* after a fronted clause is no second
        # quotation of the fronted clause's subject (without the filter: *so sagte er*,
        # speaker *die Kommission*, cue *bestätigt*)
        (
            "Da die Kommission das bestätigt habe, so sagte er, sei der Weg frei.",
            [
                (
                    "indirect",
                    "Da die Kommission das bestätigt habe … sei der Weg frei",
                    "er",
                    "so sagte",
                )
            ],
        ),
        (
            "Weil der Rat zugestimmt habe, so erklärte sie, beginne der Bau.",
            [
                (
                    "indirect",
                    "Weil der Rat zugestimmt habe … beginne der Bau",
                    "sie",
                    "so erklärte",
                )
            ],
        ),
        # end to end: *finden* in the sense *to find*, and a consecutive clause, report
        # nothing (without the filter each gave an indirect quote with cue *fand*)
        ("Der Förster fand im Keller eine alte Truhe, welche voller Briefe war.", []),
        ("Beim Aufräumen fand die Hausmeisterin einen Schlüssel, welcher zum Keller gehört.", []),
        ("Der Arzt fand die Wunde so tief, dass er sofort operierte.", []),
        ("Sie fand endlich Gelegenheit, den Garten umzugraben.", []),
        (
            "Der Richter fand, dass die Frist versäumt worden sei.",
            [("indirect", "dass die Frist versäumt worden sei", "Der Richter", "fand")],
        ),
        # end to end: a title, a name and a term are no speakers (without the filter each
        # gave a quote: two direct ones with cue *lautet*, one reported)
        ("„Schatten über der Stadt“, so lautet der Titel des neuen Romans.", []),
        ("Der Name des Vereins lautet „Freunde des Waldes“.", []),
        ("Der Begriff Resilienz bezeichnet die Widerstandskraft eines Systems.", []),
        (
            "„Wir bleiben“, sagte die Sprecherin.",
            [("direct", "„Wir bleiben“", "die Sprecherin", "sagte")],
        ),
        # end to end: a consecutive clause after a degree word is no content of the cue
        # (without the filter: an indirect quote with cue *erzählte*)
        ("Die Lehrerin beschrieb den Kindern den Sturm so anschaulich, daß alle zitterten.", []),
        # positive: a *dass* clause after a cue stays
        (
            "Der Bürgermeister sagte, dass die Kasse leer sei.",
            [("indirect", "dass die Kasse leer sei", "Der Bürgermeister", "sagte")],
        ),
    ],
)
def test_pipeline(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert summary(annotate(text)) == expected
