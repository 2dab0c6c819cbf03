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
    with pytest.raises(ValueError, match="NaN or inf"):
        with np.errstate(invalid="ignore"):
            numerical_gradient(lambda v: np.log(v[0] - 1.0), np.array([1.0]))
