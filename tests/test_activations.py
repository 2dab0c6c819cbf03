"""Activation functions: values, derivatives checked by finite differences, the table, bad input."""
import dataclasses

import numpy as np
import pytest

from course_lib import activations as A
from course_lib.gradcheck import numerical_gradient, rel_error

Z = np.array([-3.0, -1.2, -0.3, 0.4, 1.7, 2.5])  # no exact 0: ReLU/step have a kink there
ELEMENTWISE = [name for name, act in A.ACTIVATIONS.items() if act.elementwise]


def test_table_order_and_records():
    assert list(A.ACTIVATIONS) == ["step", "sigmoid", "tanh", "relu", "leaky_relu", "identity", "softmax"]
    for name, act in A.ACTIVATIONS.items():
        assert isinstance(act, A.Activation) and act.name == name
        assert A.get_activation(name) is act
        assert dataclasses.is_dataclass(act)
        with pytest.raises(dataclasses.FrozenInstanceError):
            act.name = "other"
        lo, hi = act.z_range
        assert lo < 0 < hi and act.a_range[0] < act.a_range[1] and act.max_slope >= 0
        assert act.formula and act.grad_formula


def test_elementwise_names_exclude_softmax_only():
    assert A.elementwise_names() == ("step", "sigmoid", "tanh", "relu", "leaky_relu", "identity")
    assert not A.ACTIVATIONS["softmax"].elementwise


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_derivative_matches_finite_differences(name):
    act = A.get_activation(name)
    numeric = np.array([numerical_gradient(lambda v: act.f(v).item(), np.array(z)) for z in Z])
    assert rel_error(act.grad(Z), numeric) < 1e-7


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_display_hints_match_the_function(name):
    act = A.get_activation(name)
    z = np.linspace(*act.z_range, 401)
    a = act.f(z)
    assert act.a_range[0] <= a.min() and a.max() <= act.a_range[1]     # the curve fits the y-limits
    assert np.abs(act.grad(z)).max() == pytest.approx(act.max_slope, abs=1e-3)


@pytest.mark.parametrize("name", list(A.ACTIVATIONS))
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_fast_versions_equal_the_formulas(name, dtype):
    act = A.get_activation(name)
    rng = np.random.default_rng(0)
    z = (rng.standard_normal((5, 4)) * 2).astype(dtype)
    z[0, 0] = 0.0                                              # the kink: both sides use f'(0) = 0
    out = np.full_like(z, np.nan)
    assert act.f_into(z, out) is out and out.dtype == dtype
    np.testing.assert_allclose(out, act.f(z), rtol=1e-6, atol=1e-7)
    delta = rng.standard_normal((5, 4)).astype(dtype)
    expected = delta.astype(np.float64)
    if act.elementwise:
        expected = expected * act.grad(z)
    else:                                                       # g·J, row by row: Σ_k g_k ∂a_k/∂z_j
        expected = np.einsum("nk,nkj->nj", expected, act.grad(z))
    assert act.grad_mul(z, out, delta) is None and delta.dtype == dtype
    np.testing.assert_allclose(delta, expected, rtol=1e-5, atol=1e-6)


def test_defaults_for_a_new_activation():
    """A new entry needs only f and f': the in-place versions fall back to them."""
    act = A.Activation("square", lambda z: np.asarray(z, float) ** 2, lambda z: 2 * np.asarray(z, float),
                       "z²", "2z", z_range=(-2, 2), a_range=(0, 4), max_slope=4.0)
    z, out, delta = np.array([[-1.0, 3.0]]), np.empty((1, 2)), np.array([[1.0, 2.0]])
    act.f_into(z, out)
    act.grad_mul(z, out, delta)
    np.testing.assert_array_equal(out, [[1.0, 9.0]])
    np.testing.assert_array_equal(delta, [[-2.0, 12.0]])


def test_sigmoid_into_is_stable_for_huge_inputs():
    out = np.empty(2, np.float32)
    with np.errstate(over="raise", invalid="raise", under="ignore"):
        np.testing.assert_allclose(A.sigmoid(np.array([-1000.0, 1000.0])), [0.0, 1.0])
    A.ACTIVATIONS["sigmoid"].f_into(np.array([-1000.0, 1000.0], np.float32), out)
    np.testing.assert_allclose(out, [0.0, 1.0])


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
    np.testing.assert_array_equal(A.relu([-3, -1, 0, 1, 3]), [0, 0, 0, 1, 3])  # the lecture's 自習1
    np.testing.assert_array_equal(A.step([-1, 0, 1]), [0, 1, 1])                # step(0) = 1 (fires at 0, as in the A/B/C quiz)
    np.testing.assert_allclose(A.leaky_relu([-2.0, 2.0], alpha=0.1), [-0.2, 2.0])


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
    with pytest.raises(ValueError, match="at least one value"):
        A.softmax([])
    with pytest.raises(ValueError, match="alpha must be >= 0"):
        A.leaky_relu([1.0], alpha=-1)
