"""A polite HTTP client for collecting: user agent, timeouts, retries with back-off, a
per-host rate limit, robots.txt and bounded redirects and sizes (standard library only).

Why ``urllib`` and no session library: the needs are few and must all be explicit (every
request passes the rate limit and robots.txt check); ``urllib.robotparser`` is the standard
robots.txt parser. Limits: no HTTP/2, no cookies, no JavaScript; pages that need them are
not collected.
"""

from __future__ import annotations

import email.utils
import time
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from medialens import __version__

USER_AGENT = f"medialens/{__version__} (research news collector; +https://github.com/medialens)"
#: Product token matched against robots.txt ``User-agent`` lines.
ROBOTS_AGENT = "medialens"
#: Largest response body read (bytes); larger pages are refused.
MAX_BYTES = 10 * 1024 * 1024
#: Redirects followed per request (a loop ends here).
MAX_REDIRECTS = 5
#: HTTP statuses worth retrying.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class FetchError(Exception):
    """A request that failed for good (after retries); the message names URL and cause."""


class Response(NamedTuple):
    url: str  # final URL after redirects
    status: int  # 200 or 304
    body: bytes
    headers: Mapping[str, str]

    @property
    def charset(self) -> str | None:
        ctype = self.headers.get("content-type", "")
        for part in ctype.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                return value.strip("\"'").lower()
        return None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects are followed by :meth:`Fetcher.get` itself (counted, re-checked)."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


@dataclass
class Fetcher:
    """GET with the collector's rules. ``sleep``/``clock`` are injectable for tests."""

    timeout: float = 20.0
    retries: int = 3
    backoff: float = 2.0  # seconds before the first retry, doubled each time
    min_interval: float = 1.0  # seconds between two requests to one host
    user_agent: str = USER_AGENT
    respect_robots: bool = True
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    _last: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    _opener: urllib.request.OpenerDirector = field(
        default_factory=lambda: urllib.request.build_opener(_NoRedirect())
    )
    #: requests actually sent (for the run summary)
    requests: int = 0

    # -- rules ---------------------------------------------------------------------------
    def _wait_for_host(self, host: str) -> None:
        interval = max(self.min_interval, self._crawl_delay(host))
        last = self._last.get(host)
        if last is not None:
            wait = last + interval - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last[host] = self.clock()

    def _crawl_delay(self, host: str) -> float:
        rp = self._robots.get(host)
        if rp is None:
            return 0.0
        delay = rp.crawl_delay(ROBOTS_AGENT)
        return float(delay) if delay else 0.0

    def allowed(self, url: str) -> bool:
        """robots.txt of the URL's host allows it (fetched once per host; missing = allowed;
        unreachable or a server error = disallowed, as the robots standard asks)."""
        if not self.respect_robots:
            return True
        parts = urllib.parse.urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._robots:
            rp = urllib.robotparser.RobotFileParser()
            try:
                resp = self._get_once(f"{host}/robots.txt", {}, robots=True)
                rp.parse(resp.body.decode("utf-8", "replace").splitlines())
            except _HTTPStatus as exc:
                if 400 <= exc.status < 500:
                    rp.allow_all = True
                else:
                    rp.disallow_all = True
            except _Redirect:
                rp.allow_all = True  # a redirected robots.txt is not followed: no rules
            except FetchError:
                rp.disallow_all = True
            self._robots[host] = rp
        rp = self._robots[host]
        return rp is None or rp.can_fetch(ROBOTS_AGENT, url)

    # -- requests ------------------------------------------------------------------------
    def get(self, url: str, headers: Mapping[str, str] | None = None) -> Response:
        """GET ``url`` following up to :data:`MAX_REDIRECTS` redirects, each hop checked
        against robots.txt; retries on timeouts, connection errors and 429/5xx."""
        seen = []
        for _ in range(MAX_REDIRECTS + 1):
            if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
                raise FetchError(f"{url}: not an http(s) URL")
            if not self.allowed(url):
                raise FetchError(f"{url}: disallowed by robots.txt")
            seen.append(url)
            try:
                return self._get_retrying(url, headers or {})
            except _Redirect as redirect:
                url = urllib.parse.urljoin(url, redirect.location)
                if url in seen:
                    raise FetchError(
                        f"{seen[0]}: redirect loop ({' -> '.join(seen)} -> {url})"
                    ) from None
        raise FetchError(f"{seen[0]}: more than {MAX_REDIRECTS} redirects")

    def _get_retrying(self, url: str, headers: Mapping[str, str]) -> Response:
        delay = self.backoff
        for attempt in range(self.retries + 1):
            try:
                return self._get_once(url, headers)
            except _HTTPStatus as exc:
                if exc.status not in RETRY_STATUSES or attempt == self.retries:
                    raise FetchError(
                        f"{url}: HTTP {exc.status}"
                        + (f" after {attempt + 1} tries" if attempt else "")
                    ) from None
                wait = max(delay, exc.retry_after or 0.0)
            except FetchError as exc:
                if attempt == self.retries or not getattr(exc, "transient", False):
                    raise FetchError(
                        f"{exc} after {attempt + 1} tries" if attempt else str(exc)
                    ) from None
                wait = delay
            self.sleep(wait)
            delay *= 2
        raise AssertionError("unreachable")  # pragma: no cover

    def _get_once(self, url: str, headers: Mapping[str, str], *, robots: bool = False) -> Response:
        parts = urllib.parse.urlsplit(url)
        self._wait_for_host(parts.netloc)
        request = urllib.request.Request(
            url, headers={"User-Agent": self.user_agent, "Accept-Encoding": "identity", **headers}
        )
        self.requests += 1
        try:
            with self._opener.open(request, timeout=self.timeout) as resp:
                body = resp.read(MAX_BYTES + 1)
                if len(body) > MAX_BYTES:
                    raise FetchError(f"{url}: larger than {MAX_BYTES // 1_000_000} MB, skipped")
                return Response(
                    resp.geturl(),
                    resp.status,
                    body,
                    {k.lower(): v for k, v in resp.headers.items()},
                )
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                return Response(url, 304, b"", {k.lower(): v for k, v in exc.headers.items()})
            if exc.code in (301, 302, 303, 307, 308) and exc.headers.get("Location"):
                raise _Redirect(exc.headers["Location"]) from None
            raise _HTTPStatus(exc.code, _retry_after(exc.headers.get("Retry-After"))) from None
        except TimeoutError as exc:
            raise _transient(f"{url}: timed out after {self.timeout:g} s") from exc
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError):
                raise _transient(f"{url}: timed out after {self.timeout:g} s") from None
            raise _transient(f"{url}: {reason}") from None
        except (ConnectionError, OSError) as exc:
            raise _transient(f"{url}: {exc}") from None


class _Redirect(Exception):
    def __init__(self, location: str) -> None:
        self.location = location


class _HTTPStatus(Exception):
    def __init__(self, status: int, retry_after: float | None) -> None:
        self.status = status
        self.retry_after = retry_after


def _transient(message: str) -> FetchError:
    exc = FetchError(message)
    exc.transient = True  # type: ignore[attr-defined]
    return exc


def _retry_after(value: str | None, *, cap: float = 120.0) -> float | None:
    """Seconds of a ``Retry-After`` header (number or HTTP date), capped."""
    if not value:
        return None
    if value.strip().isdigit():
        return min(float(value), cap)
    try:
        when = email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return None
    return max(0.0, min(when - time.time(), cap))
