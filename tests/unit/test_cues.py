"""Reporting-verb lexicon (validation, forms, loading) and the cue finder (positives, traps).

The cue finder is the production one (:func:`medialens.nlp.attribution.extract.find_cues`,
the same per-unit steps as ``medialens_quotes_v1``). Its :class:`Cue` holds the cue words
only (*teilte mit* for *teilte am Montag mit*, each word in ``spans``) and names a source
phrase by its preposition (*laut*, *zufolge*, *nach Angaben*, *aus Sicht*, *so*).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
import yaml
from spacy.language import Language

from medialens.codebook.errors import CodebookError
from medialens.codebook.verbforms import verb_forms
from medialens.codebook.verbindex import Lexicon, load_reporting_verbs
from medialens.codebook.verbs import BUNDLED_PATH, CATEGORIES, parse_reporting_verbs
from medialens.nlp import factories  # noqa: F401  (registers medialens_sentencizer_v1)
from medialens.nlp.attribution.extract import find_cues
from medialens.nlp.attribution.lexicon import CueIndex, index_from_lexicon, load_cue_index
from medialens.nlp.types import Cue

REQUIRED_CATEGORIES = (
    "neutral",
    "emphatic",
    "distancing",
    "alarm",
    "critical",
    "demand",
    "concessive",
    "agreeing",
    "denying",
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    """The attribution pipeline's preprocessing: sentences and the lookup lemmatizer."""
    nlp = spacy.blank("de")
    nlp.add_pipe("medialens_sentencizer_v1", name="sentences")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_reporting_verbs()


@pytest.fixture(scope="module")
def index() -> CueIndex:
    return load_cue_index()


def cues(nlp: Language, index: CueIndex, text: str) -> list[Cue]:
    return find_cues(nlp(text), index)


def words(text: str, cue: Cue) -> str:
    """The cue words as the finder joins them (one span when ``spans`` is empty)."""
    return " ".join(text[a:b] for a, b in cue.spans or ((cue.start, cue.end),))


# ----------------------------------------------------------------------------- cue finder

