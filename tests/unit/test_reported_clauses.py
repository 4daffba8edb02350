"""Reported speech in its own clause of a sentence that holds another statement (issue #13,
reported speech never found): a second conjunct after a framed direct quotation
(:mod:`medialens.nlp.attribution.conjuncts`, :mod:`medialens.nlp.attribution.nesting`), a
second speaker's main clause after a source phrase
(:mod:`medialens.nlp.attribution.sourcesplit`) and a second comma- or dash-joined main
clause (:mod:`medialens.nlp.attribution.mainclause`). Each positive case gives the clause and
its speaker; negative cases keep what the rule must not touch. All sentences are invented."""

from __future__ import annotations

import pytest
from attribution_pipeline import quotes_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: the act of the second conjunct, with the subject after the first verb
        (
            "„Wir bleiben hier“, sagte die Sprecherin und kündigte weitere Proteste an.",
            [
                ("direct", "„Wir bleiben hier“", "die Sprecherin"),
                ("reported", "und kündigte weitere Proteste an", "die Sprecherin"),
            ],
        ),
        (
            "„Das ist erst der Anfang“, schrieben die Aktivisten im Netz und forderten ein "
            "neues Gesetz.",
            [
                ("direct", "„Das ist erst der Anfang“", "die Aktivisten"),
                ("reported", "und forderten ein neues Gesetz", "die Aktivisten"),
            ],
        ),
        # negative: a second verb that reports nothing; a partial quotation of the act itself
        (
            "„Wir bleiben hier“, sagte die Sprecherin und lachte.",
            [("direct", "„Wir bleiben hier“", "die Sprecherin")],
        ),
        (
            "Der Minister warf der Opposition eine „gezielte Täuschung“ vor.",
            [
                (
                    "reported",
                    "Der Minister warf der Opposition eine „gezielte Täuschung“ vor",
                    "Der Minister",
                ),
                ("direct", "„gezielte Täuschung“", "Der Minister"),
            ],
        ),
    ],
)
def test_conjunct_after_framed_quotation(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert quotes_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: a second speaker's figure beside the source's
        (
            "Nach Angaben der Veranstalter kamen rund 5.000 Menschen zum Marsch, die Polizei "
            "spricht von 2.000 Teilnehmern.",
            [
                ("indirect", "kamen rund 5.000 Menschen zum Marsch", "Angaben der Veranstalter"),
                ("reported", "die Polizei spricht von 2.000 Teilnehmern", "die Polizei"),
            ],
        ),
        (
            "Laut den Veranstaltern waren 800 Boote auf dem See, der Hafenmeister sprach von "
            "500 Booten.",
            [
                ("indirect", "waren 800 Boote auf dem See", "den Veranstaltern"),
                ("reported", "der Hafenmeister sprach von 500 Booten", "der Hafenmeister"),
            ],
        ),
        # negative: the second clause has no reporting verb; an inverted second clause
        (
            "Nach Angaben der Veranstalter kamen rund 5.000 Menschen zum Marsch, die Polizei "
            "war mit 300 Beamten vor Ort.",
            [
                (
                    "indirect",
                    "kamen rund 5.000 Menschen zum Marsch, die Polizei war mit 300 Beamten vor Ort",
                    "Angaben der Veranstalter",
                )
            ],
        ),
        (
            "Laut dem Wetterdienst wird es kalt, dagegen spricht die Polizei von glatten Straßen.",
            [
                (
                    "indirect",
                    "wird es kalt, dagegen spricht die Polizei von glatten Straßen",
                    "dem Wetterdienst",
                )
            ],
        ),
        # negative: a relative clause with a reporting verb, a purpose clause, an anaphoric
        # frame (*das berichtet X*): no second speaker's main clause
        (
            "Laut dem Verband gilt seit Mai eine neue Regel, die besagt, dass Hunde an die "
            "Leine müssen.",
            [
                (
                    "indirect",
                    "gilt seit Mai eine neue Regel, die besagt, dass Hunde an die Leine müssen",
                    "dem Verband",
                ),
                ("indirect", "dass Hunde an die Leine müssen", "die"),
            ],
        ),
        (
            "Nach Angaben der Stadt wurden neue Busse gekauft, um die Klagen der Fahrgäste zu "
            "beantworten.",
            [
                (
                    "indirect",
                    "wurden neue Busse gekauft, um die Klagen der Fahrgäste zu beantworten",
                    "Angaben der Stadt",
                )
            ],
        ),
        (
            "Im Hafen lagen viele Boote, das berichtet die Zeitung am Montag.",
            [("indirect", "Im Hafen lagen viele Boote", "die Zeitung")],
        ),
    ],
)
def test_second_speaker_after_source_phrase(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert quotes_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: the second main clause only, its own subject, the first clause's negation
        # does not count
        (
            "Weitere Details nannte er nicht, er verwies aber auf laufende Ermittlungen der "
            "Behörde.",
            [("reported", "er verwies aber auf laufende Ermittlungen der Behörde", "er")],
        ),
        (
            "Das Wetter war schlecht, die Ministerin verwies aber auf die Ermittlungen der "
            "Behörde.",
            [
                (
                    "reported",
                    "die Ministerin verwies aber auf die Ermittlungen der Behörde",
                    "die Ministerin",
                )
            ],
        ),
        (
            "Die Regierung lehnte den Plan ab, die Opposition forderte dagegen neue Wahlen.",
            [("reported", "die Opposition forderte dagegen neue Wahlen", "die Opposition")],
        ),
        (
            "Am Markt standen viele Menschen – die Polizei sprach von 300 – und warteten.",
            [("reported", "die Polizei sprach von 300", "die Polizei")],
        ),
        (
            "Der Minister kündigte seinen Rücktritt an.",
            [("reported", "Der Minister kündigte seinen Rücktritt an", "Der Minister")],
        ),
        # negative: a negation in the second clause (also right after *aber*), a relative
        # clause, an apposition, and a verb that is no speech at all
        (
            "Das Wetter war schlecht, die Ministerin verwies aber nicht auf die Ermittlungen "
            "der Behörde.",
            [],
        ),
        ("Die Ministerin verwies aber nicht auf die Ermittlungen der Behörde.", []),
        ("Es gab viele Proteste, die die Ministerin kritisierte.", []),
        (
            "Der Bürgermeister, der seit Mai im Amt ist, forderte mehr Geld für Schulen.",
            [
                (
                    "reported",
                    "Der Bürgermeister, der seit Mai im Amt ist, forderte mehr Geld für Schulen",
                    "Der Bürgermeister",
                )
            ],
        ),
        ("Der Sänger sagte das Konzert in letzter Minute ab.", []),
        ("Das Wetter war schlecht, der Sänger sagte das Konzert in letzter Minute ab.", []),
    ],
)
def test_second_main_clause(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert quotes_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # negative: a dash apposition or a dateline is no clause of its own with a subject;
        # a verb-final clause after *, die* is a relative clause
        (
            "Anna Berg – seit zwei Jahren Vorsitzende – kündigte eine erneute Kandidatur an.",
            ["Anna Berg – seit zwei Jahren Vorsitzende – kündigte eine erneute Kandidatur an"],
        ),
        ("Im Ort gibt es Pläne, die Anwohner seit Jahren fordern.", []),
        # positive: a dateline before the subject is the reporter's
        (
            "Bonn – Die Ministerin hat dem Verband Untätigkeit vorgeworfen.",
            ["Die Ministerin hat dem Verband Untätigkeit vorgeworfen"],
        ),
    ],
)
def test_second_main_clause_span(text: str, expected: list[str]) -> None:
    assert [q for k, q, _s in quotes_of(text) if k == "reported"] == expected
