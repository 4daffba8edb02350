"""Uncoded actors: person and organisation names that the codebook does not cover.

Why: a codebook is never complete. Listing the names the rules find but no alias covers, with
counts, tells a researcher whom to add. With a statistical model in the pipeline its
``doc.ents`` (PER/PERSON, ORG) are used; without one, rules over ``doc.text``:

* ``title``: a title or role noun, then one to three capitalised words
  (``Außenamtssprecherin Marija Sacharowa``, ``Trainer Julian Nagelsmann``) → PER;
* ``given_name``: a common given name (our own list) plus one or two capitalised words → PER;
* ``reporting``: two or three capitalised words right before or after a reporting verb
  (``sagte Anna Lührmann``) → PER;
* ``org_suffix``: capitalised words ending in a legal form or organisation head
  (``Siemens AG``, ``Deutscher Bauernverband``) or introduced by one (``Universität Hamburg``),
  and single compounds ending in ``-ministerium``, ``-verband``, ``-partei`` … → ORG;
* ``acronym``: an all-caps word of 2–6 letters (``BDI``, ``IG Metall`` partly) → ORG.

Every span that overlaps a codebook mention is skipped; overlapping candidates: longest wins.

Limits: German capitalises every noun, so capitalised-word rules also catch common nouns
(``Präsident Frankreichs`` is caught only because the codebook covers ``Frankreichs``);
single surnames without a title are missed; acronyms include places (``USA``) unless the
codebook covers them. Measured on GermEval 2014 in ``docs/actors.md``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from spacy.attrs import ENT_IOB
from spacy.language import Language
from spacy.tokens import Doc

from medialens.codebook.model import Codebook
from medialens.nlp.entities import entities_of_doc
from medialens.nlp.entity_model import Span, default_tagger
from medialens.nlp.name_words import (
    _ACRONYM_RE,
    _DOTTED_FORM_RE,
    _HEAD_LINK_RE,
    _HEADS_AFTER,
    _HEADS_BEFORE,
    _NEXT_WORD_RE,
    _ORG_END_RE,
    _ORG_HEAD_WORDS,
    _ORG_LINK_RE,
    _RUN_RE,
    _VERB_AFTER_RE,
    _VERB_NAME_RE,
    _WORD_RE,
    ACRONYM_STOP,
    GIVEN_NAMES,
    ORG_ENDINGS,
    ORG_LABELS,
    PER_LABELS,
    REPORTING_FORMS,
    STOP_CAPS,
    _is_name,
    _is_role,
    _one_word_org,
)
from medialens.nlp.pipes import CodebookPipe, doc_text
from medialens.nlp.types import Candidate, Mention

#: bits of :func:`_add_word_flags`
_NAME = 1  # ``_is_name``: counts towards the two name words of the ``reporting`` rule
_TRIGGER = 2  # a word with which ``_classify_run`` can yield a candidate
#: word -> flag bits, kept across documents (cleared when full: a bounded cache)
_word_flags: dict[str, int] = {}
_WORD_FLAGS_MAX = 200_000


def _add_word_flags(w: str) -> int:
    """Flag bits of one word of a capitalised run (computed once per distinct word).

    Why: most runs (four in five on derStandard) yield no candidate; testing their words
    against a cached bit mask is cheaper than running ``_classify_run`` and locating the
    words. ``_TRIGGER`` is set for every word that one of ``_classify_run``'s conditions
    starts from (a role, a given name, an organisation head, a one-word organisation), so
    a run without it yields nothing there. The words are found by ``str.split``: a run holds
    only ``_WORD``s and particles separated by spaces or tabs, exactly ``_WORD_RE``'s matches.
    """
    bits = _NAME if _is_name(w) else 0
    if (
        _is_role(w)
        or w in GIVEN_NAMES
        or w in _HEADS_AFTER
        or w in _HEADS_BEFORE
        or _one_word_org(w)
    ):
        bits |= _TRIGGER
    if len(_word_flags) >= _WORD_FLAGS_MAX:
        _word_flags.clear()
    _word_flags[w] = bits
    return bits


def _classify_run(text: str, words: list[tuple[int, int, str]], out: list[Candidate]) -> None:
    """Candidates inside one run of capitalised words (see the module docstring)."""
    n = len(words)

    def span(i: int, j: int, kind: str, source: str) -> None:
        # words[i:j], without leading/trailing particles or function words
        while i < j and (words[i][2] in STOP_CAPS or words[i][2][:1].islower()):
            i += 1
        while j > i and words[j - 1][2][:1].islower():
            j -= 1
        if j <= i or (kind == "PER" and j - i < 2 and source != "title"):
            return
        if kind == "ORG" and j - i == 1 and words[i][2] in _ORG_HEAD_WORDS:
            return  # a bare head noun ("die Partei") names no organisation
        s, e = words[i][0], words[j - 1][1]
        out.append(Candidate(s, e, text[s:e], kind, source))

    for i, (_, _, w) in enumerate(words):
        nxt = i + 1 < n
        if nxt and _is_role(w) and _is_name(words[i + 1][2]):
            j = i + 1
            while j < n and j < i + 5 and (_is_name(words[j][2]) or words[j][2][:1].islower()):
                j += 1
            span(i + 1, j, "PER", "title")
        elif nxt and w in GIVEN_NAMES and _is_name(words[i + 1][2]):
            j = i + 1
            while j < n and j < i + 4 and (_is_name(words[j][2]) or words[j][2][:1].islower()):
                j += 1
            span(i, j, "PER", "given_name")
        if w in _HEADS_AFTER and i:
            span(max(0, i - 4), i + 1, "ORG", "org_suffix")
        if w in _HEADS_BEFORE and nxt:
            span(i, min(n, i + 3), "ORG", "org_suffix")
        if _one_word_org(w):
            span(i, i + 1, "ORG", "acronym" if w.isupper() else "org_suffix")


def _prev_word(text: str, i: int) -> str:
    """The word before position ``i`` (skipping spaces and one comma)."""
    j = i
    while j and text[j - 1] in " \t,":
        j -= 1
    return text[_word_start(text, j) : j]


def _word_start(text: str, i: int) -> int:
    while i and (text[i - 1].isalnum() or text[i - 1] == "_"):
        i -= 1
    return i


def _at_word_start(regex: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``regex.finditer(text)`` as if the pattern began with ``\\b`` (``regex`` must not
    match the empty string, and its first character must be a word character).

    A match that does not start a word is dropped and the search resumes one character
    later, so the matches are exactly those of ``\\b`` + pattern.
    """
    pos = 0
    search = regex.search
    while (m := search(text, pos)) is not None:
        s = m.start()
        if s and (text[s - 1].isalnum() or text[s - 1] == "_"):
            pos = s + 1
            continue
        yield m
        pos = m.end()


