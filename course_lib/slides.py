"""Export every chapter notebook as a reveal.js slide deck (static HTML).

    python -m course_lib.slides                      # notebooks/ -> slides/
    python -m course_lib.slides --out /tmp/decks     # somewhere else
    python -m course_lib.slides --notebooks path/to/notebooks --out DIR

This is nbconvert's ``--to slides`` (``SlidesExporter``) with a slightly
different page template.  The stored outputs are used; nothing is executed
and nothing is downloaded at export time.  Which cells become slides is set
by each cell's ``slideshow.slide_type`` metadata (slide / subslide /
fragment / skip / notes).

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
import importlib.util
import logging
import os
import shutil
import sys
import warnings
from pathlib import Path

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

# Extends nbconvert's reveal template (reveal/index.html.j2, whose top-level
# variables reveal_url_prefix, reveal_theme, ... are visible in the blocks).
# Changes: reveal.js and its notes plugin come in as plain <script> tags (no
# require.js / jQuery / mermaid from a CDN, and they work from file://);
# the CDN widget loader is dropped (static deck); slides taller than the
# screen scroll instead of being cut off.
_TEMPLATE_NAME = "course_slides.html.j2"
_TEMPLATE = r"""
{%- extends 'index.html.j2' -%}

{%- block html_head_js -%}
<script src="{{ reveal_url_prefix }}/dist/reveal.js"></script>
<script src="{{ reveal_url_prefix }}/plugin/notes/notes.js"></script>
{%- endblock html_head_js -%}

{% block jupyter_widgets %}{% endblock jupyter_widgets %}

{% block footer_js %}
<style>
/* headings as written (the white theme would print them in capitals) */
.reveal h1, .reveal h2, .reveal h3, .reveal h4, .reveal h5, .reveal h6 { text-transform: none; }
/* a tall slide scrolls instead of running off the projector */
.reveal .slides > section.course-scroll, .reveal .slides > section > section.course-scroll {
  height: 95vh !important; overflow-y: auto !important; top: 0 !important;
}
</style>
<script>
Reveal.initialize({
  controls: true,
  progress: true,
  history: true,
  hash: true,
  transition: "{{ reveal_transition }}",
  slideNumber: "{{ reveal_number }}",
  plugins: [RevealNotes],
  width: {{ reveal_width }},
  height: {{ reveal_height }}
});
function courseSlideChanged(event) {
  var slide = event.currentSlide;
  if (slide && slide.scrollHeight > Reveal.getConfig().height * 1.02) slide.classList.add('course-scroll');
  if (window.MathJax && MathJax.Hub) MathJax.Hub.Queue(["Rerender", MathJax.Hub, slide]);
}
Reveal.on('ready', courseSlideChanged);
Reveal.on('slidechanged', courseSlideChanged);
</script>
{% endblock footer_js %}
"""


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
        target = out_dir / ASSETS_DIR / "mathjax"
        shutil.copytree(assets["mathjax"], target, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("*.py", "__pycache__"))
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
    import nbformat
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
    exporter = SlidesExporter(config=config, extra_loaders=[DictLoader({_TEMPLATE_NAME: _TEMPLATE})])
    exporter.template_file = _TEMPLATE_NAME
    # nbconvert warns "Alternative text is missing on N image(s)" for every
    # matplotlib figure: true but not actionable here, so keep the CLI quiet.
    exporter.log.setLevel(logging.ERROR)

    decks = []
    for path in chapters:
        nb = _static_outputs(nbformat.read(path, as_version=4))
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
                                     description="Export every chapter notebook as a reveal.js slide deck.")
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
            decks = export_slides(args.notebooks or _default_notebooks_dir(), args.out, offline=args.offline)
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
