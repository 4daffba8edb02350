"""The reporting-verb lexicon indexed by surface form, loaded per codebook.

Why a module of its own: :mod:`medialens.codebook.verbs` reads and validates the YAML
entries; the attribution rules need them as an index (*sagte*, *mitteilte*, *teilte … mit*
→ entries) built once per lexicon file and cached by file version. :class:`Lexicon` is that
index; :func:`load_reporting_verbs` picks the codebook's section or the bundled file.

Limits: forms come from :mod:`medialens.codebook.verbforms` (weak rules plus a strong-verb
table); a separable particle is recorded, its position in the clause is the cue finder's
business.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from medialens.codebook.verbforms import adjective_forms, verb_forms
from medialens.codebook.verbs import (
    BUNDLED_PATH,
    POSTPOSITIONS,
    ReportingVerb,
    file_entries,
    parse_reporting_verbs,
)


def load_reporting_verbs(codebook_path: str | Path | None = None) -> Lexicon:
    """The lexicon of a codebook's ``reporting_verbs:`` section, else the bundled one.

    ``None`` or ``""`` = the bundled ``reporting_verbs.yaml``. A codebook file without the
    section falls back to the bundled lexicon. Cached per file version.
    """
    if codebook_path is None or str(codebook_path) == "":
        return _lexicon(BUNDLED_PATH)
    return _lexicon(Path(codebook_path).expanduser().resolve())


def _lexicon(path: Path) -> Lexicon:
    entries = file_entries(path)
    if entries is None:
        return _lexicon(BUNDLED_PATH)
    return _cached_lexicon(entries, str(path))


@lru_cache(maxsize=16)
def _cached_lexicon(entries: tuple[ReportingVerb, ...], source: str) -> Lexicon:
    return Lexicon(entries, source=source)


class FormHit(NamedTuple):
    """One reading of a surface form: the entry, and whether the particle is in the token.

    ``joined`` is True when the token already holds the whole verb (``mitteilte``,
    ``hingewiesen``, ``mitzuteilen``, or any form of a verb without particle); False when it
    is the bare base (``teilte``) and the particle must stand at the clause end.
    ``participle`` marks participles (*gesagt*), which never take a clause-final particle.
    """

    entry: int
    joined: bool
    participle: bool


class Lexicon:
    """Reporting verbs indexed by surface form: one dict lookup per token.

    ``entries`` are the verbal entries (verbs and phrases) — what a verb cue matcher
    indexes; ``markers`` are prepositions and adverbs (*laut*, *zufolge*, *so*,
    *angeblich*); ``all_entries`` both, in file order. ``forms[form]`` → :class:`FormHit`
    tuples (indices into ``all_entries``); ``lemmas[lemma]`` the same for lemmatizer output.
    """

    def __init__(self, entries: Iterable[ReportingVerb], *, source: str = "") -> None:
        self.all_entries: tuple[ReportingVerb, ...] = tuple(entries)
        self.source = source
        self.entries: tuple[ReportingVerb, ...] = tuple(e for e in self.all_entries if e.verbal)
        self.markers: tuple[ReportingVerb, ...] = tuple(
            e for e in self.all_entries if not e.verbal and e.type != "noun"
        )
        #: speech-act nouns by lower-case lemma (*forderung* → the entry)
        self.nouns: dict[str, ReportingVerb] = {
            e.base: e for e in self.all_entries if e.type == "noun" and e.speech
        }
        self.by_lemma: dict[str, ReportingVerb] = {e.lemma.lower(): e for e in self.all_entries}
        forms: dict[str, dict[FormHit, None]] = {}
        lemmas: dict[str, dict[FormHit, None]] = {}
        markers: dict[str, list[int]] = {}

        def add(table: dict[str, dict[FormHit, None]], key: str, hit: FormHit) -> None:
            table.setdefault(key, {})[hit] = None

        for i, e in enumerate(self.all_entries):
            if e.type == "noun":
                continue
            if not e.verbal:
                if e.type == "adverb" and not e.speech:
                    for f in adjective_forms(e.base):
                        markers.setdefault(f, []).append(i)
                elif len(e.words) > 1 and e.words[-1].lower() in POSTPOSITIONS:
                    markers.setdefault(e.words[-1].lower(), []).append(i)
                else:
                    markers.setdefault(e.base, []).append(i)
                continue
            finite, participles = verb_forms(e.base, e.forms)
            p = e.verb_particle
            for f in finite:
                add(forms, f, FormHit(i, not p, False))
            for f in participles:
                add(forms, f, FormHit(i, not p, True))
            add(lemmas, e.base, FormHit(i, not p, False))
            if p:
                full = p + e.base
                for f in finite:
                    add(forms, p + f, FormHit(i, True, False))
                for f in participles:
                    add(forms, p + f, FormHit(i, True, True))
                add(forms, p + "zu" + e.base, FormHit(i, True, False))
                add(lemmas, full, FormHit(i, True, False))
        self.forms: dict[str, tuple[FormHit, ...]] = {k: tuple(v) for k, v in forms.items()}
        self.lemmas: dict[str, tuple[FormHit, ...]] = {k: tuple(v) for k, v in lemmas.items()}
        self.marker_index: dict[str, tuple[int, ...]] = {k: tuple(v) for k, v in markers.items()}
        #: separable particles of the lexicon's verbs (a clause-final particle outside this
        #: set and the general list below makes the bare verb a different verb)
        self.particles: frozenset[str] = frozenset(
            e.verb_particle for e in self.entries if e.verb_particle
        )

    def __len__(self) -> int:
        return len(self.all_entries)

    def __iter__(self) -> Iterator[ReportingVerb]:
        return iter(self.all_entries)

    def __contains__(self, lemma: object) -> bool:
        return isinstance(lemma, str) and lemma.lower() in self.by_lemma

    def __repr__(self) -> str:
        return f"Lexicon({len(self.all_entries)} entries from {self.source or '<data>'})"

    def get(self, lemma: str) -> ReportingVerb | None:
        """The entry with this lemma (case-insensitive), or None."""
        return self.by_lemma.get(lemma.lower())

    def lookup(self, form: str) -> tuple[ReportingVerb, ...]:
        """Entries a surface form can belong to (ignores particles and context)."""
        hits = self.forms.get(form.lower(), ())
        seen: dict[int, None] = {h.entry: None for h in hits}
        return tuple(self.all_entries[i] for i in seen)

    def category(self, lemma: str) -> str | None:
        e = self.get(lemma)
        return e.category if e is not None else None

    def to_data(self) -> list[dict[str, Any]]:
        """Plain YAML/JSON-able entries (``parse_reporting_verbs(lexicon.to_data())`` round-trips)."""
        out = []
        for e in self.all_entries:
            row: dict[str, Any] = {"lemma": e.lemma, "category": e.category, "type": e.type}
            if e.verb_particle:
                row["particle"] = e.verb_particle
            if e.forms:
                row["forms"] = list(e.forms)
            row["speech"] = list(e.speech)
            row["speaker"] = list(e.speaker)
            row["message"] = list(e.message)
            row["subjects"] = list(e.subjects)
            if e.note:
                row["note"] = e.note
            out.append(row)
        return out

    @classmethod
    def from_data(cls, data: Sequence[Mapping[str, Any]], *, source: str = "") -> Lexicon:
        return cls(parse_reporting_verbs(list(data), path=source or None), source=source)
