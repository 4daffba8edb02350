"""Run a command as a subprocess and measure its wall time and peak memory.

Why polling: ``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` gives the largest single
descendant ever waited for, not the sum of a process and its workers at one moment, and
it never goes down between runs. Here a thread samples the RSS of the process and all its
descendants with psutil every ``interval`` seconds; the figure is the largest sum seen
(a spike shorter than the interval can be missed) plus the largest single process.
"""

from __future__ import annotations

import contextlib
import os
import platform
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import psutil

MB = 1024 * 1024


class RunResult(NamedTuple):
    seconds: float
    peak_rss_mb: float  # the process and its descendants, summed at one sample
    peak_rss_single_mb: float  # the largest single process
    cpu_seconds: float  # user + system time of the process and its waited-for descendants
    returncode: int
    stdout: str
    stderr: str


def _tree_rss(proc: psutil.Process) -> tuple[int, int]:
    procs = [proc]
    with contextlib.suppress(psutil.Error):
        procs += proc.children(recursive=True)
    total = largest = 0
    for p in procs:
        try:
            rss = p.memory_info().rss
        except psutil.Error:
            continue
        total += rss
        largest = max(largest, rss)
    return total, largest


def run_measured(
    cmd: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    interval: float = 0.05,
    timeout: float | None = None,
) -> RunResult:
    """Run ``cmd``; wall time from start to exit, peak RSS sampled every ``interval`` s."""
    peak = [0, 0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(cmd),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(env) if env is not None else None,
        cwd=cwd,
    )
    ps = psutil.Process(proc.pid)
    done = threading.Event()

    def poll() -> None:
        while not done.is_set():
            total, largest = _tree_rss(ps)
            peak[0] = max(peak[0], total)
            peak[1] = max(peak[1], largest)
            done.wait(interval)

    thread = threading.Thread(target=poll, daemon=True)
    thread.start()
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        stdout, stderr = proc.communicate()
        raise
    finally:
        done.set()
        thread.join()
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return RunResult(
        seconds=seconds,
        peak_rss_mb=peak[0] / MB,
        peak_rss_single_mb=peak[1] / MB,
        cpu_seconds=cpu,
        returncode=proc.returncode,
        stdout=stdout,
        stderr=stderr,
    )


def machine_info() -> dict[str, Any]:
    """What the figures were measured on (CPU, memory, versions, load)."""
    import pyarrow
    import spacy

    from medialens import __version__

    cpu_model = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import medialens

    return {
        "platform": platform.platform(),
        "python": sys.version.split()[0],
        "cpu_model": cpu_model,
        "cpu_count_logical": os.cpu_count(),
        "cpu_count_physical": psutil.cpu_count(logical=False),
        "memory_total_mb": round(psutil.virtual_memory().total / MB),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "medialens": __version__,
        "medialens_path": str(Path(medialens.__file__).parent),
        "git_commit": _git("rev-parse", "HEAD"),
        "code_commit": _code_commit(Path(medialens.__file__).parent),
        "git_dirty_files": len(
            (_git("status", "--porcelain", "--untracked-files=no") or "").splitlines()
        ),
        "spacy": spacy.__version__,
        "pyarrow": pyarrow.__version__,
    }


def _code_commit(package: Path) -> str | None:
    """The commit of the medialens code that ran: git in its checkout, else a ``COMMIT``
    file next to ``lib/`` (an exported snapshot, e.g. ``git archive HEAD lib``)."""
    commit = _git("rev-parse", "HEAD", cwd=package)
    if commit:
        dirty = _git("status", "--porcelain", "--untracked-files=no", "--", ".", cwd=package)
        return f"{commit}{'+dirty' if dirty else ''}"
    marker = package.parents[1] / "COMMIT"
    return marker.read_text().strip() if marker.is_file() else None


def _git(*args: str, cwd: Path | None = None) -> str | None:
    try:
        done = subprocess.run(
            ["git", *args],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
            cwd=cwd or Path(__file__).resolve().parent,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip()


def load_now() -> list[float]:
    """The 1/5/15-minute load averages (how busy the machine was around a measurement)."""
    return [round(x, 2) for x in os.getloadavg()]


_SPIN = "import time\nt = time.process_time()\ns = 0\nfor i in range({n}): s += i\n"


def parallel_capacity(loops: int = 10_000_000) -> dict[str, Any]:
    """How many cores two busy processes get right now: a pure-Python loop timed alone, then
    two copies at once (wall seconds). ``cores`` = 2 × solo / slower of the pair: 2.0 on two
    free cores, ≈ 1.0 when other work (or the host of a virtual machine) leaves about one.

    Why: a speed-up with 2 processes measured on a shared machine says as much about the
    machine's load as about the program; this figure, taken next to it, says which.
    """
    code = _SPIN.format(n=loops)
    cmd = [sys.executable, "-c", code]

    def wall(n: int) -> list[float]:
        start = time.perf_counter()
        procs = [subprocess.Popen(cmd) for _ in range(n)]
        ends = []
        for p in procs:
            p.wait()
            ends.append(time.perf_counter() - start)
        return ends

    solo = wall(1)[0]
    pair = wall(2)
    return {
        "solo_s": round(solo, 3),
        "pair_s": [round(x, 3) for x in pair],
        "cores": round(2 * solo / max(pair), 2),
        "load": load_now(),
    }
