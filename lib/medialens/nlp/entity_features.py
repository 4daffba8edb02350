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

from medialens.nlp.candidates import (
    _HEADS_AFTER,
    _HEADS_BEFORE,
    GIVEN_NAMES,
    REPORTING_FORMS,
    STOP_CAPS,
    _is_role,
    _one_word_org,
)
from medialens.nlp.org_lexicon import ORG_NAMES, ORG_NAMES_AMBIGUOUS, org_ending

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


def _cluster_feats(prefix: str, c: int | None) -> list[str]:
    if c is None:
        return [prefix + "none"]
    return [f"{prefix}{m}:{c & m}" for m in _CLUSTER_MASKS] + [f"{prefix}{c}"]


@lru_cache(maxsize=100_000)
def shape(w: str) -> str:
    """A coarse shape: ``a`` (lower case), ``A.`` (initial), ``I.`` (regnal number), ``A`` / ``AA`` (all caps), ``Aa-A`` / ``Aa-a`` (hyphenated, by the case
    of the last part), ``AaA`` (inner capital), ``A9`` (digits), ``Aa``."""
    if w[:1].islower():  # ``dpa`` (see ``entity_model._LOWER_RE``)
        return "a"
    if w[-1:] == ".":  # an initial or a regnal number (see ``entity_model.RUN_RE``)
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
    """The features of one word on its own (scored once per distinct word by the tagger)."""
    low = w.lower()
    feats = [
        "bias",
        "w=" + w,
        "s2=" + low[-2:],
        "s3=" + low[-3:],
        "s4=" + low[-4:],
        "p3=" + low[:3],
        "shape=" + shape(w),
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
    if _in_list(w, ORG_NAMES):
        feats.append("org_name")
    elif _in_list(w, ORG_NAMES_AMBIGUOUS):
        feats.append("org_name_amb")
    e = org_ending(w)
    if e is not None:
        feats.append("orgend=" + e)
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
