"""Dropout in course_lib.mlp / course_lib.train: masks, forward, backward (finite differences), training.

Inverted dropout on the hidden layers: ã_l = f(z_l) ⊙ m_l with m_l = keep/(1 − p); backward through the
same mask, δ_l = (δ_{l+1} W_{l+1}ᵀ) ⊙ m_l ⊙ f'(z_l).  Never at evaluation or prediction time.
"""
import numpy as np
import pytest

from course_lib.gradcheck import numerical_gradient, rel_error
from course_lib.mlp import MLP, check_dropout, dropout_masks
from course_lib.optim import SGD, Adam
from course_lib.train import fit, one_hot


def masked_loss(net, X, T, masks, loss):
    """E with fixed dropout masks, computed here from the outputs (not by the code under test's loss)."""
    a = net.forward(X, dropout_masks=masks)
    if loss == "cross_entropy":
        return float(-np.mean(np.sum(T * np.log(a), axis=1)))
    return float(np.mean(0.5 * np.sum((a - T) ** 2, axis=1)))


GRAD_CASES = [
    ([4, 5, 3], ["sigmoid", "sigmoid"], "squared_error"),
    ([4, 6, 3], ["tanh", "identity"], "squared_error"),
    ([4, 6, 3], ["relu", "softmax"], "cross_entropy"),
    ([3, 5, 4, 2], ["tanh", "sigmoid", "softmax"], "cross_entropy"),     # two hidden layers, two masks
]


@pytest.mark.parametrize("sizes, names, loss", GRAD_CASES)
def test_backprop_through_a_fixed_mask_matches_finite_differences(sizes, names, loss):
    rng = np.random.default_rng(sum(sizes))
    net = MLP(sizes, names, init="xavier", rng=rng)
    for v in net.b:
        v[...] = rng.normal(scale=0.3, size=v.shape)
    X = rng.normal(size=(6, sizes[0]))
    T = one_hot(rng.integers(0, sizes[-1], size=6), sizes[-1]) if loss == "cross_entropy" \
        else rng.uniform(size=(6, sizes[-1]))
    masks = dropout_masks(sizes, 6, 0.4, rng)
    assert any((m == 0).any() for m in masks)                  # some neurons really are off
    net.forward(X, dropout_masks=masks)
    dW, db = net.backward(T, loss)
    analytic = [g for pair in zip(dW, db) for g in pair]
    for i, (p, a) in enumerate(zip(net.params, analytic)):
        def E(values, p=p):
            saved = p.copy()
            p[...] = values
            try:
                return masked_loss(net, X, T, masks, loss)
            finally:
                p[...] = saved
        assert rel_error(a, numerical_gradient(E, p)) < 1e-6, f"parameter {i} of {sizes} {names}"


def test_mask_changes_the_gradient():
    # the mask is really used on the way back: a switched-off neuron's incoming weights get no gradient
    rng = np.random.default_rng(0)
    net = MLP([3, 4, 2], ["sigmoid", "sigmoid"], rng=0)
    X, T = rng.normal(size=(1, 3)), rng.uniform(size=(1, 2))
    masks = [np.array([[2.0, 0.0, 2.0, 0.0]])]                  # p = 0.5: neurons 1 and 3 off
    net.forward(X, dropout_masks=masks)
    dW, db = net.backward(T)
    np.testing.assert_array_equal(dW[0][:, [1, 3]], 0.0)
    np.testing.assert_array_equal(db[0][[1, 3]], 0.0)
    np.testing.assert_array_equal(dW[1][[1, 3], :], 0.0)        # and they pass nothing on
    assert np.all(dW[0][:, [0, 2]] != 0)


def test_forward_with_masks_by_hand():
    # one hidden layer, identity everywhere: ã = (x W1 + b1) ⊙ m, output ã W2 + b2
    net = MLP.from_weights([[[1.0, 2.0, 3.0]], [[1.0], [1.0], [1.0]]], [[0.0, 0.0, 0.0], [0.5]],
                           ["identity", "identity"])
    out = net.forward([[1.0]], dropout_masks=[[[2.0, 0.0, 2.0]]])
    # hidden 1, 2, 3 → kept ×2: 2, 0, 6 → sum 8, + 0.5
    assert out[0, 0] == pytest.approx(8.5)
    np.testing.assert_array_equal(net.activations[1], [[2.0, 0.0, 6.0]])
    assert net.forward([[1.0]])[0, 0] == pytest.approx(6.5)     # no masks: the whole network


