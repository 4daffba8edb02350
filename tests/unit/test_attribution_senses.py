"""The speech-act lexicon's argument structure at work (issue #13, categories 1, 2, 3, 6, 8):
reported speech by object or predicative, subject classes (documents, things), nominal and
light-verb frames, impersonal frames, continuations and source adverbs, non-speech senses.

Invented sentences only. Each table lists positive and negative cases; a quote is
``(kind, text, speaker, cue)`` as in :func:`attribution_pipeline.summary`.
"""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, pipeline, summary

from medialens.codebook.errors import CodebookError
from medialens.codebook.verbindex import load_reporting_verbs
from medialens.codebook.verbs import parse_reporting_verbs
from medialens.nlp.attribution.marks import find_quoted_regions
from medialens.nlp.attribution.senses import fits_subject, subject_class
from medialens.nlp.attribution.sourcecues import find_noun_cues
from medialens.nlp.attribution.units import build_units, token_arrays, unit_tokens
from medialens.nlp.pipes import doc_text


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(k, q) for k, q, _s, _c in summary(annotate(text))]


# --- category 1: verb + object / predicative (reported speech) -----------------------------
REPORTED = [
    (
        "Die Gewerkschaft forderte höhere Löhne für alle Beschäftigten.",
        [("reported", "Die Gewerkschaft forderte höhere Löhne für alle Beschäftigten")],
    ),
    (
        "Der Minister hält die Reform für einen schweren Fehler.",
        [("reported", "Der Minister hält die Reform für einen schweren Fehler")],
    ),
    (
        "Die Ministerin bezeichnete den Vorschlag als unausgegoren.",
        [("reported", "Die Ministerin bezeichnete den Vorschlag als unausgegoren")],
    ),
    (
        "Der Kanzler kündigte Neuwahlen für den Herbst an.",
        [("reported", "Der Kanzler kündigte Neuwahlen für den Herbst an")],
    ),
    (
        "Die Stadträtin sprach von einem großen Erfolg für die Gemeinde.",
        [("reported", "Die Stadträtin sprach von einem großen Erfolg für die Gemeinde")],
    ),
    # the phrase *für falsch halten* takes a clause; bare *halten* only its predicative
    (
        "Der Minister hält es für falsch, die Steuern zu senken.",
        [("indirect", "die Steuern zu senken")],
    ),
    # negative: *halten* without a für-predicative is no speech act
    ("Der Minister hielt eine Rede vor dem Parlament.", []),
    ("Die Polizei hielt den Wagen an der Grenze an.", []),
    # negative: a thing as subject (*fordern* = to claim lives)
    ("Das Hochwasser forderte mindestens vierzig Todesopfer.", []),
    ("Die Naturkatastrophe forderte zahlreiche Menschenleben.", []),
    # negative: negated speech reports no speech (but *nicht nur … sondern auch* is none)
    ("Die Zeitung hat über den Fall bislang nicht berichtet.", []),
    (
        "Die Gewerkschaft forderte nicht nur mehr Lohn, sondern auch mehr Urlaub.",
        [("reported", "Die Gewerkschaft forderte nicht nur mehr Lohn, sondern auch mehr Urlaub")],
    ),
    # negative: *sagte … ab* is *absagen* (cancel), not speech
    ("Pedro Sanchez sagte in letzter Minute ab.", []),
    # negative: an object verb whose entry has no message object (*begrüßen*)
    ("Die Partei begrüßte die neuen Mitglieder.", []),
]


@pytest.mark.parametrize(("text", "expected"), REPORTED)
def test_reported_by_object_or_predicative(text: str, expected: list[tuple[str, str]]) -> None:
    assert _kinds(text) == expected


