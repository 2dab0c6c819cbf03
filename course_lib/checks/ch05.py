"""Exercises for chapter 5, gradient descent (勾配降下法) on Hubble's data.

    from course_lib.checks import ch05
    ch05.mse_exercise.check(my_mse)

Each exercise object has ``check(answer)``, ``hint()`` and ``solution()`` (and, silent, ``is_correct``/``grade``).
"""
from __future__ import annotations

import numpy as np

from ..i18n import N_, _
from .kinds import ChoiceExercise, FunctionExercise, ValueExercise

__all__ = [
    "residual_exercise", "mse_exercise", "best_slope_exercise", "gradient_exercise",
    "learning_rate_exercise", "unscale_exercise", "updates_per_epoch_exercise", "hubble_time_exercise",
    "KM_PER_MPC", "SECONDS_PER_YEAR",
]

KM_PER_MPC = 3.0857e19            # 1 megaparsec in km
SECONDS_PER_YEAR = 365.25 * 24 * 3600   # 3.15576e7 s (a Julian year)


# --- 5.1 one residual -------------------------------------------------------------------------------------
residual_exercise = ValueExercise(
    N_("Exercise 5.1 (one residual ŷ − y)"),
    237.0,
    tolerance=1e-6,
    mistakes=[
        (-237.0, N_("that is y − ŷ. The lecture writes the deviation as ŷ − y (prediction minus the correct value).")),
        (-23.0, N_("y is −130 km/s (NGC 6822 is approaching us): ŷ − y = 107 − (−130).")),
        (56169.0, N_("that is the squared deviation (ŷ − y)²; the question asks for ŷ − y itself.")),
        (107.0, N_("that is the prediction ŷ = 500·0.214; now subtract the measured y = −130.")),
    ],
    hint=N_("ŷ = a·x + b = 500 × 0.214 + 0 for NGC 6822; its measured velocity is y = −130 km/s."),
    solution="y_hat = 500 * 0.214 + 0      # 107.0 km/s\nresidual = y_hat - (-130)    # 237.0 km/s",
)


# --- 5.2 mean squared error --------------------------------------------------------------------------------
def _mse(a, b, x, y):
    r = a * np.asarray(x, float) + b - np.asarray(y, float)
    return float(np.mean(r * r))


_X = np.array([0.0, 1.0, 2.0])
_Y = np.array([1.0, 3.0, 5.0])
_MSE_CASES = [((a, b, _X, _Y), _mse(a, b, _X, _Y)) for a, b in [(2.0, 1.0), (1.0, 0.0), (0.0, 0.0), (3.0, -1.0)]]

mse_exercise = FunctionExercise(
    N_("Exercise 5.2 (mean squared error E(a, b))"),
    _MSE_CASES,
    tolerance=1e-9,
    func_name="my_mse",
    mistakes=[
        (lambda a, b, x, y: np.sum((a * x + b - y) ** 2),
         N_("that is the sum over the 3 points; E is the mean (divide by N = 3).")),
        (lambda a, b, x, y: np.sqrt(np.mean((a * x + b - y) ** 2)),
         N_("that is the square root of E (the RMS error); E itself has no square root.")),
        (lambda a, b, x, y: np.mean(np.abs(a * x + b - y)), N_("the residuals ŷ − y must be squared before averaging.")),
        (lambda a, b, x, y: np.mean(a * x + b - y), N_("the residuals ŷ − y must be squared before averaging.")),
        (lambda a, b, x, y: 0.5 * np.mean((a * x + b - y) ** 2), N_("E here has no factor ½: E = (1/N) Σ (ŷ − y)².")),
    ],
    hint=N_("Residuals r = a * x + b - y (an array), then the mean of r ** 2."),
    solution=N_("def my_mse(a, b, x, y):\n    r = a * x + b - y\n    return np.mean(r ** 2)"),
)

