"""course_lib.figures: every figure draws what it claims (checked on the artists, not by eye), follows the
package's convention (``ax=None`` → the Axes, ``fig=None`` → the Figure), and grows in projector mode."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure, SubFigure  # noqa: E402

from types import SimpleNamespace  # noqa: E402

from bad_input_support import Bad, ids, run  # noqa: E402

from course_lib import datasets, metrics  # noqa: E402
from course_lib.figures import bars, curves, diagrams, images, planes  # noqa: E402
from course_lib.present import CELL_WIDTH_PX, projector_mode  # noqa: E402
from course_lib.train import History  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def AND(X):
    """The AND gate as a step neuron: fires when x1 + x2 > 1.5."""
    return (X[:, 0] + X[:, 1] > 1.5).astype(float)


HUBBLE = datasets.load_hubble()
HISTORY = History(train_loss=[0.5, 0.3], train_acc=[0.8, 0.9], val_loss=[0.6, 0.4], val_acc=[0.7, 0.85])
YEARS, COUNTS = [2010, 2020, 2030, 2040, 2050], [1e5, 2e6, 5e7, 1e9, 2e10]     # the lecture's projection
P3 = np.array([[0.1, 0.7, 0.2], [0.8, 0.1, 0.1], [0.2, 0.2, 0.6]])            # three pictures, three classes
PICTURES = np.arange(3 * 4 * 4, dtype=float).reshape(3, 4, 4)
RUNS = {"M = 2": SimpleNamespace(losses=[4.0, 3.0, 2.0, 1.5, 1.2], epoch_losses=[2.0, 1.2]),
        "M = 4": SimpleNamespace(losses=[4.0, 2.5, 1.8], epoch_losses=[2.5, 1.8])}

# name -> (call with **kw, a text every drawing must contain)
SINGLE = {
    "images.pixel_grid": (lambda **kw: images.pixel_grid([[0, 1, 1], [1, 0, 0]], title="C", **kw), "C"),
    "images.confusion_grid": (lambda **kw: images.confusion_grid([[5, 1], [0, 3]], **kw), "predicted class"),
    "planes.input_plane": (lambda **kw: planes.input_plane(AND, title="AND", resolution=20, **kw), "input x1"),
    "planes.loss_surface": (lambda **kw: planes.loss_surface(HUBBLE.distance, HUBBLE.velocity, **kw),
                            "slope a  [km/s/Mpc]"),
    "planes.contour_paths": (lambda **kw: planes.contour_paths(lambda x, y: x ** 2 / 20 + y ** 2,
                                                               {"SGD": [[-7, 2], [0, 0]]}, title="f", **kw), "f"),
    "curves.loss_curves": (lambda **kw: curves.loss_curves({"sgd": [3, 2, 1]}, title="E falls", **kw), "E falls"),
    "bars.neuron_counts": (lambda **kw: bars.neuron_counts(datasets.load_brain_neurons(), **kw), "86,000,000,000"),
    "bars.probability_bars": (lambda **kw: bars.probability_bars([0.1, 0.7, 0.2], label=2, **kw), "probability"),
    "bars.target_vs_activation": (lambda **kw: bars.target_vs_activation([0.2, 0.9], [0, 1], **kw),
                                  "error +0.2000"),
    "diagrams.network_diagram": (lambda **kw: diagrams.network_diagram((2, 2, 1), layer_names=("in", "h", "out"),
                                                                       **kw), "out"),
    "diagrams.composed_network": (lambda **kw: diagrams.composed_network((3, 2, 3), **kw), "network 2: 2 layers"),
    "diagrams.neuron_analogy": (lambda **kw: diagrams.neuron_analogy(**kw), "Σ + b"),
    "diagrams.timeline": (lambda **kw: diagrams.timeline(**kw), "year"),
    "diagrams.prediction_machine": (lambda **kw: diagrams.prediction_machine(**kw), "prediction ŷ"),
    "diagrams.ai_ml_dl": (lambda **kw: diagrams.ai_ml_dl(**kw), "deep learning"),
    "bars.activation_bars": (lambda **kw: bars.activation_bars([0.0068, 0.1592, 0.8340], **kw), "0.8340"),
    "bars.top5_errors": (lambda **kw: bars.top5_errors(**kw), "AlexNet\n15.3 %"),
    "curves.neuron_projection": (lambda **kw: curves.neuron_projection(
        YEARS, COUNTS, brains=datasets.load_brain_neurons(), extend_to=2060, target=86e9, target_label="human",
        **kw), "the same trend, continued"),
    "images.digit_image": (lambda **kw: images.digit_image(PICTURES[0], box_rows=1, title="d", **kw),
                           "pixel value"),
    "images.flattened": (lambda **kw: images.flattened(PICTURES[0], **kw), "input number 0 … 15"),
}

MULTI = {
    "images.image_grid": (lambda **kw: images.image_grid(np.zeros((3, 4, 3)), ["C", "T", "x"], **kw), "T"),
    "images.weight_images": (lambda **kw: images.weight_images(np.ones((784, 3)), n=2, **kw), "neuron 1"),
    "curves.activation_panels": (lambda **kw: curves.activation_panels(("sigmoid", "relu"), **kw), "sigmoid"),
    "curves.training_curves": (lambda **kw: curves.training_curves(HISTORY, **kw), "accuracy [%]"),
    "diagrams.feature_levels": (lambda **kw: diagrams.feature_levels(**kw), "high level: a face"),
    "bars.before_after": (lambda **kw: bars.before_after([25, 21, 9], [77, 7, 2], ["cat", "dog", "bird"], **kw),
                          "cat"),
    "bars.confidence_histograms": (lambda **kw: bars.confidence_histograms(
        {"one-hot": P3, "smooth": P3}, marks={"smooth": (0.91, "target 0.91")}, **kw), "target 0.91"),
    "curves.minibatch_curves": (lambda **kw: curves.minibatch_curves(RUNS, **kw), "per update"),
    "curves.depth_and_width": (lambda **kw: curves.depth_and_width([0, 1], [0.9, 0.92], [2, 4, 8],
                                                                   [0.35, 0.7, 0.89], **kw), "wider"),
    "images.predictions_grid": (lambda **kw: images.predictions_grid(PICTURES, P3, [1, 0, 1], [0, 2], **kw),
                                "image 2, label 1\nsaid 2 (60.0%)"),
    "images.colour_channels": (lambda **kw: images.colour_channels(np.full((4, 3, 3), 0.5), **kw), "luminance"),
}


def texts_of(fig):
    """Every string drawn in ``fig``: texts, titles, axis labels, tick labels, legend entries."""
    out = [t.get_text() for t in fig.findobj(matplotlib.text.Text)]
    return [t for t in out if t]


def text_sizes(fig):
    fig.canvas.draw()
    return [t.get_fontsize() for t in fig.findobj(matplotlib.text.Text) if t.get_text() and t.get_visible()]


# ------------------------------------------------------------------------------ the convention
@pytest.mark.parametrize("name", SINGLE)
def test_single_panel_figures_return_the_axes(name):
    draw, text = SINGLE[name]
    ax = draw()                                    # ax=None: a new figure
    assert isinstance(ax, Axes)
    assert text in texts_of(ax.figure)
    fig, given = plt.subplots()
    assert draw(ax=given) is given                 # drawn into the given Axes
    assert text in texts_of(fig)


@pytest.mark.parametrize("name", MULTI)
def test_multi_panel_figures_return_the_figure(name):
    draw, text = MULTI[name]
    fig = draw()
    assert isinstance(fig, Figure) and len(fig.axes) >= 2
    assert text in texts_of(fig)
    given = plt.figure()
    assert draw(fig=given) is given
    sub = plt.figure().subfigures(1, 2)[1]        # a SubFigure works too (arrange panels side by side)
    assert draw(fig=sub) is sub and isinstance(sub, SubFigure) and text in texts_of(sub)


@pytest.mark.parametrize("name", [*SINGLE, *MULTI])
def test_text_and_size_grow_in_projector_mode(name):
    draw = (SINGLE.get(name) or MULTI[name])[0]
    normal = draw()
    normal = normal if isinstance(normal, Figure) else normal.figure
    with projector_mode(scale=2.0):
        big = draw()
        big = big if isinstance(big, Figure) else big.figure
    small_sizes, big_sizes = text_sizes(normal), text_sizes(big)
    assert small_sizes and big_sizes
    # every size drawn is doubled (tick labels may differ in number: the locator fits them to the axis)
    assert sorted({round(2 * s, 6) for s in small_sizes}) == sorted({round(b, 6) for b in big_sizes}), name
    w, dpi = normal.get_size_inches()[0], matplotlib.rcParams["figure.dpi"]
    # the figure grows with the scale up to a notebook cell's width (a wider one keeps its size)
    assert big.get_size_inches()[0] == pytest.approx(min(2 * w, max(w, CELL_WIDTH_PX / dpi)))


def test_projector_mode_is_off_again_after_the_block():
    before = matplotlib.rcParams["font.size"]
    with projector_mode(scale=1.6):
        assert matplotlib.rcParams["font.size"] == pytest.approx(1.6 * before)
    assert matplotlib.rcParams["font.size"] == before


# ------------------------------------------------------------------------------ images
def test_pixel_grid_ink_writes_every_value_black_on_white_white_on_ink():
    ax = images.pixel_grid([[0, 1, 1], [1, 0, 0], [1, 0, 0], [0, 1, 1]], title="C")
    assert [t.get_text() for t in ax.texts] == ["0", "1", "1", "1", "0", "0", "1", "0", "0", "0", "1", "1"]
    assert ax.texts[0].get_color() == "black" and ax.texts[1].get_color() == "white"
    assert ax.get_title() == "C"
    assert ax.images[0].get_clim() == (0.0, 1.0) and ax.images[0].get_cmap().name == "Greys"


def test_pixel_grid_grey_levels_and_range():
    ax = images.pixel_grid(images.BW_4X4, kind="ink")
    assert [t.get_text() for t in ax.texts] == [str(v) for v in images.BW_4X4.ravel()]
    assert ax.texts[0].get_color() == "black" and ax.texts[5].get_color() == "white"
    ax = images.pixel_grid(images.GREY_8X8, kind="grey", vmin=0, vmax=3)
    assert ax.images[0].get_clim() == (0.0, 3.0) and ax.images[0].get_cmap().name == "gray"
    assert ax.texts[0].get_color() == "black"      # 3 = white square → black text
    assert ax.texts[2 * 8 + 2].get_color() == "white"  # 0 = black square (an eye) → white text
    ax = images.pixel_grid(np.array([[0.0, 255.0]]), kind="grey", fontsize="small")
    assert ax.images[0].get_clim() == (0.0, 255.0)  # default: the image's own range
    assert ax.texts[0].get_fontsize() == pytest.approx(matplotlib.font_manager.font_scalings["small"]
                                                       * matplotlib.rcParams["font.size"])


def test_pixel_grid_signed_is_symmetric_and_numbers_can_be_hidden():
    ax = images.pixel_grid(np.array([[1.0, -2.0]]), kind="signed", numbers=False)
    assert len(ax.texts) == 0
    assert ax.images[0].get_clim() == (-2.0, 2.0) and ax.images[0].get_cmap().name == "bwr"
    ax = images.pixel_grid(np.array([[6.0, -6.0, 0.0]]), kind="signed")
    assert [t.get_text() for t in ax.texts] == ["6", "-6", "0"]
    assert [t.get_color() for t in ax.texts] == ["white", "white", "black"]   # strong colours → white text
    ax = images.pixel_grid(np.zeros((2, 2)), kind="signed")                   # all zero: white, no error
    assert ax.images[0].get_clim() == (-1.0, 1.0)
    ax = images.pixel_grid(np.eye(2), cmap=matplotlib.colormaps["viridis"])    # a Colormap object works too
    assert ax.images[0].get_cmap().name == "viridis"


def test_pixel_grid_does_not_modify_the_callers_image():
    image = np.array([[0.0, 1.0], [1.0, 0.0]])
    before = image.copy()
    images.pixel_grid(image)
    np.testing.assert_array_equal(image, before)


def test_image_grid_letters_in_a_row_and_digits_in_a_grid():
    L = datasets.load_letters()
    fig = images.image_grid(L.images, list(L.letters))
    assert len(fig.axes) == 9
    np.testing.assert_array_equal(fig.axes[3].images[0].get_array(), L.images[3])
    assert [ax.get_title() for ax in fig.axes] == list(L.letters)
    assert all(len(ax.texts) == 0 for ax in fig.axes)       # pictures, not numbers, by default
    fig = images.image_grid(np.zeros((3, 784)), [1, 2, 3], ncols=2, kind="grey", title="digits")
    assert len(fig.axes) == 4 and fig.axes[0].get_title() == "1" and not fig.axes[3].images
    assert fig.axes[0].images[0].get_array().shape == (28, 28)
    assert fig.get_suptitle() == "digits"


def test_image_grid_shares_one_range_except_for_signed_pictures():
    pictures = np.array([[[0.0, 100.0]], [[0.0, 255.0]]])
    fig = images.image_grid(pictures, kind="grey")
    assert [ax.images[0].get_clim() for ax in fig.axes] == [(0.0, 255.0)] * 2
    fig = images.image_grid(np.array([[[1.0, -2.0]], [[5.0, 0.0]]]), kind="signed")
    assert [ax.images[0].get_clim() for ax in fig.axes] == [(-2.0, 2.0), (-5.0, 5.0)]


def test_weight_images_show_columns_of_W():
    W = np.random.default_rng(0).normal(size=(784, 20))
    fig = images.weight_images(W, n=10, ncols=5)
    shown = [ax for ax in fig.axes if ax.images]
    assert len(shown) == 10
    assert np.allclose(shown[3].images[0].get_array(), W[:, 3].reshape(28, 28))
    assert shown[3].get_title() == "neuron 3"
    lim = np.abs(W[:, 3]).max()
    assert shown[3].images[0].get_clim() == pytest.approx((-lim, lim))


def test_confusion_grid_writes_the_counts():
    C = metrics.confusion_matrix([0, 1, 1, 2], [0, 1, 2, 2], n_classes=3)
    ax = images.confusion_grid(C, class_names=["a", "b", "c"])
    assert [t.get_text() for t in ax.texts] == ["1", "0", "0", "0", "1", "1", "0", "0", "1"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["a", "b", "c"]
    assert ax.get_xlabel() == "predicted class" and ax.get_ylabel() == "true class"


def test_lecture_images_are_read_only_constants():
    assert images.GREY_8X8.shape == (8, 8)
    assert set(np.unique(images.GREY_8X8)) == {0, 1, 2, 3}                   # 4 grey levels
    assert images.BW_4X4.tolist() == [[0, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [1, 1, 1, 1]]  # lecture 003 §6.2
    for image in (images.GREY_8X8, images.BW_4X4):
        with pytest.raises(ValueError):
            image[0, 0] = 1


def test_the_four_2x2_images_of_lecture_003():
    # Lecture 003 「ニューラルネットワークの仕組み」 §6.2, "画像のサイズが 2 × 2のとき": four separate images,
    # white = 0, black = 1, each written as a list of 4 numbers, read row by row (top row first).
    lists = [[0, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [1, 1, 1, 1]]
    assert images.BW_2X2.shape == (4, 2, 2)
    assert [img.reshape(4).tolist() for img in images.BW_2X2] == lists
    assert images.BW_2X2[1].tolist() == [[0, 1], [0, 0]]          # the one black pixel: top right
    assert images.BW_2X2[2].tolist() == [[0, 0], [1, 0]]          # bottom left
    with pytest.raises(ValueError):
        images.BW_2X2[0, 0, 0] = 1
    assert images.BW_4X4.tolist() == lists                         # the old constant is unchanged
    fig = images.image_grid(images.BW_2X2, [str(x) for x in lists], kind="ink", numbers=True)
    assert [ax.get_title() for ax in fig.axes] == [str(x) for x in lists]
    assert [t.get_text() for t in fig.axes[1].texts] == ["0", "1", "0", "0"]


def test_colour_image_and_luminance_by_hand():
    photo = images.sample_colour_image(48)
    assert photo.shape == (60, 48, 3) and 0.0 <= photo.min() and photo.max() <= 1.0
    # a grey pixel has no colour (Cb = Cr = 0.5); pure red: Y = 0.299, Cr = 0.5 + 0.713·(1 − 0.299)
    image = np.array([[[0.5, 0.5, 0.5], [1.0, 0.0, 0.0], [0.6, 0.4, 0.4]]])
    before = image.copy()
    Y, Cb, Cr = images.luminance_colour(image)
    assert np.allclose(Y[0, :2], [0.5, 0.299])
    assert np.allclose(Cb[0, :2], [0.5, 0.5 + 0.564 * (0 - 0.299)])
    assert np.allclose(Cr[0, :2], [0.5, 0.5 + 0.713 * (1 - 0.299)])
    assert np.array_equal(image, before)                      # caller's array untouched
    only = images.colour_only(image, luminance=0.5)
    assert only.shape == image.shape and np.allclose(only[0, 0], 0.5)   # grey stays grey
    pink = only[0, 2]                                         # a pale red keeps its hue at the new brightness
    assert np.isclose(0.299 * pink[0] + 0.587 * pink[1] + 0.114 * pink[2], 0.5, atol=1e-3)
    assert pink[0] > pink[1] and np.isclose(pink[1], pink[2], atol=1e-3)


# ------------------------------------------------------------------------------ planes
def test_input_plane_marks_the_four_inputs_with_their_outputs():
    ax = planes.input_plane(AND, title="AND", level=0.5, resolution=50)
    assert [t.get_text() for t in ax.texts] == ["0", "0", "0", "1"]
    img = ax.images[0].get_array()
    assert img.shape == (50, 50) and img.min() == 0 and img.max() == 1
    assert ax.get_xlabel() == "input x1" and ax.get_ylabel() == "input x2" and ax.get_title() == "AND"
    assert len(ax.collections) == 1                           # the white line where the output crosses 0.5


def test_input_plane_points_and_targets():
    ax = planes.input_plane(AND, points=[[1, 1], [0, 1]], targets=[1, 1], resolution=10)
    assert [t.get_text() for t in ax.texts] == ["1", "target 1", "0", "target 1"]
    ax = planes.input_plane(AND, points=None, resolution=10)
    assert len(ax.texts) == 0
    ax = planes.input_plane(lambda X: X.sum(axis=1, keepdims=True), resolution=10)   # (k, 1) outputs are fine
    assert [t.get_text() for t in ax.texts] == ["0", "1", "1", "2"]


def test_loss_surface_marks_the_minimum_and_the_path():
    ax = planes.loss_surface(HUBBLE.distance, HUBBLE.velocity, path=[[0, 0], [100, 10]])
    star = [line for line in ax.get_lines() if line.get_marker() == "*"][0]
    assert star.get_xdata()[0] == pytest.approx(454.16, abs=0.01)
    path = [line for line in ax.get_lines() if line.get_label() == "gradient descent"][0]
    np.testing.assert_allclose(path.get_xydata(), [[0, 0], [100, 10]])


def test_contour_paths_draws_paths_and_minimum():
    path = np.array([[-7.0, 2.0], [-5.0, 1.0], [0.0, 0.0]])
    ax = planes.contour_paths(lambda x, y: x ** 2 / 20 + y ** 2, {"SGD": path}, minimum=(0, 0))
    lines = ax.get_lines()
    np.testing.assert_allclose(lines[0].get_xydata(), path)
    assert lines[0].get_label() == "SGD"
    assert len(lines) == 2                     # the path and the star at the minimum


# ------------------------------------------------------------------------------ curves
def test_activation_panels_read_the_activation_table():
    from course_lib.activations import get_activation

    fig = curves.activation_panels(["sigmoid", "relu"], derivative=True)
    assert [ax.get_title() for ax in fig.axes] == ["sigmoid", "relu"]
    assert len(fig.axes[0].lines) == 4          # f, f', and the two axis lines
    relu = get_activation("relu")
    f_line, grad_line = fig.axes[1].lines[:2]
    assert fig.axes[1].get_xlim() == pytest.approx(relu.z_range)
    np.testing.assert_allclose(f_line.get_ydata(), relu.f(f_line.get_xdata()))
    np.testing.assert_allclose(grad_line.get_ydata(), relu.grad(grad_line.get_xdata()))
    fig = curves.activation_panels(["tanh"], z=(-2, 2))
    assert fig.axes[0].get_xlim() == (-2, 2)
    assert fig.axes[0].get_ylim() == pytest.approx(get_activation("tanh").a_range)


def test_loss_curves_one_line_per_label():
    ax = curves.loss_curves({"sgd": [3.0, 2.0, 1.0], "adam": [3.0, 1.0, 0.5]}, title="t")
    assert [line.get_label() for line in ax.get_lines()] == ["sgd", "adam"]
    np.testing.assert_allclose(ax.get_lines()[1].get_ydata(), [3.0, 1.0, 0.5])
    assert ax.get_yscale() == "log"
    ax = curves.loss_curves({"E": [1.0, 0.0]}, logy=False)
    assert ax.get_yscale() == "linear"


def test_training_curves_with_and_without_validation():
    fig = curves.training_curves(HISTORY)
    assert len(fig.axes) == 2 and len(fig.axes[0].get_lines()) == 2
    np.testing.assert_allclose(fig.axes[1].get_lines()[1].get_ydata(), [70, 85])   # accuracy in %
    fig = curves.training_curves(History(train_loss=[0.5], train_acc=[0.8]))
    assert len(fig.axes[0].get_lines()) == 1


# ------------------------------------------------------------------------------ bars
def test_neuron_counts_on_a_log_axis():
    ax = bars.neuron_counts(datasets.load_brain_neurons())
    assert ax.get_xscale() == "log" and "log scale" in ax.get_xlabel()
    assert len(ax.patches) == 9
    assert [p.get_facecolor() for p in ax.patches].count(matplotlib.colors.to_rgba("tab:red")) == 1


def test_probability_bars_colours_the_choice_and_the_true_label():
    ax = bars.probability_bars([0.1, 0.7, 0.2], label=2)
    colours = [matplotlib.colors.to_hex(p.get_facecolor()) for p in ax.patches]
    assert colours == [matplotlib.colors.to_hex(c) for c in ("tab:gray", "tab:blue", "tab:red")]
    ax = bars.probability_bars([0.1, 0.7, 0.2], label=np.int64(1), class_names=["a", "b", "c"])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["a", "b", "c"]


def test_target_vs_activation_bars_errors_and_arrows():
    ax = bars.target_vs_activation([0.0068, 0.1592, 0.8340], [0, 0, 1])
    heights = [p.get_height() for p in ax.patches]
    np.testing.assert_allclose(heights, [0.0068, 0.1592, 0.8340, 0, 0, 1])
    texts = [t.get_text() for t in ax.texts if t.get_text()]   # arrows are empty annotations
    assert texts == ["error +0.0068", "error +0.1592", "error -0.1660"]
    arrows = [c for c in ax.get_children() if type(c).__name__ == "Annotation"]
    assert len(arrows) == 3


# ------------------------------------------------------------------------------ diagrams
def test_network_diagram_units_connections_and_labels():
    ax = diagrams.network_diagram((12, 3, 2), layer_names=("in", "hidden", "out"))
    assert len(ax.patches) == 17                 # one circle per unit
    assert len(ax.lines) == 12 * 3 + 3 * 2       # full connection
    ax = diagrams.network_diagram((784, 128, 10), max_shown=6)
    assert len(ax.patches) == 5 + 5 + 5 and len(ax.lines) == 5 * 5 + 5 * 5   # the middle slot is "⋮"
    assert [t.get_text() for t in ax.texts].count("⋮") == 3
    ax = diagrams.network_diagram((2, 2, 1), node_labels=[["x1", "x2"], ["n1", "n2"], ["n3"]],
                                  node_notes=[None, ["b = 0", "b = −1"], ["b = 1"]], edge_labels={(1, 1, 0): "2"})
    texts = [t.get_text() for t in ax.texts]
    for label in ("x1", "n3", "b = −1", "2"):
        assert label in texts


def test_composed_network_bands_one_per_block():
    ax = diagrams.composed_network((3, 2, 3))
    assert [t.get_text() for t in ax.texts if t.get_text().startswith("network")] == [
        "network 1: 3 layers", "network 2: 2 layers", "network 3: 3 layers"]
    assert [t.get_text() for t in ax.texts].count("8") == 1          # layers 1 … 8 under the columns


def test_timeline_and_neuron_analogy():
    text = " ".join(t.get_text() for t in diagrams.timeline().texts)
    for year in ("1943", "1957", "1986", "2012"):
        assert year in text


def test_neuron_analogy_draws_without_glyph_warnings(recwarn):
    ax = diagrams.neuron_analogy()
    ax.figure.canvas.draw()
    assert "Σ + b" in [t.get_text() for t in ax.texts]
    assert not [w for w in recwarn if "Glyph" in str(w.message)]


def test_prediction_machine_has_knobs():
    ax = diagrams.prediction_machine(knobs=("a", "b", "c"))
    assert {"a", "b", "c", "input x", "prediction ŷ"} <= {t.get_text() for t in ax.texts}


def test_feature_levels_builds_parts_from_edges():
    fig = diagrams.feature_levels()
    pictures = [ax for ax in fig.axes if ax.images]
    assert [ax.get_title() for ax in pictures[4:]] == ["eye", "nose", "mouth", "face"]
    edges = [ax.images[0].get_array() for ax in pictures[:4]]
    assert all(e.shape == (3, 3) and e.sum() == 3 for e in edges)           # a line of 3 pixels each
    face, eye = pictures[-1].images[0].get_array(), pictures[4].images[0].get_array()
    assert np.array_equal(face[2:11, 2:11], eye)                             # the face contains the eye part


def test_ai_ml_dl_nests_deep_learning_inside_machine_learning_inside_ai():
    from matplotlib.patches import Ellipse

    ax = diagrams.ai_ml_dl()
    texts = [t.get_text() for t in ax.texts]
    assert texts[::2] == ["artificial intelligence (AI)", "machine learning", "deep learning"]
    ai, ml, dl = [p for p in ax.patches if isinstance(p, Ellipse)]
    for outer, inner in ((ai, ml), (ml, dl)):
        # every point on the inner ellipse's outline lies inside the outer ellipse
        outline = inner.get_patch_transform().transform(inner.get_path().vertices)
        assert outer.get_path().contains_points(outer.get_patch_transform().inverted().transform(outline)).all()
    for name, patch in zip(texts[::2], (ai, ml, dl)):                 # each label sits inside its own ellipse
        label = next(t for t in ax.texts if t.get_text() == name)
        assert patch.contains_point(ax.transData.transform(label.get_position()))


# ------------------------------------------------------------------------------ moved out of chapters 5, 6, 8
def colours_of(patches):
    return [matplotlib.colors.to_hex(p.get_facecolor()) for p in patches]


BLUE, GREY = matplotlib.colors.to_hex("tab:blue"), matplotlib.colors.to_hex("tab:gray")


def test_loss_curves_can_mark_the_minimum():
    ax = curves.loss_curves({"gradient descent": [9.0, 5.0, 4.1]}, minimum=4.0)
    minimum = ax.get_lines()[-1]
    assert minimum.get_label() == "minimum E" and list(minimum.get_ydata()) == [4.0, 4.0]
    assert len(curves.loss_curves({"E": [3.0, 2.0]}).get_lines()) == 1          # no minimum: no line


def test_minibatch_curves_per_update_and_per_epoch():
    left, right = curves.minibatch_curves(RUNS).axes
    assert left.get_xscale() == "symlog" and right.get_yscale() == "log"
    assert [line.get_label() for line in right.get_lines()] == ["M = 2", "M = 4"]
    np.testing.assert_allclose(right.get_lines()[0].get_xdata(), [1, 2])        # epochs count from 1
    np.testing.assert_allclose(left.get_lines()[1].get_ydata(), [4.0, 2.5, 1.8])


def test_depth_and_width_plots_accuracy_in_percent():
    deeper, wider = curves.depth_and_width([0, 1, 2], [0.905, 0.924, 0.931], [2, 4], [0.355, 0.702]).axes
    np.testing.assert_allclose(deeper.get_lines()[0].get_ydata(), [90.5, 92.4, 93.1])
    np.testing.assert_allclose(wider.get_lines()[0].get_xdata(), [2, 4])
    assert wider.get_xscale() == "log" and [t.get_text() for t in wider.get_xticklabels()] == ["2", "4"]
    deeper = curves.depth_and_width([0, 1], [0.9, 0.92], [2], [0.3], hidden_width=32).axes[0]
    assert deeper.get_xlabel() == "number of hidden layers (32 neurons each)"


def test_neuron_projection_reaches_the_human_brain_around_2055():
    ax = curves.neuron_projection(YEARS, COUNTS, extend_to=2060, target=86e9, target_label="human")
    assert ax.get_yscale() == "log"
    star = next(line for line in ax.get_lines() if line.get_marker() == "*")
    year = 2050 + 10 * np.log(86e9 / 2e10) / np.log(20)      # Exercise 8.5: ×20 per decade after 2050
    assert star.get_xdata()[0] == pytest.approx(year) and year == pytest.approx(2054.9, abs=0.05)
    dashed = next(line for line in ax.get_lines() if line.get_linestyle() == "--")
    assert dashed.get_xdata()[-1] == 2060 and dashed.get_ydata()[-1] == pytest.approx(2e10 * 20)
    ax = curves.neuron_projection(YEARS, COUNTS, brains=datasets.load_brain_neurons())
    texts = [t.get_text() for t in ax.texts]
    assert len(texts) == 9 and "human (8.6e+10)" in texts
    assert not [line for line in ax.get_lines() if line.get_marker() == "*"]   # no target: no star


def test_activation_bars_highlight_the_highest():
    ax = bars.activation_bars([0.0068, 0.1592, 0.8340])
    assert colours_of(ax.patches) == [GREY, GREY, BLUE]
    assert [t.get_text() for t in ax.texts] == ["0.0068", "0.1592", "0.8340"]
    assert ax.get_ylabel() == "activation"
    ax = bars.activation_bars([2.0, -1.0])                        # need not be probabilities
    assert ax.get_ylim()[0] == -1.0 and ax.get_ylim()[1] > 2.0


def test_before_after_shows_both_answers():
    fig = bars.before_after([25, 21, 9], [77, 7, 2], ["cat", "dog", "bird"], titles=("before", "after"))
    before, after = fig.axes
    assert [p.get_height() for p in after.patches] == [77, 7, 2]
    assert colours_of(before.patches) == [BLUE, GREY, GREY]        # the answer (cat) in blue
    assert (before.get_title(), after.get_title()) == ("before", "after")


def test_top5_errors_one_bar_per_entry_and_the_human_line():
    ax = bars.top5_errors()
    assert [p.get_height() for p in ax.patches] == [e for _, _, e in bars.ILSVRC_TOP5]
    assert colours_of(ax.patches) == [GREY, GREY] + [BLUE] * 5      # deep networks from 2012
    prelu, resnet = ax.patches[-2:]                                 # two entries share 2015
    assert prelu.get_width() == pytest.approx(0.4) and prelu.get_x() + 0.4 == pytest.approx(resnet.get_x())
    human = next(line for line in ax.get_lines() if "human" in line.get_label())
    assert list(human.get_ydata()) == [5.1, 5.1]
    assert [t.get_text() for t in ax.get_xticklabels()] == [str(y) for y in range(2010, 2016)]
    assert not [line for line in bars.top5_errors(human=None).get_lines()]


def test_confidence_histograms_count_every_image_once():
    fig = bars.confidence_histograms({"one-hot": P3, "smooth": P3}, marks={"smooth": (0.91, "target 0.91")})
    one_hot, smooth = fig.axes
    assert sum(p.get_height() for p in one_hot.patches) == 3 and one_hot.get_yscale() == "log"
    assert not one_hot.get_lines() and list(smooth.get_lines()[0].get_xdata()) == [0.91, 0.91]


def test_digit_image_with_boxed_rows_and_colour_bar():
    ax = images.digit_image(PICTURES[0], box_rows=2, title="training image 0")
    box = ax.patches[0]
    assert (box.get_width(), box.get_height()) == (4, 2)
    assert len(ax.figure.axes) == 2 and ax.figure.axes[1].get_ylabel() == "pixel value"


def test_flattened_is_one_row_read_row_by_row():
    ax = images.flattened(PICTURES[0])
    np.testing.assert_array_equal(ax.images[0].get_array(), PICTURES[0].reshape(1, 16))
    ax = images.flattened(np.arange(784.0), xlabel="784 inputs")
    assert ax.images[0].get_array().shape == (1, 784) and ax.get_xlabel() == "784 inputs"


def test_predictions_grid_titles_pictures_and_bars():
    fig = images.predictions_grid(PICTURES, P3, np.array([1, 0, 1]), [0, 2])
    assert len(fig.axes) == 4                                                  # 2 pictures + 2 bar panels
    np.testing.assert_array_equal(fig.axes[1].images[0].get_array(), PICTURES[2])
    assert fig.axes[0].get_title() == "image 0, label 1\nsaid 1 (70.0%)"
    assert colours_of(fig.axes[3].patches)[1] == matplotlib.colors.to_hex("tab:red")   # the true label, missed
    fig = images.predictions_grid(PICTURES.reshape(3, 16), P3, [1, 0, 1], np.array([2, 1, 0]), show_bars=False)
    assert len(fig.axes) == 3 and fig.axes[0].get_title().startswith("image 2")


def test_colour_channels_six_panels():
    photo = np.zeros((2, 2, 3))
    photo[..., 0] = 1.0                                                        # pure red
    fig = images.colour_channels(photo)
    assert [ax.get_title() for ax in fig.axes] == ["colour image", "R (red)", "G (green)", "B (blue)",
                                                   "luminance", "colour (2 numbers)"]
    np.testing.assert_allclose(fig.axes[2].images[0].get_array(), 0.0)        # no green in it
    np.testing.assert_allclose(fig.axes[4].images[0].get_array(), 0.299)      # Y = 0.299 R


BAD = [
    Bad("loss_curves: minimum ≤ 0 on a log axis", lambda: curves.loss_curves({"E": [2.0, 1.0]}, minimum=0),
        ValueError, ("minimum", "> 0", "0")),
    Bad("minibatch_curves: not a dict", lambda: curves.minibatch_curves([1, 2]), TypeError, ("runs", "dict", "list")),
    Bad("minibatch_curves: run without epoch_losses",
        lambda: curves.minibatch_curves({"M": SimpleNamespace(losses=[1])}), TypeError, ("runs['M']", "epoch_losses", "namespace")),
    Bad("depth_and_width: accuracy in %", lambda: curves.depth_and_width([0, 1], [90.5, 92.4], [2], [0.3]),
        ValueError, ("depth_accuracy", "fractions from 0 to 1", "90.5")),
    Bad("depth_and_width: one accuracy too few", lambda: curves.depth_and_width([0, 1], [0.9], [2], [0.3]),
        ValueError, ("depth_accuracy", "shape (2)", "(1,)")),
    Bad("depth_and_width: hidden_width 0", lambda: curves.depth_and_width([0], [0.9], [2], [0.3], hidden_width=0),
        ValueError, ("hidden_width", ">= 1", "0")),
    Bad("depth_and_width: width 0", lambda: curves.depth_and_width([0], [0.9], [0, 2], [0.3, 0.4]),
        ValueError, ("widths[0]", ">= 1", "0")),
    Bad("neuron_projection: years not increasing", lambda: curves.neuron_projection([2020, 2010], [1, 2]),
        ValueError, ("years", "increasing", "[2020.0, 2010.0]")),
    Bad("neuron_projection: a count of 0", lambda: curves.neuron_projection([2010, 2020], [0, 2]),
        ValueError, ("counts", "> 0", "[0.0, 2.0]")),
    Bad("neuron_projection: extend_to before the last year", lambda: curves.neuron_projection(YEARS, COUNTS,
                                                                                            extend_to=2040),
        ValueError, ("extend_to", "2050", "2040")),
    Bad("neuron_projection: brains without species", lambda: curves.neuron_projection(YEARS, COUNTS, brains=[1e9]),
        TypeError, ("brains", ".species", "list")),
    Bad("activation_bars: empty", lambda: bars.activation_bars([]), ValueError, ("a", "one activation per class",
                                                                                  "empty")),
    Bad("activation_bars: NaN", lambda: bars.activation_bars([0.1, np.nan]), ValueError, ("a", "nan", "finite")),
    Bad("before_after: probabilities as fractions > 100?", lambda: bars.before_after([25, 21], [177, 7], ["a", "b"]),
        ValueError, ("after", "0 to 100", "177")),
    Bad("before_after: lengths differ", lambda: bars.before_after([25, 21], [77], ["a", "b"]), ValueError,
        ("after", "shape (2)", "(1,)")),
    Bad("before_after: answer out of range", lambda: bars.before_after([25, 21], [77, 7], ["a", "b"], answer=2),
        ValueError, ("answer", "<= 1", "2")),
    Bad("before_after: one title", lambda: bars.before_after([25, 21], [77, 7], ["a", "b"], titles="before"),
        TypeError, ("titles", "pair", "before")),
    Bad("top5_errors: a row of two", lambda: bars.top5_errors([(2012, 15.3)]), TypeError,
        ("results[0]", "(year, name, error %)", "(2012, 15.3)")),
    Bad("top5_errors: error over 100 %", lambda: bars.top5_errors([(2012, "AlexNet", 153)]), ValueError,
        ("results[0] error", "100", "153")),
    Bad("top5_errors: empty", lambda: bars.top5_errors([]), TypeError, ("results", "non-empty", "[]")),
    Bad("top5_errors: human as text", lambda: bars.top5_errors(human="5.1"), TypeError, ("human", "number", "'5.1'")),
    Bad("confidence_histograms: rows not adding up to 1", lambda: bars.confidence_histograms({"z": [[2.0, -1.0]]}),
        ValueError, ("panels['z']", "adding up to 1", "shape (1, 2)")),
    Bad("confidence_histograms: a mark for no panel", lambda: bars.confidence_histograms({"a": P3},
                                                                                         marks={"b": (0.9, "t")}),
        ValueError, ("marks", "'a'", "'b'")),
    Bad("confidence_histograms: value_range reversed", lambda: bars.confidence_histograms({"a": P3},
                                                                                          value_range=(1, 0)),
        ValueError, ("value_range", "low < high", "(1, 0)")),
    Bad("digit_image: box_rows too many", lambda: images.digit_image(PICTURES[0], box_rows=5), ValueError,
        ("box_rows", "<= 4", "5")),
    Bad("digit_image: a stack of pictures", lambda: images.digit_image(PICTURES), ValueError,
        ("image", "2-dimensional", "(3, 4, 4)")),
    Bad("flattened: 3-D", lambda: images.flattened(PICTURES), ValueError, ("image", "1 or 2-dimensional", "(3, 4, 4)")),
    Bad("predictions_grid: index out of range", lambda: images.predictions_grid(PICTURES, P3, [1, 0, 1], [3]),
        ValueError, ("indices[0]", "<= 2", "3")),
    Bad("predictions_grid: float labels", lambda: images.predictions_grid(PICTURES, P3, [1.0, 0.0, 1.0], [0]),
        ValueError, ("labels", "integer classes", "float")),
    Bad("predictions_grid: one picture too few", lambda: images.predictions_grid(PICTURES[:2], P3, [1, 0, 1], [0]),
        ValueError, ("images", "one picture per row of p (3)", "(2, 4, 4)")),
    Bad("predictions_grid: indices as a number", lambda: images.predictions_grid(PICTURES, P3, [1, 0, 1], 0),
        TypeError, ("indices", "list of 1 to 20", "0 (int)")),
    Bad("colour_channels: grey image", lambda: images.colour_channels(PICTURES[0]), ValueError,
        ("image", "shape (any, any, 3)", "(4, 4)")),
    Bad("colour_channels: 0–255 values", lambda: images.colour_channels(np.full((2, 2, 3), 255.0)), ValueError,
        ("image", "[0, 1]", "255")),
]


@pytest.mark.parametrize("row", BAD, ids=ids(BAD))
def test_bad_input_to_the_new_figures(row):
    run(row)
