"""The network designer of chapter 7, driven without a browser and without MNIST: a fake, instant trainer."""
import io

import numpy as np
import pytest
from PIL import Image

from course_lib.explorers.designer import WIDTHS, NetworkDesignerExplorer, layer_sizes
from course_lib.mlp import MLP, count_params


class FakeTrainer:
    """Instant stand-in for chapter 7's train_and_test: accuracy grows with the hidden neurons; counts calls."""

    def __init__(self):
        self.calls = []

    def __call__(self, hidden, epochs):
        self.calls.append((list(hidden), epochs))
        sizes = [784, *hidden, 10]
        return count_params(sizes), min(0.99, 0.80 + 0.01 * sum(hidden) / 8 + 0.002 * epochs)


def pixels(ex):
    return np.asarray(Image.open(io.BytesIO(ex.png())))


@pytest.mark.parametrize("sizes", [[784, 10], [784, 32, 10], [784, 8, 8, 8, 8, 10], [12, 3, 2]])
def test_count_params_matches_the_network(sizes):
    activations = ["relu"] * (len(sizes) - 2) + ["softmax"]
    assert count_params(sizes) == MLP(sizes, activations, rng=0).n_params
    assert count_params([12, 3, 2]) == 47


def test_sliders_redraw_the_network_without_training():
    trainer = FakeTrainer()
    ex = NetworkDesignerExplorer(trainer, hidden_layers=2, width=32, epochs=5)
    assert ex.result["sizes"] == [784, 32, 32, 10] and ex.result["n_params"] == 26_506
    assert "not trained yet" in ex.readout.value and "26,506" in ex.readout.value
    before = pixels(ex)
    ex.sliders["hidden_layers"].value = 4
    assert ex.result["sizes"] == layer_sizes(4, 32) == [784, 32, 32, 32, 32, 10]
    assert ex.ax_net.get_title() == "5 layers: 28,618 weights and biases"
    assert not np.array_equal(before, pixels(ex))          # the picture shows the new network
    assert trainer.calls == []                             # moving a slider never trains


def test_train_button_trains_once_and_plots_the_result():
    trainer = FakeTrainer()
    ex = NetworkDesignerExplorer(trainer, hidden_layers=1, width=16, epochs=3)
    ex.train_button.click()
    n, acc = ex.results[(1, 16, 3)]
    assert trainer.calls == [([16], 3)] and n == count_params([784, 16, 10])
    assert f"{acc:.1%}" in ex.readout.value and "best so far" in ex.readout.value
    assert list(ex.current.get_xdata()) == [n] and list(ex.current.get_ydata()) == [pytest.approx(100 * acc)]
    ex.train_button.click()                                # the same network again: taken from the results
    assert len(trainer.calls) == 1 and not ex.train_button.disabled
    ex.sliders["width"].value = 64                          # another network: not trained yet, the old one grey
    assert "not trained yet" in ex.readout.value
    assert list(ex.others.get_xdata()) == [n] and len(ex.current.get_xdata()) == 0
    ex.train_button.click()
    assert len(ex.results) == 2 and ex.sliders["width"].value == 64
    assert "best so far: 1 hidden layer(s) of 64" in ex.readout.value


def test_code_rebuilds_the_setting():
    def train_and_test(hidden, epochs):
        return count_params([784, *hidden, 10]), 0.9

    ex = NetworkDesignerExplorer(train_and_test, hidden_layers=0, width=8, epochs=2)
    assert ex.code() == "NetworkDesignerExplorer(train_and_test, hidden_layers=0, width=8, epochs=2)"
    assert ex.result["sizes"] == [784, 10]


@pytest.mark.parametrize("kwargs, exc, words", [
    (dict(train=None), TypeError, ("train", "function", "none")),
    (dict(hidden_layers=7), ValueError, ("hidden_layers", "<= 6", "7")),
    (dict(hidden_layers=1.5), TypeError, ("hidden_layers", "integer", "float")),
    (dict(width=30), ValueError, ("width", "32", "30")),
    (dict(width="32"), TypeError, ("width", "one of", "str")),
    (dict(epochs=0), ValueError, ("epochs", ">= 1", "0")),
])
def test_bad_arguments_name_the_parameter(kwargs, exc, words):
    kwargs = {"train": FakeTrainer(), **kwargs}
    with pytest.raises(exc) as info:
        NetworkDesignerExplorer(**kwargs)
    assert all(w.lower() in str(info.value).lower() for w in words), str(info.value)


@pytest.mark.parametrize("returned, words", [
    (0.9, ("pair", "float")),
    ((100, 0.9), ("number of weights and biases", "25,450", "100")),
    ((25_450, 90.0), ("accuracy", "[0, 1]", "90.0")),
    ((25_450, float("nan")), ("accuracy", "nan")),
])
def test_a_wrong_trainer_is_reported_in_the_readout(returned, words):
    ex = NetworkDesignerExplorer(lambda hidden, epochs: returned, hidden_layers=1, width=32, epochs=1)
    with pytest.raises((TypeError, ValueError)) as info:
        ex.train_current()
    assert all(w.lower() in str(info.value).lower() for w in words), str(info.value)
    ex.train_button.click()          # ipywidgets logs a callback's exception; the student sees it in the readout
    assert "Error" in ex.readout.value and not ex.train_button.disabled and ex.results == {}


def test_widths_offered():
    assert WIDTHS == (2, 4, 8, 16, 32, 64, 128, 256)


def test_width_change_redraws_only_the_captions():
    """8 … 256 neurons draw the same circles: a width change updates the cached caption layer, not the figure
    (benchmarks/bench_explorers.py measures the speed this buys)."""
    ex = NetworkDesignerExplorer(lambda hidden, epochs: (1000, 0.5), hidden_layers=2, width=8)
    background = ex._background
    assert background is not None
    ex.sliders["width"].value = 64
    assert ex._background is background                     # the static picture was not redrawn
    assert [t.get_text() for t in ex._captions] == ["784", "64", "64", "10"]
    assert ex.ax_net.get_title().startswith("3 layers: ")
    assert sum(a is ex.ax_net.title for a in ex._slow) == 1  # one title, no stale copies
    ex.sliders["hidden_layers"].value = 3                    # a new shape: the picture is redrawn
    assert ex._background is not background
    assert [t.get_text() for t in ex._captions] == ["784", "64", "64", "64", "10"]
    assert len(ex._slow) == 6                                # 5 captions + the title
