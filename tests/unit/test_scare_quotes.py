"""Scare quotes: short quoted words without speaker or cue (a framing signal), as opposed to
partial direct quotations in a speech context, titles and names."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from attribution_pipeline import annotate


def scare(text: str) -> list[str]:
    return [s.text for s in annotate(text)._.ml_scare_quotes]


def direct(text: str) -> list[str]:
    return [q.text for q in annotate(text)._.ml_quotes if q.kind == "direct"]


@pytest.mark.parametrize(
    ("text", "expected_scare", "expected_direct"),
    [
        # scare quotes: no speaker, no cue
        (
            "In Paris wurde über eventuelle »Sicherheitsgarantien« für die Ukraine beraten.",
            ["Sicherheitsgarantien"],
            [],
        ),
        ("Die sogenannte „Reform“ kostet Milliarden.", ["Reform"], []),
        ("Der Sender sprach von einer ‚Befreiung‘ der Stadt.", [], ["‚Befreiung‘"]),
        # a vague passive source (aus X … geäußert) keeps short quoted words a scare quote
        (
            "Aus der Bundesregierung waren »große Vorbehalte« geäußert worden.",
            ["große Vorbehalte"],
            [],
        ),
        # partial quotations in a speech context are direct, not scare quotes
        (
            "Der Minister nannte den Bericht eine »Zeitungsente«.",
            [],
            ["»Zeitungsente«"],
        ),
        (
            "Der Minister sagte, der Plan sei »völlig unrealistisch«.",
            [],
            ["»völlig unrealistisch«"],
        ),
        # titles and names are neither
        ("Sie las das Buch »Krieg und Frieden« im Urlaub.", [], []),
        ("Die Band „Die Toten Hosen“ spielte in Berlin.", [], []),
        ("Die „Bild“-Zeitung berichtete ausführlich.", [], []),
        # long quotations without a frame are not scare quotes
        (
            "»Das ist ein ganzer Satz mit vielen Wörtern.«",
            [],
            ["»Das ist ein ganzer Satz mit vielen Wörtern.«"],
        ),
    ],
)
def test_scare_quotes(text, expected_scare, expected_direct):
    assert scare(text) == expected_scare
    assert direct(text) == expected_direct


def test_scare_quote_offsets_are_the_inner_words():
    text = "Sie feierten den »Sieg« im Saal."
    (s,) = annotate(text)._.ml_scare_quotes
    assert text[s.start : s.end] == "Sieg"
    assert (s.frame, s.term) == (None, None)  # set by the framing component


#: (text, scare quotes, direct quotations): names, titles, brands, events and slogans in
#: quotation marks are not scare quotes (rules of ``nlp/attribution/scare.py``)
NAME_CASES = [
    # a capitalised span right after its class noun: close apposition
    ("Das Team wohnt im Mannschaftsquartier „Forte Village“ am Meer.", [], []),
    ("Die Demonstranten riefen die Parole „Britain First“ vor dem Rathaus.", [], []),
    ("Der Wirbelsturm „Nargis“ zog über das Land.", [], []),
    ("Den Preis in der Kategorie „Technik“ bekam eine Firma.", [], []),
    # a number in a short capitalised span
    ("Das Projekt „Stuttgart 21“ bleibt umstritten.", [], []),
    ("Die Bahnen vom Typ „E1“ fahren wieder.", [], []),
    # the same capitalised span quoted twice in the document
    ("Die „Troika“ reist an. Am Montag trifft die „Troika“ den Minister.", [], []),
    # colour-coded coalition labels, descriptive names of alliances and events
    ("Ein „schwarz-gelbes“ Lager käme auf 40 Prozent.", [], []),
    ("Möglich wäre auch ein „rot-rot-grünes“ Bündnis.", [], []),
    ("Die „große Koalition“ hat keine Mehrheit mehr.", [], []),
    ("In Hamburg beginnt die „europäische Hackerkonferenz“ am Montag.", [], []),
    # a naming verb after the quotation: a nickname
    ("Von allen wurde er nur „der Alte“ genannt.", [], []),
    ("Seit Tagen demonstrieren „Gelbhelme“ – so werden die Anhänger genannt.", [], []),
    # a class noun before a lower-case span
    ("Das Land liegt im Bereich „innere Sicherheit“ vorn.", [], []),
    # negatives: still scare quotes
    ("Ein „schwarzes“ Kapitel der Geschichte endet.", ["schwarzes"], []),
    ("Die „große Lösung“ lässt auf sich warten.", ["große Lösung"], []),
    ("Er gilt als „heimlicher Regierungschef“ des Landes.", ["heimlicher Regierungschef"], []),
    ("Die Regierung plant eine zentrale „Schülerdatei“ für alle.", ["Schülerdatei"], []),
    ("Sie nennt sich „Bürgerin“, sagte er, und lachte.", [], ["„Bürgerin“"]),
    # lower case after a noun: not a name (a partial quotation or a scare quote)
    ("Die Opposition will die Mehrheit „zurückgewinnen“ im Herbst.", ["zurückgewinnen"], []),
]


@pytest.mark.parametrize(("text", "expected_scare", "expected_direct"), NAME_CASES)
def test_names_are_not_scare_quotes(text, expected_scare, expected_direct):
    assert scare(text) == expected_scare
    assert direct(text) == expected_direct


#: (text, scare quotes): in a speech context, *so genannt* and an *als* phrase without an
#: *als*-predicating verb are the author's words
SPEECH_CONTEXT_CASES = [
    ("Der Minister sagte, die sogenannte „Reform“ sei gescheitert.", ["Reform"]),
    ("Der Minister sagte, der Plan sei „völlig unrealistisch“.", []),
    ("Der Minister bezeichnete den Plan als „Wortbruch“.", []),
    (
        "Laut Polizei wurde ein Mann getötet, der sich als „Bürgerjournalist“ engagierte.",
        ["Bürgerjournalist"],
    ),
]


#: (text, scare quotes): a short quotation in a sentence of reported speech (Konjunktiv I)
#: is the reported speaker's word
REPORTED_CASES = [
    ("Die Partei unterstütze den Plan „voll und ganz“, erklärte der Sprecher.", []),
    ("Der Plan gehe „zu weit“.", []),
    # negatives: indicative, or *so genannt* in a reported sentence
    ("Der Plan geht „zu weit“.", ["zu weit"]),
    ("Das sogenannte „Sparpaket“ schade der Wirtschaft.", ["Sparpaket"]),
]


#: (text, scare quotes, direct quotations): a lower-case short quotation after a reporting
#: verb with a speaker is that speaker's word, even when the verb never introduces direct speech
VOICED_CUE_CASES = [
    ("Der Abgeordnete berief sich auf einen „höheren Auftrag“.", [], ["„höheren Auftrag“"]),
    # negatives: a passive without agent, no reporting verb, a capitalised noun
    ("Die Rauchschwaden, die als „nebelartig“ beschrieben wurden, ziehen ab.", ["nebelartig"], []),
    ("Die Bahn plant einen „Sparfahrplan“ für den Winter.", ["Sparfahrplan"], []),
    ("Der Abgeordnete berief sich auf einen „Notstand“.", ["Notstand"], []),
    # a longer word quoted elsewhere is not the same name quoted again
    (
        "Die Firma erhielt einen „Sonderstatus“. Der „Sonderstatusbericht“ folgt.",
        ["Sonderstatus", "Sonderstatusbericht"],
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected_scare", "expected_direct"), VOICED_CUE_CASES)
def test_scare_quotes_after_voiced_cue(text, expected_scare, expected_direct):
    assert scare(text) == expected_scare
    assert direct(text) == expected_direct


#: (text, scare quotes): *in Anführungszeichen* marks a scare quote even inside speech; a
#: whole noun phrase opened by a lower-case article, in a sentence without speech
MARKED_CASES = [
    ("Er sagte, der Vorgänger sei „gut“ darin gewesen, gut in Anführungszeichen.", ["gut"]),
    ("Für viele Bosse war er „der Buhmann der Nation“.", ["der Buhmann der Nation"]),
    ("Es geht um Angriffe auf „den Bestand des Staates“ im Inland.", ["den Bestand des Staates"]),
    # negatives: a speaker, a comma inside, no article, speech without the meta-comment
    ("Der Minister sagte, er sei „der Buhmann der Nation“.", []),
    ("Für viele war es „der Anfang, das Ende“ der Ära.", []),
    ("Er sagte, der Vorgänger sei „gut“ darin gewesen.", []),
]


@pytest.mark.parametrize(("text", "expected_scare"), MARKED_CASES)
def test_marked_scare_quotes_and_noun_phrases(text, expected_scare):
    assert scare(text) == expected_scare


@pytest.mark.parametrize(("text", "expected_scare"), REPORTED_CASES)
def test_scare_quotes_in_reported_speech(text, expected_scare):
    assert scare(text) == expected_scare


@pytest.mark.parametrize(
    ("inner", "expected"),
    [
        ("schwarz-gelb", True),
        ("rot-rot-grünes", True),
        ("Schwarz-Grün", True),
        ("rot", False),
        ("rot-weiß-gestreift", False),
        ("Rot-Hemden", False),
    ],
)
def test_is_colour_label(inner, expected):
    from medialens.nlp.attribution.scarephrases import is_colour_label

    assert is_colour_label(inner) is expected


@pytest.mark.parametrize(
    ("inner", "expected"),
    [
        ("große Koalition", True),
        ("europäische Hackerkonferenz", True),
        ("große Lösung", False),
        ("Große Koalition", False),  # capitalised: the title rules decide
        ("Koalition", False),
    ],
)
def test_is_institution_name(inner, expected):
    from medialens.nlp.attribution.scarephrases import is_institution_name

    assert is_institution_name(inner) is expected


@pytest.mark.parametrize(("text", "expected_scare"), SPEECH_CONTEXT_CASES)
def test_scare_quotes_in_speech_context(text, expected_scare):
    assert scare(text) == expected_scare


def test_classify_quoted_rejects_bad_options():
    from medialens.nlp.attribution.marks import find_quoted_regions
    from medialens.nlp.attribution.scare import classify_quoted

    text = "Die „Reform“ kommt."
    (r,) = find_quoted_regions(text)
    with pytest.raises(ValueError, match="min_speech_words"):
        classify_quoted(
            [],
            text,
            r,
            unit_start=0,
            speech_context=False,
            cue_lemmas=frozenset(),
            enumerated=False,
            min_speech_words=0,
        )


#: (text, scare quotes): the last-stage cues of ``nlp/attribution/scarecues.py`` for a short
#: quotation that no earlier rule decided: names and speech after all, with negatives
LAST_STAGE_CASES = [
    # names: unknown to the noun lexicon, web address, inner capital, number, foreign words,
    # explanation in parentheses, species, doctrine, genitive of a name quoted before,
    # *als … bekannt*, a gloss, a medium of a statement, name particles, a domain
    ("Gestern hob die „Discovery“ ab.", []),
    ("Bei „amazon.de“ gab es eine Panne.", []),
    ("Im Test lag der „iPod nano“ vorn.", []),
    ("Dann nennt sie sich „documenta 12“.", []),
    ("Gemeint sind sogenannte „Political Action Committees“ in den USA.", []),
    ("Auf der „Sauerlandlinie“ (Bundesautobahn 45) gab es einen Unfall.", []),
    ("Übertragen wird es von der „St. albopicta“.", []),
    ("Die Partei steht in der Tradition des „Eurokommunismus“.", []),
    ("Das Lokal «Schweizerhaus» brannte. Die Chefin des «Schweizerhauses» wurde evakuiert.", []),
    ("Das als „Dschungel von Calais“ bekannte Lager wurde geräumt.", []),
    ("Der Mann ist nur als „Poe Toaster“ („Poe-Gratulant“) bekannt.", []),
    ("Die Gewerkschaft wurde im „Standard“ als Machtfaktor bezeichnet.", []),
    ("Die Anhänger der „al-Abdullah bin Dahha“ protestieren.", []),
    ("Die Registrierung für „.asia“ begann.", []),
    # speech: a judging verb's *als* predicate with an agent in its clause, hearsay *sollen*,
    # a source right after the marks, a first-person phrase, a judgement holder
    ("Die Gefahr wird vom Deutschen Wetterdienst als „sehr hoch“ eingestuft.", []),
    ("Der Verband, der diese Maßnahme als „Kapitulation“ sieht, protestiert.", []),
    ("Zu den Verdachtsmomenten gehört, dass er die Route „mehrmals gekreuzt“ haben soll.", []),
    ("Die „Kachelmanngroupies“ (lt. Ulrich Haagen, ZDF) standen vor dem Gericht.", []),
    ("„Ich habe fertig“ ist seitdem ein geflügeltes Wort.", []),
    ("Für den Gesundheitsminister ist die Lage „alarmierend“.", []),
    # a German technical term the author introduces is a scare quote; an alias name is not
    ("Dies nennt man einen „Aktiensplit“.", ["Aktiensplit"]),
    ("Das Profil 1.1, auch „Bonus View“ genannt, ist neu.", []),
    # negatives: still scare quotes
    ("Gestern begann die „Reform“ der Rente.", ["Reform"]),
    ("Im „Kerngeschehen“ wird die Lage deutlich.", ["Kerngeschehen"]),
    ("Der Beschluss soll auch „Luftschläge“ erlauben.", ["Luftschläge"]),
    ("Für viele Beobachter war das Ergebnis „überraschend“.", ["überraschend"]),
    (
        "Der Wind, der von der Sonne ausgeht und als „Sonnenwind“ bezeichnet wird, ist stark.",
        ["Sonnenwind"],
    ),
]


@pytest.mark.parametrize(("text", "expected_scare"), LAST_STAGE_CASES)
def test_last_stage_cues(text, expected_scare):
    assert scare(text) == expected_scare


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Reform", True),
        ("Schülerdatei", True),  # by its tail *Datei*
        ("Alfvenwellen", True),  # *Wellen*
        ("Discovery", False),
        ("Cooper", False),  # not *Co* + *Oper*: the prefix is too short
        ("Xinhua", False),
    ],
)
def test_known_common_noun(word, expected):
    from medialens.nlp.attribution.scarecues import known_common_noun

    assert known_common_noun(word) is expected


@pytest.mark.parametrize(
    ("inner", "expected"),
    [
        ("Political Action Committees", True),
        ("Creative Cities", True),
        ("Running Mate", False),  # *Mate* is a German noun
        ("Heilige Geist", False),
        ("große Koalition", False),
    ],
)
def test_foreign_name(inner, expected):
    from medialens.nlp.attribution.scarecues import foreign_name

    assert foreign_name(inner.split()) is expected


@pytest.mark.parametrize(
    ("inner", "expected"),
    [("Aktiensplit", True), ("Apogäum", True), ("BD-Live", False), ("Bonus View", False)],
)
def test_is_technical_term(inner, expected):
    from medialens.nlp.attribution.scarecues import is_technical_term

    assert is_technical_term(inner) is expected


#: (text, scare quotes): the fourth-round cues of ``nlp/attribution/scarecontext.py`` — the
#: syntax around the marks — with negatives
CONTEXT_CASES = [
    # a lower-case word in a noun's place right after an article: a name spelled in lower case
    ("Die „kunstwoche“ in Weimar zog viele Besucher an.", []),
    ("Ein „velomobil“ fuhr gestern durch die Stadt.", []),
    # negatives: an attributive adjective (before its noun, or coordinated), no article
    ("Die „echten“ Probleme bleiben ungelöst.", ["echten"]),
    ("Die „kleinen“ und die großen Firmen zahlen mehr.", ["kleinen"]),
    ("Die Preise wurden „angepasst“.", ["angepasst"]),
    ("Es braucht ein „bisschen“ mehr Geduld.", ["bisschen"]),
    ("Gewonnen haben wieder die „kleinen“, nicht die großen.", ["kleinen"]),
    # an article the quoted noun cannot agree with belongs to an implied class noun: a name
    ("Die „Komet“ startet morgen vom Hafen.", []),
    # negatives: the noun agrees (plural, masculine nominative)
    ("Die „Kometen“ kamen zurück.", ["Kometen"]),
    ("Der „Komet“ war am Himmel zu sehen.", ["Komet"]),
    # a quoted term glossing a German common noun in parentheses: a technical term
    ("Die Dateien liegen im Zwischenspeicher („Cache“) des Geräts.", ["Cache"]),
    # negatives: the translation of a name, a parenthesis after a verb
    ("Die Partei Mozgalom („Bewegung“) wuchs schnell.", []),
    ("Die Geräte wurden neu eingestellt („Schutzmodus“).", []),
    # after *so genannt* a quotation glued to a compound is the author's term, not a name
    ("Die Ingenieure prüften die so genannten „fuel level“-Sensoren.", ["fuel level"]),
    ("Die „Bild“-Zeitung berichtete ausführlich.", []),
    # class nouns of vehicles and devices announce a product name
    ("Das Elektroauto „velo“ kommt im nächsten Jahr auf den Markt.", []),
    ("Der Konzern stellte das Handy „nova“ vor.", []),
    # the next sentence reports this one (*Das erklärte X*): the speaker's word
    ("Die Regierung will das Parlament nur „beraten“. Das erklärte der Sprecher am Montag.", []),
    ("Die Regierung will das Parlament nur „beraten“. Das teilte ein Sprecher gestern mit.", []),
    # negatives: *Das erklärte Ziel* (an adjective before a neuter noun), no reporting verb
    (
        "Die Regierung will das Parlament nur „beraten“. Das erklärte Ziel ist ein Kompromiss.",
        ["beraten"],
    ),
    ("Die Regierung will das Parlament nur „beraten“. Das Parlament tagt am Montag.", ["beraten"]),
    (
        "Die Regierung will das Parlament nur „beraten“. Das sagt nichts über die Lage aus.",
        ["beraten"],
    ),
    ("Die Regierung will das Parlament nur „beraten“. Das sagte am Montag der Sprecher.", []),
    # the object of a verb of uttering is what was said (the lookup table reads *schreit* as
    # *schreiten*; the form is checked)
    ("Der Junge, der ständig „Feuer“ schreit, wurde ermahnt.", []),
    ("Die Menge begann „raus“ zu rufen.", []),
    ("Die „Reform“ schreitet voran.", ["Reform"]),
    ("Die Kinder wollen nach „Aufmerksamkeit“ schreien.", ["Aufmerksamkeit"]),
    # *sagte X zum „…“*: the topic talked about, named by the author
    ("„Das war nötig“, sagte der Trainer zum „Neuanfang“ des Vereins.", ["Neuanfang"]),
    ("Der Trainer sagte zum „Neuanfang“ des Vereins wenig.", ["Neuanfang"]),
    # negatives: an appeal's goal, a complement clause of the saying verb
    ("Der Prediger rief zum „Widerstand“ auf.", []),
    ("Der Minister sagte, der Plan sei zum „Scheitern“ verurteilt.", []),
]


@pytest.mark.parametrize(("text", "expected_scare"), CONTEXT_CASES)
def test_context_cues(text, expected_scare):
    assert scare(text) == expected_scare


def test_reported_by_next_sentence_adds_no_quotation():
    """The speaker's word stays inside the indirect quotation the next sentence creates."""
    text = "Die Regierung will das Parlament nur „beraten“. Das erklärte der Sprecher am Montag."
    assert direct(text) == []
    assert [q.kind for q in annotate(text)._.ml_quotes] == ["indirect"]


