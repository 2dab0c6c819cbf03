"""Export every chapter notebook as a reveal.js slide deck (static HTML).

    python -m course_lib.slides                      # notebooks/ -> slides/
    python -m course_lib.slides --out /tmp/decks     # somewhere else
    python -m course_lib.slides --notebooks path/to/notebooks --out DIR

This is nbconvert's ``--to slides`` (``SlidesExporter``) with our page
template (``slides_template``).  The stored outputs are used; nothing is
executed and nothing is downloaded at export time.  Which cells become
slides is set by each cell's ``slideshow.slide_type`` metadata (slide /
subslide / fragment / skip / notes).

Decks to project instead of the lecture slides (a 1280×720 canvas that
reveal.js scales to the screen):

- Every slide fits.  When a deck opens, each slide is measured in the
  browser; one that is too tall is scaled down a little (to 85 % at most) or
  else split into continuation slides "… (cont.)" at a cell boundary (or
  between a code cell and its output, between paragraphs / list items, or
  between lines of long code); text never goes below 78 % (code ≥ 15 px on
  the canvas).  Long code lines and text output wrap instead of being cut.
  → / Space step through every slide in order (``navigationMode: linear``).
- A cell whose outputs are only pictures (a figure, an explorer's PNG) shows
  the picture without its code; a cell that also prints text keeps its code.
  Figures are drawn up to 1.5 × their pixel size, never taller than the slide.
- An exercise cell (``….check(`` with the ``...`` placeholder) shows its code
  (the task) and, instead of the checker's "Not attempted yet", the prompt
  "Your turn: Exercise 4.2 (…) — try it in the notebook."; the
  ``# chNN.x.hint()`` / ``.solution()`` pointer cells are left out.
- Offline maths: MathJax 2.7 from jupyter-server-mathjax ships only the
  STIX-Web fonts, so the decks use them (HTML-CSS output); only the parts
  a deck loads are copied (about 2.8 MB of 12 MB).

Viewing offline.  nbconvert's own template loads reveal.js, require.js,
jQuery and MathJax from CDNs when the deck is opened.  Our template needs
only reveal.js and MathJax, and uses local copies when the packages that
ship them are installed (``pip install sphinx-revealjs jupyter-server-mathjax``):
they are copied next to the decks (``_assets/``) and the decks then open
from disk with no network.  Without those packages the decks load reveal.js
and MathJax from the CDN (the same URLs nbconvert uses), i.e. viewing needs
an internet connection; ``export_slides`` then warns (``CDNFallbackWarning``)
and the command line prints the same advice.

The decks are static: widgets (the explorers) cannot move without a kernel.
An explorer's output shows the PNG of its figure that it stores beside the
widget; a widget with no picture (a progress bar) is left out.  For live
sliders in class use JupyterLab's View ▸ Presentation Mode instead.
"""
from __future__ import annotations

import argparse
import ast
import html
import importlib.util
import logging
import os
import re
import shutil
import sys
import warnings
from pathlib import Path

import nbformat

from . import slides_template
from .i18n import LANGUAGES, N_, _, language
from ._validate import _describe, check_bool

__all__ = ["CDNFallbackWarning", "export_slides", "find_local_assets"]

CDN_REVEAL = "https://unpkg.com/reveal.js@4.0.2"  # nbconvert 7's default
CDN_MATHJAX = "https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.7/latest.js?config=TeX-AMS_CHTML-full,Safe"
ASSETS_DIR = "_assets"
#: The PyPI package that ships each asset (for the messages that say what to install).
ASSET_PACKAGES = {"reveal": "sphinx-revealjs", "mathjax": "jupyter-server-mathjax"}
_ASSET_NAMES = {"reveal": "reveal.js", "mathjax": "MathJax"}


class CDNFallbackWarning(UserWarning):
    """export_slides() found no local reveal.js and/or MathJax: the decks load them from a CDN (need internet)."""
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"

# nbconvert's HTML priority minus the widget view and JavaScript: a static
# deck has no widget manager, so show the PNG / HTML / text the output carries.
_DISPLAY_PRIORITY = ["text/html", "text/markdown", "image/svg+xml", "text/latex",
                     "image/png", "image/jpeg", "text/plain"]

