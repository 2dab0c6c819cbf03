"""Checkers of chapters 4 (backpropagation) and 5 (gradient descent on Hubble's data).

For every exercise: one correct answer passes, typical wrong answers fail with a
message that says *why*, and ``...`` is reported as not attempted.
"""
from __future__ import annotations

import numpy as np
import pytest

from course_lib.activations import sigmoid, sigmoid_grad
from course_lib.checks import FunctionExercise, ch04, ch05
from check_support import ok, wrong

CH04 = [getattr(ch04, name) for name in ch04.__all__]
CH05 = [getattr(ch05, name) for name in ch05.__all__ if name.endswith("_exercise")]




@pytest.mark.parametrize("ex", CH04 + CH05, ids=lambda ex: ex.name)
def test_not_attempted_hint_and_solution(ex, capsys):
    result = ex.evaluate(...)
    assert not result.ok
    assert "Not attempted yet" in result.message
    ex.hint()
    ex.solution()
    out = capsys.readouterr().out
    assert out.startswith(f"Hint ({ex.name}):")
    assert f"Solution ({ex.name}):" in out


# ---------------------------------------------------------------- chapter 4
def test_errors():
    ex = ch04.errors_exercise
    activation = np.array([0.0068, 0.1592, 0.8340])
    ok(ex, activation - np.array([0.0, 0.0, 1.0]))
    wrong(ex, (0.0068, 0.1592, -0.1760), "typo")
    wrong(ex, np.array([0.0, 0.0, 1.0]) - activation, "signs are flipped")
    wrong(ex, activation, "subtract the targets")
    wrong(ex, (0.0068, 0.1592), "shaped (3,)")


def test_quiz_weight():
    ex = ch04.quiz_weight_exercise
    ok(ex, -6)
    wrong(ex, -2, "until B = 6")
    wrong(ex, 6, "positive weight")
    wrong(ex, -4, "up to B = 3")
    wrong(ex, -5, "not right")


def test_quiz_table():
    ex = ch04.quiz_table_exercise

    def n(x1, x2, w=-6):
        z = 4 * x1 + w * x2
        return z if z > 0 else 0

    ok(ex, [n(3, x2) for x2 in range(9)])
    wrong(ex, [n(3, x2, -2) for x2 in range(9)], "still the table for weight −2")
    wrong(ex, [4 * 3 - 6 * x2 for x2 in range(9)], "before ReLU")
    wrong(ex, [12, 6, 0], "shaped (9,)")
    wrong(ex, [1, 1, 1, 0, 0, 0, 0, 0, 0], "step neuron's outputs")


def test_squared_error():
    ex = ch04.squared_error_exercise
    ok(ex, lambda t, a: 0.5 * np.sum((a - t) ** 2))
    ok(ex, lambda t, a: sum((ai - ti) ** 2 for ti, ai in zip(t, a)) / 2)
    wrong(ex, lambda t, a: np.sum((a - t) ** 2), "twice the right value")
    wrong(ex, lambda t, a: np.mean((a - t) ** 2), "mean over the outputs")
    wrong(ex, lambda t, a: 0.5 * np.sum(np.abs(a - t)), "must be squared")
    wrong(ex, lambda t, a: 0.5 * np.sum(a - t) ** 2, "square each difference first")
    wrong(ex, lambda t, a: None, "forget `return`")


def _lecture_output_gradient(a_H, z_O, a_O, t):
    delta_O = (a_O - t) * sigmoid_grad(z_O)
    return np.outer(a_H, delta_O)


def test_output_gradient():
    ex = ch04.output_gradient_exercise
    ok(ex, _lecture_output_gradient)
    wrong(ex, lambda a_H, z_O, a_O, t: np.outer(a_H, a_O - t), "f'(z_j) = sigmoid_grad(z_O) is missing")
    wrong(ex, lambda a_H, z_O, a_O, t: -_lecture_output_gradient(a_H, z_O, a_O, t), "sign is flipped")
    wrong(ex, lambda a_H, z_O, a_O, t: np.outer((a_O - t) * sigmoid_grad(z_O), a_H), "np.outer(a_H, …)")
    wrong(ex, lambda a_H, z_O, a_O, t: np.outer(a_H, (a_O - t) * sigmoid(z_O)), "its derivative")
    wrong(ex, lambda a_H, z_O, a_O, t: np.outer(np.ones(3), (a_O - t) * sigmoid_grad(z_O)), "a_H[k]")
    # the old argument order of 「知の探究」's letters (h, s, z, t) reads z_O as the outputs: wrong
    wrong(ex, lambda a_H, z_O, a_O, t: np.outer(a_H, (z_O - t) * sigmoid_grad(a_O)))


def test_hidden_delta():
    ex = ch04.hidden_delta_exercise
    ok(ex, lambda d, W, z_H: (W @ d) * sigmoid_grad(z_H))
    ok(ex, lambda d, W, z_H: np.array([(d[0] * W[i, 0] + d[1] * W[i, 1]) * sigmoid_grad(z_H[i]) for i in range(3)]))
    wrong(ex, lambda d, W, z_H: W @ d, "sigmoid_grad(z_H) is missing")
    wrong(ex, lambda d, W, z_H: (W @ d) * sigmoid(z_H), "needs f'(z_H)")
    wrong(ex, lambda d, W, z_H: W[:, 0] * d[0] * sigmoid_grad(z_H), "only output 1")
    wrong(ex, lambda d, W, z_H: np.outer(W @ d, sigmoid_grad(z_H)), "shaped (3, 3)", "expected 3 value(s) shaped (3,)")
    wrong(ex, lambda d, W, z_H: d @ W, "raised ValueError")