@pytest.mark.parametrize(
    ("inner", "words", "expected"),
    [
        ("Komet", ["Die"], True),  # masculine noun, feminine/plural article
        ("Spiegel", ["des"], True),  # genitive without its -s
        ("Kometen", ["Die"], False),
        ("Spiegels", ["des"], False),
        ("Reform", ["zur"], False),
        ("Xinhua", ["die"], False),  # unknown to the lexicon: not this cue's business
        ("Komet", ["für"], False),  # no article
    ],
)
def test_article_mismatch(inner, words, expected):
    from medialens.nlp.attribution.marks import find_quoted_regions
    from medialens.nlp.attribution.scarecontext import article_mismatch

    text = " ".join(words) + f" „{inner}“ kam."
    (r,) = find_quoted_regions(text)
    assert article_mismatch(text, inner, r) is expected


#: (text, scare quotes): clause-structure cues of ``nlp/attribution/scareclause.py`` (fifth
#: round; invented sentences)
CLAUSE_CASES = [
    # an indicative relative clause without a reporting verb of its own is the author's,
    # even in a sentence with a speaker
    (
        "„Wir sind zufrieden“, sagte Anna Meier, Leiterin der Kommission, die das Land auf "
        "seine „Eignung“ hin geprüft hatte.",
        ["Eignung"],
    ),
    (
        "Der Verein kritisierte Portale, auf denen die Rechte der Nutzer „mit Füßen getreten“ "
        "werden.",
        ["mit Füßen getreten"],
    ),
    # … but not in Konjunktiv (reported speech), with its own cue, or under a source phrase
    (
        "Der Verein kritisierte Portale, auf denen die Rechte der Nutzer „mit Füßen getreten“ "
        "würden.",
        [],
    ),
    ("Der Trainer sagte, er lobe die Spieler, die ihre „Pflicht“ erfüllt hätten.", []),
    ("Der Minister lobte die Helfer, die den Plan als „mutig“ bezeichnet hatten.", []),
    ("Laut Polizei wurde der Mann, der „völlig verwirrt“ war, festgenommen.", []),
    (
        "Die Sprecherin sagte, die Firma habe Kunden, die für die „neue Technik“ nicht offen sind.",
        [],
    ),
    # the quotation in the clause the cue governs stays speech
    ("Der Minister sagte, der Plan sei „völlig unrealistisch“.", []),
    # a lower-case phrase of four to six words in a sentence without a speaker
    (
        "Gegen den Fahrer wird wegen „fahrlässiger Gefährdung des Straßenverkehrs“ seit Mai "
        "ermittelt.",
        ["fahrlässiger Gefährdung des Straßenverkehrs"],
    ),
    (
        "Die Fähre legte „eine gute halbe Stunde später“ als angekündigt ab.",
        ["eine gute halbe Stunde später"],
    ),
    # … not the predicate of a judging verb, a judgement holder's words, a document's
    # wording, a principle after its class noun, or a capitalised name
    ("Der Minister feierte das Ergebnis als „großen Tag für die Demokratie“.", []),
    (
        "Was für den Verband ein „fairer Ausgleich unter allen Beteiligten“ ist, sehen die "
        "Gewerkschaften anders.",
        [],
    ),
    ("Im Bericht war von einem „offenen und ehrlichen Dialog“ die Rede.", []),
    ("Die Richterin erinnerte an den Grundsatz „im Zweifel für den Angeklagten“.", []),
    ("Der Vorstand der „Stiftung Musterhaus Nordstadt e.V.“ tagte gestern.", []),
    # a characterisation in quotation marks right before a name (close apposition)
    ("Im Finale trifft der „Dorfverein“ FC Musterhausen auf den Meister.", ["Dorfverein"]),
    ("Die Wahl gewann der „Sparkommissar“ Max Mustermann knapp.", ["Sparkommissar"]),
    # … not a nickname with a capitalised adjective, nor before a new sentence
    ("Sie war eine Verehrerin der „Eisernen Lady“ Margaret Thatcher.", []),
    ("Sie las gestern die „Neue Presse“ Die Zeitung war dünn.", []),
    # a document as the source of an agentless report
    (
        "In ihrem Gutachten wurde auf „erhebliche Mängel“ am Dach verwiesen.",
        [],
    ),
    ("Auf der Baustelle wurde auf „erhebliche Mängel“ am Dach verwiesen.", ["erhebliche Mängel"]),
]