def _verb_name_matches(text: str) -> Iterator[re.Match[str]]:
    """``_VERB_NAME_RE``'s matches whose verb starts a word (not the end of a longer word).

    The search after a non-word character (``_VERB_AFTER_RE``, which consumes it) lets the
    engine try the verb trie only at word starts instead of at every letter. The matches are
    those of ``_VERB_NAME_RE.finditer`` that start a word: a match inside a word could only
    hide a later one starting inside it at a word start, i.e. at its name, which is
    capitalised and so never a (lower-case) verb.
    """
    first = _VERB_NAME_RE.match(text)
    if first is not None:
        yield first
    yield from _VERB_AFTER_RE.finditer(text, first.end() if first is not None else 0)


def _one_word_candidates(text: str, out: list[Candidate]) -> None:
    """Acronyms, organisation compounds, ``sagte Müller``, ``Institut für X``."""
    for m in _at_word_start(_ACRONYM_RE, text):
        s, e = m.span()
        w = m.group()
        if (s and text[s - 1] == "-") or (e < len(text) and text[e] == "-"):
            continue
        if w not in ACRONYM_STOP:
            out.append(Candidate(s, e, w, "ORG", "acronym"))
    # the endings are literal and case-sensitive: a text without any of them has no match,
    # and ``in`` finds that far faster than the regex, which stops at every m, v, g, i …
    has_ending = any(e in text for e in ORG_ENDINGS)
    for m in _ORG_END_RE.finditer(text) if has_ending else ():
        s = _word_start(text, m.start())
        w = text[s : m.end()]
        if (
            s < m.start()
            and w[:1].isupper()
            and w not in _ORG_HEAD_WORDS
            and _one_word_org(w)
            and not (s and text[s - 1] == "-")
        ):
            out.append(Candidate(s, m.end(), w, "ORG", "org_suffix"))
    for m in _verb_name_matches(text):
        w = m.group(1)
        if _is_name(w) and not (m.end() < len(text) and text[m.end()] == "-"):
            out.append(Candidate(m.start(1), m.end(1), w, "PER", "reporting"))
    for m in _at_word_start(_HEAD_LINK_RE, text):
        out.append(Candidate(m.start(), m.end(), m.group(), "ORG", "org_suffix"))


