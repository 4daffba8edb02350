"""The reporting-verb index the attribution rules consult: lemma (+ particle) → stance category.

Why an adapter: the lexicon itself (≥150 verbs and phrases with stance categories, see
``medialens/codebook/reporting_verbs.yaml``) is data owned by the codebook; the rules need one
fast question answered per token: *is this lemma the base of a reporting verb, and with which
separable particle or phrase part?* :func:`index_from_lexicon` turns the codebook lexicon
into a :class:`CueIndex`; there is no second word list here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from medialens.codebook.verbindex import load_reporting_verbs
from medialens.nlp.attribution.wordlists import wordset


class CueSense(NamedTuple):
    """One reporting verb/phrase: ``base`` lemma + ``particle`` (``""`` if none).

    ``speech`` says which quotation kinds the cue may introduce (from the lexicon); the
    argument structure ``speaker``/``message``/``subjects`` is the lexicon's (see
    :class:`medialens.codebook.verbs.ReportingVerb`).
    """

    lemma: str
    base: str
    particle: str
    category: str
    speech: tuple[str, ...] = ("direct", "indirect", "reported")
    speaker: tuple[str, ...] = ("subject", "agent")
    message: tuple[str, ...] = ("clause", "infinitive", "konjunktiv")
    subjects: tuple[str, ...] = ("animate", "institution", "document")


class CueIndex(NamedTuple):
    """``by_base[base lemma]`` → senses; ``forms[surface form]`` → the ``by_base`` key.

    Why ``forms``: the lookup lemmatizer misses or misreads inflected forms of many reporting
    verbs (*vereinbart*, *verlautbarte*, *gebeten* stay as they are); the lexicon
    generates every form of its verbs, so a token whose lemma is no cue base is looked up by
    its lower-cased form as well. Limit: a form the table reads as another verb keeps that
    reading (*gestanden* is *stehen*, never *gestehen*).
    """

    by_base: Mapping[str, tuple[CueSense, ...]]
    source: str
    forms: Mapping[str, str] = {}
    #: speech-act nouns (lower-case lemma → sense; ``base`` is the noun)
    nouns: Mapping[str, CueSense] = {}

    def senses(self, text: str, lemma: str, lower: str) -> tuple[CueSense, ...]:
        """Senses for a token's lemma, else its form; for a token the lookup table does not
        know (lemma = form), the generated-form base. Forms the table lemmatises otherwise
        keep that reading (*einige* is *einig*, not *sich einigen*), and so do capitalised
        tokens (sentence-initial *Einige*)."""
        by_base = self.by_base
        found = by_base.get(lemma) or by_base.get(lower)
        if found or lemma != text or not text[:1].islower():
            return found or ()
        base = self.forms.get(lower)
        return by_base.get(base, ()) if base else ()


#: separable prefixes/particles that may stand at the clause end (*sagte … ab* = absagen,
#: *rief … an* = anrufen): a bare verb with one it has no sense for is another verb
SEPARABLE_PARTICLES: frozenset[str] = wordset(
    """
    ab an auf aus bei dar durch ein empor entgegen fest fort frei her heraus herbei herum
    herunter hervor hin hinaus hinzu hoch los mit nach nieder statt teil um vor voran voraus
    vorbei vorher weg weiter wieder zu zurecht zurück zusammen klar deutlich bekannt kund
    """
)


def build_cue_index(
    entries: Iterable[tuple[Any, ...]],
    *,
    source: str,
    forms: Mapping[str, str] | None = None,
    nouns: Iterable[CueSense] = (),
) -> CueIndex:
    """Index ``(lemma, base, particle, category[, speech[, speaker, message, subjects]])``
    entries by base (and full) lemma; ``forms`` (surface form → base) is kept for the keys
    that end up in the index; ``nouns`` are the speech-act noun senses."""
    by_base: dict[str, dict[CueSense, None]] = {}
    seen: set[tuple[str, str]] = set()
    defaults = CueSense._field_defaults
    for row in entries:
        lemma, base, particle, category = row[:4]
        speech = tuple(row[4]) if len(row) > 4 else defaults["speech"]
        args = tuple(tuple(r) for r in row[5:8]) if len(row) > 7 else ()
        if (base, particle) in seen:
            continue  # first category wins
        seen.add((base, particle))
        sense = CueSense(lemma, base, particle, category, speech, *args)
        by_base.setdefault(base, {})[sense] = None
        if particle and " " not in lemma:
            # participle/infinitive written as one word (mitgeteilt → mitteilen)
            joined = sense._replace(base=lemma, particle="")
            by_base.setdefault(lemma, {})[joined] = None
        elif particle and " " in lemma:
            joined = _joined_phrase(sense)
            if joined is not None:
                by_base.setdefault(joined.base, {})[joined] = None
    index = {k: tuple(v) for k, v in by_base.items()}
    known = {f: b for f, b in (forms or {}).items() if b in index and f not in index}
    return CueIndex(index, source, known, {n.base: n for n in nouns})


def _joined_phrase(sense: CueSense) -> CueSense | None:
    """A phrase whose verb has a separable particle, with the particle joined to the verb
    (*davon ausgehen*: base *ausgehen*, phrase word *davon*), or None.

    Why: in a participle (*waren davon ausgegangen*) or at the end of a subordinate clause
    (*…, bei dem man davon ausgeht, …*) the particle is part of the verb form, which the
    lookup table lemmatises as the joined verb; the phrase words then stand right before
    it. (A reflexive phrase keeps needing its *sich*: see ``cuefind._needs_reflexive``.)
    """
    words = sense.particle.split()
    verb = sense.lemma.split()[-1]
    if words[-1] not in SEPARABLE_PARTICLES or verb != words[-1] + sense.base:
        return None
    return sense._replace(base=verb, particle=" ".join(words[:-1]))


def load_cue_index(codebook: str | Path | None = None) -> CueIndex:
    """The codebook's reporting-verb lexicon (or the bundled one) as a :class:`CueIndex`."""
    lexicon = load_reporting_verbs(codebook or None)
    return index_from_lexicon(lexicon, source=str(codebook or "bundled"))


