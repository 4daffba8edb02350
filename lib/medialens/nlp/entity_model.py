"""A fast person/organisation tagger over runs of capitalised words (GermEval-trained weights).

Why: the hand rules of :mod:`medialens.nlp.candidates` found 28 % of the persons and 17 % of the
organisations of GermEval 2014; a spaCy CNN NER is several times slower than our whole pipeline.
This tagger looks only at *runs* of capitalised words (found by one regex; linking words such as
``von``, ``für``, ``der`` may stand inside a run) and tags their words greedily, left to right,
with ``O``/``B-PER``/``I-PER``/``B-ORG``/``I-ORG`` by a linear model (averaged perceptron) over
sparse features: the word, its suffixes and shape, its Brown cluster from ``spacy-lookups-data``
(1 million German words, MIT licence; surnames, given names, places and companies fall into
their own clusters), our given-name, role-noun and organisation-head lists, the words around it
and the previous tag. The weights are trained by ``scripts/train_ner.py`` on GermEval 2014 dev
(CC BY 4.0) and shipped as ``data/ner_weights.json``.

Speed: the score of every word's own features is computed once per distinct word and kept
(bounded cache); a one-word run whose own score is far from any name is dropped before its
context is looked at (most capitalised German words are common nouns).

Limits: a name written in lower case (``von der Leyen`` at a sentence start is fine, ``adidas``
is not), names with digits (``Schalke 04``) and names inside hyphenated compounds
(``CDU-Chef``) are not found; the model learnt from 2,200 sentences of news and Wikipedia, so
unusual name types (bands, ships) are weak. Figures in docs/actors.md.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from medialens.nlp.candidates import (
    _HEADS_AFTER,
    _HEADS_BEFORE,
    GIVEN_NAMES,
    REPORTING_FORMS,
    STOP_CAPS,
    _is_role,
    _one_word_org,
)

LABELS: tuple[str, ...] = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG")
WEIGHTS_FILE = Path(__file__).parent / "data" / "ner_weights.json"
#: the version of the feature set; a weights file of another version is refused
FEATURES_VERSION = 4

_UP = "A-ZÄÖÜÀÁÂÉÈÊÍÓÔÚÇŠŽČŁ"
#: lower-case words that may stand inside a name (``Ursula von der Leyen``, ``Institut für
#: Weltwirtschaft``, ``Bündnis für Arbeit``, ``Müller und Söhne``); not ``den``, ``am``,
#: ``im``, ``zum``, ``zur``, which join a name to the next noun far more often
#: (``traf Anna Lührmann den Trainer``)
LINK_WORDS: frozenset[str] = frozenset(
    [
        "von",
        "van",
        "de",
        "der",
        "des",
        "da",
        "di",
        "du",
        "del",
        "dos",
        "la",
        "le",
        "zu",
        "ter",
        "ten",
        "bin",
        "al",
        "el",
        "ibn",
        "für",
        "und",
        "of",
        "the",
    ]
)
_CAP = rf"[{_UP}][\w'’]*(?:-[\w'’]+)*"
_LINK = "|".join(sorted(LINK_WORDS, key=len, reverse=True))
RUN_RE = re.compile(rf"{_CAP}(?:[ \t]+(?:(?:{_LINK})[ \t]+){{0,2}}{_CAP})*")
#: capitalised function words that never start a name: stripped from the front of a run
#: (``Die Regierung`` → ``Regierung`` with ``Die`` as its left context); months, titles and
#: ``Herr``/``Frau`` stay (``August Kopff``, ``Frau Müller``). Costs the rare name that starts
#: with one (``Die Zeit``, ``Der Tagesspiegel``: 4 of 1,207 PER/ORG spans of GermEval dev).
LEADING_STOP: frozenset[str] = STOP_CAPS - frozenset(
    [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
        "Herr",
        "Frau",
        "Dr",
        "Prof",
    ]
)
_TOKEN_RE = re.compile(rf"{_CAP}|[^\s]+")
_NEXT_RE = re.compile(r"\s*(\S+)")
_PUNCT_EDGE = ".,;:!?\"'„“”«»‚‘’()[]"


class Span(NamedTuple):
    start: int
    end: int
    text: str
    type: str  # "PER" | "ORG"


class Tok(NamedTuple):
    start: int
    end: int
    text: str


# --- Brown clusters ----------------------------------------------------------------------------
_CLUSTER_MASKS = (0xF, 0xFF, 0xFFF, 0xFFFF)


@lru_cache(maxsize=1)
def clusters() -> dict[str, int]:
    """Brown clusters of capitalised words from ``spacy-lookups-data`` (``de_lexeme_cluster``).

    Only words with a capital first letter are kept (about half; 0.2 s, ~40 MB): the tagger
    looks up no other word. Empty if the table is missing (the tagger then runs without it,
    less accurately).
    """
    try:
        import spacy_lookups_data
    except ImportError:  # pragma: no cover - a dependency of medialens
        return {}
    path = Path(spacy_lookups_data.__file__).parent / "data" / "de_lexeme_cluster.json.gz"
    if not path.exists():  # pragma: no cover
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        table = json.load(fh)
    return {w: c for w, c in table.items() if w[:1].isupper() and c}


def _cluster_feats(prefix: str, c: int | None) -> list[str]:
    if c is None:
        return [prefix + "none"]
    return [f"{prefix}{m}:{c & m}" for m in _CLUSTER_MASKS] + [f"{prefix}{c}"]


@lru_cache(maxsize=100_000)
def _shape(w: str) -> str:
    if w.isupper():
        return "AA" if len(w) > 1 else "A"
    if "-" in w:
        return "Aa-" + ("A" if w.rsplit("-", 1)[1][:1].isupper() else "a")
    if any(ch.isupper() for ch in w[1:]):
        return "AaA"
    if any(ch.isdigit() for ch in w):
        return "A9"
    return "Aa"


def word_features(w: str, cl: dict[str, int]) -> list[str]:
    """The features of one word on its own (cached per word via :class:`EntityTagger`)."""
    low = w.lower()
    feats = [
        "bias",
        "w=" + w,
        "s2=" + low[-2:],
        "s3=" + low[-3:],
        "s4=" + low[-4:],
        "p3=" + low[:3],
        "shape=" + _shape(w),
        "len=" + str(min(len(w), 12)),
    ]
    c = cl.get(w)
    feats += _cluster_feats("c", c)
    if c is None:
        if "-" in w:
            feats += _cluster_feats("ch", cl.get(w.rsplit("-", 1)[1]))
        elif w.endswith("s") and len(w) > 3:
            feats += _cluster_feats("cs", cl.get(w[:-1]))
    if w in GIVEN_NAMES:
        feats.append("given")
    if w in LINK_WORDS:
        feats.append("link=" + w)
    elif _is_role(w):
        feats.append("role")
    if w in STOP_CAPS:
        feats.append("stop")
    if w in _HEADS_AFTER:
        feats.append("head_after")
    if w in _HEADS_BEFORE:
        feats.append("head_before")
    if not w.isupper() and _one_word_org(w):
        feats.append("org_ending")
    return feats


def _ctx_word(w: str | None) -> str:
    if w is None:
        return "<s>"
    if w[:1] in _PUNCT_EDGE:
        return w[:1]
    return w if w[:1].isupper() else w.lower()


@lru_cache(maxsize=65536)
def run_flags(words: tuple[str, ...]) -> str:
    """What the whole run holds: an organisation head or ending (``o``), a given name (``g``),
    a role noun (``r``), and its length (1, 2, 3+)."""
    flags = ""
    if any(w in _HEADS_AFTER or w in _HEADS_BEFORE or _one_word_org(w) for w in words):
        flags += "o"
    if any(w in GIVEN_NAMES for w in words):
        flags += "g"
    if any(_is_role(w) for w in words):
        flags += "r"
    return flags + str(min(len(words), 3))


def context_features(
    prev: str | None,
    nxt: str | None,
    prev_label: str,
    w: str,
    cl: dict[str, int] | None = None,
    flags: str = "",
) -> list[str]:
    """Features from the neighbours (previous/next token text and its Brown cluster, previous
    tag)."""
    p = _ctx_word(prev)
    n = _ctx_word(nxt)
    feats = [
        "p=" + p,
        "n=" + n,
        "pl=" + prev_label,
        "pl_sh=" + prev_label + _shape(w),
        "rf=" + flags,
        "rf_pl=" + flags + prev_label,
    ]
    if p in REPORTING_FORMS or n in REPORTING_FORMS:
        feats.append("verb")
    if p == "<s>" or p in ".!?:":
        feats.append("sent_start")
        feats.append("sent_start_" + ("stop" if w in STOP_CAPS else "w"))
    if n[:1].isupper():
        feats.append("n_cap")
        if cl is not None:
            c = cl.get(n)
            feats.append("nc=" + ("none" if c is None else str(c & 0xFF)))
    if p[:1].isupper():
        feats.append("p_cap")
        if cl is not None:
            c = cl.get(p)
            feats.append("pc=" + ("none" if c is None else str(c & 0xFF)))
    return feats


# --- tokens around runs -----------------------------------------------------------------------
def runs(text: str) -> Iterator[tuple[list[Tok], str | None, str | None]]:
    """Runs of capitalised words: (tokens, the token before, the token after).

    A run inside a word (``xCDU``) is skipped; the neighbours are whitespace-separated
    pieces, so punctuation attached to a word (``Merkel,``) is not split off.
    """
    for m in RUN_RE.finditer(text):
        s, e = m.span()
        if s and (text[s - 1].isalnum() or text[s - 1] in "_-"):
            continue
        g = m.group()
        sp = g.find(" ")
        while sp > 0 and g[:sp] in LEADING_STOP:
            s += sp + 1
            g = g[sp + 1 :]
            sp = g.find(" ")
        toks = [Tok(t.start(), t.end(), t.group()) for t in _TOKEN_RE.finditer(text, s, e)]
        yield (toks, *_neighbours(text, s, e))


def _neighbours(text: str, s: int, e: int) -> tuple[str | None, str | None]:
    """The whitespace-separated pieces before ``s`` and after ``e`` (punctuation next to the
    run stands for its piece)."""
    j = s
    while j and text[j - 1] in " \t\n":
        j -= 1
    if j:
        i = max(text.rfind(" ", 0, j), text.rfind("\n", 0, j), text.rfind("\t", 0, j)) + 1
        prev: str | None = text[i:j]
    else:
        prev = None
    nm = _NEXT_RE.match(text, e)
    nxt = nm.group(1) if nm else None
    if prev is not None and prev[-1:] in _PUNCT_EDGE:
        prev = prev[-1:]
    if nxt is not None and nxt[:1] in _PUNCT_EDGE:
        nxt = nxt[:1]
    elif nxt is not None and e < len(text) and not text[e].isspace():
        nxt = text[e]  # punctuation right after the run
    return prev, nxt


def spans_from_labels(toks: list[Tok], labels: list[str], text: str) -> list[Span]:
    """BIO labels of a run's tokens → spans (link words never end a span)."""
    out: list[Span] = []
    cur: list[int] | None = None
    kind = ""

    def close() -> None:
        if cur is None:
            return
        i, j = cur
        while j > i and toks[j].text in LINK_WORDS:
            j -= 1
        if toks[i].text not in LINK_WORDS:
            s, e = toks[i].start, toks[j].end
            out.append(Span(s, e, text[s:e], kind))

    for k, lab in enumerate(labels):
        if lab.startswith("B-") or (lab.startswith("I-") and (cur is None or lab[2:] != kind)):
            close()
            cur, kind = [k, k], lab[2:]
        elif lab.startswith("I-") and cur is not None:
            cur[1] = k
        else:
            close()
            cur = None
    close()
    return out


