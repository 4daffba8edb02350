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
    """One reporting verb/phrase: ``base`` lemma + ``particle`` (``""`` if none)."""

    lemma: str
    base: str
    particle: str
    category: str


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
    ("verraten", "neutral"),
    ("enthüllen", "neutral"),
    ("verbreiten", "neutral"),
    ("twittern", "neutral"),
    ("finden", "neutral"),
    ("zweifeln", "distancing"),
    ("vermelden", "neutral"),
    ("bekannt|machen", "neutral"),
    ("aus|sagen", "neutral"),
    ("aus|sprechen", "neutral"),
    ("zurück|weisen", "denying"),
    ("fragen", "neutral"),
    ("nach|fragen", "neutral"),
    ("wissen|lassen", "neutral"),
)


_WORD_PARTICLES = wordset("klar deutlich bekannt wissen verlauten")


def _sense(lemma: str, category: str) -> CueSense:
    if "|" in lemma:
        particle, base = lemma.split("|", 1)
        sep = " " if particle in _WORD_PARTICLES or " " in particle else ""
        return CueSense(f"{particle}{sep}{base}", base, particle, category)
    return CueSense(lemma, lemma, "", category)


def build_cue_index(entries: Iterable[tuple[str, str, str, str]], *, source: str) -> CueIndex:
    """Index ``(lemma, base, particle, category)`` entries by base lemma (and full lemma)."""
    by_base: dict[str, list[CueSense]] = {}
    for lemma, base, particle, category in entries:
        sense = CueSense(lemma, base, particle, category)
        by_base.setdefault(base, []).append(sense)
        if particle and " " not in lemma:
            # participle/infinitive written as one word (mitgeteilt → mitteilen)
            by_base.setdefault(lemma, []).append(CueSense(lemma, lemma, "", category))
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
    """Adapt the codebook ``Lexicon`` (entries with lemma, particle, category) to a CueIndex."""
    entries = []
    for e in getattr(lexicon, "entries", ()):
        lemma = str(e.lemma)
        particle = str(getattr(e, "particle", "") or "")
        base = str(getattr(e, "base", "") or "") or lemma
        entries.append((lemma, base, particle, str(e.category)))
    if not entries:
        return fallback_index()
    return build_cue_index(entries, source=source)
