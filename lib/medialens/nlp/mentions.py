"""Find codebook actors in German text: names, inflected forms, compounds, surnames, role nouns.

Why rules over ``doc.text``: the default pipeline has no statistical model, and German names
inflect (``Macrons``, ``Scholz'``, ``der Europäischen Kommission``) and compound
(``Merz-Regierung``, ``NATO-Generalsekretär``). Four compiled trie regexes (aliases, adjective
stems, role nouns, bare surnames) make one pass each over the text; the rest is per-match.

Rules, in order:

1. **Aliases** match case-sensitively at a word start (a preceding hyphen is allowed:
   ``Anti-Putin-Protest``), never inside a word (``Merzig``, ``Sowjetunion``). The final word
   may carry an ending: persons and media only the genitive (``Macrons``, ``Scholz'``,
   ``Merz'sche``); states, parties, institutions also plural/weak-noun endings (``Bundestages``,
   ``den Grünen``). Match kinds: ``alias`` (as written), ``genitive``, ``inflected``,
   ``compound`` (a hyphen and a word follow: ``Putin-Regime`` → the ``Putin`` part),
   ``adjective`` (``-sche`` derivations and the actor's ``adjectives`` stems: ``russische``).
2. **Surnames**: after a person's full name (or any alias) has appeared, the last part of the
   name (``van Aken``) refers to that actor (``match = "surname"``); if several such actors
   share the surname, the most recently mentioned wins.
3. **Role nouns** (``der Kanzler``, ``Frankreichs Präsident``) resolve through the codebook's
   role dates and ``doc.user_data["date"]``; without a date, the holder of the latest open
   term; ``match = "role"``. A role noun directly followed by a name (``Bundeskanzler
   Friedrich Merz``) is not counted twice: the name is the mention. Role nouns after
   ``ehemalige``, ``frühere``, ``Ex-`` … are skipped (they do not name the current holder).
4. **Overlaps**: the longest match wins, then the earliest.
5. **Ambiguous aliases** (one surface form, several actors) go to the actor mentioned
   unambiguously nearest before, else nearest after; otherwise they are dropped.

The component also links quote speakers (``doc._.ml_quotes``) to actors: a speaker gets the
actor of the mention overlapping its span (or its resolved antecedent's span); persons are
preferred over organisations and states, then the rightmost mention (the head in ``Frankreichs
Präsident Emmanuel Macron``).

Limits: closed compounds (``Kremlsprecher``, ``Ukrainekrieg``) are not mentions unless listed;
capitals as metonyms (``Moskau warnte``) are not in the default codebook; lower-case and
all-caps spellings must be listed as aliases; bare generic role nouns (``der Präsident``) are
not resolved.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from typing import NamedTuple

from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from medialens.codebook.model import Codebook
from medialens.codebook.patterns import ADJ_ALT, atoms, key, trie_regex
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.pipes import CodebookPipe, cached_key, doc_text
from medialens.nlp.speaker_heads import head_actor
from medialens.nlp.types import Mention, Quote, Speaker

#: endings of a name's last word; persons and media get only the genitive ones
GENITIVE_SUFFIX = r"(?P<gen>s|['’]s|['’](?=\W|$))?(?P<adj>['’]?sche[nrsm]?)?"
FULL_SUFFIX = r"(?P<inf>ns|es|en|er|em|s|n|e)?"
ROLE_SUFFIX = r"(?P<inf>es|en|s|n)?"
NAME_TYPES = frozenset({"person", "media"})

#: word starts are checked in Python (``_starts_word``): a leading look-behind would stop the
#: regex engine from skipping quickly to possible first letters
_BOUNDARY_AFTER = r"(?!\w)"
#: words before a role noun that mean "not the current holder"
_FORMER = re.compile(
    r"(?:ehemalig|früher|einstig|damalig|vormalig|künftig|designiert|verstorben|"
    r"letzt|vorig|Ex|Alt)\w*[\s-]*$",
    re.IGNORECASE,
)
#: between a role noun and the name it introduces: space, or a comma apposition
_APPOSITION = re.compile(r"[ \t\n]*,?[ \t\n]*")
#: a role noun followed by its holder's name within this many characters (same sentence)
#: is an apposition, not a second mention
_APPOSITION_WINDOW = 80
_SENT_END = re.compile(r"[.!?;]\s")
#: the ``kind`` of a mention (what a reader counts) for each ``match`` (how it was found)
KIND_OF_MATCH: dict[str, str] = {
    "alias": "name",
    "genitive": "name",
    "inflected": "name",
    "surname": "surname",
    "role": "role",
    "compound": "compound",
    "adjective": "adjective",
    "pronoun": "pronoun",
}
#: pronoun speakers counted as ``pronoun`` mentions once resolved to an actor
SPEAKER_PRONOUNS = wordset("er sie ich wir dieser diese jener jene letzterer letztere")
#: heads of proper names an adjective can open at a sentence start (*Deutsche Bahn*,
#: *Deutscher Fußball-Bund*, *Französische Revolution*): organisations, institutions, media,
#: events; matched as the end of the next (compound) word, lower case
NAME_HEADS: tuple[str, ...] = tuple(
    wordset(
        """
    bahn bank bund verband verein agentur welle post telekom gesellschaft stiftung institut
    akademie partei union liga rundfunk börse presse zeitung kammer club klub museum
    bibliothek oper theater orchester krieg revolution reich republik bundestag gewerkschaft
    hochschule universität zentrale zentrum werke gemeinschaft kirche konferenz konzil messe
    anstalt amt behörde dienst gericht gerichtshof hof parlament kommission ministerium
    airlines fluggesellschaft flugsicherung rat vereinigung allianz front bewegung
    """
    )
)
#: characters after which a capital letter says nothing (sentence, quotation or line start)
_CAPITAL_CONTEXT = frozenset('.!?:;\n„“"»«‚›‹(–—')


class _Raw(NamedTuple):
    start: int
    end: int
    actors: tuple[str, ...]
    match: str


class ActorMatcher:
    """Compiled matcher for one codebook; ``find(text, day)`` returns sorted mentions."""

    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook
        self.types = {a.id: a.type for a in codebook.actors}
        self._examples: dict[str, str] = {}  # key -> one surface form it came from
        self._surface: set[str] = set()  # every form as written in the codebook
        self._after: dict[str, re.Pattern[str]] = {}  # pattern -> "\W" + pattern
        name_forms: dict[str, set[str]] = defaultdict(set)
        full_forms: dict[str, set[str]] = defaultdict(set)
        adjective_forms: dict[str, set[str]] = defaultdict(set)
        surname_forms: dict[str, set[str]] = defaultdict(set)
        for actor in codebook.actors:
            target = name_forms if actor.type in NAME_TYPES else full_forms
            for alias in actor.aliases:
                target[self._key(alias)].add(actor.id)
            for stem in actor.adjectives:
                adjective_forms[stem.lower()].add(actor.id)
            surname = _surname(actor.name) if actor.type == "person" else None
            if surname and surname not in actor.aliases:
                surname_forms[self._key(surname)].add(actor.id)
        self.name_keys = {k: tuple(sorted(v)) for k, v in name_forms.items()}
        self.full_keys = {k: tuple(sorted(v)) for k, v in full_forms.items()}
        self.adjective_keys = {k: tuple(sorted(v)) for k, v in adjective_forms.items()}
        self.surname_keys = {k: tuple(sorted(v)) for k, v in surname_forms.items()}
        self.role_keys: dict[str, str] = {}
        for role in codebook.roles:
            for alias in role.aliases:
                self.role_keys[self._key(alias)] = role.id

        def forms(keys: dict) -> list[list[str]]:
            return [atoms(self._examples[k]) for k in keys]

        self.name_re = re.compile(
            f"(?P<a>{trie_regex(forms(self.name_keys))}){GENITIVE_SUFFIX}" + _BOUNDARY_AFTER
        )
        self.full_re = re.compile(
            f"(?P<a>{trie_regex(forms(self.full_keys))}){FULL_SUFFIX}" + _BOUNDARY_AFTER
        )
        self.surname_re = re.compile(
            f"(?P<a>{trie_regex(forms(self.surname_keys))}){GENITIVE_SUFFIX}" + _BOUNDARY_AFTER
        )
        adjective_atoms = [atoms(k) for k in self.adjective_keys]  # matched on lower case
        self.adjective_re = re.compile(
            rf"(?P<a>{trie_regex(adjective_atoms)})(?P<inf>{ADJ_ALT})?" + _BOUNDARY_AFTER
        )
        self.role_re = re.compile(
            f"(?P<a>{trie_regex(forms(self.role_keys))}){ROLE_SUFFIX}" + _BOUNDARY_AFTER
        )

    def _word_start_matches(self, regex: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
        """``regex``'s matches that start at the text start or after a non-word character.

        Why: the engine then tries the trie only at word starts (a match consumes the
        character before it; use ``m.start("a")``); a leading ``\\b`` or look-behind would
        make it try every position. Matches preceded by a hyphen are still returned. Faster
        for the role and adjective tries (many first letters, also lower case), slower for
        the name tries (whose first letters, capitals, are rarer than word starts).
        """
        after = self._after.get(regex.pattern)
        if after is None:
            after = self._after[regex.pattern] = re.compile(r"\W" + regex.pattern)
        first = regex.match(text)
        if first is not None:
            yield first
        yield from after.finditer(text, first.end() if first is not None else 0)

    def _key(self, form: str) -> str:
        k = key(form)
        self._surface.add(" ".join(form.split()))
        self._examples.setdefault(k, form)
        return k

    # --- matching ------------------------------------------------------------------------
    def _alias_hits(self, text: str) -> list[_Raw]:
        hits: list[_Raw] = []
        for regex, keys in ((self.name_re, self.name_keys), (self.full_re, self.full_keys)):
            for m in regex.finditer(text):  # (word-start search measured slower here)
                if not _starts_word(text, m.start("a"), hyphen_ok=True):
                    continue
                actors = keys.get(cached_key(m.group("a")))
                if actors is None or _inside_longer_name(text, m.start("a")):
                    continue
                hits.append(_Raw(m.start("a"), m.end(), actors, _kind(m, text, self._surface)))
        low = text.lower()
        if len(low) != len(text):
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        for m in self._word_start_matches(self.adjective_re, low):
            if not _starts_word(low, m.start("a"), hyphen_ok=True):
                continue
            actors = self.adjective_keys.get(m.group("a"))
            if actors is not None and not name_internal_adjective(text, m.start("a"), m.end()):
                hits.append(_Raw(m.start("a"), m.end(), actors, "adjective"))
        return hits

    def _role_hits(self, text: str, day: date | None, names: list[_Raw]) -> list[_Raw]:
        by_start = {h.start: h.actors for h in names if self._is_person(h.actors)}
        starts = sorted(by_start)
        hits: list[_Raw] = []
        for m in self._word_start_matches(self.role_re, text):
            start = m.start("a")
            if not _starts_word(text, start, hyphen_ok=False):
                continue
            role = self.role_keys.get(cached_key(m.group("a")))
            if role is None or _FORMER.search(text, max(0, start - 30), start):
                continue
            gap = _APPOSITION.match(text, m.end())
            after = gap.end() if gap else m.end()
            i = bisect.bisect_left(starts, after)
            if i < len(starts) and starts[i] == after:
                continue  # "Bundeskanzler Friedrich Merz": the name is the mention
            holder = self.codebook.holder_on(role, day)
            if holder is None:
                continue
            # "US-Sonderbeauftragte für die Ukraine Steve Witkoff": named later in the phrase
            j = bisect.bisect_left(starts, m.end())
            window = m.end() + _APPOSITION_WINDOW
            named = False
            while j < len(starts) and starts[j] <= window:
                if holder.id in by_start[starts[j]] and not _SENT_END.search(
                    text, m.end(), starts[j]
                ):
                    named = True
                    break
                j += 1
            if not named:
                hits.append(_Raw(start, m.end(), (holder.id,), "role"))
        return hits

    def _is_person(self, actors: tuple[str, ...]) -> bool:
        return any(self.types.get(a) == "person" for a in actors)

    def find(self, text: str, day: date | None = None) -> list[tuple[int, int, str, str]]:
        """``(start, end, actor_id, match)`` for every mention in ``text``, sorted by start."""
        names = self._alias_hits(text)
        # surnames only count after a fuller mention of the same person; resolve them later
        surnames = [
            _Raw(m.start("a"), m.end(), self.surname_keys[k], "surname")
            for m in self.surname_re.finditer(text)
            if _starts_word(text, m.start("a"), hyphen_ok=True)
            and (k := cached_key(m.group("a"))) in self.surname_keys
        ]
        roles = self._role_hits(text, day, [*names, *surnames])
        chosen = _longest_first([*names, *roles, *surnames])
        return self._resolve(chosen)

    def _resolve(self, hits: list[_Raw]) -> list[tuple[int, int, str, str]]:
        """Pick one actor per hit: surnames by earlier mentions, ambiguous aliases by context."""
        hits.sort(key=lambda h: h.start)
        seen: dict[str, list[int]] = defaultdict(list)  # actor -> starts of clear mentions
        for h in hits:
            if len(h.actors) == 1 and h.match != "surname":
                seen[h.actors[0]].append(h.start)
        out: list[tuple[int, int, str, str]] = []
        for h in hits:
            if h.match == "surname":
                actor = _nearest(h.actors, seen, h.start, before_only=True)
                if actor is not None:
                    out.append((h.start, h.end, actor, h.match))
                    seen[actor].append(h.start)
                    seen[actor].sort()
                continue
            if len(h.actors) == 1:
                out.append((h.start, h.end, h.actors[0], h.match))
                continue
            actor = _nearest(h.actors, seen, h.start, before_only=False)
            if actor is not None:
                out.append((h.start, h.end, actor, h.match))
        return out


def name_internal_adjective(text: str, start: int, end: int) -> bool:
    """Is the adjective ``text[start:end]`` part of a multiword proper name?

    German writes adjectives in lower case except inside names, so a capitalised adjective
    that stands *inside* a sentence and is followed by a capitalised word opens or continues a
    name (*die Deutsche Bahn*, *des Verbandes Deutscher Realschullehrer*, *die Französische
    Revolution*): it is not a reference to the country. At the start of a sentence, a line or
    a quotation the capital says nothing, so the next word must be a name head
    (:data:`NAME_HEADS`: *Deutsche Welle*, *„Deutscher Fußball-Bund“*). A capitalised
    adjective followed by a lower-case word is a noun (*die Deutschen wählen*): a demonym,
    kept as an adjectival reference.

    Limits: names in lower case (*Tag der deutschen Einheit*) stay adjectival references; a
    sentence-initial name whose head is not in the list (*Deutsche Soldaten* vs. a rare
    brand) counts as an adjective.
    """
    word = text[start:end]
    if not word[word.rfind("-") + 1 :][:1].isupper():
        return False  # *deutsche*, *US-amerikanische*
    i = end
    n = len(text)
    while i < n and text[i] in " \t":
        i += 1
    if i >= n or not text[i].isupper():
        return False
    j = i
    while j < n and (text[j].isalnum() or text[j] == "-"):
        j += 1
    k = start - 1
    while k >= 0 and text[k] in " \t\u00a0":
        k -= 1
    if k >= 0 and text[k] not in _CAPITAL_CONTEXT and text[k] != "-":
        return True  # capital inside a sentence
    return text[i:j].lower().endswith(NAME_HEADS)


#: a capitalised *-isch* adjective right before an alias: another proper name
_NAME_ADJECTIVE_BEFORE = re.compile(r"(?<![\w-])[A-ZÄÖÜ]\w*isch(?:e|en|er|es|em)[ \t]+$")


def _inside_longer_name(text: str, start: int) -> bool:
    """Does the alias at ``start`` continue a longer proper name that is not this actor's
    (*der Afrikanischen Union* is not the *Union*, *der Arabischen Liga*)?

    Only a capitalised *-isch* adjective inside a sentence counts (codebook names with one,
    *Europäische Union*, are longer matches and win anyway); at a sentence start the capital
    says nothing (*Britische BBC-Reporter*).
    """
    m = _NAME_ADJECTIVE_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    k = m.start() - 1
    while k >= 0 and text[k] in " \t\u00a0":
        k -= 1
    return k >= 0 and text[k] not in _CAPITAL_CONTEXT


def _starts_word(text: str, i: int, *, hyphen_ok: bool) -> bool:
    """Does position ``i`` start a word (a hyphen before it counts as a start if allowed)?"""
    if i == 0:
        return True
    c = text[i - 1]
    if c == "-":
        return hyphen_ok
    return not (c.isalnum() or c == "_")


_PARTICLES = frozenset(
    {"von", "van", "de", "der", "den", "da", "di", "du", "del", "la", "le", "zu"}
)


def _surname(name: str) -> str | None:
    """Last part of a person's name (``van Aken``, ``von der Leyen``); ``None`` if too short."""
    words = name.split()
    if len(words) < 2:
        return None
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in _PARTICLES:
        i -= 1
    surname = " ".join(words[i:])
    return surname if len(words[-1]) >= 3 else None


