"""Poll the RSS/Atom feeds of feeds.yaml and save each new article page once into data/raw.

  medialens collect --feeds feeds.yaml [--raw DIR]

feeds.yaml holds a top-level list ``feeds:`` of entries with ``outlet:`` (the folder under
data/raw) and ``url:`` (the feed), optionally ``max_items:``. Pages go to
data/raw/<outlet>/YYYY/MM/<slug>-<hash>.html with their URL and fetch time in the first
line; a raw file is never rewritten. Requests: user agent "medialens/<version>", robots.txt
obeyed, one request per host per --min-interval seconds, --timeout, --retries with
exponential back-off, conditional GET of feeds (ETag/Last-Modified).
Exit codes: 0 done (failed feeds or pages are listed on stderr); 1 every feed failed;
2 usage error (feeds.yaml missing or malformed); 75 another collect holds the raw folder.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--feeds", required=True, metavar="PATH", help="feeds.yaml")
    parser.add_argument(
        "--raw", metavar="DIR", help="raw data folder (default: data/raw, env MEDIALENS_RAW)"
    )
    add_fetch_arguments(parser)


def add_fetch_arguments(parser: argparse.ArgumentParser) -> None:
    """Politeness flags shared with ``medialens run``."""
    parser.add_argument(
        "--timeout", type=float, default=20.0, metavar="S", help="seconds per request (20)"
    )
    parser.add_argument(
        "--retries", type=int, default=3, metavar="N", help="retries after a failure (3)"
    )
    parser.add_argument(
        "--min-interval",
        type=float,
        default=1.0,
        metavar="S",
        help="seconds between two requests to one host (1; robots.txt Crawl-delay wins if longer)",
    )
    parser.add_argument(
        "--backoff", type=float, default=2.0, metavar="S", help="first retry delay, doubled (2)"
    )


def collect_from_args(args: argparse.Namespace, raw: Path) -> int:
    """Run the collector under the raw folder's lock; print errors and one summary line."""
    from medialens.cli import UsageError
    from medialens.collect.collector import STATE_DIR, FeedsError, collect, load_feeds
    from medialens.collect.http import Fetcher
    from medialens.lock import ExclusiveLock

    try:
        feeds = load_feeds(Path(args.feeds))
    except FeedsError as exc:
        raise UsageError(str(exc)) from None
    if args.timeout <= 0 or args.retries < 0 or args.min_interval < 0 or args.backoff < 0:
        raise UsageError("--timeout must be > 0; --retries, --min-interval, --backoff >= 0")
    raw.mkdir(parents=True, exist_ok=True)
    fetcher = Fetcher(
        timeout=args.timeout,
        retries=args.retries,
        backoff=args.backoff,
        min_interval=args.min_interval,
    )
    state = raw / STATE_DIR
    with ExclusiveLock(state / ".lock", state / "owner.json", what=f"the raw folder {raw}"):
        summary = collect(feeds, raw, fetcher=fetcher)
    for line in summary.errors:
        print(f"collect: {line}", file=sys.stderr)
    print(summary.line(), file=sys.stderr)
    return 1 if feeds and summary.failed_feeds == len(feeds) else 0


def run(args: argparse.Namespace) -> int:
    from medialens.config import get_settings

    settings = get_settings(raw_dir=args.raw)
    return collect_from_args(args, settings.raw_dir)