def index_from_lexicon(lexicon: object, *, source: str) -> CueIndex:
    """Adapt the codebook :class:`~medialens.codebook.verbindex.Lexicon` to a :class:`CueIndex`.

    Uses the verb and phrase entries (``lemma``, ``base``, ``particle`` or phrase words,
    ``category``, ``speech``); prepositions and adverbs (*laut*, *zufolge*, *so*) are source
    phrases handled by :mod:`.cuefind`.
    """
    entries: list[tuple[Any, ...]] = []
    for e in getattr(lexicon, "entries", ()):
        if getattr(e, "type", "verb") not in ("verb", "phrase"):
            continue
        lemma = str(e.lemma)
        base = str(getattr(e, "base", "") or lemma)
        particle = str(getattr(e, "particle", "") or "").lower()
        speech = tuple(getattr(e, "speech", ()) or ("direct", "indirect"))
        if not speech:
            continue
        entries.append((lemma, base, particle, str(e.category), speech, *_arguments(e)))
    nouns = [
        CueSense(e.lemma, e.base, "", e.category, tuple(e.speech), *_arguments(e))
        for e in getattr(lexicon, "nouns", {}).values()
    ]
    return build_cue_index(entries, source=source, forms=_form_bases(lexicon), nouns=nouns)


def _arguments(entry: object) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    d = CueSense._field_defaults
    return (
        tuple(getattr(entry, "speaker", d["speaker"])),
        tuple(getattr(entry, "message", d["message"])),
        tuple(getattr(entry, "subjects", d["subjects"])),
    )


@lru_cache(maxsize=1)
def bundled_cue_index() -> CueIndex:
    """The bundled lexicon's index (for callers that are given none)."""
    return load_cue_index(None)


def _form_bases(lexicon: object) -> dict[str, str]:
    """Surface form → ``by_base`` key from the lexicon's generated forms: the bare base for
    forms without the particle (*teilte*), the joined verb for joined ones (*mitgeteilt* →
    *mitteilen*). Forms of several verbs keep the first entry in lexicon order."""
    out: dict[str, str] = {}
    all_entries = getattr(lexicon, "all_entries", ())
    for form, hits in getattr(lexicon, "forms", {}).items():
        for hit in hits:
            e = all_entries[hit.entry]
            if not getattr(e, "speech", ()):
                continue
            particle = str(getattr(e, "verb_particle", "") or "")
            joined_key = particle + e.base if particle and " " not in e.lemma else ""
            key = joined_key if hit.joined and joined_key else e.base
            out.setdefault(form, key)
            break
    return out
