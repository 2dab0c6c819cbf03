"""Slides (course_lib.slides) and projector mode (course_lib.present).

- every chapter exports to one reveal.js deck with several slides;
- lecture decks: figure-only code hidden, exercises as a prompt, hint cells
  left out, 1280×720 canvas with fitting (measured in tests/test_slides_browser.py);
- every chapter carries slide metadata (slideshow.slide_type, several "slide"s);
- with local reveal.js/MathJax installed, a deck opens from disk with the
  network blocked (Chromium; skipped outside CI when Chromium is missing);
- projector_mode scales matplotlib rcParams and restores them exactly.
"""
from __future__ import annotations

import re
from pathlib import Path

import matplotlib as mpl
import nbformat
import pytest

from course_lib import present, slides
from notebook_support import NOTEBOOKS_DIR, unavailable
from course_lib.present import PROJECTOR_KEYS, projector_mode

CHAPTERS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
CHROMIUM = Path("/usr/bin/chromium")
MIN_SLIDES = 3  # "several": a deck with fewer top-level slides is not a presentation
SLIDE_TYPES = {"slide", "subslide", "fragment", "skip", "notes", "-"}


def _tiny_notebook(path: Path) -> Path:
    """A notebook with slide metadata, for when no chapter exists yet (and for unit tests)."""
    nb = nbformat.v4.new_notebook()

    def cell(kind, source, slide_type):
        c = nbformat.v4.new_markdown_cell(source) if kind == "md" else nbformat.v4.new_code_cell(source)
        c.metadata["slideshow"] = {"slide_type": slide_type}
        return c

    nb.cells = [
        cell("md", "# One neuron\nThe weighted sum $z = w \\cdot x + b$.", "slide"),
        cell("md", "## Activation\n$$a = \\sigma(z)$$", "slide"),
        cell("code", "print(f'{0.3 * 0.1 - 0.5 * 0.8 + 0.2 * -0.5 + 0.2:.2f}')", "fragment"),
        cell("md", "Speaker note: ask the class first.", "notes"),
        cell("md", "## Summary", "slide"),
        cell("md", "### Details", "subslide"),
        cell("md", "not on a slide", "skip"),
    ]
    nb.cells[2].outputs = [nbformat.v4.new_output("stream", name="stdout", text="-0.27\n")]
    nbformat.write(nb, path)
    return path