@pytest.mark.parametrize(("text", "expected_scare"), CLAUSE_CASES)
def test_clause_cues(text, expected_scare):
    assert scare(text) == expected_scare


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


@pytest.mark.parametrize(
    ("text", "cues", "expected"),
    [
        ("Er lobte Helfer, die den „Plan“ kennen.", {"loben"}, True),
        ("Er lobte Helfer, die den „Plan“ gelobt hatten.", {"loben"}, False),
        ("Er lobte, dass die Helfer den „Plan“ kennen.", {"loben"}, False),
        ("Er lobte die Helfer, die „neue“ Kollegen sind.", set(), True),
        ("Er lobte die Helfer, die gekommen waren, für den „Plan“.", set(), False),
        ("Er lobte Helfer, in deren Augen der „Plan“ gut ist.", set(), True),
    ],
)
def test_author_relative_clause(text, cues, expected):
    from medialens.nlp.attribution.scareclause import author_relative_clause

    toks, r = _unit(text)
    assert author_relative_clause(toks, text, r, frozenset(cues)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Es geht um „grobe Fehler bei der Planung“ heute.", True),
        ("Es geht um „grobe Fehler, nicht mehr“ heute.", False),  # a comma inside
        ("Es geht um „Fehler bei der Planung“ heute.", False),  # a capital first
        ("Es geht um „grobe Fehler“ heute.", False),  # fewer than four words
        ("Er gilt als „grober Fehler bei der Planung“ heute.", False),  # after *als*
        ("Er nennt den Grundsatz „grobe Fehler bei der Planung“ heute.", False),
        ("Es geht um „grobe Fehler bei Xylofex Corp“ heute.", False),  # a name word
    ],
)
def test_authors_phrase(text, expected):
    from medialens.nlp.attribution.scareclause import authors_phrase

    toks, r = _unit(text)
    inner = text[r.start + 1 : r.end - 1]
    assert authors_phrase(toks, r, inner, frozenset()) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er traf den „Retter“ Max Muster.", True),
        ("Er traf den „Retter“ am Abend.", False),  # no name after
        ("Er traf den „Retter“. Max Muster kam auch.", False),
        ("Er traf den „Retter“ Der Abend war lang.", False),  # a function word
        ("Er traf die „Goldene Hand“ Max Muster.", False),  # a nickname (capitalised adjective)
        ("Er traf den „Retter der Stadt und des Landes“ Max Muster.", False),  # too long
    ],
)
def test_epithet_before_name(text, expected):
    from medialens.nlp.attribution.scareclause import epithet_before_name

    toks, r = _unit(text)
    assert epithet_before_name(toks, text, r, text[r.start + 1 : r.end - 1]) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In ihrem Gutachten wurde auf „Mängel“ verwiesen.", True),
        ("Im Interview sprach sie von „Verrat“.", True),
        ("In seiner Urteilsbegründung wurde die „Reue“ erwähnt.", True),
        ("In der Halle wurde auf „Mängel“ verwiesen.", False),
        ("Auf „Mängel“ wurde in ihrem Gutachten verwiesen.", False),  # after the marks
    ],
)
def test_document_frame(text, expected):
    from medialens.nlp.attribution.scareclause import document_frame

    toks, r = _unit(text)
    assert document_frame(toks, r) is expected