POSITIVE = [
    # (text, cue words, lemma, category)
    ("»Wir kommen«, sagte Merz.", "sagte", "sagen", "neutral"),
    ("Merz sagte, er komme morgen.", "sagte", "sagen", "neutral"),
    ("Merz hat gesagt, er komme.", "gesagt", "sagen", "neutral"),
    ("Das hatte er schon gestern gesagt.", "gesagt", "sagen", "neutral"),
    ("Aus der Regierung war geäußert worden, dass man warte.", "geäußert", "äußern", "neutral"),
    ("Er erklärte, die Lage sei ernst.", "erklärte", "erklären", "neutral"),
    ("Wie der Sprecher mitteilte, bleibt alles beim Alten.", "mitteilte", "mitteilen", "neutral"),
    ("Die Regierung teilte mit, man werde prüfen.", "teilte mit", "mitteilen", "neutral"),
    (
        "Die Polizei teilte am Abend in Berlin mit, es gebe Verletzte.",
        "teilte mit",
        "mitteilen",
        "neutral",
    ),
    ("Er beeilte sich, mitzuteilen, dass alles gut sei.", "mitzuteilen", "mitteilen", "neutral"),
    ("Die Behörde hat mitgeteilt, dass sie prüfe.", "mitgeteilt", "mitteilen", "neutral"),
    ("Er wies darauf hin, dass die Lage ernst sei.", "wies hin", "hinweisen", "neutral"),
    ("Sie hatte darauf hingewiesen, dass es eile.", "hingewiesen", "hinweisen", "neutral"),
    ("Sie räumte am Montag Fehler ein.", "räumte ein", "einräumen", "concessive"),
    ("Er räumte ein, Fehler gemacht zu haben.", "räumte ein", "einräumen", "concessive"),
    ("Er gestand ein, dass er gelogen habe.", "gestand ein", "eingestehen", "concessive"),
    ("Der Minister gab zu, dass es Probleme gebe.", "gab zu", "zugeben", "concessive"),
    (
        "Sie machte erneut deutlich, dass sie bleibe.",
        "machte deutlich",
        "deutlich machen",
        "emphatic",
    ),
    ("Er hat deutlich gemacht, dass er bleibe.", "deutlich gemacht", "deutlich machen", "emphatic"),
    (
        "Er gab zu bedenken, dass die Kosten stiegen.",
        "gab zu bedenken",
        "zu bedenken geben",
        "alarm",
    ),
    (
        "Er brachte seine Sorge zum Ausdruck.",
        "brachte zum Ausdruck",
        "zum Ausdruck bringen",
        "emphatic",
    ),
    ("Er stellte die Pläne in Frage.", "stellte in Frage", "in Frage stellen", "critical"),
    ("Er ging davon aus, dass es klappt.", "ging davon aus", "davon ausgehen", "epistemic"),
    (
        "Er ließ über seinen Sprecher mitteilen, dass er nicht komme.",
        "ließ mitteilen",
        "mitteilen lassen",
        "neutral",
    ),
    ("Sie betonte, es gehe um Frieden.", "betonte", "betonen", "emphatic"),
    ("Sie unterstrich ihre Position.", "unterstrich", "unterstreichen", "emphatic"),
    ("Er hob die Bedeutung der Allianz hervor.", "hob hervor", "hervorheben", "emphatic"),
    ("Die Firma behauptete, nichts gewusst zu haben.", "behauptete", "behaupten", "distancing"),
    ("Er gab vor, krank zu sein.", "gab vor", "vorgeben", "distancing"),
    ("Moskau warnte vor einer Eskalation.", "warnte", "warnen", "alarm"),
    ("Er drohte mit Sanktionen.", "drohte", "drohen", "alarm"),
    ("Er kritisierte die Regierung scharf.", "kritisierte", "kritisieren", "critical"),
    ("Er warf der Regierung vor, zu zögern.", "warf vor", "vorwerfen", "critical"),
    ("Die Opposition bemängelte, dass nichts geschehe.", "bemängelte", "bemängeln", "critical"),
    ("Die Gewerkschaft prangerte die Zustände an.", "prangerte an", "anprangern", "critical"),
    ("Die Grünen forderten Neuwahlen.", "forderten", "fordern", "demand"),
    ("Er rief die Bürger zur Ruhe auf.", "rief auf", "aufrufen", "demand"),
    ("Sie appellierte an die Vernunft.", "appellierte", "appellieren", "demand"),
    ("Der Kreml bestätigte das Treffen.", "bestätigte", "bestätigen", "agreeing"),
    ("Die Partei begrüßte die Entscheidung.", "begrüßte", "begrüßen", "agreeing"),
    ("Der Sprecher dementierte den Bericht.", "dementierte", "dementieren", "denying"),
    ("Er bestritt die Vorwürfe.", "bestritt", "bestreiten", "denying"),
    ("Er wies die Vorwürfe zurück.", "wies zurück", "zurückweisen", "denying"),
    ("Er wies die Vorwürfe entschieden von sich.", "wies von sich", "von sich weisen", "denying"),
    ("Sie vermutete, dass er lüge.", "vermutete", "vermuten", "epistemic"),
    ("Er ist sich sicher, dass es klappt.", "ist sicher", "sich sicher sein", "epistemic"),
    ("Sie fragte, ob es stimme.", "fragte", "fragen", "question"),
    ("Er wollte wissen, ob es stimme.", "wollte wissen", "wissen wollen", "question"),
    ("Er versprach, bald zu handeln.", "versprach", "versprechen", "commissive"),
    ("Es hieß, er sei krank.", "hieß", "heißen", "neutral"),
    ("Die Experten meinen, es reiche.", "meinen", "meinen", "neutral"),
    (
        "Dies teilte der Vorsitzende der Kommission, Hans Maier, mit.",
        "teilte mit",
        "mitteilen",
        "neutral",
    ),
    (
        "Er teilte am Abend (Ortszeit) nach dem Beben mit, es gebe Tote.",
        "teilte mit",
        "mitteilen",
        "neutral",
    ),
    (
        "Damals ging Celebi, die Anwältin der Frau, noch davon aus, dass es klappt.",
        "ging davon aus",
        "davon ausgehen",
        "epistemic",
    ),
    (
        "Sie warf Obama, nachdem er entschieden hatte, vor, er sei schwach.",
        "warf vor",
        "vorwerfen",
        "critical",
    ),
    (
        "Die Firma stellte aber gleichzeitig fest, dass es reicht.",
        "stellte fest",
        "feststellen",
        "neutral",
    ),
    ("Wie der Verband bekannt gab, steigen die Preise.", "bekannt gab", "bekanntgeben", "neutral"),
    ("Wie bekannt wurde, steigen die Preise.", "bekannt wurde", "bekannt werden", "neutral"),
    (
        "Medien, in denen es zu den Protesten auch heißt, dass alles ruhig sei.",
        "heißt",
        "heißen",
        "neutral",
    ),
    ("Sie sagte, dass er Fehler eingeräumt habe.", "eingeräumt", "einräumen", "concessive"),
    ("Er ging, ohne darauf hinzuweisen, dass es brannte.", "hinzuweisen", "hinweisen", "neutral"),
    ("Es war so, weil er darauf hinwies.", "hinwies", "hinweisen", "neutral"),
    (
        "Der Minister, der die Pläne zurückgewiesen hatte, schwieg.",
        "zurückgewiesen",
        "zurückweisen",
        "denying",
    ),
    ("Er sprach sich gegen die Pläne aus.", "sprach aus", "sich aussprechen", "neutral"),
    (
        "Der Kanzler ließ verlauten, er sei zufrieden.",
        "ließ verlauten",
        "verlauten lassen",
        "neutral",
    ),
    ("Er hat klargestellt, dass nichts feststehe.", "klargestellt", "klarstellen", "emphatic"),
    (
        "Sie gaben zu verstehen, dass sie nicht kommen.",
        "gaben zu verstehen",
        "zu verstehen geben",
        "neutral",
    ),
    (
        "Die Ministerin räumte ein: »Wir haben Fehler gemacht.«",
        "räumte ein",
        "einräumen",
        "concessive",
    ),
    ("Der Bundestag beschloss, die Steuern zu senken.", "beschloss", "beschließen", "declarative"),
    # the verb, not the source it cites, is the cue (the Wikinews annotation convention)
    (
        "Die Agentur meldete unter Berufung auf Diplomaten Fortschritte.",
        "meldete",
        "melden",
        "neutral",
    ),
    # source phrases: named by their preposition
    (
        "Die Werte stiegen auf 7,1. Nach Angaben der Behörde gab es Schäden.",
        "Nach",
        "nach Angaben",
        "neutral",
    ),
    ("Nach einem Bericht der Zeitung ist der Minister krank.", "Nach", "nach Angaben", "neutral"),
    ("Nach Zeitungsberichten ist der Minister krank.", "Nach", "nach Angaben", "neutral"),
    ("Anschließend sei laut el-Baradei alles erfolgt.", "laut", "laut", "neutral"),
    ("Laut israelischen Medien gab es zehn Tote.", "Laut", "laut", "neutral"),
    ("Laut einer am Dienstag veröffentlichten Mitteilung gab es Tote.", "Laut", "laut", "neutral"),
    ("Es gab laut dpa zehn Tote.", "laut", "laut", "neutral"),
    ("Es gab laut „Tagesspiegel“ zehn Tote.", "laut", "laut", "neutral"),
    ("Der Sänger ruft dazu auf – so der Vorwurf –, Gewalt zu üben.", "so", "so", "neutral"),
    ("Laut Polizei gab es drei Verletzte.", "Laut", "laut", "neutral"),
    ("Es gab laut einem Bericht drei Tote.", "laut", "laut", "neutral"),
    ("Dem Bericht zufolge stiegen die Kosten.", "zufolge", "zufolge", "neutral"),
    # a source phrase without a named source (the phrase stands for it)
    (
        "Dort treffen sich dem Vernehmen nach viele Gruppen.",
        "dem Vernehmen nach",
        "dem Vernehmen nach",
        "neutral",
    ),
    ("Ihm zufolge stiegen die Kosten.", "zufolge", "zufolge", "neutral"),
    ("Nach Angaben der Polizei wurden drei Menschen verletzt.", "Nach", "nach Angaben", "neutral"),
    ("Nach eigenen Angaben ist er gesund.", "Nach", "nach Angaben", "neutral"),
    ("Nach Polizeiangaben gab es Verletzte.", "Nach", "nach Angaben", "neutral"),
    ("Nach Ansicht von Experten reicht das nicht.", "Nach", "nach Angaben", "neutral"),
    ("Seiner Meinung nach ist das falsch.", "nach", "nach Angaben", "neutral"),
    ("Die Lage sei ernst, so der Minister.", "so", "so", "neutral"),
    ("»Das reicht nicht«, so Merz.", "so", "so", "neutral"),
    ("Die Zahl sei gestiegen, so die Polizei am Montag.", "so", "so", "neutral"),
    ("Aus Sicht der Regierung ist das falsch.", "Aus Sicht", "aus Sicht", "neutral"),
    ("Ein Bericht, wonach er krank sei, kursiert.", "wonach", "wonach", "neutral"),
]


