"""Features of the person/organisation tagger (:mod:`medialens.nlp.entity_model`).

Why a module of its own: training (``scripts/train_ner.py``) and tagging must build exactly
the same feature strings, and the tagger scores each *group* of features separately so that it
can keep the scores of every group in a cache keyed by the few strings the group depends on:

* **word** features (:func:`word_features`): the word itself, its suffixes, prefix, shape,
  Brown cluster, and membership in our lists (given names, role nouns, organisation heads and
  names, organisation compound endings); depend on the word only;
* **left** features (:func:`left_features`): the piece before the word (a word, punctuation or
  the sentence start), its cluster, a reporting verb, sentence start; depend on that piece and
  on whether the word is a capitalised function word;
* **right** features (:func:`right_features`): the piece after the word; depend on it only;
* **transition** features (:func:`transition_features`): the previous tag, with the word's
  shape and the run flags (:func:`run_flags`: what the whole run of capitalised words holds).

Limits: the Brown-cluster table (``de_lexeme_cluster`` of ``spacy-lookups-data``, MIT) is read
once per process (about 1 s, capitalised words only); without it the features still work, with
less accuracy. Lists: :mod:`medialens.nlp.org_lexicon` and :mod:`medialens.nlp.candidates`.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from pathlib import Path

from medialens.nlp.name_words import (
    _HEADS_AFTER,
    _HEADS_BEFORE,
    _ORG_WORD_ENDINGS,
    _ROLE_REV_RE,
    _TITLE_WORDS,
    GIVEN_NAMES,
    REPORTING_FORMS,
    STOP_CAPS,
    _is_role,
    _one_word_org,
)
from medialens.nlp.org_lexicon import ORG_NAMES, ORG_NAMES_AMBIGUOUS, org_ending_reversed

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
PUNCT_EDGE = ".,;:!?\"'„“”«»‚‘’()[]"
_CLUSTER_MASKS = (0xF, 0xFF, 0xFFF, 0xFFFF)
#: ``_one_word_org``'s test that a word does not *start* with an ending, on the reversed word
_REV_ORG_ENDS = tuple(e[::-1] for e in _ORG_WORD_ENDINGS)
_LEN_FEATURES = tuple(f"len={n}" for n in range(13))


@lru_cache(maxsize=1)
def clusters() -> dict[str, int]:
    """Brown clusters of capitalised words from ``spacy-lookups-data`` (``de_lexeme_cluster``).

    Only words with a capital first letter are kept (about 700,000; ~1 s): the tagger looks up
    no other word. Empty if the table is missing (the tagger then runs without it, less
    accurately).
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


@lru_cache(maxsize=8192)
def _cluster_feats(prefix: str, c: int | None) -> tuple[str, ...]:
    """The cluster's bit-prefix features (about 740 distinct clusters: built once each)."""
    if c is None:
        return (prefix + "none",)
    return (*(f"{prefix}{m}:{c & m}" for m in _CLUSTER_MASKS), f"{prefix}{c}")


@lru_cache(maxsize=100_000)
def shape(w: str) -> str:
    """A coarse shape: ``a`` (lower case), ``A.`` (initial), ``I.`` (regnal number), ``A`` / ``AA`` (all caps), ``Aa-A`` / ``Aa-a`` (hyphenated, by the case
    of the last part), ``AaA`` (inner capital), ``A9`` (digits), ``Aa``."""
    if w[:1].islower():  # ``dpa`` (see ``entity_runs._LOWER_RE``)
        return "a"
    if w[-1:] == ".":  # an initial or a regnal number (see ``entity_runs.RUN_RE``)
        return "A." if len(w) == 2 else "I."
    if w.isupper():
        return "AA" if len(w) > 1 else "A"
    if "-" in w:
        return "Aa-" + ("A" if w.rsplit("-", 1)[1][:1].isupper() else "a")
    if w[1:] != w[1:].lower():
        return "AaA"
    if not w.isalpha() and any(ch.isdigit() for ch in w):
        return "A9"
    return "Aa"


def _in_list(w: str, names: frozenset[str]) -> bool:
    """``w`` or ``w`` without a genitive ``s`` is in ``names``."""
    return w in names or (w[-1:] == "s" and w[:-1] in names)


def word_features(w: str, cl: dict[str, int]) -> list[str]:
    """The features of one word on its own, in groups that the tagger sums separately and
    caches by what each depends on: :func:`form_features` (shape and length),
    :func:`suffix_features` (last four letters), :func:`cluster_features`, the word and its
    prefix (one feature each), and the rarely present :func:`lexical_features`."""
    return [
        *form_features(shape(w), len(w)),
        "w=" + w,
        "p3=" + w[:3].lower(),
        *suffix_features(w[-4:].lower()),
        *cluster_features(w, cl),
        *lexical_features(w),
    ]