# --- 5.3 predict: best slope through the origin ----------------------------------------------------------
best_slope_exercise = ChoiceExercise(
    N_("Exercise 5.3 (predict the best slope with b = 0)"),
    "B",
    {
        "A": N_("250 km/s/Mpc is too shallow: the galaxies at 2 Mpc would be predicted at 500 km/s, "
                "but they move at 500–1090 km/s."),
        "B": N_("the best line through the origin has a ≈ 424 km/s/Mpc (E is smallest there)."),
        "C": N_("600 km/s/Mpc is too steep: the line runs above almost all galaxies beyond 1 Mpc."),
    },
    hint=N_("Look at the scatter: at x = 2 Mpc the points are around 800 km/s. Which slope reaches that?"),
    solution=N_('prediction = "B"   # ≈ 424 km/s/Mpc (= Σxy / Σx²); the slider shows E is smallest near a = 424'),
)


# --- 5.4 the gradient -----------------------------------------------------------------------------------------
def _grad(a, b, x, y):
    r = a * x + b - y
    return np.array([2 * np.mean(r * x), 2 * np.mean(r)])


_GRAD_CASES = [((a, b, _X, _Y), _grad(a, b, _X, _Y)) for a, b in [(0.0, 0.0), (1.0, 2.0), (3.0, -1.0)]]

gradient_exercise = FunctionExercise(
    N_("Exercise 5.4 (the gradient of E)"),
    _GRAD_CASES,
    tolerance=1e-9,
    func_name="my_mse_grad",
    returns="dE_da, dE_db",   # i18n: ignore (the names of the returned values)
    mistakes=[
        (lambda a, b, x, y: 0.5 * _grad(a, b, x, y),
         N_("the factor 2 from differentiating the square is missing: d(r²)/dr = 2r.")),
        (lambda a, b, x, y: -_grad(a, b, x, y), N_("the sign is flipped: use r = ŷ − y = a·x + b − y, as in E.")),
        (lambda a, b, x, y: _grad(a, b, x, y)[::-1],
         N_("the two derivatives are swapped: return (dE/da, dE/db) in that order.")),
        (lambda a, b, x, y: np.array([2 * np.mean(a * x + b - y)] * 2),
         N_("dE/da needs the extra factor x_i: ∂(a·x_i + b)/∂a = x_i.")),
        (lambda a, b, x, y: len(x) * _grad(a, b, x, y),
         N_("that is the gradient of the *sum*; E is a mean, so divide by N = 3.")),
    ],
    hint=N_("∂E/∂a = (2/N) Σ (a·x_i + b − y_i)·x_i and ∂E/∂b = (2/N) Σ (a·x_i + b − y_i). Return both as a tuple."),
    solution=N_("def my_mse_grad(a, b, x, y):\n    r = a * x + b - y\n"
                "    return 2 * np.mean(r * x), 2 * np.mean(r)"),
)

# --- 5.5 predict: too large a learning rate ----------------------------------------------------------------
learning_rate_exercise = ChoiceExercise(
    N_("Exercise 5.5 (predict: a larger learning rate)"),
    "B",
    {
        "A": N_("a larger step helps only up to a point: each step overshoots the valley floor, "
                "and beyond lr ≈ 0.49 the overshoot grows every step."),
        "B": N_("each step jumps past the minimum to a point *higher* up the other wall, so E grows "
                "step after step (divergence, 発散)."),
        "C": N_("gradient descent has no memory of where it started: if it converges at all, it converges "
                "to the one minimum of this bowl-shaped E."),
    },
    hint=N_("Think of a ball in a valley that you move by lr × slope: what happens when that jump is longer "
            "than the valley is wide?"),
    solution=N_('prediction_lr = "B"   # it diverges: every step overshoots further than the last (try lr = 0.6)'),
)


# --- 5.6 undo feature scaling ------------------------------------------------------------------------------
def _unscale(a_s, b_s, mean, std):
    return np.array([a_s / std, b_s - a_s * mean / std])


