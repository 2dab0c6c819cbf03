"""Exercises for chapter 5, gradient descent (勾配降下法) on Hubble's data.

    from course_lib.checks import ch05
    ch05.mse_exercise.check(my_mse)

Each exercise object has ``check(answer)``, ``hint()`` and ``solution()``.
"""
from __future__ import annotations

import numpy as np

from . import ChoiceExercise, FunctionExercise, ValueExercise

__all__ = [
    "residual_exercise", "mse_exercise", "best_slope_exercise", "gradient_exercise",
    "learning_rate_exercise", "unscale_exercise", "updates_per_epoch_exercise", "hubble_time_exercise",
    "KM_PER_MPC", "SECONDS_PER_YEAR",
]

KM_PER_MPC = 3.0857e19            # 1 megaparsec in km
SECONDS_PER_YEAR = 365.25 * 24 * 3600   # 3.15576e7 s (a Julian year)


def _number(got):
    """``got`` as a float, or None when it is not a single number."""
    try:
        g = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return None
    return float(g) if g.ndim == 0 else None


def _pair(got):
    """``got`` as a (2,) float array, or None."""
    try:
        g = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return None
    return g if g.shape == (2,) else None


# --- 5.1 one residual -------------------------------------------------------------------------------------
residual_exercise = ValueExercise(
    "Exercise 5.1 (one residual ŷ − y)",
    237.0,
    tolerance=1e-6,
    wrong_answers=[
        (-237.0, "that is y − ŷ. The seed writes the deviation as ŷ − y (prediction minus the correct value)."),
        (-23.0, "y is −130 km/s (NGC 6822 is approaching us): ŷ − y = 107 − (−130)."),
        (56169.0, "that is the squared deviation (ŷ − y)²; the question asks for ŷ − y itself."),
        (107.0, "that is the prediction ŷ = 500·0.214; now subtract the measured y = −130."),
    ],
    hint="ŷ = a·x + b = 500 × 0.214 + 0 for NGC 6822; its measured velocity is y = −130 km/s.",
    solution="y_hat = 500 * 0.214 + 0      # 107.0 km/s\nresidual = y_hat - (-130)    # 237.0 km/s",
)


# --- 5.2 mean squared error --------------------------------------------------------------------------------
def _mse(a, b, x, y):
    r = a * np.asarray(x, float) + b - np.asarray(y, float)
    return float(np.mean(r * r))


def _explain_mse(args, got, want):
    a, b, x, y = args
    r = a * x + b - y
    g = _number(got)
    if g is None:
        return f"return one number (the mean over all points), not {np.shape(got)}-shaped output"
    if np.isclose(g, float(np.sum(r * r))):
        return f"that is the sum over the {x.size} points; E is the mean (divide by N = {x.size})"
    if np.isclose(g, float(np.sqrt(np.mean(r * r)))):
        return "that is the square root of E (the RMS error); E itself has no square root"
    if np.isclose(g, float(np.mean(np.abs(r)))) or np.isclose(g, float(np.mean(r))):
        return "the residuals ŷ − y must be squared before averaging"
    if np.isclose(g, 0.5 * want):
        return "E here has no factor ½: E = (1/N) Σ (ŷ − y)²"
    return None


_X = np.array([0.0, 1.0, 2.0])
_Y = np.array([1.0, 3.0, 5.0])
_MSE_CASES = [((a, b, _X, _Y), _mse(a, b, _X, _Y)) for a, b in [(2.0, 1.0), (1.0, 0.0), (0.0, 0.0), (3.0, -1.0)]]

mse_exercise = FunctionExercise(
    "Exercise 5.2 (mean squared error E(a, b))",
    _MSE_CASES,
    tolerance=1e-9,
    explain=_explain_mse,
    func_name="my_mse",
    hint="Residuals r = a * x + b - y (an array), then the mean of r ** 2.",
    solution="def my_mse(a, b, x, y):\n    r = a * x + b - y\n    return np.mean(r ** 2)",
)

