"""Open the reports in a real headless Chromium: charts render, no errors, no network, no XSS.

Needs Debian's ``chromium`` at /usr/bin/chromium (``.ci/run`` installs it) and the Python
``playwright`` package (no browser download: we drive the system Chromium). Without a browser
the test is skipped with a message — except in CI (env ``CI`` set), where it fails.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))

from report_run import report_run

from medialens.reports.runner import NOTEBOOKS

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("reports"), pytest.mark.slow]

CHROMIUM = Path(os.environ.get("MEDIALENS_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
LOCAL = ("file:", "data:", "blob:", "about:")


def _browser_or_skip():
    problem = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        problem = "the Python package 'playwright' is not installed"
        sync_playwright = None
    if problem is None and not CHROMIUM.is_file():
        found = shutil.which("chromium")
        problem = f"no Chromium at {CHROMIUM}" + (
            f" (found {found}; set MEDIALENS_CHROMIUM)" if found else ""
        )
    if problem:
        message = f"browser test needs headless Chromium: {problem}; install it with `apt-get install chromium`"
        if os.environ.get("CI"):
            pytest.fail(f"{message} (CI must run this test)")
        pytest.skip(message)
    return sync_playwright


@pytest.fixture(scope="module")
def browser():
    sync_playwright = _browser_or_skip()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    return report_run(tmp_path_factory.mktemp("shared-report"))


class PageLog:
    def __init__(self) -> None:
        self.console: list[str] = []
        self.errors: list[str] = []
        self.remote: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []


def _open(browser, path: Path, *, width: int = 1200, height: int = 900):
    context = browser.new_context(
        viewport={"width": width, "height": height}, java_script_enabled=True
    )
    page = context.new_page()
    log = PageLog()

    def route(r):
        url = r.request.url
        log.requests.append(url)
        if url.startswith(LOCAL):
            r.continue_()
        else:
            log.remote.append(url)
            r.abort()

    context.route("**/*", route)
    page.on(
        "console",
        lambda m: log.console.append(f"{m.type}: {m.text}") if m.type == "error" else None,
    )
    page.on("pageerror", lambda e: log.errors.append(str(e)))

    def on_dialog(d):
        log.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", on_dialog)
    page.goto(path.as_uri(), wait_until="load")
    page.wait_for_function("document.readyState === 'complete'")
    return context, page, log


@pytest.mark.parametrize("name", [n for n in NOTEBOOKS if n != "05_article_view"])
def test_charts_render_without_errors_or_network(browser, run, name):
    context, page, log = _open(browser, run.run_dir / f"{name}.html")
    try:
        page.wait_for_selector(".plotly-graph-div .main-svg", timeout=15000)
        divs = page.locator(".plotly-graph-div").count()
        rendered = page.evaluate(
            "() => [...document.querySelectorAll('.plotly-graph-div')].filter(d => d.querySelector('svg.main-svg') && d._fullLayout).length"
        )
        assert divs >= 3 and rendered == divs, f"{rendered}/{divs} charts rendered"
        bars_or_lines = page.locator(".plotly-graph-div .trace path").count()
        assert bars_or_lines > 0
        assert page.evaluate("() => typeof window.Plotly === 'object'")
        assert not log.errors and not log.console, (log.errors, log.console)
        assert not log.remote, log.remote
        assert page.locator("#provenance").count() == 1
        assert page.evaluate("() => window.__xss") is None and page.title() != "pwned"
    finally:
        context.close()


@pytest.mark.parametrize("which", ["default", "hostile"])
def test_article_view_renders_escaped_text_and_runs_no_injected_code(browser, run, which):
    folder = run.run_dir if which == "default" else run.article_run_dir
    context, page, log = _open(browser, folder / "05_article_view.html")
    try:
        page.wait_for_selector(".ml-article", timeout=15000)
        assert page.locator(".ml-article .ml-quote").count() > 0
        assert page.evaluate("() => window.__xss") is None
        assert page.title() != "pwned" and not log.dialogs
        # the only images are none at all: injected <img> tags stayed text
        assert page.locator(".ml-article img, .ml-table img").count() == 0
        assert not [u for u in log.requests if u.rstrip("/").endswith("/x") or "track.png" in u]
        assert not log.remote and not log.errors and not log.console, (
            log.remote,
            log.errors,
            log.console,
        )
        if which == "hostile":
            title = page.locator(".ml-article h2").inner_text()
            assert "<script>window.__xss" in title  # shown as text, not executed
            assert "<img src=x onerror" in page.locator(".ml-article .ml-body").inner_text()
    finally:
        context.close()


def test_hostile_actor_in_charts_and_tables_runs_nothing(browser, run):
    for name in ("02_actors", "03_attribution"):
        context, page, log = _open(browser, run.run_dir / f"{name}.html")
        try:
            page.wait_for_selector(".plotly-graph-div .main-svg", timeout=15000)
            # hover a bar: the hover label renders the (escaped) actor name too
            bars = page.locator(".plotly-graph-div >> nth=0").locator(".trace path")
            for i in range(bars.count()):
                box = bars.nth(i).bounding_box()
                if box and box["width"] > 2 and box["height"] > 2:
                    page.mouse.move(
                        box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=5
                    )
                    break
            page.wait_for_selector(".hoverlayer .hovertext", state="attached", timeout=5000)
            assert page.evaluate("() => window.__xss") is None, name
            assert page.locator("img").count() == 0, name
            assert "<img src=x onerror" in page.locator("body").inner_text(), name
            assert not log.remote and not log.errors, (log.remote, log.errors)
        finally:
            context.close()


def test_screenshot_of_a_report(browser, run, tmp_path):
    """A report screenshots cleanly at README size (docs/img/report.png is made the same way
    from the processed sample corpus; see docs/reports.md)."""
    context, page, _log = _open(
        browser, run.run_dir / "03_attribution.html", width=1100, height=820
    )
    try:
        page.wait_for_selector(".plotly-graph-div .main-svg", timeout=15000)
        shot = tmp_path / "report.png"
        page.screenshot(path=str(shot))
        assert 10_000 < shot.stat().st_size < 300_000
    finally:
        context.close()


#: elements wider than the viewport, except inside a box that scrolls (or clips) them
WIDE_ELEMENTS_JS = """() => {
  const vw = document.documentElement.clientWidth;
  const inBox = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const ox = getComputedStyle(p).overflowX;
      if (['auto', 'scroll', 'hidden'].includes(ox) && p.getBoundingClientRect().right <= vw + 1) return true;
    }
    return false;
  };
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > vw + 1 && !inBox(el)) out.push(el.tagName + '.' + (el.getAttribute('class') || '') + ' right=' + Math.round(r.right));
  }
  return out.slice(0, 5);
}"""
#: charts whose traces carry no data point at all
EMPTY_CHARTS_JS = """() => [...document.querySelectorAll('.plotly-graph-div')]
  .filter(d => !(d.data || []).some(t => ['x', 'y', 'z'].some(k => t[k] && t[k].length)))
  .map(d => (d.layout && d.layout.title && d.layout.title.text) || '?')"""


@pytest.mark.parametrize("width", [1400, 390])
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_report_fits_the_viewport_and_has_data(browser, run, name, width):
    context, page, log = _open(browser, run.run_dir / f"{name}.html", width=width)
    try:
        if name != "05_article_view":
            page.wait_for_selector(".plotly-graph-div .main-svg", timeout=15000)
        page.wait_for_timeout(300)
        assert page.evaluate(WIDE_ELEMENTS_JS) == [], f"{name} at {width} px"
        assert page.evaluate(EMPTY_CHARTS_JS) == [], f"{name}: charts without data"
        assert page.locator(".ml-keyfigures").count() == 1, name
        assert not log.remote and not log.errors, (log.remote, log.errors)
    finally:
        context.close()


def test_kwic_rows_link_to_offline_article_pages(browser, run):
    context, page, log = _open(browser, run.run_dir / "03_attribution.html", width=390)
    try:
        links = page.locator(".ml-kwic a")
        assert links.count() > 0
        # on a phone the KWIC table scrolls inside its own box
        box = page.evaluate(
            "() => { const b = document.querySelector('.ml-kwic-box');"
            " return [b.scrollWidth, b.clientWidth, getComputedStyle(b).overflowX]; }"
        )
        assert box[0] > box[1] and box[2] == "auto"
        href = links.first.get_attribute("href")
        target = run.run_dir / href
        assert target.is_file(), href
        links.first.click()
        page.wait_for_selector(".ml-article", timeout=10000)
        assert page.locator(".ml-article .ml-quote").count() > 0
        assert not log.remote, log.remote
    finally:
        context.close()
