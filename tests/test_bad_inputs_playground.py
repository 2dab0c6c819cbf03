"""Bad inputs to the playground (issue 16): every constructor argument and control, values set from code,
``step``, the training helpers and the toy data sets. Each error names what the student touched."""
import numpy as np
import pytest
from bad_input_support import Bad, ids, run

from course_lib import datasets_2d
from course_lib.explorers import PlaygroundExplorer as PE
from course_lib.explorers.playground import l1_step, train_epoch
from course_lib.mlp import MLP
from course_lib.optim import SGD

nan = float("nan")
X5 = np.arange(10.0).reshape(5, 2)
Y5 = np.array([0, 1, 0, 1, 1])


def set_control(name, value, **kwargs):
    ex = PE(**kwargs)
    ex.sliders[name].value = value


def tiny_net():
    return MLP([2, 2], ["softmax"], rng=0)


TABLE = [
    Bad("playground: unknown data set", lambda: PE("moons"), ValueError, ("dataset", "'circle'", "'moons'")),
    Bad("playground: data set not a str", lambda: PE(3), TypeError, ("dataset", "'spiral'", "3 (int)")),
    Bad("playground: 'own' without data", lambda: PE("own"), ValueError, ("dataset='own'", "data=(X, y)", "None")),
    Bad("playground: noise too big", lambda: PE(noise=0.7), ValueError, ("noise", "[0, 0.5]", "0.7")),
    Bad("playground: noise NaN", lambda: PE(noise=nan), ValueError, ("noise", "[0, 0.5]", "nan")),
    Bad("playground: noise a word", lambda: PE(noise="high"), TypeError, ("noise", "number", "'high'")),
    Bad("playground: train share off the slider", lambda: PE(train_share=0.55), ValueError,
        ("train_share", "0.1, 0.2", "0.55")),
    Bad("playground: batch size 0", lambda: PE(batch_size=0), ValueError, ("batch_size", ">= 1", "0")),
    Bad("playground: batch size 31", lambda: PE(batch_size=31), ValueError, ("batch_size", "<= 30", "31")),
    Bad("playground: batch size a float", lambda: PE(batch_size=2.5), TypeError, ("batch_size", "integer", "2.5")),
    Bad("playground: no features", lambda: PE(features=[]), ValueError, ("features", "'x1'", "empty")),
    Bad("playground: features a str", lambda: PE(features="x1"), TypeError, ("features", "list", "'x1' (str)")),
    Bad("playground: unknown feature", lambda: PE(features=["x1", "x3"]), ValueError, ("features", "'x1^2'", "x3")),
    Bad("playground: 7 hidden layers", lambda: PE(hidden_layers=7), ValueError, ("hidden_layers", "<= 6", "7")),
    Bad("playground: -1 hidden layers", lambda: PE(hidden_layers=-1), ValueError, ("hidden_layers", ">= 0", "-1")),
    Bad("playground: hidden layers a str", lambda: PE(hidden_layers="2"), TypeError,
        ("hidden_layers", "integer", "'2'")),
    Bad("playground: 0 neurons", lambda: PE(neurons=0), ValueError, ("neurons", ">= 1", "0")),
    Bad("playground: 9 neurons", lambda: PE(neurons=9), ValueError, ("neurons", "<= 8", "9")),
    Bad("playground: softmax hidden", lambda: PE(activation="softmax"), ValueError,
        ("activation", "'relu'", "'softmax'")),
    Bad("playground: activation a function", lambda: PE(activation=np.tanh), TypeError, ("activation", "'tanh'", "ufunc")),
    Bad("playground: lr off the slider", lambda: PE(lr=0.05), ValueError, ("lr", "0.03, 0.1", "0.05")),
    Bad("playground: lr negative", lambda: PE(lr=-1), ValueError, ("lr", "learning rates", "-1")),
    Bad("playground: lr a word", lambda: PE(lr="fast"), TypeError, ("lr", "number", "'fast'")),
    Bad("playground: regularisation L3", lambda: PE(regularization="L3"), ValueError,
        ("regularization", "'L1'", "'L3'")),
    Bad("playground: regularisation lower case", lambda: PE(regularization="l2"), ValueError,
        ("regularization", "'L2'", "'l2'")),
    Bad("playground: rate off the slider", lambda: PE(rate=0.2), ValueError, ("rate", "0.1, 0.3", "0.2")),
    Bad("playground: rate NaN", lambda: PE(rate=nan), ValueError, ("rate", "regularisation rates", "nan")),
    Bad("playground: rng negative", lambda: PE(rng=-1), ValueError, ("rng", ">= 0", "-1")),
    Bad("playground: rng a float", lambda: PE(rng=1.5), TypeError, ("rng", "non-negative int", "1.5")),
    Bad("playground: rng None", lambda: PE(rng=None), TypeError, ("rng", "non-negative int", "None")),
    Bad("playground: data not a pair", lambda: PE(data="points.csv"), TypeError, ("data", "(X, y)", "'points.csv'")),
    Bad("playground: data with 3 columns", lambda: PE(data=(np.ones((4, 3)), [0, 1, 0, 1])), ValueError,
        ("data[0]", "(any, 2)", "(4, 3)")),
    Bad("playground: data, y too short", lambda: PE(data=(X5, Y5[:4])), ValueError, ("data[1]", "5 values", "got 4")),
    Bad("playground: data with NaN", lambda: PE(data=(np.vstack([X5, [[nan, 1.0]]]), np.append(Y5, 0))), ValueError,
        ("data[0]", "NaN", "1")),
    Bad("playground: data, one point", lambda: PE(data=([[1.0, 2.0]], [1])), ValueError, ("data", "at least 2", "1")),
    Bad("playground: data, y words", lambda: PE(data=(X5, list("abcde"))), TypeError, ("data[1]", "numbers", "'a', 'b'")),
    # controls set from code
    Bad("playground: noise slider set to NaN", lambda: set_control("noise", nan), ValueError,
        ("noise", "finite", "nan")),
    Bad("playground: every feature switched off", lambda: set_control("features", ()), ValueError,
        ("features", "at least one", "none")),
    Bad("playground: step(0)", lambda: PE().step(0), ValueError, ("epochs", ">= 1", "0")),
    Bad("playground: step a float", lambda: PE().step(1.5), TypeError, ("epochs", "integer", "1.5")),
    Bad("playground: accuracy of a regression", lambda: PE("hubble").test_accuracy(), ValueError,
        ("test_accuracy", "classification", "regression")),
    # helpers
    Bad("l1_step: negative rate", lambda: l1_step(tiny_net(), 0.1, -0.1), ValueError, ("rate", ">= 0", "-0.1")),
    Bad("l1_step: lr zero", lambda: l1_step(tiny_net(), 0, 0.1), ValueError, ("lr", "positive", "0")),
    Bad("train_epoch: batch size 0", lambda: train_epoch(tiny_net(), X5, np.eye(2)[Y5], "cross_entropy", SGD(0.1), 0,
                                                         np.random.default_rng(0)), ValueError, ("batch_size", ">= 1", "0")),
    Bad("train_epoch: unknown loss", lambda: train_epoch(tiny_net(), X5, np.eye(2)[Y5], "hinge", SGD(0.1), 2,
                                                         np.random.default_rng(0)), ValueError,
        ("loss", "'cross_entropy'", "'hinge'")),
    Bad("train_epoch: regularisation 'L1 '", lambda: train_epoch(tiny_net(), X5, np.eye(2)[Y5], "cross_entropy",
                                                                 SGD(0.1), 2, np.random.default_rng(0), "L1 "),
        ValueError, ("regularization", "'L1'", "'L1 '")),
    Bad("make_dataset: unknown name", lambda: datasets_2d.make_dataset("moons"), ValueError,
        ("name", "'spiral'", "'moons'")),
    Bad("make_dataset: name not a str", lambda: datasets_2d.make_dataset(None), TypeError, ("name", "'xor'", "None")),
    Bad("make_dataset: n = 1", lambda: datasets_2d.make_dataset("xor", n=1), ValueError, ("n", ">= 2", "1")),
    Bad("make_dataset: noise 0.9", lambda: datasets_2d.make_dataset("xor", noise=0.9), ValueError,
        ("noise", "<= 0.5", "0.9")),
    Bad("features: X with 3 columns", lambda: datasets_2d.features(np.ones((3, 3)), ["x1"]), ValueError,
        ("X", "(any, 2)", "(3, 3)")),
    Bad("features: unknown name", lambda: datasets_2d.features(X5, ["cos(x1)"]), ValueError,
        ("names", "'sin(x1)'", "cos(x1)")),
    Bad("train_test_split: share 0.95", lambda: datasets_2d.train_test_split(X5, Y5, 0.95), ValueError,
        ("train_share", "<= 0.9", "0.95")),
]


@pytest.mark.parametrize("row", TABLE, ids=ids(TABLE))
def test_bad_input(row):
    run(row)
