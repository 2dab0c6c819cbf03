"""Browser test of the browser-only edition: the JupyterLite site built by tools/build_lite.py.

The site is built into a temporary folder (or $COURSE_LITE_SITE, an already built one, is reused), served
with `python -m http.server` on 127.0.0.1, and opened in Debian's Chromium driven by Playwright (as in
tests/test_browser.py).  Every request that does not go to that local server is aborted and recorded; any
one fails the test that caused it.

  * every chapter of both editions (notebooks/*.ipynb, notebooks/ja/*.ipynb): a fresh kernel, clear
    outputs, Run All; no error output, nothing on stderr (no "building the font cache" noise either),
    no "Error displaying widget", no exception in the page, no external request;
  * chapter 01's NeuronExplorer: drag a slider handle with the mouse → its readout, the explorer's readout
    and the figure change; ArrowRight on the focused handle moves it too;
  * one exercise checked wrong, then right, in a scratch notebook of the site;
  * one explorer driven 200 times (jupyterlite #1465: the kernel stopped answering after many widget
    messages), then the kernel must still run a cell;
  * the playground (a cell added to chapter 00): play trains and animates — its frames come from an asyncio
    task on Pyodide's event loop —, pause stops it within about a frame, and the kernel still runs a cell.

Needs /usr/bin/chromium, playwright and the [test] extra (jupyterlite-core, jupyterlite-pyodide-kernel);
the first build downloads the pinned Pyodide files into the cache (tools/build_lite.py).  When the site
cannot be built here (no network and an empty cache, a missing package) the module is skipped with the
reason — a failure under CI=true.  Timings are printed (benchmarks/bench_lite.py measures them properly).
"""
from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
import zipfile
from urllib.parse import quote, urlparse

import pytest
from notebook_support import CHAPTERS, REPO, unavailable
from test_browser import _JS_FIND_PANEL, _JS_RUN_ALL, chromium
from test_browser_playground import _JS_INSTRUMENT as JS_INSTRUMENT_PLAYGROUND, _epoch

KERNEL_READY_TIMEOUT = 120   # s: Pyodide start + numpy/matplotlib/ipywidgets loading on a busy 2-core machine
RUN_ALL_TIMEOUT = 600        # s: one chapter (06 and 07 train networks in WebAssembly)
IMAGE_TIMEOUT = 20           # s: one slider move → new figure
N_EXPLORER_MOVES = 200       # jupyterlite #1465