# --- 5.3 predict: best slope through the origin ----------------------------------------------------------
best_slope_exercise = ChoiceExercise(
    "Exercise 5.3 (predict the best slope with b = 0)",
    "B",
    {
        "A": "250 km/s/Mpc is too shallow: the galaxies at 2 Mpc would be predicted at 500 km/s, "
             "but they move at 500–1090 km/s.",
        "B": "the best line through the origin has a ≈ 424 km/s/Mpc (E is smallest there).",
        "C": "600 km/s/Mpc is too steep: the line runs above almost all galaxies beyond 1 Mpc.",
    },
    hint="Look at the scatter: at x = 2 Mpc the points are around 800 km/s. Which slope reaches that?",
    solution="B: ≈ 424 km/s/Mpc (= Σxy / Σx²). Check it with the slider: E is smallest near a = 424.",
)


# --- 5.4 the gradient -----------------------------------------------------------------------------------------
def _grad(a, b, x, y):
    r = a * x + b - y
    return np.array([2 * np.mean(r * x), 2 * np.mean(r)])


def _explain_grad(args, got, want):
    a, b, x, y = args
    g = _pair(got)
    if g is None:
        return "return two numbers (dE_da, dE_db)"
    r = a * x + b - y
    if np.allclose(g, 0.5 * want):
        return "the factor 2 from differentiating the square is missing: d(r²)/dr = 2r"
    if np.allclose(g, -want):
        return "the sign is flipped: use r = ŷ − y = a·x + b − y, as in E"
    if np.allclose(g, want[::-1]):
        return "the two derivatives are swapped: return (dE/da, dE/db) in that order"
    if np.isclose(g[0], 2 * np.mean(r)) and np.isclose(g[1], want[1]):
        return "dE/da needs the extra factor x_i: ∂(a·x_i + b)/∂a = x_i"
    if np.allclose(g, x.size * want):
        return f"that is the gradient of the *sum*; E is a mean, so divide by N = {x.size}"
    return None


_GRAD_CASES = [((a, b, _X, _Y), _grad(a, b, _X, _Y)) for a, b in [(0.0, 0.0), (1.0, 2.0), (3.0, -1.0)]]

gradient_exercise = FunctionExercise(
    "Exercise 5.4 (the gradient of E)",
    _GRAD_CASES,
    tolerance=1e-9,
    explain=_explain_grad,
    func_name="my_mse_grad",
    hint="∂E/∂a = (2/N) Σ (a·x_i + b − y_i)·x_i and ∂E/∂b = (2/N) Σ (a·x_i + b − y_i). Return both as a tuple.",
    solution="def my_mse_grad(a, b, x, y):\n    r = a * x + b - y\n"
             "    return 2 * np.mean(r * x), 2 * np.mean(r)",
)

# --- 5.5 predict: too large a learning rate ----------------------------------------------------------------
learning_rate_exercise = ChoiceExercise(
    "Exercise 5.5 (predict: a larger learning rate)",
    "B",
    {
        "A": "a larger step helps only up to a point: each step overshoots the valley floor, "
             "and beyond lr ≈ 0.49 the overshoot grows every step.",
        "B": "each step jumps past the minimum to a point *higher* up the other wall, so E grows "
             "step after step (divergence, 発散).",
        "C": "gradient descent has no memory of where it started: if it converges at all, it converges "
             "to the one minimum of this bowl-shaped E.",
    },
    hint="Think of a ball in a valley that you move by lr × slope: what happens when that jump is longer "
         "than the valley is wide?",
    solution="B: it diverges — every step overshoots further than the last (try lr = 0.6 on the slider).",
)


# --- 5.6 undo feature scaling ------------------------------------------------------------------------------
def _unscale(a_s, b_s, mean, std):
    return np.array([a_s / std, b_s - a_s * mean / std])