# The page template (lecture look, offline MathJax, fitting every slide to the
# canvas) lives in slides_template.py.

# What a deck needs of MathJax 2.7 (TeX in, HTML-CSS out with the STIX-Web
# fonts): about 2.8 MB of the 12 MB jupyter-server-mathjax ships (no SVG
# output, no a11y extensions, only the English and Japanese messages).
_MATHJAX_PARTS = ("MathJax.js", "LICENSE", "config", "extensions/TeX", "extensions/HTML-CSS",
                  "jax/input/TeX", "jax/element", "jax/output/HTML-CSS", "fonts/HTML-CSS/STIX-Web/woff",
                  "localization/en", "localization/ja")
_MATHJAX_TOP_EXTENSIONS = "extensions/*.js"


def _package_dir(name: str) -> Path | None:
    """Where package ``name`` is installed, without importing it (None if absent)."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def find_local_assets() -> dict[str, Path]:
    """Local copies of reveal.js and MathJax 2 shipped by PyPI packages, if installed.

    reveal.js: the sphinx-revealjs package ships reveal.js 5 (MIT) in
    ``_static/revealjs`` (dist/reveal.js, dist/theme/, plugin/notes/).
    MathJax: jupyter-server-mathjax ships MathJax 2.7 (Apache-2.0) in ``static``.
    Returns a dict with the keys found: "reveal" and/or "mathjax".
    """
    found: dict[str, Path] = {}
    sphinx_revealjs = _package_dir("sphinx_revealjs")
    if sphinx_revealjs is not None:
        candidates = [sphinx_revealjs / "_static" / "revealjs"]
        candidates += sorted(p.parent.parent for p in sphinx_revealjs.rglob("dist/reveal.js"))
        for path in candidates:
            if (path / "dist" / "reveal.js").is_file() and (path / "plugin" / "notes" / "notes.js").is_file():
                found["reveal"] = path
                break
    mathjax = _package_dir("jupyter_server_mathjax")
    if mathjax is not None and (mathjax / "static" / "MathJax.js").is_file():
        found["mathjax"] = mathjax / "static"
    return found


def _copy_assets(assets: dict[str, Path], out_dir: Path) -> dict[str, str]:
    """Copy what the decks load into out_dir/_assets; return the URLs to use (relative)."""
    urls = {"reveal": CDN_REVEAL, "mathjax": CDN_MATHJAX}
    if "reveal" in assets:
        target = out_dir / ASSETS_DIR / "reveal.js"
        for part in ("dist", "plugin/notes", "LICENSE"):
            source = assets["reveal"] / part
            if source.is_dir():
                shutil.copytree(source, target / part, dirs_exist_ok=True)
            elif source.is_file():
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / part)
        urls["reveal"] = f"{ASSETS_DIR}/reveal.js"
    if "mathjax" in assets:
        source, target = assets["mathjax"], out_dir / ASSETS_DIR / "mathjax"
        for part in _MATHJAX_PARTS:
            if (source / part).is_dir():
                shutil.copytree(source / part, target / part, dirs_exist_ok=True,
                                ignore=shutil.ignore_patterns("*.py", "__pycache__"))
            elif (source / part).is_file():
                (target / part).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source / part, target / part)
        for path in source.glob(_MATHJAX_TOP_EXTENSIONS):
            (target / "extensions").mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target / "extensions" / path.name)
        # the page (slides_template) makes HTML-CSS use the STIX-Web fonts shipped here
        urls["mathjax"] = f"{ASSETS_DIR}/mathjax/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full,Safe"
    return urls


def _static_outputs(nb):
    """A deck has no kernel: a widget output shows its PNG fallback (the explorers
    store one) or, with none (e.g. a training progress bar), is left out."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        kept_outputs = []
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_MIME in data:
                images = {k: v for k, v in data.items() if k.startswith("image/")}
                if not images:
                    continue
                output["data"] = images
            kept_outputs.append(output)
        cell["outputs"] = kept_outputs
    # The saved widget state (JupyterLab's "save widget state") is only read by a
    # widget manager, which a static deck does not load: leave the bytes out.
    nb.metadata.pop("widgets", None)
    return nb


