"""Round 13: a second reporting verb in a coordinated verb phrase whose subject is elided
(issue #13, branch ``s13-coord``), invented sentences with negatives.

* *X erklärte, A sei „…“ und kündigte an, …*: a partial quotation inside the first verb's
  complement no longer hides that complement
  (:func:`medialens.nlp.attribution.complementconjunct.complement_conjunct_subject`), and the
  second verb is the main clause's, not a verb under the complement's Konjunktiv auxiliary
  (:func:`medialens.nlp.attribution.freeindirect._embedded_in_konjunktiv`);
* *Auch der als gemäßigt geltende Präsident X unterstützte … und bezeichnete …*: an *als*
  phrase inside an extended attribute stays in the noun phrase, so the first conjunct has a
  subject (:func:`medialens.nlp.attribution.phrases.np_forward`);
* *X sagte, A sei B, warnte aber vor …*: an asyndetic second verb after the complement takes
  the main clause's subject (:mod:`medialens.nlp.attribution.speakers`,
  :func:`medialens.nlp.attribution.mainclause.second_main_clause`).
"""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, summary


def _quotes(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [q for q in summary(annotate(text)) if q[0] != "direct"]


# (text, expected quote text, expected speaker)
POSITIVES = [
    (
        "Die Abgeordnete Petra Lange erklärte, der Senator sei „ein Freund der Banken, nicht der"
        " Bürger“ und kündigte an, im Herbst gegen ihn anzutreten.",
        "im Herbst gegen ihn anzutreten",
        "Die Abgeordnete Petra Lange",
    ),
    (
        # after a quotation in the sentence before (a recent speaker)
        "Der Bürgermeister sagte, es werde gespart. Die Stadträtin Anna Roth erklärte, der Plan"
        " sei „kurzsichtig, teuer und unsozial“ und kündigte an, dagegen zu klagen.",
        "dagegen zu klagen",
        "Die Stadträtin Anna Roth",
    ),
    (
        "Der Verband betonte, die Lage der Betriebe sei ernst, warnte aber vor voreiligen"
        " Entlassungen.",
        "warnte aber vor voreiligen Entlassungen",
        "Der Verband",
    ),
    (
        "Auch der als besonnen geltende frühere Bürgermeister Paul Grimm unterstützte die"
        " Demonstration und bezeichnete den Beschluss als Fehler.",
        "Auch der als besonnen geltende frühere Bürgermeister Paul Grimm unterstützte die"
        " Demonstration und bezeichnete den Beschluss als Fehler",
        "der als besonnen geltende frühere Bürgermeister Paul Grimm",
    ),
    (
        "Die Abgeordnete Petra Lange erklärte, der Senator sei ein Freund der Banken, und"
        " kündigte an, im Herbst gegen ihn anzutreten.",
        "im Herbst gegen ihn anzutreten",
        "Die Abgeordnete Petra Lange",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), POSITIVES)
def test_second_conjunct_found_with_first_subject(text: str, quote: str, speaker: str) -> None:
    found = {(q[1], q[2]) for q in _quotes(text)}
    assert (quote, speaker) in found


# (text, quote text that must not be found with this speaker)
NEGATIVES = [
    # the complement's own noun phrase is no speaker of the second verb
    (
        "Der Verband betonte, die Lage der Betriebe sei ernst, warnte aber vor voreiligen"
        " Entlassungen.",
        "warnte aber vor voreiligen Entlassungen",
        "die Lage der Betriebe",
    ),
    # a Konjunktiv clause before an inverted frame is the content, not a first conjunct
    (
        "Die Lage sei ernst, warnte der Verband.",
        "Die Lage sei ernst",
        "Die Lage",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), NEGATIVES)
def test_no_wrong_conjunct_speaker(text: str, quote: str, speaker: str) -> None:
    assert (quote, speaker) not in {(q[1], q[2]) for q in _quotes(text)}


def test_inverted_frame_keeps_its_own_subject() -> None:
    found = {(q[1], q[2]) for q in _quotes("Die Lage sei ernst, warnte der Verband.")}
    assert ("Die Lage sei ernst", "der Verband") in found


def test_second_main_clause_with_own_subject_unchanged() -> None:
    found = {
        (q[1], q[2]) for q in _quotes("Details nannte er nicht, er verwies aber auf den Bericht.")
    }
    assert ("er verwies aber auf den Bericht", "er") in found


def test_non_speech_second_conjunct_gives_no_quotation() -> None:
    # *sagte … ab* (cancelled) is no speech act: nothing reported for the second conjunct
    text = "Der Trainer erklärte, die Mannschaft sei „müde und leer“ und sagte das Training ab."
    assert not any("Training ab" in q[1] for q in _quotes(text))


def test_relative_clause_with_als_is_no_attribute() -> None:
    # *der als Erster …*: a relative pronoun, the *als* phrase belongs to its clause
    found = {
        (q[1], q[2])
        for q in _quotes("Der Richter, der als Erster sprach, sagte, das Urteil sei gerecht.")
    }
    assert ("das Urteil sei gerecht", "Der Richter") in found