# --- category 2 and 8: subject classes, impersonal frames ---------------------------------
FRAMES = [
    # a document speaks where the entry allows it
    (
        "Die Studie zeigt, dass die Zahl der Unfälle gestiegen ist.",
        [("indirect", "dass die Zahl der Unfälle gestiegen ist", "Die Studie", "zeigt")],
    ),
    (
        "Der Abschlussbericht kritisiert, dass die Behörde zu spät gehandelt habe.",
        [
            (
                "indirect",
                "dass die Behörde zu spät gehandelt habe",
                "Der Abschlussbericht",
                "kritisiert",
            )
        ],
    ),
    (
        "Die Untersuchung kommt zu dem Schluss, dass die Maßnahmen nicht wirken.",
        [
            (
                "indirect",
                "dass die Maßnahmen nicht wirken",
                "Die Untersuchung",
                "kommt zu dem Schluss",
            )
        ],
    ),
    # impersonal and modal passive: no speaker, still a quotation
    (
        "Es wurde mitgeteilt, dass die Schule geschlossen bleibt.",
        [("indirect", "dass die Schule geschlossen bleibt", None, "mitgeteilt")],
    ),
    (
        "Wie es weiter hieß, sei die Lage inzwischen ruhig.",
        [("indirect", "sei die Lage inzwischen ruhig", None, "hieß")],
    ),
    # strong past of particle verbs (*wandte … ein*, *wies … hin*, *schlug … vor*)
    (
        "Der Anwalt wandte ein, dass die Frist abgelaufen sei.",
        [("indirect", "dass die Frist abgelaufen sei", "Der Anwalt", "wandte ein")],
    ),
    (
        "Die Ärztin wies am Montag darauf hin, dass die Impfung wirke.",
        [("indirect", "dass die Impfung wirke", "Die Ärztin", "wies hin")],
    ),
    (
        "Der Verband schlug vor, die Regeln zu ändern.",
        [("indirect", "die Regeln zu ändern", "Der Verband", "schlug vor")],
    ),
    # negative: data, persons and things do not *show* in the speech sense
    ("Die Zahlen zeigen, dass die Zahl der Unfälle gestiegen ist.", []),
    ("Er zeigte, dass er den Ball sicher halten kann.", []),
    ("Die Statistik zeigt, dass mehr Menschen Rad fahren.", []),
]


@pytest.mark.parametrize(("text", "expected"), FRAMES)
def test_subject_classes_and_impersonal_frames(text: str, expected: list) -> None:
    assert summary(annotate(text)) == expected


