"""Poll RSS/Atom feeds and save each new article page once into the raw folder.

Why this shape: the raw folder stays the single input of ``ingest`` — a collected page is
an ``.html`` file under ``data/raw/<outlet>/YYYY/MM/`` that ingest reads like any saved page
(trafilatura, :mod:`medialens.corpus.formats`). Its first line is a comment with the URL and
the fetch time (and the HTTP charset, if the server sent one); the rest are the bytes as
served. A raw file is created once (``os.link`` of a finished temporary file, which fails
rather than overwrite) and never rewritten.

Deduplication: an article is skipped when its canonical URL (scheme and host lower-cased,
default port, fragment and tracking parameters such as ``utm_*`` dropped, query sorted) or
the sha256 of its normalised main text was seen before — so the same story under two URLs,
or one URL listed twice or in two feeds, is written once. What was seen is kept in
``<raw>/.collect/seen.jsonl`` (append-only; hidden folders are not read by ingest); the
feeds' ``ETag``/``Last-Modified`` validators in ``<raw>/.collect/state.json``.

Limits: only what the feed lists is collected (no crawling of links); a page that needs
JavaScript yields no text and is recorded as failed; the year/month folder comes from the
feed's date of the item, else the page's, else the fetch date.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from medialens.collect.http import Fetcher, FetchError

STATE_DIR = ".collect"
SEEN = "seen.jsonl"
STATE = "state.json"
#: Query parameters that only track the reader (dropped from canonical URLs).
TRACKING_PARAMS = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|wt_mc|wt_zmc|ref|ns_\w+)$")
_OUTLET_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


class Feed(NamedTuple):
    outlet: str
    url: str
    #: items read per poll (the newest first, as the feed lists them)
    max_items: int = 100
    #: line of the entry in feeds.yaml (for messages)
    line: int = 0


class FeedsError(ValueError):
    """feeds.yaml is missing or malformed; the message names file and line."""


def load_feeds(path: Path) -> list[Feed]:
    """Read ``feeds.yaml``: a top-level ``feeds:`` list of mappings with ``outlet`` and ``url``
    (optional ``max_items``); other keys are allowed and ignored."""
    import yaml

    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise FeedsError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        root = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise FeedsError(f"{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, dict) or not isinstance(data.get("feeds"), list):
        raise FeedsError(f"{path}: expected a top-level 'feeds:' list")
    nodes = next(v for k, v in root.value if k.value == "feeds").value  # type: ignore[union-attr]
    feeds = []
    for entry, node in zip(data["feeds"], nodes, strict=True):
        line = node.start_mark.line + 1
        if not isinstance(entry, dict):
            raise FeedsError(f"{path}:{line}: a feed is a mapping with 'outlet' and 'url'")
        outlet, url = entry.get("outlet"), entry.get("url")
        if not isinstance(outlet, str) or not _OUTLET_RE.match(outlet):
            raise FeedsError(
                f"{path}:{line}: 'outlet' must be a folder name (letters, digits, . _ -): "
                f"{outlet!r}"
            )
        if not isinstance(url, str) or urllib.parse.urlsplit(url).scheme not in ("http", "https"):
            raise FeedsError(f"{path}:{line}: 'url' must be an http(s) URL: {url!r}")
        max_items = entry.get("max_items", 100)
        if not isinstance(max_items, int) or max_items < 1:
            raise FeedsError(f"{path}:{line}: 'max_items' must be a positive integer")
        feeds.append(Feed(outlet, url, max_items, line))
    return feeds


def canonical_url(url: str) -> str:
    """The URL used to recognise an article again (see module docstring)."""
    parts = urllib.parse.urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = sorted(
        (k, v)
        for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
        if not TRACKING_PARAMS.match(k.lower())
    )
    return urllib.parse.urlunsplit(
        (scheme, host, parts.path or "/", urllib.parse.urlencode(query), "")
    )


@dataclass
class CollectSummary:
    feeds: int = 0
    unchanged: int = 0
    failed_feeds: int = 0
    items: int = 0
    new: int = 0
    duplicates: int = 0
    failed_pages: int = 0
    robots: int = 0
    requests: int = 0
    written: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"collect: {self.feeds} feed(s) ({self.unchanged} unchanged, {self.failed_feeds} "
            f"failed); {self.items} item(s): {self.new} new, {self.duplicates} duplicate(s), "
            f"{self.failed_pages} failed, {self.robots} disallowed by robots.txt; "
            f"{self.requests} request(s)"
        )


class _Seen:
    """What was collected before: canonical URLs and text hashes (append-only log)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.urls: set[str] = set()
        self.hashes: set[str] = set()
        if path.is_file():
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                try:
                    rec = json.loads(line)
                except ValueError:
                    continue  # a line cut by a crash: the next fetch records it again
                self.urls.update(u for u in rec.get("urls", []) if isinstance(u, str))
                if isinstance(rec.get("hash"), str):
                    self.hashes.add(rec["hash"])

    def add(self, urls: set[str], digest: str | None, raw_file: str | None, fetched: str) -> None:
        self.urls |= urls
        if digest:
            self.hashes.add(digest)
        rec = {"urls": sorted(urls), "hash": digest, "file": raw_file, "fetched": fetched}
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def collect(
    feeds: list[Feed],
    raw_dir: Path,
    *,
    fetcher: Fetcher | None = None,
    now: Any = _now,
) -> CollectSummary:
    """Poll ``feeds`` and write new articles under ``raw_dir``; never raises for a bad feed
    or page (each becomes a line in ``summary.errors``)."""
    import feedparser

    fetcher = fetcher or Fetcher()
    raw_dir = Path(raw_dir)
    state_dir = raw_dir / STATE_DIR
    state_dir.mkdir(parents=True, exist_ok=True)
    state = _read_state(state_dir / STATE)
    seen = _Seen(state_dir / SEEN)
    summary = CollectSummary(feeds=len(feeds))
    for feed in feeds:
        validators = state.get(feed.url, {})
        headers = {}
        if validators.get("etag"):
            headers["If-None-Match"] = validators["etag"]
        if validators.get("last_modified"):
            headers["If-Modified-Since"] = validators["last_modified"]
        try:
            resp = fetcher.get(feed.url, headers)
        except FetchError as exc:
            summary.failed_feeds += 1
            summary.errors.append(f"feed {feed.outlet}: {exc}")
            continue
        if resp.status == 304:
            summary.unchanged += 1
            continue
        # bytes in, so feedparser never fetches anything itself
        parsed = feedparser.parse(
            resp.body, response_headers={"content-type": resp.headers.get("content-type", "")}
        )
        if parsed.bozo and not parsed.entries:
            summary.failed_feeds += 1
            problem = getattr(parsed, "bozo_exception", "unreadable")
            summary.errors.append(
                f"feed {feed.outlet}: {feed.url}: not a readable feed ({problem})"
            )
            continue
        failed_before = summary.failed_pages
        for entry in parsed.entries[: feed.max_items]:
            summary.items += 1
            _collect_item(entry, feed, resp.url, raw_dir, fetcher, seen, summary, now)
        if summary.failed_pages == failed_before:
            # remember the validators only when every item was handled: otherwise the
            # next poll must see the feed again to retry the failed pages
            state[feed.url] = {
                "etag": resp.headers.get("etag"),
                "last_modified": resp.headers.get("last-modified"),
            }
            _write_state(state_dir / STATE, state)
    summary.requests = fetcher.requests
    return summary


