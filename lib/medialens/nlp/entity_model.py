"""A fast person/organisation tagger over runs of capitalised words (GermEval-trained weights).

Why: the hand rules of :mod:`medialens.nlp.candidates` found 28 % of the persons and 17 % of the
organisations of GermEval 2014; a spaCy CNN NER is several times slower than our whole pipeline.
This tagger looks only at *runs* of capitalised words (found by one regex; linking words such as
``von``, ``für``, ``der`` may stand inside a run, and initials and regnal numbers such as
``W.``, ``II.``), plus the few lower-case organisation names of our list (``dpa``, ``taz``), and
tags their words with ``O``/``B-PER``/``I-PER``/``B-ORG``/``I-ORG`` by a linear model (a
structured averaged perceptron, decoded exactly with Viterbi per run) over sparse features
(:mod:`medialens.nlp.entity_features`): the word, its suffixes and shape, its Brown cluster
from ``spacy-lookups-data`` (1 million German words, MIT licence; surnames, given names, places
and companies fall into their own clusters), our given-name, role-noun, organisation-head,
organisation-name and organisation-ending lists, the pieces around it, the previous tag. The
weights are trained by ``scripts/train_ner.py`` on GermEval 2014 dev (CC BY 4.0) and shipped
as ``data/ner_weights.json``.

Speed: every feature group's score is computed once per distinct key and kept (bounded caches:
per word, suffix, cluster, left and right neighbour, shape and run flags); a run none of whose
words passes a word-only gate is dropped before its context is looked at (most capitalised
German words are common nouns). Everything about a run that does not depend on the pieces
around it (the gate, its words' scores and the scores of their neighbours inside the run, the
transitions) is kept per distinct run string, so a recurring run costs two look-ups and its
decoding; the sums are formed in the same order as without the caches, so the tags are the
same to the last bit. The runs, their neighbours and the decoder are in
:mod:`medialens.nlp.entity_runs`.

Limits: a name written in lower case and not in our list (``adidas``), names with digits
(``Schalke 04``) and names inside hyphenated compounds (``CDU-Chef``) are not found; the model
learnt from 2,200 sentences of news and Wikipedia, so unusual name types (bands, ships) are
weak, and long organisation names after a role noun (``Sprecher des Bundesamtes für …``) are
often missed. Figures in docs/actors.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from medialens.nlp.entity_features import (
    _LIST_FEATURES,
    _REV_ORG_ENDS,
    LINK_WORDS,
    cluster_features,
    clusters,
    form_features,
    left_features,
    right_features,
    run_flags,
    shape,
    suffix_features,
    transition_features,
)
from medialens.nlp.entity_runs import (
    _N,
    LABELS,
    LEADING_STOP,
    RUN_RE,
    Span,
    Tok,
    _greedy,
    _lowercase_runs,
    _neighbours,
    _run_tokens,
    _viterbi,
    decode,
    runs,
    spans_from_labels,
)
from medialens.nlp.name_words import (
    _HEADS_AFTER,
    _HEADS_BEFORE,
    _ORG_WORD_ENDINGS,
    _ROLE_ENDINGS,
    _ROLE_REV_RE,
    _TITLE_WORDS,
    ACRONYM_STOP,
    GIVEN_NAMES,
    STOP_CAPS,
)
from medialens.nlp.org_lexicon import ORG_COMPOUND_ENDINGS, org_ending_reversed

# re-exported: the tagger's public names (``scripts/train_ner.py``, :mod:`.entities`, tests)
__all__ = [
    "FEATURES_VERSION",
    "LABELS",
    "LEADING_STOP",
    "LINK_WORDS",
    "RUN_RE",
    "WEIGHTS_FILE",
    "EntityTagger",
    "Span",
    "Tok",
    "decode",
    "default_tagger",
    "runs",
    "spans_from_labels",
]

WEIGHTS_FILE = Path(__file__).parent / "data" / "ner_weights.json"
#: the version of the feature set; a weights file of another version is refused
FEATURES_VERSION = 5


# --- the tagger -------------------------------------------------------------------------------
_ZERO6 = (0.0,) * (_N + 1)
_MISS = object()
#: bits of a word for :func:`~medialens.nlp.entity_features.run_flags`: an organisation head
#: or one-word organisation (``o``), a given name (``g``), a role noun (``r``)
_FLAG_O, _FLAG_G, _FLAG_R = 1, 2, 4
_FLAG_TEXT = tuple(
    ("o" if b & _FLAG_O else "") + ("g" if b & _FLAG_G else "") + ("r" if b & _FLAG_R else "")
    for b in range(8)
)


#: the last three letters of the role-noun endings, the organisation word endings
#: (``_one_word_org``) and the organisation compound endings (``orgend=``): a word ending
#: otherwise matches none of them (each is three letters long or longer)
_ROLE_TAILS = frozenset(e[-3:] for e in _ROLE_ENDINGS)
_ORG_WORD_TAILS = frozenset(e[-3:] for e in _ORG_WORD_ENDINGS)
_ORG_END_TAILS = frozenset(e[-3:] for e in ORG_COMPOUND_ENDINGS)
assert min(map(len, (*_ROLE_ENDINGS, *_ORG_WORD_ENDINGS, *ORG_COMPOUND_ENDINGS))) >= 3


def _flags(bits: int, n_words: int) -> str:
    """``run_flags`` of a run of ``n_words`` words whose words' bits, or-ed, are ``bits``."""
    return _FLAG_TEXT[bits] + ("1", "2", "3")[min(n_words, 3) - 1]