def rule_candidates(text: str) -> list[Candidate]:
    """All rule candidates in ``text`` (overlapping, unfiltered); pure, no spaCy needed."""
    out: list[Candidate] = []
    _one_word_candidates(text, out)
    flags = _word_flags
    for run in _RUN_RE.finditer(text):
        rs, re_ = run.span()
        if rs and (text[rs - 1].isalnum() or text[rs - 1] in "_-"):
            continue  # inside a word or a hyphenated compound
        # Fast reject (most runs yield nothing): the run's words are its whitespace-separated
        # pieces (see ``_word_flags``); without a trigger word, two name words next to a
        # reporting verb, or a dotted legal form after it, no rule below can fire.
        triggers = names = 0
        for w in run.group().split():
            f = flags.get(w)
            if f is None:
                f = _add_word_flags(w)
            triggers |= f
            names += f & _NAME
        prev = follow = None
        if names >= 2:
            prev = _prev_word(text, rs)
            follow = _NEXT_WORD_RE.match(text, re_)
        dotted = _DOTTED_FORM_RE.match(text, re_)
        if not (
            triggers & _TRIGGER
            or dotted
            or prev in REPORTING_FORMS
            or (follow and follow.group(1) in REPORTING_FORMS)
        ):
            continue
        words = [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(text, rs, re_)]
        if not words:
            continue
        if triggers & _TRIGGER:
            _classify_run(text, words, out)
        if names >= 2:
            # reporting verb right before or after two or three name words
            if prev in REPORTING_FORMS:
                k = min(len(words), 3)
                s, e = words[0][0], words[k - 1][1]
                if all(_is_name(w[2]) or w[2][:1].islower() for w in words[:k]):
                    out.append(Candidate(s, e, text[s:e], "PER", "reporting"))
            if follow and follow.group(1) in REPORTING_FORMS:
                k = min(len(words), 3)
                s, e = words[-k][0], words[-1][1]
                if all(_is_name(w[2]) or w[2][:1].islower() for w in words[-k:]):
                    out.append(Candidate(s, e, text[s:e], "PER", "reporting"))
        if dotted:
            first = next((w for w in words[-4:] if w[2] not in STOP_CAPS), None)
            if first is not None:
                out.append(
                    Candidate(
                        first[0], dotted.end(), text[first[0] : dotted.end()], "ORG", "org_suffix"
                    )
                )
        if words[-1][2] in _HEADS_BEFORE:
            link = _ORG_LINK_RE.match(text, re_)
            if link:
                s = words[-1][0]
                out.append(Candidate(s, link.end(), text[s : link.end()], "ORG", "org_suffix"))
    return out


def entity_candidates(doc: Doc) -> list[Candidate]:
    """Candidates from a statistical model's ``doc.ents`` (PER/PERSON → PER, ORG → ORG)."""
    out = []
    for ent in doc.ents:
        if ent.label_ in PER_LABELS:
            kind = "PER"
        elif ent.label_ in ORG_LABELS:
            kind = "ORG"
        else:
            continue
        out.append(Candidate(ent.start_char, ent.end_char, ent.text, kind, "model"))
    return out


