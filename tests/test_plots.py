"""Reusable figures: they draw what they claim (checked on the artists, not by eye)."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from course_lib import plots  # noqa: E402
from course_lib.datasets import load_hubble  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_activation_curves_one_line_per_function():
    ax = plots.activation_curves(("sigmoid", "relu"))
    labels = [line.get_label() for line in ax.get_lines() if not line.get_label().startswith("_")]
    assert labels == ["sigmoid", "relu"]
    np.testing.assert_allclose(ax.get_lines()[1].get_ydata()[-1], 5.0)  # relu(5) = 5


def test_decision_region_colours_the_plane():
    ax = plots.decision_region(lambda X: (X.sum(axis=1) > 1).astype(float), resolution=50)
    img = ax.get_images()[0].get_array()
    assert img.shape == (50, 50) and img.min() == 0 and img.max() == 1


def test_loss_surface_marks_the_minimum():
    h = load_hubble()
    ax = plots.loss_surface(h.distance, h.velocity, path=[[0, 0], [100, 10]])
    star = [line for line in ax.get_lines() if line.get_marker() == "*"][0]
    assert star.get_xdata()[0] == pytest.approx(454.16, abs=0.01)


def test_confusion_matrix_counts():
    C = plots.confusion_matrix([0, 1, 1, 2], [0, 1, 2, 2], n_classes=3)
    np.testing.assert_array_equal(C, [[1, 0, 0], [0, 1, 1], [0, 0, 1]])
    ax = plots.plot_confusion_matrix(C)
    assert len(ax.texts) == 9
    with pytest.raises(ValueError, match="same length"):
        plots.confusion_matrix([0, 1], [0])


def test_digit_grid_and_bars_and_diagram():
    fig = plots.digit_grid(np.zeros((3, 784)), labels=[1, 2, 3], ncols=2)
    assert len(fig.axes) == 4 and fig.axes[0].get_title() == "1"
    with pytest.raises(ValueError, match="not square"):
        plots.digit_grid(np.zeros((2, 10)))
    ax = plots.probability_bars(np.array([0.1, 0.7, 0.2]), label=2)
    assert len(ax.patches) == 3
    ax = plots.network_diagram((12, 3, 2), layer_names=("in", "hidden", "out"))
    assert len(ax.patches) == 17                 # one circle per unit
    assert len(ax.lines) == 12 * 3 + 3 * 2       # full connection
    ax = plots.network_diagram((784, 128, 10), max_shown=6)
    assert len(ax.patches) == 5 + 5 + 5 and len(ax.lines) == 5 * 5 + 5 * 5   # the middle slot is "⋮"
    assert [t.get_text() for t in ax.texts].count("⋮") == 3
    ax = plots.network_diagram((2, 2, 1), node_labels=[["x1", "x2"], ["n1", "n2"], ["n3"]],
                               node_notes=[None, ["b = 0", "b = −1"], ["b = 1"]], edge_labels={(1, 1, 0): "2"})
    texts = [t.get_text() for t in ax.texts]
    for label in ("x1", "n3", "b = −1", "2"):
        assert label in texts
    with pytest.raises(ValueError, match="sizes"):
        plots.network_diagram((2, 0, 1))


def test_training_curves():
    class H:
        train_loss, val_loss, train_acc, val_acc = [0.5, 0.3], [0.6, 0.4], [0.8, 0.9], [0.7, 0.85]
    fig = plots.training_curves(H())
    assert len(fig.axes) == 2 and len(fig.axes[0].get_lines()) == 2
