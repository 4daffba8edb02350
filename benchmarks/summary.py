"""Markdown tables from benchmark result files (for ``benchmarks/README.md``).

Usage: ``python benchmarks/summary.py benchmarks/results/*.json``. Prints one block per
file and section found in it; figures are copied from the JSON, nothing is recomputed
except obvious ratios (shown with the inputs they come from).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def _row(*cells: object) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def machine(r: dict[str, Any]) -> list[str]:
    m = r["machine"]
    return [
        f"- created {r['created']}, command `{r['command']}`, took {r.get('duration_seconds')} s",
        f"- {m['cpu_model']}, {m['cpu_count_logical']} logical CPUs, {m['memory_total_mb']} MB RAM;"
        f" Python {m['python']}, spaCy {m['spacy']}, medialens {m['medialens']}"
        f" (code commit {str(m.get('code_commit'))[:12]} from `{m.get('medialens_path')}`)",
        f"- load average at start {m['load_average_at_start']}, at end "
        f"{m.get('load_average_at_end')}",
        f"- corpus: {r['corpus']['note']}",
    ]


def throughput(tp: dict[str, Any]) -> list[str]:
    out = [
        f"{tp['articles']} articles, {tp['tokens']:,} tokens, {tp['characters']:,} characters; "
        f"pipes: {', '.join(tp['pipes'])}",
        "",
        _row(
            "regime (CPU time)",
            "tokenizer.pipe tok/s",
            "make_doc tok/s",
            "nlp.pipe tok/s",
            "annotate_chunk tok/s",
            "ratio nlp.pipe",
            "ratio annotate_chunk",
        ),
        _row(*["---"] * 7),
    ]
    for regime in ("first_pass", "steady_state", "warm"):
        if regime not in tp:
            continue
        g = tp[regime]
        t = g["tokens_per_s"]
        out.append(
            _row(
                regime.replace("_", " "),
                f"{t['tokenizer_pipe']:,}",
                f"{t['make_doc']:,}",
                f"{t['pipeline']:,}",
                f"{t['annotate_chunk']:,}",
                f"{g['ratio_pipeline']:.2f}",
                f"**{g['ratio_annotate_chunk']:.2f}**",
            )
        )
    return out


def components(c: dict[str, Any]) -> list[str]:
    out = [
        f"{c['articles']} articles, {c['tokens']:,} tokens",
        "",
        _row(
            "step",
            "seconds (direct)",
            "µs/token",
            "share",
            "× make_doc",
            "marginal s (select_pipes)",
        ),
        _row(*["---"] * 6),
    ]
    marginal = c["marginal_seconds"]
    for name, sec in c["direct_seconds"].items():
        m = marginal.get("tokenizer" if name == "make_doc" else name, "")
        out.append(
            _row(
                name,
                f"{sec:.3f}",
                f"{c['direct_us_per_token'][name]:.2f}",
                f"{c['direct_share'][name]:.1%}",
                f"{c['relative_to_tokenizer'].get(name, 0):.2f}",
                f"{m:.3f}" if m != "" else "–",
            )
        )
    return out


def speedup(s: dict[str, Any]) -> list[str]:
    cli, eng = s["cli"], s["engine"]
    by_size = s.get("cli_by_size") or [cli]  # older result files: one size
    return [
        _row(
            "measurement",
            "articles",
            "1 process s",
            "2 processes s",
            "speed-up",
            "CPU s (1 / 2)",
            "CPU-bound limit",
        ),
        _row(*["---"] * 7),
        *(
            _row(
                "`medialens process --full`",
                c["articles"],
                c["n1"]["seconds"],
                c["n2"]["seconds"],
                f"**{c['speedup']:.2f}×**",
                f"{c['n1']['cpu_seconds']} / {c['n2']['cpu_seconds']}",
                f"{c['speedup_cpu_bound']:.2f}×" if "speedup_cpu_bound" in c else "–",
            )
            for c in by_size
        ),
        _row(
            "`run_local` (annotation only)",
            eng["articles"],
            eng["n1_seconds"],
            eng["n2_seconds"],
            f"{eng['speedup']:.2f}×",
            "–",
            "–",
        ),
        *(line for c in by_size for line in _capacity(c)),
        "",
        "CPU-bound limit: the 1-process time over half the 2-process run's CPU time, i.e. the "
        "speed-up two fully used cores would give for the CPU time the two processes needed.",
    ]


def _capacity(cli: dict[str, Any]) -> list[str]:
    """A note on the rounds and the machine's parallel capacity (newer result files)."""
    probes = cli.get("parallel_capacity")
    if not probes:
        return []
    cores = ", ".join(f"{p['cores']:.2f}" for p in probes)
    rounds = cli.get("rounds", 1)
    every = (
        f"; all rounds (s): 1 process {cli.get('n1_all_seconds')}, "
        f"2 processes {cli.get('n2_all_seconds')}"
        if rounds > 1
        else ""
    )
    return [
        "",
        f"{cli.get('articles')} articles: best of {rounds} interleaved round(s){every}. Parallel capacity (cores two busy "
        f"processes got; 2.0 = two free cores), before each round and after: {cores}.",
    ]


def scale(entries: list[dict[str, Any]]) -> list[str]:
    out = [
        _row(
            "articles",
            "tokens",
            "full run s",
            "tok/s",
            "peak RSS MB (tree)",
            "largest process MB",
            "store MB",
            "+1 % run s",
            "fraction",
            "incr. peak MB",
            "check",
        ),
        _row(*["---"] * 11),
    ]
    for e in entries:
        f, i = e["full"], e["incremental"]
        out.append(
            _row(
                f"{e['size']:,}",
                f"{f['tokens']:,}",
                f["seconds"],
                f"{f['tokens_per_s']:,}",
                f"**{f['peak_rss_mb']:.0f}**",
                f"{f['peak_rss_single_process_mb']:.0f}",
                f["store_mb"],
                i["seconds"],
                f"**{i['fraction_of_full']:.1%}**",
                f"{i['peak_rss_mb']:.0f}",
                i["check"],
            )
        )
    return out


def notebooks(r: dict[str, Any]) -> list[str]:
    out = [
        f"store: {r.get('notebooks_store_size'):,} articles",
        "",
        _row(
            "notebook", "notebook s (papermill + HTML)", "command s", "peak RSS MB (incl. kernel)"
        ),
        _row(*["---"] * 4),
    ]
    for nb in r["notebooks"]:
        out.append(
            _row(
                nb["notebook"],
                f"**{nb['notebook_seconds']}**",
                nb["seconds"],
                f"{nb['peak_rss_mb']:.0f}",
            )
        )
    return out


def render(path: Path) -> str:
    r = json.loads(path.read_text(encoding="utf-8"))
    lines = [f"### `{path.name}`", "", *machine(r), ""]
    if not r.get("complete"):
        lines += [f"**incomplete run**: {r.get('error', 'unknown')}", ""]
    for key, fn in (
        ("throughput", throughput),
        ("components", components),
        ("speedup", speedup),
        ("scale", scale),
    ):
        if r.get(key):
            lines += [f"#### {key}", "", *fn(r[key]), ""]
    if r.get("notebooks"):
        lines += ["#### notebooks", "", *notebooks(r), ""]
    if r.get("summary"):
        lines += ["#### targets", "", _row("figure", "value", "target", "ok"), _row(*["---"] * 4)]
        for name, t in r["summary"].items():
            lines.append(_row(name, t["value"], t["target"], "yes" if t["ok"] else "**no**"))
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    print("\n".join(render(Path(p)) for p in argv))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