def form_features(word_shape: str, length: int) -> tuple[str, str, str]:
    """The constant ``bias``, the word's shape and its length (up to 12)."""
    return ("bias", "shape=" + word_shape, _LEN_FEATURES[min(length, 12)])


def _list_features(w: str) -> tuple[str, ...]:
    """The features of a word's membership in our word lists (role nouns excepted: those are
    a suffix test, see :func:`own_features`)."""
    feats = []
    if w in GIVEN_NAMES:
        feats.append("given")
    if w in LINK_WORDS:
        feats.append("link=" + w)
    if w in STOP_CAPS:
        feats.append("stop")
    if w in _HEADS_AFTER:
        feats.append("head_after")
    if w in _HEADS_BEFORE:
        feats.append("head_before")
    if _in_list(w, ORG_NAMES):
        feats.append("org_name")
    elif _in_list(w, ORG_NAMES_AMBIGUOUS):
        feats.append("org_name_amb")
    return tuple(feats)


#: :func:`_list_features` of every word that has any (a word not in this table has none): one
#: look-up instead of seven set tests per new word
_LIST_FEATURES: dict[str, tuple[str, ...]] = {
    w: f
    for w in (
        GIVEN_NAMES
        | LINK_WORDS
        | STOP_CAPS
        | _HEADS_AFTER
        | _HEADS_BEFORE
        | {x + s for x in ORG_NAMES | ORG_NAMES_AMBIGUOUS for s in ("", "s")}
    )
    if (f := _list_features(w))
}


def lexical_features(w: str) -> list[str]:
    """Membership in our lists (given names, linking words, capitalised function words,
    organisation heads and names), a role-noun ending, an organisation compound ending."""
    feats = list(_LIST_FEATURES.get(w, ()))
    rev = w.lower()[::-1]  # the suffix tests match reversed words (see ``_is_role``)
    if w not in LINK_WORDS and (_ROLE_REV_RE.match(rev) or w in _TITLE_WORDS):
        feats.append("role")  # = ``_is_role(w)``
    if not w.isupper() and w.endswith(_ORG_WORD_ENDINGS) and not rev.endswith(_REV_ORG_ENDS):
        feats.append("org_ending")  # = ``_one_word_org(w)``
    e = org_ending_reversed(rev)
    if e is not None:
        feats.append("orgend=" + e)
    return feats


def suffix_features(last4: str) -> tuple[str, str, str]:
    """The last two, three and four letters of a word (``last4``: its last four, lower case)."""
    return ("s2=" + last4[-2:], "s3=" + last4[-3:], "s4=" + last4)


def cluster_features(w: str, cl: dict[str, int]) -> tuple[str, ...]:
    """The word's Brown-cluster prefixes; without a cluster, those of the last part of a
    hyphenated word (``CDU-Politiker``) or of the word without a genitive ``s``."""
    c = cl.get(w)
    feats = _cluster_feats("c", c)
    if c is None:
        if "-" in w:
            feats += _cluster_feats("ch", cl.get(w.rsplit("-", 1)[1]))
        elif w.endswith("s") and len(w) > 3:
            feats += _cluster_feats("cs", cl.get(w[:-1]))
    return feats


def context_word(w: str | None) -> str:
    """A neighbouring piece as the features see it: ``<s>`` for none, punctuation as its first
    character, lower-cased unless capitalised."""
    if w is None:
        return "<s>"
    if w[:1] in PUNCT_EDGE:
        return w[:1]
    return w if w[:1].isupper() else w.lower()


def left_features(prev: str | None, stop: bool, cl: dict[str, int]) -> list[str]:
    """Features of the piece before a word (``stop``: the word is a capitalised function
    word, which matters at a sentence start)."""
    p = context_word(prev)
    feats = ["p=" + p]
    if p in REPORTING_FORMS:
        feats.append("verb_p")
    if p == "<s>" or p in ".!?:":
        feats.append("sent_start")
        feats.append("sent_start_" + ("stop" if stop else "w"))
    if p[:1].isupper():
        feats.append("p_cap")
        c = cl.get(p)
        feats.append("pc=" + ("none" if c is None else str(c & 0xFF)))
    return feats


def right_features(nxt: str | None, cl: dict[str, int]) -> list[str]:
    """Features of the piece after a word."""
    n = context_word(nxt)
    feats = ["n=" + n]
    if n in REPORTING_FORMS:
        feats.append("verb_n")
    if n[:1].isupper():
        feats.append("n_cap")
        c = cl.get(n)
        feats.append("nc=" + ("none" if c is None else str(c & 0xFF)))
    return feats


def transition_features(prev_label: str, word_shape: str, flags: str) -> list[str]:
    """Features of the previous tag, alone and with the word's shape and the run flags."""
    return [
        "pl=" + prev_label,
        "pl_sh=" + prev_label + word_shape,
        "rf=" + flags,
        "rf_pl=" + flags + prev_label,
    ]


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
