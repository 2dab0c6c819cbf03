"""Tests for course_lib.train: fit (XNOR, determinism, progress, stopping, divergence), validation."""
import re
import warnings

import numpy as np
import pytest

from course_lib.mlp import MLP
from course_lib.optim import Adam
from course_lib.train import ConvergenceWarning, FitOptions, History, TrainingDiverged, fit

XOR_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
XNOR_T = np.array([[1], [0], [0], [1]], dtype=float)


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
    from course_lib.callbacks import Callback, ProgressBar
    assert type(ProgressBar.in_jupyter(FitOptions(epochs=2), 10)) is Callback       # does nothing


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


@pytest.fixture(scope="module")
def mnist_slice():
    from course_lib.datasets import load_mnist
    X, y = load_mnist("test", flatten=True, normalize=True)
    return X[:1000], y[:1000]


@pytest.mark.parametrize("seed", [0, 1])
def test_relu_softmax_with_lr_10_stops_instead_of_sitting_at_chance(mnist_slice, seed):
    # The step jumps the loss from 2.4 to about 100; the ReLUs die and the network answers one class
    # (about 11 % accuracy) — finite numbers, so only the jump + chance-level accuracy reveals it.
    X, y = mnist_slice
    net = MLP([784, 128, 10], ["relu", "softmax"], rng=seed)
    with pytest.raises(TrainingDiverged, match=r"epoch 1, step \d+: the loss jumped above 10 times its starting "
                                               r"value 2\.\d+ .*accuracy is .*chance.*learning rate 10.0 is too "
                                               r"large; try 1.0"):
        fit(net, X, y, epochs=3, optimizer="sgd", lr=10, rng=seed, progress=False)


@pytest.mark.parametrize("seed, dtype", [(0, np.float32), (1, np.float32), (0, np.float64), (2, np.float64)])
def test_relu_identity_squared_error_with_lr_10_always_raises_training_diverged(mnist_slice, seed, dtype):
    X, y = mnist_slice
    net = MLP([784, 128, 10], ["relu", "identity"], rng=seed, dtype=dtype)
    with pytest.raises(TrainingDiverged, match=r"epoch 1, step \d+: .*try 1.0"):
        fit(net, X, np.eye(10)[y], epochs=3, optimizer="sgd", lr=10, loss="squared_error", rng=seed,
            progress=False)


def test_overflow_in_the_forward_pass_is_divergence():
    net = MLP.from_weights([[[1e200]], [[1e200]]], [[0.0], [0.0]], ["identity", "identity"])
    with pytest.raises(TrainingDiverged, match=r"epoch 1, step 1: a number overflowed \(overflow encountered"):
        fit(net, [[1.0], [2.0]], [[0.0], [1.0]], epochs=1, batch_size=None, progress=False)


def test_healthy_runs_never_trip_the_divergence_check():
    """Chapter 4's runs (C/T with large SGD steps, the four optimizers, XNOR, weight decay) finish."""
    from course_lib.datasets import load_letters
    L = load_letters()
    with warnings.catch_warnings():
        warnings.simplefilter("error", ConvergenceWarning)
        start = MLP([12, 3, 2], ["sigmoid", "sigmoid"], init="xavier", rng=1)
        for name, lr in [("sgd", 4.5), ("momentum", 1.0), ("adagrad", 1.0), ("adam", 0.1)]:
            net = MLP.from_weights(start.W, start.b, ["sigmoid", "sigmoid"])
            h = fit(net, L.X, L.T, epochs=300, batch_size=None, optimizer=name, lr=lr, progress=False)
            assert h.train_loss[-1] < 0.02, name
        for seed in range(10):
            net = MLP([2, 2, 1], ["sigmoid", "sigmoid"], rng=seed)
            fit(net, XOR_X, XNOR_T, epochs=1000, batch_size=None, optimizer="sgd", lr=2.0, progress=False)
        rng = np.random.default_rng(1)
        x = np.sort(rng.uniform(-1, 1, 12))
        y = np.sin(np.pi * x) + rng.normal(0, 0.3, 12)
        net = MLP([1, 40, 40, 1], ["tanh", "tanh", "identity"], init="xavier", rng=0)
        h = fit(net, x[:, None], y[:, None], epochs=3000, batch_size=None, optimizer="adam", lr=0.01,
                weight_decay=1e-3, progress=False)
        assert h.train_loss[-1] < 0.01


