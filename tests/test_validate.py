import numpy as np
import pytest

from course_lib._validate import as_array, as_rng, check_choice, check_int, check_positive, check_probability


def test_as_array():
    np.testing.assert_array_equal(as_array([1, 2], "x"), [1.0, 2.0])
    with pytest.raises(TypeError, match="x must be numbers"):
        as_array("12", "x")
    with pytest.raises(TypeError, match="regular \\(non-ragged\\) shape"):
        as_array([[1, 2], [3]], "x")
    with pytest.raises(ValueError, match="x must be 2-dimensional; got shape \\(3,\\)"):
        as_array([1, 2, 3], "x", ndim=2)
    with pytest.raises(ValueError, match="X must have shape \\(any, 784\\); got shape \\(2, 3\\)"):
        as_array(np.zeros((2, 3)), "X", shape=(None, 784))
    with pytest.raises(ValueError, match="contains 2 NaN or infinite"):
        as_array([np.inf, np.nan, 1.0], "x")


def test_scalars():
    assert check_positive(0.5, "lr") == 0.5
    with pytest.raises(ValueError, match="lr must be a positive number; got -1"):
        check_positive(-1, "lr")
    with pytest.raises(TypeError, match="lr must be a positive number; got '0.1' \\(str\\)"):
        check_positive("0.1", "lr")
    with pytest.raises(TypeError, match="epochs must be an integer; got True"):
        check_int(True, "epochs")
    with pytest.raises(ValueError, match="epochs must be >= 1; got 0"):
        check_int(0, "epochs", min_value=1)
    with pytest.raises(ValueError, match="must be in \\[0, 1\\)"):
        check_probability(1.0, "p")
    with pytest.raises(ValueError, match="loss must be one of 'mse', 'ce'; got 'x'"):
        check_choice("x", "loss", ("mse", "ce"))


def test_as_rng():
    assert as_rng(0).integers(1000) == as_rng(0).integers(1000)
    g = np.random.default_rng(1)
    assert as_rng(g) is g
    with pytest.raises(TypeError, match="rng must be a numpy.random.Generator"):
        as_rng("seed")
    with pytest.raises(ValueError, match="non-negative"):
        as_rng(-1)


def test_check_bool_takes_only_real_booleans():
    from course_lib._validate import check_bool

    assert check_bool(True, "flatten") is True and check_bool(np.bool_(False), "flatten") is False
    for value in ("no", "False", 1, 0, None, np.array(True), [True]):
        with pytest.raises(TypeError, match="flatten must be True or False"):
            check_bool(value, "flatten")
