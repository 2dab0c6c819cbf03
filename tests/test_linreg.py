"""Linear regression on Hubble's data: gradient, closed form, gradient descent, SGD, divergence."""
import numpy as np
import pytest

from course_lib.datasets import load_hubble
from course_lib.gradcheck import numerical_gradient, rel_error
from course_lib.linreg import (DivergenceError, gradient_descent, least_squares, loss_grid, mse, mse_grad,
                               predict, sgd, standardize)


@pytest.fixture(scope="module")
def hubble():
    h = load_hubble()
    return h.distance, h.velocity


def test_closed_form_matches_the_published_fit(hubble):
    a, b = least_squares(*hubble)
    assert a == pytest.approx(454.16, abs=0.01)   # km/s/Mpc
    assert b == pytest.approx(-40.78, abs=0.01)   # km/s
    np.testing.assert_allclose((a, b), np.polyfit(*hubble, 1))


def test_gradient_matches_finite_differences(hubble):
    x, y = hubble
    analytic = mse_grad(300.0, 50.0, x, y)
    numeric = numerical_gradient(lambda p: mse(p[0], p[1], x, y), np.array([300.0, 50.0]), h=1e-3)
    assert rel_error(analytic, numeric) < 1e-8


def test_one_hand_worked_step():
    x, y = np.array([1.0, 2.0]), np.array([2.0, 4.0])
    # a = b = 0: residuals r = −2, −4;  ∂E/∂a = 2·mean(r·x) = 2·(−2 − 8)/2 = −10;  ∂E/∂b = 2·mean(r) = −6
    assert mse_grad(0.0, 0.0, x, y) == pytest.approx((-10.0, -6.0))
    # one step with lr = 0.1: a = 0 − 0.1·(−10) = 1.0, b = 0 − 0.1·(−6) = 0.6
    result = gradient_descent(x, y, lr=0.1, steps=1)
    np.testing.assert_allclose(result.path, [[0.0, 0.0], [1.0, 0.6]])
    # E before = (4 + 16)/2 = 10; after: residuals 1.6 − 2 = −0.4, 2.6 − 4 = −1.4 → (0.16 + 1.96)/2 = 1.06
    np.testing.assert_allclose(result.losses, [10.0, 1.06])


def test_gradient_descent_converges_to_closed_form(hubble):
    x, y = hubble
    result = gradient_descent(x, y, lr=0.3, steps=3000)
    a, b = least_squares(x, y)
    assert result.a == pytest.approx(a, rel=1e-4)
    assert result.b == pytest.approx(b, abs=0.05)
    assert np.all(np.diff(result.losses) <= 1e-9)  # never goes up with a good learning rate


def test_scaled_features_converge_much_faster(hubble):
    x, y = hubble
    xs, mean, std = standardize(x)
    scaled = gradient_descent(xs, y, lr=0.5, steps=30)
    a_true = least_squares(x, y)[0]
    assert scaled.a / std == pytest.approx(a_true, rel=1e-3)   # slope in original units
    raw = gradient_descent(x, y, lr=0.3, steps=30)
    assert abs(raw.a - a_true) > 10 * abs(scaled.a / std - a_true)


def test_too_large_learning_rate_diverges_with_a_message(hubble):
    x, y = hubble
    with pytest.raises(DivergenceError, match=r"Diverged at step \d+.*learning rate 2 is too large; try 0.2"):
        gradient_descent(x, y, lr=2.0, steps=200)
    stopped = gradient_descent(x, y, lr=2.0, steps=200, on_diverge="stop")
    assert stopped.diverged and "too large" in stopped.message
    assert np.all(np.isfinite(stopped.path)) and np.all(np.isfinite(stopped.losses))


@pytest.mark.parametrize("batch_size", [1, 6, 24])
def test_minibatch_and_online_sgd_reduce_the_loss(hubble, batch_size):
    x, y = hubble
    xs, _, _ = standardize(x)
    result = sgd(xs, y, batch_size=batch_size, epochs=40, lr=0.05, rng=0)
    assert len(result.losses) == 1 + 40 * int(np.ceil(24 / batch_size))
    assert len(result.epoch_losses) == 40
    best = mse(*least_squares(xs, y), xs, y)
    assert result.epoch_losses[-1] < 1.15 * best < result.losses[0]
    again = sgd(xs, y, batch_size=batch_size, epochs=40, lr=0.05, rng=0)
    np.testing.assert_array_equal(result.path, again.path)   # same seed, same path


def test_loss_grid_agrees_with_mse(hubble):
    x, y = hubble
    E = loss_grid(x, y, [100.0, 450.0], [-50.0, 0.0, 20.0])
    assert E.shape == (3, 2)
    assert E[2, 1] == pytest.approx(mse(450.0, 20.0, x, y))


def test_bad_input(hubble):
    x, y = hubble
    with pytest.raises(ValueError, match="lr must be a positive number; got -0.1"):
        gradient_descent(x, y, lr=-0.1, steps=3)
    with pytest.raises(ValueError, match="lr must be a positive number; got 0"):
        sgd(x, y, batch_size=2, epochs=1, lr=0)
    with pytest.raises(ValueError, match="batch_size must be at most the number of data points \\(24\\); got 25"):
        sgd(x, y, batch_size=25, epochs=1, lr=0.1)
    with pytest.raises(ValueError, match="same length"):
        mse(1.0, 0.0, x, y[:-1])
    with pytest.raises(TypeError, match="steps must be an integer"):
        gradient_descent(x, y, lr=0.1, steps=2.5)
    with pytest.raises(TypeError, match="a must be a number"):
        predict(x, "450", 0)
    with pytest.raises(ValueError, match="x contains 1 NaN"):
        least_squares(np.r_[x[:-1], np.nan], y)
    with pytest.raises(ValueError, match="on_diverge must be one of"):
        gradient_descent(x, y, lr=0.1, steps=3, on_diverge="ignore")
    with pytest.raises(ValueError, match="x must not be constant"):
        least_squares([1.0, 1.0], [2.0, 3.0])
