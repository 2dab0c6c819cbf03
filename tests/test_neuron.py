"""One neuron: the lectures' worked examples, logic gates, the 3-neuron network."""
import numpy as np
import pytest

from course_lib.neuron import (GATES, LECTURE_NETWORK, Neuron, neuron, three_neuron_network,
                               threshold_neuron, weighted_sum)


def test_lecture_worked_example():
    # 0.3·0.1 + (−0.5)·0.8 + 0.2·(−0.5) = 0.03 − 0.4 − 0.1 = −0.47; plus bias 0.2 → −0.27
    assert weighted_sum([0.1, 0.8, -0.5], [0.3, -0.5, 0.2], 0.2) == pytest.approx(-0.27)


def test_exercise_2_relu_neuron():
    # w = (1, 1), b = −0.5: sums −0.5, 0.5, 0.5, 1.5 → ReLU → 0, 0.5, 0.5, 1.5
    X = [[0, 0], [0, 1], [1, 0], [1, 1]]
    np.testing.assert_allclose(neuron(X, [1, 1], -0.5, "relu"), [0, 0.5, 0.5, 1.5])


def test_pattern_neuron_sum_6_bias_minus_5_fires():
    pattern = np.array([1, 0, 1, 0, 1, 0, 1, 1, 1], dtype=float)  # six lit pixels
    assert weighted_sum(pattern, pattern, 0.0) == 6.0
    assert neuron(pattern, pattern, -5.0, "step") == 1.0


def test_threshold_form_equals_bias_form():
    x, w = [0.4, 0.9], [1.0, 2.0]
    assert threshold_neuron(x, w, theta=2.0) == neuron(x, w, b=-2.0, activation="step")


@pytest.mark.parametrize("gate, w, b", [("AND", (1, 1), -1.5), ("OR", (1, 1), -0.5),
                                         ("NAND", (-1, -1), 1.5), ("NOR", (-1, -1), 0.5)])
def test_one_neuron_makes_each_gate(gate, w, b):
    n = Neuron(w, b)
    assert n.matches(gate)
    assert not n.matches("XOR")
    np.testing.assert_array_equal(n.truth_table()[:, 2], GATES[gate])


def test_lecture_three_neuron_network_gives_1_0_0_1():
    np.testing.assert_array_equal(three_neuron_network([0, 0, 1, 1], [0, 1, 0, 1]), [1, 0, 0, 1])
    assert three_neuron_network(0, 0) == 1.0
    changed = {**LECTURE_NETWORK, "n3": {"w": (-1.0, 2.0), "b": 0.0}}
    assert three_neuron_network(0, 0, changed) == 0.0


def test_bad_input():
    with pytest.raises(ValueError, match="x has 3 input.*w has 2 weight"):
        weighted_sum([1, 2, 3], [1, 1])
    with pytest.raises(TypeError, match="b must be a number"):
        weighted_sum([1, 2], [1, 1], b="0.5")
    with pytest.raises(ValueError, match="w contains 1 NaN"):
        Neuron([np.nan, 1.0])
    with pytest.raises(ValueError, match="truth_table needs a neuron with 2 inputs"):
        Neuron([1, 1, 1]).truth_table()
    with pytest.raises(ValueError, match="gate must be one of"):
        Neuron([1, 1]).matches("XNOR")
    with pytest.raises(ValueError, match="x1 and x2 must have the same shape"):
        three_neuron_network([0, 1], [0])
    with pytest.raises(ValueError, match=r"params\['n3'\] is missing"):
        three_neuron_network(0, 0, {"n1": LECTURE_NETWORK["n1"], "n2": LECTURE_NETWORK["n2"]})
    with pytest.raises(ValueError, match="activation must be one a single neuron can use.*'softmax'"):
        neuron([1, 2], [1, 1], 0.0, "softmax")
    with pytest.raises(ValueError, match="gate must be one of.*\\['AND'\\]"):
        Neuron([1, 1]).matches(["AND"])


def test_the_network_names_the_bad_parameter():
    bad = {**LECTURE_NETWORK, "n2": {"w": (1.0, 1.0, 1.0), "b": -1.0}}
    with pytest.raises(ValueError, match=r"params\['n2'\]\['w'\] must have shape \(2\); got shape \(3,\)"):
        three_neuron_network(0, 1, bad)
    with pytest.raises(TypeError, match=r"params\['n3'\]\['b'\] must be a number; got '1'"):
        three_neuron_network(0, 1, {**LECTURE_NETWORK, "n3": {"w": (-1, 2), "b": "1"}})
    with pytest.raises(TypeError, match="params must be a dict like LECTURE_NETWORK"):
        three_neuron_network(0, 1, [1, 2, 3])
