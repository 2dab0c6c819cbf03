"""Tests for course_lib.losses: values by hand, exact cross-entropy, deltas vs finite differences, targets."""
import numpy as np
import pytest

from course_lib import losses as L
from course_lib.activations import ACTIVATIONS
from course_lib.gradcheck import numerical_gradient
from course_lib.losses import (LOSSES, cross_entropy, cross_entropy_from_logits, get_loss, one_hot, smooth_targets,
                               squared_error)


def test_squared_error_lecture_example_and_mean_over_samples():
    # lecture 001: e = ((t1 − z1)² + (t2 − z2)²)/2;  (1 − 0.8)² = 0.04, (0 − 0.3)² = 0.09 -> e = 0.065
    assert squared_error([0.8, 0.3], [1, 0]) == pytest.approx(0.065)
    # two samples: e = 0.065 and ((0 − 0)² + (1 − 0.5)²)/2 = 0.125 -> E = mean = 0.095
    assert squared_error([[0.8, 0.3], [0.0, 0.5]], [[1, 0], [0, 1]]) == pytest.approx(0.095)
    assert squared_error([[0.8, 0.3], [0.0, 0.5]], [0, 1]) == pytest.approx(0.095)     # integer labels


def test_cross_entropy_labels_and_one_hot():
    p = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]])
    expected = -(np.log(0.7) + np.log(0.8)) / 2
    assert cross_entropy(p, [0, 2]) == pytest.approx(expected)
    assert cross_entropy(p, one_hot([0, 2], 3)) == pytest.approx(expected)
    assert cross_entropy_from_logits(np.log(p), [0, 2]) == pytest.approx(expected)
    assert cross_entropy([[0.0, 1.0]], [0]) == np.inf                 # log 0 = −∞, not clipped to 27.63
    with pytest.raises(ValueError, match=r"p must be probabilities in \[0, 1\]"):
        cross_entropy([[2.0, -1.0]], [0])


def test_cross_entropy_from_logits_is_exact_where_clipping_was_not():
    # Logits (0, 40), true class 0: p_0 = 1/(1 + e^40) ≈ 4.2e-18, E = log(1 + e^40) = 40.0000000000000004.
    # PyTorch's CrossEntropyLoss reports 40.0; clipping p at 1e-12 gave −log(1e-12) = 27.63.
    assert cross_entropy_from_logits([[0.0, 40.0]], [0]) == pytest.approx(40.0, rel=1e-15)
    assert cross_entropy_from_logits([[0.0, 800.0]], [0]) == pytest.approx(800.0)   # p_0 = e^-800 = 0.0 in float64
    # the network's loss is the exact one as well
    from course_lib.mlp import MLP
    net = MLP.from_weights([[[0.0, 40.0]]], [[0.0, 0.0]], ["softmax"])
    assert net.loss([[1.0]], [0]) == pytest.approx(40.0, rel=1e-15)


def test_cross_entropy_rejects_targets_that_are_not_probability_rows():
    y = np.array([0, 2, 1])
    for T in (np.eye(3)[y] * 5, 2 * np.eye(3)[y] - 0.5):
        with pytest.raises(ValueError, match="T must hold probability rows for loss='cross_entropy'"):
            cross_entropy_from_logits(np.zeros((3, 3)), T)
    smoothed = smooth_targets(np.eye(3)[y], 0.1)                       # soft targets are probability rows
    assert cross_entropy_from_logits(np.zeros((3, 3)), smoothed) == pytest.approx(np.log(3))


@pytest.mark.parametrize("name, output", [("squared_error", "sigmoid"), ("squared_error", "identity"),
                                          ("squared_error", "tanh"), ("squared_error", "softmax"),
                                          ("cross_entropy", "softmax")])
def test_delta_is_dE_dz_by_finite_differences(name, output):
    rng = np.random.default_rng(4)
    loss, act = get_loss(name), ACTIVATIONS[output]
    z = rng.normal(size=(5, 3))
    T = one_hot(rng.integers(0, 3, size=5), 3) if name == "cross_entropy" else rng.uniform(size=(5, 3))
    delta = loss.delta(z, act.f(z), T, act, np.empty_like(z))
    numeric = numerical_gradient(lambda v: loss.value(v, act.f(v), T), z.copy())
    np.testing.assert_allclose(delta, numeric, rtol=1e-6, atol=1e-10)


def test_value_equals_the_checked_functions():
    rng = np.random.default_rng(1)
    z = rng.normal(size=(6, 4)) * 3
    a = ACTIVATIONS["softmax"].f(z)
    T = one_hot(rng.integers(0, 4, size=6), 4)
    assert LOSSES["cross_entropy"].value(z, a, T) == pytest.approx(cross_entropy(a, T), rel=1e-12)
    assert LOSSES["squared_error"].value(z, a, T) == pytest.approx(squared_error(a, T), rel=1e-12)


def test_number_correct():
    a = np.array([[0.7, 0.2, 0.1], [0.1, 0.6, 0.3], [0.2, 0.3, 0.5]])
    assert LOSSES["cross_entropy"].n_correct(a, one_hot([0, 2, 2], 3)) == 2          # argmax 0, 1, 2
    # squared error: every output rounded at 0.5 must equal its target — the lecture's (1, 0) = "C"
    out = np.array([[0.9, 0.1], [0.4, 0.3], [0.6, 0.7]])
    assert LOSSES["squared_error"].n_correct(out, np.array([[1, 0], [0, 0], [1, 0]])) == 2


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


def test_as_targets_explains_float_labels():
    y = np.array([0, 2, 1])
    with pytest.raises(TypeError, match=r"T holds float numbers of shape \(3,\).*must be integers 0…2: use T.astype\(int\)"):
        L.as_targets(y.astype(float), 3, 3)
    with pytest.raises(TypeError, match="not whole numbers"):
        L.as_targets([0.5, 1, 2], 3, 3)
    np.testing.assert_array_equal(L.as_targets(y, 3, 3), np.eye(3)[y])


def test_get_loss():
    assert get_loss("cross_entropy") is LOSSES["cross_entropy"]
    with pytest.raises(ValueError, match="loss must be one of 'squared_error', 'cross_entropy'; got 'mse'"):
        get_loss("mse")
    with pytest.raises(TypeError, match="loss must be a name"):
        get_loss(None)
