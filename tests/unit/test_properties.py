"""Property tests: the annotator and the ingest normaliser on arbitrary and hostile text.

Why: hand-written cases cover what we thought of; a corpus holds what nobody thought of.
For any text the annotator must not raise, every offset must lie in the text, spans must be
ordered and non-empty, and every ``text`` field must equal the slice it claims. The
normaliser must be idempotent and its offset map monotone and in range. ``max_examples`` is
kept moderate so the module runs in well under a minute; the pipeline is built once.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medialens.corpus.normalize import INVISIBLE, normalize_line, normalize_text
from medialens.nlp.serialize import annotate_doc
from medialens.nlp.types import KINDS, VOICES
from medialens.process import doc_rows

SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

#: Pieces of quote-mark soup: every German/French/English quotation mark, words, verbs of
#: saying, Konjunktiv forms, attribution phrases, punctuation and line breaks.
SOUP = [
    *"»«„“”\"‚‘’›‹'",
    "«",
    "»",
    " ",
    " ",
    " ",
    ", ",
    ". ",
    ": ",
    "? ",
    "! ",
    " – ",
    "\n",
    "\n\n",
    "sagte",
    "sagte er",
    "sagte Merz",
    "behauptete",
    "warnte",
    "kritisierte",
    "forderte",
    "warf ihm vor",
    "erklärte die Ministerin",
    "so Scholz",
    "laut SPD",
    "zufolge",
    "Friedrich Merz",
    "Die Grünen",
    "der Kanzler",
    "die Regierung",
    "sie",
    "er",
    "sei",
    "habe",
    "werde",
    "könne",
    "müsse",
    "seien",
    "dass",
    "Klimakrise",
    "Wutbürger",
    "Migrationskrise",
    "Sicherheit",
    "Wir",
    "nicht",
    "niemals",
    "Das ist falsch",
    "Dies sagte",
    "Zitat",
    "\u200b",
    "\u00a0",
]

soups = st.lists(st.sampled_from(SOUP), max_size=60).map("".join)
#: Arbitrary Unicode (no surrogates), sometimes with soup around it.
unicode_texts = st.text(max_size=200) | st.tuples(st.text(max_size=40), soups).map("".join)


@pytest.fixture(scope="module")
def pipeline() -> Any:
    from medialens.nlp import build_nlp

    return build_nlp()


def _check_span(text: str, start: Any, end: Any, what: str) -> None:
    assert isinstance(start, int) and isinstance(end, int), what
    assert 0 <= start < end <= len(text), f"{what}: [{start}, {end}) outside 0..{len(text)}"


def _check_spans(text: str, spans: Any, what: str) -> None:
    previous_end = -1
    for s, e in spans:
        _check_span(text, s, e, what)
        assert s >= previous_end, f"{what}: spans {spans} out of order or overlapping"
        previous_end = e


def check_doc(doc: Any) -> None:
    """Every invariant of the annotation records of one ``Doc``."""
    text = doc.text
    n_sents = sum(1 for _ in doc.sents) if doc.has_annotation("SENT_START") else 1
    quotes = doc._.ml_quotes or []
    for q in quotes:
        _check_span(text, q.start, q.end, f"quote {q}")
        assert q.spans, f"quote without spans: {q}"
        _check_spans(text, q.spans, f"quote {q}")
        assert (q.start, q.end) == (q.spans[0][0], q.spans[-1][1]), q
        assert q.text == " … ".join(text[s:e] for s, e in q.spans), q
        assert q.kind in KINDS, q
        assert 0 <= q.sentence_id < max(n_sents, 1), q
        if q.speaker is not None:
            sp = q.speaker
            _check_span(text, sp.start, sp.end, f"speaker {sp}")
            assert sp.text == text[sp.start : sp.end], sp
            if sp.resolved_start is not None:
                _check_span(text, sp.resolved_start, sp.resolved_end, f"resolved {sp}")
                assert sp.resolved == text[sp.resolved_start : sp.resolved_end], sp
        # the reporting verb (cue) and, for reported speech, the speech-act verb (act)
        for cue in (q.cue, getattr(q, "act", None)):
            if cue is None:
                continue
            _check_span(text, cue.start, cue.end, f"cue {cue}")
            if cue.spans:
                _check_spans(text, cue.spans, f"cue {cue}")
                assert (cue.start, cue.end) == (cue.spans[0][0], cue.spans[-1][1]), cue
                assert cue.text == " ".join(text[s:e] for s, e in cue.spans), cue
            else:
                assert cue.text == text[cue.start : cue.end], cue
            assert cue.lemma, cue
    scare = doc._.ml_scare_quotes or []
    for records, name in (
        (scare, "scare quote"),
        (doc._.ml_mentions, "mention"),
        (doc._.ml_framing, "frame hit"),
        (doc._.ml_candidates, "candidate"),
    ):
        previous = (-1, -1)
        for r in records or []:
            _check_span(text, r.start, r.end, f"{name} {r}")
            assert r.text == text[r.start : r.end], f"{name} {r}"
            assert (r.start, r.end) >= previous, f"{name}s out of order: {previous} then {r}"
            previous = (r.start, r.end)
    for m in doc._.ml_mentions or []:
        assert m.actor and 0 <= m.sentence_id < max(n_sents, 1), m
    for f in doc._.ml_framing or []:
        assert f.voice in VOICES, f
        assert f.quote_id is None or 0 <= f.quote_id < len(quotes), f


@pytest.mark.parametrize("text", ["„“", "Das ist »« falsch.", "Die »« Partei"])
def test_empty_quotation_marks_are_no_scare_quote(pipeline: Any, text: str) -> None:
    doc = pipeline(text)
    assert all(s.start < s.end for s in doc._.ml_scare_quotes)


def _annotate(pipeline: Any, text: str) -> None:
    doc = pipeline(text)
    check_doc(doc)
    # the JSON record and the store rows are built without error and stay consistent
    record = annotate_doc(doc, "x")
    json.dumps(record, ensure_ascii=False)
    rows = doc_rows(doc, "x")
    assert rows["article_counts"][0]["n_quotes"] == len(record["quotes"])


@SETTINGS
@given(unicode_texts)
def test_annotator_on_arbitrary_unicode(pipeline: Any, text: str) -> None:
    _annotate(pipeline, text)


@SETTINGS
@given(soups)
def test_annotator_on_quote_mark_soup(pipeline: Any, text: str) -> None:
    _annotate(pipeline, text)


@SETTINGS
@given(st.lists(soups, min_size=1, max_size=8))
def test_annotator_in_batches_equals_one_by_one(pipeline: Any, texts: list[str]) -> None:
    """``nlp.pipe`` (what ``medialens process`` uses) gives the same records as ``nlp``."""
    batch = [annotate_doc(d, "x") for d in pipeline.pipe(texts, batch_size=3)]
    single = [annotate_doc(pipeline(t), "x") for t in texts]
    assert batch == single


# -- the ingest normaliser ---------------------------------------------------------------

_INVISIBLE_CHARS = [chr(c) for c in range(0x2000, 0x2070)] + ["\u00ad", "\ufeff", "\x07", "\r"]
raw_texts = st.text(max_size=120) | st.text(
    alphabet=st.sampled_from([*"aÄß »«\n\t.", "\u0301", "\u0308", *_INVISIBLE_CHARS]),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(raw_texts)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize_text(text).text
    twice = normalize_text(once)
    assert twice.text == once
    assert twice.offsets.is_identity
    assert normalize_line(normalize_line(text)) == normalize_line(text)


@settings(max_examples=300, deadline=None)
@given(raw_texts, st.data())
def test_normalize_offset_map_is_consistent(text: str, data: st.DataObject) -> None:
    norm = normalize_text(text)
    out = norm.text
    assert unicodedata.is_normalized("NFC", out)
    assert not re.search(f"[{INVISIBLE}]", out)
    previous = 0
    for i in range(len(out) + 1):
        o = norm.offsets.to_original(i)
        assert previous <= o <= len(text)  # monotone, in range
        previous = o
    if out:
        start = data.draw(st.integers(0, len(out) - 1))
        end = data.draw(st.integers(start + 1, len(out)))
        o_start, o_end = norm.offsets.span_to_original(start, end)
        assert 0 <= o_start <= o_end <= len(text)
        # the original span, normalised, has exactly the normalised span's visible characters
        # (a span of whitespace only may map to an empty span: "\u2029" → "\n\n")
        visible = [ch for ch in out[start:end] if not ch.isspace()]
        assert o_start < o_end or not visible
        source = normalize_text(text[o_start:o_end]).text
        assert [ch for ch in source if not ch.isspace()] == visible