def _kind(m: re.Match[str], text: str, surface: set[str]) -> str:
    groups = m.groupdict()
    end = m.end()
    if end < len(text) - 1 and text[end] == "-" and text[end + 1].isalnum():
        return "compound"
    if groups.get("adj"):
        return "adjective"
    if groups.get("gen"):
        return "genitive"
    if groups.get("inf"):
        return "genitive" if groups["inf"] in ("s", "es") else "inflected"
    if " ".join(m.group("a").split()) not in surface:
        return "inflected"
    return "alias"


def _longest_first(hits: list[_Raw]) -> list[_Raw]:
    """Non-overlapping hits: longest first, then earliest (O(n log n))."""
    hits = sorted(hits, key=lambda h: (h.start - h.end, h.start))
    starts: list[int] = []
    ends: list[int] = []
    kept: list[_Raw] = []
    for h in hits:
        i = bisect.bisect_right(starts, h.start)
        if i and ends[i - 1] > h.start:
            continue  # overlaps the kept span starting before it
        if i < len(starts) and starts[i] < h.end:
            continue  # overlaps the kept span starting after it
        starts.insert(i, h.start)
        ends.insert(i, h.end)
        kept.append(h)
    return kept


def _nearest(
    actors: tuple[str, ...], seen: dict[str, list[int]], pos: int, *, before_only: bool
) -> str | None:
    best: tuple[int, str] | None = None
    for actor in actors:
        starts = seen.get(actor)
        if not starts:
            continue
        i = bisect.bisect_left(starts, pos)
        if i:
            dist = pos - starts[i - 1]
        elif before_only:
            continue
        else:
            dist = starts[0] - pos + 1_000_000  # prefer any earlier mention
        if best is None or dist < best[0]:
            best = (dist, actor)
    return best[1] if best else None