def test_algorithm_order():
    ex = ch04.algorithm_order_exercise
    ok(ex, "CBEDA")
    ok(ex, "c, b, e, d, a")
    wrong(ex, "CBDEA", "after you have computed E")
    wrong(ex, "CBEAD", "before the update")
    wrong(ex, "BCEDA", "initial parameters")
    wrong(ex, "CBAED", "step 3 should not be A")
    wrong(ex, "CBED", "exactly once")
    wrong(ex, 12345, "one string in quotes", "an int")
    ok(ex, ["C", "B", "E", "D", "A"])


def test_chapter_4_numbering():
    """Exercise numbers in the titles run 4.1 … 4.8 in the order of the chapter (4.8–4.10 moved to chapter 7)."""
    numbered = [ex.name.split(" (")[0] for ex in CH04 if ex.name.startswith("Exercise")]
    assert numbered == [f"Exercise 4.{k}" for k in range(1, 9)]
    assert not any(hasattr(ch04, name) for name in ("he_std_exercise", "momentum_exercise", "overfitting_exercise"))


# ---------------------------------------------------------------- chapter 5
def test_residual():
    ex = ch05.residual_exercise
    ok(ex, (500 * 0.214 + 0) - (-130))
    wrong(ex, -130 - 500 * 0.214, "y − ŷ")
    wrong(ex, 500 * 0.214 - 130, "approaching us")
    wrong(ex, 237.0 ** 2, "squared deviation")


def test_mse():
    ex = ch05.mse_exercise
    ok(ex, lambda a, b, x, y: np.mean((a * x + b - y) ** 2))
    wrong(ex, lambda a, b, x, y: np.sum((a * x + b - y) ** 2), "divide by N = 3")
    wrong(ex, lambda a, b, x, y: np.sqrt(np.mean((a * x + b - y) ** 2)), "square root")
    wrong(ex, lambda a, b, x, y: np.mean(np.abs(a * x + b - y)), "must be squared")
    wrong(ex, lambda a, b, x, y: (a * x + b - y) ** 2, "returned 3 value(s)", "expected one number")


def test_best_slope():
    ex = ch05.best_slope_exercise
    ok(ex, "B")
    wrong(ex, "A", "too shallow")
    wrong(ex, "C", "too steep")


def test_gradient():
    ex = ch05.gradient_exercise
    ok(ex, lambda a, b, x, y: (2 * np.mean((a * x + b - y) * x), 2 * np.mean(a * x + b - y)))
    wrong(ex, lambda a, b, x, y: (np.mean((a * x + b - y) * x), np.mean(a * x + b - y)), "factor 2")
    wrong(ex, lambda a, b, x, y: (2 * np.mean((y - a * x - b) * x), 2 * np.mean(y - a * x - b)), "sign is flipped")
    wrong(ex, lambda a, b, x, y: (2 * np.mean(a * x + b - y), 2 * np.mean(a * x + b - y)), "extra factor x_i")
    wrong(ex, lambda a, b, x, y: (2 * np.sum((a * x + b - y) * x), 2 * np.sum(a * x + b - y)), "*sum*")
    wrong(ex, lambda a, b, x, y: 2 * np.mean(a * x + b - y), "must return dE_da, dE_db")


def test_learning_rate():
    ex = ch05.learning_rate_exercise
    ok(ex, "B")
    wrong(ex, "A", "overshoot")
    wrong(ex, "C", "no memory")


def test_unscale():
    ex = ch05.unscale_exercise
    ok(ex, lambda a_s, b_s, m, s: (a_s / s, b_s - a_s * m / s))
    wrong(ex, lambda a_s, b_s, m, s: (a_s * s, b_s - a_s * m * s), "divide by std")
    wrong(ex, lambda a_s, b_s, m, s: (a_s / s, b_s), "b also changes")
    wrong(ex, lambda a_s, b_s, m, s: (a_s / s, b_s + a_s * m / s), "sign of the shift")


def test_updates_per_epoch():
    ex = ch05.updates_per_epoch_exercise
    ok(ex, 5)
    wrong(ex, 24 // 5, "smaller minibatch")
    wrong(ex, 24, "online learning")
    wrong(ex, 24 / 5, "whole number")


def test_hubble_time():
    ex = ch05.hubble_time_exercise
    ok(ex, lambda H0: 3.0857e19 / H0 / 3.156e7 / 1e9)
    ok(ex, lambda H0: 977.8 / H0)       # the astronomers' shortcut: 1/H0 in Gyr ≈ 977.8 / H0
    wrong(ex, lambda H0: 3.0857e19 / H0 / 3.156e7, "divide by 1e9")
    wrong(ex, lambda H0: 3.0857e19 / H0, "that is in seconds")
    wrong(ex, lambda H0: 1 / H0, "3.0857e19 km per Mpc")
    wrong(ex, lambda H0: 3.0857e19 * H0 / 3.156e7 / 1e9, "don't multiply")
    wrong(ex, lambda H0: 1 / 0, "ZeroDivisionError")


def test_hubble_time_values():
    """The numbers the chapter prints: Hubble's ≈ 2 Gyr and today's ≈ 14 Gyr."""
    assert ch05._hubble_time_gyr(454.16) == pytest.approx(2.15, abs=0.01)
    assert ch05._hubble_time_gyr(70.0) == pytest.approx(13.97, abs=0.01)


@pytest.mark.parametrize("ex", [ex for ex in CH04 + CH05 if isinstance(ex, FunctionExercise)],
                         ids=lambda ex: ex.name)
def test_template_returning_ellipsis_is_not_attempted(ex):
    def template(*args):
        return ...

    result = ex.evaluate(template)
    assert not result.ok
    assert "Not attempted yet" in result.message
