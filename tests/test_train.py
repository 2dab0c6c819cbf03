"""Tests for course_lib.train: losses, fit (XNOR, determinism, progress, stopping, divergence), validation."""
import re
import warnings

import numpy as np
import pytest

from course_lib.mlp import MLP
from course_lib.optim import Adam
from course_lib.train import (ConvergenceWarning, History, TrainingDiverged, cross_entropy, fit, one_hot,
                              smooth_targets, squared_error, squared_error_grad, _progress_bar)

XOR_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
XNOR_T = np.array([[1], [0], [0], [1]], dtype=float)


def test_squared_error_seed_example_and_mean_over_samples():
    # seed 001: e = ((t1 − z1)² + (t2 − z2)²)/2;  (1 − 0.8)² = 0.04, (0 − 0.3)² = 0.09 -> e = 0.065
    assert squared_error([0.8, 0.3], [1, 0]) == pytest.approx(0.065)
    # two samples: e = 0.065 and ((0 − 0)² + (1 − 0.5)²)/2 = 0.125 -> E = mean = 0.095
    assert squared_error([[0.8, 0.3], [0.0, 0.5]], [[1, 0], [0, 1]]) == pytest.approx(0.095)
    np.testing.assert_allclose(squared_error_grad([[0.8, 0.3], [0.0, 0.5]], [[1, 0], [0, 1]]),
                               [[-0.1, 0.15], [0.0, -0.25]])              # (a − T)/n


def test_cross_entropy_labels_and_one_hot():
    p = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]])
    expected = -(np.log(0.7) + np.log(0.8)) / 2
    assert cross_entropy(p, [0, 2]) == pytest.approx(expected)
    assert cross_entropy(p, one_hot([0, 2], 3)) == pytest.approx(expected)
    assert cross_entropy([[0.0, 1.0]], [0]) == pytest.approx(-np.log(1e-12))   # log 0 is clipped
    with pytest.raises(ValueError, match=r"p must be probabilities in \[0, 1\]"):
        cross_entropy([[2.0, -1.0]], [0])


def test_one_hot():
    np.testing.assert_array_equal(one_hot([3, 0], 4), [[0, 0, 0, 1], [1, 0, 0, 0]])
    with pytest.raises(ValueError, match="labels must be in 0…3"):
        one_hot([4], 4)
    with pytest.raises(TypeError, match="labels must be integers"):
        one_hot([1.0], 4)


def test_smooth_targets_by_hand():
    # K = 10 classes, ε = 0.1: the right class gets (1 − 0.1)·1 + 0.1/10 = 0.91, every other 0.1/10 = 0.01
    T = smooth_targets(one_hot([3], 10), 0.1)
    np.testing.assert_allclose(T, [[0.01, 0.01, 0.01, 0.91, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01]])
    # K = 3, ε = 0.3: 0.7 + 0.1 = 0.8 and 0.1, 0.1; each row still adds up to 1
    T = smooth_targets([[0, 1, 0], [1, 0, 0]], 0.3)
    np.testing.assert_allclose(T, [[0.1, 0.8, 0.1], [0.8, 0.1, 0.1]])
    np.testing.assert_allclose(T.sum(axis=1), 1.0)
    np.testing.assert_array_equal(smooth_targets(one_hot([1, 0], 2), 0.0), [[0, 1], [1, 0]])   # ε = 0: unchanged


@pytest.mark.parametrize("T, epsilon, error, match", [
    ([[0, 1]], 1.0, ValueError, r"epsilon must be in \[0, 1\); got 1.0"),
    ([[0, 1]], -0.1, ValueError, "epsilon must be >= 0.0; got -0.1"),
    ([[0, 1]], "0.1", TypeError, r"epsilon must be a number; got '0.1' \(str\)"),
    ([0, 1], 0.1, ValueError, r"T must be one-hot rows \(n, K\) that add up to 1.*got shape \(2,\)"),
    ([[0.5, 0.2]], 0.1, ValueError, r"T must be one-hot rows.*row 0 adds up to 0.7"),
    ([[1, 0], [1.5, -0.5]], 0.1, ValueError, r"negative entries \(smallest -0.5\)"),
    ([[1.0]], 0.1, ValueError, "at least 2 classes"),
])
def test_smooth_targets_errors(T, epsilon, error, match):
    with pytest.raises(error, match=match):
        smooth_targets(T, epsilon)