#: (text, scare quotes): sixth-round cues (invented sentences)
SIXTH_CASES = [
    # a naming verb right after the marks, also *heißen* and the attributive participle
    ("Der neue Knopf im Menü soll „Vorschau“ heißen.", []),
    ("Das Café hieß „Sonnenblick“ und lag am Markt.", []),
    ("Bei der „Probelauf“ genannten ersten Runde schieden drei Teams aus.", []),
    # *Bezeichnung* announces a name like *Begriff* or *Titel*
    ("Die Behörde führt ihn unter der Bezeichnung „Waldhüter“ in ihren Listen.", []),
    ("Die Berufsbezeichnung „Landschaftspfleger“ ist nicht geschützt.", []),
    # a council with a lower-case attribute is a name; an ordinary word stays a scare quote
    ("Sie gehörte dem „kleinen Rat“ der Stadt an.", []),
    ("Er gab dem Vorstand einen „klugen Hinweis“ zur Lage.", ["klugen Hinweis"]),
    # two quoted alternatives joined by *bzw.* / *beziehungsweise* are forms of one name
    ("Er saß im „oberen“ bzw. „großen Ausschuss“ der Zunft.", []),
    ("Er saß im „oberen“ beziehungsweise „großen Ausschuss“ der Zunft.", []),
    # prepositions inside a capitalised title (*nach*, *um*, *bei* … like *in*, *für*)
    ("Von seinem „Weg nach Norden“ profitiert auch die Nachbarstadt.", []),
    ("Der Verein lud zum „Tanz um Mitternacht“ in die Halle.", []),
    # a list of plain nouns set apart without a class noun: the author's words
    (
        "Der Text handelt von „Streber“, „Petzen“ und „Angeber“ auf dem Schulhof.",
        ["Streber", "Petzen", "Angeber"],
    ),
    # … a list announced by its class noun, or with a name in it, stays a list of names
    ("Er las die Zeitschriften „Stern“ und „Spiegel“ im Zug.", []),
    ("Er las früher „Kicker“ und „Sport Bild“ im Zug.", []),
    # a clause in parentheses after the marks explains nothing about a name
    (
        "Damals entstanden „Sonderklassen“ (wie es sie auch vorher gab) in der Stadt.",
        ["Sonderklassen"],
    ),
    ("Die Stadt baute den „Sonnenpfad“ (Wanderweg 12) im Sommer aus.", []),
    # a title noun after *als* announces the name in the same clause
    ("Als Berufsbezeichnung wird „Waldpfleger“ nur in Bayern verwendet.", []),
    ("Als Titel wählte die Autorin „Morgenrot“ für ihr Buch.", []),
    # … not any noun after *als*
    ("Als Kind mochte sie die „Ruhe“ im Dorf.", ["Ruhe"]),
    # a common noun in capitals for emphasis is no acronym
    ("Alle sollten wieder über „ANSTAND“ nachdenken.", ["ANSTAND"]),
    ("Alle sollten wieder über „ABUS“ nachdenken.", []),  # short: an acronym or a brand
    # the impersonal *man* as subject of a judging verb: no speaker, the author's term
    ("Man bezeichnet das Blech dann als „verzogen“.", ["verzogen"]),
    ("Die Prüferin bezeichnet das Blech als „verzogen“.", []),
]


