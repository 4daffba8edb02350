"""One palette for every chart: the same category or outlet always has the same colour.

Why fixed assignments: a reader who learned "distancing is orange" in one chart must not
find it blue in the next. Stance categories, quote kinds and voices have fixed colours
(listed below); outlets and frames get theirs from their position in the sorted list of
*all* outlets / frames of the store (:func:`use_palette`, called once per notebook with
``sel.all_outlets``), so a filtered report keeps each outlet's colour. Any other value
(actors, periods) gets colours in the order it appears in a chart.
Limit: more than :data:`PALETTE` values of one kind repeat colours.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

#: colour-blind friendly categorical colours (Okabe–Ito, then Paul Tol's muted scheme)
PALETTE: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#56B4E9",
    "#F0E442",
    "#332288",
    "#88CCEE",
    "#44AA99",
    "#117733",
    "#999933",
    "#DDCC77",
    "#CC6677",
    "#882255",
    "#AA4499",
    "#000000",
    "#777777",
)
NEUTRAL_GREY = "#BBBBBB"

#: stance categories of reporting verbs (order of the bundled lexicon), ``none`` grey
STANCE_COLOURS: dict[str, str] = {
    "neutral": "#56B4E9",
    "emphatic": "#0072B2",
    "distancing": "#E69F00",
    "alarm": "#D55E00",
    "critical": "#CC6677",
    "demand": "#882255",
    "concessive": "#44AA99",
    "agreeing": "#009E73",
    "denying": "#332288",
    "epistemic": "#999933",
    "question": "#DDCC77",
    "expressive": "#CC79A7",
    "commissive": "#117733",
    "declarative": "#AA4499",
    "none": NEUTRAL_GREY,
}
KIND_COLOURS: dict[str, str] = {
    "direct": "#0072B2",
    "indirect": "#56B4E9",
    "reported": "#E69F00",
}
VOICE_COLOURS: dict[str, str] = {
    "journalist": "#777777",
    "direct": "#0072B2",
    "indirect": "#56B4E9",
    "reported": "#E69F00",
    "scare_quote": "#D55E00",
    "unknown": NEUTRAL_GREY,
}
_FIXED: dict[str, dict[str, str]] = {
    "cue_category": STANCE_COLOURS,
    "stance": STANCE_COLOURS,
    "kind": KIND_COLOURS,
    "voice": VOICE_COLOURS,
}
_REGISTERED: dict[str, dict[str, str]] = {"outlet": {}, "frame": {}}


def use_palette(*, outlets: Iterable[str] = (), frames: Iterable[str] = ()) -> None:
    """Fix the colours of the store's outlets and frames (display names) for this session."""
    _REGISTERED["outlet"] = {o: PALETTE[i % len(PALETTE)] for i, o in enumerate(sorted(outlets))}
    _REGISTERED["frame"] = {f: PALETTE[i % len(PALETTE)] for i, f in enumerate(sorted(frames))}


def colour_map(kind: str | None, values: Sequence[object]) -> dict[str, str]:
    """``{value: colour}`` for the values of column ``kind`` (fixed where known)."""
    fixed = {**_FIXED.get(kind or "", {}), **_REGISTERED.get(kind or "", {})}
    out: dict[str, str] = {}
    free = [c for c in PALETTE if c not in fixed.values()] or list(PALETTE)
    i = 0
    for value in dict.fromkeys(str(v) for v in values):
        if value in fixed:
            out[value] = fixed[value]
        else:
            out[value] = free[i % len(free)]
            i += 1
    return out
