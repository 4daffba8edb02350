"""Speaker choice by clause type (:mod:`medialens.nlp.attribution.speakerchoice`): a cue in a
relative clause, an attributive participle with a *von* agent, *zitieren aus*, and the bound
of a passive agent. Positive and negative cases; invented sentences."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate


def speaker_of(text: str, quote_part: str) -> tuple[str | None, str | None]:
    """(speaker text, resolved antecedent) of the quotation that contains ``quote_part``."""
    quotes = [q for q in annotate(text)._.ml_quotes if quote_part in q.text]
    assert quotes, f"no quotation with {quote_part!r} in {text!r}"
    sp = quotes[-1].speaker
    return (sp.text, sp.resolved) if sp is not None else (None, None)


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # the cue closes a relative clause: the pronoun is the subject, the antecedent resolved
        (
            "Die Rede hielt der frühere Bürgermeister Karl Brenner, der den Einsatz der "
            "Helfer lobte, dass sie Tag und Nacht gearbeitet hätten.",
            "Tag und Nacht",
            ("der", "der frühere Bürgermeister Karl Brenner"),
        ),
        (
            "Die Polizei befragte einen Nachbarn, der angab, er habe Schüsse gehört.",
            "Schüsse gehört",
            ("der", "einen Nachbarn"),
        ),
        (
            "Am Abend zogen Tausende Studenten, die unter anderem riefen: „Wir wollen "
            "bezahlbare Wohnungen für alle!“, durch die Innenstadt.",
            "bezahlbare Wohnungen",
            ("die", "Tausende Studenten"),
        ),
        (
            "Anwesend war auch die Bürgerrechtlerin Eva Lind, die erklärt hat, sie werde "
            "gegen das Gesetz klagen.",
            "gegen das Gesetz",
            ("die", "die Bürgerrechtlerin Eva Lind"),
        ),
        # negative: an apposition between commas, the verb of the main clause
        (
            "Karl Brenner, der Bürgermeister der Stadt, sagte, die Helfer hätten Tag und "
            "Nacht gearbeitet.",
            "Tag und Nacht",
            ("Karl Brenner, der Bürgermeister der Stadt", None),
        ),
        # negative: the relative clause has a subject of its own (the pronoun is an object)
        (
            "Im Saal saß auch die Richterin Brand, die er gelobt hatte, sie habe mutig "
            "entschieden.",
            "mutig entschieden",
            ("er", None),
        ),
        # negative: a separated verb particle is verb-second order, no relative clause
        (
            "Anna Weber, die Sprecherin der Stadt teilte am Abend mit, dass die Straße "
            "gesperrt bleibe.",
            "gesperrt bleibe",
            ("Anna Weber", None),
        ),
    ],
)
def test_relative_clause_cue(text: str, quote_part: str, expected: tuple[str, str | None]) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # an attributive participle cue: the *von* phrase after the determiner is its agent
        (
            "Das von Ministerin Sandra Keller im Frühjahr formulierte Ziel, die Mieten "
            "zu deckeln, ist verfehlt.",
            "die Mieten",
            "Ministerin Sandra Keller",
        ),
        (
            "Die vom Mieterbund vorgetragene dringende Forderung, die Mieten zu deckeln, "
            "fand kein Gehör.",
            "die Mieten",
            "Mieterbund",
        ),
        # negative: the participle attribute is closed by its noun, the cue is finite
        (
            "Die von Hans Maier geführte Partei forderte, die Steuern zu senken.",
            "die Steuern",
            "Die von Hans Maier geführte Partei",
        ),
        # negative: a finite verb after a comma
        (
            "Nachdem dieser von Moderator Hans Maier gefragt wurde, was seine Partei wolle, "
            "entgegnete Eva Lind empört: „Das wissen Sie doch.“",
            "Das wissen Sie",
            "Eva Lind",
        ),
        # negative: a *von* phrase after a noun, the verb finite
        (
            "Der Sprecher vom Innenministerium sagte Reportern, dass alles ruhig sei.",
            "alles ruhig",
            "Der Sprecher vom Innenministerium",
        ),
    ],
)
def test_attributive_participle_agent(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part)[0] == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # *zitieren aus* a document or medium: that phrase is the source
        (
            "Das Radio zitiert aus der Tageszeitung „Morgenpost“, wonach der Bürgermeister "
            "zurücktreten wolle.",
            "zurücktreten wolle",
            "der Tageszeitung „Morgenpost“",
        ),
        # the object is a passage, not a person: the subject is the source
        (
            "Die Agentur zitiert eine Passage aus dem Gutachten, in der es heißt, die Brücke "
            "sei marode.",
            "die Brücke",
            "Die Agentur",
        ),
        # negative: a person as object is the one quoted
        (
            "Die Zeitung zitiert den Bürgermeister mit den Worten, die Stadt sei pleite.",
            "die Stadt sei pleite",
            "den Bürgermeister",
        ),
    ],
)
def test_zitieren_source(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part)[0] == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # a *von* phrase inside the complement is no agent of the passive cue
        (
            "So wird in einer Mitteilung des Verbandes gefordert, dass die Stadt von "
            "Bürgermeister Meier mehr Geld bekommt.",
            "mehr Geld",
            "einer Mitteilung des Verbandes",
        ),
        # negative: the agent before the participle stays
        (
            "Von der Opposition wurde kritisiert, dass die Stadt zu wenig Geld bekommt.",
            "zu wenig Geld",
            "der Opposition",
        ),
    ],
)
def test_passive_agent_bound(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part)[0] == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # *zumal* opens a subordinate clause: its subject follows the conjunction
        (
            "Der Richter wollte eine Bewährung gewähren, zumal Verteidiger Hans Maier "
            "mehrfach betont hatte, der Angeklagte sei nicht gefährlich.",
            "nicht gefährlich",
            "Verteidiger Hans Maier",
        ),
        # an asyndetic main clause: the noun phrase between comma and verb is the subject
        (
            "Die Ministerin kam zu spät, der Sprecher erklärte, sie habe im Stau gestanden.",
            "im Stau",
            "der Sprecher",
        ),
        (
            "Die Regierung schweigt zu dem Fall, andere Quellen berichten, dass der Bürgermeister "
            "festgenommen worden sei.",
            "festgenommen",
            "andere Quellen",
        ),
        # negative: a subordinate clause after the comma
        (
            "Der Bürgermeister ist zurückgetreten, wie eine Sprecherin der Stadt mitteilte.",
            "zurückgetreten",
            "eine Sprecherin der Stadt",
        ),
        # negative: an apposition before the verb, no clause before the comma
        (
            "Hans Maier, Sprecher der Stadt, sagte, die Straße bleibe gesperrt.",
            "gesperrt",
            "Hans Maier, Sprecher der Stadt",
        ),
    ],
)
def test_clause_openers(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part)[0] == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # a subject that cannot speak, with an *aus/von* attribute that can: the attribute
        (
            "Die erste Reaktion aus dem Ministerium bestand in der Ankündigung, man werde den "
            "Fall prüfen.",
            "den Fall prüfen",
            "dem Ministerium",
        ),
        # negative: a person with an *aus* attribute speaks himself
        (
            "Der Sprecher aus dem Ministerium erklärte, man werde den Fall prüfen.",
            "den Fall prüfen",
            "Der Sprecher aus dem Ministerium",
        ),
    ],
)
def test_origin_attribute(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part)[0] == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # a quantifier used as a pronoun, or an article with a lower-case name
        (
            "Die meisten erklärten, sie seien mit dem Ergebnis zufrieden.",
            "zufrieden",
            "Die meisten",
        ),
        ("Beide versicherten, sie hätten von nichts gewusst.", "nichts gewusst", "Beide"),
        ("Die taz vermutet, dass der Minister bald zurücktritt.", "zurücktritt", "Die taz"),
        # negative: the subject of a passive cue is not its speaker
        ("Die beiden werden beschuldigt, das Geld veruntreut zu haben.", "veruntreut", None),
        # negative: an adverb in the first field
        ("Dort wurde erklärt, die Lage sei ruhig.", "die Lage", None),
    ],
)
def test_pronominal_subjects(text: str, quote_part: str, expected: str | None) -> None:
    assert speaker_of(text, quote_part)[0] == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # a coordinated noun phrase inside a fronted prepositional phrase is part of it
        (
            "Nach einem langen Flug mit seinen Kollegen Hans Berg und Peter Schmid landete er "
            "am Abend und meldete sich mit den Worten: „Wir sind gut angekommen.“",
            "gut angekommen",
            "er",
        ),
        # negative: without coordination the subject after the verb is unchanged
        (
            "Nach dem Treffen mit dem Kanzler sagte die Ministerin, man sei sich einig.",
            "sich einig",
            "die Ministerin",
        ),
    ],
)
def test_coordination_in_fronted_phrase(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part)[0] == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # a cue in the main clause after a sentence-initial subordinate clause
        (
            "Als ein Passant zu Hilfe eilte, biss der Mann den Passanten und rief: „Lasst "
            "mich sofort in Ruhe!“",
            "in Ruhe",
            "der Mann",
        ),
        (
            "Weil der Zug ausfiel, kamen die Gäste zu spät und sagten, sie seien verärgert.",
            "verärgert",
            "die Gäste",
        ),
        # negative: the cue inside the subordinate clause keeps that clause's subject
        (
            "Nachdem der Minister gesagt hatte, die Lage sei ernst, reagierte die Börse.",
            "die Lage",
            "der Minister",
        ),
        # negative: an interrogative clause after the comma, no main clause yet
        (
            "Nachdem er vom Moderator Hans Maier gefragt wurde, was seine Partei wolle, "
            "entgegnete Eva Lind: „Das wissen Sie doch.“",
            "Das wissen Sie",
            "Eva Lind",
        ),
        # negative: an apposition after *als* is no subordinate clause
        (
            "Als Vorsitzender der Partei, die er gegründet hatte, sagte er, man müsse handeln.",
            "handeln",
            "er",
        ),
    ],
)
def test_main_clause_after_subordinate(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part)[0] == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # the antecedent of a relative pronoun after a *von* phrase is that phrase's noun
        (
            "Unterstützung bekam der Minister von der Kanzlerin, die erklärte, sie stehe "
            "hinter ihm.",
            "hinter ihm",
            ("die", "der Kanzlerin"),
        ),
        # negative: a quantity *von* phrase stays whole
        (
            "Anwesend waren hunderttausende von Demonstranten, die riefen: „Wir wollen "
            "endlich Freiheit!“",
            "Freiheit",
            ("die", "hunderttausende von Demonstranten"),
        ),
    ],
)
def test_relative_antecedent(text: str, quote_part: str, expected: tuple[str, str]) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # the noun of a phrase cue in the first field: the subject follows the verb
        ("Scharfe Kritik übte der Verband: „Das ist ein Skandal.“", "Skandal", "der Verband"),
        # negative: *dem Vernehmen nach* is a source phrase, the phrase is the source
        (
            "Dem Vernehmen nach will der Minister im Herbst zurücktreten, weil er krank sei.",
            "zurücktreten",
            "Dem Vernehmen",
        ),
    ],
)
def test_phrase_cue_noun_first(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part)[0] == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # an inflected participle after the clause's finite auxiliary is an attribute: the
        # sentence's source phrase is the speaker
        (
            "Grund für den Ausfall waren dem Bericht zufolge nicht näher bezeichnete "
            "„technische Probleme“, die zu einer Verspätung führten.",
            "technische Probleme",
            "dem Bericht",
        ),
        # negative: an inverted frame after a quotation
        (
            "„Wir haben alles versucht“, sagte Trainerin Eva Lind nach dem Spiel.",
            "alles versucht",
            "Trainerin Eva Lind",
        ),
        # negative: the finite verb itself
        ("Der Minister bezeichnete den Plan als „Unsinn“.", "Unsinn", "Der Minister"),
    ],
)
def test_attributive_participle_without_agent(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part)[0] == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # in an enumeration of sources, a quotation after a colon or parenthesis belongs to
        # the phrase right before it
        (
            "Viele gratulierten dem Sieger, so der Bürgermeister Hans Maier, der Landrat "
            "Peter Klein und die Ministerin Eva Lind: „Wir sind stolz auf ihn.“",
            "stolz auf ihn",
            "die Ministerin Eva Lind",
        ),
        # negative: an apposition of the speaker keeps the speaker (with the apposition since
        # round 11, as in *Hans Maier, der Minister des Landes*)
        (
            "„Das war knapp“, sagte Hans Maier, Gründer der Band („Wir hatten Glück.“).",
            "Glück",
            "Hans Maier, Gründer der Band",
        ),
        # negative: a prepositional object before the colon is no speaker
        (
            "Der Minister wandte sich an die Bürger: „Bleiben Sie zu Hause.“",
            "zu Hause",
            "Der Minister",
        ),
        # negative: *mit folgenden Worten:* names no source
        (
            "Der Sprecher kommentierte die Entscheidung mit folgenden Worten: „Das ist ein "
            "schwarzer Tag.“",
            "schwarzer Tag",
            "Der Sprecher",
        ),
    ],
)
def test_enumerated_sources(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part)[0] == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # an inverted perfect frame after the content: the subject follows the auxiliary
        ("Die Arbeit sei mangelhaft, hatte Eva Lind damals gesagt.", "mangelhaft", "Eva Lind"),
        ("„Wir schaffen das“, hat die Kanzlerin gesagt.", "schaffen", "die Kanzlerin"),
        # negative: an apposition before the auxiliary, the subject is the first field
        (
            "Der Vorsitzende der Fraktion, Hans Maier, hatte angekündigt, er werde klagen.",
            "klagen",
            "Der Vorsitzende der Fraktion, Hans Maier",
        ),
    ],
)
def test_inverted_perfect_frame(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part)[0] == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # a partial direct quotation inside an indirect one with a cue: the same speaker
        (
            "Der Dekan lobte die Arbeit. Die Studie sei „ein wichtiger Beitrag“, hatte die "
            "Gutachterin Eva Lind erklärt.",
            "wichtiger Beitrag",
            "die Gutachterin Eva Lind",
        ),
    ],
)
def test_nested_partial_quotation(text: str, quote_part: str, expected: str) -> None:
    quotes = [q for q in annotate(text)._.ml_quotes if q.kind == "direct"]
    assert quotes and quotes[0].speaker is not None
    assert quotes[0].speaker.text == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # a passive cue closing a relative clause: the content after it is the main clause's
        (
            "Eva Lind selbst schrieb in einer Erklärung, die auf ihrer Webseite veröffentlicht "
            "wurde, sie wolle sich ganz ihrer Familie widmen.",
            "ihrer Familie",
            "Eva Lind",
        ),
        # negative: an active cue in the relative clause keeps the relative pronoun
        (
            "Die Polizei befragte einen Nachbarn, der angab, er habe Schüsse gehört.",
            "Schüsse gehört",
            "der",
        ),
    ],
)
def test_passive_relative_clause(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part)[0] == expected