def _explain_unscale(args, got, want):
    a_s, b_s, mean, std = args
    if isinstance(got, Exception) or got.shape != (2,):
        return None
    g = got
    if np.isclose(g[0], a_s * std):
        return _("x_scaled = (x − mean)/std, so a_s·x_scaled = (a_s/std)·x + …: divide by std, don't multiply")
    if np.isclose(g[0], want[0]) and np.isclose(g[1], b_s):
        return _("the slope is right, but b also changes: a_s·(x − mean)/std contributes −a_s·mean/std")
    if np.isclose(g[0], want[0]) and np.isclose(g[1], b_s + a_s * mean / std):
        return _("the sign of the shift is wrong: b = b_s − a_s·mean/std")
    return None


unscale_exercise = FunctionExercise(
    N_("Exercise 5.6 (back to km/s/Mpc)"),
    [((a_s, b_s, m, s), _unscale(a_s, b_s, m, s))
     for a_s, b_s, m, s in [(287.0, 373.0, 0.911, 0.632), (2.0, 1.0, 3.0, 0.5), (-1.0, 4.0, -2.0, 2.0)]],
    tolerance=1e-6,
    explain=_explain_unscale,
    func_name="unscale",
    returns="a, b",
    hint=N_("Substitute x_scaled = (x − mean)/std into ŷ = a_s·x_scaled + b_s and collect the terms with x."),
    solution=N_("def unscale(a_s, b_s, mean, std):\n    a = a_s / std\n    b = b_s - a_s * mean / std\n    return a, b"),
)

# --- 5.7 minibatches ------------------------------------------------------------------------------------------
updates_per_epoch_exercise = ValueExercise(
    N_("Exercise 5.7 (updates per epoch)"),
    5,
    tolerance=1e-9,
    mistakes=[
        (4, N_("24 // 5 = 4 full minibatches, but the 4 points left over form a 5th, smaller minibatch.")),
        (4.8, N_("the number of updates is a whole number: 4 minibatches of 5 and one of 4.")),
        (24, N_("24 updates per epoch is online learning (M = 1); here M = 5.")),
        (120, N_("each minibatch gives *one* update, not one per point.")),
    ],
    hint=N_("One epoch uses every point once; each minibatch of up to M points gives one update."),
    solution=N_("updates = math.ceil(24 / 5)   # = 5 updates: minibatches of 5, 5, 5, 5 and 4 points"),
)


# --- 5.8 the Hubble time ------------------------------------------------------------------------------------
def _hubble_time_gyr(H0):
    return KM_PER_MPC / H0 / SECONDS_PER_YEAR / 1e9


hubble_time_exercise = FunctionExercise(
    N_("Exercise 5.8 (the Hubble time 1/H₀)"),
    [((H0,), _hubble_time_gyr(H0)) for H0 in (454.0, 70.0, 100.0)],
    tolerance=0.02,
    func_name="hubble_time_gyr",
    mistakes=[
        (lambda H0: _hubble_time_gyr(H0) * 1e9, N_("that is in years; divide by 1e9 to get billions of years (Gyr).")),
        (lambda H0: KM_PER_MPC / H0, N_("that is in seconds; divide by seconds per year (3.156e7) and by 1e9.")),
        (lambda H0: KM_PER_MPC / H0 / 1e9, N_("divide the seconds by seconds per year (3.156e7) to get years.")),
        (lambda H0: 1 / H0, N_("1/H₀ alone is in Mpc·s/km: multiply by 3.0857e19 km per Mpc to get seconds, "
                               "then convert the seconds to Gyr (the conversion 3.0857e19 km per Mpc is missing).")),
        (lambda H0: 1 / H0 / SECONDS_PER_YEAR / 1e9, N_("the conversion 3.0857e19 km per Mpc is missing.")),
        (lambda H0: KM_PER_MPC * H0 / SECONDS_PER_YEAR / 1e9,
         N_("the age is 1/H₀ (distance ÷ speed): divide by H₀, don't multiply.")),
    ],
    hint=N_("1/H₀ has units Mpc·s/km. Multiply by 3.0857e19 km/Mpc to get seconds, "
            "divide by 3.156e7 s/year and by 1e9 to get billions of years."),
    solution=N_("def hubble_time_gyr(H0):\n    seconds = 3.0857e19 / H0          # km/Mpc ÷ (km/s/Mpc) = s\n"
                "    return seconds / 3.156e7 / 1e9   # Gyr"),
)
