"""Exported slide decks in a real browser (Playwright + Debian's Chromium).

Every chapter is exported (course_lib.slides, offline assets) into a temporary
folder served by a local http.server; each deck is opened at a 1280×720
viewport and stepped through: every slide, in its fragment-complete state.
For each slide the content must fit the deck's canvas (1280×720: nothing
below the bottom or right of it, no box that scrolls or cuts its content),
no asset request may fail (``requestfailed`` or status ≥ 400; anything not
served by the local server is blocked and counted as a failure), no page
error, and formulas render (MathJax output present, no "Math Processing
Error").  A self-test exports a tiny notebook with a far too tall slide, a
figure-only cell and an exercise cell, and one check makes the harness see
overflow it must report (so the measurement itself can fail).

Needs /usr/bin/chromium and the playwright package (no ``playwright install``),
plus sphinx-revealjs and jupyter-server-mathjax for the offline assets.
Outside CI a missing piece skips with the reason; with CI=true it fails.

As a script it measures decks that already exist (e.g. an older export):
    python tests/test_slides_browser.py slides/
"""
from __future__ import annotations

import functools
import http.server
import sys
import threading
import time
from pathlib import Path

import nbformat
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from notebook_support import CHAPTERS, JA_DIR, NOTEBOOKS_DIR, unavailable  # noqa: E402

from course_lib import slides  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1280, "height": 720}
READY_TIMEOUT = 60_000   # ms: reveal.js + MathJax typesetting a whole deck on a busy 2-core machine
TOLERANCE = 2            # px on the deck's canvas (sub-pixel rounding, borders)

# Runs in the page: go to every slide in its fragment-complete state and
# measure, on the deck's own canvas (config width × height, before reveal's
# scaling), how far the slide's content reaches and which boxes cut or scroll
# their content.  Returns one record per slide.
_MEASURE_JS = r"""
() => {
  const cfg = Reveal.getConfig(), W = cfg.width, H = cfg.height;
  const out = [];
  const slideEls = Reveal.getSlides();
  for (let i = 0; i < slideEls.length; i++) {
    const s = slideEls[i];
    const idx = Reveal.getIndices(s);
    const nFrag = s.querySelectorAll('.fragment').length;
    Reveal.slide(idx.h, idx.v, nFrag ? nFrag - 1 : undefined);
    const scale = Reveal.getScale();
    const base = document.querySelector('.reveal .slides').getBoundingClientRect();
    let top = Infinity, bottom = -Infinity, left = Infinity, right = -Infinity;
    for (const el of s.querySelectorAll('*')) {
      if (el.closest('aside.notes')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      top = Math.min(top, (r.top - base.top) / scale);
      bottom = Math.max(bottom, (r.bottom - base.top) / scale);
      left = Math.min(left, (r.left - base.left) / scale);
      right = Math.max(right, (r.right - base.left) / scale);
    }
    const cut = [];
    for (const el of [s, ...s.querySelectorAll('*')]) {
      if (el.closest('aside.notes') || el.closest('.MathJax, .MathJax_Display, mjx-container')) continue;
      const st = getComputedStyle(el);
      const clipsX = st.overflowX !== 'visible', clipsY = st.overflowY !== 'visible';
      if ((clipsX && el.scrollWidth > el.clientWidth + 2) || (clipsY && el.scrollHeight > el.clientHeight + 2)) {
        cut.push(el.tagName.toLowerCase() + '.' + String(el.className).split(' ').slice(0, 2).join('.') +
                 ` ${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`);
      }
    }
    const title = (s.querySelector('h1, h2, h3, h4') || s).textContent.trim().slice(0, 60);
    out.push({i, h: idx.h, v: idx.v, fragments: nFrag, title, W, H,
              top: Math.round(top), bottom: Math.round(bottom), left: Math.round(left), right: Math.round(right),
              cut, text: s.innerText.length});
  }
  return out;
}
"""


def overflowing(records):
    """The slides whose content leaves the canvas or sits in a box that cuts/scrolls it."""
    bad = []
    for r in records:
        if r["top"] is None:      # an empty slide
            continue
        reasons = []
        if r["bottom"] > r["H"] + TOLERANCE or r["top"] < -TOLERANCE:
            reasons.append(f"content spans y {r['top']}..{r['bottom']} of {r['H']}")
        if r["right"] > r["W"] + TOLERANCE or r["left"] < -TOLERANCE:
            reasons.append(f"content spans x {r['left']}..{r['right']} of {r['W']}")
        if r["cut"]:
            reasons.append("cut/scrolled: " + "; ".join(r["cut"][:3]))
        if reasons:
            bad.append(f"slide {r['h']}/{r['v']} ({r['title']!r}): " + ", ".join(reasons))
    return bad


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest's output clean
        pass