def select(candidates: list[Candidate], mentions: list[Mention] | None) -> list[Candidate]:
    """Drop candidates overlapping a codebook mention; among overlapping ones keep the longest.

    A title candidate beats an acronym or suffix one of the same length (persons first).
    """
    spans = sorted((m.start, m.end) for m in mentions or ())
    starts = [s for s, _ in spans]
    rank = {"model": 0, "title": 1, "given_name": 2, "reporting": 3, "org_suffix": 4, "acronym": 5}

    def covered(c: Candidate) -> bool:
        # mentions do not overlap: only the last one starting before c.end can reach into c
        i = bisect.bisect_left(starts, c.end)
        return i > 0 and spans[i - 1][1] > c.start

    pool = sorted(
        (c for c in candidates if not covered(c)),
        key=lambda c: (c.start - c.end, rank.get(c.source, 9), c.start),
    )
    kept: list[Candidate] = []
    k_starts: list[int] = []
    k_ends: list[int] = []
    for c in pool:
        i = bisect.bisect_right(k_starts, c.start)
        if (i and k_ends[i - 1] > c.start) or (i < len(k_starts) and k_starts[i] < c.end):
            continue
        k_starts.insert(i, c.start)
        k_ends.insert(i, c.end)
        kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept


class CandidatesComponent(CodebookPipe):
    """spaCy component: sets ``doc._.ml_entities`` (every PER/ORG mention, coded or not) and
    ``doc._.ml_candidates`` (the uncoded ones).

    Without a statistical model the spans come from the GermEval-trained tagger of
    :mod:`medialens.nlp.entity_model` (``tagger=True``, the default) or, with
    ``tagger=False``, from the hand rules above; with a model that set ``doc.ents``, from
    those. Codebook mentions of persons and organisations are merged in
    (:func:`medialens.nlp.entities.entities_of_doc`).
    """

    def __init__(self, nlp: Language, name: str, codebook: str = "", tagger: bool = True) -> None:
        super().__init__(nlp, name, codebook)
        self.use_tagger = tagger
        self.actor_names: dict[str, str] = {}

    def _build(self, cb: Codebook) -> None:
        # the rules need no codebook data: coverage comes from ``doc._.ml_mentions``
        self.codebook_name = cb.name
        self.actor_names = {a.id: a.name for a in cb.actors}
        if self.use_tagger:
            # load the weights and the Brown clusters (≈ 2 s) when the pipeline is built, so
            # that forked annotate workers share them instead of each reading them again
            _ = default_tagger().cl

    def __call__(self, doc: Doc) -> Doc:
        self._ensure()
        text = doc_text(doc)
        sources: dict[tuple[int, int], str] = {}
        # a model set entities (any token's ENT_IOB set; a C loop, no array)
        if len(doc) and doc.has_annotation(ENT_IOB):
            spans = [Span(c.start, c.end, c.text, c.type) for c in entity_candidates(doc)]
            source = "model"
        elif self.use_tagger:
            spans = default_tagger()(text)
            source = "tagger"
        else:
            found = select(rule_candidates(text), [])
            spans = [Span(c.start, c.end, c.text, c.type) for c in found]
            sources = {(c.start, c.end): c.source for c in found}
            source = "rules"
        ents = entities_of_doc(text, spans, doc._.ml_mentions or (), actor_names=self.actor_names)
        doc._.ml_entities = ents
        doc._.ml_candidates = [
            Candidate(
                e.start, e.end, e.text, e.type, sources.get((e.start, e.end), source), e.entity
            )
            for e in ents
            if e.actor is None
        ]
        return doc


@Language.factory("medialens_candidates_v1", default_config={"codebook": "", "tagger": True})
def make_candidates(
    nlp: Language, name: str, codebook: str, tagger: bool = True
) -> CandidatesComponent:
    return CandidatesComponent(nlp, name, codebook, tagger)