def _collect_item(
    entry: Any,
    feed: Feed,
    feed_url: str,
    raw_dir: Path,
    fetcher: Fetcher,
    seen: _Seen,
    summary: CollectSummary,
    now: Any,
) -> None:
    from medialens.corpus.formats import extract_page
    from medialens.corpus.ingest import content_hash
    from medialens.corpus.normalize import normalize_text

    link = entry.get("link")
    if not link:
        summary.failed_pages += 1
        summary.errors.append(f"feed {feed.outlet}: an item without a link")
        return
    link = urllib.parse.urljoin(feed_url, link)
    urls = {canonical_url(link)}
    if urls & seen.urls:
        summary.duplicates += 1
        return
    if not fetcher.allowed(link):
        summary.robots += 1
        return
    try:
        page = fetcher.get(link)
    except FetchError as exc:
        if "robots.txt" in str(exc):  # a redirect into a disallowed path
            summary.robots += 1
        else:
            summary.failed_pages += 1
            summary.errors.append(f"page {feed.outlet}: {exc}")
        return
    fetched = now()
    urls.add(canonical_url(page.url))
    body = page.body
    charset = page.charset
    source: bytes | str = body
    if charset:
        try:
            source = body.decode(charset, errors="replace")
        except LookupError:
            charset = None  # an unknown charset name: let the extractor detect it
    extracted = extract_page(source, url=page.url)
    if extracted and extracted.get("url"):
        urls.add(canonical_url(str(extracted["url"])))
    text = normalize_text(str((extracted or {}).get("text") or "")).text
    stamp = fetched.isoformat().replace("+00:00", "Z")
    if not text:
        summary.failed_pages += 1
        summary.errors.append(f"page {feed.outlet}: {page.url}: no article text found")
        seen.add(urls, None, None, stamp)  # do not fetch it again every run
        return
    digest = content_hash(text)
    if digest in seen.hashes or (urls - {canonical_url(link)}) & seen.urls:
        summary.duplicates += 1
        seen.add(urls, digest, None, stamp)
        return
    date = _entry_date(entry) or (extracted or {}).get("date") or fetched.date()
    folder = raw_dir / feed.outlet / f"{date.year:04d}" / f"{date.month:02d}"
    name = f"{_slug(page.url)}-{digest[:10]}.html"
    header = (
        f'<!-- medialens-source url="{_attr(page.url)}" fetched="{stamp}" '
        f'outlet="{_attr(feed.outlet)}"'
        + (f' charset="{_attr(charset)}"' if charset else "")
        + " -->\n"
    ).encode()
    target = folder / name
    if not _create_once(target, header + body):
        summary.duplicates += 1
        return
    rel = target.relative_to(raw_dir).as_posix()
    seen.add(urls, digest, rel, stamp)
    summary.new += 1
    summary.written.append(rel)


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except (ValueError, AttributeError):
                continue
    return None


def _slug(url: str) -> str:
    path = urllib.parse.urlsplit(url).path.rstrip("/")
    last = path.rsplit("/", 1)[-1] or "index"
    last = re.sub(r"\.(?:s?html?|php|aspx?)$", "", last, flags=re.IGNORECASE)
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", last).strip("-")[:60]
    return slug or "article"


def _attr(value: str) -> str:
    """ASCII-only attribute text: non-ASCII percent-encoded, quotes escaped."""
    return urllib.parse.quote(value, safe=":/?&=%#;,+@!$'()*[]~._-")


def _create_once(target: Path, data: bytes) -> bool:
    """Create ``target`` with ``data`` unless it exists (never rewrite a raw file)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    try:
        os.link(tmp, target)
        return True
    except FileExistsError:
        return False
    finally:
        tmp.unlink(missing_ok=True)


def _read_state(path: Path) -> dict[str, dict[str, str | None]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_state(path: Path, state: dict[str, Any]) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(state, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)