@pytest.mark.parametrize(("text", "surface", "lemma", "category"), POSITIVE)
def test_finds_cue(
    nlp: Language, index: CueIndex, text: str, surface: str, lemma: str, category: str
) -> None:
    found = cues(nlp, index, text)
    hits = [c for c in found if c.lemma == lemma]
    assert hits, f"no {lemma!r} cue in {text!r}: {found}"
    cue = hits[0]
    assert cue.category == category
    assert cue.text == surface == words(text, cue)
    assert text[cue.start : cue.end].startswith(surface.split()[0])
    if cue.spans:
        assert cue.spans[0][0] == cue.start and cue.spans[-1][1] == cue.end


#: what the finder does not see (yet); strict, so a fix shows up as XPASS
KNOWN_GAPS = [
    # phrase words inside the clause rather than at its end: tried (1 Dec), it found these,
    # but cost dev quote/speaker precision (*Peter Schaar, als …, übte Kritik an …* then read
    # *Kritik* as the speaker after the verb; *zeigte sich … erfreut* misplaced the quotation)
    ("Er übte scharfe Kritik an der Regierung.", "Kritik üben"),
    ("Die Ministerin zeigte sich besorgt über die Lage.", "sich besorgt zeigen"),
    ("Sie sind der gegenteiligen Auffassung.", "der Auffassung sein"),
    # the relative *nach denen* (like *wonach*): tried, *nach dem/der* is mostly temporal and
    # the quotation began at *denen*; not kept
    ("Es gibt Gerüchte, nach denen er krank sei.", "wonach"),
]