def test_label_smoothing_moves_the_best_output_to_the_soft_target():
    # One sample of class 0 and a single softmax layer: cross-entropy against the smoothed target
    # T_ls = [0.8, 0.1, 0.1] (ε = 0.3, K = 3) is smallest when the outputs equal T_ls — not at p = 1.
    X, y = np.ones((1, 1)), np.array([0])
    for epsilon, expected in ((0.3, [0.8, 0.1, 0.1]), (0.0, None)):
        net = MLP([1, 3], ["softmax"], rng=0, dtype=np.float64)
        fit(net, X, y, epochs=3000, batch_size=None, optimizer="adam", lr=0.05, label_smoothing=epsilon,
            progress=False)
        p = net.predict_proba(X)[0]
        if expected is None:
            assert p[0] > 0.99                                  # hard target: ever more confident
        else:
            np.testing.assert_allclose(p, expected, atol=1e-3)


def test_label_smoothing_in_fit_reports_the_plain_validation_loss():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(200, 4)), rng.integers(0, 3, size=200)
    net = MLP([4, 8, 3], ["relu", "softmax"], rng=0, dtype=np.float64)
    h = fit(net, X, y, epochs=3, batch_size=50, optimizer="adam", label_smoothing=0.2, X_val=X[:50],
            T_val=y[:50], rng=0, progress=False)
    # validation: the ordinary cross-entropy against the true labels (what a test set measures)
    assert h.val_loss[-1] == pytest.approx(net.loss(X[:50], y[:50]))
    # ε = 0 is exactly the default
    runs = []
    for kwargs in ({}, {"label_smoothing": 0.0}):
        net = MLP([4, 8, 3], ["relu", "softmax"], rng=0, dtype=np.float64)
        runs.append(fit(net, X, y, epochs=2, batch_size=50, optimizer="adam", rng=0, progress=False, **kwargs))
    assert runs[0].train_loss == runs[1].train_loss


def test_fit_learns_xnor():
    net = MLP([2, 4, 1], ["tanh", "sigmoid"], init="xavier", rng=0, dtype=np.float64)
    history = fit(net, XOR_X, XNOR_T, epochs=3000, batch_size=None, optimizer="adam", lr=0.05,
                  target_error=0.005, progress=False)
    np.testing.assert_array_equal(net.predict(XOR_X), [1, 0, 0, 1])
    assert history.reached_target and history.train_loss[-1] < 0.005 and history.train_acc[-1] == 1.0
    assert len(history.epochs) < 3000                                   # stopped early at E < ε


def test_fit_is_reproducible_and_prints_stable_lines(capsys):
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(200, 4)), rng.integers(0, 3, size=200)
    runs = []
    for _ in range(2):
        net = MLP([4, 8, 3], ["relu", "softmax"], rng=1)
        h = fit(net, X, y, epochs=3, batch_size=32, optimizer="adam", lr=0.01, X_val=X[:50], T_val=y[:50], rng=2)
        runs.append((h, net.W[0].copy(), capsys.readouterr().out))
    (h1, W1, out1), (h2, W2, out2) = runs
    assert h1.train_loss == h2.train_loss and np.array_equal(W1, W2) and out1 == out2
    lines = out1.splitlines()
    assert len(lines) == 3
    pattern = r"epoch 2/3  loss \d\.\d{4}  acc \d\.\d{4}  val_loss \d\.\d{4}  val_acc \d\.\d{4}"
    assert re.fullmatch(pattern, lines[1]), lines[1]
    assert len(h1.val_acc) == len(h1.seconds) == 3 and h1.epochs == [1, 2, 3]
    assert repr(h1).startswith("History(epochs=3, train_loss=")


