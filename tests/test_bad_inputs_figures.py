"""Bad inputs to course_lib.figures, course_lib.metrics and projector_mode: each raises a clear error that
names the parameter, what is allowed and what was given."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from bad_input_support import Bad, ids, run  # noqa: E402

from course_lib import datasets, metrics  # noqa: E402
from course_lib.figures import bars, curves, diagrams, images, planes  # noqa: E402
from course_lib.present import projector_mode  # noqa: E402
from course_lib.train import History  # noqa: E402

PROBA = np.array([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]])
H = datasets.load_hubble()


def AND(X):
    return (X[:, 0] + X[:, 1] > 1.5).astype(float)


def full_figure():
    fig = plt.figure()
    fig.add_subplot()
    return fig


class Species:
    species, neurons = ["snail", "human"], [0, 86e9]


TABLE = [
    # ------------------------------------------------------------------ metrics
    Bad("confusion_matrix: float labels", lambda: metrics.confusion_matrix([0.0, 1.0], [0, 1], 2), TypeError,
        ("y_true", "integer class labels", "float")),
    Bad("confusion_matrix: label out of range", lambda: metrics.confusion_matrix([0, 1], [0, 3], 3), ValueError,
        ("y_pred", "0 … 2", "got 3")),
    Bad("confusion_matrix: negative label", lambda: metrics.confusion_matrix([-1, 1], [0, 1], 3), ValueError,
        ("y_true", "0 … 2", "-1")),
    Bad("confusion_matrix: lengths differ", lambda: metrics.confusion_matrix([0, 1, 1], [0, 1], 2), ValueError,
        ("y_true and y_pred", "same length", "3 and 2")),
    Bad("confusion_matrix: n_classes 0", lambda: metrics.confusion_matrix([0], [0], 0), ValueError,
        ("n_classes", ">= 1", "0")),
    Bad("confusion_matrix: n_classes a string", lambda: metrics.confusion_matrix([0], [0], "10"), TypeError,
        ("n_classes", "integer", "'10'")),
    Bad("confusion_matrix: one-hot y_true", lambda: metrics.confusion_matrix(np.eye(3, dtype=int), [0, 1, 2], 3),
        ValueError, ("y_true", "1-dimensional", "(3, 3)")),
    Bad("confusion_matrix: y_true None", lambda: metrics.confusion_matrix(None, [0], 2), TypeError,
        ("y_true", "integer class labels", "None")),
    Bad("accuracy: no samples", lambda: metrics.accuracy([], []), ValueError, ("y_true", "at least one", "0")),
    Bad("accuracy: a string", lambda: metrics.accuracy("012", [0, 1, 2]), TypeError,
        ("y_true", "integer class labels", "'012'")),
    Bad("accuracy: booleans", lambda: metrics.accuracy([True, False], [1, 0]), TypeError,
        ("y_true", "integer class labels", "bool")),
    Bad("most_confident_mistakes: k negative", lambda: metrics.most_confident_mistakes(PROBA, [0, 0, 1], k=-1),
        ValueError, ("k", ">= 0", "-1")),
    Bad("most_confident_mistakes: k a float", lambda: metrics.most_confident_mistakes(PROBA, [0, 0, 1], k=2.5),
        TypeError, ("k", "integer", "2.5")),
    Bad("most_confident_mistakes: logits", lambda: metrics.most_confident_mistakes(np.array([[-2.0, 3.0]]), [0]),
        ValueError, ("proba", "probabilities in [0, 1]", "-2", "softmax")),
    Bad("most_confident_mistakes: rows not summing to 1",
        lambda: metrics.most_confident_mistakes(np.array([[0.5, 0.2]]), [0]), ValueError,
        ("proba", "sum to 1", "row 0", "0.7")),
    Bad("most_confident_mistakes: labels too short", lambda: metrics.most_confident_mistakes(PROBA, [0, 1]),
        ValueError, ("y_true", "one label per row of proba (3)", "got 2")),
    Bad("most_confident_mistakes: 1-D proba", lambda: metrics.most_confident_mistakes([0.2, 0.8], [1]), ValueError,
        ("proba", "2-dimensional", "(2,)")),
    Bad("most_confident_mistakes: label beyond the columns",
        lambda: metrics.most_confident_mistakes(PROBA, [0, 2, 1]), ValueError, ("y_true", "0 … 1", "got 2")),
    Bad("most_confident_mistakes: NaN", lambda: metrics.most_confident_mistakes([[np.nan, 1.0]], [0]), ValueError,
        ("proba", "NaN", "finite")),
    # ------------------------------------------------------------------ images
    Bad("pixel_grid: 1-D image", lambda: images.pixel_grid([1, 0, 1]), ValueError,
        ("image", "2-dimensional", "(3,)")),
    Bad("pixel_grid: a string", lambda: images.pixel_grid("abc"), TypeError, ("image", "numbers", "'abc'")),
    Bad("pixel_grid: NaN pixel", lambda: images.pixel_grid([[0, np.nan]]), ValueError, ("image", "NaN", "finite")),
    Bad("pixel_grid: no pixels", lambda: images.pixel_grid(np.zeros((0, 3))), ValueError,
        ("image", "at least one pixel", "(0, 3)")),
    Bad("pixel_grid: kind 'gray'", lambda: images.pixel_grid([[0, 1]], kind="gray"), ValueError,
        ("kind", "'grey'", "'gray'")),
    Bad("pixel_grid: vmin above vmax", lambda: images.pixel_grid([[0, 1]], kind="grey", vmin=3, vmax=0), ValueError,
        ("vmax", ">= vmin", "vmin = 3")),
    Bad("pixel_grid: vmax a string", lambda: images.pixel_grid([[0, 1]], vmax="255"), TypeError,
        ("vmax", "number", "'255'")),
    Bad("pixel_grid: numbers 'no'", lambda: images.pixel_grid([[0, 1]], numbers="no"), TypeError,
        ("numbers", "True or False", "'no'")),
    Bad("pixel_grid: fontsize 'huge'", lambda: images.pixel_grid([[0, 1]], fontsize="huge"), ValueError,
        ("fontsize", "'small'", "'huge'")),
    Bad("pixel_grid: ax a Figure", lambda: images.pixel_grid([[0, 1]], ax=plt.figure()), TypeError,
        ("ax", "Axes", "Figure")),
    Bad("pixel_grid: unknown cmap", lambda: images.pixel_grid([[0, 1]], cmap="nope"), ValueError,
        ("cmap", "colour map", "'nope'")),
    Bad("pixel_grid: title a number", lambda: images.pixel_grid([[0, 1]], title=3), TypeError,
        ("title", "string", "3")),
    Bad("image_grid: not square when flattened", lambda: images.image_grid(np.zeros((2, 10))), ValueError,
        ("images", "square", "(2, 10)")),
    Bad("image_grid: one title for nine letters",
        lambda: images.image_grid(datasets.load_letters().images, ["C"]), ValueError,
        ("titles", "one entry per picture (9)", "got 1")),
    Bad("image_grid: titles a string", lambda: images.image_grid(np.zeros((2, 3, 3)), "CT"), TypeError,
        ("titles", "list", "'CT'")),
    Bad("image_grid: ncols 0", lambda: images.image_grid(np.zeros((2, 3, 3)), ncols=0), ValueError,
        ("ncols", ">= 1", "0")),
    Bad("image_grid: no pictures", lambda: images.image_grid(np.zeros((0, 3, 3))), ValueError,
        ("images", "at least one picture", "(0, 3, 3)")),
    Bad("image_grid: fig already has Axes", lambda: images.image_grid(np.zeros((2, 3, 3)), fig=full_figure()),
        ValueError, ("fig", "empty", "1 Axes")),
    Bad("image_grid: fig a string", lambda: images.image_grid(np.zeros((2, 3, 3)), fig="x"), TypeError,
        ("fig", "Figure", "'x'")),
    Bad("weight_images: n larger than the columns", lambda: images.weight_images(np.zeros((784, 20)), n=21),
        ValueError, ("n", "<= 20", "21")),
    Bad("weight_images: shape does not fit", lambda: images.weight_images(np.zeros((784, 3)), n=3, shape=(27, 27)),
        ValueError, ("shape", "784", "(27, 27)")),
    Bad("confusion_grid: not square", lambda: images.confusion_grid(np.zeros((2, 3))), ValueError,
        ("C", "square", "(2, 3)")),
    Bad("confusion_grid: a negative count", lambda: images.confusion_grid([[1, -1], [0, 2]]), ValueError,
        ("C", "counts", "-1")),
    Bad("confusion_grid: class_names wrong count", lambda: images.confusion_grid(np.eye(2), class_names="abc"),
        ValueError, ("class_names", "one name per class (2)", "got 3")),
    Bad("colour_only: luminance 2", lambda: images.colour_only(np.zeros((2, 2, 3)), luminance=2), ValueError,
        ("luminance", "<= 1.0", "2")),
    Bad("luminance_colour: a grey image", lambda: images.luminance_colour(np.zeros((2, 2))), ValueError,
        ("image", "(any, any, 3)", "(2, 2)")),
    Bad("sample_colour_image: size 2", lambda: images.sample_colour_image(2), ValueError, ("size", ">= 4", "2")),
    # ------------------------------------------------------------------ planes
    Bad("input_plane: f a list", lambda: planes.input_plane([1, 2]), TypeError, ("f", "function", "[1, 2]")),
    Bad("input_plane: f returns 2 columns", lambda: planes.input_plane(lambda X: X, resolution=3), ValueError,
        ("f", "one output per input row", "(9, 2)")),
    Bad("input_plane: f takes x1, x2", lambda: planes.input_plane(lambda x1, x2: x1 + x2), ValueError,
        ("f", "X of shape (k, 2)", "TypeError")),
    Bad("input_plane: f returns NaN", lambda: planes.input_plane(lambda X: np.full(len(X), np.nan), resolution=3),
        ValueError, ("f", "NaN", "finite")),
    Bad("input_plane: resolution 1", lambda: planes.input_plane(AND, resolution=1), ValueError,
        ("resolution", ">= 2", "1")),
    Bad("input_plane: resolution 0.5", lambda: planes.input_plane(AND, resolution=0.5), TypeError,
        ("resolution", "integer", "0.5")),
    Bad("input_plane: level a string", lambda: planes.input_plane(AND, level="0.5"), TypeError,
        ("level", "number", "'0.5'")),
    Bad("input_plane: lim backwards", lambda: planes.input_plane(AND, lim=(1, 0)), ValueError,
        ("lim", "low < high", "(1, 0)")),
    Bad("input_plane: 3 targets for 4 points", lambda: planes.input_plane(AND, resolution=3, targets=[0, 0, 1]),
        ValueError, ("targets", "shape (4)", "(3,)")),
    Bad("input_plane: points of 3 inputs", lambda: planes.input_plane(AND, resolution=3, points=np.zeros((4, 3))),
        ValueError, ("points", "(any, 2)", "(4, 3)")),
    Bad("input_plane: targets without points", lambda: planes.input_plane(AND, points=None, targets=[1]),
        ValueError, ("targets", "points", "m targets")),
    Bad("loss_surface: levels 1", lambda: planes.loss_surface(H.distance, H.velocity, levels=1), ValueError,
        ("levels", ">= 2", "1")),
    Bad("loss_surface: a path of one point (a, b)", lambda: planes.loss_surface(H.distance, H.velocity,
                                                                                path=[400, 0]),
        ValueError, ("path", "(any, 2)", "(2,)")),
    Bad("contour_paths: f a string", lambda: planes.contour_paths("x**2", {"SGD": [[0, 0]]}), TypeError,
        ("f must be a function", "'x**2'")),
    Bad("contour_paths: paths a list", lambda: planes.contour_paths(lambda x, y: x * x, [[0, 0]]), TypeError,
        ("paths", "non-empty dict", "list")),
    Bad("contour_paths: xlim a word", lambda: planes.contour_paths(lambda x, y: x * x, {"a": [[0, 0]]}, xlim="wide"),
        TypeError, ("xlim", "pair", "'wide'")),
    Bad("contour_paths: f never positive", lambda: planes.contour_paths(lambda x, y: -1 - x * x, {"a": [[0, 0]]}),
        ValueError, ("f(x, y)", "positive somewhere", "-1")),
    # ------------------------------------------------------------------ curves
    Bad("activation_panels: unknown name", lambda: curves.activation_panels(["swish"]), ValueError,
        ("activation", "one of", "'swish'")),
    Bad("activation_panels: softmax", lambda: curves.activation_panels(["relu", "softmax"]), ValueError,
        ("names", "element-wise", "'softmax'")),
    Bad("activation_panels: one name as a string", lambda: curves.activation_panels("relu"), TypeError,
        ("names", "list", "'relu'")),
    Bad("activation_panels: derivative 'yes'", lambda: curves.activation_panels(derivative="yes"), TypeError,
        ("derivative", "True or False", "'yes'")),
    Bad("activation_panels: z one number", lambda: curves.activation_panels(z=4), TypeError,
        ("z", "pair (low, high)", "4")),
    Bad("loss_curves: a list", lambda: curves.loss_curves([1.0, 2.0]), TypeError,
        ("curves", "non-empty dict", "list")),
    Bad("loss_curves: zero on a log axis", lambda: curves.loss_curves({"E": [1.0, 0.0]}), ValueError,
        ("curves['E']", "> 0", "logy=False")),
    Bad("loss_curves: no values", lambda: curves.loss_curves({"E": []}), ValueError,
        ("curves['E']", "at least one", "empty")),
    Bad("training_curves: a dict", lambda: curves.training_curves({"train_loss": [1.0]}), TypeError,
        ("history", "History", "dict")),
    Bad("training_curves: before training", lambda: curves.training_curves(History()), ValueError,
        ("history.train_loss", "one loss per epoch", "none")),
    # ------------------------------------------------------------------ bars
    Bad("probability_bars: logits", lambda: bars.probability_bars([-2.0, 3.0]), ValueError,
        ("p", "probability in [0, 1]", "-2")),
    Bad("probability_bars: not summing to 1", lambda: bars.probability_bars([0.2, 0.3]), ValueError,
        ("p", "sum to 1", "0.5")),
    Bad("probability_bars: label 10 of 3 classes", lambda: bars.probability_bars([0.2, 0.3, 0.5], label=10),
        ValueError, ("label", "<= 2", "10")),
    Bad("probability_bars: label a string", lambda: bars.probability_bars([0.2, 0.8], label="1"), TypeError,
        ("label", "integer class", "'1'")),
    Bad("target_vs_activation: lengths differ", lambda: bars.target_vs_activation([0.1, 0.9], [0, 0, 1]),
        ValueError, ("target", "shape (2)", "(3,)")),
    Bad("neuron_counts: a list", lambda: bars.neuron_counts([1, 2]), TypeError, ("data", ".species", "list")),
    Bad("neuron_counts: a zero count", lambda: bars.neuron_counts(Species()), ValueError,
        ("data.neurons", "positive", "0")),
    # ------------------------------------------------------------------ diagrams
    Bad("network_diagram: a layer of 0 units", lambda: diagrams.network_diagram((2, 0, 1)), ValueError,
        ("sizes[1]", ">= 1", "0")),
    Bad("network_diagram: one layer", lambda: diagrams.network_diagram((3,)), TypeError,
        ("sizes", "at least 2", "(3,)")),
    Bad("network_diagram: layer_names for 1 of 3 layers",
        lambda: diagrams.network_diagram((2, 2, 1), layer_names=["in"]), ValueError,
        ("layer_names", "one caption per layer (3)", "['in']")),
    Bad("network_diagram: too few node labels",
        lambda: diagrams.network_diagram((2, 2, 1), node_labels=[None, ["n1"], None]), ValueError,
        ("node_labels[1]", "one text per drawn unit", "got 1")),
    Bad("network_diagram: edge beyond the last layer",
        lambda: diagrams.network_diagram((2, 2, 1), edge_labels={(2, 0, 0): "w"}), ValueError,
        ("edge_labels", "(layer, i, j)", "(2, 0, 0)")),
    Bad("network_diagram: label_at 2", lambda: diagrams.network_diagram((2, 1), label_at=2), ValueError,
        ("label_at", "[0, 1]", "2")),
    Bad("composed_network: an empty block", lambda: diagrams.composed_network((3, 0)), ValueError,
        ("blocks[1]", ">= 1", "0")),
    Bad("prediction_machine: knobs a string", lambda: diagrams.prediction_machine(knobs="ab"), TypeError,
        ("knobs", "list", "'ab'")),
    Bad("feature_levels: fig already has Axes", lambda: diagrams.feature_levels(fig=full_figure()), ValueError,
        ("fig", "empty", "1 Axes")),
    # ------------------------------------------------------------------ projector mode
    Bad("projector_mode: scale 10", lambda: projector_mode(scale=10), ValueError, ("scale", "<= 4.0", "10")),
    Bad("projector_mode: scale 0", lambda: projector_mode(scale=0), ValueError, ("scale", ">= 0.5", "0")),
    Bad("projector_mode: scale a word", lambda: projector_mode(scale="big"), TypeError,
        ("scale", "number", "'big'")),
    Bad("projector_mode: on 'yes'", lambda: projector_mode("yes"), TypeError, ("on", "True or False", "'yes'")),
]


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.mark.parametrize("row", TABLE, ids=ids(TABLE))
def test_bad_input(row):
    run(row)


def test_bad_inputs_leave_projector_mode_off():
    before = matplotlib.rcParams["font.size"]
    for row in TABLE:
        if row.label.startswith("projector_mode"):
            run(row)
    assert matplotlib.rcParams["font.size"] == before