def parse_day(value: object) -> date | None:
    """The article date from ``doc.user_data["date"]`` (``YYYY-MM-DD``); ``None`` if absent/bad."""
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def sentence_starts(doc: Doc) -> list[int]:
    """Character offsets of sentence starts (``[0]`` when the doc has no sentences).

    Vectorised (``Doc.to_array``): iterating ``doc.sents`` creates a Python object per token.
    """
    if not len(doc):
        return [0]
    arr = doc.to_array([SENT_START, IDX])
    if not (arr[1:, 0] != 0).any():  # no sentence boundaries set
        return [0]
    starts = arr[arr[:, 0] == 1, 1].tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return starts


def link_speakers(
    quotes: list[Quote], mentions: list[Mention], text: str | None = None
) -> list[Quote]:
    """Quotes whose speaker phrase has a coded actor as its head get ``speaker.actor`` set.

    The head rule (:func:`medialens.nlp.speaker_heads.head_actor`) needs the document
    ``text``; a pronoun or role-noun speaker uses its resolved antecedent's span. Without
    ``text`` (older callers) the speaker span's own text stands in for it.
    """
    if not quotes or not mentions:
        return list(quotes)
    out = []
    for q in quotes:
        sp = q.speaker
        if sp is None or sp.actor is not None or sp.end <= sp.start:
            out.append(q)
            continue
        doc_text_ = text if text is not None else " " * sp.start + sp.text
        actor = head_actor(doc_text_, sp.start, sp.end, mentions)
        if (
            actor is None
            and text is not None
            and sp.resolved_start is not None
            and sp.resolved_end is not None
            and sp.resolved_end > sp.resolved_start
        ):
            actor = head_actor(text, sp.resolved_start, sp.resolved_end, mentions)
        out.append(q._replace(speaker=sp._replace(actor=actor)) if actor else q)
    return out


