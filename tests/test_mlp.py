"""Tests for course_lib.mlp: shapes, forward formulas, backprop vs finite differences, a hand-worked step."""
import numpy as np
import pytest

from course_lib import activations as act
from course_lib.gradcheck import numerical_gradient, rel_error
from course_lib.mlp import MLP
from course_lib.optim import SGD
from course_lib.train import fit, one_hot, smooth_targets

BINARY = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)


def numerical_grads(net, X, T, loss):
    """∂E/∂p for every p in net.params by central differences (float64)."""
    grads = []
    for p in net.params:
        def E(values, p=p):
            saved = p.copy()
            p[...] = values
            try:
                return net.loss(X, T, loss)
            finally:
                p[...] = saved
        grads.append(numerical_gradient(E, p))
    return grads


def test_lecture_12_3_2_network_has_47_parameters():
    # lecture 001: (inputs + 1) × hidden + (hidden + 1) × outputs = 13·3 + 4·2 = 47
    net = MLP([12, 3, 2], ["sigmoid", "sigmoid"], rng=0)
    assert net.n_params == 47
    assert [w.shape for w in net.W] == [(12, 3), (3, 2)]
    assert [v.shape for v in net.b] == [(3,), (2,)]
    assert MLP([784, 128, 10], ["relu", "softmax"], rng=0).n_params == 101_770


def test_dtypes_and_repr():
    # the same default, float64, for a random and a hand-set network; float32 on request
    assert MLP([3, 2], ["identity"], rng=0).W[0].dtype == np.float64
    net = MLP([3, 2], ["identity"], rng=0, dtype=np.float32)
    assert net.W[0].dtype == np.float32 and net.forward(np.ones((1, 3))).dtype == np.float32
    hand = MLP.from_weights([[[1.0], [2.0], [3.0]]], [[0.5]], ["identity"])
    assert hand.W[0].dtype == np.float64
    assert MLP.from_weights([[[1.0]]], [[0.0]], ["identity"], dtype=np.float32).W[0].dtype == np.float32
    assert repr(hand) == "MLP(sizes=[3, 1], activations=['identity'], dtype=float64, n_params=4)"


def test_lecture_three_neuron_network_from_weights():
    # n1: w=(1,1) b=0; n2: w=(1,1) b=-1; n3 reads (n1, n2): w=(-1,2) b=1; all ReLU -> 1, 0, 0, 1
    W1 = np.array([[1.0, 1.0], [1.0, 1.0]])     # column j = weights of neuron j (input i -> neuron j)
    net = MLP.from_weights([W1, [[-1.0], [2.0]]], [[0.0, -1.0], [1.0]], ["relu", "relu"])
    np.testing.assert_array_equal(net.forward(BINARY)[:, 0], [1, 0, 0, 1])
    W1[0, 0] = 99.0                              # the network keeps its own copy
    np.testing.assert_array_equal(net.forward(BINARY)[:, 0], [1, 0, 0, 1])


@pytest.mark.parametrize("name", ["relu", "sigmoid", "tanh", "identity", "leaky_relu", "step", "softmax"])
def test_forward_is_f_of_XW_plus_b(name):
    rng = np.random.default_rng(1)
    net = MLP([4, 3], [name], rng=rng, dtype=np.float64)
    net.b[0][...] = [0.5, -0.2, 0.1]
    X = rng.normal(size=(5, 4)) * 3
    f = act.get_activation(name).f
    np.testing.assert_allclose(net.forward(X), f(X @ net.W[0] + net.b[0]), rtol=1e-12, atol=1e-15)


def test_sigmoid_output_does_not_warn_for_huge_inputs():
    net = MLP.from_weights([[[1.0, -1.0]]], [[0.0, 0.0]], ["sigmoid"], dtype=np.float32)
    np.testing.assert_allclose(net.forward([[1000.0]]), [[1.0, 0.0]])   # no overflow warning (an error here)


def test_init_scales_and_rng():
    he = MLP([2000, 300], ["relu"], init="he", rng=0, dtype=np.float64).W[0]
    xavier = MLP([2000, 300], ["tanh"], init="xavier", rng=0, dtype=np.float64).W[0]
    assert he.std() == pytest.approx(np.sqrt(2 / 2000), rel=0.02)     # He: N(0, 2/n_in)
    assert xavier.std() == pytest.approx(np.sqrt(1 / 2000), rel=0.02)  # Xavier: N(0, 1/n_in)
    assert not MLP([3, 2], ["relu"], init="zeros").W[0].any()
    a, b = MLP([5, 4, 2], ["relu", "softmax"], rng=7), MLP([5, 4, 2], ["relu", "softmax"], rng=7)
    assert all(np.array_equal(p, q) for p, q in zip(a.params, b.params))
    c = MLP([5, 4, 2], ["relu", "softmax"], rng=np.random.default_rng(8))
    assert not np.array_equal(a.W[0], c.W[0])


GRAD_CASES = [
    ([3, 4, 2], ["sigmoid", "sigmoid"], "squared_error"),           # the lecture's kind of network
    ([4, 5, 3], ["tanh", "softmax"], "cross_entropy"),
    ([3, 6, 5, 4], ["relu", "tanh", "softmax"], "cross_entropy"),
    ([2, 3, 1], ["leaky_relu", "identity"], "squared_error"),
    ([3, 4, 3], ["sigmoid", "softmax"], "squared_error"),           # softmax output, squared error
    ([5, 2], ["tanh"], "squared_error"),                             # no hidden layer
]


@pytest.mark.parametrize("sizes, names, loss", GRAD_CASES)
def test_backprop_matches_finite_differences(sizes, names, loss):
    rng = np.random.default_rng(len(sizes) * 10 + sizes[-1])
    net = MLP(sizes, names, init="xavier", rng=rng, dtype=np.float64)
    for v in net.b:
        v[...] = rng.normal(scale=0.3, size=v.shape)
    X = rng.normal(size=(7, sizes[0]))
    if loss == "cross_entropy":
        T = rng.integers(0, sizes[-1], size=7)                       # integer labels
    else:
        T = rng.uniform(size=(7, sizes[-1]))
    dW, db = net.gradient(X, T, loss)
    analytic = [g for pair in zip(dW, db) for g in pair]
    for i, (a, num) in enumerate(zip(analytic, numerical_grads(net, X, T, loss))):
        assert rel_error(a, num) < 1e-6, f"parameter {i} of {sizes} {names} {loss}"


def test_backprop_with_smoothed_targets_matches_finite_differences():
    # Label smoothing: soft targets T_ls = 0.9·T + 0.1/4 still add up to 1 in every row, so the
    # softmax + cross-entropy shortcut δ_L = a_L − T holds unchanged.
    rng = np.random.default_rng(5)
    net = MLP([3, 6, 4], ["relu", "softmax"], rng=rng, dtype=np.float64)
    X = rng.normal(size=(7, 3))
    T = smooth_targets(one_hot(rng.integers(0, 4, size=7), 4), 0.1)
    dW, db = net.gradient(X, T)
    analytic = [g for pair in zip(dW, db) for g in pair]
    for i, (a, num) in enumerate(zip(analytic, numerical_grads(net, X, T, "cross_entropy"))):
        assert rel_error(a, num) < 1e-6, f"parameter {i}"


def test_gradient_is_mean_over_the_batch():
    rng = np.random.default_rng(3)
    net = MLP([3, 4, 2], ["tanh", "sigmoid"], rng=0, dtype=np.float64)
    X, T = rng.normal(size=(6, 3)), rng.uniform(size=(6, 2))
    dW_all, _ = net.gradient(X, T)
    halves = [net.gradient(X[i:i + 3], T[i:i + 3])[0] for i in (0, 3)]
    np.testing.assert_allclose(dW_all[0], (halves[0][0] + halves[1][0]) / 2, rtol=1e-12)


def test_hand_worked_sgd_step():
    # Two samples, 2 inputs -> 2 ReLU neurons -> 1 identity output, squared error, η = 0.1.
    X = np.array([[1.0, 0.0], [0.0, 1.0]])
    T = np.array([[1.0], [0.0]])
    net = MLP.from_weights([[[1.0, -1.0], [2.0, 1.0]], [[1.0], [1.0]]], [[0.0, 0.0], [0.0]], ["relu", "identity"])
    # forward: z1 = X W1 = [[1, -1], [2, 1]] -> a1 = relu = [[1, 0], [2, 1]]
    #          z2 = a1 W2 = [[1], [3]] = a2.   E = (½(1−1)² + ½(3−0)²)/2 = 2.25
    assert net.loss(X, T) == pytest.approx(2.25)
    dW, db = net.gradient(X, T)
    # δ2 = (a2 − T)/n = [[0], [3]]/2 = [[0], [1.5]]
    # dW2 = a1ᵀ δ2 = [[1·0 + 2·1.5], [0·0 + 1·1.5]] = [[3], [1.5]];  db2 = 0 + 1.5 = [1.5]
    np.testing.assert_allclose(dW[1], [[3.0], [1.5]])
    np.testing.assert_allclose(db[1], [1.5])
    # δ1 = (δ2 W2ᵀ) ⊙ relu'(z1) = [[0, 0], [1.5, 1.5]] ⊙ [[1, 0], [1, 1]] = [[0, 0], [1.5, 1.5]]
    # dW1 = Xᵀ δ1 = [[0, 0], [1.5, 1.5]];  db1 = [1.5, 1.5]
    np.testing.assert_allclose(dW[0], [[0.0, 0.0], [1.5, 1.5]])
    np.testing.assert_allclose(db[0], [1.5, 1.5])
    SGD(lr=0.1).step(net.params, net.grads)
    # W1 = [[1, −1], [2 − 0.15, 1 − 0.15]];  b1 = [−0.15, −0.15];  W2 = [[1 − 0.3], [1 − 0.15]];  b2 = [−0.15]
    np.testing.assert_allclose(net.W[0], [[1.0, -1.0], [1.85, 0.85]])
    np.testing.assert_allclose(net.b[0], [-0.15, -0.15])
    np.testing.assert_allclose(net.W[1], [[0.7], [0.85]])
    np.testing.assert_allclose(net.b[1], [-0.15])
    # new E: sample 1: a1 = [0.85, 0], a2 = 0.85·0.7 − 0.15 = 0.445 -> ½(0.555)² = 0.1540125
    #        sample 2: a1 = [1.7, 0.7], a2 = 1.19 + 0.595 − 0.15 = 1.635 -> ½(1.635)² = 1.3366125
    assert net.loss(X, T) == pytest.approx((0.1540125 + 1.3366125) / 2)
    # fit with one full-batch epoch of SGD does exactly the same step
    net2 = MLP.from_weights([[[1.0, -1.0], [2.0, 1.0]], [[1.0], [1.0]]], [[0.0, 0.0], [0.0]], ["relu", "identity"])
    fit(net2, X, T, epochs=1, batch_size=None, optimizer="sgd", lr=0.1, progress=False)
    assert all(np.allclose(p, q) for p, q in zip(net.params, net2.params))


def test_outputs_and_gradients_are_copies_and_cache_survives_predict():
    rng = np.random.default_rng(0)
    net = MLP([3, 4, 2], ["relu", "softmax"], rng=0, dtype=np.float64)
    X1, X2 = rng.normal(size=(5, 3)), rng.normal(size=(5, 3))
    a1 = net.forward(X1)
    a1_saved = a1.copy()
    net.forward(X2)
    np.testing.assert_array_equal(a1, a1_saved)                  # not overwritten by the next forward
    g1 = net.gradient(X1, [0, 1, 0, 1, 1])
    net.forward(X1)
    net.predict(X2)                                              # must not clobber forward's cache
    g2 = net.backward([0, 1, 0, 1, 1])
    np.testing.assert_array_equal(g1[0][0], g2[0][0])
    net.gradient(X2, [1, 1, 1, 1, 1])
    assert not np.array_equal(g1[0][0], net.dW[0])               # g1 is a copy, net.dW moved on


def test_predict_and_predict_proba_in_chunks():
    rng = np.random.default_rng(0)
    net = MLP([3, 8, 4], ["relu", "softmax"], rng=0, dtype=np.float64)
    X = rng.normal(size=(5000, 3))                               # more than one chunk
    p = net.predict_proba(X)
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    np.testing.assert_array_equal(net.predict(X), p.argmax(axis=1))
    np.testing.assert_allclose(p[-3:], net.forward(X[-3:]), rtol=1e-12)
    one = MLP.from_weights([[[1.0], [-1.0]]], [[0.0]], ["sigmoid"])
    np.testing.assert_array_equal(one.predict(BINARY), [1, 0, 1, 1])    # 1 output: a >= 0.5


@pytest.mark.parametrize("args, kwargs, error, match", [
    (([784], ["relu"]), {}, ValueError, "sizes must list at least 2"),
    (([3, 0, 2], ["relu", "relu"]), {}, ValueError, "positive integers"),
    (("784", ["relu"]), {}, TypeError, "sizes must be a list"),
    (([3, 2], ["relu", "relu"]), {}, ValueError, "activations must list 1 name"),
    (([3, 2], "relu"), {}, ValueError, "activations must list 1 name"),
    (([3, 2], ["rectifier"]), {}, ValueError, r"activations\[0\] must be one of .*'relu'"),
    (([3, 4, 2], ["softmax", "relu"]), {}, ValueError, r"activations\[0\] must be one of"),
    (([3, 2], ["relu"]), {"init": "glorot"}, ValueError, "init must be one of 'he', 'xavier'"),
    (([3, 2], ["relu"]), {"dtype": np.int32}, ValueError, "dtype must be np.float32 or np.float64"),
    (([3, 2], ["relu"]), {"rng": "zero"}, TypeError, "rng must be"),
])
def test_constructor_errors(args, kwargs, error, match):
    with pytest.raises(error, match=match):
        MLP(*args, **kwargs)


def test_input_errors_name_the_parameter():
    net = MLP([3, 2], ["softmax"], rng=0)
    with pytest.raises(ValueError, match=r"X must have shape \(n_samples, 3\).*got shape \(4, 2\)"):
        net.forward(np.ones((4, 2)))
    with pytest.raises(ValueError, match=r"got shape \(3,\)\. For one sample use X\.reshape\(1, -1\)"):
        net.forward(np.ones(3))
    with pytest.raises(ValueError, match="X contains 1 NaN or infinite"):
        net.forward([[1.0, np.nan, 0.0]])
    with pytest.raises(TypeError, match="X must"):
        net.forward([["a", "b", "c"]])
    with pytest.raises(RuntimeError, match=r"call forward\(X\) before backward"):
        MLP([3, 2], ["softmax"], rng=0).backward([0])
    net.forward(np.ones((4, 3)))
    with pytest.raises(ValueError, match=r"T must have one row per sample \(4 rows"):
        net.backward([0, 1])
    with pytest.raises(ValueError, match=r"T must have shape \(4, 2\)"):
        net.backward(np.ones((4, 3)))
    with pytest.raises(ValueError, match=r"T \(class labels\) must be in 0…1"):
        net.backward([0, 1, 2, 1])
    with pytest.raises(ValueError, match="loss must be one of 'squared_error', 'cross_entropy'"):
        net.backward([0, 1, 1, 0], loss="mse")
    sig = MLP([3, 2], ["sigmoid"], rng=0)
    with pytest.raises(ValueError, match="loss='cross_entropy' needs a 'softmax' output layer"):
        sig.loss(np.ones((1, 3)), [[1.0, 0.0]], loss="cross_entropy")
    sig.W[0] = np.zeros((4, 2))
    with pytest.raises(ValueError, match=r"W\[0\] must have shape \(3, 2\); got shape \(4, 2\)"):
        sig.forward(np.ones((1, 3)))


def test_parameters_live_in_one_vector():
    import copy
    import pickle

    net = MLP([12, 3, 2], ["sigmoid", "sigmoid"], rng=0, dtype=np.float64)
    assert net.param_vector.shape == (47,) and net.grad_vector.shape == (47,)
    net.param_vector[:] = np.arange(47)                          # the lecture's w = (w_H1 … w_1, w_2 …)
    np.testing.assert_array_equal(net.W[0][0], [0, 1, 2])        # W_1 first (row by row), then b_1, …
    np.testing.assert_array_equal(net.b[0], [36, 37, 38])
    net.W[1] = np.ones((3, 2))                                   # assigning a new array works too:
    X = np.ones((1, 12))
    np.testing.assert_allclose(net.forward(X), MLP.from_weights(net.W, net.b, ["sigmoid"] * 2).forward(X))
    assert np.shares_memory(net.W[1], net.param_vector)          # …it was copied into the vector
    for clone in (copy.deepcopy(net), pickle.loads(pickle.dumps(net))):
        np.testing.assert_array_equal(clone.param_vector, net.param_vector)
        clone.W[0][...] = 0
        assert clone.param_vector[:36].sum() == 0 and net.param_vector[:36].sum() > 0


def test_from_weights_errors():
    with pytest.raises(ValueError, match=r"W\[1\] must have 3 rows"):
        MLP.from_weights([np.ones((2, 3)), np.ones((2, 1))], [np.zeros(3), np.zeros(1)], ["relu", "relu"])
    with pytest.raises(ValueError, match=r"b\[0\] must have shape \(3\)"):
        MLP.from_weights([np.ones((2, 3))], [np.zeros(2)], ["relu"])
    with pytest.raises(TypeError, match="W and b must be lists"):
        MLP.from_weights(np.ones((2, 3)), np.zeros(3), ["relu"])


def test_train_step_is_forward_backward_update():
    rng = np.random.default_rng(2)
    X, y = rng.normal(size=(8, 3)), rng.integers(0, 2, size=8)
    net = MLP([3, 4, 2], ["tanh", "softmax"], rng=0)
    twin = MLP.from_weights(net.W, net.b, ["tanh", "softmax"])
    E_before = twin.loss(X, y)
    dW, db = twin.gradient(X, y)
    score = net.train_step(X, y, None, SGD(lr=0.5))
    assert score.loss == pytest.approx(E_before) and score.n == 8                  # E before the update
    assert score.n_correct == np.count_nonzero(twin.predict(X) == y) and score.accuracy == score.n_correct / 8
    np.testing.assert_allclose(net.W[0], twin.W[0] - 0.5 * dW[0], rtol=1e-12)       # W ← W − η ∂E/∂W
    np.testing.assert_allclose(net.b[1], twin.b[1] - 0.5 * db[1], rtol=1e-12)


def test_train_step_with_weight_decay_and_a_used_optimizer():
    X, T = BINARY, np.array([[0.0], [1.0], [1.0], [0.0]])
    net = MLP([2, 3, 1], ["tanh", "sigmoid"], rng=0)
    twin = MLP.from_weights(net.W, net.b, ["tanh", "sigmoid"])
    dW, db = twin.gradient(X, T)
    opt = SGD(lr=0.1)
    opt.step(twin.params, twin.grads)                          # an optimizer that took a step on the list
    opt2 = SGD(lr=0.1)
    opt2.step(net.params, [np.zeros_like(p) for p in net.params])
    W0 = net.W[0].copy()
    net.train_step(X, T, "squared_error", opt2, weight_decay=0.5)   # goes on with the list of 4 arrays
    np.testing.assert_allclose(net.W[0], W0 - 0.1 * (dW[0] + 0.5 * W0), rtol=1e-12)   # ∂/∂W of ½λΣW² is λW
    np.testing.assert_allclose(net.b[0], twin.b[0], rtol=1e-12)                        # biases: no decay
    assert opt2.param_shapes == [p.shape for p in net.params]


def test_evaluate_in_chunks_equals_one_pass():
    rng = np.random.default_rng(0)
    net = MLP([3, 8, 4], ["relu", "softmax"], rng=0)
    X, y = rng.normal(size=(5000, 3)), rng.integers(0, 4, size=5000)    # more than one chunk of 2048
    score = net.evaluate(X, y)
    a = net.forward(X)
    assert score.n == 5000 and score.n_correct == np.count_nonzero(a.argmax(axis=1) == y)
    assert score.loss == pytest.approx(-np.mean(np.log(a[np.arange(5000), y])), rel=1e-12)
    assert net.loss(X, y) == score.loss