@pytest.mark.parametrize(("text", "expected_scare"), SIXTH_CASES)
def test_sixth_round_cues(text, expected_scare):
    assert scare(text) == expected_scare


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Knopf soll „Vorschau“ heißen.", True),
        ("Das Café „Sonnenblick“ ist alt und hieß anders.", False),  # not right after the marks
        ("Die „Probelauf“ genannte Runde fiel aus.", True),
        ("„Wir warten“ heißt es aus dem Amt.", False),  # *heißt es*: a source
        ("„Wir warten“, heißt es aus dem Amt.", False),
        ("„Wir warten“, hieß die Antwort.", False),  # a comma: a speech frame
    ],
)
def test_named_after_heissen(text, expected):
    from medialens.nlp.attribution.marks import find_quoted_regions
    from medialens.nlp.attribution.scarephrases import named_after

    r = find_quoted_regions(text)[0]
    assert named_after(text, r) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er saß im „oberen“ bzw. „großen Rat“.", True),
        ("Er saß im „oberen“ respektive „großen Rat“.", True),
        ("Er saß im „oberen“ oder im großen Rat.", False),
        ("Er saß im „oberen“ Rat, bzw. im großen.", False),  # no quotation after
    ],
)
def test_alternative_quotation(text, expected):
    # two quoted alternatives are a list like *„A“ oder „B“* (directquote._in_enumeration)
    from medialens.nlp.attribution.directquote import _in_enumeration
    from medialens.nlp.attribution.marks import find_quoted_regions

    assert _in_enumeration(text, find_quoted_regions(text), 0) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("RESPEKT", True),
        ("ACHTUNG!", True),
        ("Respekt", False),  # not in capitals
        ("NATO", False),  # short
        ("XQZLORFT", False),  # no German noun
        ("BAUHAUS", True),  # the limit: a plain noun in capitals reads as emphasis
    ],
)
def test_shouted_word(word, expected):
    from medialens.nlp.attribution.scarecues import shouted_word

    assert shouted_word(word) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Es ging um „Streber“ und „Petzen“ im Hof.", True),
        ("Es ging um „Streber“, „Petzen“ oder „Angeber“ im Hof.", True),
        ("Es ging um „Streber“ und „Xqzlorf“ im Hof.", False),  # an unknown word: a name
        ("Es ging um „Streber“ und „große Petzen“ im Hof.", False),  # two words
        ("Es ging um die Typen „Streber“ und „Petzen“ im Hof.", False),  # a class noun
        ("Er schwieg. „Streber“ und „Petzen“ kamen nicht vor.", False),  # sentence start
        ("Es ging um „Streber“ im Hof und „Petzen“ im Flur.", False),  # no list
    ],
)
def test_common_noun_list(text, expected):
    from medialens.nlp.attribution.marks import find_quoted_regions
    from medialens.nlp.attribution.scarelists import common_noun_list

    r = find_quoted_regions(text)[0]
    assert common_noun_list(text, r) is expected


