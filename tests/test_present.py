"""Projector mode makes text larger where the back row sees it: on the screen (issue 13, item 9).

A notebook shows a figure at most ``CELL_WIDTH_PX`` CSS px wide: a wider PNG is shrunk to fit, and its
text with it.  So the size that counts is a tick label's CSS px *at the displayed size*:
``fontsize · dpi / 72 · min(1, CELL_WIDTH_PX / width_px)``.  (The other projector tests — restoring the
rcParams exactly, bad arguments — are in tests/test_slides.py.)
"""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from course_lib import present  # noqa: E402
from course_lib.figures import curves  # noqa: E402
from course_lib.present import CELL_WIDTH_PX, projector_mode  # noqa: E402


@pytest.fixture(autouse=True)
def clean_rc():
    with matplotlib.rc_context():
        present._saved_params = None
        yield
        present._saved_params = None
    plt.close("all")


def displayed_tick_px(fig):
    """CSS px of the first tick label of ``fig`` as the notebook shows it (shrunk to the cell if wider)."""
    fig.canvas.draw()
    width_px = fig.get_size_inches()[0] * fig.dpi
    shrink = min(1.0, CELL_WIDTH_PX / width_px)
    label = next(t for ax in fig.axes for t in ax.get_xticklabels() if t.get_text())
    return label.get_fontsize() * fig.dpi / 72 * shrink


FIGURES = {
    "plt.subplots() (default size)": lambda: plt.subplots()[0],
    "plt.subplots(figsize=(4, 3))": lambda: plt.subplots(figsize=(4, 3))[0],
    "curves.loss_curves": lambda: curves.loss_curves({"lr 0.1": [3.0, 2.0, 1.5, 1.2]}).figure,
    "curves.depth_and_width (11 in wide)": lambda: curves.depth_and_width([0, 1], [0.9, 0.92], [2, 4, 8],
                                                                         [0.3, 0.6, 0.8]),
}


@pytest.mark.parametrize("name", FIGURES)
def test_tick_labels_are_1_5_times_taller_on_screen(name):
    normal = displayed_tick_px(FIGURES[name]())
    with projector_mode():                       # scale 1.6
        big_fig = FIGURES[name]()
        big = displayed_tick_px(big_fig)
    assert big >= 1.5 * normal, f"{name}: {normal:.1f} → {big:.1f} CSS px"


def test_figure_size_grows_up_to_the_cell_width_and_no_further():
    dpi = matplotlib.rcParams["figure.dpi"]
    assert present.figure_size((4, 3)) == (4, 3)                    # off: unchanged
    with projector_mode(scale=1.6):
        w, h = present.figure_size((4, 3))
        assert (w, h) == pytest.approx((4 * 1.6, 3 * 1.6))          # 640 px: fits, grows by the scale
        w, h = present.figure_size((8, 4))
        assert w * dpi == pytest.approx(CELL_WIDTH_PX) and h / w == pytest.approx(0.5)   # stops at the cell
        assert present.figure_size((12, 3)) == (12, 3)              # already wider than a cell: same size
        assert matplotlib.rcParams["figure.figsize"][0] * dpi <= CELL_WIDTH_PX + 1e-9
        assert matplotlib.rcParams["font.size"] == pytest.approx(1.6 * matplotlib.rcParamsDefault["font.size"])


def test_on_screen_scale_splits_the_scale_into_growth_and_fonts():
    for width_px in (300, 600, 760, 900, 1200):
        growth, fonts = present.on_screen_scale(width_px, 1.6)
        assert growth * fonts == pytest.approx(1.6) and growth >= 1 and fonts >= 1
        assert width_px * growth <= max(CELL_WIDTH_PX, width_px) + 1e-9
    assert present.on_screen_scale(600, 1.0) == (1.0, 1.0)


def test_current_scale_follows_the_switch_and_blocks():
    assert present.current_scale() == 1.0
    projector_mode(scale=1.5)
    assert present.current_scale() == 1.5
    with projector_mode(scale=2.0):
        assert present.current_scale() == 2.0
    assert present.current_scale() == 1.5
    projector_mode(False)
    assert present.current_scale() == 1.0
