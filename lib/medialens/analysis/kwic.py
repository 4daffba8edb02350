"""Key word in context (KWIC) for quotes, actor mentions and frame terms, with a search.

Why spans, not a free-text grep: the keyword of a row is what the annotators found (a
quote, a mention, a frame term), so a KWIC row is a measurement you can check. The
``query`` filters these spans:

* empty: every span (newest articles first);
* ``/pattern/``: a regular expression (Python syntax, case-insensitive) searched in the
  span's text;
* otherwise a word or lemma, case-insensitive: it matches when it is a whole word of the
  span's text, or equals the span's lemma (frame term lemma, reporting-verb lemma of a
  quote), actor id or actor name.

Context is cut at word boundaries (never mid-word) and whitespace is collapsed.
Limit: the regex is applied in Python to at most ``scan_limit`` candidate spans (newest
first), so a rare pattern on a huge store may find fewer rows than exist.
"""

from __future__ import annotations

import re

import pandas as pd

from medialens.analysis.selection import ParameterError, Selection

KWIC_SOURCES: tuple[str, ...] = ("quotes", "mentions", "frames")
KWIC_COLUMNS: tuple[str, ...] = (
    "article_id",
    "outlet",
    "date",
    "left",
    "keyword",
    "right",
    "label",
    "detail",
)
_SPACE = re.compile(r"\s+")


def parse_query(query: str) -> tuple[str, re.Pattern[str] | None]:
    """``(kind, pattern)``: kind ``all``, ``regex`` or ``word``; a bad regex is a ParameterError."""
    text = (query or "").strip()
    if not text:
        return "all", None
    if len(text) >= 2 and text.startswith("/") and text.endswith("/"):
        try:
            return "regex", re.compile(text[1:-1], re.IGNORECASE)
        except re.error as exc:
            raise ParameterError(
                f"kwic_query {text!r} is not a valid regular expression: {exc}"
            ) from None
    return "word", re.compile(r"(?<!\w)" + re.escape(text) + r"(?!\w)", re.IGNORECASE)


def cut_left(text: str, width: int) -> str:
    """The last ``width`` characters of ``text``, starting at a word boundary."""
    text = _SPACE.sub(" ", text)
    if len(text) <= width:
        return text.lstrip()
    part = text[-width:]
    if not text[-width - 1].isspace():
        space = part.find(" ")
        part = part[space + 1 :] if space >= 0 else ""
    return "… " + part.lstrip() if part else "…"


def cut_right(text: str, width: int) -> str:
    """The first ``width`` characters of ``text``, ending at a word boundary."""
    text = _SPACE.sub(" ", text)
    if len(text) <= width:
        return text.rstrip()
    part = text[:width]
    if not text[width].isspace():
        space = part.rfind(" ")
        part = part[:space] if space >= 0 else ""
    return part.rstrip() + " …" if part else "…"


_SQL = {
    "quotes": """
        SELECT q.article_id, a.outlet, a.date, q.start, q."end", q.text AS span,
               q.cue_lemma AS lemma, q.actor, q.speaker_text AS speaker, q.cue_text AS cue,
               q.cue_category AS category, q.kind AS detail_kind
        FROM quotes q JOIN sel_articles a USING (article_id)
        WHERE {actor_filter}""",
    "mentions": """
        SELECT m.article_id, a.outlet, a.date, m.start, m."end", m.text AS span,
               NULL AS lemma, m.actor, NULL AS speaker, NULL AS cue, m.type AS category,
               m.match AS detail_kind
        FROM mentions m JOIN sel_articles a USING (article_id)
        WHERE m.actor IS NOT NULL AND {actor_filter}""",
    "frames": """
        SELECT f.article_id, a.outlet, a.date, f.start, f."end", f.text AS span,
               f.term AS lemma, f.frame AS actor, f.speaker AS speaker, NULL AS cue,
               f.voice AS category, NULL AS detail_kind
        FROM framing f JOIN sel_articles a USING (article_id)
        WHERE {frame_filter}""",
}


def kwic(
    sel: Selection,
    *,
    source: str = "quotes",
    query: str = "",
    limit: int = 50,
    width: int = 70,
    scan_limit: int = 20000,
) -> pd.DataFrame:
    """KWIC rows of ``source`` (quotes, mentions or frames) matching ``query``.

    Columns article_id, outlet, date, left, keyword, right, label (speaker and actor name
    for quotes, actor name for mentions, frame label for frames), detail (quote kind and
    reporting verb, match kind, or voice). Newest first, at most ``limit`` rows.
    """
    if source not in KWIC_SOURCES:
        raise ParameterError(
            f"kwic source {source!r} is not valid; valid values: {', '.join(KWIC_SOURCES)}"
        )
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ParameterError(f"kwic_rows must be a positive integer, got {limit!r}")
    if width < 10:
        raise ParameterError(f"kwic width must be >= 10 characters, got {width!r}")
    kind, pattern = parse_query(query)
    sql = _SQL[source].format(
        actor_filter=sel.actor_filter("actor"), frame_filter=sel.frame_filter("f.frame")
    )
    cands = sel.query(
        f"{sql} ORDER BY a.date DESC NULLS LAST, article_id, start LIMIT ?",
        [scan_limit if kind != "all" else limit],
    )
    if kind != "all" and len(cands):
        assert pattern is not None
        names = cands["actor"].map(
            lambda v: (sel.names.frame(v) if source == "frames" else sel.names.actor(v)) or ""
        )
        hit = cands["span"].fillna("").map(lambda t: bool(pattern.search(t)))
        if kind == "word":
            needle = query.strip().casefold()
            for col in (cands["lemma"], cands["actor"], names):
                hit |= col.fillna("").map(lambda v: str(v).casefold() == needle)
        cands = cands[hit.to_numpy()].head(limit)
    if cands.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in KWIC_COLUMNS})
    ids = sorted(set(cands["article_id"]))
    texts = dict(
        sel.con.execute(
            "SELECT article_id, text FROM articles WHERE list_contains(?, article_id)", [ids]
        ).fetchall()
    )
    rows = []
    for r in cands.itertuples(index=False):
        text = texts.get(r.article_id) or ""
        start, end = int(r.start), int(r.end)
        if source == "frames":
            label = sel.names.frame(r.actor) or ""
            detail = f"voice: {r.category}" if r.category else ""
        elif source == "mentions":
            label = sel.names.actor(r.actor) or ""
            detail = str(r.detail_kind or r.category or "")
        else:
            name = sel.names.actor(r.actor) if isinstance(r.actor, str) else None
            speaker = r.speaker if isinstance(r.speaker, str) else ""
            label = f"{speaker} ({name})" if name and name != speaker else (speaker or name or "")
            detail = " · ".join(
                str(v) for v in (r.detail_kind, r.cue, r.category) if isinstance(v, str) and v
            )
        rows.append(
            (
                r.article_id,
                r.outlet,
                r.date,
                cut_left(text[max(0, start - 3 * width) : start], width),
                _SPACE.sub(" ", text[start:end]).strip(),
                cut_right(text[end : end + 3 * width], width),
                label,
                detail,
            )
        )
    return pd.DataFrame(rows, columns=list(KWIC_COLUMNS))
