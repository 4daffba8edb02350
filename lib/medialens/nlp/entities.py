"""Entities: every person/organisation mention, coded or not, and their canonical names.

Why: a researcher needs the actors outside the codebook as much as those inside it, and one
row per *actor*, not per spelling: *Jörg Kachelmann*, *Kachelmann* and *Kachelmanns* are one
person; *Verband Deutscher Realschullehrer* and *VDR* one organisation.

* :func:`merge_entities` joins the tagger's spans (:mod:`medialens.nlp.entity_model`) with the
  codebook mentions of persons and organisations (``actor`` = the codebook id). A tagger span
  overlapping a codebook mention of another kind (a state, an adjective, a role noun) is dropped:
  the codebook knows better what it is.
* :func:`cluster_names` groups name variants (one document, or a whole corpus) and picks a
  canonical name for each group: the same words up to genitive endings (``Kachelmanns``,
  ``des Verbandes``); a bare surname joins the full name whose last word it is when exactly one
  such person is known; an acronym joins the long form whose word initials it spells.

Limits: two persons with the same surname and no full name in a document are one entity; an
acronym whose long form never appears stays on its own; declined adjectives inside names
(*Deutscher*/*Deutschen*) are different variants unless the genitive rule covers them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from medialens.nlp.entity_model import LINK_WORDS, Span
from medialens.nlp.types import Mention

#: codebook actor types counted as PER / ORG entities (states are places in GermEval's sense)
ACTOR_TYPE_TO_ENTITY: dict[str, str] = {
    "person": "PER",
    "organisation": "ORG",
    "institution": "ORG",
    "party": "ORG",
    "media": "ORG",
    "group": "ORG",
}
#: mention kinds that name no person or organisation by themselves
NON_NAME_MATCHES = frozenset({"adjective", "role", "pronoun"})


class Entity(NamedTuple):
    start: int
    end: int
    text: str
    type: str  # "PER" | "ORG"
    actor: str | None
    entity: str  # canonical name (the actor's codebook name when coded)


def merge_entities(
    spans: Sequence[Span], mentions: Sequence[Mention]
) -> list[tuple[int, int, str, str | None]]:
    """Tagger spans + codebook PER/ORG mentions → entities sorted by start (no overlaps).

    Where a tagger span and a coded mention overlap, the longer span is kept and it carries the
    mention's actor and type (``Jörg Kachelmann`` found by the tagger, ``Kachelmann`` by the
    codebook). Canonical names of uncoded entities come from :func:`cluster_names` over the
    document's variants (:func:`entities_of_doc`). Returns ``(start, end, type, actor)``.
    """
    coded: list[Mention] = []
    other: list[tuple[int, int]] = []
    for m in mentions:
        if m.type in ACTOR_TYPE_TO_ENTITY and m.match not in NON_NAME_MATCHES:
            coded.append(m)
        else:
            other.append((m.start, m.end))
    out: list[tuple[int, int, str, str | None]] = []
    used: set[int] = set()
    for s in spans:
        ss, se = s.start, s.end  # overlap: ss < end and start < se
        # the first coded mention overlapping the span (plain loops: this runs for every
        # tagger span of every document)
        hit = None
        for m in coded:
            if ss < m.end and m.start < se:
                hit = m
                break
        if hit is None:
            for o0, o1 in other:
                if ss < o1 and o0 < se:
                    break
            else:
                out.append((ss, se, s.type, None))
            continue
        used.add(id(hit))
        start, end = (
            (s.start, s.end)
            if s.end - s.start > hit.end - hit.start
            else (
                hit.start,
                hit.end,
            )
        )
        out.append((start, end, ACTOR_TYPE_TO_ENTITY[hit.type], hit.actor))
    for m in coded:
        if id(m) not in used:
            out.append((m.start, m.end, ACTOR_TYPE_TO_ENTITY[m.type], m.actor))
    out.sort()
    kept: list[tuple[int, int, str, str | None]] = []
    for item in out:  # two tagger spans on one mention, or a mention inside a kept span
        if kept and item[0] < kept[-1][1]:
            if item[3] is not None and kept[-1][3] is None:
                kept[-1] = (kept[-1][0], kept[-1][1], item[2], item[3])
            continue
        kept.append(item)
    return kept


def entities_of_doc(
    text: str,
    spans: Sequence[Span],
    mentions: Sequence[Mention],
    *,
    actor_names: dict[str, str] | None = None,
) -> list[Entity]:
    """:func:`merge_entities` with texts and document-level canonical names."""
    merged = merge_entities(spans, mentions)
    names = actor_names or {}
    found = [(s, e, text[s:e], t, a) for s, e, t, a in merged]
    canon = cluster_names([(w, t) for _, _, w, t, a in found if a is None])
    return [
        Entity(s, e, w, t, a, names.get(a, a) if a is not None else canon.get((w, t), w))
        for s, e, w, t, a in found
    ]


# --- clustering --------------------------------------------------------------------------------
def strip_genitive(word: str) -> str:
    """``Kachelmanns`` → ``Kachelmann``, ``Verbandes`` → ``Verband``, ``Bush’s`` → ``Bush``.

    Applied to both sides of a comparison, so a name that really ends in *s* (``Siemens``)
    compares equal to itself."""
    for suffix in ("’s", "'s", "’", "'"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    if word.isupper():
        return word
    if word.endswith("es") and len(word) > 6:
        return word[:-2]
    if word.endswith("s") and len(word) > 3:
        return word[:-1]
    return word


#: name -> :func:`name_key` (names recur across documents; emptied when full)
_NAME_KEYS: dict[str, tuple[str, ...]] = {}
_NAME_KEYS_MAX = 100_000


def name_key(name: str) -> tuple[str, ...]:
    """Comparison key of a name: its words without genitive endings, case-folded (cached)."""
    k = _NAME_KEYS.get(name)
    if k is None:
        if len(_NAME_KEYS) >= _NAME_KEYS_MAX:
            _NAME_KEYS.clear()
        k = _NAME_KEYS[name] = tuple(strip_genitive(w).casefold() for w in name.split())
    return k


def initials(name: str) -> str:
    """Upper-case initials of a name's words and compound parts, link words left out
    (``Verband Deutscher Realschullehrer`` → ``VDR``)."""
    letters = []
    for w in name.replace("-", " ").split():
        if w.lower() in LINK_WORDS or w.lower() in {"die", "das", "e.v."}:
            continue
        letters.append(w[0])
    return "".join(letters).upper()


def _is_acronym(name: str) -> bool:
    compact = name.replace("-", "").replace(".", "")
    return " " not in name and 2 <= len(compact) <= 8 and sum(c.isupper() for c in compact) >= 2


def cluster_names(
    variants: Iterable[tuple[str, str]], *, counts: Counter[tuple[str, str]] | None = None
) -> dict[tuple[str, str], str]:
    """``(name, type)`` variants → canonical name of each (see the module docstring).

    ``counts`` (optional) weighs variants when choosing a canonical name (most frequent full
    form); by default each occurrence in ``variants`` counts once.
    """
    freq: Counter[tuple[str, str]] = Counter(variants) if counts is None else Counter(counts)
    groups: dict[tuple[str, tuple[str, ...]], list[tuple[str, str]]] = defaultdict(list)
    for name, typ in freq:
        groups[(typ, name_key(name))].append((name, typ))

    # parent links between groups: surname -> full name, acronym -> long form
    keys = list(groups)
    parent: dict[tuple[str, tuple[str, ...]], tuple[str, tuple[str, ...]]] = {}
    multi_by_last: dict[tuple[str, str], list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    by_initials: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    for k in keys:
        typ, words = k
        if len(words) >= 2:
            multi_by_last[(typ, words[-1])].append(k)
            if typ == "ORG":
                name = groups[k][0][0]
                by_initials[initials(name)].append(k)
    for k in keys:
        typ, words = k
        if len(words) != 1:
            continue
        name = groups[k][0][0]
        if typ == "PER":
            cands = multi_by_last.get((typ, words[0]), [])
        elif _is_acronym(name):
            cands = by_initials.get(name.replace("-", "").replace(".", "").upper(), [])
        else:
            cands = multi_by_last.get((typ, words[0]), []) if typ == "PER" else []
        if len(cands) == 1:
            parent[k] = cands[0]

    members: dict[tuple[str, tuple[str, ...]], list[tuple[str, tuple[str, ...]]]] = defaultdict(
        list
    )
    for k in keys:
        members[parent.get(k, k)].append(k)
    out: dict[tuple[str, str], str] = {}
    for root, ks in members.items():
        # canonical: the most frequent spelling of the root group (ties: the shortest, then
        # alphabetical, so the result does not depend on input order)
        group = groups[root]
        if len(group) == 1:  # most groups: one spelling, nothing to sort
            canonical = group[0][0]
        else:
            canonical = min(group, key=lambda v: (-freq[v], len(v[0]), v[0]))[0]
        for k in ks:
            for v in groups[k]:
                out[v] = canonical
    return out


# --- the corpus table --------------------------------------------------------------------------
class EntityRow(NamedTuple):
    """One row of the store's ``entities`` table (an uncoded actor of the corpus)."""

    entity: str
    type: str
    variants: list[str]
    n_mentions: int
    n_articles: int
    n_quotes: int
    first_date: object  # datetime.date | None
    last_date: object