# --------------------------------------------------------------------------- the site and its server
def load_builder():
    spec = importlib.util.spec_from_file_location("build_lite", REPO / "tools" / "build_lite.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_site(folder: Path) -> Path:
    """$COURSE_LITE_SITE if set (a built site), else a fresh build in ``folder``; unavailable() if impossible."""
    given = os.environ.get("COURSE_LITE_SITE")
    if given:
        site = Path(given)
        if not (site / "jupyter-lite.json").is_file():
            pytest.fail(f"COURSE_LITE_SITE={given} is not a built JupyterLite site (no jupyter-lite.json)",
                        pytrace=False)
        return site
    builder = load_builder()
    site = folder / "_site"
    try:
        result = builder.build(site, builder.DEFAULT_CACHE, offline=False, release=None)
    except builder.BuildError as exc:
        unavailable(f"the JupyterLite site cannot be built on this machine: {exc}")
    print(f"\n[lite] built {result['chapters']} chapters, {result['bytes'] / 1e6:.1f} MB "
          f"in {result['seconds']:.1f} s")
    return site


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(site: Path):
    """`python -m http.server` on 127.0.0.1 for ``site``; yields its base URL."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                             "--directory", str(site)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(url + "/jupyter-lite.json", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError(f"python -m http.server did not start on port {port}") from None
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


class LitePage:
    """One browser context (fresh storage, so a fresh copy of the site's files) and its page, with every
    non-local request aborted and recorded in ``external``; page exceptions in ``errors``."""

    def __init__(self, browser, base_url: str):
        self.base_url = base_url
        self.context = browser.new_context(viewport={"width": 1280, "height": 1000})
        self.external, self.errors = [], []
        host = urlparse(base_url).netloc

        def guard(route):
            url = route.request.url
            if urlparse(url).netloc == host or url.startswith(("data:", "blob:")):
                route.continue_()
            else:
                self.external.append(url)
                route.abort()

        self.context.route("**/*", guard)
        self.page = self.context.new_page()
        self.page.set_default_timeout(30_000)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def close(self):
        self.context.close()

    def open(self, path: str) -> float:
        """Open ``path`` (e.g. notebooks/01_neurons.ipynb) in the site's JupyterLab; seconds until the
        kernel is idle (Pyodide started, the kernel's packages loaded)."""
        start = time.perf_counter()
        self.page.goto(f"{self.base_url}/lab/index.html?path={quote(path)}", wait_until="domcontentloaded")
        self.page.evaluate(JS_FIND_PANEL, {"path": path, "timeoutMs": KERNEL_READY_TIMEOUT * 1000})
        return time.perf_counter() - start

    def run_all(self, name: str, timeout: float = RUN_ALL_TIMEOUT) -> dict:
        """Clear outputs, Run All, wait until every code cell ran (or an error stopped the run)."""
        self.page.evaluate(JS_RUN_ALL)
        deadline = time.monotonic() + timeout
        status, settled = None, 0
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(500)
            status = self.page.evaluate(JS_STATUS)
            finished = status["kernel"] == "idle" and status["running"] == 0 and (
                status["notRun"] == 0 or (status["problems"] and status["runAllDone"]))
            settled = settled + 1 if finished else 0     # two idle polls in a row: not a gap between cells
            if settled >= 2:
                break
        else:
            pytest.fail(f"{name}: Run All did not finish within {timeout:.0f} s; last status {status}",
                        pytrace=False)
        self.page.wait_for_timeout(1500)                  # widget views render after their output arrives
        return self.page.evaluate(JS_STATUS)

    def problems(self, status: dict) -> list[str]:
        found = list(status["problems"])
        if status["notRun"] and not found:
            found.append(f"{status['notRun']} code cell(s) never ran")
        found += [f"exception in the page: {e}" for e in self.errors[:5]]
        found += [f"request to a non-local address (blocked): {u}" for u in self.external[:5]]
        return found

    def execute(self, code: str, timeout: float = 60) -> dict:
        """Run ``code`` in the open notebook's kernel; {"status", "stdout", "stderr", "data", "ename", "evalue"}."""
        return self.page.evaluate(JS_EXECUTE, {"code": code, "timeoutMs": timeout * 1000})


# --------------------------------------------------------------------------- JupyterLab in the page (JS)
# Waits until the notebook at `path` is open with an idle kernel; remembers it as window.__testPanel (the same
# wait as the JupyterLab browser test's).
JS_FIND_PANEL = _JS_FIND_PANEL

JS_RUN_ALL = _JS_RUN_ALL        # clear outputs and execution counts, then Run All (not awaited)

# Per code cell: errors, ANY stderr output (the Lab test allows warnings; the Lite site must be quiet),
# widget errors.
JS_STATUS = """
() => {
  const panel = window.__testPanel;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  const out = {kernel: kernel ? kernel.status : 'none', runAllDone: !!window.__runAllDone,
               codeCells: 0, notRun: 0, running: 0, problems: []};
  panel.content.widgets.forEach((cell, index) => {
    const model = cell.model;
    if (model.type !== 'code') return;
    const source = model.sharedModel.getSource();
    if (!source.trim()) return;
    out.codeCells += 1;
    const prompt = cell.node.querySelector('.jp-InputPrompt');
    if (prompt && prompt.textContent.includes('*')) out.running += 1;
    if (model.executionCount === null) out.notRun += 1;
    const allowed = (model.getMetadata('tags') || []).includes('raises-exception');
    const where = 'cell ' + index + ' (' + JSON.stringify(source.split('\\n')[0].slice(0, 60)) + ')';
    for (const o of model.outputs.toJSON()) {
      if (o.output_type === 'error' && !allowed) out.problems.push(where + ': ' + o.ename + ': ' + o.evalue);
      if (o.output_type === 'stream' && o.name === 'stderr' && !allowed)
        out.problems.push(where + ': stderr: ' + String(o.text).slice(0, 300));
    }
    const widgetError = cell.node.textContent.match(/Error (displaying|rendering) widget[^\\n]{0,80}/);
    if (widgetError) out.problems.push(where + ': ' + widgetError[0]);
  });
  return out;
}
"""

# Run code in the kernel of window.__testPanel and collect what it sends back.
JS_EXECUTE = """
async ({code, timeoutMs}) => {
  const kernel = window.__testPanel.sessionContext.session.kernel;
  const result = {status: null, stdout: '', stderr: '', data: '', ename: null, evalue: null};
  const future = kernel.requestExecute({code, stop_on_error: false, store_history: false});
  future.onIOPub = msg => {
    const c = msg.content, t = msg.header.msg_type;
    if (t === 'stream') result[c.name] += c.text;
    else if (t === 'execute_result' || t === 'display_data') result.data += (c.data['text/plain'] || '') + '\\n';
    else if (t === 'error') { result.ename = c.ename; result.evalue = c.evalue; }
  };
  const reply = await Promise.race([future.done, new Promise((_, reject) =>
      setTimeout(() => reject(new Error('the kernel did not answer within ' + timeoutMs + ' ms')), timeoutMs))]);
  result.status = reply.content.status;
  return result;
}
"""

# Marks the first cell showing an explorer of class `className` with a slider; instruments its figure:
# window.__imageTimes gets a timestamp each time the figure's image changes.
JS_MARK_EXPLORER = """
({className}) => {
  const panel = window.__testPanel;
  let found = -1;
  panel.content.widgets.forEach((cell, index) => {
    if (found >= 0 || cell.model.type !== 'code') return;
    if (!cell.model.sharedModel.getSource().includes(className)) return;
    if (!cell.node.querySelector('.course-explorer .widget-slider .noUi-handle')) return;
    found = index;
    cell.node.setAttribute('data-test-explorer', className);
  });
  if (found < 0) return found;
  const root = panel.node.querySelector('[data-test-explorer] .course-explorer');
  window.__imageSignature = () => Array.from(root.querySelectorAll('.course-explorer-figure'))
      .flatMap(f => f.tagName === 'IMG' ? [f] : Array.from(f.querySelectorAll('img')))
      .map(img => img.src).join('|');
  window.__imageTimes = [];
  let previous = window.__imageSignature();
  new MutationObserver(() => {
    const signature = window.__imageSignature();
    if (signature && signature !== previous) { previous = signature; window.__imageTimes.push(performance.now()); }
  }).observe(root, {subtree: true, childList: true, attributes: true, attributeFilter: ['src']});
  return found;
}
"""


class Explorer:
    """The explorer of ``class_name`` shown by the open notebook (after Run All), for mouse and key moves."""

    def __init__(self, lp: LitePage, class_name: str):
        self.lp, page = lp, lp.page
        index = page.evaluate(JS_MARK_EXPLORER, {"className": class_name})
        assert index >= 0, f"no cell shows a {class_name} with a slider (.course-explorer .widget-slider)"
        page.evaluate("i => { window.__explorerCell = i; }", index)
        root = page.locator("[data-test-explorer] .course-explorer").first
        self.slider = root.locator(".widget-slider").first
        self.handle = self.slider.locator(".noUi-handle").first
        self.slider_readout = self.slider.locator(".widget-readout").first
        self.readout = root.locator(".course-explorer-readout").first
        page.wait_for_function("() => window.__imageSignature() !== ''", timeout=IMAGE_TIMEOUT * 1000)

    def show(self):
        """Scroll the explorer's cell to the middle of the notebook (JupyterLab lays out only cells in view)."""
        self.lp.page.evaluate("() => window.__testPanel.content.scrollToItem(window.__explorerCell, 'center')")
        self.lp.page.evaluate("() => document.querySelector('[data-test-explorer] .course-explorer .widget-slider')"
                              ".scrollIntoView({block: 'center'})")
        self.handle.wait_for(state="visible", timeout=IMAGE_TIMEOUT * 1000)

    def images(self) -> int:
        return self.lp.page.evaluate("window.__imageTimes.length")

    def wait_idle(self):
        self.lp.page.wait_for_function(
            "() => window.__testPanel.sessionContext.session.kernel.status === 'idle'",
            timeout=IMAGE_TIMEOUT * 1000)

    def drag(self, fraction: float) -> float:
        """Drag the first slider's handle with the mouse to ``fraction`` (0…1) of its track, in one move; ms from
        that move (the moment the slider takes its new value) to the new figure."""
        page = self.lp.page
        self.wait_idle()
        self.show()
        n = self.images()
        track = self.slider.locator(".noUi-base, .noUi-target").first.bounding_box()
        box = self.handle.bounding_box()
        y = box["y"] + box["height"] / 2
        page.mouse.move(box["x"] + box["width"] / 2, y)
        page.mouse.down()
        moved = page.evaluate("performance.now()")
        page.mouse.move(track["x"] + fraction * track["width"], y)
        page.mouse.up()
        page.wait_for_function("n => window.__imageTimes.length > n", arg=n, timeout=IMAGE_TIMEOUT * 1000)
        return page.evaluate("n => window.__imageTimes[n]", n) - moved

    def key(self, key: str) -> float:
        """Press ``key`` on the focused handle; ms from key-down to the new figure."""
        page = self.lp.page
        self.wait_idle()
        self.show()
        n = self.images()
        self.handle.focus()
        pressed = page.evaluate("performance.now()")
        page.keyboard.press(key)
        page.wait_for_function("n => window.__imageTimes.length > n", arg=n, timeout=IMAGE_TIMEOUT * 1000)
        return page.evaluate("n => window.__imageTimes[n]", n) - pressed


# --------------------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("lite"))


@pytest.fixture(scope="module")
def base_url(site):
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser(site):
    with chromium() as b:
        yield b


@pytest.fixture
def lite(browser, base_url):
    lp = LitePage(browser, base_url)
    try:
        yield lp
    finally:
        lp.close()


def load() -> str:
    return f"load average {os.getloadavg()[0]:.1f}"


# --------------------------------------------------------------------------- the build tool (no network, no browser)
def _zip(files: dict) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return out.getvalue()


def test_build_refuses_a_wheel_whose_hash_differs_from_the_official_lock(tmp_path):
    builder = load_builder()
    good, bad = b"the real wheel", b"something else"
    lock = {"packages": {"numpy": {"file_name": "numpy-2.0.2-x.whl", "sha256": builder.sha256(good), "depends": []}}}
    source = tmp_path / "source.whl"
    source.write_bytes(_zip({"assets/numpy-2.0.2-x.whl": bad}))
    with pytest.raises(builder.BuildError) as error:
        builder.verified_wheels(lock, ["numpy"], source)
    message = str(error.value)
    for words in ("numpy-2.0.2-x.whl", builder.sha256(good), builder.sha256(bad), "official"):
        assert words in message
    source.write_bytes(_zip({"assets/numpy-2.0.2-x.whl": good}))
    assert builder.verified_wheels(lock, ["numpy"], source) == {"numpy-2.0.2-x.whl": good}
    source.write_bytes(_zip({"assets/other.whl": good}))
    with pytest.raises(builder.BuildError, match="lacks.*numpy-2.0.2-x.whl"):
        builder.verified_wheels(lock, ["numpy"], source)


def test_build_follows_the_lock_dependencies():
    builder = load_builder()
    lock = {"packages": {n: {"depends": d} for n, d in {
        "micropip": ["packaging"], "packaging": [], "ipython": ["prompt_toolkit", "traitlets"],
        "prompt-toolkit": ["wcwidth"], "wcwidth": [], "traitlets": [], "jedi": ["parso"], "parso": [],
        "ssl": [], "sqlite3": [], "pyodide-unix-timezones": [], "numpy": [], "matplotlib": ["numpy"],
        "threadpoolctl": [], "scipy": ["numpy", "openblas"], "openblas": [], "unused": []}.items()}}
    needed = builder.needed_packages(lock)
    assert "prompt-toolkit" in needed and "wcwidth" in needed and "openblas" in needed and "unused" not in needed
    del lock["packages"]["wcwidth"]
    with pytest.raises(builder.BuildError, match="no package 'wcwidth'"):
        builder.needed_packages(lock)


def test_course_lib_wheel_is_complete_and_reproducible():
    builder = load_builder()
    name, data = builder.course_lib_wheel()
    assert name.startswith("course_lib-") and name.endswith("-py3-none-any.whl")
    assert builder.course_lib_wheel()[1] == data, "two builds of the course_lib wheel differ"
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    for needed in ("course_lib/__init__.py", "course_lib/datafiles.py", "course_lib/checks/__init__.py",
                   "course_lib/explorers/__init__.py", "course_lib/figures/__init__.py"):
        assert needed in names
    assert any(n.startswith("course_lib/locale/ja/") and n.endswith(".po") for n in names), "no Japanese catalog"
    assert not any("__pycache__" in n for n in names)


def test_build_errors_name_the_file_and_what_to_do(tmp_path, capsys):
    """--offline with an empty cache, a pinned download whose bytes differ, a wrong --pyodide-release:
    exit status 2 and one message (no traceback) that names the file and the way out."""
    builder = load_builder()
    if importlib.util.find_spec("jupyterlite_core") is None:
        unavailable("jupyterlite-core is not installed (the [test] extra)")
    status = builder.main(["--offline", "--cache", str(tmp_path / "empty"), "--output", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status == 2 and "Traceback" not in err
    assert builder.PYODIDE_CORE.name in err and builder.PYODIDE_CORE.url in err and "--offline" in err
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / builder.PYODIDE_CORE.name).write_bytes(b"not the npm package")
    with pytest.raises(builder.BuildError) as error:            # a corrupt cached copy is never used
        builder.fetch(builder.PYODIDE_CORE, cache, offline=True)
    message = str(error.value)
    for words in (builder.PYODIDE_CORE.name, builder.PYODIDE_CORE.sha256, builder.sha256(b"not the npm package")):
        assert words in message
    with pytest.raises(builder.BuildError, match="--pyodide-release: .*missing.tar.bz2 is not a file"):
        builder.wheel_source(str(tmp_path / "missing.tar.bz2"), cache, offline=True)


def test_matplotlib_font_list_fix_keeps_only_shipped_fonts():
    builder = load_builder()
    fonts = {"_version": 390, "__class__": "FontManager",
             "ttflist": [{"fname": "fonts/ttf/DejaVuSans.ttf"}, {"fname": "/System/Library/Fonts/X.ttf"}],
             "afmlist": [{"fname": "fonts/afm/pzdr.afm"}]}
    wheel = _zip({"matplotlib/font_manager.py": "class FontManager:\n    __version__ = 330\n",
                  "matplotlib/fontlist.json": json.dumps(fonts),
                  "matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf": "ttf",
                  "matplotlib/mpl-data/fonts/afm/pzdr.afm": "afm",
                  "matplotlib-3.8.4.dist-info/RECORD": "matplotlib/fontlist.json,sha256=old,10\n"})
    fixed = zipfile.ZipFile(io.BytesIO(builder.fix_matplotlib_font_cache("m.whl", wheel)))
    result = json.loads(fixed.read("matplotlib/fontlist.json"))
    assert result["_version"] == 330
    assert [f["fname"] for f in result["ttflist"]] == ["fonts/ttf/DejaVuSans.ttf"]
    assert len(result["afmlist"]) == 1
    assert b"sha256=old" not in fixed.read("matplotlib-3.8.4.dist-info/RECORD")
    assert fixed.read("matplotlib/mpl-data/fonts/afm/pzdr.afm") == b"afm"


# --------------------------------------------------------------------------- tests in the browser
def test_site_has_every_chapter_and_the_start_page(site):
    assert CHAPTERS, "no chapters in notebooks/"
    for chapter in CHAPTERS:
        assert (site / "files" / "notebooks" / chapter).is_file(), f"{chapter} is not in the site"
    assert (site / "files" / "data" / "SHA256SUMS").is_file()
    start = (site / "index.html").read_text(encoding="utf-8")
    for chapter in CHAPTERS:
        assert f"path=notebooks/{chapter}" in start, f"the start page has no link to {chapter}"
    config = json.loads((site / "jupyter-lite.json").read_text())["jupyter-config-data"]
    kernel = config["litePluginSettings"]["@jupyterlite/pyodide-kernel-extension:kernel"]
    assert kernel["disablePyPIFallback"] is True
    assert kernel["pyodideUrl"].startswith("./"), "Pyodide must come from the site itself"


def test_site_build_is_reproducible(site, tmp_path):
    """A second build from the same inputs (offline: the first one filled the cache) gives byte-identical files."""
    builder = load_builder()
    try:
        again = builder.build(tmp_path / "_site", builder.DEFAULT_CACHE, offline=True, release=None)["output"]
    except builder.BuildError as exc:
        unavailable(f"the JupyterLite site cannot be rebuilt offline here: {exc}")

    def digests(root: Path) -> dict:
        import hashlib
        return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(root.rglob("*")) if p.is_file()}
    first, second = digests(site), digests(again)
    assert first.keys() == second.keys(), sorted(set(first) ^ set(second))[:10]
    differ = [name for name in first if first[name] != second[name]]
    assert not differ, f"{len(differ)} files differ between two builds, e.g. {differ[:5]}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_runs_clean_in_lite(lite, chapter, capsys):
    path = f"notebooks/{chapter}"
    ready = lite.open(path)
    start = time.perf_counter()
    status = lite.run_all(chapter)
    seconds = time.perf_counter() - start
    with capsys.disabled():
        print(f"\n[lite] {chapter}: kernel ready {ready:.1f} s, Run All {seconds:.1f} s "
              f"({status['codeCells']} code cells; {load()})")
    problems = lite.problems(status)
    assert not problems, f"{chapter} in JupyterLite:\n  " + "\n  ".join(problems)


def test_slider_drag_and_keys_move_the_figure(lite, capsys):
    chapter = next((c for c in CHAPTERS if c.startswith("01_")), None)
    if chapter is None:
        pytest.fail("no chapter 01 (it shows the NeuronExplorer)")
    lite.open(f"notebooks/{chapter}")
    status = lite.run_all(chapter)
    assert not lite.problems(status), lite.problems(status)
    explorer = Explorer(lite, "NeuronExplorer")
    before, readout_before = explorer.slider_readout.inner_text(), explorer.readout.inner_text()
    times = [explorer.drag(f) for f in (0.8, 0.2, 0.65, 0.35, 0.9, 0.1, 0.7, 0.3, 0.6, 0.4)]
    assert explorer.slider_readout.inner_text() != before or explorer.readout.inner_text() != readout_before
    explorer.drag(0.9)
    after_drag = explorer.slider_readout.inner_text()
    assert after_drag != before, f"dragging the handle did not change the slider (still {before})"
    assert explorer.readout.inner_text() != readout_before, "the explorer's readout did not change"
    key_times = [explorer.key("ArrowLeft" if i % 2 == 0 else "ArrowRight") for i in range(6)]
    with capsys.disabled():
        print(f"\n[lite] slider drag → new image: median {statistics.median(times):.0f} ms "
              f"(min {min(times):.0f}, max {max(times):.0f}); arrow key → new image: median "
              f"{statistics.median(key_times):.0f} ms ({load()})")
    assert not lite.problems(lite.page.evaluate(JS_STATUS))


def test_exercise_checked_wrong_then_right(lite):
    """Chapter 01's worked example (0.3, −0.5, 0.2)·(0.1, 0.8, −0.5) + 0.2 = −0.27: the typical mistake
    (forgetting the bias, −0.47) gets its specific feedback, then the right answer is accepted."""
    chapter = next(c for c in CHAPTERS if c.startswith("01_"))
    lite.open(f"notebooks/{chapter}")
    wrong = lite.execute("from course_lib.checks import ch01\nch01.worked_example.check(-0.47)")
    shown = wrong["data"] + wrong["stdout"]
    assert wrong["status"] == "ok" and wrong["ename"] is None, wrong
    assert "✗" in shown and "bias" in shown, f"no specific feedback for the wrong answer: {wrong}"
    right = lite.execute("ch01.worked_example.check(-0.27)")
    shown = right["data"] + right["stdout"]
    assert "✓" in shown and "✗" not in shown, f"the right answer was not accepted: {right}"
    assert not wrong["stderr"] and not right["stderr"], (wrong["stderr"], right["stderr"])


def test_network_products_use_openblas_and_equal_numpy(lite):
    """In the site course_lib multiplies the layers' matrices with SciPy's OpenBLAS (course_lib/_platform.py):
    the same numbers as np.matmul, written into out=, for C- and Fortran-ordered operands and both dtypes."""
    chapter = next(c for c in CHAPTERS if c.startswith("00_"))
    lite.open(f"notebooks/{chapter}")
    code = "\n".join([
        "import numpy as np, course_lib._platform as P",
        "rng = np.random.default_rng(0); worst = 0.0",
        "for dt in (np.float64, np.float32):",
        "    for m, k, n in ((128, 784, 128), (5, 7, 3), (1, 4, 1), (3, 0, 2)):",
        "        A, B = rng.normal(size=(m, k)).astype(dt), rng.normal(size=(k, n)).astype(dt)",
        "        for a, b in ((A, B), (np.asfortranarray(A), B), (A, np.asfortranarray(B)), (A.T.copy().T, B[:, ::-1][:, ::-1]),",
        "                     (np.ascontiguousarray(A.T).T, np.ascontiguousarray(B.T).T),",
        "                     (A, np.repeat(B, 2, axis=1)[:, ::2])):           # not contiguous at all",
        "            out = np.empty((m, n), dt)",
        "            assert P.matmul(a, b, out) is out",
        "            worst = max(worst, float(np.max(np.abs(out - a @ b), initial=0.0)) / max(1.0, float(np.abs(a @ b).max(initial=0))))",
        "print(P.in_browser(), sorted(str(d) for d in P._GEMM), f'{worst:.1e}' if worst else 0)",
    ])
    result = lite.execute(code, timeout=120)
    assert result["ename"] is None and not result["stderr"], result
    words = result["stdout"].strip()
    assert words.startswith("True ['float32', 'float64']"), f"OpenBLAS's gemm is not used in the site: {words}"
    assert float(words.rsplit(" ", 1)[1]) < 1e-5, f"matmul differs from np.matmul: {words}"


# Adds a code cell with `source` at the end of the open notebook and runs it (not awaited); returns its index.
JS_ADD_CELL_AND_RUN = """
async ({source}) => {
  const app = window.jupyterapp, panel = window.__testPanel, notebook = panel.content;
  const index = notebook.model.cells.length;
  notebook.model.sharedModel.insertCell(index, {cell_type: 'code', source});
  notebook.activeCellIndex = index;
  app.commands.execute('notebook:run-cell');
  return index;
}
"""


def test_playground_plays_and_pauses_in_lite(lite, capsys):
    """Play needs no thread and no front-end timer: an asyncio task on the kernel's event loop draws the
    frames, and Pyodide's loop runs it as ipykernel's does (tests/test_browser_playground.py for JupyterLab)."""
    chapter = next(c for c in CHAPTERS if c.startswith("00_"))
    lite.open(f"notebooks/{chapter}")
    index = lite.page.evaluate(JS_ADD_CELL_AND_RUN, {"source": "from course_lib.explorers import PlaygroundExplorer\n"
                                                                "PlaygroundExplorer()"})
    lite.page.wait_for_function("i => window.__testPanel.content.widgets[i].node.querySelector("
                                "'button.course-playground-play')", arg=index, timeout=60_000)
    assert lite.page.evaluate(JS_INSTRUMENT_PLAYGROUND, index), "no .course-explorer in the playground's cell"

    def epoch():
        return _epoch(lite.page.evaluate("window.__readout()"))
    assert epoch() == 0
    lite.page.evaluate("window.__playButton().click()")                                  # play
    lite.page.wait_for_function("() => window.__frames.length >= 3", timeout=IMAGE_TIMEOUT * 1000)
    start = lite.page.evaluate("window.__frames.length")
    lite.page.wait_for_timeout(5000)
    frames = lite.page.evaluate(f"window.__frames.slice({start})")
    lite.page.evaluate("window.__atPause = window.__frames.length; window.__playButton().click()")   # pause
    lite.page.wait_for_timeout(1500)
    after_pause = lite.page.evaluate("window.__frames.length - window.__atPause")
    epoch1 = epoch()
    answer = lite.execute("print(6 * 7)", timeout=30)
    lite.page.wait_for_timeout(1000)
    epoch2 = epoch()
    fps = (len(frames) - 1) / ((frames[-1] - frames[0]) / 1000) if len(frames) > 1 else 0.0
    with capsys.disabled():
        print(f"\n[lite] playground: {fps:.1f} frames per second while playing ({len(frames)} new images in 5 s), "
              f"{after_pause} frame(s) after pause, epoch {epoch1} ({load()})")
    assert epoch1 > 0, f"the epoch counter did not advance while playing: {epoch1}"
    assert fps >= 3, f"only {fps:.1f} frames per second while playing"
    assert epoch2 == epoch1, f"training went on after pause: epoch {epoch1} -> {epoch2}"
    assert after_pause <= 3, f"{after_pause} frames arrived after pause"
    assert answer["stdout"].strip() == "42", f"the kernel does not run code after play and pause: {answer}"
    assert not lite.problems(lite.page.evaluate(JS_STATUS))


def test_explorer_survives_200_moves(lite, capsys):
    """jupyterlite #1465: after many widget messages the kernel stopped answering."""
    chapter = next(c for c in CHAPTERS if c.startswith("01_"))
    lite.open(f"notebooks/{chapter}")
    status = lite.run_all(chapter)
    assert not lite.problems(status), lite.problems(status)
    explorer = Explorer(lite, "NeuronExplorer")
    explorer.handle.focus()
    start, times = time.perf_counter(), []
    for i in range(N_EXPLORER_MOVES):
        times.append(explorer.key("ArrowLeft" if i % 2 == 0 else "ArrowRight"))
    answer = lite.execute("print(6 * 7)", timeout=30)
    with capsys.disabled():
        print(f"\n[lite] {N_EXPLORER_MOVES} moves in {time.perf_counter() - start:.0f} s, median "
              f"{statistics.median(times):.0f} ms per new image ({load()})")
    assert answer["stdout"].strip() == "42", f"the kernel no longer runs code after {N_EXPLORER_MOVES} moves"
    assert not lite.problems(lite.page.evaluate(JS_STATUS))