def test_long_runs_print_about_ten_lines(capsys):
    net = MLP([2, 2, 1], ["tanh", "sigmoid"], rng=0)
    fit(net, XOR_X, XNOR_T, epochs=100, batch_size=2, rng=0)
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[1] for line in lines] == ["1/100"] + [f"{k}/100" for k in range(10, 101, 10)]
    fit(net, XOR_X, XNOR_T, epochs=6, batch_size=2, rng=0, progress=3)
    assert [line.split()[1] for line in capsys.readouterr().out.splitlines()] == ["1/6", "3/6", "6/6"]


def test_no_widget_outside_jupyter():
    assert _progress_bar(10) is None


def test_progress_bar_in_a_jupyter_kernel(monkeypatch, capsys):
    IPython = pytest.importorskip("IPython")
    pytest.importorskip("ipywidgets")
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython, "get_ipython", lambda: type("Shell", (), {"kernel": object()})())
    monkeypatch.setattr(IPython.display, "display", shown.append)
    net = MLP([2, 2, 1], ["tanh", "sigmoid"], rng=0)
    fit(net, XOR_X, XNOR_T, epochs=3, batch_size=2, rng=0)
    (bar,) = shown
    assert (bar.value, bar.max, bar.description, bar.bar_style) == (6, 6, "epoch 3/3", "success")
    assert len(capsys.readouterr().out.splitlines()) == 3             # the printed lines as well


def test_convergence_warning_when_target_not_reached():
    net = MLP([2, 2, 1], ["tanh", "sigmoid"], rng=0)
    with pytest.warns(ConvergenceWarning, match="after 2 epochs is still >= target_error 1e-06"):
        h = fit(net, XOR_X, XNOR_T, epochs=2, batch_size=None, target_error=1e-6, progress=False)
    assert h.reached_target is False


def test_divergence_raises_with_a_hint():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(32, 3))
    T = X @ np.ones((3, 1))
    net = MLP([3, 16, 1], ["relu", "identity"], rng=0)
    with pytest.raises(TrainingDiverged, match=r"epoch \d+, step \d+.*learning rate 5.0 is too large; try 0.5"):
        fit(net, X, T, epochs=200, batch_size=8, optimizer="sgd", lr=5.0, rng=0, progress=False)
    assert issubclass(TrainingDiverged, FloatingPointError)


def test_fit_continues_with_an_optimizer_used_by_hand():
    net = MLP([2, 4, 1], ["tanh", "sigmoid"], init="xavier", rng=0, dtype=np.float64)
    opt = Adam(lr=0.05)
    net.gradient(XOR_X, XNOR_T)
    opt.step(net.params, net.grads)                                   # state for the list of 4 arrays
    fit(net, XOR_X, XNOR_T, epochs=2, batch_size=None, optimizer=opt, progress=False)
    assert opt.t == 3
    fresh = Adam(lr=0.05)
    fit(net, XOR_X, XNOR_T, epochs=2, batch_size=None, optimizer=fresh, progress=False)
    fit(net, XOR_X, XNOR_T, epochs=1, batch_size=None, optimizer=fresh, progress=False)   # the flat vector
    assert fresh.t == 3 and len(fresh.state) == 1


def test_weight_decay_shrinks_weights():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(100, 5)), rng.integers(0, 2, size=100)
    norms = []
    for wd in (0.0, 0.1):
        net = MLP([5, 16, 2], ["relu", "softmax"], rng=0)
        fit(net, X, y, epochs=20, batch_size=25, optimizer="sgd", lr=0.1, weight_decay=wd, rng=0, progress=False)
        norms.append(np.linalg.norm(net.W[0]))
    assert norms[1] < 0.9 * norms[0]