def pronoun_mentions(quotes: list[Quote], types: dict[str, str], sents: list[int]) -> list[Mention]:
    """``pronoun`` mentions: pronoun speakers (*sagte er*) resolved to a coded actor.

    Why only speakers: the pipeline resolves pronouns where they speak (the attribution
    component finds the antecedent); other pronouns are not resolved, so they are not counted.
    """
    out = []
    for q in quotes:
        sp = q.speaker
        if (
            sp is None
            or sp.actor is None
            or sp.resolved_start is None
            or sp.text.lower() not in SPEAKER_PRONOUNS
        ):
            continue
        out.append(
            Mention(
                start=sp.start,
                end=sp.end,
                text=sp.text,
                actor=sp.actor,
                type=types.get(sp.actor, ""),
                match="pronoun",
                sentence_id=bisect.bisect_right(sents, sp.start) - 1,
                kind="pronoun",
            )
        )
    return out


class MentionsComponent(CodebookPipe):
    """spaCy component: sets ``doc._.ml_mentions`` and links ``doc._.ml_quotes`` speakers."""

    matcher: ActorMatcher

    def _build(self, cb: Codebook) -> None:
        self.matcher = ActorMatcher(cb)

    def __call__(self, doc: Doc) -> Doc:
        self._ensure()
        text = doc_text(doc)
        day = parse_day(doc.user_data.get("date"))
        found = self.matcher.find(text, day)
        quotes = doc._.ml_quotes
        # the sentence starts only when something needs them (one ``to_array`` spared for
        # the articles without a coded actor and without quotations)
        sents = sentence_starts(doc) if found or quotes else [0]
        types = self.matcher.types
        mentions = [
            Mention(
                start=s,
                end=e,
                text=text[s:e],
                actor=actor,
                type=types[actor],
                match=match,
                sentence_id=bisect.bisect_right(sents, s) - 1,
                kind=KIND_OF_MATCH[match],
            )
            for s, e, actor, match in found
        ]
        if quotes:
            doc._.ml_quotes = link_speakers(quotes, mentions, text)
            pronouns = pronoun_mentions(doc._.ml_quotes, types, sents)
            if pronouns:
                mentions = sorted([*mentions, *pronouns], key=lambda m: (m.start, m.end))
        doc._.ml_mentions = mentions
        return doc


@Language.factory("medialens_mentions_v1", default_config={"codebook": ""})
def make_mentions(nlp: Language, name: str, codebook: str) -> MentionsComponent:
    return MentionsComponent(nlp, name, codebook)


__all__ = [
    "KIND_OF_MATCH",
    "ActorMatcher",
    "MentionsComponent",
    "Speaker",
    "link_speakers",
    "name_internal_adjective",
    "parse_day",
    "pronoun_mentions",
]
