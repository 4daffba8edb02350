"""The codebook's record types: actors, the roles they hold, role nouns and frames.

Why plain immutable records: components in worker processes share one parsed codebook, tests
compare records, and provenance needs a stable hash of the content; nothing here touches
spaCy. Dates are ``datetime.date``; a role's ``end`` is exclusive (the successor's first day).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

#: Allowed values of ``actors[].type``.
ACTOR_TYPES: tuple[str, ...] = (
    "person",
    "organisation",
    "party",
    "state",
    "institution",
    "media",
    "group",
)

#: kinds of actor mention (``Mention.kind``, ``mentions.kind``; see docs/actors.md)
MENTION_KINDS: tuple[str, ...] = ("name", "surname", "role", "compound", "adjective", "pronoun")
#: the kinds that count as attention unless the codebook's ``mention_kinds`` says otherwise:
#: direct references (adjectival and pronoun references are their own measures)
DIRECT_KINDS: tuple[str, ...] = ("name", "surname", "role", "compound")


class Role(NamedTuple):
    """An actor holds role ``role`` (id of a ``roles:`` entry) from ``start`` until ``end``.

    ``end`` is exclusive and ``None`` while the role is held; ``start`` ``None`` = unknown.
    """

    role: str
    start: date | None = None
    end: date | None = None

    def active(self, day: date) -> bool:
        """Did the actor hold the role on ``day``?"""
        if self.start is not None and day < self.start:
            return False
        return not (self.end is not None and day >= self.end)


class RoleNoun(NamedTuple):
    """A role (office) and the noun phrases that name its holder (``der Kanzler``)."""

    id: str
    label: str
    aliases: tuple[str, ...]
    description: str = ""


class Actor(NamedTuple):
    id: str
    name: str
    type: str
    #: surface forms that name the actor on their own (``name`` is always one of them)
    aliases: tuple[str, ...]
    #: adjective stems (``russisch``, ``französisch``) counted as ``adjective`` mentions
    adjectives: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    affiliation: str | None = None
    country: str | None = None
    party: str | None = None
    groups: tuple[str, ...] = ()
    description: str = ""


class Frame(NamedTuple):
    id: str
    label: str
    description: str
    #: lemmas, multiword expressions and glob patterns (``Kriegstreib*``, ``*waffenstillstand``)
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Codebook:
    """A validated codebook; build it with :func:`medialens.codebook.load_codebook`."""

    path: Path | None
    actors: tuple[Actor, ...]
    roles: tuple[RoleNoun, ...]
    frames: tuple[Frame, ...]
    #: parsed ``reporting_verbs:`` section (``None``: the bundled lexicon applies)
    reporting_verbs: Any = None
    #: sha256 of the normalised content (see :func:`medialens.codebook.codebook_hash`)
    hash: str = ""
    name: str = ""
    #: ``mention_kinds:`` section: actor type -> the kinds of mention counted as attention
    mention_kinds: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    _by_id: dict[str, Actor] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update({a.id: a for a in self.actors})

    def actor(self, actor_id: str) -> Actor:
        """The actor with id ``actor_id`` (``KeyError`` if unknown)."""
        return self._by_id[actor_id]

    def attention_kinds(self, actor_type: str) -> tuple[str, ...]:
        """The kinds of mention that count as attention for actors of ``actor_type``.

        :data:`DIRECT_KINDS` unless the codebook's ``mention_kinds`` sets the type.
        """
        return self.mention_kinds.get(actor_type, DIRECT_KINDS)

    def holders(self, role_id: str) -> list[tuple[Actor, Role]]:
        """Every (actor, role) pair of role ``role_id``, in codebook order."""
        return [(a, r) for a in self.actors for r in a.roles if r.role == role_id]

    def holder_on(self, role_id: str, day: date | None) -> Actor | None:
        """Who held ``role_id`` on ``day``; without a day, the holder of the latest open term.

        ``None`` when nobody (or, on a day, more than one actor) held it: a guess would put
        words in the wrong mouth.
        """
        pairs = self.holders(role_id)
        if day is None:
            open_terms = [(r.start or date.min, a) for a, r in pairs if r.end is None]
            if not open_terms:
                return None
            open_terms.sort(key=lambda t: t[0])
            latest = open_terms[-1][0]
            best = [a for s, a in open_terms if s == latest]
            return best[0] if len(best) == 1 else None
        active = {a.id: a for a, r in pairs if r.active(day)}
        return next(iter(active.values())) if len(active) == 1 else None
