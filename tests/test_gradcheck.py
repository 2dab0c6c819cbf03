import numpy as np
import pytest

from course_lib.gradcheck import numerical_gradient, rel_error


def test_gradient_of_a_quadratic():
    x = np.array([[1.0, -2.0], [0.5, 3.0]])
    g = numerical_gradient(lambda v: np.sum(v ** 2), x)
    assert rel_error(g, 2 * x) < 1e-9
    np.testing.assert_array_equal(x, [[1.0, -2.0], [0.5, 3.0]])  # not mutated


def test_rel_error():
    assert rel_error([1.0, 2.0], [1.0, 2.0]) == 0.0
    assert rel_error([1.0], [1.1]) == pytest.approx(0.1 / 2.1)
    with pytest.raises(ValueError, match="same shape"):
        rel_error([1.0], [1.0, 2.0])


def test_bad_input():
    with pytest.raises(TypeError, match="f must be a function"):
        numerical_gradient(3, [1.0])
    with pytest.raises(ValueError, match="h must be a positive number"):
        numerical_gradient(np.sum, [1.0], h=0)
    with pytest.raises(ValueError, match=r"f must return a finite number near x; f \(<lambda>\) returned nan at x\[0\] − h"):
        with np.errstate(invalid="ignore"):
            numerical_gradient(lambda v: np.log(v[0] - 1.0), np.array([1.0]))
    with pytest.raises(TypeError, match=r"f must return a single number.*returned an array of shape \(2,\) at x\[0\] \+ h"):
        numerical_gradient(lambda v: v ** 2, np.array([1.0, 2.0]))
    with pytest.raises(TypeError, match=r"returned None \(NoneType\)"):
        numerical_gradient(lambda v: None, [1.0])


def test_a_scalar_x_and_a_0d_result_are_fine():
    assert numerical_gradient(lambda v: v ** 3, 2.0) == pytest.approx(12.0)
    assert numerical_gradient(lambda v: np.array(np.sum(v) * 2.0), np.array([[1.0]])) == pytest.approx(np.array([[2.0]]))


def test_huge_values_give_a_number_or_a_clear_error():
    assert rel_error([1e308], [-1e308]) == 1.0
    assert rel_error([1e-13], [0.0]) == pytest.approx(0.1)            # the 1e-12 floor is unchanged
    with pytest.raises(ValueError, match=r"numerical gradient overflowed at x\[0\]"):
        numerical_gradient(lambda v: 1e308 * float(np.sign(v[0])), [0.0], h=1e-5)
