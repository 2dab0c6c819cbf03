"""Tests for course_lib.optim: each update rule by hand, against a textbook Adam, and that each one learns."""
import numpy as np
import pytest

from course_lib.mlp import MLP
from course_lib.optim import SGD, AdaGrad, Adam, Momentum, get_optimizer


def test_sgd_step_by_hand():
    p, g = np.array([1.0, -2.0]), np.array([0.5, 0.25])
    SGD(lr=0.1).step([p], [g])
    np.testing.assert_allclose(p, [1.0 - 0.05, -2.0 - 0.025])          # p − η g


def test_momentum_two_steps_by_hand():
    p, g = np.array([1.0]), np.array([2.0])
    opt = Momentum(lr=0.1, momentum=0.9)
    opt.step([p], [g])          # v = 0.9·0 − 0.1·2 = −0.2;            p = 1 − 0.2 = 0.8
    opt.step([p], [g])          # v = 0.9·(−0.2) − 0.2 = −0.38;        p = 0.8 − 0.38 = 0.42
    np.testing.assert_allclose(p, [0.42])


def test_adagrad_two_steps_by_hand():
    p, g = np.array([1.0]), np.array([2.0])
    opt = AdaGrad(lr=0.1, eps=1e-8)
    opt.step([p], [g])          # h = 4;  p = 1 − 0.1·2/√4 = 0.9
    opt.step([p], [g])          # h = 8;  p = 0.9 − 0.1·2/√8 = 0.9 − 0.0707107
    np.testing.assert_allclose(p, [0.9 - 0.2 / np.sqrt(8)], rtol=1e-7)


def test_adam_first_step_is_lr_times_sign():
    # t = 1: m̂ = g, v̂ = g², so p moves by η·g/|g| = η·sign(g), whatever the size of g
    p, g = np.array([1.0, 1.0, 1.0]), np.array([3.0, -1e-3, 50.0])
    Adam(lr=0.01).step([p], [g])
    np.testing.assert_allclose(p, [0.99, 1.01, 0.99], rtol=1e-6)


def textbook_adam(p, grads, lr=1e-3, b1=0.9, b2=0.999, eps=1e-8):
    m = v = 0.0
    for t, g in enumerate(grads, 1):
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        m_hat, v_hat = m / (1 - b1 ** t), v / (1 - b2 ** t)
        p = p - lr * m_hat / (np.sqrt(v_hat) + eps)
    return p


def test_adam_matches_the_textbook_formula():
    rng = np.random.default_rng(0)
    grads = [rng.normal(size=(3, 2)) * 10.0 ** rng.integers(-4, 2) for _ in range(20)]
    p0 = rng.normal(size=(3, 2))
    p = p0.copy()
    opt = Adam(lr=0.05, beta1=0.8, beta2=0.99, eps=1e-6)
    for g in grads:
        opt.step([p], [g])
    np.testing.assert_allclose(p, textbook_adam(p0, grads, 0.05, 0.8, 0.99, 1e-6), rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("opt_class", [SGD, Momentum, AdaGrad, Adam])
def test_updates_in_place_and_keeps_float32(opt_class):
    p = np.ones((4, 3), dtype=np.float32)
    same = p
    opt_class().step([p], [np.full((4, 3), 0.5, dtype=np.float32)])
    assert p is same and p.dtype == np.float32 and np.all(p < 1)


@pytest.mark.parametrize("name, lr", [("sgd", 0.5), ("momentum", 0.1), ("adagrad", 0.1), ("adam", 0.01)])
def test_each_optimizer_lowers_the_loss(name, lr):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(64, 3))
    T = np.tanh(X @ np.array([[1.0], [-2.0], [0.5]]))                # a smooth target to fit
    net = MLP([3, 8, 1], ["tanh", "identity"], init="xavier", rng=1, dtype=np.float64)
    opt = get_optimizer(name, lr=lr)
    E0 = net.loss(X, T)
    for _ in range(50):
        net.gradient(X, T)
        opt.step(net.params, net.grads)
    assert net.loss(X, T) < 0.5 * E0, name


def test_get_optimizer_and_repr():
    assert isinstance(get_optimizer("Adam"), Adam)
    assert repr(get_optimizer("momentum", lr=0.5)) == "Momentum(lr=0.5, momentum=0.9)"
    with pytest.raises(ValueError, match="optimizer must be one of 'sgd', 'momentum', 'adagrad', 'adam'; got 'rmsprop'"):
        get_optimizer("rmsprop")
    with pytest.raises(TypeError, match=r"SGD takes the settings \['lr'\]; got unknown \['momentum'\]"):
        get_optimizer("sgd", momentum=0.9)
    with pytest.raises(TypeError, match="optimizer must be a name"):
        get_optimizer(None)


@pytest.mark.parametrize("make, error, match", [
    (lambda: SGD(lr=0), ValueError, "lr must be a positive number; got 0"),
    (lambda: Adam(lr=-1e-3), ValueError, "lr must be a positive number"),
    (lambda: SGD(lr="0.1"), TypeError, "lr must be a positive number"),
    (lambda: Adam(beta1=1.0), ValueError, r"beta1 must be in \[0, 1\)"),
    (lambda: Momentum(momentum=-0.5), ValueError, "momentum must be >= 0"),
    (lambda: AdaGrad(eps=0), ValueError, "eps must be a positive number"),
])
def test_bad_settings(make, error, match):
    with pytest.raises(error, match=match):
        make()


def test_bad_step_arguments():
    opt = Adam()
    p = np.zeros((2, 2))
    with pytest.raises(TypeError, match="params and grads must be lists"):
        opt.step(p, p)
    with pytest.raises(ValueError, match="grads must match params one to one"):
        opt.step([p], [np.zeros(3)])
    with pytest.raises(TypeError, match=r"params\[0\] must be a writeable float NumPy array"):
        SGD().step([[1.0, 2.0]], [np.zeros(2)])
    opt.step([p], [np.ones((2, 2))])
    with pytest.raises(ValueError, match="create a new optimizer for a new network"):
        opt.step([np.zeros(5)], [np.zeros(5)])


@pytest.mark.parametrize("opt_class", [SGD, Momentum, AdaGrad, Adam])
def test_a_gradient_with_nan_or_inf_is_refused_and_nothing_moves(opt_class):
    p, q = np.ones(3), np.ones(1000)
    opt = opt_class()
    for bad in ([1.0, np.nan], [np.inf, 0.0]):
        g = np.zeros(1000)
        g[:2] = bad
        with pytest.raises(ValueError, match=r"grads\[1\] contains 1 NaN or infinite value"):
            opt.step([p, q], [np.zeros(3), g])
    np.testing.assert_array_equal(p, 1.0)
    np.testing.assert_array_equal(q, 1.0)
    assert opt.t == 0
    huge = np.full(1000, 1.5e153)          # Σ g² = 2.25e309 overflows, each g² does not:
    opt.step([p, q], [np.zeros(3), huge])  # every g is finite, so it is accepted
    assert opt.t == 1


def test_param_shapes():
    opt = SGD()
    assert opt.param_shapes is None
    opt.step([np.zeros((2, 3)), np.zeros(3)], [np.zeros((2, 3)), np.zeros(3)])
    assert opt.param_shapes == [(2, 3), (3,)]
