"""Activation functions: values, derivatives checked by finite differences, bad input."""
import numpy as np
import pytest

from course_lib import activations as A
from course_lib.gradcheck import numerical_gradient, rel_error

Z = np.array([-3.0, -1.2, -0.3, 0.4, 1.7, 2.5])  # no exact 0: ReLU/step have a kink there


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "leaky_relu", "identity", "step"])
def test_derivative_matches_finite_differences(name):
    f, f_grad = A.get_activation(name)
    numeric = np.array([numerical_gradient(lambda v: f(v).item(), np.array(z)) for z in Z])
    assert rel_error(f_grad(Z), numeric) < 1e-7


def test_softmax_jacobian_matches_finite_differences():
    z = np.array([0.5, -1.0, 2.0, 0.1])
    J = A.softmax_grad(z)
    for k in range(4):
        numeric = numerical_gradient(lambda v: A.softmax(v)[k], z)
        assert rel_error(J[k], numeric) < 1e-7


def test_known_values():
    assert A.sigmoid(0.0) == pytest.approx(0.5)
    assert A.sigmoid_grad(0.0) == pytest.approx(0.25)          # σ(0)(1 − σ(0)) = 0.5 · 0.5
    assert A.tanh_grad(0.0) == pytest.approx(1.0)
    np.testing.assert_array_equal(A.relu([-3, -1, 0, 1, 3]), [0, 0, 0, 1, 3])  # seed's 自習1
    np.testing.assert_array_equal(A.step([-1, 0, 1]), [0, 0, 1])                # step(0) = 0
    np.testing.assert_allclose(A.leaky_relu([-2.0, 2.0], alpha=0.1), [-0.2, 2.0])


def test_sigmoid_is_stable_for_huge_inputs():
    with np.errstate(over="raise", invalid="raise"):
        out = A.sigmoid(np.array([-1000.0, 1000.0]))
    np.testing.assert_allclose(out, [0.0, 1.0])


def test_softmax_sums_to_one_and_resists_overflow():
    p = A.softmax(np.array([[1000.0, 1001.0, 1002.0], [0.0, 0.0, 0.0]]))
    np.testing.assert_allclose(p.sum(axis=1), [1.0, 1.0])
    np.testing.assert_allclose(p[1], [1 / 3] * 3)


def test_inputs_are_not_mutated():
    z = np.array([-1.0, 2.0])
    A.relu(z), A.identity(z), A.softmax(z)
    np.testing.assert_array_equal(z, [-1.0, 2.0])


def test_unknown_name_lists_the_choices():
    with pytest.raises(ValueError, match=r"activation must be one of .*'relu'.*got 'rellu'"):
        A.get_activation("rellu")
    with pytest.raises(TypeError, match="activation must be a name"):
        A.get_activation(3)


def test_bad_input_gets_a_clear_error():
    with pytest.raises(TypeError, match="z must be numbers"):
        A.sigmoid("1.0")
    with pytest.raises(ValueError, match="z contains 1 NaN"):
        A.relu([1.0, np.nan])
    with pytest.raises(ValueError, match="at least one axis"):
        A.softmax(3.0)
    with pytest.raises(ValueError, match="alpha must be >= 0"):
        A.leaky_relu([1.0], alpha=-1)
