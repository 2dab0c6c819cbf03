"""Every explorer is legible at 100 % zoom, sharp on a HiDPI screen and larger in projector mode (issue 13: 1, 9).

What the student sees is measured in CSS px: a text of ``s`` points in a PNG rendered at ``dpi`` pixels per
inch and shown with ``pixel_ratio`` PNG pixels per CSS px is ``s · dpi / 72 / pixel_ratio`` CSS px tall.
Every text the figure really draws (ticks, axis labels, titles, annotations, legends, tables, the texts
that change with the sliders) is recorded while the whole figure is drawn, and must be ≥ 11 CSS px.
"""
import matplotlib

matplotlib.use("Agg")

import io  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402
from matplotlib.text import Text  # noqa: E402

import course_lib.explorers as explorers  # noqa: E402
from course_lib.explorers.base import MIN_TEXT_PX, Explorer  # noqa: E402
from course_lib.present import CELL_WIDTH_PX, projector_mode  # noqa: E402

MIN_PX = 11          # issue 13: "text ≥ 11 px" at 100 % zoom


class FakeDigitModel:
    def predict_proba(self, X):
        z = np.asarray(X, dtype=float).reshape(len(X), -1)[:, :10] / 100.0
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)


def _digits():
    rng = np.random.default_rng(0)
    return rng.integers(0, 256, size=(12, 28, 28)).astype(np.uint8), rng.integers(0, 10, size=12)


#: How to build each explorer that needs arguments; every other one is built with its defaults.
SPECIAL = {
    "MNISTBrowser": lambda: explorers.MNISTBrowser(FakeDigitModel(), *_digits()),
    "NetworkDesignerExplorer": lambda: explorers.NetworkDesignerExplorer(
        lambda hidden, epochs: (1000, 0.91), hidden_layers=1, width=32, epochs=2),
}

EXPLORERS = sorted(name for name in explorers.__all__
                   if isinstance(getattr(explorers, name), type) and issubclass(getattr(explorers, name), Explorer)
                   and getattr(explorers, name) is not Explorer)


def build(name):
    return SPECIAL[name]() if name in SPECIAL else getattr(explorers, name)()


def drawn_texts(ex):
    """Every Text the explorer's figure really draws (static background and moving artists), with its size."""
    seen = []
    original = Text.draw

    def recording(self, renderer):
        if self.get_visible() and self.get_text().strip():
            seen.append(self)
        return original(self, renderer)

    Text.draw = recording
    try:
        ex.canvas.draw()                                        # the static parts
        ex._draw_artists(list(ex._slow) + list(ex._animated))   # and what the sliders move
    finally:
        Text.draw = original
    return seen


def css_px(ex, text):
    """Height of ``text``'s font in CSS px as displayed (pt · dpi / 72, ÷ PNG pixels per CSS px)."""
    return text.get_fontsize() * ex.dpi / 72 / getattr(ex, "pixel_ratio", 1)


def tick_px(ex):
    """The CSS px of the first axes' tick labels (every explorer has at least one axis with ticks)."""
    for text in drawn_texts(ex):
        if any(text in ax.get_xticklabels() + ax.get_yticklabels() for ax in ex.fig.axes):
            return css_px(ex, text)
    raise AssertionError(f"{type(ex).__name__} draws no tick label")


def test_every_explorer_is_covered():
    assert set(EXPLORERS) >= {"NeuronExplorer", "HubbleLineExplorer", "MNISTBrowser", "NetworkDesignerExplorer"}
    assert MIN_TEXT_PX >= MIN_PX


@pytest.mark.parametrize("name", EXPLORERS)
def test_every_text_is_at_least_11_css_px(name):
    ex = build(name)
    texts = drawn_texts(ex)
    assert texts, name
    small = sorted({(round(css_px(ex, t), 1), t.get_text()[:20]) for t in texts if css_px(ex, t) < MIN_PX})
    assert not small, f"{name}: texts under {MIN_PX} CSS px at 100 % zoom: {small[:6]}"


@pytest.mark.parametrize("name", EXPLORERS)
def test_displayed_size_is_the_png_at_1_5_pixels_per_css_px(name):
    ex = build(name)
    width, height = ex.canvas.get_width_height()
    ratio = getattr(ex, "pixel_ratio", 1)
    assert ratio >= 1.5, f"{name}: {ratio} PNG pixels per CSS px is blurred on a HiDPI screen"
    assert ex.image.layout.width == f"{width / ratio:g}px" and ex.image.layout.height == f"{height / ratio:g}px"
    assert ex.image.layout.min_width == ex.image.layout.width            # fixed: the page does not jump
    assert ex.css_size == (width / ratio, height / ratio)
    assert ex.css_size[0] <= CELL_WIDTH_PX                                # fits a laptop's notebook cell
    assert Image.open(io.BytesIO(ex.png())).size == (width, height) == tuple(round(v * ex.dpi) for v in ex.figsize)


@pytest.mark.parametrize("name", ["NeuronExplorer", "HubbleLineExplorer", "NetworkDesignerExplorer"])
def test_projector_mode_makes_explorer_text_larger_on_screen(name):
    normal = build(name)
    with projector_mode(scale=1.6):
        big = build(name)
    after = build(name)                                                   # off again: back to normal
    assert tick_px(big) >= 1.5 * tick_px(normal), (tick_px(big), tick_px(normal))
    smallest = min(css_px(big, t) for t in drawn_texts(big))
    assert smallest >= 1.5 * MIN_PX
    assert big.css_size[0] <= CELL_WIDTH_PX                              # grown, but not beyond the cell
    assert big.pixel_ratio >= 1                                           # never upscaled (blurred)
    big_px, normal_px = np.prod(big.canvas.get_width_height()), np.prod(normal.canvas.get_width_height())
    assert big_px <= 1.2 * normal_px                                      # about as many pixels: as fast
    assert tick_px(after) == pytest.approx(tick_px(normal)) and after.css_size == normal.css_size


def test_projector_mode_off_explorer_sizes_unchanged_by_earlier_blocks():
    before = explorers.NeuronExplorer()
    with projector_mode(scale=2.0):
        pass
    assert explorers.NeuronExplorer().css_size == before.css_size


def test_no_explorer_or_figure_sets_a_font_size_in_points():
    """Sizes are words ("small", "large"): a number of points would not follow the explorer fonts or projector mode."""
    import re
    from pathlib import Path

    import course_lib

    root = Path(course_lib.__file__).parent
    found = [f"{path.relative_to(root)}:{n}: {line.strip()}"
             for folder in ("explorers", "figures") for path in sorted((root / folder).glob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"\b(fontsize|labelsize|titlesize)\s*=\s*[0-9]", line)]
    assert not found, "\n".join(found)