def test_dropout_masks_values_and_mean():
    masks = dropout_masks([10, 200, 100, 3], 500, 0.2, rng=0)
    assert [m.shape for m in masks] == [(500, 200), (500, 100)]   # hidden layers only
    for m in masks:
        assert set(np.unique(m)) <= {0.0, 1.25}                   # 0 or 1/(1 − 0.2)
        assert abs((m == 0).mean() - 0.2) < 0.01                  # off with probability p
        assert abs(m.mean() - 1.0) < 0.02                         # the average signal is unchanged
    np.testing.assert_array_equal(dropout_masks([10, 200, 3], 5, 0.2, rng=1)[0],
                                  dropout_masks([10, 200, 3], 5, 0.2, rng=1)[0])
    assert np.all(dropout_masks([2, 3, 1], 4, 0.0, rng=0)[0] == 1.0)
    assert dropout_masks([2, 3, 1], 4, 0.5, rng=0, dtype=np.float32)[0].dtype == np.float32


def test_p_zero_is_identical_to_no_dropout():
    rng = np.random.default_rng(2)
    X, y = rng.normal(size=(40, 5)), rng.integers(0, 3, size=40)
    a = MLP([5, 8, 3], ["relu", "softmax"], rng=0)
    b = MLP([5, 8, 3], ["relu", "softmax"], rng=0)
    sa = a.train_step(X, y, None, SGD(lr=0.1))
    sb = b.train_step(X, y, None, SGD(lr=0.1), dropout=0.0, rng=5)
    assert sa == sb
    np.testing.assert_array_equal(a.param_vector, b.param_vector)
    ha = fit(a, X, y, epochs=3, batch_size=8, optimizer="adam", rng=1, progress=False)
    hb = fit(b, X, y, epochs=3, batch_size=8, optimizer="adam", rng=1, progress=False, dropout=0.0)
    assert ha.train_loss == hb.train_loss and ha.step_loss == hb.step_loss
    np.testing.assert_array_equal(a.param_vector, b.param_vector)


def test_train_step_with_dropout_is_reproducible_and_differs():
    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(30, 4)), rng.integers(0, 2, size=30)
    nets = [MLP([4, 16, 2], ["relu", "softmax"], rng=0) for _ in range(3)]
    nets[0].train_step(X, y, None, SGD(lr=0.1), dropout=0.5, rng=7)
    nets[1].train_step(X, y, None, SGD(lr=0.1), dropout=0.5, rng=7)
    nets[2].train_step(X, y, None, SGD(lr=0.1))
    np.testing.assert_array_equal(nets[0].param_vector, nets[1].param_vector)
    assert not np.array_equal(nets[0].param_vector, nets[2].param_vector)


def test_train_step_uses_one_dropout_step_by_hand():
    # the update with dropout equals an SGD step with the gradient of the same masks (drawn from the same rng)
    rng = np.random.default_rng(4)
    X, T = rng.normal(size=(5, 3)), rng.uniform(size=(5, 2))
    net = MLP([3, 4, 2], ["tanh", "sigmoid"], rng=0)
    ref = MLP([3, 4, 2], ["tanh", "sigmoid"], rng=0)
    masks = dropout_masks(ref.sizes, 5, 0.3, np.random.default_rng(9))
    ref.forward(X, dropout_masks=masks)
    dW, db = ref.backward(T)
    net.train_step(X, T, None, SGD(lr=0.5), dropout=0.3, rng=np.random.default_rng(9))
    np.testing.assert_allclose(net.W[0], ref.W[0] - 0.5 * dW[0], rtol=1e-12)
    np.testing.assert_allclose(net.b[1], ref.b[1] - 0.5 * db[1], rtol=1e-12)


def test_no_dropout_at_evaluation_or_prediction():
    rng = np.random.default_rng(5)
    X, y = rng.normal(size=(50, 4)), rng.integers(0, 3, size=50)
    net = MLP([4, 10, 3], ["relu", "softmax"], rng=0)
    fit(net, X, y, epochs=2, batch_size=10, optimizer="adam", rng=0, progress=False, dropout=0.5)
    P1, P2 = net.predict_proba(X), net.predict_proba(X)
    np.testing.assert_array_equal(P1, P2)                       # deterministic: no masks
    np.testing.assert_array_equal(P1, net.forward(X))           # equal to the whole network
    assert net.evaluate(X, y).loss == pytest.approx(net.loss(X, y))


def test_evaluate_between_forward_and_backward_keeps_the_masks():
    rng = np.random.default_rng(6)
    X, T = rng.normal(size=(4, 3)), rng.uniform(size=(4, 2))
    net = MLP([3, 5, 2], ["sigmoid", "sigmoid"], rng=0)
    masks = dropout_masks(net.sizes, 4, 0.5, rng=1)
    net.forward(X, dropout_masks=masks)
    want = net.backward(T)
    net.forward(X, dropout_masks=masks)
    net.evaluate(X, T)                                          # must not disturb the cache
    got = net.backward(T)
    for g, w in zip(got[0] + got[1], want[0] + want[1]):
        np.testing.assert_array_equal(g, w)