def _explain_unscale(args, got, want):
    a_s, b_s, mean, std = args
    g = _pair(got)
    if g is None:
        return "return two numbers (a, b)"
    if np.isclose(g[0], a_s * std):
        return "x_scaled = (x − mean)/std, so a_s·x_scaled = (a_s/std)·x + …: divide by std, don't multiply"
    if np.isclose(g[0], want[0]) and np.isclose(g[1], b_s):
        return "the slope is right, but b also changes: a_s·(x − mean)/std contributes −a_s·mean/std"
    if np.isclose(g[0], want[0]) and np.isclose(g[1], b_s + a_s * mean / std):
        return "the sign of the shift is wrong: b = b_s − a_s·mean/std"
    return None


unscale_exercise = FunctionExercise(
    "Exercise 5.6 (back to km/s/Mpc)",
    [((a_s, b_s, m, s), _unscale(a_s, b_s, m, s))
     for a_s, b_s, m, s in [(287.0, 373.0, 0.911, 0.632), (2.0, 1.0, 3.0, 0.5), (-1.0, 4.0, -2.0, 2.0)]],
    tolerance=1e-6,
    explain=_explain_unscale,
    func_name="unscale",
    hint="Substitute x_scaled = (x − mean)/std into ŷ = a_s·x_scaled + b_s and collect the terms with x.",
    solution="def unscale(a_s, b_s, mean, std):\n    a = a_s / std\n    b = b_s - a_s * mean / std\n    return a, b",
)

# --- 5.7 minibatches ------------------------------------------------------------------------------------------
updates_per_epoch_exercise = ValueExercise(
    "Exercise 5.7 (updates per epoch)",
    5,
    tolerance=1e-9,
    wrong_answers=[
        (4, "24 // 5 = 4 full minibatches, but the 4 points left over form a 5th, smaller minibatch."),
        (4.8, "the number of updates is a whole number: 4 minibatches of 5 and one of 4."),
        (24, "24 updates per epoch is online learning (M = 1); here M = 5."),
        (120, "each minibatch gives *one* update, not one per point."),
    ],
    hint="One epoch uses every point once; each minibatch of up to M points gives one update.",
    solution="ceil(24 / 5) = 5 updates: minibatches of 5, 5, 5, 5 and 4 points.",
)


# --- 5.8 the Hubble time ------------------------------------------------------------------------------------
def _hubble_time_gyr(H0):
    return KM_PER_MPC / H0 / SECONDS_PER_YEAR / 1e9


def _explain_hubble_time(args, got, want):
    (H0,) = args
    g = _number(got)
    if g is None or g == 0:
        return "return one number: the time in billions of years (Gyr)"
    ratio = g / want
    for factor, text in [
        (1e9, "that is in years; divide by 1e9 to get billions of years (Gyr)"),
        (1e9 * SECONDS_PER_YEAR, "that is in seconds; divide by seconds per year (3.156e7) and by 1e9"),
        (SECONDS_PER_YEAR, "divide the seconds by seconds per year (3.156e7) to get years"),
        (SECONDS_PER_YEAR * 1e9 / KM_PER_MPC, "1/H₀ alone is in Mpc·s/km: multiply by 3.0857e19 km per Mpc to get "
                                             "seconds, then convert the seconds to Gyr"),
        (1 / KM_PER_MPC, "the conversion 3.0857e19 km per Mpc is missing"),
    ]:
        if np.isclose(ratio, factor, rtol=2e-3):
            return text
    if np.isclose(ratio, H0 * H0, rtol=2e-3):
        return "the age is 1/H₀ (distance ÷ speed): divide by H₀, don't multiply"
    return None


hubble_time_exercise = FunctionExercise(
    "Exercise 5.8 (the Hubble time 1/H₀)",
    [((H0,), _hubble_time_gyr(H0)) for H0 in (454.0, 70.0, 100.0)],
    tolerance=0.02,
    explain=_explain_hubble_time,
    func_name="hubble_time_gyr",
    hint="1/H₀ has units Mpc·s/km. Multiply by 3.0857e19 km/Mpc to get seconds, "
         "divide by 3.156e7 s/year and by 1e9 to get billions of years.",
    solution="def hubble_time_gyr(H0):\n    seconds = 3.0857e19 / H0          # km/Mpc ÷ (km/s/Mpc) = s\n"
             "    return seconds / 3.156e7 / 1e9   # Gyr",
)
