"""Recall rules of issue #13, round 5 (Indirect, FreeIndirect and Reported speech): each rule
has a ``(text, expected)`` table with positive and negative cases. The sentences are
invented for these tests. Expected tuples are ``(kind, quote text, speaker, cue or act)``."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate

from medialens.nlp.attribution.konjunktiv import is_konjunktiv

Row = tuple[str, str, str | None, str | None]


def _quotes(text: str) -> list[Row]:
    out = []
    for q in annotate(text)._.ml_quotes:
        verb = q.cue or q.act
        out.append(
            (q.kind, q.text, q.speaker.text if q.speaker else None, verb.text if verb else None)
        )
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negation in a coordinated verb phrase does not negate the speech act before it
        (
            "Die Trainerin verwies auf die vielen Verletzungen und wollte keinen Spieler "
            "kritisieren.",
            [
                (
                    "reported",
                    "Die Trainerin verwies auf die vielen Verletzungen und wollte keinen Spieler "
                    "kritisieren",
                    "Die Trainerin",
                    "verwies",
                )
            ],
        ),
        # … nor the one after it
        (
            "Die Partei lehnte den Plan nicht ab und forderte Neuwahlen.",
            [
                (
                    "reported",
                    "Die Partei lehnte den Plan nicht ab und forderte Neuwahlen",
                    "Die Partei",
                    "forderte",
                )
            ],
        ),
        # *nicht* before an attributive participle negates the attribute
        (
            "Die Pflegekräfte fordern mehr Personal und beklagen nicht genommene Urlaubstage.",
            [
                (
                    "reported",
                    "Die Pflegekräfte fordern mehr Personal und beklagen nicht genommene "
                    "Urlaubstage",
                    "Die Pflegekräfte",
                    "fordern",
                )
            ],
        ),
        # negative: a negation in the cue's own conjunct still cancels the speech act
        ("Der Minister hat über den Fall nicht berichtet.", []),
        ("Der Sprecher wollte nicht bestätigen, dass der Minister zurücktritt.", []),
    ],
)
def test_negation_scoped_to_conjunct(text: str, expected: list[Row]) -> None:
    assert _quotes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hearsay about a speech act: the cue *geschrieben* gives no quotation of its own and
        # does not block the hearsay rule
        (
            "Der Hausmeister soll Schlüssel verkauft und Beschwerdebriefe an die Verwaltung "
            "geschrieben haben.",
            [
                (
                    "indirect",
                    "Der Hausmeister soll Schlüssel verkauft und Beschwerdebriefe an die "
                    "Verwaltung geschrieben haben",
                    None,
                    None,
                )
            ],
        ),
        # negative: a plan (*soll … eröffnet werden*) is no hearsay
        ("Die neue Brücke soll im Mai eröffnet werden.", []),
        # negative: *sagte … ab* is no speech
        ("Pedro Sanchez sagte in letzter Minute ab.", []),
    ],
)
def test_free_hearsay_with_inner_cue(text: str, expected: list[Row]) -> None:
    assert _quotes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the demonstrative *Das* before a Konjunktiv I is the subject, not a determiner
        (
            "Der Verein hat nur noch drei Trainer. Das werde die Saison gefährden.",
            [("indirect", "Das werde die Saison gefährden", "Der Verein", None)],
        ),
        # negative: *heiße* after a determiner is the adjective
        ("Eine heiße Spur führt nach Bonn.", []),
        ("Das heiße Wasser floss in den Keller.", []),
    ],
)
def test_demonstrative_before_konjunktiv(text: str, expected: list[Row]) -> None:
    assert _quotes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # plural *könnten* right after a quotation continues it
        (
            "Die Försterin sagte, der Wald sei sehr trocken. Funken könnten leicht einen Brand "
            "auslösen.",
            [
                ("indirect", "der Wald sei sehr trocken", "Die Försterin", "sagte"),
                ("indirect", "Funken könnten leicht einen Brand auslösen", "Die Försterin", None),
            ],
        ),
        # negative: plural *dürften* is the journalist's estimate
        (
            "Der Sprecher sagte, der Damm sei gebrochen. Die Schäden dürften erheblich sein.",
            [("indirect", "der Damm sei gebrochen", "Der Sprecher", "sagte")],
        ),
        # negative: further away *könnten* is the journalist's own estimate
        (
            "Der Sprecher sagte, es regne seit Tagen. Die Stadt liegt am Fluss. Der Bus fährt "
            "um acht. Die Preise könnten steigen.",
            [("indirect", "es regne seit Tagen", "Der Sprecher", "sagte")],
        ),
        # negative: without a quotation before it
        ("Die Preise könnten im Herbst steigen.", []),
    ],
)
def test_epistemic_modal_right_after_quotation(text: str, expected: list[Row]) -> None:
    assert _quotes(text) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("brächten", True),
        ("stünden", True),
        ("befänden", True),
        ("säßen", True),
        # negative: the past indicative without umlaut
        ("brachten", False),
        ("befanden", False),
        ("saßen", False),
    ],
)
def test_strong_plural_konjunktiv_ii(word: str, expected: bool) -> None:
    assert is_konjunktiv(word, "") is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die Lehrerin sagte, die Klasse sei zu groß. Manche Kinder säßen zu dritt an einem "
            "Tisch.",
            [
                ("indirect", "die Klasse sei zu groß", "Die Lehrerin", "sagte"),
                ("indirect", "Manche Kinder säßen zu dritt an einem Tisch", "Die Lehrerin", None),
            ],
        ),
        # negative: the past indicative does not continue the quotation
        (
            "Die Lehrerin sagte, die Klasse sei zu groß. Manche Kinder saßen damals zu dritt an "
            "einem Tisch.",
            [("indirect", "die Klasse sei zu groß", "Die Lehrerin", "sagte")],
        ),
    ],
)
def test_strong_plural_konjunktiv_ii_continues(text: str, expected: list[Row]) -> None:
    assert _quotes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no comma before the infinitive group (optional since the spelling reform)
        (
            "Die Bäckerei hat angekündigt ihre Filiale am Markt zu schließen.",
            [("indirect", "ihre Filiale am Markt zu schließen", "Die Bäckerei", "angekündigt")],
        ),
        (
            "Der Bürgermeister hat gestern angekündigt sein Amt abzugeben.",
            [("indirect", "sein Amt abzugeben", "Der Bürgermeister", "angekündigt")],
        ),
        # a phrase after the infinitive
        (
            "Der Kapitän hat angekündigt, aufzuhören nach der Saison.",
            [("indirect", "aufzuhören nach der Saison", "Der Kapitän", "angekündigt")],
        ),
        # the comma rule is unchanged
        (
            "Der Verein hat angekündigt, die Beiträge zu senken.",
            [("indirect", "die Beiträge zu senken", "Der Verein", "angekündigt")],
        ),
        # negative: a purpose clause, and a subordinate clause with *zu sehen war*
        ("Er hat sich angestrengt um das Ziel zu erreichen.", []),
        ("Die Nachbarin hat den Einbruch gemeldet, nachdem der Täter nicht mehr zu sehen war.", []),
    ],
)
def test_infinitive_group_after_closed_frame(text: str, expected: list[Row]) -> None:
    assert _quotes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # negative: *zusagen* (accept) and *absagen* (cancel) are no speech
        ("Der Minister sagte seine Teilnahme an der Konferenz zu.", []),
        ("Pedro Sanchez sagte in letzter Minute ab.", []),
    ],
)
def test_sagen_with_particle_is_no_speech(text: str, expected: list[Row]) -> None:
    assert _quotes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # *…, doch X erklärte, …*: a new frame with its own subject ends the content before it
        (
            "Die Vermieterin sagte, die Heizung sei repariert, doch der Mieterverein erklärte, "
            "die Wohnungen seien weiterhin kalt.",
            [
                ("indirect", "die Heizung sei repariert", "Die Vermieterin", "sagte"),
                (
                    "indirect",
                    "die Wohnungen seien weiterhin kalt",
                    "der Mieterverein",
                    "erklärte",
                ),
            ],
        ),
        # negative: a coordinated clause without a reporting verb stays in the content
        (
            "Der Händler sagte, die Preise seien gesunken, aber die Nachfrage sei gering.",
            [
                (
                    "indirect",
                    "die Preise seien gesunken, aber die Nachfrage sei gering",
                    "Der Händler",
                    "sagte",
                )
            ],
        ),
    ],
)
def test_coordinated_frame_with_own_subject(text: str, expected: list[Row]) -> None:
    assert _quotes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # reported speech in its own conjunct next to an indirect quotation
        (
            "Die Ärztekammer kritisierte die Reform und kündigte an, vor Gericht zu ziehen.",
            [
                (
                    "reported",
                    "Die Ärztekammer kritisierte die Reform",
                    "Die Ärztekammer",
                    "kritisierte",
                ),
                ("indirect", "vor Gericht zu ziehen", "Die Ärztekammer", "kündigte an"),
            ],
        ),
        (
            "Die Ministerin räumte ein, es könnten Kosten entstehen, sprach aber von einem "
            "machbaren Projekt.",
            [
                ("indirect", "es könnten Kosten entstehen", "Die Ministerin", "räumte ein"),
                (
                    "reported",
                    "sprach aber von einem machbaren Projekt",
                    "Die Ministerin",
                    "sprach",
                ),
            ],
        ),
        (
            "Der Wetterdienst warnte vor Glätte und teilte mit, dass die Straßen gestreut würden.",
            [
                ("reported", "Der Wetterdienst warnte vor Glätte", "Der Wetterdienst", "warnte"),
                (
                    "indirect",
                    "dass die Straßen gestreut würden",
                    "Der Wetterdienst",
                    "teilte mit",
                ),
            ],
        ),
        # negative: a partial quotation right after the verb is a label, no second quotation
        (
            "Der Trainer nannte die Niederlage „völlig unnötig“.",
            [("direct", "„völlig unnötig“", "Der Trainer", "nannte")],
        ),
    ],
)
def test_reported_conjunct_beside_quotation(text: str, expected: list[Row]) -> None:
    assert _quotes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hearsay sentence after a Konjunktiv continuation starts a quotation of its own
        (
            "Die Sprecherin sagte, das Museum bleibe geschlossen. Die Reparatur brauche Wochen. "
            "Die Kosten sollen bei einer Million liegen.",
            [
                ("indirect", "das Museum bleibe geschlossen", "Die Sprecherin", "sagte"),
                ("indirect", "Die Reparatur brauche Wochen", "Die Sprecherin", None),
                (
                    "indirect",
                    "Die Kosten sollen bei einer Million liegen",
                    "Die Sprecherin",
                    None,
                ),
            ],
        ),
        # negative: Konjunktiv after Konjunktiv stays one quotation
        (
            "Die Sprecherin sagte, das Museum bleibe geschlossen. Die Reparatur brauche Wochen. "
            "Die Ausstellung werde verschoben.",
            [
                ("indirect", "das Museum bleibe geschlossen", "Die Sprecherin", "sagte"),
                (
                    "indirect",
                    "Die Reparatur brauche Wochen. Die Ausstellung werde verschoben",
                    "Die Sprecherin",
                    None,
                ),
            ],
        ),
    ],
)
def test_continuations_merge_by_kind(text: str, expected: list[Row]) -> None:
    assert _quotes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # *Das* with a *wie*-frame at the end reports its own clause
        (
            "Die Nachbarn baten ihn, den Zaun zu erneuern. Das hatte er schon im Frühjahr "
            "erledigt, wie seine Frau erzählte.",
            [
                ("indirect", "den Zaun zu erneuern", "Die Nachbarn", "baten"),
                (
                    "indirect",
                    "Das hatte er schon im Frühjahr erledigt",
                    "seine Frau",
                    "erzählte",
                ),
            ],
        ),
        # negative: *Das hat X mitgeteilt* still refers to the sentence before
        (
            "Die Bibliothek bleibt geschlossen. Das hat die Stadt am Montag mitgeteilt.",
            [("indirect", "Die Bibliothek bleibt geschlossen … Das", "die Stadt", "mitgeteilt")],
        ),
    ],
)
def test_anaphor_only_in_its_own_clause(text: str, expected: list[Row]) -> None:
    assert _quotes(text) == expected