def corpus_entities(
    mentions: Iterable[tuple[str, int, int, str, str, str | None]],
    speakers: Iterable[tuple[str, int, int]],
    dates: dict[str, object],
) -> list[EntityRow]:
    """Aggregate uncoded entity mentions of a corpus into one row per canonical entity.

    ``mentions``: ``(article_id, start, end, text, type, doc_entity)`` (the rows of the
    ``uncoded_actors`` table); ``speakers``: ``(article_id, speaker_start, speaker_end)`` of
    the quotations (a quote counts for the entity whose mention overlaps its speaker);
    ``dates``: ``article_id -> date``. The documents' canonical names are clustered once more
    over the corpus (:func:`cluster_names`), so *Kachelmann* in one article joins *Jörg
    Kachelmann* of another. Sorted by mentions, most first.
    """
    rows = list(mentions)
    doc_names: Counter[tuple[str, str]] = Counter(
        (ent or text, typ) for _, _, _, text, typ, ent in rows
    )
    canon = cluster_names(doc_names, counts=doc_names)
    by_article: dict[str, list[tuple[int, int, tuple[str, str]]]] = defaultdict(list)
    agg: dict[tuple[str, str], dict] = {}
    for aid, start, end, text, typ, ent in rows:
        key = (canon.get((ent or text, typ), ent or text), typ)
        a = agg.setdefault(
            key, {"variants": Counter(), "n": 0, "articles": set(), "quotes": 0, "dates": []}
        )
        a["variants"][text] += 1
        a["n"] += 1
        a["articles"].add(aid)
        if dates.get(aid) is not None:
            a["dates"].append(dates[aid])
        by_article[aid].append((start, end, key))
    for aid, s, e in speakers:
        if s is None or e is None:
            continue
        hit = next((k for a0, b0, k in by_article.get(aid, ()) if a0 < e and s < b0), None)
        if hit is not None:
            agg[hit]["quotes"] += 1
    out = [
        EntityRow(
            name,
            typ,
            [v for v, _ in a["variants"].most_common()],
            a["n"],
            len(a["articles"]),
            a["quotes"],
            min(a["dates"]) if a["dates"] else None,
            max(a["dates"]) if a["dates"] else None,
        )
        for (name, typ), a in agg.items()
    ]
    out.sort(key=lambda r: (-r.n_mentions, r.entity, r.type))
    return out