_EXERCISE_PROMPT = N_("Your turn: {name} \u2014 try it in the notebook.")
# "○ Exercise 4.2 (the A/B/C weight quiz): Not attempted yet: …" (course_lib/checks/base.py); in Japanese
# "○ 演習 4.2 （…）: …": the mark ○ opens only a not-attempted message, the name ends at the first colon.
_NOT_ATTEMPTED = re.compile(r"^\W*\s*(?P<name>[^\n]+?)\s*[:\uff1a]\s*Not attempted yet", re.MULTILINE | re.IGNORECASE)
_TODO_MARK = re.compile(r"^\u25cb\s*(?P<name>[^\n]+?)\s*[:\uff1a]\s", re.MULTILINE)
# the language line of a chapter's first course_lib cell: course_lib.set_language("ja")
_LANGUAGE_LINE = re.compile(r"""\bset_language\(\s*["'](?P<lang>[a-z]{2})["']\s*\)""")
_CHECK_CALL = re.compile(r"\b(?P<name>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\.check\(")
_MPL_REPR = re.compile(r"^\[?<(matplotlib|Figure)|^Text\(|^\(<Figure|^<Axes")


def _slide_type(cell) -> str:
    return cell.get("metadata", {}).get("slideshow", {}).get("slide_type") or "-"


def _output_text(output) -> str:
    if output.get("output_type") == "stream":
        return output.get("text", "")
    data = output.get("data", {})
    text = data.get("text/plain") or ""
    if not text and "text/html" in data:
        text = re.sub(r"<[^>]+>", "", data["text/html"] if isinstance(data["text/html"], str)
                      else "".join(data["text/html"]))
    return text if isinstance(text, str) else "".join(text)