def test_fit_on_a_slice_of_real_mnist():
    from course_lib.datasets import load_mnist
    X, y = load_mnist("test", flatten=True, normalize=True)
    net = MLP([784, 32, 10], ["relu", "softmax"], rng=0)
    h = fit(net, X[:2000], y[:2000], epochs=5, batch_size=64, optimizer=Adam(lr=2e-3), X_val=X[-1000:],
            T_val=y[-1000:], rng=0, progress=False)
    assert h.val_acc[-1] > 0.85 and h.train_loss[0] > h.train_loss[-1]
    assert net.W[0].dtype == np.float32


def net_and_data():
    return MLP([3, 4, 2], ["relu", "softmax"], rng=0), np.ones((10, 3)), np.zeros(10, dtype=int)


@pytest.mark.parametrize("change, error, match", [
    ({"T": np.zeros(9, dtype=int)}, ValueError, r"T must have one row per sample \(10 rows, like X\)"),
    ({"X": np.ones((10, 4))}, ValueError, r"X must have shape \(n_samples, 3\).*got shape \(10, 4\)"),
    ({"X": np.full((10, 3), np.inf)}, ValueError, "X contains 30 NaN or infinite"),
    ({"X": "data.csv"}, TypeError, "X must be numbers"),
    ({"lr": 0.0}, ValueError, "lr must be a positive number; got 0.0"),
    ({"lr": -1}, ValueError, "lr must be a positive number"),
    ({"optimizer": "rmsprop"}, ValueError, "optimizer must be one of 'sgd', 'momentum', 'adagrad', 'adam'"),
    ({"optimizer": 3}, TypeError, "optimizer must be one of"),
    ({"optimizer": Adam(), "lr": 0.1}, ValueError, "pass the learning rate to the optimizer"),
    ({"loss": "hinge"}, ValueError, "loss must be one of 'squared_error', 'cross_entropy'; got 'hinge'"),
    ({"batch_size": 11}, ValueError, r"at most the number of training samples \(10\); got 11\. Use batch_size=None"),
    ({"batch_size": 0}, ValueError, "batch_size must be >= 1; got 0"),
    ({"epochs": 0}, ValueError, "epochs must be >= 1; got 0"),
    ({"epochs": 2.5}, TypeError, "epochs must be an integer"),
    ({"X_val": np.ones((2, 3))}, ValueError, "X_val and T_val go together"),
    ({"X_val": np.ones((2, 2)), "T_val": [0, 1]}, ValueError, r"X_val must have shape \(n_samples, 3\)"),
    ({"weight_decay": -0.1}, ValueError, "weight_decay must be >= 0.0"),
    ({"label_smoothing": 1.0}, ValueError, r"label_smoothing must be in \[0, 1\); got 1.0"),
    ({"label_smoothing": None}, TypeError, "label_smoothing must be a number; got None"),
    ({"label_smoothing": 0.1, "loss": "squared_error"}, ValueError,
     "label_smoothing smooths one-hot class targets: it needs a softmax output and loss='cross_entropy'"),
    ({"target_error": 0}, ValueError, "target_error must be a positive number"),
    ({"progress": "yes"}, TypeError, "progress must be an integer"),
    ({"rng": -1}, ValueError, "rng"),
    ({"model": "net"}, TypeError, "model must be a course_lib.mlp.MLP"),
])
def test_fit_rejects_bad_arguments(change, error, match):
    net, X, T = net_and_data()
    kwargs = dict(model=net, X=X, T=T, epochs=1, batch_size=5, progress=False)
    kwargs.update(change)
    with pytest.raises(error, match=match):
        fit(kwargs.pop("model"), kwargs.pop("X"), kwargs.pop("T"), **kwargs)


def test_history_defaults():
    h = History()
    assert h.train_loss == [] and h.reached_target is None and repr(h) == "History(epochs=0)"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fit(*net_and_data(), epochs=1, batch_size=4, progress=False)                    # no warnings in a normal run
