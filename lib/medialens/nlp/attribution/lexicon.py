"""The reporting-verb index the attribution rules consult: lemma (+ particle) → stance category.

Why an adapter: the lexicon itself (≥150 verbs and phrases with stance categories, see
``medialens/codebook/reporting_verbs.yaml``) is data owned by the codebook; the rules need one
fast question answered per token: *is this lemma the base of a reporting verb, and with which
separable particle or phrase part?* :func:`build_cue_index` turns either the codebook lexicon
or the small built-in fallback list below into a :class:`CueIndex`.

Limits: the built-in list is a fallback for when the codebook cannot be imported; it is not
the documented lexicon.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

from medialens.nlp.attribution.wordlists import wordset


class CueSense(NamedTuple):
    """One reporting verb/phrase: ``base`` lemma + ``particle`` (``""`` if none).

    ``speech`` says which quotation kinds the cue may introduce (from the lexicon).
    """

    lemma: str
    base: str
    particle: str
    category: str
    speech: tuple[str, ...] = ("direct", "indirect", "reported")


class CueIndex(NamedTuple):
    """``by_base[base lemma]`` → senses; ``separable`` = particles that change the meaning."""

    by_base: Mapping[str, tuple[CueSense, ...]]
    source: str


#: separable prefixes/particles that may stand at the clause end (*sagte … ab*)
SEPARABLE_PARTICLES: frozenset[str] = wordset(
    """
    ab an auf aus bei dar ein fest fort frei her heraus hervor hin hinzu los mit nach vor
    voraus vorbei weg weiter wieder zu zurück zusammen klar deutlich bekannt kund
    """
)

# Built-in fallback: (lemma, category). A lemma with a particle is written "particle|base".
_FALLBACK: tuple[tuple[str, str], ...] = (
    ("sagen", "neutral"),
    ("erklären", "neutral"),
    ("mit|teilen", "neutral"),
    ("berichten", "neutral"),
    ("äußern", "neutral"),
    ("sprechen", "neutral"),
    ("meinen", "neutral"),
    ("antworten", "neutral"),
    ("erwidern", "neutral"),
    ("ergänzen", "neutral"),
    ("hinzu|fügen", "neutral"),
    ("aus|führen", "neutral"),
    ("an|geben", "neutral"),
    ("bekannt|geben", "neutral"),
    ("verkünden", "neutral"),
    ("melden", "neutral"),
    ("schreiben", "neutral"),
    ("erläutern", "neutral"),
    ("dar|legen", "neutral"),
    ("schildern", "neutral"),
    ("fest|stellen", "neutral"),
    ("an|kündigen", "neutral"),
    ("hin|weisen", "neutral"),
    ("verweisen", "neutral"),
    ("erzählen", "neutral"),
    ("zitieren", "neutral"),
    ("bezeichnen", "neutral"),
    ("nennen", "neutral"),
    ("reagieren", "neutral"),
    ("informieren", "neutral"),
    ("kommentieren", "neutral"),
    ("heißen", "neutral"),
    ("betonen", "emphatic"),
    ("unterstreichen", "emphatic"),
    ("hervor|heben", "emphatic"),
    ("bekräftigen", "emphatic"),
    ("versichern", "emphatic"),
    ("beteuern", "emphatic"),
    ("klar|stellen", "emphatic"),
    ("deutlich|machen", "emphatic"),
    ("klar|machen", "emphatic"),
    ("behaupten", "distancing"),
    ("vor|geben", "distancing"),
    ("vermuten", "distancing"),
    ("spekulieren", "distancing"),
    ("unterstellen", "distancing"),
    ("glauben", "distancing"),
    ("warnen", "alarm"),
    ("drohen", "alarm"),
    ("mahnen", "alarm"),
    ("befürchten", "alarm"),
    ("fürchten", "alarm"),
    ("kritisieren", "critical"),
    ("vor|werfen", "critical"),
    ("bemängeln", "critical"),
    ("beklagen", "critical"),
    ("an|prangern", "critical"),
    ("verurteilen", "critical"),
    ("rügen", "critical"),
    ("monieren", "critical"),
    ("beanstanden", "critical"),
    ("fordern", "demand"),
    ("verlangen", "demand"),
    ("auf|fordern", "demand"),
    ("appellieren", "demand"),
    ("drängen", "demand"),
    ("auf|rufen", "demand"),
    ("plädieren", "demand"),
    ("empfehlen", "demand"),
    ("vor|schlagen", "demand"),
    ("ein|räumen", "concessive"),
    ("zu|geben", "concessive"),
    ("ein|gestehen", "concessive"),
    ("gestehen", "concessive"),
    ("bestätigen", "agreeing"),
    ("zu|stimmen", "agreeing"),
    ("begrüßen", "agreeing"),
    ("loben", "agreeing"),
    ("dementieren", "denying"),
    ("bestreiten", "denying"),
    ("zurück|weisen", "denying"),
    ("leugnen", "denying"),
    ("ab|streiten", "denying"),
    ("widersprechen", "denying"),
    ("ab|lehnen", "denying"),
    ("hoffen", "neutral"),
    ("bezweifeln", "distancing"),
    ("versprechen", "neutral"),
    ("befürworten", "agreeing"),
    ("denken", "neutral"),
    ("an|nehmen", "neutral"),
    ("aus|gehen", "neutral"),
    ("aus|schließen", "denying"),
    ("rufen", "neutral"),
    ("zu|rufen", "neutral"),
    ("skandieren", "neutral"),
    ("entgegnen", "neutral"),
    ("erwarten", "neutral"),
    ("schätzen", "neutral"),
    ("voraus|sagen", "neutral"),
    ("vorher|sagen", "neutral"),
    ("prognostizieren", "neutral"),
    ("verlauten", "neutral"),
    ("verneinen", "denying"),
    ("zu|sichern", "emphatic"),
    ("bitten", "demand"),
    ("raten", "demand"),
    ("an|regen", "demand"),
    ("vor|halten", "critical"),
    ("beschuldigen", "critical"),
    ("bezichtigen", "critical"),
    ("beschreiben", "neutral"),
    ("klagen", "critical"),
    ("protestieren", "critical"),
    ("an|drohen", "alarm"),
    ("prophezeien", "alarm"),
    ("erinnern", "neutral"),
    ("wiederholen", "emphatic"),
    ("begründen", "neutral"),
    ("rechtfertigen", "neutral"),
    ("argumentieren", "neutral"),
    ("ein|wenden", "distancing"),
    ("entgegen|halten", "denying"),
    ("bemerken", "neutral"),
    ("an|merken", "neutral"),
    ("fest|halten", "neutral"),
    ("resümieren", "neutral"),
    ("bilanzieren", "neutral"),
    ("folgern", "neutral"),
    ("konstatieren", "neutral"),
    ("enthüllen", "neutral"),
    ("verbreiten", "neutral"),
    ("twittern", "neutral"),
    ("zweifeln", "distancing"),
    ("vermelden", "neutral"),
    ("bekannt|machen", "neutral"),
    ("aus|sagen", "neutral"),
    ("aus|sprechen", "neutral"),
    ("zurück|weisen", "denying"),
    ("fragen", "neutral"),
    ("nach|fragen", "neutral"),
    ("wissen|lassen", "neutral"),
    # verbs of thinking, believing and knowing (verba sentiendi) report a position, too
    ("überzeugt|zeigen", "emphatic"),
    ("zuversichtlich|zeigen", "neutral"),
    ("optimistisch|zeigen", "neutral"),
    ("skeptisch|zeigen", "distancing"),
    ("besorgt|zeigen", "alarm"),
    ("beunruhigt|zeigen", "alarm"),
    ("bestürzt|zeigen", "alarm"),
    ("enttäuscht|zeigen", "critical"),
    ("empört|zeigen", "critical"),
    ("erfreut|zeigen", "agreeing"),
    ("erleichtert|zeigen", "agreeing"),
    ("zufrieden|zeigen", "agreeing"),
    ("offen|zeigen", "neutral"),
    ("überrascht|zeigen", "neutral"),
    ("beschließen", "neutral"),
    ("entscheiden", "neutral"),
    ("vereinbaren", "neutral"),
    ("verabreden", "neutral"),
    ("planen", "neutral"),
    ("beabsichtigen", "neutral"),
    ("erfahren", "neutral"),
    ("wissen", "neutral"),
    ("ahnen", "neutral"),
    ("spüren", "neutral"),
    ("bedauern", "critical"),
    ("beteuern", "emphatic"),
    ("mit|teilen", "neutral"),
    ("bekannt|werden", "neutral"),
    ("berufen", "neutral"),
    ("beklagen", "critical"),
    ("vor|werfen", "critical"),
    ("an|kreiden", "critical"),
    ("ab|sprechen", "denying"),
    ("zurück|nehmen", "concessive"),
    ("ein|sehen", "concessive"),
    ("zu|gestehen", "concessive"),
    ("bejahen", "agreeing"),
    ("beipflichten", "agreeing"),
    ("versichern", "emphatic"),
    ("beharren", "emphatic"),
    ("pochen", "emphatic"),
    ("insistieren", "emphatic"),
    ("hervor|heben", "emphatic"),
    ("heraus|stellen", "emphatic"),
    ("heraus|streichen", "emphatic"),
    ("signalisieren", "neutral"),
    ("an|deuten", "neutral"),
    ("durchblicken|lassen", "neutral"),
    ("bezweifeln", "distancing"),
    ("infrage|stellen", "distancing"),
    ("an|zweifeln", "distancing"),
    ("mutmaßen", "distancing"),
    ("behaupten", "distancing"),
    ("vor|täuschen", "distancing"),
    ("beschwören", "emphatic"),
    ("ermahnen", "demand"),
    ("an|mahnen", "demand"),
    ("verlangen", "demand"),
    ("ersuchen", "demand"),
    ("an|ordnen", "demand"),
    ("an|weisen", "demand"),
    ("verbieten", "demand"),
    ("ein|fordern", "demand"),
    ("nahe|legen", "demand"),
    ("dringen", "demand"),
    ("beantragen", "demand"),
    ("vor|schlagen", "demand"),
    ("ab|raten", "demand"),
    ("zu|raten", "demand"),
    ("alarmieren", "alarm"),
    ("warnen", "alarm"),
    ("befürchten", "alarm"),
    ("sorgen", "alarm"),
    ("ab|lehnen", "denying"),
    ("zurück|weisen", "denying"),
    ("verwahren", "denying"),
    ("dementieren", "denying"),
    ("berichtigen", "denying"),
    ("korrigieren", "denying"),
    ("richtig|stellen", "denying"),
    ("bestätigen", "agreeing"),
    ("bekräftigen", "emphatic"),
    ("mit|teilen", "neutral"),
    ("schreiben", "neutral"),
    ("notieren", "neutral"),
    ("vermerken", "neutral"),
    ("protokollieren", "neutral"),
    ("veröffentlichen", "neutral"),
    ("bekannt|geben", "neutral"),
    ("verlautbaren", "neutral"),
    ("zitieren", "neutral"),
    ("wiedergeben", "neutral"),
    ("sprechen", "neutral"),
    ("reden", "neutral"),
    ("plaudern", "neutral"),
    ("erzählen", "neutral"),
    ("berichten", "neutral"),
    ("schildern", "neutral"),
    ("beschreiben", "neutral"),
    ("dar|stellen", "neutral"),
    ("präzisieren", "neutral"),
    ("erklären", "neutral"),
    ("aus|führen", "neutral"),
    ("fort|fahren", "neutral"),
    ("an|fügen", "neutral"),
    ("nach|legen", "emphatic"),
    ("auf|stellen", "neutral"),
    ("vertreten", "neutral"),
    ("ein|schätzen", "neutral"),
    ("bewerten", "neutral"),
    ("urteilen", "neutral"),
    ("befinden", "neutral"),
    ("ergeben", "neutral"),
    ("zeigen", "neutral"),
    ("belegen", "neutral"),
    ("beweisen", "emphatic"),
    ("nach|weisen", "emphatic"),
    ("errechnen", "neutral"),
    ("ermitteln", "neutral"),
    ("heraus|finden", "neutral"),
)


_WORD_PARTICLES = wordset(
    "klar deutlich bekannt wissen verlauten überzeugt zuversichtlich optimistisch skeptisch besorgt "
    "beunruhigt bestürzt enttäuscht empört erfreut erleichtert zufrieden offen überrascht sich "
    "richtig nahe infrage durchblicken"
)


def _sense(lemma: str, category: str) -> CueSense:
    if "|" in lemma:
        particle, base = lemma.split("|", 1)
        sep = " " if particle in _WORD_PARTICLES or " " in particle else ""
        return CueSense(f"{particle}{sep}{base}", base, particle, category)
    return CueSense(lemma, lemma, "", category)


def build_cue_index(entries: Iterable[tuple[str, ...]], *, source: str) -> CueIndex:
    """Index ``(lemma, base, particle, category[, speech])`` entries by base (and full) lemma."""
    by_base: dict[str, dict[CueSense, None]] = {}
    seen: set[tuple[str, str]] = set()
    for row in entries:
        lemma, base, particle, category = row[:4]
        speech = tuple(row[4]) if len(row) > 4 else CueSense._field_defaults["speech"]
        if (base, particle) in seen:
            continue  # first category wins
        seen.add((base, particle))
        sense = CueSense(lemma, base, particle, category, speech)
        by_base.setdefault(base, {})[sense] = None
        if particle and " " not in lemma:
            # participle/infinitive written as one word (mitgeteilt → mitteilen)
            by_base.setdefault(lemma, {})[CueSense(lemma, lemma, "", category, speech)] = None
    return CueIndex({k: tuple(v) for k, v in by_base.items()}, source)


def fallback_index() -> CueIndex:
    """The built-in list (used when the codebook lexicon is unavailable)."""
    return build_cue_index(
        (tuple(_sense(lemma, cat)) for lemma, cat in _FALLBACK), source="builtin"
    )


def load_cue_index(codebook: str | Path | None = None) -> CueIndex:
    """The codebook's reporting-verb lexicon as a :class:`CueIndex` (fallback: built-in list)."""
    try:
        from medialens.codebook import verbs  # type: ignore[attr-defined]
    except ImportError:
        return fallback_index()
    lexicon = verbs.load_reporting_verbs(codebook or None)
    return index_from_lexicon(lexicon, source=str(codebook or "bundled"))


def index_from_lexicon(lexicon: object, *, source: str) -> CueIndex:
    """Adapt the codebook :class:`~medialens.codebook.verbs.Lexicon` to a :class:`CueIndex`.

    Uses the verb and phrase entries (``lemma``, ``base``, ``particle`` or phrase words,
    ``category``, ``speech``); prepositions and adverbs (*laut*, *zufolge*, *so*) are source
    phrases handled by :mod:`.cuefind`.
    """
    entries: list[tuple[str, ...]] = []
    for e in getattr(lexicon, "entries", ()):
        if getattr(e, "type", "verb") not in ("verb", "phrase"):
            continue
        lemma = str(e.lemma)
        base = str(getattr(e, "base", "") or lemma)
        particle = str(getattr(e, "particle", "") or "").lower()
        speech = tuple(getattr(e, "speech", ()) or ("direct", "indirect"))
        if not speech:
            continue
        entries.append((lemma, base, particle, str(e.category), speech))  # type: ignore[arg-type]
    if not entries:
        return fallback_index()
    return build_cue_index(entries, source=source)