def _has_placeholder(source: str) -> bool:
    """True if the code contains the ``...`` (Ellipsis) a student replaces."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return "..." in source
    return any(isinstance(node, ast.Constant) and node.value is Ellipsis for node in ast.walk(tree))


def _is_exercise(cell) -> bool:
    """An exercise cell: it calls ``something.check(`` and still has the ``...`` placeholder
    (or its stored feedback says "Not attempted yet")."""
    source = cell.get("source", "")
    if not _CHECK_CALL.search(source):
        return False
    return _has_placeholder(source) or any(_NOT_ATTEMPTED.search(_output_text(o)) for o in cell.get("outputs", []))


def _exercise_name(cell) -> str:
    for output in cell.get("outputs", []):
        match = _NOT_ATTEMPTED.search(_output_text(output)) or _TODO_MARK.search(_output_text(output))
        if match:
            return match["name"].strip()
    calls = _CHECK_CALL.findall(cell.get("source", ""))
    return _("the exercise ({call})").format(call=calls[-1]) if calls else _("the exercise")


def notebook_language(nb) -> str:
    """The language a chapter speaks: what its ``set_language("…")`` line chooses ("en" without one)."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            match = _LANGUAGE_LINE.search(cell.get("source", ""))
            if match and match["lang"] in LANGUAGES:
                return match["lang"]
    return "en"


def _is_hint_cell(cell) -> bool:
    """A code cell of comments only that points at ``.hint()`` / ``.solution()``."""
    lines = [line.strip() for line in cell.get("source", "").splitlines() if line.strip()]
    return (bool(lines) and all(line.startswith("#") for line in lines)
            and any(".hint()" in line or ".solution()" in line for line in lines))


def _is_picture(output) -> bool:
    return output.get("output_type") in ("display_data", "execute_result") and any(
        key.startswith("image/") for key in output.get("data", {}))


def _is_figure_repr(output) -> bool:
    """``<Figure size 640x480 with 1 Axes>``, ``[<matplotlib.lines.Line2D …>]``, ``Text(0.5, 1.0, '…')``."""
    data = output.get("data", {})
    return (output.get("output_type") in ("display_data", "execute_result") and set(data) == {"text/plain"}
            and bool(_MPL_REPR.match(_output_text(output).strip())))


def _lecture_cells(nb):
    """Turn the notebook's cells into what a lecture slide shows (after _static_outputs).

    - A cell whose outputs are only pictures (a figure, an explorer's PNG) shows
      the picture without its code; matplotlib's text repr beside a picture
      (``<Figure …>``, ``[<matplotlib.lines.Line2D …>]``) is dropped with it.
      A cell that also prints text, or shows a table, keeps its code.
    - An exercise cell (``….check(`` with the ``...`` placeholder) keeps its code
      (the task) and, instead of the checker's "Not attempted yet" feedback,
      shows a prompt to the class: "Your turn: Exercise 4.2 (…) — try it in the notebook."
    - Hint/solution pointer cells (``# chNN.x.hint()``) are left out; their
      slide/sub-slide start moves to the next cell.
    """
    rank = {"slide": 2, "subslide": 1}
    cells, carry = [], None
    for cell in nb.cells:
        if cell.cell_type == "code" and _is_hint_cell(cell):
            if rank.get(_slide_type(cell), 0) > rank.get(carry, 0):
                carry = _slide_type(cell)
            continue
        if carry is not None and _slide_type(cell) not in ("skip", "notes"):
            if rank.get(_slide_type(cell), 0) < rank[carry]:
                cell.metadata.setdefault("slideshow", {})["slide_type"] = carry
            carry = None
        if cell.cell_type == "code":
            outputs = cell.get("outputs", [])
            if _is_exercise(cell):
                name = _exercise_name(cell)
                text = _(_EXERCISE_PROMPT).format(name=name)
                cell.outputs = [nbformat.v4.new_output("display_data", data={
                    "text/html": f'<div class="course-exercise">{html.escape(text)}</div>', "text/plain": text})]
            elif outputs and all(_is_picture(o) or _is_figure_repr(o) for o in outputs) \
                    and any(_is_picture(o) for o in outputs):
                cell.outputs = [o for o in outputs if _is_picture(o)]
                cell.metadata.setdefault("transient", {})["remove_source"] = True
        cells.append(cell)
    nb.cells = cells
    return nb


def _chapters(notebooks_dir: Path) -> list[Path]:
    return sorted(p for p in notebooks_dir.glob("*.ipynb") if not p.name.startswith("."))


def _folder_arg(value, name) -> Path:
    if isinstance(value, bytes) or not isinstance(value, (str, os.PathLike)):
        raise TypeError(f"{name} must be a folder path (str or pathlib.Path); got {_describe(value)}.")
    return Path(value)


def export_slides(notebooks_dir, out_dir, *, offline: bool | None = None) -> list[Path]:
    """Export every ``*.ipynb`` in ``notebooks_dir`` to ``out_dir/NAME.slides.html``.

    offline: None (default) uses local reveal.js / MathJax copies when the
             packages that ship them are installed, else the CDN and a
             ``CDNFallbackWarning`` naming what to install;  True requires the
             local copies (RuntimeError naming the packages to install if
             absent);  False always uses the CDN (no warning).
    Returns the paths of the decks, in chapter order.
    """
    from jinja2 import DictLoader
    from nbconvert import SlidesExporter
    from traitlets.config import Config

    notebooks_dir = _folder_arg(notebooks_dir, "notebooks_dir")
    out_dir = _folder_arg(out_dir, "out_dir")
    if not notebooks_dir.is_dir():
        raise FileNotFoundError(f"notebooks_dir must be a directory of notebooks; got {str(notebooks_dir)!r}.")
    if out_dir.exists() and not out_dir.is_dir():
        raise FileExistsError(f"out_dir must be a folder (new or existing); got {str(out_dir)!r}, which is a file.")
    if offline is not None:
        try:
            offline = check_bool(offline, "offline")
        except TypeError:
            raise TypeError(f"offline must be None, True or False; got {_describe(offline)}.") from None
    chapters = _chapters(notebooks_dir)
    if not chapters:
        raise FileNotFoundError(f"no *.ipynb notebooks in {str(notebooks_dir)!r}.")

    assets = find_local_assets() if offline is not False else {}
    missing = [key for key in ASSET_PACKAGES if key not in assets]
    if missing and offline is not False:
        what = " and ".join(_ASSET_NAMES[key] for key in missing)
        install = "pip install " + " ".join(ASSET_PACKAGES[key] for key in missing)
        if offline is True:
            raise RuntimeError(f"offline=True needs local copies of reveal.js and MathJax; {what} not found: {install}")
        warnings.warn(
            f"No local copy of {what} was found, so the decks load {what} from a CDN when opened "
            f"(viewing needs internet). For decks that open offline: {install}   and export again "
            "(or pass offline=False to choose the CDN without this warning).",
            CDNFallbackWarning, stacklevel=2,
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    urls = _copy_assets(assets, out_dir)

    config = Config()
    config.SlidesExporter.reveal_url_prefix = urls["reveal"]
    config.SlidesExporter.reveal_theme = "white"  # its fonts ship with reveal.js (no Google Fonts)
    config.SlidesExporter.reveal_transition = "none"   # calmer for a classroom
    config.SlidesExporter.reveal_number = "c/t"
    config.SlidesExporter.mathjax_url = urls["mathjax"]
    config.NbConvertBase.display_data_priority = _DISPLAY_PRIORITY
    exporter = SlidesExporter(config=config,
                              extra_loaders=[DictLoader({slides_template.NAME: slides_template.template()})])
    exporter.template_file = slides_template.NAME
    # nbconvert warns "Alternative text is missing on N image(s)" for every
    # matplotlib figure: true but not actionable here, so keep the CLI quiet.
    exporter.log.setLevel(logging.ERROR)

    decks = []
    for path in chapters:
        nb = nbformat.read(path, as_version=4)
        with language(notebook_language(nb)):        # the deck's own words in the chapter's language
            nb = _lecture_cells(_static_outputs(nb))
        body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": path.stem}})
        deck = out_dir / f"{path.stem}.slides.html"
        deck.write_text(body, encoding="utf-8")
        decks.append(deck)
    return decks


def _default_notebooks_dir() -> Path:
    """./notebooks if it exists, else the notebooks/ beside this package (a source checkout)."""
    here = Path.cwd() / "notebooks"
    return here if here.is_dir() else Path(__file__).resolve().parents[1] / "notebooks"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m course_lib.slides",
                                     description="Export every chapter notebook as a reveal.js slide deck "
                                                 "(and those of the Japanese edition in NOTEBOOKS/ja to OUT/ja).")
    parser.add_argument("--notebooks", type=Path, default=None,
                        help="folder with the chapter notebooks (default: ./notebooks)")
    parser.add_argument("--out", type=Path, default=Path("slides"), help="output folder (default: ./slides)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--offline", dest="offline", action="store_true", default=None,
                       help="require local reveal.js/MathJax (pip install sphinx-revealjs jupyter-server-mathjax)")
    group.add_argument("--cdn", dest="offline", action="store_false", help="always load reveal.js/MathJax from the CDN")
    args = parser.parse_args(argv)
    try:
        with warnings.catch_warnings():       # the command line prints its own note about the CDN below
            warnings.simplefilter("ignore", CDNFallbackWarning)
            notebooks = args.notebooks or _default_notebooks_dir()
            decks = export_slides(notebooks, args.out, offline=args.offline)
            if (notebooks / "ja").is_dir() and any((notebooks / "ja").glob("*.ipynb")):   # the Japanese edition
                decks += export_slides(notebooks / "ja", args.out / "ja", offline=args.offline)
    except (FileNotFoundError, FileExistsError, RuntimeError, TypeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for deck in decks:
        print(f"wrote {deck}")
    html = decks[0].read_text(encoding="utf-8")
    from_cdn = [name for name, url in (("reveal.js", CDN_REVEAL), ("MathJax", CDN_MATHJAX)) if url in html]
    if not from_cdn:
        print(f"reveal.js and MathJax copied to {args.out / ASSETS_DIR}: the decks open offline.")
    else:
        print(f"The decks load {' and '.join(from_cdn)} from a CDN when opened (needs internet).  "
              "For decks that open offline:\n  pip install sphinx-revealjs jupyter-server-mathjax   and export again.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