@pytest.fixture
def tiny_dir(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    _tiny_notebook(folder / "01_tiny.ipynb")
    return folder


def _sections(html: str) -> int:
    return len(re.findall(r"<section\b", html))


def _top_level_slides(nb) -> int:
    return sum(1 for c in nb.cells if c.get("metadata", {}).get("slideshow", {}).get("slide_type") == "slide")


# --------------------------------------------------------------------------- export

def test_export_one_deck_per_chapter(tmp_path, tiny_dir):
    source = NOTEBOOKS_DIR if CHAPTERS else tiny_dir
    expected = CHAPTERS or sorted(tiny_dir.glob("*.ipynb"))
    decks = slides.export_slides(source, tmp_path / "decks")
    assert [d.name for d in decks] == [f"{p.stem}.slides.html" for p in expected]
    for deck in decks:
        html = deck.read_text(encoding="utf-8")
        assert _sections(html) >= MIN_SLIDES, f"{deck.name}: only {_sections(html)} <section> slides"
        assert "Reveal.initialize" in html
        # a lecture deck: exercises are prompts, hint pointers and "In [n]:" prompts are not shown
        assert "Not attempted yet" not in html, f"{deck.name} shows the checker's 'Not attempted yet'"
        assert not re.search(r"#\s*ch\d+\.\w+\.(hint|solution)\(\)", html), f"{deck.name} shows a hint cell"


def test_deck_content_follows_slide_metadata(tmp_path, tiny_dir):
    (deck,) = slides.export_slides(tiny_dir, tmp_path / "decks", offline=False)
    html = deck.read_text(encoding="utf-8")
    assert _sections(html) >= 4                      # 3 slides + 1 subslide (nested sections)
    assert "not on a slide" not in html              # skip
    assert 'class="notes"' in html or "<aside class=\"notes\"" in html   # speaker notes
    assert "fragment" in html
    assert "-0.27" in html                           # stored output, nothing executed
    assert slides.CDN_REVEAL in html                 # offline=False: the CDN


def test_widget_outputs_become_their_png_or_are_left_out():
    nb = nbformat.v4.new_notebook()
    widget = {"model_id": "abc", "version_major": 2, "version_minor": 0}
    only_widget = nbformat.v4.new_output("display_data", data={slides.WIDGET_MIME: widget, "text/plain": "VBox(...)"})
    with_png = nbformat.v4.new_output("display_data", data={slides.WIDGET_MIME: widget, "image/png": "iVBORw0KGgo=",
                                                            "text/plain": "VBox(...)"})
    text = nbformat.v4.new_output("stream", name="stdout", text="epoch 1/5\n")
    cell = nbformat.v4.new_code_cell("explorer")
    cell.outputs = [only_widget, with_png, text]
    nb.cells = [cell]
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    slides._static_outputs(nb)
    assert "widgets" not in nb.metadata                # no widget manager in a deck: state left out
    assert [o.get("data") for o in cell.outputs] == [{"image/png": "iVBORw0KGgo="}, None]
    assert cell.outputs[1]["text"] == "epoch 1/5\n"


def _png_output(kind="display_data"):
    out = nbformat.v4.new_output(kind, data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure size 640x480>"})
    if kind == "execute_result":
        out["execution_count"] = 1
    return out


def _code(source, outputs=(), slide_type="-"):
    cell = nbformat.v4.new_code_cell(source)
    cell.outputs = list(outputs)
    cell.metadata["slideshow"] = {"slide_type": slide_type}
    return cell


def _lecture(*cells):
    nb = nbformat.v4.new_notebook()
    nb.cells = list(cells)
    return slides._lecture_cells(slides._static_outputs(nb)).cells


def _hidden(cell) -> bool:
    return cell.metadata.get("transient", {}).get("remove_source", False)


def test_figure_only_code_is_hidden_behind_its_figure():
    repr_text = nbformat.v4.new_output("execute_result", data={"text/plain": "[<matplotlib.lines.Line2D at 0x7f>]"},
                                       execution_count=1)
    printed = nbformat.v4.new_output("stream", name="stdout", text="E = 0.42\n")
    table = nbformat.v4.new_output("execute_result", data={"text/plain": "array([1, 2])"}, execution_count=2)
    widget = nbformat.v4.new_output("execute_result", data={slides.WIDGET_MIME: {"model_id": "m"},
                                                             "image/png": "iVBORw0KGgo=", "text/plain": "VBox()"},
                                    execution_count=3)
    figure, with_repr, explorer, prints, shows, silent = _lecture(
        _code("plt.plot(x, y)", [_png_output()]),
        _code("ax.plot(x, y)", [repr_text, _png_output()]),
        _code("NeuronExplorer()", [widget]),
        _code("plt.plot(x, y); print(E)", [_png_output(), printed]),
        _code("np.array([1, 2])", [table]),
        _code("x = 1"),
    )
    assert _hidden(figure) and _hidden(with_repr) and _hidden(explorer)
    assert [list(o["data"]) for o in with_repr.outputs] == [["image/png", "text/plain"]]   # the repr is gone
    assert not _hidden(prints) and not _hidden(shows) and not _hidden(silent)


NOT_ATTEMPTED = ("○ Exercise 4.2 (the A/B/C weight quiz): Not attempted yet: replace the `...` with your answer, "
                 "run the cell, then check again.\n")


def _prompt(cell) -> str:
    (out,) = cell.outputs
    return out["data"]["text/plain"]


def test_exercise_cells_become_a_prompt_to_the_class():
    stored = nbformat.v4.new_output("stream", name="stdout", text=NOT_ATTEMPTED)
    rich = nbformat.v4.new_output("display_data", data={
        "text/html": "<div><b>○ Exercise 6.1 (grey image)</b>: Not attempted yet: replace the <code>...</code></div>",
        "text/plain": "○ Exercise 6.1 (grey image): Not attempted yet: replace the `...` with your answer"})
    attempted = nbformat.v4.new_output("stream", name="stdout", text="✓ Exercise 1.1: correct\n")
    plain, html_feedback, cleared, worked, ordinary = _lecture(
        _code("new_weight = ...\nch04.quiz_weight_exercise.check(new_weight)", [stored]),
        _code("def f(x):\n    return ...\n\nch06.grey.check(f)", [rich]),
        _code("answer = ...\nch04.quiz_weight_exercise.check(answer)"),
        _code("ch01.worked.check(-0.27)", [attempted]),
        _code("print('check')", [nbformat.v4.new_output("stream", name="stdout", text="check\n")]),
    )
    assert _prompt(plain) == "Your turn: Exercise 4.2 (the A/B/C weight quiz) \u2014 try it in the notebook."
    assert 'class="course-exercise"' in plain.outputs[0]["data"]["text/html"]
    assert _prompt(html_feedback).startswith("Your turn: Exercise 6.1 (grey image)")
    assert "ch04.quiz_weight_exercise" in _prompt(cleared)        # no stored feedback: named from the code
    for cell in (plain, html_feedback, cleared):
        assert "Not attempted" not in str(cell.outputs) and not _hidden(cell)   # the code is the task: shown
    assert worked.outputs[0]["text"] == "✓ Exercise 1.1: correct\n"        # a filled-in example stays as it is
    assert ordinary.outputs[0]["text"] == "check\n"


def test_hint_cells_are_left_out_and_pass_on_their_slide_start():
    md = nbformat.v4.new_markdown_cell("Next topic")
    md.metadata["slideshow"] = {"slide_type": "-"}
    kept = _lecture(
        _code("x = 1", slide_type="slide"),
        _code("# ch04.errors_exercise.hint()\n# ch04.errors_exercise.solution()", slide_type="-"),
        _code("# ch04.other.hint()", slide_type="slide"),
        md,
        _code("# just a comment", slide_type="-"),
    )
    assert [c.source for c in kept] == ["x = 1", "Next topic", "# just a comment"]
    assert md.metadata["slideshow"]["slide_type"] == "slide"


def test_exported_deck_is_a_lecture_deck(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Title"),
                _code("fig = plot_everything()  # FIGURE-ONLY", [_png_output()]),
                _code("answer = ...\nch04.quiz_weight_exercise.check(answer)",
                      [nbformat.v4.new_output("stream", name="stdout", text=NOT_ATTEMPTED)]),
                _code("# ch04.quiz_weight_exercise.hint()")]
    nb.cells[0].metadata["slideshow"] = {"slide_type": "slide"}
    folder = tmp_path / "nb"
    folder.mkdir()
    nbformat.write(nb, folder / "01_x.ipynb")
    (deck,) = slides.export_slides(folder, tmp_path / "decks", offline=False)
    html = deck.read_text(encoding="utf-8")
    assert "FIGURE-ONLY" not in html and "data:image/png;base64,iVBORw0KGgo=" in html
    assert "Not attempted yet" not in html and "hint()" not in html
    assert "Your turn: Exercise 4.2 (the A/B/C weight quiz)" in html
    assert "width: W," in html and "var W = 1280, H = 720;" in html    # the 16:9 canvas every slide is fitted to
    assert 'navigationMode: "linear"' in html and "(cont.)" in html    # continuation slides when one is too tall
    assert "white-space: pre-wrap" in html                           # long lines wrap, never cut


def test_export_validates_its_arguments(tmp_path, tiny_dir):
    with pytest.raises(FileNotFoundError, match="notebooks_dir"):
        slides.export_slides(tmp_path / "missing", tmp_path / "out")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(FileNotFoundError, match="no \\*.ipynb"):
        slides.export_slides(empty, tmp_path / "out")
    with pytest.raises(TypeError, match="offline"):
        slides.export_slides(tiny_dir, tmp_path / "out", offline="yes")


def test_command_line(tmp_path, tiny_dir, capsys):
    assert slides.main(["--notebooks", str(tiny_dir), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "01_tiny.slides.html" in out
    assert (tmp_path / "out" / "01_tiny.slides.html").is_file()
    assert slides.main(["--notebooks", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o")]) == 2


def test_every_chapter_has_slide_metadata():
    if not CHAPTERS:
        unavailable(f"no chapter notebooks in {NOTEBOOKS_DIR}")
    problems = []
    for path in CHAPTERS:
        nb = nbformat.read(path, as_version=4)
        types = [c.get("metadata", {}).get("slideshow", {}).get("slide_type") for c in nb.cells]
        untagged = [i for i, t in enumerate(types) if t is None]
        unknown = sorted({t for t in types if t is not None and t not in SLIDE_TYPES})
        n_slides = _top_level_slides(nb)
        if untagged:   # the team rule: slide metadata on every cell
            problems.append(f"{path.name}: cells {untagged[:10]} have no slideshow.slide_type")
        if unknown:
            problems.append(f"{path.name}: unknown slide_type values {unknown} (allowed: {sorted(SLIDE_TYPES)})")
        if n_slides < MIN_SLIDES:
            problems.append(f"{path.name}: {n_slides} cells of slide_type 'slide' (want >= {MIN_SLIDES})")
        if nb.cells and nb.cells[0].get("metadata", {}).get("slideshow", {}).get("slide_type") != "slide":
            problems.append(f"{path.name}: the first cell should start a slide")
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------- offline decks


def _need_local_assets():
    assets = slides.find_local_assets()
    if set(assets) != {"reveal", "mathjax"}:
        pytest.skip("offline decks need local reveal.js and MathJax: pip install sphinx-revealjs jupyter-server-mathjax")
    return assets


def test_offline_deck_references_only_local_files(tmp_path, tiny_dir):
    _need_local_assets()
    (deck,) = slides.export_slides(tiny_dir, tmp_path / "decks", offline=True)
    html = deck.read_text(encoding="utf-8")
    remote = re.findall(r'<(?:script|link)\b[^>]*(?:src|href)="(https?:[^"]+)"', html)
    assert not remote, f"the offline deck still loads {remote}"
    assert (tmp_path / "decks" / "_assets" / "reveal.js" / "dist" / "reveal.js").is_file()
    mathjax = tmp_path / "decks" / "_assets" / "mathjax"
    assert (mathjax / "MathJax.js").is_file()
    # MathJax uses the fonts that are shipped (STIX-Web), not the absent TeX ones, and only what it needs is copied
    assert "STIX-Web" in html and 'availableFonts: ["STIX"]' in html
    assert (mathjax / "jax" / "output" / "HTML-CSS" / "fonts" / "STIX-Web" / "fontdata.js").is_file()
    assert any((mathjax / "fonts" / "HTML-CSS" / "STIX-Web" / "woff").glob("*.woff"))
    assert (mathjax / "config" / "TeX-AMS-MML_HTMLorMML-full.js").is_file()
    assert not (mathjax / "jax" / "output" / "SVG").exists() and not (mathjax / "extensions" / "a11y").exists()
    size = sum(p.stat().st_size for p in mathjax.rglob("*") if p.is_file())
    assert size < 4_000_000, f"{size} bytes of MathJax copied"


def test_offline_deck_opens_in_chromium_without_network(tmp_path, tiny_dir):
    _need_local_assets()
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} not found (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright Python package is not installed (pip install playwright)")
    (deck,) = slides.export_slides(tiny_dir, tmp_path / "decks", offline=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                     args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            context = browser.new_context(offline=True)
            remote = []
            context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                          else (remote.append(route.request.url), route.abort()))
            page = context.new_page()
            errors = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(deck.as_uri())
            page.wait_for_function("() => window.Reveal && Reveal.isReady()", timeout=20_000)
            assert page.evaluate("Reveal.getTotalSlides()") >= MIN_SLIDES
            # MathJax typeset the formulas (its output elements exist).
            page.wait_for_function("() => document.querySelectorAll('.MathJax, .MathJax_Display').length >= 2",
                                   timeout=20_000)
            assert not remote, f"the deck tried to load {remote}"
            assert not errors, errors
        finally:
            browser.close()


# --------------------------------------------------------------------------- projector mode

@pytest.fixture
def clean_rc():
    """Each projector test starts from matplotlib's current rcParams and leaves them untouched."""
    with mpl.rc_context():
        present._saved_params = None
        yield
        present._saved_params = None


def _values():
    return {key: mpl.rcParams[key] for key in PROJECTOR_KEYS}


def test_projector_mode_scales_and_restores_exactly(clean_rc):
    before_all = dict(mpl.rcParams)
    before = _values()
    handle = projector_mode()
    assert handle.on and handle.scale == pytest.approx(1.6)
    assert mpl.rcParams["font.size"] == pytest.approx(before["font.size"] * 1.6)
    g = min(1.6, present.CELL_WIDTH_PX / (before["figure.figsize"][0] * mpl.rcParams["figure.dpi"]))
    assert mpl.rcParams["figure.figsize"] == pytest.approx([v * g for v in before["figure.figsize"]])
    assert mpl.rcParams["lines.linewidth"] == pytest.approx(before["lines.linewidth"] * 1.6)
    projector_mode(False)
    assert dict(mpl.rcParams) == before_all


def test_projector_mode_does_not_compound(clean_rc):
    base = mpl.rcParams["font.size"]
    projector_mode(scale=2.0)
    projector_mode(scale=2.0)
    assert mpl.rcParams["font.size"] == pytest.approx(base * 2.0)
    projector_mode(scale=1.5)
    assert mpl.rcParams["font.size"] == pytest.approx(base * 1.5)
    projector_mode(False)
    assert mpl.rcParams["font.size"] == base


def test_projector_mode_off_when_off_changes_nothing(clean_rc):
    before_all = dict(mpl.rcParams)
    projector_mode(False)
    assert dict(mpl.rcParams) == before_all


def test_projector_mode_keeps_word_font_sizes(clean_rc):
    mpl.rcParams["axes.titlesize"] = "large"
    mpl.rcParams["legend.fontsize"] = 9
    projector_mode(scale=2.0)
    assert mpl.rcParams["axes.titlesize"] == "large"      # relative to font.size, which was scaled
    assert mpl.rcParams["legend.fontsize"] == pytest.approx(18)
    projector_mode(False)
    assert mpl.rcParams["legend.fontsize"] == 9


def test_projector_mode_context_manager(clean_rc):
    before_all = dict(mpl.rcParams)
    with projector_mode(scale=2.0) as mode:
        assert mode.on
        assert mpl.rcParams["font.size"] == pytest.approx(before_all["font.size"] * 2)
    assert dict(mpl.rcParams) == before_all
    with pytest.raises(ZeroDivisionError):
        with projector_mode():
            1 / 0
    assert dict(mpl.rcParams) == before_all


def test_projector_mode_block_inside_projector_mode_restores_the_outer_state(clean_rc):
    base = mpl.rcParams["font.size"]
    projector_mode(scale=1.5)
    with projector_mode(scale=3.0):
        assert mpl.rcParams["font.size"] == pytest.approx(base * 3.0)
    assert mpl.rcParams["font.size"] == pytest.approx(base * 1.5)
    projector_mode(False)
    assert mpl.rcParams["font.size"] == base


def test_projector_mode_figure_really_is_bigger(clean_rc):
    import matplotlib.pyplot as plt

    with projector_mode(scale=2.0):
        fig = plt.figure()
        width = fig.get_size_inches()[0]
        plt.close(fig)
    fig = plt.figure()
    # bigger, but never wider than a notebook cell (the fonts take the rest of the scale)
    assert fig.get_size_inches()[0] < width <= present.CELL_WIDTH_PX / mpl.rcParams["figure.dpi"] + 1e-9
    plt.close(fig)


@pytest.mark.parametrize("scale, error", [(0, ValueError), (-1.6, ValueError), (0.49, ValueError), (4.01, ValueError),
                                          (float("nan"), ValueError), ("big", TypeError), (True, TypeError),
                                          (None, TypeError)])
def test_projector_mode_rejects_bad_scale(clean_rc, scale, error):
    before_all = dict(mpl.rcParams)
    with pytest.raises(error, match="scale"):
        projector_mode(scale=scale)
    assert dict(mpl.rcParams) == before_all


@pytest.mark.parametrize("on", ["yes", 1, None])
def test_projector_mode_rejects_non_bool_on(clean_rc, on):
    with pytest.raises(TypeError, match="on must be True or False"):
        projector_mode(on)


# --------------------------------------------------------------------------- the CDN fallback is never silent

@pytest.mark.parametrize("found, missing", [({}, ("reveal.js and MathJax", "sphinx-revealjs jupyter-server-mathjax")),
                                            ({"reveal": Path("/r")}, ("MathJax", "pip install jupyter-server-mathjax"))])
def test_export_warns_when_it_falls_back_to_the_cdn(tmp_path, tiny_dir, monkeypatch, found, missing):
    monkeypatch.setattr(slides, "find_local_assets", lambda: dict(found))
    monkeypatch.setattr(slides, "_copy_assets", lambda assets, out: {"reveal": slides.CDN_REVEAL,
                                                                      "mathjax": slides.CDN_MATHJAX})
    with pytest.warns(slides.CDNFallbackWarning) as record:
        (deck,) = slides.export_slides(tiny_dir, tmp_path / "decks")
    message = str(record[0].message)
    assert all(word in message for word in missing) and "CDN" in message and "internet" in message
    assert slides.CDN_MATHJAX in deck.read_text(encoding="utf-8")


def test_no_warning_when_the_cdn_is_chosen_or_the_assets_are_there(tmp_path, tiny_dir, monkeypatch):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", slides.CDNFallbackWarning)
        slides.export_slides(tiny_dir, tmp_path / "cdn", offline=False)
        monkeypatch.setattr(slides, "find_local_assets", lambda: {"reveal": Path("/r"), "mathjax": Path("/m")})
        monkeypatch.setattr(slides, "_copy_assets", lambda assets, out: {"reveal": "_assets/reveal.js",
                                                                          "mathjax": "_assets/mathjax/MathJax.js"})
        slides.export_slides(tiny_dir, tmp_path / "local")


def test_offline_true_without_assets_names_the_packages(tmp_path, tiny_dir, monkeypatch):
    monkeypatch.setattr(slides, "find_local_assets", lambda: {"mathjax": Path("/m")})
    with pytest.raises(RuntimeError, match="reveal.js not found: pip install sphinx-revealjs$"):
        slides.export_slides(tiny_dir, tmp_path / "decks", offline=True)


def test_command_line_prints_the_cdn_advice_once_without_a_warning(tmp_path, tiny_dir, monkeypatch, capsys):
    monkeypatch.setattr(slides, "find_local_assets", dict)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", slides.CDNFallbackWarning)
        assert slides.main(["--notebooks", str(tiny_dir), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "from a CDN" in out and "pip install sphinx-revealjs jupyter-server-mathjax" in out