@pytest.mark.parametrize(("text", "lemma"), KNOWN_GAPS)
@pytest.mark.xfail(strict=True, reason="known gap of the cue finder")
def test_known_gap(nlp: Language, index: CueIndex, text: str, lemma: str) -> None:
    assert lemma in [c.lemma for c in cues(nlp, index, text)]


NEGATIVE = [
    # (text, lemma that must not be found; None = no cue at all)
    ("Er sagte das Treffen ab.", None),
    ("Sie sagte ihm ihre Unterstützung zu.", None),
    ("Der Minister sagte seine Reise nach Kiew kurzfristig ab.", None),
    ("Die Absage war sagenhaft.", None),
    ("Die Erklärung der Regierung kam spät.", None),
    ("Das Sagen hat hier der Kanzler.", None),
    ("Das ist so groß wie nie.", None),
    ("Es regnete, so dass wir blieben.", None),
    ("Er kam, so schnell er konnte.", None),
    ("Er musste laut schreien.", None),
    ("Die Musik war sehr laut.", None),
    ("Die angekündigte Reform kommt nicht.", None),
    ("Meine Damen und Herren, wir beginnen.", None),
    ("Er dankte meinen Kollegen.", "meinen"),
    ("Das Konzert fand gestern statt.", None),
    ("Sie rief ihn gestern an.", None),
    ("Er teilte die Sorge der Kollegen.", None),
    ("Er machte die Tür deutlich größer.", None),
    ("Er gab das Geld zurück.", None),
    ("Das ist sicher.", None),
    ("Die Gefahr besteht weiter.", None),
    ("Das Gremium besteht aus zwölf Mitgliedern.", None),
    ("Er sorgte für Aufsehen.", None),
    ("Die Kosten steigen nach dem Treffen.", None),
    ("Die Warnung kam zu spät.", None),
    ("Wir haben nichts zu sagen, bitte.", "zusagen"),
    ("Der Minister sagte seine Reise, die lange geplant war, ab.", None),
    ("Er heißt Peter.", None),
    ("Er wurde bekannt durch seine Filme.", None),
    ("Sie trafen sich mit einigen Kollegen.", None),
    ("Die laute Musik störte.", None),
    ("Die Zahl stieg im Jahr 2005. Laut schreien half nicht.", None),
    ("Das Bekannte ist bekannt.", None),
    ("Die Truppen griffen die Stadt an.", None),
    ("Hinweise werden von jeder Polizeidienststelle entgegengenommen.", None),
    ("Angaben dazu gab es nicht.", None),
    ("Er hat laut gedacht.", None),
    ("Die Sitzung nach dem Treffen, nach der er ging, war kurz.", None),
    ("Er sagte: »Ich sage euch, es reicht.«", "zusagen"),
]


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        ("Er sagte, die Reise, die geplant war, falle aus.", "sagen"),
        ("Er sagte, er komme mit.", "sagen"),
        ("Gestern sagte er, sie reise ab.", "sagen"),
    ],
)
def test_particle_of_another_clause_does_not_block(
    nlp: Language, index: CueIndex, text: str, lemma: str
) -> None:
    assert [c.lemma for c in cues(nlp, index, text)] == [lemma]


