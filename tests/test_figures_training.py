"""course_lib.figures.training: layer histograms (chapter 7, initialisation)."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from course_lib.figures import training  # noqa: E402
from course_lib.mlp import MLP  # noqa: E402


def test_layer_histograms_one_row_per_setup_one_panel_per_layer():
    X = np.random.default_rng(0).normal(size=(200, 20))
    outputs = {}
    for label, names, init in [("sigmoid", ["sigmoid"] * 3, "xavier"), ("relu", ["relu"] * 3, "he")]:
        net = MLP([20] * 4, names, init=init, rng=0)
        net.forward(X)
        outputs[label] = net.activations[1:]
    fig = training.layer_histograms(outputs, positive_only={"relu": True}, x_max=3)
    axes = fig.axes
    assert len(axes) == 6
    assert axes[0].get_xlim()[1] <= 1.06                        # sigmoid row: [0, 1]
    assert 2.9 < axes[3].get_xlim()[1] < 3.2                    # relu row: up to x_max
    assert axes[3].get_title() == "layer 1" and axes[0].get_ylabel() == "sigmoid"
    plt.close(fig)


@pytest.mark.parametrize("kwargs, exc, words", [
    (dict(outputs={}), TypeError, ("outputs", "non-empty dict")),
    (dict(outputs={"a": []}), TypeError, ("outputs['a']", "list of arrays")),
    (dict(outputs={"a": [np.ones(3)], "b": [np.ones(3), np.ones(3)]}), ValueError, ("same number of layers", "[1, 2]")),
    (dict(outputs={"a": [np.ones(3)]}, positive_only={"c": True}), ValueError, ("positive_only", "'c'")),
    (dict(outputs={"a": [np.ones(3)]}, positive_only={"a": "yes"}), TypeError, ("positive_only['a']",)),
    (dict(outputs={"a": [np.ones(3)]}, x_max=-1), ValueError, ("x_max", "-1")),
    (dict(outputs={"a": [np.ones(3)]}, bins=1), TypeError, ("bins", "2 to 200", "1")),
    (dict(outputs={"a": [[1.0, np.nan]]}), ValueError, ("outputs['a'][0]", "NaN")),
])
def test_bad_input(kwargs, exc, words):
    with pytest.raises(exc) as info:
        training.layer_histograms(**kwargs)
    for word in words:
        assert word.lower() in str(info.value).lower(), (word, str(info.value))


def _history(val_loss):
    from course_lib.train import History
    n = len(val_loss)
    return History(epochs=list(range(1, n + 1)), train_loss=[1.0] * n, train_acc=[0.5] * n,
                   val_loss=list(val_loss), val_acc=[0.8] * n)


def test_compare_runs_marks_the_best_epoch_of_each_run():
    ax = training.compare_runs({"a": _history([0.9, 0.5, 0.6, 0.7]), "b": _history([0.8, 0.6, 0.4, 0.45])},
                               title="t")
    lines = ax.get_lines()
    assert len(lines) == 4                                   # a curve and a dot per run
    np.testing.assert_array_equal(lines[0].get_xdata(), [1, 2, 3, 4])
    assert list(lines[1].get_xdata()) == [2] and list(lines[1].get_ydata()) == [0.5]
    assert list(lines[3].get_xdata()) == [3] and list(lines[3].get_ydata()) == [0.4]
    assert ax.get_xlabel() == "epoch" and ax.get_ylabel() == "validation loss"
    ax2 = training.compare_runs({"a": _history([0.9, 0.5])}, key="val_acc")
    assert ax2.get_lines()[0].get_ydata()[0] == pytest.approx(80.0)   # accuracies in %
    plt.close("all")


@pytest.mark.parametrize("kwargs, exc, words", [
    (dict(histories=[]), TypeError, ("histories", "non-empty dict")),
    (dict(histories={"a": 3}), TypeError, ("histories['a']", "History")),
    (dict(histories={"a": _history([0.5])}, key="loss"), ValueError, ("key", "val_loss", "'loss'")),
    (dict(histories={"a": _history([])}), ValueError, ("histories['a'].val_loss", "X_val")),
])
def test_compare_runs_bad_input(kwargs, exc, words):
    with pytest.raises(exc) as info:
        training.compare_runs(**kwargs)
    for word in words:
        assert word.lower() in str(info.value).lower(), (word, str(info.value))