# --- the tagger -------------------------------------------------------------------------------
class EntityTagger:
    """Greedy left-to-right tagger with a linear model; ``weights`` maps feature → 5 scores."""

    _CACHE_MAX = 200_000

    def __init__(
        self,
        weights: dict[str, list[float]],
        *,
        skip_margin: float = float("-inf"),
        gate: dict[str, float] | None = None,
        bias: list[float] | None = None,
        use_clusters: bool = True,
    ) -> None:
        self.weights = weights
        #: word-only weights of the gate (a binary perceptron: may this word begin a name?);
        #: a run none of whose words reaches ``skip_margin`` is dropped without its context
        self.gate = gate or {}
        #: added to the label scores before the decision (precision/recall trade-off; set by
        #: training, ``None`` = no bias)
        self.bias: list[float] | None = bias
        self._gate_cache: dict[str, float] = {}
        #: the gate threshold, set by training so that 99.5 % of the words the full tagger
        #: labels ``B-`` in the training data pass (``-inf``: never skip)
        self.skip_margin = skip_margin
        self.use_clusters = use_clusters
        self._word_cache: dict[str, list[float]] = {}
        #: context scores by (prev, next, previous label, shape, stop word): what
        #: :func:`context_features` depends on
        self._ctx_cache: dict[tuple, tuple[float, ...]] = {}
        self._cl: dict[str, int] | None = None

    @property
    def cl(self) -> dict[str, int]:
        if self._cl is None:
            self._cl = clusters() if self.use_clusters else {}
        return self._cl

    # -- scores
    def gate_score(self, w: str) -> float:
        """The gate's score of a word on its own (cached): high = may begin a name."""
        v = self._gate_cache.get(w)
        if v is None:
            get = self.gate.get
            v = sum(get(f, 0.0) for f in word_features(w, self.cl))
            if len(self._gate_cache) >= self._CACHE_MAX:
                self._gate_cache.clear()
            self._gate_cache[w] = v
        return v

    def _word_scores(self, w: str) -> list[float]:
        cached = self._word_cache.get(w)
        if cached is not None:
            return cached
        acc = [0.0] * len(LABELS)
        get = self.weights.get
        for f in word_features(w, self.cl):
            v = get(f)
            if v is not None:
                for i in range(len(LABELS)):
                    acc[i] += v[i]
        if len(self._word_cache) >= self._CACHE_MAX:
            self._word_cache.clear()
        self._word_cache[w] = acc
        return acc

    def _scores(
        self, w: str, prev: str | None, nxt: str | None, prev_label: str, flags: str
    ) -> list[float]:
        a = self._word_cache.get(w) or self._word_scores(w)
        key = (prev, nxt, prev_label, _shape(w), w in STOP_CAPS, flags)
        c = self._ctx_cache.get(key)
        if c is None:
            c0 = c1 = c2 = c3 = c4 = 0.0
            get = self.weights.get
            for f in context_features(prev, nxt, prev_label, w, self.cl, flags):
                v = get(f)
                if v is not None:
                    c0 += v[0]
                    c1 += v[1]
                    c2 += v[2]
                    c3 += v[3]
                    c4 += v[4]
            c = (c0, c1, c2, c3, c4)
            if len(self._ctx_cache) >= self._CACHE_MAX:
                self._ctx_cache.clear()
            self._ctx_cache[key] = c
        return [a[0] + c[0], a[1] + c[1], a[2] + c[2], a[3] + c[3], a[4] + c[4]]

    @staticmethod
    def best(scores: list[float], prev_label: str) -> str:
        """The best label allowed after ``prev_label`` (``I-X`` only after ``B-X``/``I-X``)."""
        best_i, best_v = 0, scores[0]
        for i in range(1, len(LABELS)):
            lab = LABELS[i]
            if lab[0] == "I" and prev_label[2:] != lab[2:]:
                continue
            if scores[i] > best_v:
                best_i, best_v = i, scores[i]
        return LABELS[best_i]

    def tag_run(self, toks: list[Tok], prev: str | None, nxt: str | None) -> list[str]:
        labels: list[str] = []
        prev_label = "O"
        n = len(toks)
        flags = run_flags(tuple(t.text for t in toks))
        for k, tok in enumerate(toks):
            p = toks[k - 1].text if k else prev
            q = toks[k + 1].text if k + 1 < n else nxt
            sc = self._scores(tok.text, p, q, prev_label, flags)
            if self.bias is not None:
                sc = [x + b for x, b in zip(sc, self.bias, strict=True)]
            if prev_label == "O":  # no I- label allowed
                lab = "O"
                best_v = sc[0]
                if sc[1] > best_v:
                    lab, best_v = "B-PER", sc[1]
                if sc[3] > best_v:
                    lab = "B-ORG"
            else:
                lab = self.best(sc, prev_label)
            labels.append(lab)
            prev_label = lab
        return labels

    def __call__(self, text: str) -> list[Span]:
        """Every PER/ORG span the model finds in ``text``.

        Same runs as :func:`runs`, inlined: a run is first checked against its words' cached
        own scores (``skip_margin``), before the neighbours are looked up.
        """
        out: list[Span] = []
        skip = self.skip_margin
        gcache = self._gate_cache
        gate = self.gate_score
        find = text.find
        cur = 0
        # ``findall`` (strings, no match objects) and ``str.find`` for the offsets: every
        # capital letter of the text starts a match or lies inside one and matches do not
        # overlap, so the first occurrence of a run's text at or after the previous run's end
        # is the run itself
        for g in RUN_RE.findall(text):
            s = find(g, cur)
            e = cur = s + len(g)
            if s and (text[s - 1].isalnum() or text[s - 1] in "_-"):
                continue
            sp = g.find(" ")
            while sp > 0 and g[:sp] in LEADING_STOP:
                s += sp + 1
                g = g[sp + 1 :]
                sp = g.find(" ")
            if sp < 0 and "\t" not in g:
                v = gcache.get(g)
                if (gate(g) if v is None else v) < skip:
                    continue
                toks = [Tok(s, e, g)]
            else:
                for w in g.split():
                    v = gcache.get(w)
                    if (gate(w) if v is None else v) >= skip:
                        break  # this word may begin a name
                else:
                    continue
                toks = [Tok(t.start(), t.end(), t.group()) for t in _TOKEN_RE.finditer(text, s, e)]
            prev, nxt = _neighbours(text, s, e)
            labels = self.tag_run(toks, prev, nxt)
            if any(lab != "O" for lab in labels):
                out.extend(spans_from_labels(toks, labels, text))
        return out

    # -- persistence
    def to_dict(self) -> dict:
        return {
            "features_version": FEATURES_VERSION,
            "labels": list(LABELS),
            "skip_margin": self.skip_margin,
            "gate": self.gate,
            "bias": self.bias,
            "weights": self.weights,
        }

    def save(self, path: str | Path) -> None:
        Path(path).write_text(
            json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":")),
            encoding="utf-8",
        )

    @classmethod
    def from_dict(cls, data: dict, *, source: str = "<weights>") -> EntityTagger:
        if data.get("features_version") != FEATURES_VERSION:
            raise ValueError(
                f"{source}: features_version {data.get('features_version')!r}, "
                f"expected {FEATURES_VERSION} (re-train with scripts/train_ner.py)"
            )
        if list(data.get("labels", ())) != list(LABELS):
            raise ValueError(f"{source}: labels {data.get('labels')!r}, expected {LABELS}")
        return cls(
            {k: list(v) for k, v in data["weights"].items()},
            skip_margin=float(data.get("skip_margin", float("-inf"))),
            gate={k: float(v) for k, v in data.get("gate", {}).items()},
            bias=data.get("bias"),
        )

    @classmethod
    def load(cls, path: str | Path = WEIGHTS_FILE) -> EntityTagger:
        p = Path(path)
        return cls.from_dict(json.loads(p.read_text(encoding="utf-8")), source=str(p))


@lru_cache(maxsize=1)
def default_tagger() -> EntityTagger:
    """The shipped tagger (loaded once per process)."""
    return EntityTagger.load(WEIGHTS_FILE)