@pytest.mark.parametrize(("text", "lemma"), NEGATIVE)
def test_not_a_cue(nlp: Language, index: CueIndex, text: str, lemma: str | None) -> None:
    found = cues(nlp, index, text)
    if lemma is None:
        assert found == [], found
    else:
        assert all(c.lemma != lemma for c in found), found


def test_discontinuous_cue_has_two_spans(nlp: Language, index: CueIndex) -> None:
    text = "Die Regierung teilte am Montag mit, man werde prüfen."
    (cue,) = cues(nlp, index, text)
    assert cue.lemma == "mitteilen"
    assert [text[a:b] for a, b in cue.spans] == ["teilte", "mit"]
    assert cue.text == "teilte mit"
    assert text[cue.start : cue.end] == "teilte am Montag mit"


def test_first_span_is_the_verb(nlp: Language, index: CueIndex) -> None:
    text = "Vorher war es ruhig. Er wies darauf hin, dass es eile."
    (cue,) = cues(nlp, index, text)
    assert cue.lemma == "hinweisen"
    assert [text[a:b] for a, b in cue.spans] == ["wies", "hin"]


def test_offsets_are_into_doc_text(nlp: Language, index: CueIndex) -> None:
    text = "Erster Satz. Zweiter Satz. Die Ministerin betonte, es gehe voran."
    found = cues(nlp, index, text)
    assert [(text[c.start : c.end], c.lemma) for c in found] == [("betonte", "betonen")]


def test_stance_adverbs_are_no_cues(nlp: Language, index: CueIndex) -> None:
    """*angeblich* marks distance but introduces no quotation: not a cue (the lexicon's
    stance-only adverbs are for framing, not attribution)."""
    text = "Er unterstützte den angeblich neuen Plan."
    assert [(c.lemma, c.category) for c in cues(nlp, index, text)] == [("unterstützen", "agreeing")]


def test_no_cues_inside_quotations(nlp: Language, index: CueIndex) -> None:
    text = "»Ich sage euch, es reicht«, erklärte sie."
    assert [c.lemma for c in cues(nlp, index, text)] == ["erklären"]


def test_sources_can_be_left_out(nlp: Language, index: CueIndex) -> None:
    doc = nlp("Laut Polizei gab es Tote, sagte er.")
    assert [c.lemma for c in find_cues(doc, index)] == ["laut", "sagen"]
    assert [c.lemma for c in find_cues(doc, index, sources=False)] == ["sagen"]


def test_works_without_lemmatizer(index: CueIndex) -> None:
    doc = spacy.blank("de")("Er wies die Kritik zurück und räumte Fehler ein.")
    assert [c.lemma for c in find_cues(doc, index)] == ["zurückweisen", "einräumen"]


def test_speed_is_linear(nlp: Language, index: CueIndex) -> None:
    """A long sentence with many cues is scanned once: 2,000 tokens well under a second."""
    import time

    doc = nlp(" ".join(["Er sagte, sie teilte mit, es hieß laut Polizei:"] * 200))
    t0 = time.perf_counter()
    found = find_cues(doc, index)
    assert time.perf_counter() - t0 < 1.0
    assert len(found) >= 600


# ----------------------------------------------------------------------------- forms


@pytest.mark.parametrize(
    ("verb", "form", "participle"),
    [
        ("sagen", "sagte", False),
        ("sagen", "gesagt", True),
        ("äußern", "äußerte", False),
        ("äußern", "geäußert", True),
        ("berichten", "berichtete", False),
        ("berichten", "berichtet", True),
        ("kritisieren", "kritisiert", True),
        ("entgegnen", "entgegnete", False),
        ("bestreiten", "bestritt", False),
        ("bestreiten", "bestritten", True),
        ("unterstreichen", "unterstrich", False),
        ("gestehen", "gestand", False),
        ("gestehen", "gestanden", True),
        ("weisen", "wies", False),
        ("weisen", "gewiesen", True),
        ("empfehlen", "empfahl", False),
        ("empfehlen", "empfohlen", True),
        ("sein", "ist", False),
    ],
)
def test_verb_forms(verb: str, form: str, participle: bool) -> None:
    finite, participles = verb_forms(verb)
    assert form in (participles if participle else finite)


