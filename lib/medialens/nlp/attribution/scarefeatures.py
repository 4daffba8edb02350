"""Features of a short quoted span, for a learned scare-quote decision on top of the rules.

Why a module of its own: three rounds of hand-written rules (:mod:`.scare` and its helper
modules) gained on the sets they were written on and hardly at all on text nobody tuned on
(issue #14, part 5). A small logistic regression over general features — the rules' own
decision and signals, the span's shape, its function words and its neighbours — is one way
to weigh those signals against each other instead of adding one more rule. This module only
describes a span; ``scripts/train_scare_model.py`` fits and cross-validates the weights.
Tried in the eleventh round and not adopted (``docs/actors.md``, "Scare quotes"): on held-out
readable folds the model learned the rules' decision back and did not beat it, so nothing in
the pipeline calls this module; it stays for the next attempt (new labelled data, new
signals) to start from.

Limits, first: the features are the ones :func:`.scare.classify_quoted` can see (the tokens
of one analysis unit with their lemmas, no part-of-speech tags, no entity spans), so "a
complete clause" is approximated by a finite auxiliary or pronoun inside, and "a name" by
capitals and the noun lexicon. Word lists here are closed-class German grammar (articles,
pronouns, prepositions, auxiliaries), never words taken from the labelled sets. Pure
functions: the same arguments give the same features.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from medialens.nlp.attribution.marks import QuotedRegion
from medialens.nlp.attribution.morphology import lexicon
from medialens.nlp.attribution.phrases import AUXILIARIES, PREPOSITIONS, PRONOUNS
from medialens.nlp.attribution.scare import _named_thing, _quoted_again, _speech_word
from medialens.nlp.attribution.scarecues import names_a_thing
from medialens.nlp.attribution.scaremention import mentioned_word
from medialens.nlp.attribution.scarenames import (
    _DIGIT,
    _FINAL_PUNCT,
    _SO_CALLED,
    _capitalised_phrase,
    _is_title,
    _name_position,
)
from medialens.nlp.attribution.scarephrases import is_quoted_noun_phrase, reported_sentence
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import ARTICLES, wordset

#: longest span (in words) the features are meant for
MAX_WORDS = 6
#: the labels of :func:`.scare.classify_quoted` that become one indicator each (``speech``
#: and ``strong_speech`` together: both make a quotation)
RULE_LABELS: tuple[str, ...] = ("speech", "scare_quote", "name_or_title", "none")
#: the feature names in a fixed order (the column order of the training script's features file)
FEATURE_NAMES: tuple[str, ...] = (
    # the rules' decision and signals
    "rule_speech",
    "rule_scare_quote",
    "rule_name_or_title",
    "rule_none",
    "rule_strong_speech",
    "sig_title",
    "sig_mentioned",
    "sig_named_thing",
    "sig_names_a_thing",
    "sig_noun_phrase",
    "sig_quoted_again",
    "sig_name_position",
    "sig_speech_word",
    "sig_reported_sentence",
    # the unit around the span
    "speech_context",
    "voiced_cue",
    "has_cue",
    "enumerated",
    # the span's shape
    "one_word",
    "two_words",
    "words",
    "final_punct",
    "comma_inside",
    "first_upper",
    "all_capitalised",
    "all_lower",
    "has_digit",
    "has_hyphen",
    "all_caps_word",
    "unknown_capitalised",
    "common_noun_head",
    # function words inside
    "article_inside",
    "pronoun_inside",
    "preposition_inside",
    "auxiliary_inside",
    "first_article",
    # the words around the marks
    "so_called_before",
    "article_before",
    "als_before",
    "preposition_before",
    "noun_before",
    "colon_before",
    "unit_initial",
    "hyphen_after",
    "paren_after",
    "name_after",
    "comma_after",
    "sentence_end_after",
)

#: *als* before the marks: a predicate (*bezeichnete es als „…“*, *gilt als „…“*)
_ALS = wordset("als wie")
#: personal, possessive and reflexive pronouns: inside a short span they make it a clause or
#: a speaker's phrase (*„wir schaffen das“*), rarely a name
_INNER_PRONOUNS = PRONOUNS | wordset(
    "mich mir dich dir uns euch sich ihm ihn ihnen mein meine sein seine ihre unser unsere du"
)


def span_features(
    toks: Sequence[Tok],
    text: str,
    r: QuotedRegion,
    *,
    unit_start: int,
    speech_context: bool,
    cue_lemmas: frozenset[str],
    enumerated: bool,
    voiced_cue: bool,
    rule_label: str,
) -> dict[str, float]:
    """The features (:data:`FEATURE_NAMES`, each 0/1 but ``words``) of quotation ``r``
    (marks included) in the unit whose tokens are ``toks``; the keyword arguments are those
    :func:`.scare.classify_quoted` was called with, ``rule_label`` its answer.

    Limits: meant for spans of at most six words (longer ones are speech or nothing and are
    not asked); the rule signals are asked again here, so each costs one more call per span.
    """
    inner = text[r.start + 1 : r.end - 1].strip()
    words = inner.split()
    lowers = [w.lower().strip(".,;:!?()") for w in words]
    n = len(words)
    prev = _token_before(toks, r)
    nxt = _token_after(toks, r)
    before = text[max(unit_start, r.start - 3) : r.start].strip()
    after = text[r.end : r.end + 2]
    alpha = [w for w in words if w[:1].isalpha()]
    head = words[-1].strip(".,;:!?()") if words else ""
    info = lexicon().lookup(head) if head[:1].isupper() else None
    f = {
        "rule_speech": rule_label in ("speech", "strong_speech"),
        "rule_scare_quote": rule_label == "scare_quote",
        "rule_name_or_title": rule_label == "name_or_title",
        "rule_none": rule_label == "none",
        "rule_strong_speech": rule_label == "strong_speech",
        "sig_title": _is_title(toks, text, r, speech_context=speech_context),
        "sig_mentioned": n > 0 and mentioned_word(text, r, unit_start, inner),
        "sig_named_thing": n > 0
        and _named_thing(toks, text, r, inner, speech_context=speech_context),
        "sig_names_a_thing": n > 0 and names_a_thing(inner, title_head=False),
        "sig_noun_phrase": is_quoted_noun_phrase(inner, max_words=6),
        "sig_quoted_again": n > 0 and _quoted_again(text, r),
        "sig_name_position": _name_position(toks, text, r),
        "sig_speech_word": _speech_word(toks, text, r, unit_start, cue_lemmas),
        "sig_reported_sentence": reported_sentence(toks),
        "speech_context": speech_context,
        "voiced_cue": voiced_cue,
        "has_cue": bool(cue_lemmas),
        "enumerated": enumerated,
        "one_word": n == 1,
        "two_words": n == 2,
        "words": min(n, 6) / 6,
        "final_punct": inner[-1:] in _FINAL_PUNCT,
        "comma_inside": "," in inner,
        "first_upper": inner[:1].isupper(),
        "all_capitalised": bool(alpha) and _capitalised_phrase(inner) and len(alpha) == n,
        "all_lower": bool(alpha) and all(w[:1].islower() for w in alpha),
        "has_digit": bool(_DIGIT.search(inner)),
        "has_hyphen": "-" in inner,
        "all_caps_word": any(len(w) > 1 and w.isupper() for w in words),
        "unknown_capitalised": head[:1].isupper() and info is None and head.isalpha(),
        "common_noun_head": info is not None and info.common,
        "article_inside": any(w in ARTICLES for w in lowers),
        "pronoun_inside": any(w in _INNER_PRONOUNS for w in lowers),
        "preposition_inside": any(w in PREPOSITIONS for w in lowers),
        "auxiliary_inside": any(w in AUXILIARIES for w in lowers),
        "first_article": bool(lowers) and lowers[0] in ARTICLES,
        "so_called_before": bool(_SO_CALLED.search(text, max(unit_start, r.start - 16), r.start)),
        "article_before": prev is not None and prev.lower in ARTICLES,
        "als_before": prev is not None and prev.lower in _ALS,
        "preposition_before": prev is not None and prev.lower in PREPOSITIONS,
        "noun_before": prev is not None
        and prev.text[:1].isupper()
        and prev.start > unit_start
        and prev.lower not in ARTICLES | PREPOSITIONS,
        "colon_before": before.endswith(":"),
        "unit_initial": not text[unit_start : r.start].strip(),
        "hyphen_after": after[:1] == "-",
        "paren_after": after.strip()[:1] == "(",
        "name_after": nxt is not None and nxt.text[:1].isupper() and nxt.start == r.end + 1,
        "comma_after": after[:1] == ",",
        "sentence_end_after": after[:1] in (".", "!", "?"),
    }
    return {k: float(f[k]) for k in FEATURE_NAMES}


def _token_before(toks: Sequence[Tok], r: QuotedRegion) -> Tok | None:
    """The last token that ends at or before the opening mark, or None at the unit's start."""
    k = bisect_right(toks, r.start, key=lambda t: t.end) - 1
    return toks[k] if k >= 0 else None


def _token_after(toks: Sequence[Tok], r: QuotedRegion) -> Tok | None:
    """The first token that starts after the closing mark, or None at the unit's end."""
    k = bisect_right(toks, r.end - 1, key=lambda t: t.start)
    while k < len(toks) and toks[k].start < r.end:
        k += 1
    return toks[k] if k < len(toks) else None