@pytest.mark.parametrize(
    ("inner", "expected"),
    [
        ("kleinen Rats", True),
        ("große Koalition", True),
        ("alten Apparat", False),  # *-rat* as a suffix is no council
        ("Kleinen Rats", False),  # capitalised attribute: the title rules decide
        ("Rat", False),  # one word
    ],
)
def test_is_institution_name_councils(inner, expected):
    from medialens.nlp.attribution.scarephrases import is_institution_name

    assert is_institution_name(inner) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Man nennt das „Spiel“.", True),
        ("So sieht man es als „Gewinn“.", True),
        ("Der Mann nennt das „Spiel“.", False),
        ("Er nennt das „Man“.", False),  # inside the marks
    ],
)
def test_impersonal_subject(text, expected):
    from medialens.nlp.attribution.scarecues import impersonal_subject

    toks, _ = _unit(text)
    assert impersonal_subject(toks) is expected


#: measured on the labelled Wikinews spans of the sample corpus (docs/actors.md, "Scare
#: quotes": all 429 spans, P 0.830 / R 0.796 after the fifth round); a drop below these is a
#: regression (raised in the fifth round from P 0.77 / R 0.61; one span of margin)
FLOOR = {"precision": 0.80, "recall": 0.77}
#: the same on both labelled sets together (with ../shared: 912 spans, P 0.837 / R 0.811;
#: raised from P 0.78 / R 0.66; seventh round, two labels corrected: P 0.840 / R 0.814)
FLOOR_COMBINED = {"precision": 0.81, "recall": 0.78}
#: the untouched test set (fifth round, ../shared dev texts, 157 spans, 16 scare quotes):
#: P 0.619 (13/21) / R 0.812 (13/16) before and after the fifth round's rules
FLOOR_TEST = {"precision": 0.57, "recall": 0.75}
#: the same on the fresh GermEval set (sixth round; with ../shared: 619 spans, P 0.687
#: (90/131) / R 0.629 (90/143) after the sixth round's rules, P 0.638 / R 0.580 before;
#: seventh round P 0.697 (99/142) / R 0.692 (99/143), floor raised from P 0.67 / R 0.61)
FLOOR_FRESH = {"precision": 0.69, "recall": 0.68}
#: the second untouched set (ninth round; 132 Wikinews politics articles in tests/fixtures,
#: 340 spans, 35 scare quotes): P 0.486 (18/37) / R 0.514 (18/35), measured once on main
#: before and once after the ninth round's rules (its errors were never listed); one span of
#: margin
FLOOR_UNTOUCHED2 = {"precision": 0.45, "recall": 0.48}
#: the third politics set (tenth round; 68 articles in tests/fixtures, 212 spans, 20 scare
#: quotes; a readable development set): P 0.565 (13/23) / R 0.650 before the tenth round's
#: rules, P 0.737 (14/19) / R 0.700 after; one span of margin
FLOOR_DEV3 = {"precision": 0.68, "recall": 0.65}
#: the issue's target (#14, part 5)
TARGET = {"precision": 0.80, "recall": 0.80}


