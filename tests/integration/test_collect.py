"""`medialens collect` against a local HTTP server (127.0.0.1 only, no other network)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from medialens.cli import main
from medialens.collect.collector import Feed, FeedsError, canonical_url, collect, load_feeds
from medialens.collect.http import Fetcher
from medialens.store import load_table

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))

import itertools

from feed_server import LATIN1, FeedServer, serving

INTERVAL = 0.05


def _fetcher() -> Fetcher:
    return Fetcher(timeout=0.5, retries=2, backoff=0.01, min_interval=INTERVAL)


def _feeds(srv: FeedServer) -> list[Feed]:
    return [
        Feed("beispiel", f"{srv.base}/feed.xml"),
        Feed("atom", f"{srv.base}/atom.xml"),
        Feed("kaputt", f"{srv.base}/broken.xml"),
        Feed("weg", f"{srv.base}/gone.xml"),
    ]


def _snapshot(raw: Path) -> dict[str, bytes]:
    return {
        p.relative_to(raw).as_posix(): p.read_bytes() for p in raw.rglob("*.html") if p.is_file()
    }


@pytest.fixture(scope="module")
def server() -> FeedServer:
    with serving(slow_seconds=1.5) as srv:
        yield srv  # type: ignore[misc]


def test_collect_writes_each_article_once(server: FeedServer, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    start = len(server.log)
    s = collect(_feeds(server), raw, fetcher=_fetcher())
    assert sorted(s.written) == [
        "atom/2025/09/b1-" + s.written[-1].split("-")[-1],
        *sorted(w for w in s.written if w.startswith("beispiel/")),
    ]
    names = sorted(Path(w).name.rsplit("-", 1)[0] for w in s.written)
    assert names == ["a1", "a2", "a3", "b1", "flaky", "latin1"]  # redirect -> a3; 503 retried
    assert (s.new, s.duplicates, s.robots, s.failed_feeds, s.failed_pages) == (6, 3, 1, 2, 4)
    errors = "\n".join(s.errors)
    for expected in (
        "missing.html: HTTP 404",
        "error.html: HTTP 500 after 3 tries",
        "slow.html: timed out after 0.5 s",
        "loop1: redirect loop",
        "broken.xml: not a readable feed",
        "gone.xml: HTTP 404",
    ):
        assert expected in errors
    log = server.log[start:]
    assert all(entry.user_agent.startswith("medialens/") for entry in log)
    assert "/private/secret.html" not in [e.path for e in log]  # robots.txt obeyed
    assert [e.path for e in log].count("/robots.txt") == 1
    times = sorted(e.at for e in log)
    # one host: requests never arrive closer together than the rate limit
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert min(gaps) > INTERVAL * 0.8
    first = (raw / s.written[0]).read_bytes()
    assert first.startswith(b'<!-- medialens-source url="http://127.0.0.1:')
    assert b' fetched="20' in first.split(b"\n", 1)[0]


def test_second_collect_rewrites_nothing_and_uses_conditional_get(
    server: FeedServer, tmp_path: Path
) -> None:
    raw = tmp_path / "raw"
    collect(_feeds(server), raw, fetcher=_fetcher())
    before = _snapshot(raw)
    mtimes = {p: (raw / p).stat().st_mtime_ns for p in before}
    start = len(server.log)
    s = collect(_feeds(server), raw, fetcher=_fetcher())
    assert (s.new, s.unchanged) == (0, 1)  # the Atom feed answered 304
    assert _snapshot(raw) == before
    assert {p: (raw / p).stat().st_mtime_ns for p in before} == mtimes
    paths = [e.path for e in server.log[start:]]
    assert "/b1.html" not in paths and "/a1.html" not in paths  # seen URLs are not fetched
    statuses = {e.path: e.status for e in server.log[start:]}
    assert statuses["/atom.xml"] == 304


def test_collected_pages_ingest_with_url_and_umlauts(
    server: FeedServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw, processed = tmp_path / "raw", tmp_path / "processed"
    assert (
        main(
            [
                "collect",
                "--feeds",
                str(_yaml(tmp_path, server)),
                "--raw",
                str(raw),
                "--timeout",
                "0.5",
                "--retries",
                "1",
                "--backoff",
                "0.01",
                "--min-interval",
                "0.05",
            ]
        )
        == 0
    )
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1].startswith("collect: 2 feed(s) (0 unchanged, 0 failed)")
    assert main(["ingest", "--raw", str(raw), "--processed", str(processed)]) == 0
    arts = load_table("articles", processed)
    assert len(arts) == 6 and set(arts["source_format"]) == {"html"}
    assert arts["url"].str.startswith(server.base).all()
    assert set(arts["outlet"]) == {"beispiel", "atom"}
    latin = arts[arts["title"] == LATIN1[0]]
    assert len(latin) == 1 and "Lärmschutz" in latin["text"].iloc[0]
    assert str(latin["date"].iloc[0]) == "2025-09-04"


def _yaml(tmp_path: Path, server: FeedServer) -> Path:
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "feeds:\n"
        f"  - outlet: beispiel\n    url: {server.base}/feed.xml\n"
        f"  - outlet: atom\n    url: {server.base}/atom.xml\n    max_items: 5\n"
        "    note: other keys are allowed\n"
    )
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("feeds: nope\n", "expected a top-level 'feeds:' list"),
        ("feeds:\n  - url: http://x/feed\n", ":2: 'outlet' must be a folder name"),
        (
            "feeds:\n  - outlet: a\n    url: http://x/f\n  - outlet: ../b\n    url: http://x/f\n",
            ":4: 'outlet'",
        ),
        (
            "feeds:\n  - outlet: a\n    url: file:///etc/passwd\n",
            ":2: 'url' must be an http(s) URL",
        ),
        ("feeds:\n  - outlet: a\n   url: [\n", "not valid YAML"),
    ],
)
def test_bad_feeds_yaml(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(text)
    with pytest.raises(FeedsError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_feeds(path)
    assert main(["collect", "--feeds", str(path), "--raw", str(tmp_path / "raw")]) == 2


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTP://Example.COM:80/a?b=2&a=1#top", "http://example.com/a?a=1&b=2"),
        ("https://example.com/a?utm_source=x&id=3", "https://example.com/a?id=3"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com/a?ref=rss", "https://example.com/a"),
        ("https://example.com/A", "https://example.com/A"),  # paths are case-sensitive
    ],
)
def test_canonical_url(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical
