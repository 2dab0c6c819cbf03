"""Bad inputs to the network's public API (activations, losses, MLP, optimizers, fit): each one a clear error.

Each row: the call, the exception, and words the message must contain — the parameter's name, what is
allowed and what was given.
"""
import numpy as np
import pytest
from bad_input_support import Bad, ids, run

from course_lib import activations as A
from course_lib import losses as L
from course_lib.mlp import MLP
from course_lib.optim import SGD, AdaGrad, Adam, Momentum, get_optimizer
from course_lib.train import TrainingDiverged, fit

nan, inf = np.nan, np.inf
X4 = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
T4 = np.array([[1], [0], [0], [1]], dtype=float)
y10 = np.array([0, 1, 2, 0, 1, 2, 0, 1, 2, 0])


def net():                  # 2 inputs → 3 tanh → 1 sigmoid
    return MLP([2, 3, 1], ["tanh", "sigmoid"], rng=0)


def clf():                  # 3 inputs → 4 relu → 3 softmax
    return MLP([3, 4, 3], ["relu", "softmax"], rng=0)


def Xc():
    return np.ones((10, 3))


def after_forward(model, X):
    model.forward(X)
    return model


def p():
    return np.zeros(3)


def fit_clf(**kw):
    args = dict(epochs=1, progress=False)
    args.update(kw)
    return fit(clf(), Xc(), y10, **args)


def used_adam():
    opt = Adam()
    opt.step([np.zeros(3)], [np.ones(3)])
    return opt


def mnist_lr_10():
    from course_lib.datasets import load_mnist
    X, y = load_mnist("test", flatten=True, normalize=True)
    fit(MLP([784, 128, 10], ["relu", "softmax"], rng=0), X[:1000], y[:1000], epochs=3, optimizer="sgd", lr=10,
        rng=0, progress=False)


TABLE = [
    # ---- activations ------------------------------------------------------------------------------
    Bad("get_activation: unknown name", lambda: A.get_activation("rellu"), ValueError, ("activation", "'relu'", "rellu")),
    Bad("get_activation: not a str", lambda: A.get_activation(3), TypeError, ("activation", "name", "3")),
    Bad("get_activation: a function", lambda: A.get_activation(A.relu), TypeError, ("activation", "name", "function")),
    Bad("sigmoid: a string", lambda: A.sigmoid("1.0"), TypeError, ("z", "numbers", "'1.0'")),
    Bad("relu: NaN", lambda: A.relu([1.0, nan]), ValueError, ("z", "1 nan", "finite")),
    Bad("tanh: None", lambda: A.tanh(None), TypeError, ("z", "numbers", "none")),
    Bad("step: ragged list", lambda: A.step([[1, 2], [3]]), TypeError, ("z", "regular", "ragged")),
    Bad("softmax: one number", lambda: A.softmax(3.0), ValueError, ("z", "at least one axis", "single number")),
    Bad("softmax: empty list", lambda: A.softmax([]), ValueError, ("z", "at least one value", "(0,)")),
    Bad("softmax: inf", lambda: A.softmax([1.0, inf]), ValueError, ("z", "infinite", "finite")),
    Bad("leaky_relu: negative alpha", lambda: A.leaky_relu([1.0], alpha=-1), ValueError, ("alpha", ">= 0", "-1")),
    Bad("leaky_relu: alpha a string", lambda: A.leaky_relu([1.0], alpha="0.1"), TypeError, ("alpha", "number", "'0.1'")),
    Bad("sigmoid_grad: a dict", lambda: A.sigmoid_grad({"z": 1}), TypeError, ("z", "numbers", "dict")),
    # ---- losses -----------------------------------------------------------------------------------
    Bad("cross_entropy: T = 5 × one-hot", lambda: L.cross_entropy_from_logits(np.zeros((3, 3)), np.eye(3) * 5),
        ValueError, ("T", "probability rows", "adding up to 5")),
    Bad("cross_entropy: T = 2·one-hot − 0.5", lambda: L.cross_entropy_from_logits(np.zeros((3, 3)), 2 * np.eye(3) - 0.5),
        ValueError, ("T", "probability rows", ">= 0", "-0.5")),
    Bad("cross_entropy: p not probabilities", lambda: L.cross_entropy([[2.0, -1.0]], [0]), ValueError,
        ("p", "probabilities in [0, 1]", "-1")),
    Bad("cross_entropy: label out of range", lambda: L.cross_entropy([[0.5, 0.5]], [2]), ValueError,
        ("labels", "0…1", "2")),
    Bad("squared_error: shapes differ", lambda: L.squared_error([[0.1, 0.2]], [[1.0, 0.0, 0.0]]), ValueError,
        ("T", "shape of a (1, 2)", "(1, 3)")),
    Bad("squared_error: a is a string", lambda: L.squared_error("0.5", [1.0]), TypeError, ("a", "numbers", "'0.5'")),
    Bad("squared_error: NaN target", lambda: L.squared_error([0.5], [nan]), ValueError, ("T", "nan", "finite")),
    Bad("squared_error: 3-D outputs", lambda: L.squared_error(np.ones((2, 2, 2)), np.ones((2, 2, 2))), ValueError,
        ("a", "1 or 2-dimensional", "(2, 2, 2)")),
    Bad("get_loss: unknown", lambda: L.get_loss("mse"), ValueError, ("loss", "'squared_error'", "'mse'")),
    Bad("get_loss: None", lambda: L.get_loss(None), TypeError, ("loss", "name", "none")),
    Bad("one_hot: float labels", lambda: L.one_hot([1.0, 2.0], 3), TypeError, ("labels", "integers", "float64")),
    Bad("one_hot: label too big", lambda: L.one_hot([3], 3), ValueError, ("labels", "0…2", "3")),
    Bad("one_hot: n_classes 0", lambda: L.one_hot([0], 0), ValueError, ("n_classes", ">= 1", "0")),
    Bad("smooth_targets: epsilon 1", lambda: L.smooth_targets([[0, 1]], 1.0), ValueError, ("epsilon", "[0, 1)", "1.0")),
    Bad("smooth_targets: rows not one-hot", lambda: L.smooth_targets([[0.5, 0.2]], 0.1), ValueError,
        ("T", "add up to 1", "0.7")),
    # ---- MLP: constructor and from_weights --------------------------------------------------------
    Bad("MLP: sizes a string", lambda: MLP("784", ["relu"]), TypeError, ("sizes", "list", "'784'")),
    Bad("MLP: one size", lambda: MLP([784], ["relu"]), ValueError, ("sizes", "at least 2", "[784]")),
    Bad("MLP: size 0", lambda: MLP([3, 0, 2], ["relu", "relu"]), ValueError, ("sizes", "positive integers", "0")),
    Bad("MLP: float size", lambda: MLP([3, 2.5, 2], ["relu", "relu"]), ValueError, ("sizes", "integers", "2.5")),
    Bad("MLP: bool size", lambda: MLP([3, True], ["relu"]), ValueError, ("sizes", "integers", "true")),
    Bad("MLP: too many activations", lambda: MLP([3, 2], ["relu", "relu"]), ValueError,
        ("activations", "1 name", "['relu', 'relu']")),
    Bad("MLP: activations a string", lambda: MLP([3, 2], "relu"), ValueError, ("activations", "1 name", "'relu'")),
    Bad("MLP: unknown activation", lambda: MLP([3, 2], ["rectifier"]), ValueError,
        ("activations[0]", "'relu'", "'rectifier'")),
    Bad("MLP: softmax in a hidden layer", lambda: MLP([3, 4, 2], ["softmax", "relu"]), ValueError,
        ("activations[0]", "'relu'", "'softmax'")),
    Bad("MLP: unknown init", lambda: MLP([3, 2], ["relu"], init="glorot"), ValueError, ("init", "'he'", "'glorot'")),
    Bad("MLP: int dtype", lambda: MLP([3, 2], ["relu"], dtype=np.int32), ValueError, ("dtype", "float32", "int32")),
    Bad("MLP: rng a string", lambda: MLP([3, 2], ["relu"], rng="zero"), TypeError, ("rng", "generator", "'zero'")),
    Bad("MLP: negative rng", lambda: MLP([3, 2], ["relu"], rng=-1), ValueError, ("rng", "non-negative", "-1")),
    Bad("from_weights: W not a list", lambda: MLP.from_weights(np.ones((2, 3)), np.zeros(3), ["relu"]), TypeError,
        ("W and b", "lists", "ndarray")),
    Bad("from_weights: rows do not chain", lambda: MLP.from_weights([np.ones((2, 3)), np.ones((2, 1))],
                                                                    [np.zeros(3), np.zeros(1)], ["relu", "relu"]),
        ValueError, ("W[1]", "3 rows", "(2, 1)")),
    Bad("from_weights: b the wrong length", lambda: MLP.from_weights([np.ones((2, 3))], [np.zeros(2)], ["relu"]),
        ValueError, ("b[0]", "shape (3)", "(2,)")),
    Bad("from_weights: NaN weight", lambda: MLP.from_weights([[[nan]]], [[0.0]], ["relu"]), ValueError,
        ("W[0]", "nan", "finite")),
    Bad("from_weights: 1-D W", lambda: MLP.from_weights([[1.0, 2.0]], [[0.0]], ["relu"]), ValueError,
        ("W[0]", "2-dimensional", "(2,)")),
    # ---- MLP: forward, backward, predict, evaluate, train_step ------------------------------------
    Bad("forward: wrong number of inputs", lambda: net().forward(np.ones((4, 3))), ValueError,
        ("X", "(n_samples, 2)", "(4, 3)")),
    Bad("forward: one sample as 1-D", lambda: net().forward(np.ones(2)), ValueError, ("X", "reshape(1, -1)", "(2,)")),
    Bad("forward: NaN input", lambda: net().forward([[1.0, nan]]), ValueError, ("X", "1 nan", "finite")),
    Bad("forward: strings", lambda: net().forward([["a", "b"]]), TypeError, ("X", "numbers", "'a'")),
    Bad("forward: a weight set to the wrong shape", lambda: (lambda m: (m.W.__setitem__(0, np.zeros((4, 3))),
                                                                        m.forward(X4)))(net()),
        ValueError, ("W[0]", "(2, 3)", "(4, 3)")),
    Bad("backward: before forward", lambda: net().backward(T4), RuntimeError, ("forward(x)", "before backward")),
    Bad("backward: T with too few rows", lambda: after_forward(net(), X4).backward(T4[:3]), ValueError,
        ("T", "4 rows", "(3, 1)")),
    Bad("backward: T (n,) for one output", lambda: after_forward(net(), X4).backward(T4[:, 0]), ValueError,
        ("T", "(4, 1)", "(4,)", "reshape(-1, 1)")),
    Bad("backward: unknown loss", lambda: after_forward(clf(), Xc()).backward(y10, loss="mse"), ValueError,
        ("loss", "'cross_entropy'", "'mse'")),
    Bad("backward: cross-entropy without softmax", lambda: after_forward(net(), X4).backward(T4, "cross_entropy"),
        ValueError, ("cross_entropy", "softmax", "'sigmoid'")),
    Bad("backward: label out of range", lambda: after_forward(clf(), Xc()).backward(y10 + 1), ValueError,
        ("T", "0…2", "3")),
    Bad("backward: float labels", lambda: after_forward(clf(), Xc()).backward(y10.astype(float)), TypeError,
        ("T", "integers", "float")),
    Bad("backward: targets not probability rows", lambda: after_forward(clf(), Xc()).backward(np.eye(3)[y10] * 5),
        ValueError, ("T", "probability rows", "5")),
    Bad("predict: wrong width", lambda: clf().predict(np.ones((2, 2))), ValueError, ("X", "(n_samples, 3)", "(2, 2)")),
    Bad("predict_proba: None", lambda: clf().predict_proba(None), TypeError, ("X", "numbers", "none")),
    Bad("loss: unknown loss", lambda: clf().loss(Xc(), y10, loss="hinge"), ValueError, ("loss", "'squared_error'", "'hinge'")),
    Bad("evaluate: T rows", lambda: clf().evaluate(Xc(), y10[:5]), ValueError, ("T", "10 rows", "(5,)")),
    Bad("evaluate: T strings", lambda: clf().evaluate(Xc(), ["a"] * 10), TypeError, ("T", "numbers", "<u1")),
    Bad("evaluate: X inf", lambda: clf().evaluate(np.full((10, 3), inf), y10), ValueError, ("X", "30 nan", "finite")),
    Bad("train_step: optimizer a name", lambda: clf().train_step(Xc(), y10, None, "adam"), TypeError,
        ("optimizer", "Optimizer", "'adam'")),
    Bad("train_step: negative weight_decay", lambda: clf().train_step(Xc(), y10, None, SGD(), weight_decay=-1),
        ValueError, ("weight_decay", ">= 0", "-1")),
    Bad("train_step: float labels", lambda: clf().train_step(Xc(), y10.astype(float), None, SGD()), TypeError,
        ("T", "integers 0…2", "astype(int)")),
    Bad("train_step: 5 × one-hot targets", lambda: clf().train_step(Xc(), np.eye(3)[y10] * 5, None, SGD()),
        ValueError, ("T", "probability rows", "5")),
    Bad("train_step: cross-entropy on a sigmoid net", lambda: net().train_step(X4, T4, "cross_entropy", SGD()),
        ValueError, ("cross_entropy", "softmax", "'sigmoid'")),
    Bad("train_step: check_input 'no'", lambda: clf().train_step(Xc(), y10, None, SGD(), check_input="no"), TypeError,
        ("check_input", "true or false", "'no'")),
    # ---- optimizers -------------------------------------------------------------------------------
    Bad("SGD: lr 0", lambda: SGD(lr=0), ValueError, ("lr", "positive", "0")),
    Bad("SGD: lr a string", lambda: SGD(lr="0.1"), TypeError, ("lr", "positive number", "'0.1'")),
    Bad("Momentum: momentum 1", lambda: Momentum(momentum=1.0), ValueError, ("momentum", "[0, 1)", "1.0")),
    Bad("Momentum: negative momentum", lambda: Momentum(momentum=-0.5), ValueError, ("momentum", ">= 0", "-0.5")),
    Bad("AdaGrad: eps 0", lambda: AdaGrad(eps=0), ValueError, ("eps", "positive", "0")),
    Bad("AdaGrad: lr NaN", lambda: AdaGrad(lr=nan), ValueError, ("lr", "positive", "nan")),
    Bad("Adam: beta1 1", lambda: Adam(beta1=1.0), ValueError, ("beta1", "[0, 1)", "1.0")),
    Bad("Adam: beta2 a bool", lambda: Adam(beta2=True), TypeError, ("beta2", "number", "true")),
    Bad("Adam: negative lr", lambda: Adam(lr=-1e-3), ValueError, ("lr", "positive", "-0.001")),
    Bad("get_optimizer: unknown", lambda: get_optimizer("rmsprop"), ValueError, ("optimizer", "'adam'", "'rmsprop'")),
    Bad("get_optimizer: unknown setting", lambda: get_optimizer("sgd", momentum=0.9), TypeError,
        ("sgd", "['lr']", "momentum")),
    Bad("SGD.step: NaN in a gradient", lambda: SGD(0.1).step([p()], [np.array([1.0, nan, 0.0])]), ValueError,
        ("grads[0]", "1 nan", "finite")),
    Bad("Momentum.step: inf in the second gradient", lambda: Momentum().step([p(), p()], [np.ones(3), np.array([inf, 0, 0])]),
        ValueError, ("grads[1]", "infinite", "finite")),
    Bad("AdaGrad.step: NaN gradient", lambda: AdaGrad().step([p()], [np.full(3, nan)]), ValueError,
        ("grads[0]", "3 nan", "finite")),
    Bad("Adam.step: NaN gradient", lambda: Adam().step([p()], [np.array([0.0, 0.0, nan])]), ValueError,
        ("grads[0]", "nan", "learning rate")),
    Bad("Adam.step: arrays, not lists", lambda: Adam().step(p(), p()), TypeError, ("params and grads", "lists", "ndarray")),
    Bad("SGD.step: shapes differ", lambda: SGD().step([p()], [np.zeros(4)]), ValueError,
        ("grads", "one to one", "(4,)")),
    Bad("SGD.step: a list as parameter", lambda: SGD().step([[1.0, 2.0]], [np.zeros(2)]), TypeError,
        ("params[0]", "writeable float numpy array", "list")),
    Bad("Adam.step: another network", lambda: used_adam().step([np.zeros(5)], [np.zeros(5)]), ValueError,
        ("parameter shapes", "new optimizer", "(5,)")),
    # ---- fit ------------------------------------------------------------------------------------
    Bad("fit: model a string", lambda: fit("net", Xc(), y10, epochs=1), TypeError, ("model", "MLP", "str")),
    Bad("fit: epochs 0", lambda: fit_clf(epochs=0), ValueError, ("epochs", ">= 1", "0")),
    Bad("fit: epochs 2.5", lambda: fit_clf(epochs=2.5), TypeError, ("epochs", "integer", "2.5")),
    Bad("fit: batch_size 0", lambda: fit_clf(batch_size=0), ValueError, ("batch_size", ">= 1", "0")),
    Bad("fit: batch_size a float", lambda: fit_clf(batch_size=32.0), TypeError, ("batch_size", "integer", "32.0")),
    Bad("fit: lr 0", lambda: fit_clf(lr=0.0), ValueError, ("lr", "positive", "0.0")),
    Bad("fit: lr with an Optimizer", lambda: fit_clf(optimizer=Adam(), lr=0.1), ValueError,
        ("lr", "the optimizer itself", "adam(lr=0.001")),
    Bad("fit: unknown optimizer", lambda: fit_clf(optimizer="rmsprop"), ValueError, ("optimizer", "'adam'", "'rmsprop'")),
    Bad("fit: optimizer a number", lambda: fit_clf(optimizer=3), TypeError, ("optimizer", "'sgd'", "3")),
    Bad("fit: unknown loss", lambda: fit_clf(loss="hinge"), ValueError, ("loss", "'cross_entropy'", "'hinge'")),
    Bad("fit: float class labels", lambda: fit(clf(), Xc(), y10.astype(float), epochs=1, progress=False), TypeError,
        ("T", "float", "integers 0…2", "astype(int)")),
    Bad("fit: labels out of range", lambda: fit(clf(), Xc(), y10 + 5, epochs=1, progress=False), ValueError,
        ("T", "0…2", "7")),
    Bad("fit: 5 × one-hot with cross-entropy", lambda: fit(clf(), Xc(), np.eye(3)[y10] * 5, epochs=1, progress=False),
        ValueError, ("T", "probability rows", "5")),
    Bad("fit: 2·one-hot − 0.5 with cross-entropy",
        lambda: fit(clf(), Xc(), 2 * np.eye(3)[y10] - 0.5, epochs=1, progress=False), ValueError,
        ("T", "probability rows", "-0.5")),
    Bad("fit: X of the wrong width", lambda: fit(clf(), np.ones((10, 4)), y10, epochs=1), ValueError,
        ("X", "(n_samples, 3)", "(10, 4)")),
    Bad("fit: X with inf", lambda: fit(clf(), np.full((10, 3), inf), y10, epochs=1), ValueError,
        ("X", "30 nan", "finite")),
    Bad("fit: X a file name", lambda: fit(clf(), "data.csv", y10, epochs=1), TypeError, ("X", "numbers", "'data.csv'")),
    Bad("fit: T one row short", lambda: fit(clf(), Xc(), y10[:9], epochs=1), ValueError, ("T", "10 rows", "(9,)")),
    Bad("fit: X_val without T_val", lambda: fit_clf(X_val=Xc()), ValueError, ("X_val and T_val", "both", "neither")),
    Bad("fit: X_val of the wrong width", lambda: fit_clf(X_val=np.ones((2, 2)), T_val=[0, 1]), ValueError,
        ("X_val", "(n_samples, 3)", "(2, 2)")),
    Bad("fit: T_val float labels", lambda: fit_clf(X_val=Xc(), T_val=y10.astype(float)), TypeError,
        ("T_val", "integers", "astype(int)")),
    Bad("fit: negative weight_decay", lambda: fit_clf(weight_decay=-0.1), ValueError, ("weight_decay", ">= 0", "-0.1")),
    Bad("fit: label_smoothing 1", lambda: fit_clf(label_smoothing=1.0), ValueError, ("label_smoothing", "[0, 1)", "1.0")),
    Bad("fit: label_smoothing None", lambda: fit_clf(label_smoothing=None), TypeError, ("label_smoothing", "number", "none")),
    Bad("fit: label_smoothing with squared error", lambda: fit_clf(label_smoothing=0.1, loss="squared_error"),
        ValueError, ("label_smoothing", "loss='cross_entropy'", "'squared_error'")),
    Bad("fit: target_error 0", lambda: fit_clf(target_error=0), ValueError, ("target_error", "positive", "0")),
    Bad("fit: progress 'yes'", lambda: fit_clf(progress="yes"), TypeError, ("progress", "true, false", "'yes'")),
    Bad("fit: progress 'no'", lambda: fit_clf(progress="no"), TypeError, ("progress", "true, false", "'no'")),
    Bad("fit: progress 0", lambda: fit_clf(progress=0), TypeError, ("progress", "positive integer", "0")),
    Bad("fit: progress 1.5", lambda: fit_clf(progress=1.5), TypeError, ("progress", "positive integer", "1.5")),
    Bad("fit: rng -1", lambda: fit_clf(rng=-1), ValueError, ("rng", "non-negative", "-1")),
    Bad("fit: rng a string", lambda: fit_clf(rng="0"), TypeError, ("rng", "generator", "'0'")),
    Bad("fit: relu/softmax, SGD lr=10 on MNIST", mnist_lr_10, TrainingDiverged,
        ("epoch 1", "step", "jumped", "chance", "try 1.0")),
    Bad("fit: overflow in the forward pass",
        lambda: fit(MLP.from_weights([[[1e200]], [[1e200]]], [[0.0], [0.0]], ["identity", "identity"]),
                    [[1.0], [2.0]], [[0.0], [1.0]], epochs=1, progress=False),
        TrainingDiverged, ("epoch 1, step 1", "overflow", "learning rate", "try")),
]


@pytest.mark.parametrize("row", TABLE, ids=ids(TABLE))
def test_bad_input(row):
    run(row)
