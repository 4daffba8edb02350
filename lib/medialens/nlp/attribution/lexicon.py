"""The reporting-verb index the attribution rules consult: lemma (+ particle) → stance category.

Why an adapter: the lexicon itself (≥150 verbs and phrases with stance categories, see
``medialens/codebook/reporting_verbs.yaml``) is data owned by the codebook; the rules need one
fast question answered per token: *is this lemma the base of a reporting verb, and with which
separable particle or phrase part?* :func:`index_from_lexicon` turns the codebook lexicon
into a :class:`CueIndex`; there is no second word list here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

from medialens.codebook.verbs import load_reporting_verbs
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


def load_cue_index(codebook: str | Path | None = None) -> CueIndex:
    """The codebook's reporting-verb lexicon (or the bundled one) as a :class:`CueIndex`."""
    lexicon = load_reporting_verbs(codebook or None)
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
    return build_cue_index(entries, source=source)