def serve(folder: Path):
    """A local http.server for folder in a thread; returns (server, base URL)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def open_deck(browser, url: str):
    """Open a deck, wait until it is laid out and typeset; returns (page, problems list)."""
    page = browser.new_page(viewport=VIEWPORT)
    problems = []
    origin = url.split("/", 3)[:3]
    origin = "/".join(origin)

    def route(r):
        if r.request.url.startswith(origin):
            r.continue_()
        else:
            problems.append(f"blocked non-local request {r.request.url}")
            r.abort()

    page.route("**/*", route)
    # (MathJax measures fonts in an about:blank frame: not an asset)
    page.on("requestfailed", lambda req: req.url.startswith(("about:", "data:"))
            or problems.append(f"request failed: {req.url} ({req.failure})"))
    page.on("response", lambda resp: resp.status >= 400 and problems.append(f"HTTP {resp.status}: {resp.url}"))
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.goto(url)
    # Our decks say when they are done (typeset, fitted, reveal ready); an older
    # export only has reveal's own flag: then wait for MathJax's queue as well.
    page.wait_for_function(
        "() => window.courseDeckReady === true || (window.courseDeckReady === undefined && window.Reveal"
        " && Reveal.isReady && Reveal.isReady() && (!window.MathJax || !MathJax.Hub"
        " || MathJax.Hub.queue.pending === 0))", timeout=READY_TIMEOUT)
    return page, problems


def step_through(page):
    """Every slide in its fragment-complete state; also wait for late asset loads."""
    records = page.evaluate(_MEASURE_JS)
    page.wait_for_timeout(200)   # lets requests started by the last slide change report
    return records


def _math_state(page):
    return page.evaluate("""() => ({
        math: document.querySelectorAll('.MathJax, .MathJax_Display, .MathJax_SVG, mjx-container').length,
        errors: document.body.textContent.includes('Math Processing Error')
                || document.querySelectorAll('.MathJax_Error, merror').length,
        tex: Array.from(document.querySelectorAll('.jp-RenderedMarkdown'))
                  .map(el => (el.textContent.match(/\\$[^$\\n]{1,40}\\$/g) || []).length)
                  .reduce((a, b) => a + b, 0) })""")


def launch(pw):
    return pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)


# --------------------------------------------------------------------------- fixtures


def _need_browser_and_assets():
    if set(slides.find_local_assets()) != {"reveal", "mathjax"}:
        unavailable("offline decks need local reveal.js and MathJax: pip install sphinx-revealjs jupyter-server-mathjax")
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} not found (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright Python package is not installed (pip install playwright)")
    return sync_playwright


@pytest.fixture(scope="module")
def browser():
    sync_playwright = _need_browser_and_assets()
    pw = sync_playwright().start()
    try:
        try:
            chromium = launch(pw)
        except Exception as exc:  # noqa: BLE001 - report any launch problem the same way
            unavailable(f"Chromium did not start: {exc}")
        yield chromium
        chromium.close()
    finally:
        pw.stop()


@pytest.fixture(scope="module")
def chapter_decks(tmp_path_factory):
    chapters = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
    if not chapters:
        unavailable(f"no chapter notebooks in {NOTEBOOKS_DIR}")
    _need_browser_and_assets()
    out = tmp_path_factory.mktemp("decks")
    decks = slides.export_slides(NOTEBOOKS_DIR, out, offline=True)
    if any(JA_DIR.glob("*.ipynb")):                       # the Japanese edition's decks, in out/ja
        decks += slides.export_slides(JA_DIR, out / "ja", offline=True)
    server, base = serve(out)
    yield {d.relative_to(out).as_posix(): f"{base}/{d.relative_to(out).as_posix()}" for d in decks}
    server.shutdown()


# --------------------------------------------------------------------------- chapters

_TIMINGS: dict[str, float] = {}


@pytest.mark.parametrize("chapter", [c.removesuffix(".ipynb") for c in CHAPTERS] or ["none"])
def test_every_slide_fits_and_every_asset_loads(browser, chapter_decks, chapter):
    start = time.perf_counter()
    url = chapter_decks[f"{chapter}.slides.html"]
    page, problems = open_deck(browser, url)
    try:
        records = step_through(page)
        math = _math_state(page)
    finally:
        page.close()
    _TIMINGS[chapter] = time.perf_counter() - start
    print(f"\n{chapter}: {len(records)} slides, {sum(r['fragments'] for r in records)} fragments, "
          f"{math['math']} formulas, {_TIMINGS[chapter]:.1f} s")
    assert not problems, "\n".join(problems)
    bad = overflowing(records)
    assert not bad, f"{len(bad)} of {len(records)} slides do not fit:\n" + "\n".join(bad)
    assert not math["errors"], "MathJax reported an error (Math Processing Error / merror)"
    assert math["tex"] == 0, f"{math['tex']} formulas were left as raw $…$ text"
    assert records and (records[0]["W"], records[0]["H"]) == (1280, 720), "the canvas should be 1280×720"


# --------------------------------------------------------------------------- self-tests


def _selftest_notebook(folder: Path) -> Path:
    """Too tall slide (30 text cells), a figure-only cell, an exercise cell, a hint cell, a long code line."""
    import base64
    import io

    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    ax.plot([0, 1], [0, 1])
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    png = base64.b64encode(buf.getvalue()).decode()

    def cell(kind, source, slide_type, outputs=()):
        c = nbformat.v4.new_markdown_cell(source) if kind == "md" else nbformat.v4.new_code_cell(source)
        c.metadata["slideshow"] = {"slide_type": slide_type}
        if kind == "code":
            c.outputs = list(outputs)
        return c

    nb = nbformat.v4.new_notebook()
    nb.cells = [cell("md", "# Self-test\nThe hat: $\\hat{y} = a x + b$.", "slide")]
    nb.cells += [cell("md", "## A long slide" if i == 0 else f"Paragraph {i}: some text that needs a line.", "slide"
                      if i == 0 else "-") for i in range(30)]
    nb.cells += [
        cell("code", "fig, ax = plt.subplots()\nax.plot(x, y)  # SELFTEST-FIGURE-CODE", "slide",
             [nbformat.v4.new_output("display_data", data={"image/png": png, "text/plain": "<Figure>"})]),
        cell("code", "answer = ...\nchXX.selftest.check(answer)", "slide",
             [nbformat.v4.new_output("stream", name="stdout", text="○ Exercise 9.9 (self-test): Not attempted yet: "
                                     "replace the `...` with your answer, run the cell, then check again.\n")]),
        cell("code", "# chXX.selftest.hint()\n# chXX.selftest.solution()", "-"),
        cell("code", "values = [" + ", ".join(str(i * 1001) for i in range(60)) + "]  # SELFTEST-LONG-LINE", "slide",
             [nbformat.v4.new_output("stream", name="stdout", text=" ".join(str(i) for i in range(300)) + "\n")]),
    ]
    path = folder / "99_selftest.ipynb"
    nbformat.write(nb, path)
    return path


def test_selftest_tall_slide_is_split_and_everything_fits(browser, tmp_path):
    notebooks = tmp_path / "nb"
    notebooks.mkdir()
    _selftest_notebook(notebooks)
    (deck,) = slides.export_slides(notebooks, tmp_path / "decks", offline=True)
    html = deck.read_text(encoding="utf-8")
    assert "SELFTEST-FIGURE-CODE" not in html           # figure-only cell: the figure, not the code
    assert "Not attempted yet" not in html and "hint()" not in html
    server, base = serve(tmp_path / "decks")
    try:
        page, problems = open_deck(browser, f"{base}/{deck.name}")
        try:
            records = step_through(page)
            text = page.evaluate("document.querySelector('.reveal .slides').textContent")
            math = _math_state(page)
            hat = page.evaluate("""() => { const m = document.querySelector('.MathJax'); if (!m) return null;
                const r = m.getBoundingClientRect(); return {w: r.width, h: r.height}; }""")
        finally:
            page.close()
    finally:
        server.shutdown()
    assert not problems, "\n".join(problems)
    assert not overflowing(records), "\n".join(overflowing(records))
    long_slides = [r for r in records if r["title"].startswith("A long slide")]
    assert len(long_slides) >= 2, f"the 30-paragraph slide should be split: {[r['title'] for r in records]}"
    assert "(cont.)" in text and "Paragraph 29" in text
    assert "SELFTEST-LONG-LINE" in text                  # wrapped, not cut
    assert "Exercise 9.9" in text and "Not attempted yet" not in text
    assert math["math"] >= 1 and not math["errors"]
    assert hat and hat["h"] < 80, f"ŷ should render at text size, got {hat}"


def test_selftest_the_measurement_sees_overflow(browser, tmp_path):
    notebooks = tmp_path / "nb"
    notebooks.mkdir()
    _selftest_notebook(notebooks)
    (deck,) = slides.export_slides(notebooks, tmp_path / "decks", offline=True)
    server, base = serve(tmp_path / "decks")
    try:
        page, _ = open_deck(browser, f"{base}/{deck.name}")
        try:
            page.evaluate("""() => { const s = Reveal.getSlides()[0];
                const d = document.createElement('div'); d.style.height = '2000px'; d.textContent = 'tall';
                s.appendChild(d);
                const p = document.createElement('div'); p.style.overflowX = 'auto'; p.style.whiteSpace = 'nowrap';
                p.textContent = 'x'.repeat(5000); Reveal.getSlides()[1].appendChild(p); }""")
            records = step_through(page)
        finally:
            page.close()
    finally:
        server.shutdown()
    bad = overflowing(records)
    assert len(bad) == 2 and "content spans y" in bad[0] and "cut/scrolled" in bad[1], bad


# --------------------------------------------------------------------------- as a script


def main(argv):
    """Measure the decks in a folder (e.g. an older export) and print the overflowing slides per deck."""
    from playwright.sync_api import sync_playwright

    folder = Path(argv[0])
    server, base = serve(folder)
    with sync_playwright() as pw:
        browser = launch(pw)
        for deck in sorted(folder.glob("*.slides.html")):
            start = time.perf_counter()
            page, problems = open_deck(browser, f"{base}/{deck.name}")
            records = step_through(page)
            math = _math_state(page)
            page.close()
            bad = overflowing(records)
            print(f"{deck.name}: {len(bad)}/{len(records)} slides overflow, {len(problems)} failed requests/errors, "
                  f"{math['math']} formulas, {time.perf_counter() - start:.1f} s")
            for line in bad + problems:
                print("   ", line[:200])
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1:])