def test_no_bogus_forms_for_sein() -> None:
    finite, _ = verb_forms("sein")
    assert "seit" not in finite


# ----------------------------------------------------------------------------- lexicon


def test_bundled_lexicon_size_and_categories(lexicon: Lexicon) -> None:
    assert len(lexicon) >= 150
    present = {e.category for e in lexicon}
    assert set(REQUIRED_CATEGORIES) <= present
    assert present <= set(CATEGORIES)
    assert {e.type for e in lexicon} == {"verb", "phrase", "noun", "preposition", "adverb"}
    assert all(e.verbal for e in lexicon.entries)
    assert all(not e.verbal for e in lexicon.markers)


@pytest.mark.parametrize(
    ("lemma", "base", "particle", "verb_particle"),
    [
        ("hinweisen", "weisen", "hin", "hin"),
        ("zum Ausdruck bringen", "bringen", "zum ausdruck", ""),
        ("davon ausgehen", "gehen", "davon aus", "aus"),
        ("sagen", "sagen", "", ""),
        ("sich besorgt zeigen", "zeigen", "besorgt", ""),
    ],
)
def test_entry_fields(
    lexicon: Lexicon, lemma: str, base: str, particle: str, verb_particle: str
) -> None:
    e = lexicon.get(lemma)
    assert e is not None
    assert (e.base, e.particle, e.verb_particle) == (base, particle, verb_particle)


def _section(body: str) -> str:
    return "reporting_verbs:\n" + body


BAD = [
    # (yaml text, expected message fragment incl. line number)
    (
        _section("  - {lemma: sagen, category: neutral, colour: red}\n"),
        "x.yaml:2: unknown key 'colour'",
    ),
    (_section("  - {category: neutral}\n"), "x.yaml:2: a reporting verb needs a 'lemma'"),
    (_section("  - {lemma: '', category: neutral}\n"), "x.yaml:2: empty lemma"),
    (
        _section("  - {lemma: sagen, category: cheerful}\n"),
        "x.yaml:2: unknown category 'cheerful'",
    ),
    (_section("  - {lemma: sagen}\n"), "x.yaml:2: a reporting verb needs a 'category'"),
    (
        _section("  - {lemma: sagen, category: neutral, type: clause}\n"),
        "x.yaml:2: unknown type 'clause'",
    ),
    (
        _section(
            "  - {lemma: sagen, category: neutral}\n"
            "  - {lemma: erklären, category: neutral}\n"
            "  - {lemma: Sagen, category: alarm}\n"
        ),
        "x.yaml:4: duplicate lemma 'Sagen' (first at line 2)",
    ),
    (
        _section("  - {lemma: weisen, category: neutral, forms: []}\n"),
        "x.yaml:2: forms is empty",
    ),
    (
        _section("  - {lemma: hinweisen, category: neutral, particle: her}\n"),
        "x.yaml:2: particle 'her' is not the start of the verb 'hinweisen'",
    ),
    (
        _section("  - {lemma: deutlich machen, category: emphatic, type: verb}\n"),
        "x.yaml:2: a verb is one word",
    ),
    (
        _section("  - {lemma: sagen, category: neutral, speech: [shouted]}\n"),
        "x.yaml:2: unknown speech kind 'shouted'",
    ),
    (_section("  - sagen\n"), "x.yaml:2: a reporting verb must be a mapping"),
    (_section("  sagen: neutral\n"), "x.yaml:2: unknown key 'sagen' in reporting_verbs"),
    (_section("  []\n"), "x.yaml:2: reporting_verbs is empty"),
    (
        _section("  extend: maybe\n  verbs: [{lemma: x, category: neutral}]\n"),
        "x.yaml:2: reporting_verbs.extend must be true or false",
    ),
    (_section("  - {lemma: sagen, category: [neutral]}\n"), "x.yaml:2: category must be a string"),
    ("reporting_verbs:\n  - {lemma: sagen\n", "x.yaml:3: invalid YAML"),
]