def test_fit_with_dropout_reproducible_and_records_every_step():
    rng = np.random.default_rng(7)
    X, y = rng.normal(size=(64, 6)), rng.integers(0, 4, size=64)
    runs = [fit(MLP([6, 12, 4], ["relu", "softmax"], rng=0), X, y, epochs=3, batch_size=16, optimizer="adam",
                rng=2, progress=False, dropout=0.3) for _ in range(2)]
    assert runs[0].train_loss == runs[1].train_loss
    assert len(runs[0].step_loss) == 3 * 4                      # 3 epochs × 4 minibatches
    assert np.mean(runs[0].step_loss[:4]) == pytest.approx(runs[0].train_loss[0])


def test_dropout_reduces_overfitting_on_a_tiny_problem():
    # 20 noisy points, a wide network: with dropout the training fit is worse (it cannot memorise as well)
    rng = np.random.default_rng(8)
    X = rng.normal(size=(20, 2))
    y = rng.integers(0, 2, size=20)                             # random labels: only memorising helps
    plain, drop = (MLP([2, 64, 2], ["relu", "softmax"], rng=0) for _ in range(2))
    h0 = fit(plain, X, y, epochs=200, batch_size=None, optimizer="adam", lr=0.01, rng=0, progress=False)
    h1 = fit(drop, X, y, epochs=200, batch_size=None, optimizer="adam", lr=0.01, rng=0, progress=False,
             dropout=0.5)
    assert plain.evaluate(X, y).loss < drop.evaluate(X, y).loss
    assert h1.train_loss[-1] > h0.train_loss[-1]


@pytest.mark.parametrize("p, exc, words", [
    (1.0, ValueError, ("dropout", "0 ≤ dropout < 1", "1.0")),
    (-0.1, ValueError, ("dropout", "0 ≤ dropout < 1", "-0.1")),
    (float("nan"), ValueError, ("dropout", "nan")),
    ("0.5", TypeError, ("dropout", "'0.5'")),
    (True, TypeError, ("dropout", "True")),
    (None, TypeError, ("dropout", "None")),
])
def test_bad_dropout(p, exc, words):
    for call in (lambda: check_dropout(p),
                 lambda: MLP([2, 3, 2], ["relu", "softmax"], rng=0).train_step(np.ones((2, 2)), [0, 1], None,
                                                                                 SGD(), dropout=p),
                 lambda: fit(MLP([2, 3, 2], ["relu", "softmax"], rng=0), np.ones((2, 2)), [0, 1], epochs=1,
                             dropout=p, progress=False)):
        with pytest.raises(exc) as info:
            call()
        for word in words:
            assert word.lower() in str(info.value).lower(), (word, str(info.value))


def test_dropout_needs_a_hidden_layer():
    net = MLP([2, 3], ["softmax"], rng=0)
    with pytest.raises(ValueError, match="no hidden layer"):
        net.train_step(np.ones((2, 2)), [0, 1], None, SGD(), dropout=0.5)
    with pytest.raises(ValueError, match="no hidden layer"):
        fit(net, np.ones((2, 2)), [0, 1], epochs=1, dropout=0.5, progress=False)
    net.train_step(np.ones((2, 2)), [0, 1], None, SGD(), dropout=0.0)     # p = 0 is fine


def test_bad_masks():
    net = MLP([2, 3, 4, 2], ["relu", "relu", "softmax"], rng=0)
    X = np.ones((5, 2))
    with pytest.raises(ValueError, match="2 arrays, one per hidden layer"):
        net.forward(X, dropout_masks=[np.ones((5, 3))])
    with pytest.raises(ValueError, match=r"dropout_masks\[1\] must have shape \(5, 4\)"):
        net.forward(X, dropout_masks=[np.ones((5, 3)), np.ones((4, 4))])
    with pytest.raises(ValueError, match=r"dropout_masks\[0\] must hold values ≥ 0"):
        net.forward(X, dropout_masks=[-np.ones((5, 3)), np.ones((5, 4))])
    with pytest.raises(ValueError, match="NaN"):
        net.forward(X, dropout_masks=[np.full((5, 3), np.nan), np.ones((5, 4))])
    with pytest.raises(ValueError, match="n must be >= 1"):
        dropout_masks([2, 3, 1], 0, 0.5)
    with pytest.raises(TypeError, match="rng"):
        dropout_masks([2, 3, 1], 2, 0.5, rng="x")
    with pytest.raises(TypeError):
        net.train_step(X, [0, 1, 0, 1, 0], None, Adam(), dropout=0.5, rng="seven")