class EntityTagger:
    """Linear tagger over runs of capitalised words; ``weights`` maps feature → 5 scores.

    Decoding is exact (Viterbi over the five tags of each word of a run, ``viterbi=True``, the
    default) or greedy left to right (:func:`decode`). The scores of each feature group (see
    :mod:`medialens.nlp.entity_features`) are summed once and kept in bounded caches: per word
    (with its gate score, its shape and the decision bias), per left neighbour, per right
    neighbour and per (shape, run flags) for the 5×5 transition scores. Tagging a run is then a
    handful of dictionary look-ups and additions per word.
    """

    _CACHE_MAX = 200_000

    def __init__(
        self,
        weights: dict[str, list[float]],
        *,
        skip_margin: float = float("-inf"),
        gate: dict[str, float] | None = None,
        bias: list[float] | None = None,
        use_clusters: bool = True,
        viterbi: bool = True,
    ) -> None:
        self.weights = weights
        #: word-only weights of the gate (a binary perceptron: may this word begin a name?);
        #: a run none of whose words reaches ``skip_margin`` is dropped without its context
        self.gate = gate or {}
        #: the gate threshold, set by training (``-inf``: never skip)
        self.skip_margin = skip_margin
        self.use_clusters = use_clusters
        self.viterbi = viterbi
        # feature -> (5 tag weights, gate weight): one look-up per feature
        table: dict[str, tuple[float, ...]] = {f: (*v, 0.0) for f, v in weights.items()}
        for f, g in self.gate.items():
            table[f] = (*table.get(f, _ZERO6)[:_N], g)
        self._table = table
        # the per-word features looked up by the word or its prefix itself (no feature string
        # built per new word) and the list features of each listed word, in their order
        self._w_table = {f[2:]: v for f, v in table.items() if f.startswith("w=")}
        self._p3_table = {f[3:]: v for f, v in table.items() if f.startswith("p3=")}
        self._list_vecs: dict[str, tuple[tuple[float, ...], ...]] = {
            w: vs
            for w, fs in _LIST_FEATURES.items()
            if (vs := tuple(filter(None, map(table.get, fs))))
        }
        self._role_vec = table.get("role")
        self._org_ending_vec = table.get("org_ending")
        self._cl: dict[str, int] | None = None
        self._bias: list[float] | None = None
        self.bias = bias

    @property
    def bias(self) -> list[float] | None:
        """Added to the five tag scores before the decision (precision/recall trade-off, set
        by training; ``None`` = none). Setting it empties the caches, which hold it."""
        return self._bias

    @bias.setter
    def bias(self, value: Sequence[float] | None) -> None:
        self._bias = None if value is None else [float(x) for x in value]
        # word -> (5 tag scores + bias, gate score, shape)
        self._word_cache: dict[str, tuple] = {}
        self._form_cache: dict[tuple[str, int], tuple[float, ...]] = {}
        self._suffix_cache: dict[str, tuple[float, ...]] = {}
        self._cluster_cache: dict[tuple[str, ...], tuple[float, ...]] = {}
        # cluster id -> the cluster features' scores (a word with a cluster of its own)
        self._cluster_id_cache: dict[int, tuple[float, ...]] = {}
        self._left_cache: dict[tuple[str | None, bool], tuple[float, ...]] = {}
        self._right_cache: dict[str | None, tuple[float, ...]] = {}
        # (shape, run flags) -> [previous tag][tag]
        self._trans_cache: dict[tuple[str, str], tuple[tuple[float, ...], ...]] = {}
        # run string -> its context-free part (:meth:`_run`), ``None`` for a gated-out run
        self._run_cache: dict[str, tuple | None] = {}
        # (run, tag path) -> spans relative to the run (:meth:`_run_spans`)
        self._spans_cache: dict[tuple[str, tuple[int, ...]], tuple] = {}

    @property
    def cl(self) -> dict[str, int]:
        if self._cl is None:
            self._cl = clusters() if self.use_clusters else {}
        return self._cl

    # -- scores
    def _sum(self, feats: Iterable[str]) -> tuple[float, ...]:
        """The summed (5 tags, gate) weights of ``feats``."""
        s0 = s1 = s2 = s3 = s4 = s5 = 0.0
        for v in filter(None, map(self._table.get, feats)):
            s0 += v[0]
            s1 += v[1]
            s2 += v[2]
            s3 += v[3]
            s4 += v[4]
            s5 += v[5]
        return (s0, s1, s2, s3, s4, s5)

    def _store(self, cache: dict, key: object, value: tuple) -> tuple:
        if len(cache) >= self._CACHE_MAX:
            cache.clear()
        cache[key] = value
        return value

    def _word(self, w: str) -> tuple:
        """(5 tag scores with the bias, gate score, shape, run-flag bits) of a word on its own:
        the sum of :func:`~medialens.nlp.entity_features.word_features`, group by group (the
        form, suffix and cluster groups are summed once per distinct key); the bits are what
        the word adds to :func:`~medialens.nlp.entity_features.run_flags` (:func:`_flags`).

        Why so unrolled: every capitalised word of a text passes through here once (the gate
        needs its score), about 27 new words per article in a long run; the word and prefix
        features are looked up by the word itself, the cluster scores by the cluster id and
        the list features from a table per word, instead of building their feature strings.
        The sums are formed in the same order as :func:`word_features` lists the features
        (form, suffixes, cluster, prefix, bias; then the word, the lists, role, organisation
        ending, ``orgend=``), so the scores are the same to the last bit.
        """
        # the shape of most words, ``Aa``, without the call: a lower-case rest equals its
        # ``lower()`` (no lower-case character changes under ``lower()``), see ``shape``
        sh = "Aa" if w[1:].islower() and w[:1].isupper() and w.isalpha() else shape(w)
        n = len(w)
        key = (sh, n if n < 12 else 12)
        form = self._form_cache.get(key)
        if form is None:
            form = self._store(self._form_cache, key, self._sum(form_features(*key)))
        last4 = w[-4:].lower()
        suf = self._suffix_cache.get(last4)
        if suf is None:
            suf = self._store(self._suffix_cache, last4, self._sum(suffix_features(last4)))
        cl = self._cl if self._cl is not None else self.cl
        c = cl.get(w)
        if c is not None:
            clu = self._cluster_id_cache.get(c)
            if clu is None:
                clu = self._store(self._cluster_id_cache, c, self._sum(cluster_features(w, cl)))
        else:
            cfeats = cluster_features(w, cl)
            clu = self._cluster_cache.get(cfeats)
            if clu is None:
                clu = self._store(self._cluster_cache, cfeats, self._sum(cfeats))
        p3 = self._p3_table.get(w[:3].lower(), _ZERO6)
        b = self._bias or _ZERO6
        s0 = form[0] + suf[0] + clu[0] + p3[0] + b[0]
        s1 = form[1] + suf[1] + clu[1] + p3[1] + b[1]
        s2 = form[2] + suf[2] + clu[2] + p3[2] + b[2]
        s3 = form[3] + suf[3] + clu[3] + p3[3] + b[3]
        s4 = form[4] + suf[4] + clu[4] + p3[4] + b[4]
        s5 = form[5] + suf[5] + clu[5] + p3[5]
        # the word itself and the list features (``lexical_features``): absent for most words
        extra: list[tuple[float, ...]] = []
        v = self._w_table.get(w)
        if v is not None:
            extra.append(v)
        vs = self._list_vecs.get(w)
        if vs is not None:
            extra.extend(vs)
        low = w.lower()
        rev = low[::-1]
        tail = low[-3:]  # every ending is 3 letters long or longer: a cheap test first
        # ``_is_role(w)`` and ``_one_word_org(w)``, also for the run flags (``bits``)
        role = (tail in _ROLE_TAILS and _ROLE_REV_RE.match(rev) is not None) or w in _TITLE_WORDS
        if role and self._role_vec is not None and w not in LINK_WORDS:
            extra.append(self._role_vec)
        if w.isupper():
            org = 3 <= n <= 6 and w.isalpha() and w not in ACRONYM_STOP
        else:
            org = (
                w[-3:] in _ORG_WORD_TAILS
                and w.endswith(_ORG_WORD_ENDINGS)
                and not rev.endswith(_REV_ORG_ENDS)
            )
            if org and self._org_ending_vec is not None:
                extra.append(self._org_ending_vec)
        e = org_ending_reversed(rev) if tail in _ORG_END_TAILS else None
        if e is not None:
            v = self._table.get("orgend=" + e)
            if v is not None:
                extra.append(v)
        for v in extra:
            s0 += v[0]
            s1 += v[1]
            s2 += v[2]
            s3 += v[3]
            s4 += v[4]
            s5 += v[5]
        bits = (
            (_FLAG_O if org or w in _HEADS_AFTER or w in _HEADS_BEFORE else 0)
            | (_FLAG_G if w in GIVEN_NAMES else 0)
            | (_FLAG_R if role else 0)
        )
        out = (s0, s1, s2, s3, s4, s5, sh, bits)
        if len(self._word_cache) >= self._CACHE_MAX:
            self._word_cache.clear()
        self._word_cache[w] = out
        return out

    def _left(self, p: str | None, stop: bool) -> tuple[float, ...]:
        return self._store(self._left_cache, (p, stop), self._sum(left_features(p, stop, self.cl)))

    def _right(self, q: str | None) -> tuple[float, ...]:
        return self._store(self._right_cache, q, self._sum(right_features(q, self.cl)))

    def _trans(self, word_shape: str, flags: str) -> tuple[tuple[float, ...], ...]:
        rows = tuple(self._sum(transition_features(pl, word_shape, flags))[:_N] for pl in LABELS)
        return self._store(self._trans_cache, (word_shape, flags), rows)

    def gate_score(self, w: str) -> float:
        """The gate's score of a word on its own (cached): high = may begin a name."""
        return (self._word_cache.get(w) or self._word(w))[_N]

    def tag_word(self, w: str, prev: str | None, nxt: str | None) -> str:
        """The tag of a one-word run (the same sums as :meth:`tag_run`, without lists)."""
        flags = run_flags((w,))
        a = self._word_cache.get(w) or self._word(w)
        stop = w in STOP_CAPS
        b = self._left_cache.get((prev, stop)) or self._left(prev, stop)
        c = self._right_cache.get(nxt) or self._right(nxt)
        t = (self._trans_cache.get((a[_N + 1], flags)) or self._trans(a[_N + 1], flags))[0]
        # ``decode`` of one word: the first best of O, B-PER, B-ORG
        best, best_v = "O", a[0] + b[0] + c[0] + t[0]
        v = a[1] + b[1] + c[1] + t[1]
        if v > best_v:
            best, best_v = "B-PER", v
        if a[3] + b[3] + c[3] + t[3] > best_v:
            best = "B-ORG"
        return best

    def tag_run(self, toks: list[Tok], prev: str | None, nxt: str | None) -> list[str]:
        """The tags of a run's words, ``prev``/``nxt`` being the pieces around it."""
        if len(toks) == 1:  # half of the runs: no lists, no decoder
            return [self.tag_word(toks[0].text, prev, nxt)]
        wc, lc, rc, tc = self._word_cache, self._left_cache, self._right_cache, self._trans_cache
        words = [t.text for t in toks]
        n = len(words)
        flags = run_flags(tuple(words))
        em = []
        tr = []
        for k, w in enumerate(words):
            a = wc.get(w) or self._word(w)
            p = words[k - 1] if k else prev
            stop = w in STOP_CAPS
            b = lc.get((p, stop)) or self._left(p, stop)
            q = words[k + 1] if k + 1 < n else nxt
            c = rc.get(q) or self._right(q)
            em.append(
                (
                    a[0] + b[0] + c[0],
                    a[1] + b[1] + c[1],
                    a[2] + b[2] + c[2],
                    a[3] + b[3] + c[3],
                    a[4] + b[4] + c[4],
                )
            )
            sh = a[_N + 1]
            tr.append(tc.get((sh, flags)) or self._trans(sh, flags))
        return [LABELS[i] for i in decode(em, tr, viterbi=self.viterbi)]

    @staticmethod
    def best(scores: list[float], prev_label: str) -> str:
        """The best label allowed after ``prev_label`` (``I-X`` only after ``B-X``/``I-X``)."""
        best_i, best_v = 0, scores[0]
        for i in range(1, _N):
            lab = LABELS[i]
            if lab[0] == "I" and prev_label[2:] != lab[2:]:
                continue
            if scores[i] > best_v:
                best_i, best_v = i, scores[i]
        return LABELS[best_i]

    def _run(self, raw: str) -> tuple | None:
        """What tagging the run ``raw`` (a match of :data:`RUN_RE`) needs besides the pieces
        around it, or ``None`` when no word of it passes the gate; cached per run string.

        Why: four in five runs are dropped by the gate, and most runs recur (names and common
        nouns are repeated within an article and across articles). Everything that does not
        depend on the run's neighbours is computed once per distinct run string: the leading
        capitalised function words stripped, the gate, the words' scores and the scores of
        their neighbours inside the run, the transition scores. The sums are formed in the
        same order as in :meth:`tag_word` and :meth:`tag_run` (``a + b + c`` left to right,
        then the transition), so scores and tags are the same to the last bit. Entries are
        tuples of numbers and strings only, which the garbage collector stops tracking (a
        cache of lists would be traversed by every full collection).

        A one-word run gives ``(off, word, a, stop, t)``: the word starts ``off`` characters
        into ``raw``; ``a`` its scores, ``stop`` whether it is a capitalised function word,
        ``t`` its transition row after ``O``. A longer run gives
        ``(off, g, stop0, a0, c0, inner, ab_last, trans)``: ``g`` the stripped run, ``a0`` and
        ``c0`` the scores of the first word and of its right neighbour, ``inner`` the
        emissions of the middle words, ``ab_last`` the last word's scores plus its left
        neighbour's, ``trans`` the transition matrices of the words.
        """
        off = 0
        g = raw
        sp = g.find(" ")
        while sp > 0 and g[:sp] in LEADING_STOP:
            off += sp + 1
            g = g[sp + 1 :]
            sp = g.find(" ")
        wc = self._word_cache
        skip = self.skip_margin
        out: tuple | None = None
        if sp < 0 and "\t" not in g:
            words = [g]  # one word (most runs)
        else:
            words = g.split()
            if len(words) == 1:
                # one word after a double space or a tab (``Die  Regierung``): the word
                # itself; the pieces around it are the same, whitespace is skipped
                off += len(g) - len(g.lstrip())
                g = words[0]
        if len(words) == 1:
            a = wc.get(g) or self._word(g)
            if a[_N] >= skip:
                flags = _flags(a[_N + 2], 1)
                t = (self._trans_cache.get((a[_N + 1], flags)) or self._trans(a[_N + 1], flags))[0]
                out = (off, g, a, g in STOP_CAPS, t)
        else:
            for w in words:
                if (wc.get(w) or self._word(w))[_N] >= skip:
                    out = self._multi_run(off, g, words)
                    break
        rc = self._run_cache
        if len(rc) >= self._CACHE_MAX:
            rc.clear()
        rc[raw] = out
        return out

    def _multi_run(self, off: int, g: str, words: list[str]) -> tuple:
        """The context-free part of a run of two or more words (see :meth:`_run`)."""
        wc, lc, rc, tc = self._word_cache, self._left_cache, self._right_cache, self._trans_cache
        a = [wc.get(w) or self._word(w) for w in words]
        bits = 0
        for v in a:
            bits |= v[_N + 2]
        flags = _flags(bits, len(words))
        # the left neighbour of word k > 0 and the right one of word k < n - 1: inside the run
        b = [None]
        c = []
        prev_w = words[0]
        for w in words[1:]:
            stop = w in STOP_CAPS
            b.append(lc.get((prev_w, stop)) or self._left(prev_w, stop))
            c.append(rc.get(w) or self._right(w))
            prev_w = w
        inner = []
        for k in range(1, len(words) - 1):
            x, y, z = a[k], b[k], c[k]
            inner.append(
                (
                    x[0] + y[0] + z[0],
                    x[1] + y[1] + z[1],
                    x[2] + y[2] + z[2],
                    x[3] + y[3] + z[3],
                    x[4] + y[4] + z[4],
                )
            )
        al, bl = a[-1], b[-1]
        ab_last = (al[0] + bl[0], al[1] + bl[1], al[2] + bl[2], al[3] + bl[3], al[4] + bl[4])
        trans = tuple([tc.get((v[_N + 1], flags)) or self._trans(v[_N + 1], flags) for v in a])
        return (off, g, words[0] in STOP_CAPS, a[0], c[0], tuple(inner), ab_last, trans)

    def _run_spans(self, g: str, path: tuple[int, ...]) -> tuple[tuple[int, int, str, str], ...]:
        """The spans of the run ``g`` tagged with ``path`` (indices into :data:`LABELS`), as
        ``(start, end, text, type)`` relative to ``g``: :func:`spans_from_labels` of the
        run's words (cached per run and path)."""
        toks = _run_tokens(g, g, 0)
        found = tuple(
            (x.start, x.end, x.text, x.type)
            for x in spans_from_labels(toks, [LABELS[i] for i in path], g)
        )
        sc = self._spans_cache
        if len(sc) >= self._CACHE_MAX:
            sc.clear()
        sc[g, path] = found
        return found

    def __call__(self, text: str) -> list[Span]:
        """Every PER/ORG span the model finds in ``text``.

        The same runs and tags as :func:`runs` with :meth:`tag_run`, but each distinct run
        string is prepared once (:meth:`_run`: the gate, the words' scores); per occurrence
        only the pieces around the run are looked up and the run decoded.
        """
        out: list[Span] = []
        rcache = self._run_cache
        lc, rc = self._left_cache, self._right_cache
        dec = _viterbi if self.viterbi else _greedy
        find = text.find
        cur = 0
        # ``findall`` (strings, no match objects) and ``str.find`` for the offsets: every
        # capital letter of the text starts a match or lies inside one and matches do not
        # overlap, so the first occurrence of a run's text at or after the previous run's end
        # is the run itself
        for raw in RUN_RE.findall(text):
            s = find(raw, cur)
            e = cur = s + len(raw)
            r = rcache.get(raw, _MISS)
            if r is None:
                continue  # no word may begin a name (wherever the run stands)
            if r is _MISS:
                r = self._run(raw)
                if r is None:
                    continue
            if s and (text[s - 1].isalnum() or text[s - 1] in "_-"):
                continue  # inside a word or a hyphenated compound
            s += r[0]
            prev, nxt = _neighbours(text, s, e)
            if len(r) == 5:  # one word: :meth:`tag_word`, the first best of O, B-PER, B-ORG
                _, g, a, stop, t = r
                b = lc.get((prev, stop)) or self._left(prev, stop)
                c = rc.get(nxt) or self._right(nxt)
                best_v = a[0] + b[0] + c[0] + t[0]
                v = a[1] + b[1] + c[1] + t[1]
                if v > best_v:
                    best_v = v
                    kind = "PER"
                else:
                    kind = ""
                if a[3] + b[3] + c[3] + t[3] > best_v:
                    kind = "ORG"
                if kind:
                    out.append(Span(s, e, g, kind))
                continue
            _, g, stop, a, c0, inner, ab, trans = r
            b = lc.get((prev, stop)) or self._left(prev, stop)
            c = rc.get(nxt) or self._right(nxt)
            path = dec(
                [
                    (
                        a[0] + b[0] + c0[0],
                        a[1] + b[1] + c0[1],
                        a[2] + b[2] + c0[2],
                        a[3] + b[3] + c0[3],
                        a[4] + b[4] + c0[4],
                    ),
                    *inner,
                    (ab[0] + c[0], ab[1] + c[1], ab[2] + c[2], ab[3] + c[3], ab[4] + c[4]),
                ],
                trans,
            )
            if any(path):
                key = (g, tuple(path))
                found = self._spans_cache.get(key) or self._run_spans(*key)
                for x0, x1, xt, xk in found:
                    out.append(Span(s + x0, s + x1, xt, xk))
        for toks, prev, nxt in _lowercase_runs(text):
            labels = self.tag_run(toks, prev, nxt)
            if labels[0] != "O":
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
            "decoder": "viterbi" if self.viterbi else "greedy",
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
            viterbi=data.get("decoder", "viterbi") == "viterbi",
        )

    @classmethod
    def load(cls, path: str | Path = WEIGHTS_FILE) -> EntityTagger:
        p = Path(path)
        return cls.from_dict(json.loads(p.read_text(encoding="utf-8")), source=str(p))


@lru_cache(maxsize=1)
def default_tagger() -> EntityTagger:
    """The shipped tagger (loaded once per process)."""
    return EntityTagger.load(WEIGHTS_FILE)