@pytest.mark.parametrize(("text", "message"), BAD)
def test_malformed_lexicon(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CodebookError) as err:
        load_reporting_verbs(path)
    assert message in str(err.value)
    assert str(err.value).startswith(str(path))


def test_entry_named_in_error(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(_section("  - {lemma: rügen, category: angry}\n"), encoding="utf-8")
    with pytest.raises(CodebookError) as err:
        load_reporting_verbs(path)
    assert err.value.entry == "rügen" and err.value.line == 2


def test_plain_data_without_lines() -> None:
    with pytest.raises(
        CodebookError, match=r"^cb\.yaml: unknown category 'x' .*\(entry 'sagen'\)$"
    ):
        parse_reporting_verbs([{"lemma": "sagen", "category": "x"}], path="cb.yaml")
    with pytest.raises(CodebookError, match=r"needs a 'lemma' \(entry '#2'\)"):
        parse_reporting_verbs([{"lemma": "a", "category": "neutral"}, {}], path="cb.yaml")


def test_codebook_section_overrides_bundled(tmp_path: Path, nlp: Language) -> None:
    path = tmp_path / "codebook.yaml"
    path.write_text(
        "name: mine\nactors: []\nreporting_verbs:\n"
        "  - {lemma: sagen, category: emphatic}\n"
        "  - {lemma: raunen, category: distancing}\n",
        encoding="utf-8",
    )
    lex = load_reporting_verbs(path)
    assert len(lex) == 2 and lex.category("sagen") == "emphatic"
    doc = nlp("Er raunte, es gebe Probleme. Sie betonte das.")
    index = index_from_lexicon(lex, source=str(path))
    assert [(c.lemma, c.category) for c in find_cues(doc, index)] == [("raunen", "distancing")]


def test_codebook_section_can_extend(tmp_path: Path) -> None:
    path = tmp_path / "codebook.yaml"
    path.write_text(
        "reporting_verbs:\n  extend: true\n  verbs:\n"
        "    - {lemma: raunen, category: distancing}\n"
        "    - {lemma: sagen, category: emphatic}\n",
        encoding="utf-8",
    )
    lex = load_reporting_verbs(path)
    bundled = load_reporting_verbs()
    assert len(lex) == len(bundled) + 1
    assert lex.category("sagen") == "emphatic" and lex.category("raunen") == "distancing"
    assert lex.category("betonen") == "emphatic"


def test_codebook_without_section_uses_bundled(tmp_path: Path) -> None:
    path = tmp_path / "codebook.yaml"
    path.write_text("name: mine\nactors: []\n", encoding="utf-8")
    assert len(load_reporting_verbs(path)) == len(load_reporting_verbs())
    assert load_reporting_verbs("").source == str(BUNDLED_PATH)


def test_missing_file_is_a_codebook_error(tmp_path: Path) -> None:
    with pytest.raises(CodebookError, match="cannot read file"):
        load_reporting_verbs(tmp_path / "nope.yaml")


def test_round_trip_through_plain_data(lexicon: Lexicon) -> None:
    data = lexicon.to_data()
    again = Lexicon.from_data(yaml.safe_load(yaml.safe_dump(data, allow_unicode=True)))
    assert again.all_entries == lexicon.all_entries


def test_bundled_file_parses_the_same_as_plain_yaml(lexicon: Lexicon) -> None:
    plain = yaml.safe_load(BUNDLED_PATH.read_text(encoding="utf-8"))["reporting_verbs"]
    assert parse_reporting_verbs(plain) == lexicon.all_entries


def test_codebook_loader_hands_section_to_parser(tmp_path: Path) -> None:
    """The codebook loader (medialens.codebook) validates the section with this parser."""
    from medialens.codebook import load_codebook

    good = tmp_path / "good.yaml"
    good.write_text(
        "name: mine\nreporting_verbs:\n  - {lemma: raunen, category: distancing}\n",
        encoding="utf-8",
    )
    verbs = load_codebook(good).reporting_verbs
    assert [(v.lemma, v.category) for v in verbs] == [("raunen", "distancing")]
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "name: mine\nreporting_verbs:\n  - {lemma: raunen, category: distancing}\n"
        "  - {lemma: tuscheln, category: gossip}\n",
        encoding="utf-8",
    )
    with pytest.raises(CodebookError, match=r"bad\.yaml:4: unknown category 'gossip'"):
        load_codebook(bad)