@pytest.fixture(scope="module")
def labelled_figures():
    from conftest import SHARED

    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [
            sys.executable,
            str(root / "scripts" / "eval_scare_quotes.py"),
            "--json",
            "--shared",
            str(SHARED),
        ],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root / "lib")},
    )
    figures = json.loads(out.stdout)
    print(figures)
    return figures


def test_labelled_set_is_large_enough():
    rows = [
        json.loads(line)
        for line in (
            Path(__file__).resolve().parents[1] / "fixtures" / "scare_quotes_labelled.jsonl"
        )
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    assert len(rows) >= 300
    assert {r["label"] for r in rows} == {"speech", "scare_quote", "name_or_title"}


def test_shared_labelled_set_has_no_text():
    """The second set labels spans of ../shared texts: offsets and a digest, never the words."""
    path = Path(__file__).resolve().parents[1] / "fixtures" / "scare_quotes_labelled_shared.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 400
    assert all("text" not in r and len(r["sha1"]) == 12 for r in rows)
    assert {r["label"] for r in rows} == {"speech", "scare_quote", "name_or_title"}


def test_untouched_test_set_has_no_text():
    """The fifth-round test set labels spans of the ../shared dev texts: offsets and a
    digest, never the words; every row is in the split ``test`` (measured only)."""
    path = (
        Path(__file__).resolve().parents[1] / "fixtures" / "scare_quotes_labelled_shared_dev.jsonl"
    )
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 150
    assert all("text" not in r and len(r["sha1"]) == 12 for r in rows)
    assert {r["split"] for r in rows} == {"test"}
    assert {r["label"] for r in rows} == {"speech", "scare_quote", "name_or_title"}


def test_scare_quote_precision_recall_no_regression(labelled_figures):
    got = labelled_figures["all"]
    assert got["spans"] >= 300
    assert got["precision"] >= FLOOR["precision"] and got["recall"] >= FLOOR["recall"], got


@pytest.mark.shared
def test_scare_quote_precision_recall_both_sets(labelled_figures):
    from conftest import shared_path

    shared_path("wikinews-quotes", "train.jsonl")  # skips without ../shared
    got = labelled_figures["combined_all"]
    assert got["spans"] >= 900
    assert got["precision"] >= FLOOR_COMBINED["precision"], got
    assert got["recall"] >= FLOOR_COMBINED["recall"], got


def test_fresh_labelled_set_has_no_text():
    """The sixth-round set labels spans of GermEval 2014 sentences in ../shared: offsets and a
    digest, never the words; ``dev`` (NER-de-dev, error analysis) and ``heldout`` (NER-de-test,
    measured only)."""
    path = (
        Path(__file__).resolve().parents[1]
        / "fixtures"
        / "scare_quotes_labelled_shared_fresh.jsonl"
    )
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 600
    assert all("text" not in r and len(r["sha1"]) == 12 for r in rows)
    assert all(
        r["article"].startswith(f"germeval-{'dev' if r['split'] == 'dev' else 'test'}-")
        for r in rows
    )
    assert {r["split"] for r in rows} == {"dev", "heldout"}
    assert {r["label"] for r in rows} == {"speech", "scare_quote", "name_or_title"}


@pytest.mark.shared
def test_scare_quote_precision_recall_fresh_set(labelled_figures):
    from conftest import shared_path

    shared_path("germeval2014", "NER-de-test.tsv")  # skips without ../shared
    got = labelled_figures["fresh_all"]
    assert got["spans"] >= 600
    assert got["precision"] >= FLOOR_FRESH["precision"], got
    assert got["recall"] >= FLOOR_FRESH["recall"], got


def test_scare_quote_precision_recall_dev3(labelled_figures):
    got = labelled_figures["dev3"]
    assert got["spans"] == 212
    assert got["precision"] >= FLOOR_DEV3["precision"], got
    assert got["recall"] >= FLOOR_DEV3["recall"], got


def test_scare_quote_precision_recall_untouched2(labelled_figures):
    got = labelled_figures["untouched2"]
    assert got["spans"] == 340
    assert got["precision"] >= FLOOR_UNTOUCHED2["precision"], got
    assert got["recall"] >= FLOOR_UNTOUCHED2["recall"], got


@pytest.mark.shared
def test_scare_quote_precision_recall_test_set(labelled_figures):
    from conftest import shared_path

    shared_path("wikinews-quotes", "dev.jsonl")  # skips without ../shared
    got = labelled_figures["test"]
    assert got["spans"] >= 150
    assert got["precision"] >= FLOOR_TEST["precision"], got
    assert got["recall"] >= FLOOR_TEST["recall"], got


#: seventh round: a word mentioned as a word is the author's marking of a term (labelling
#: convention in docs/actors.md), also after *Wort*/*Begriff*/*Ausdruck*, which otherwise
#: announce names; invented sentences
MENTION_CASES = [
    ("Viele Jugendliche benutzen ein Wort wie „krass“ ständig.", ["krass"]),
    ("Der Begriff „Nachhaltigkeit“ wird inzwischen für fast alles verwendet.", ["Nachhaltigkeit"]),
    ("Im Finnischen gibt es keine Bezeichnung für „Gemütlichkeit“.", ["Gemütlichkeit"]),
    ("„Fika“ bedeutet im Schwedischen eine Kaffeepause mit Gebäck.", ["Fika"]),
    ("Der Ausdruck „auf Kante genäht“ stammt aus der Schneiderei.", ["auf Kante genäht"]),
    ("Seit Jahren taucht der Fachbegriff „Resilienz“ in jedem Bericht auf.", ["Resilienz"]),
    ("Die Vokabel „Zeitenwende“ hat Karriere gemacht.", ["Zeitenwende"]),
    # negatives: an answer is an utterance, an acronym a name, *Name*/*Bezeichnung* without
    # *für* and title nouns announce names, a subject after an article is no mention
    ("Die Antwort „Nein“ kam prompt.", []),
    ("Der Begriff „DSGVO“ schreckt viele Vereine ab.", []),
    ("Die Firma trägt den Namen „Sonnenschein“.", []),
    ("Die Sternwarte erhielt die Bezeichnung „Nordlicht“.", []),
    ("Sie las das Buch „Wörter und Dinge“ im Urlaub.", []),
    ("Der Sprecher der „Nordwind“ bezeichnet die Lage als ernst.", []),
    ("Er sprach vom „Kahlschlag“ bei den Stellen.", []),
    ("„Gut“, meint der Trainer nach dem Spiel.", []),
]


@pytest.mark.parametrize(("text", "expected_scare"), MENTION_CASES)
def test_words_mentioned_as_words(text, expected_scare):
    assert scare(text) == expected_scare


@pytest.mark.parametrize(
    ("text", "inner", "expected"),
    [
        ("Das Wort „Heimat“ ist belastet.", "Heimat", True),
        ("Sie mied Ausdrücke wie „Flut“.", "Flut", True),
        ("Ein Synonym für „schnell“ ist flink.", "schnell", True),
        ("Sie sagte: „Mut“ bedeutet etwas anderes.", "Mut", True),
        ("„Mut“, bedeutet er uns, sei nötig.", "Mut", False),
        ("„Mut“ meint hier Zuversicht.", "Mut", False),
        ("Das Wort „E10“ steht auf der Zapfsäule.", "E10", False),
        ("Seine Antwort „Nein“ war knapp.", "Nein", False),
        ("Das Stichwort „Rente“ fiel oft.", "Rente", False),
        ("Der Chef der „Nordwind“ bezeichnet das als Fehler.", "Nordwind", False),
        ("Die Bezeichnung „Nordlicht“ blieb.", "Nordlicht", False),
    ],
)
def test_mentioned_word(text, inner, expected):
    from medialens.nlp.attribution.marks import QuotedRegion
    from medialens.nlp.attribution.scaremention import mentioned_word

    start = text.index(inner) - 1
    r = QuotedRegion(start, start + len(inner) + 2, 0, text[start])
    assert mentioned_word(text, r, 0, inner) is expected


@pytest.mark.xfail(
    strict=True,
    reason="known gap (issue #14 part 5): the second untouched set (340 spans of 132 Wikinews "
    "politics articles, ninth round) gives P 0.500 / R 0.514 (18 of 36 predicted, 35 gold; "
    "tenth round, was P 0.486), the third politics set dev3 (212 spans, tenth round, readable, "
    "its errors used for the round's rules) P 0.750 / R 0.750 (P 0.565 / R 0.650 before), "
    "the untouched test set (../shared dev texts) "
    "P 0.619 / R 0.812 (13 of 21 predicted, 16 gold), the held-out half of the fresh GermEval "
    "set P 0.677 / R 0.698 (67 of 99, 96 gold; ninth round: speech announced by attributing "
    "verbs and genitive nouns of saying; a precision-first name default for capitalised "
    "spans without evidence of common-noun use was dropped: on unseen text 13 of the 24 "
    "spans it removed were true scare quotes); the "
    "sample-corpus set P 0.833 / R 0.816, both labelled sets P 0.842 / R 0.825 — but these 912 "
    "spans were used for the rules. Remaining errors: names known only from world knowledge "
    "read as scare quotes, capitalised German noun phrases and glossed terms read as names, "
    "capitalised single nouns in a speaker's sentence, quotations inside a speaker span never "
    "classified, the author's term inside a speaker's clause; a learned re-ranker on the 176 "
    "GermEval-dev spans did not beat the rules, nor did a logistic regression over 48 features "
    "on all 1,059 readable spans (eleventh round: leave-one-set-out F 0.787 against the rules' "
    "0.801; scripts/train_scare_model.py)",
)
def test_scare_quote_precision_recall_target(labelled_figures):
    # the target must hold on the sample-corpus set and, with ../shared, on the untouched
    # test set and the fresh set's held-out half (the honest figures: no rule was fitted to
    # them), the second untouched set and the third politics set (dev3)
    for group in ("all", "test", "fresh_heldout", "untouched2", "dev3"):
        got = labelled_figures.get(group)
        if got is None:
            continue
        assert got["precision"] >= TARGET["precision"], (group, got)
        assert got["recall"] >= TARGET["recall"], (group, got)
