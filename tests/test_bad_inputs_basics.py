"""Bad inputs of the basic modules: neuron, linreg, gradcheck, slides.export_slides and the _validate helpers."""
from pathlib import Path

import numpy as np
import pytest

from bad_input_support import Bad, ids, run
from course_lib import slides
from course_lib._validate import (as_array, as_rng, check_bool, check_choice, check_int, check_number,
                                  check_positive, check_probability)
from course_lib.gradcheck import numerical_gradient, rel_error
from course_lib.linreg import gradient_descent, least_squares, loss_grid, mse, mse_grad, predict, sgd, standardize
from course_lib.neuron import (LECTURE_NETWORK, Neuron, neuron, three_neuron_network, threshold_neuron,
                               weighted_sum)

nan = float("nan")
X4 = np.array([1.0, 2.0, 3.0, 4.0])
Y4 = np.array([2.0, 4.1, 5.9, 8.2])
HERE = Path(__file__).parent            # a folder without notebooks


def network(**changes):
    return {**LECTURE_NETWORK, **changes}


TABLE = [
    # --- neuron
    Bad("weighted_sum: more inputs than weights", lambda: weighted_sum([1, 2, 3], [1, 1]), ValueError,
        ("x has 3 input", "w has 2 weight", "must match")),
    Bad("weighted_sum: b a string", lambda: weighted_sum([1, 2], [1, 1], b="0.5"), TypeError, ("b", "number", "'0.5'")),
    Bad("weighted_sum: b NaN", lambda: weighted_sum([1, 2], [1, 1], b=nan), ValueError, ("b", "finite", "nan")),
    Bad("weighted_sum: x a string", lambda: weighted_sum("10", [1, 1]), TypeError, ("x", "numbers", "'10'")),
    Bad("weighted_sum: x 3-D", lambda: weighted_sum(np.zeros((2, 2, 2)), [1, 1]), ValueError,
        ("x", "1 or 2-dimensional", "(2, 2, 2)")),
    Bad("weighted_sum: no weights", lambda: weighted_sum([], []), ValueError, ("w", "at least one weight", "empty")),
    Bad("weighted_sum: ragged x", lambda: weighted_sum([[1, 2], [3]], [1, 1]), TypeError, ("x", "non-ragged", "[[1, 2], [3]]")),
    Bad("neuron: unknown activation", lambda: neuron([1, 2], [1, 1], 0.0, "relu6"), ValueError,
        ("activation", "'relu'", "'relu6'")),
    Bad("neuron: activation not a name", lambda: neuron([1, 2], [1, 1], 0.0, max), TypeError, ("activation", "name", "max")),
    Bad("neuron: softmax for one neuron", lambda: neuron([1, 2], [1, 1], 0.0, "softmax"), ValueError,
        ("activation", "single neuron", "'sigmoid'", "'softmax'")),
    Bad("threshold_neuron: theta a list", lambda: threshold_neuron([1, 0], [1, 1], [1]), TypeError, ("theta", "number", "[1]")),
    Bad("Neuron: NaN weight", lambda: Neuron([nan, 1.0]), ValueError, ("w", "1 NaN", "finite")),
    Bad("Neuron: weights 2-D", lambda: Neuron([[1, 1]]), ValueError, ("w", "1-dimensional", "(1, 2)")),
    Bad("Neuron: bias None", lambda: Neuron([1, 1], None), TypeError, ("b", "number", "None")),
    Bad("Neuron: call with wrong input count", lambda: Neuron([1, 1])([1, 0, 1]), ValueError,
        ("x has 3 input", "w has 2 weight")),
    Bad("Neuron.truth_table: 3 inputs", lambda: Neuron([1, 1, 1]).truth_table(), ValueError, ("2 inputs", "has 3")),
    Bad("Neuron.matches: unknown gate", lambda: Neuron([1, 1]).matches("XNOR"), ValueError, ("gate", "'NAND'", "'XNOR'")),
    Bad("Neuron.matches: a list", lambda: Neuron([1, 1]).matches(["AND"]), ValueError, ("gate", "'AND'", "['AND']")),
    Bad("three_neuron_network: params a list", lambda: three_neuron_network(0, 1, [1, 2]), TypeError,
        ("params", "LECTURE_NETWORK", "[1, 2]")),
    Bad("three_neuron_network: n3 missing", lambda: three_neuron_network(0, 1, {"n1": LECTURE_NETWORK["n1"],
                                                                               "n2": LECTURE_NETWORK["n2"]}),
        ValueError, ("params", "'n3'", "missing")),
    Bad("three_neuron_network: three weights", lambda: three_neuron_network(0, 1, network(n1={"w": (1, 1, 1), "b": 0})),
        ValueError, ("params['n1']['w']", "shape (2)", "(3,)")),
    Bad("three_neuron_network: bias a string", lambda: three_neuron_network(0, 1, network(n2={"w": (1, 1), "b": "-1"})),
        TypeError, ("params['n2']['b']", "number", "'-1'")),
    Bad("three_neuron_network: NaN weight", lambda: three_neuron_network(0, 1, network(n3={"w": (nan, 2), "b": 1})),
        ValueError, ("params['n3']['w']", "NaN")),
    Bad("three_neuron_network: x1, x2 shapes", lambda: three_neuron_network([0, 1], [0]), ValueError,
        ("x1 and x2", "same shape", "(2,) and (1,)")),
    # --- linreg
    Bad("predict: a a string", lambda: predict(X4, "450", 0), TypeError, ("a", "number", "'450'")),
    Bad("mse: x and y lengths", lambda: mse(1.0, 0.0, X4, Y4[:3]), ValueError, ("x and y", "same length", "4 and 3")),
    Bad("mse: one point", lambda: mse(1.0, 0.0, [1.0], [2.0]), ValueError, ("at least 2 points", "got 1")),
    Bad("mse: x 2-D", lambda: mse(1.0, 0.0, X4.reshape(2, 2), Y4), ValueError, ("x", "1-dimensional", "(2, 2)")),
    Bad("mse: overflow", lambda: mse(1e300, 0.0, X4, Y4), ValueError, ("E(a, b)", "overflowed", "a = 1e+300")),
    Bad("mse_grad: overflow", lambda: mse_grad(1e308, 0.0, X4, Y4), ValueError, ("gradient", "overflowed", "a = 1e+308")),
    Bad("mse_grad: NaN in y", lambda: mse_grad(1.0, 0.0, X4, [1, 2, nan, 4]), ValueError, ("y", "1 NaN")),
    Bad("least_squares: constant x", lambda: least_squares([1.0, 1.0], [2.0, 3.0]), ValueError, ("x", "not be constant")),
    Bad("standardize: one value", lambda: standardize([3.0]), ValueError, ("x", "at least 2 values", "got 1")),
    Bad("standardize: empty", lambda: standardize([]), ValueError, ("x", "at least 2 values", "got 0")),
    Bad("loss_grid: empty a_values", lambda: loss_grid(X4, Y4, [], [0.0]), ValueError, ("a_values", "at least one", "empty")),
    Bad("loss_grid: overflow", lambda: loss_grid(X4, Y4, [1e300], [0.0]), ValueError, ("overflowed", "a_values", "1e+300")),
    Bad("gradient_descent: lr negative", lambda: gradient_descent(X4, Y4, lr=-0.1, steps=3), ValueError,
        ("lr", "positive", "-0.1")),
    Bad("gradient_descent: lr a string", lambda: gradient_descent(X4, Y4, lr="0.1", steps=3), TypeError,
        ("lr", "positive number", "'0.1'")),
    Bad("gradient_descent: steps 2.5", lambda: gradient_descent(X4, Y4, lr=0.1, steps=2.5), TypeError,
        ("steps", "integer", "2.5")),
    Bad("gradient_descent: steps negative", lambda: gradient_descent(X4, Y4, lr=0.1, steps=-1), ValueError,
        ("steps", ">= 0", "-1")),
    Bad("gradient_descent: on_diverge", lambda: gradient_descent(X4, Y4, lr=0.1, steps=3, on_diverge="ignore"), ValueError,
        ("on_diverge", "'raise', 'stop'", "'ignore'")),
    Bad("gradient_descent: a0 inf", lambda: gradient_descent(X4, Y4, lr=0.1, steps=3, a0=float("inf")), ValueError,
        ("a0", "finite", "inf")),
    Bad("sgd: batch larger than the data", lambda: sgd(X4, Y4, batch_size=5, epochs=1, lr=0.1), ValueError,
        ("batch_size", "at most the number of data points (4)", "5")),
    Bad("sgd: batch_size True", lambda: sgd(X4, Y4, batch_size=True, epochs=1, lr=0.1), TypeError,
        ("batch_size", "integer", "True")),
    Bad("sgd: epochs 0", lambda: sgd(X4, Y4, batch_size=2, epochs=0, lr=0.1), ValueError, ("epochs", ">= 1", "0")),
    Bad("sgd: rng a string", lambda: sgd(X4, Y4, batch_size=2, epochs=1, lr=0.1, rng="42"), TypeError,
        ("rng", "Generator", "'42'")),
    # --- gradcheck
    Bad("numerical_gradient: f not callable", lambda: numerical_gradient(3, [1.0]), TypeError, ("f", "function", "3 (int)")),
    Bad("numerical_gradient: f returns an array", lambda: numerical_gradient(lambda v: v ** 2, np.array([1.0, 2.0])),
        TypeError, ("f must return a single number", "array of shape (2,)", "x[0] + h")),
    Bad("numerical_gradient: f returns None", lambda: numerical_gradient(lambda v: None, [1.0]), TypeError,
        ("f must return a single number", "None")),
    Bad("numerical_gradient: f returns a string", lambda: numerical_gradient(lambda v: "1.0", [1.0]), TypeError,
        ("single number", "'1.0' (str)")),
    Bad("numerical_gradient: f is NaN near x", lambda: numerical_gradient(lambda v: float(np.sqrt(v[0])) if v[0] > 0 else nan,
                                                                        [0.0]), ValueError,
        ("f must return a finite number", "nan", "x[0] − h")),
    Bad("numerical_gradient: overflow", lambda: numerical_gradient(lambda v: 1e308 * float(np.sign(v[0])), [0.0]),
        ValueError, ("numerical gradient overflowed", "x[0]", "too large")),
    Bad("numerical_gradient: h zero", lambda: numerical_gradient(np.sum, [1.0], h=0), ValueError, ("h", "positive", "0")),
    Bad("numerical_gradient: x NaN", lambda: numerical_gradient(np.sum, [nan]), ValueError, ("x", "NaN")),
    Bad("rel_error: shapes", lambda: rel_error([1.0], [1.0, 2.0]), ValueError, ("a and b", "same shape", "(1,) and (2,)")),
    Bad("rel_error: NaN", lambda: rel_error([nan], [1.0]), ValueError, ("a", "NaN")),
    # --- slides.export_slides
    Bad("export_slides: notebooks_dir None", lambda: slides.export_slides(None, "out"), TypeError,
        ("notebooks_dir", "folder path", "None")),
    Bad("export_slides: out_dir a number", lambda: slides.export_slides(HERE, 5), TypeError, ("out_dir", "folder path", "5 (int)")),
    Bad("export_slides: notebooks_dir missing", lambda: slides.export_slides(HERE / "nowhere", HERE), FileNotFoundError,
        ("notebooks_dir", "directory of notebooks", "nowhere")),
    Bad("export_slides: out_dir is a file", lambda: slides.export_slides(HERE, Path(__file__)), FileExistsError,
        ("out_dir", "folder", "which is a file")),
    Bad("export_slides: offline='yes'", lambda: slides.export_slides(HERE, HERE, offline="yes"), TypeError,
        ("offline", "None, True or False", "'yes'")),
    Bad("export_slides: offline=1", lambda: slides.export_slides(HERE, HERE, offline=1), TypeError,
        ("offline", "None, True or False", "1 (int)")),
    Bad("export_slides: no notebooks", lambda: slides.export_slides(HERE, HERE / "never-written"), FileNotFoundError,
        ("no *.ipynb", "tests")),
    # --- the _validate helpers
    Bad("check_bool: 'no'", lambda: check_bool("no", "flatten"), TypeError, ("flatten", "True or False", "'no'")),
    Bad("check_bool: 0", lambda: check_bool(0, "on"), TypeError, ("on", "True or False", "0 (int)")),
    Bad("check_bool: None", lambda: check_bool(None, "shuffle"), TypeError, ("shuffle", "True or False", "None")),
    Bad("check_number: a string", lambda: check_number("1", "b"), TypeError, ("b", "number", "'1'")),
    Bad("check_number: True", lambda: check_number(True, "b"), TypeError, ("b", "number", "True")),
    Bad("check_number: below min", lambda: check_number(-1, "alpha", min_value=0), ValueError, ("alpha", ">= 0", "-1")),
    Bad("check_number: above exclusive max", lambda: check_number(1, "p", max_value=1, inclusive=False), ValueError,
        ("p", "< 1", "1")),
    Bad("check_positive: zero", lambda: check_positive(0, "lr"), ValueError, ("lr", "positive", "0")),
    Bad("check_int: a float", lambda: check_int(2.0, "epochs"), TypeError, ("epochs", "integer", "2.0")),
    Bad("check_int: above max", lambda: check_int(11, "k", max_value=10), ValueError, ("k", "<= 10", "11")),
    Bad("check_choice: not allowed", lambda: check_choice("adamw", "optimizer", ("sgd", "adam")), ValueError,
        ("optimizer", "'sgd', 'adam'", "'adamw'")),
    Bad("check_probability: 1.0", lambda: check_probability(1.0, "dropout"), ValueError, ("dropout", "[0, 1)", "1.0")),
    Bad("as_array: None", lambda: as_array(None, "X"), TypeError, ("X", "numbers", "None")),
    Bad("as_array: wrong shape", lambda: as_array(np.zeros((2, 3)), "X", shape=(None, 784)), ValueError,
        ("X", "(any, 784)", "(2, 3)")),
    Bad("as_array: inf", lambda: as_array([1.0, np.inf], "z"), ValueError, ("z", "1 NaN or infinite", "finite")),
    Bad("as_rng: negative seed", lambda: as_rng(-1), ValueError, ("rng", "non-negative", "-1")),
    Bad("as_rng: a float", lambda: as_rng(0.5), TypeError, ("rng", "Generator", "0.5")),
]


@pytest.mark.parametrize("row", TABLE, ids=ids(TABLE))
def test_bad_input(row):
    run(row)