# --- category 3: nominal frames -------------------------------------------------------------
NOMINAL = [
    (
        "Die Forderung der Gewerkschaft, die Löhne anzuheben, stieß auf Ablehnung.",
        [("indirect", "die Löhne anzuheben", "der Gewerkschaft", "Forderung")],
    ),
    (
        "Der Richter lehnte den Vorschlag der Verteidigung, die Zeugen erneut zu hören, ab.",
        [("indirect", "die Zeugen erneut zu hören", "der Verteidigung", "Vorschlag")],
    ),
    (
        "Er wies die Behauptung von Greenpeace, die Anlage sei unsicher, zurück.",
        [("indirect", "die Anlage sei unsicher", "Greenpeace", "Behauptung")],
    ),
    # negative: a relative clause or an apposition after the genitive is no complement
    ("Die Aussage des Zeugen, der lange geschwiegen hatte, überraschte alle.", []),
    ("Die Kritik von Peter Muster, Vorsitzender der Partei, blieb ohne Folgen.", []),
    # a speech-act noun inside a source phrase is the source phrase's; the relative clause
    # belongs to the source
    (
        "Nach Einschätzung eines Experten, der befragt wurde, war es ein Unfall.",
        [("indirect", "war es ein Unfall", "Einschätzung eines Experten", "Nach")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), NOMINAL)
def test_nominal_frames(text: str, expected: list) -> None:
    assert summary(annotate(text)) == expected


# --- categories 2 and 3: reflexive and light-verb frames ------------------------------------
LIGHT_VERBS = [
    (
        "Der Trainer zeigte sich sehr glücklich: „Das war ein großartiges Spiel für uns alle.“",
        [
            (
                "direct",
                "„Das war ein großartiges Spiel für uns alle.“",
                "Der Trainer",
                "zeigte glücklich",
            )
        ],
    ),
    (
        "Der Minister gab sich zuversichtlich, dass eine Einigung gelingt.",
        [
            (
                "indirect",
                "dass eine Einigung gelingt",
                "Der Minister",
                "gab zuversichtlich",
            )
        ],
    ),
    (
        "Die Opposition stellte den Plan der Regierung in Frage.",
        [
            (
                "reported",
                "Die Opposition stellte den Plan der Regierung in Frage",
                "Die Opposition",
                None,
            )
        ],
    ),
    # negative: *zeigen*/*geben* without the reflexive adjective frame
    ("Der Trainer zeigte den Spielern ein Video.", []),
    ("Der Minister gab ihm das Buch zurück.", []),
]


@pytest.mark.parametrize(("text", "expected"), LIGHT_VERBS)
def test_reflexive_and_light_verb_frames(text: str, expected: list) -> None:
    assert summary(annotate(text)) == expected


# --- category 6: continuations and source adverbs ------------------------------------------
CONTINUATIONS = [
    # hearsay *sollen* with a perfect infinitive: free indirect speech without a cue
    (
        "Der Täter soll das Geld schon im Mai veruntreut haben.",
        [("indirect", "Der Täter soll das Geld schon im Mai veruntreut haben")],
    ),
    (
        "Dabei sollen mehrere Demonstranten verletzt worden sein.",
        [("indirect", "Dabei sollen mehrere Demonstranten verletzt worden sein")],
    ),
    # *demnach* in the middle field and opening *Danach* before reported speech
    (
        "Die Polizei legte einen Bericht vor. Der Täter soll demnach geflohen sein.",
        [("indirect", "Der Täter soll … geflohen sein")],
    ),
    (
        "Die Polizei legte einen Bericht vor. Danach sei der Täter bewaffnet gewesen.",
        [("indirect", "sei der Täter bewaffnet gewesen")],
    ),
    # a reported clause with hearsay *sollen* after a cue
    (
        "Die Zeitung hatte berichtet, 200 Mitarbeiter sollen entlassen werden.",
        [("indirect", "200 Mitarbeiter sollen entlassen werden")],
    ),
    # *Denn wie X berichtete, …*
    (
        "Denn wie die Zeitung am Montag berichtete, leidet er an einer Krankheit.",
        [("indirect", "leidet er an einer Krankheit")],
    ),
    # a singular Konjunktiv II right after a quotation continues it; not a conditional
    (
        "Der Sprecher sagte, die Lage sei ernst. Es wäre falsch, jetzt aufzugeben.",
        [("indirect", "die Lage sei ernst"), ("indirect", "Es wäre falsch, jetzt aufzugeben")],
    ),
    (
        "Der Sprecher sagte, die Lage sei ernst. Wenn es regnet, wäre das Spiel abgesagt.",
        [("indirect", "die Lage sei ernst")],
    ),
    ("Der Park ist groß. Es wäre schön, ihn zu besuchen.", []),
    (
        "Der Sprecher sagte, die Lage sei ernst. Der Aufschwung dürfte sich verzögern.",
        [("indirect", "die Lage sei ernst")],
    ),
    (
        "Der Sprecher sagte, die Lage sei ernst. Wäre das anders, könnte man feiern.",
        [("indirect", "die Lage sei ernst")],
    ),
    # hearsay needs the perfect infinitive of the *sollen* clause itself
    ("Der Bau soll im Mai fertig sein und wird dann viel gekostet haben.", []),
    # negative: temporal *Danach*, deontic *soll … werden*, inference *wäre demnach*
    ("Danach ging er nach Hause.", []),
    ("Das Museum soll ab Montag zu sehen sein.", []),
    ("Die Brücke soll im nächsten Jahr gebaut werden.", []),
    ("Ein Flug wäre demnach durchaus vertretbar gewesen.", []),
    ("Er ist ein Mann, der das Geld veruntreut haben soll.", []),
]


@pytest.mark.parametrize(("text", "expected"), CONTINUATIONS)
def test_continuations_and_source_adverbs(text: str, expected: list) -> None:
    assert _kinds(text) == expected


# --- the pieces -------------------------------------------------------------------------------
def _toks(text: str):
    doc = pipeline()(text)
    t = doc_text(doc)
    regions = find_quoted_regions(t)
    arrays = token_arrays(doc, t)
    unit = build_units(arrays, regions)[0]
    return unit_tokens(arrays, unit, regions)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Studie zeigt das.", "document"),
        ("Der gestern veröffentlichte Abschlussbericht zeigt das.", "document"),
        ("Das Hochwasser zeigt das.", "thing"),
        ("Die neuen Zahlen zeigen das.", "thing"),
        ("Die Ministerin zeigt das.", None),
        ("Senatorin Gillibrand zeigt das.", None),  # a name ending like a noun (*Brand*)
    ],
)
def test_subject_class(text: str, expected: str | None) -> None:
    toks = _toks(text)
    verb = next(t.i for t in toks if t.lower.startswith("zeig"))
    assert subject_class(toks, (0, verb)) == expected