def test_divergence_check_by_hand():
    from course_lib.callbacks import DivergenceCheck
    from course_lib.losses import LOSSES, Score
    from course_lib.optim import SGD

    def run(losses, loss_name, T, model, epoch_loss, acc):
        check = DivergenceCheck(SGD(0.5), XOR_X, T, model, LOSSES[loss_name])
        for step, E in enumerate(losses, 1):
            check.on_step(1, step, Score(E, 0, 4))
        return check.on_epoch(History(epochs=[1], train_loss=[epoch_loss], train_acc=[acc]))

    sig = MLP([2, 2, 1], ["tanh", "sigmoid"], rng=0)
    # XNOR targets: a network that knows nothing predicts 0.5, E = ½ var(t) = ½ · 0.25 = 0.125.
    # Continuing from a trained network (E = 0.004), a wobble to 0.05 is no jump: 0.05 < 10 × 0.125.
    assert run([0.004, 0.05], "squared_error", XNOR_T, sig, 0.05, 0.75) is False
    # A jump from 0.2 to 3 (> 10 × 0.2) that ends the epoch no lower than 0.2: diverged
    with pytest.raises(TrainingDiverged, match=r"step 2: the loss jumped above 10 times its starting value 0.2 "
                                               r"\(to 3\).*loss is 0.5, no lower than at the start \(0.2\)"):
        run([0.2, 3.0], "squared_error", XNOR_T, sig, 0.5, 0.5)
    assert run([0.2, 3.0], "squared_error", XNOR_T, sig, 0.1, 0.5) is False     # it recovered
    # classes: the commonest class has 3 of 4 samples (chance 75 %); accuracy 75 % after a jump: diverged
    soft = MLP([2, 2, 2], ["tanh", "softmax"], rng=0)
    with pytest.raises(TrainingDiverged, match=r"accuracy is 75.0% \(chance: 75.0%\)"):
        run([0.7, 50.0], "cross_entropy", np.eye(2)[[0, 0, 0, 1]], soft, 0.6, 0.75)
    with pytest.raises(TrainingDiverged, match=r"epoch 1, step 3: the loss became nan"):
        run([0.7, 0.6, float("nan")], "cross_entropy", np.eye(2)[[0, 0, 0, 1]], soft, 0.6, 0.75)


def test_default_batch_size_works_for_the_4_xor_samples():
    # batch_size=32 (the default) with 4 samples: every step uses all 4 (documented), no error
    net = MLP([2, 4, 1], ["tanh", "sigmoid"], rng=0)
    twin = MLP.from_weights(net.W, net.b, ["tanh", "sigmoid"])
    fit(net, XOR_X, XNOR_T, epochs=5, optimizer="sgd", lr=0.5, rng=0, progress=False)
    fit(twin, XOR_X, XNOR_T, epochs=5, batch_size=None, optimizer="sgd", lr=0.5, progress=False)
    np.testing.assert_array_equal(net.param_vector, twin.param_vector)


def test_float_class_labels_are_explained():
    net, X, y = net_and_data()
    with pytest.raises(TypeError, match=r"T holds float numbers of shape \(10,\).*integers 0…1: use T.astype\(int\)"):
        fit(net, X, y.astype(float), epochs=1, progress=False)


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
    net = MLP([784, 32, 10], ["relu", "softmax"], rng=0, dtype=np.float32)
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
    ({"progress": "yes"}, TypeError, "progress must be True, False or a positive integer"),
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
