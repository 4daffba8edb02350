"""Frame vocabulary in German news, each hit with its voice: journalist, quote or scare quote.

Why voice matters: *Kriegstreiber* in the journalist's own sentence is the outlet's framing;
inside »…« it is the speaker's, inside Konjunktiv-I paraphrase it is attributed. So every hit
of a codebook frame term carries the kind of the quotation around it (``direct``,
``indirect``, ``reported``; ``journalist`` outside any quotation), the speaker's text and the
speaker's codebook actor (set by the mentions component).

Matching (case-insensitive, never inside a word):

* plain terms (``Waffenstillstand``, ``rote Linie``): the words as written, the last word with
  an optional German ending (``Waffenstillstands``, ``roten Linien``: non-final adjectives
  inflect as in actor names), plus the token lemma (``drohte`` → ``drohen``,
  ``Waffenstillstände`` when the lookup table knows it);
* globs: ``*`` = any letters, ``?`` = one letter, matched against a whole word
  (``Kriegstreib*`` → ``Kriegstreiberei``; ``*waffenstillstand`` → ``Waffenstillstands``: a
  glob that does not end in ``*`` also accepts an ending).

Within a frame the longest hit wins; one word may count for several frames. Scare quotes
(``doc._.ml_scare_quotes``) whose text holds a frame term are joined to that frame (their
``frame``/``term`` set) and the hit gets the voice ``scare_quote``; other scare quotes stay
as they are (listed on their own).

Limits: lemma matching needs the lemmatizer before this component (the default pipeline has
it) and knows only the lookup table's words; a closed compound matches only through a glob;
negation (*kein Waffenstillstand*) is not detected.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterator

from spacy.attrs import LEMMA
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from medialens.codebook.model import Codebook
from medialens.codebook.patterns import atoms, glob_regex, key, trie_regex
from medialens.nlp.pipes import CodebookPipe, cached_key, doc_text
from medialens.nlp.types import FrameHit, Quote, ScareQuote

#: optional ending of a plain term's last word (and of a glob not ending in ``*``)
TERM_SUFFIX = r"(?:ern|nen|ens|em|en|er|es|ns|e|n|s)?"


class _TermRegex:
    """Every frame's terms in two passes over the lower-cased text, however many frames.

    Plain terms form one trie regex. Globs are found through their longest literal chunk
    (``waffen`` in ``*waffen``): a fast literal search, then the whole word around each hit
    is checked against the glob. Why not ``re.IGNORECASE`` and ``\\w*`` prefixes: both
    stop the regex engine from skipping ahead and made framing slower than tokenising.
    """

    def __init__(self, frames: list[tuple[str, tuple[str, ...]]]) -> None:
        self.plain: dict[str, list[tuple[str, str]]] = defaultdict(list)
        forms: list[list[str]] = []
        glob_terms: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for frame_id, terms in frames:
            for term in terms:
                if "*" in term or "?" in term:
                    glob_terms[term.lower()].append((frame_id, term))
                    continue
                k = key(term).lower()
                if k not in self.plain:
                    forms.append([a.lower() for a in atoms(term)])
                if (frame_id, term) not in self.plain[k]:
                    self.plain[k].append((frame_id, term))
        self.plain_re = re.compile(rf"(?P<t>{trie_regex(forms)}){TERM_SUFFIX}(?!\w)")
        # the same after a non-word character (which the match consumes): the engine then
        # tries the trie only at word starts, half the cost of trying it at every letter
        self.plain_after_re = re.compile(r"\W" + self.plain_re.pattern)
        # globs: anchor chunk -> [(full-word regex, [(frame, term)])]
        self.globs: dict[str, list[tuple[re.Pattern[str], list[tuple[str, str]]]]] = defaultdict(
            list
        )
        for glob, targets in glob_terms.items():
            chunk = max(re.split(r"[*?]", glob), key=len)
            suffix = "" if glob.endswith("*") else TERM_SUFFIX
            self.globs[chunk].append((re.compile(glob_regex(glob) + suffix), targets))
        self.chunk_re = re.compile(
            "|".join(re.escape(c) for c in sorted(self.globs, key=len, reverse=True)) or r"(?!x)x"
        )

    def finditer(self, text: str) -> Iterator[tuple[int, int, str, str]]:
        """``(start, end, frame, term)`` for every plain and glob hit."""
        low = text.lower()
        if len(low) != len(text):  # rare characters whose lower case is longer (İ)
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        for m in self._plain_at_word_start(low):
            s = m.start("t")
            for frame_id, term in self.plain.get(cached_key(text[s : m.end("t")]).lower(), ()):
                yield s, m.end(), frame_id, term
        seen: set[tuple[int, str]] = set()
        for m in self.chunk_re.finditer(low):
            s, e = m.start(), m.end()
            while s and (low[s - 1].isalnum() or low[s - 1] == "_"):
                s -= 1
            while e < len(low) and (low[e].isalnum() or low[e] == "_"):
                e += 1
            word = low[s:e]
            for regex, targets in self.globs[m.group()]:
                if (s, regex.pattern) in seen:
                    continue
                if regex.fullmatch(word):
                    seen.add((s, regex.pattern))
                    for frame_id, term in targets:
                        yield s, e, frame_id, term

    def _plain_at_word_start(self, low: str) -> Iterator[re.Match[str]]:
        """Plain-term matches that start a word (never inside one), left to right.

        A leading look-behind or ``\\b`` would stop the engine from skipping ahead; the
        match at the text start is tried on its own.
        """
        first = self.plain_re.match(low)
        if first is not None:
            yield first
        yield from self.plain_after_re.finditer(low, first.end() if first is not None else 0)


class FrameMatcher:
    """Compiled frame terms of one codebook; ``find(doc)`` → ``(start, end, frame, term)``."""

    def __init__(self, codebook: Codebook, vocab: Vocab) -> None:
        self.terms = _TermRegex([(f.id, f.terms) for f in codebook.frames])
        self.lemma_matcher = PhraseMatcher(vocab, attr="LEMMA")
        self.lemma_terms: dict[int, tuple[str, str]] = {}
        for frame in codebook.frames:
            for term in frame.terms:
                if "*" in term or "?" in term or " " in term:
                    continue
                label = f"{frame.id}\x1f{term}"
                pattern = Doc(vocab, words=[term], lemmas=[term])
                self.lemma_matcher.add(label, [pattern])
                self.lemma_terms[vocab.strings[label]] = (frame.id, term)

    def find(self, doc: Doc) -> list[tuple[int, int, str, str]]:
        text = doc_text(doc)
        per_frame: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for s, e, frame_id, term in self.terms.finditer(text):
            per_frame[frame_id].append((s, e, term))
        # lemmas set by a lemmatizer (``has_annotation`` stops at the first set lemma)
        if len(doc) and doc.has_annotation(LEMMA):
            for match_id, s, e in self.lemma_matcher(doc):
                frame_id, term = self.lemma_terms[match_id]
                # offsets from the first and last token: no Span object per match
                first, last = doc[s], doc[e - 1]
                per_frame[frame_id].append((first.idx, last.idx + len(last), term))
        out = []
        for frame_id, hits in per_frame.items():
            for s, e, term in _longest_first(hits):
                out.append((s, e, frame_id, term))
        out.sort(key=lambda h: (h[0], h[1], h[2]))
        return out


def _longest_first(hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    # Ties (one span hit by a plain term and a glob) must not depend on set order, which
    # varies with the per-process hash seed: prefer the plain term, then the term's text.
    hits = sorted(set(hits), key=lambda h: (h[0] - h[1], h[0], "*" in h[2], h[2]))
    starts: list[int] = []
    ends: list[int] = []
    kept = []
    for h in hits:
        i = bisect.bisect_right(starts, h[0])
        if (i and ends[i - 1] > h[0]) or (i < len(starts) and starts[i] < h[1]):
            continue
        starts.insert(i, h[0])
        ends.insert(i, h[1])
        kept.append(h)
    return kept


class _QuoteIndex:
    """Which quotation (span) contains a character range; spans are disjoint in practice."""

    def __init__(self, quotes: list[Quote]) -> None:
        spans = []
        for qi, q in enumerate(quotes):
            for s, e in q.spans or ((q.start, q.end),):
                spans.append((s, e, qi))
        spans.sort()
        self.spans = spans
        self.starts = [s for s, _, _ in spans]

    def find(self, start: int, end: int) -> int | None:
        """Index of the quotation whose span contains ``[start, end)``, else ``None``."""
        i = bisect.bisect_right(self.starts, start) - 1
        # the innermost enclosing span starts nearest before; look back a little for nesting
        for j in range(i, max(-1, i - 4), -1):
            s, e, qi = self.spans[j]
            if s <= start and end <= e:
                return qi
        return None


def frame_hits(
    text: str,
    hits: list[tuple[int, int, str, str]],
    quotes: list[Quote],
    scare_quotes: list[ScareQuote],
) -> tuple[list[FrameHit], list[ScareQuote]]:
    """Attach voice, speaker and actor to raw hits; join scare quotes to frames (pure)."""
    index = _QuoteIndex(quotes)
    scare_starts = [s.start for s in scare_quotes]
    joined: dict[int, tuple[str, str]] = {}
    out: list[FrameHit] = []
    for s, e, frame, term in hits:
        voice, speaker, actor, qid = "journalist", None, None, None
        j = bisect.bisect_right(scare_starts, s) - 1
        if j >= 0 and scare_quotes[j].start <= s and e <= scare_quotes[j].end:
            voice = "scare_quote"
            joined.setdefault(j, (frame, term))
        else:
            qi = index.find(s, e)
            if qi is not None:
                q = quotes[qi]
                voice, qid = q.kind, qi
                if q.speaker is not None:
                    speaker = q.speaker.resolved or q.speaker.text
                    actor = q.speaker.actor
        out.append(FrameHit(s, e, text[s:e], frame, term, voice, speaker, actor, qid))
    scares = [
        sq._replace(frame=joined[j][0], term=joined[j][1]) if j in joined else sq
        for j, sq in enumerate(scare_quotes)
    ]
    return out, scares


class FramingComponent(CodebookPipe):
    """spaCy component: sets ``doc._.ml_framing``; joins ``doc._.ml_scare_quotes`` to frames."""

    matcher: FrameMatcher

    def _build(self, cb: Codebook) -> None:
        self.matcher = FrameMatcher(cb, self.nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        self._ensure()
        quotes = list(doc._.ml_quotes or ())
        scares = sorted(doc._.ml_scare_quotes or (), key=lambda s: s.start)
        hits, scares = frame_hits(doc_text(doc), self.matcher.find(doc), quotes, scares)
        doc._.ml_framing = hits
        if doc._.ml_scare_quotes is not None:
            doc._.ml_scare_quotes = scares
        return doc


@Language.factory("medialens_framing_v1", default_config={"codebook": ""})
def make_framing(nlp: Language, name: str, codebook: str) -> FramingComponent:
    return FramingComponent(nlp, name, codebook)