@pytest.mark.parametrize(
    ("cls", "subjects", "expected"),
    [
        (None, ("animate", "institution", "document"), True),
        ("thing", ("animate", "institution", "document"), False),
        ("document", ("animate", "institution"), False),
        ("document", ("document",), True),
        (None, ("document",), False),
    ],
)
def test_fits_subject(cls: str | None, subjects: tuple[str, ...], expected: bool) -> None:
    assert fits_subject(cls, subjects) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Forderung der Gewerkschaft, die Löhne anzuheben, kam spät.", ("Forderung", 2)),
        ("Er stellte die Forderung, dass alle gehen.", ("Forderung", None)),
        ("Die Forderung der Gewerkschaft wurde abgelehnt.", None),
        ("Die Rückkehr der Gewerkschaft, die lange fehlte, kam spät.", None),
    ],
)
def test_find_noun_cues(text: str, expected: tuple[str, int | None] | None) -> None:
    toks = _toks(text)
    hits = find_noun_cues(toks)
    if expected is None:
        assert hits == []
        return
    assert len(hits) == 1
    noun, speaker_start = expected
    assert hits[0].lemma == noun
    assert (hits[0].speaker[0] if hits[0].speaker else None) == speaker_start


# --- the lexicon's argument structure ---------------------------------------------------------
def test_bundled_lexicon_argument_structure() -> None:
    lex = load_reporting_verbs(None)
    sagen = lex.get("sagen")
    assert sagen is not None
    assert sagen.speaker == ("subject", "agent")
    assert set(sagen.message) == {"clause", "infinitive", "konjunktiv"}
    assert "object" in lex.get("fordern").message
    assert lex.get("halten").message == ("für",)
    assert "als" in lex.get("bezeichnen").message
    assert lex.get("zeigen").subjects == ("document",)
    assert lex.get("laut").speaker == ("object",) and lex.get("laut").message == ()
    forderung = lex.get("Forderung")
    assert forderung.type == "noun" and forderung.speaker[0] == "genitive"
    assert "forderung" in lex.nouns


def test_argument_structure_round_trips() -> None:
    lex = load_reporting_verbs(None)
    again = parse_reporting_verbs(lex.to_data())
    assert [(e.speaker, e.message, e.subjects) for e in again] == [
        (e.speaker, e.message, e.subjects) for e in lex
    ]


def _section(body: str) -> str:
    return "reporting_verbs:\n" + body


def test_prepositional_messages_validate(tmp_path) -> None:
    """``auf`` and ``über`` are prepositional message forms (*verwies auf X*, *klagte über
    X*): valid, and an entry whose message is only such a form is no cue without it."""
    path = tmp_path / "x.yaml"
    path.write_text(
        _section(
            "  - {lemma: verweisen, category: neutral, speech: [reported], message: [auf]}\n"
            "  - {lemma: klagen, category: critical, speech: [reported], message: [über]}\n"
        ),
        encoding="utf-8",
    )
    entries = load_reporting_verbs(path)
    assert [tuple(e.message) for e in entries] == [("auf",), ("über",)]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "  - {lemma: sagen, category: neutral, speaker: [nobody]}\n",
            "x.yaml:2: unknown speaker value 'nobody'",
        ),
        (
            "  - {lemma: sagen, category: neutral, message: [dass]}\n",
            "x.yaml:2: unknown message value 'dass'",
        ),
        (
            "  - {lemma: sagen, category: neutral, subjects: [robots]}\n",
            "x.yaml:2: unknown subjects value 'robots'",
        ),
        (
            "  - {lemma: sagen, category: neutral, speaker: [genitive]}\n",
            "x.yaml:2: only nouns take speaker: [genitive]",
        ),
        (
            "  - {lemma: laut, category: neutral, type: preposition, speaker: [subject]}\n",
            "x.yaml:2: a preposition names its speaker by its object",
        ),
        (
            "  - {lemma: sagen, category: neutral, speech: [direct], message: [object]}\n",
            "x.yaml:2: message object or a preposition makes reported speech",
        ),
        (
            "  - {lemma: sagen, category: neutral, message: [object], speech: [indirect, reported]}\n",
            "x.yaml:2: speech includes indirect but message has no clause",
        ),
        (
            "  - {lemma: forderung, category: demand, type: noun}\n",
            "x.yaml:2: a noun is one capitalised word",
        ),
        (
            "  - {lemma: Forderung, category: demand, type: noun, speaker: [agent]}\n",
            "x.yaml:2: a noun has no passive agent",
        ),
        (
            "  - {lemma: sagen, category: neutral, speaker: []}\n",
            "x.yaml:2: an entry that introduces quotations needs a speaker role",
        ),
    ],
)
def test_malformed_argument_structure(tmp_path, body: str, message: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(_section(body), encoding="utf-8")
    with pytest.raises(CodebookError) as err:
        load_reporting_verbs(path)
    assert message in str(err.value)
