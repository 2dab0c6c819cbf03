"""Exercises for chapter 4, backpropagation (誤差逆伝播法).

    from course_lib.checks import ch04
    ch04.errors_exercise.check(errors)

Each exercise object has ``check(answer)``, ``hint()`` and ``solution()`` (and, silent, ``is_correct``/``grade``).
"""
from __future__ import annotations

import numpy as np

from ..activations import sigmoid, sigmoid_grad
from ..i18n import N_, _
from .kinds import FunctionExercise, OrderExercise, ValueExercise

__all__ = [
    "lecture_errors_exercise", "errors_exercise", "quiz_weight_exercise", "quiz_table_exercise",
    "squared_error_exercise", "chain_rule_exercise",
    "output_gradient_exercise", "hidden_delta_exercise", "algorithm_order_exercise",
]
# Initialisation, optimisers and regularisation (the old Exercises 4.8–4.10) are in chapter 7 (ch07).


# --- warm-up and 4.1: target vs activation -------------------------------------------------------------------
# The first example of the lecture 「ニューラルネットワークとディープラーニング入門」 (000/002, 5-5):
# two outputs, activations 0.24 (should be 0) and 0.83 (should be 1); the slide prints the errors 0.24 and −0.17.
lecture_errors_exercise = ValueExercise(
    N_("Warm-up (the errors of the outputs 0.24 and 0.83)"),
    (0.24, -0.17),
    tolerance=5e-4,
    mistakes=[
        ((-0.24, 0.17),
         N_("the signs are flipped. Here error = activation − target: positive means 'too high, push down'.")),
        ((0.24, 0.83),
         N_("these are the activations themselves; subtract the targets (0, 1) first.")),
        ((0.24, 0.17),
         N_("the second output 0.83 is *below* its target 1, so its error must be negative (it has to be pushed up).")),
        ((0.76, -0.17),
         N_("the first output should be 0, so its error is 0.24 − 0 = 0.24 (not 1 − 0.24).")),
    ],
    hint=N_("The targets are (0, 1). Compute activation − target for each of the two outputs."),
    solution="activation = np.array([0.24, 0.83])\ntarget = np.array([0.0, 1.0])\n"
             "lecture_errors = activation - target   # (0.24, -0.17)",
)

errors_exercise = ValueExercise(
    N_("Exercise 4.1 (error of each output)"),
    (0.0068, 0.1592, -0.1660),
    tolerance=5e-5,
    mistakes=[
        ((0.0068, 0.1592, -0.1760),
         N_("that is what the slide prints, but 0.8340 − 1 = −0.1660; the slide has a typo. Trust the arithmetic.")),
        ((-0.0068, -0.1592, 0.1660),
         N_("the signs are flipped. Here error = activation − target: positive means 'too high, push down'.")),
        ((0.0068, 0.1592, 0.8340),
         N_("these are the activations themselves; subtract the targets (0, 0, 1) first.")),
        ((0.0068, 0.1592, 0.1660),
         N_("output 2 is *below* its target 1, so its error must be negative (it has to be pushed up).")),
    ],
    hint=N_("The correct answer is 2, so the targets are t = (0, 0, 1). Compute activation − target for each output."),
    solution="activation = np.array([0.0068, 0.1592, 0.8340])\ntarget = np.array([0.0, 0.0, 1.0])\n"
             "errors = activation - target   # (0.0068, 0.1592, -0.1660)",
)

# --- 4.2 the A/B/C weight quiz ------------------------------------------------------------------
# The quiz's neuron C fires (outputs 1) when its input sum z is 0 or more: step(0) = 1 (course_lib.activations).
quiz_weight_exercise = ValueExercise(
    N_("Exercise 4.2 (the A/B/C weight quiz)"),
    -6.0,
    tolerance=1e-6,
    mistakes=[
        (-2.0, N_("with −2, C's sum z = 12 − 2·B stays ≥ 0 until B = 6, not 2.")),
        (6.0, N_("a positive weight makes C *more* active when B grows; B must push C's sum down.")),
        (-4.0, N_("with −4, C's sum z = 12 − 4·B is ≥ 0 up to B = 3, not 2.")),
        (-12.0, N_("with −12, C's sum z = 12 − 12·B is already negative at B = 1.5; the boundary is at B = 1.")),
    ],
    hint=N_("C's sum is z = 4·3 + w·B = 12 + w·B, and C fires while z ≥ 0. Which w makes z exactly 0 when B = 2?"),
    solution=N_("new_weight = -12 / 2   # 12 + w·2 = 0  →  w = −6: change the weight from −2 to −6"),
)

quiz_table_exercise = ValueExercise(
    N_("Exercise 4.3 (the table n(3, 0…8) with weight −6)"),
    [12, 6, 0, 0, 0, 0, 0, 0, 0],
    tolerance=1e-9,
    mistakes=[
        ([12, 10, 8, 6, 4, 2, 0, 0, 0], N_("this is still the table for weight −2; change −2 to −6 in n.")),
        ([12, 6, 0, -6, -12, -18, -24, -30, -36], N_("these are the sums z before ReLU; n applies relu(z).")),
        ([12, 18, 24, 30, 36, 42, 48, 54, 60], N_("the sign of the weight is lost: it must be −6, not +6.")),
        ([1, 1, 1, 0, 0, 0, 0, 0, 0], N_("these are the step neuron's outputs step(z); the lecture's program n "
                                         "returns relu(z), the sum itself when it is positive.")),
    ],
    hint=N_("Edit n so that z = 4 * x1 + -6 * x2, then compute [n(3, x2) for x2 in range(9)]."),
    solution=N_("def n(x1, x2):\n    z = 4 * x1 + -6 * x2\n    return relu(z)\n\n"
                "table = [n(3, x2) for x2 in range(9)]   # [12, 6, 0, 0, 0, 0, 0, 0, 0]"),
)


# --- 4.4 squared error ------------------------------------------------------------------------------
def _e(t, a):
    d = np.asarray(a, float) - np.asarray(t, float)
    return 0.5 * float(np.sum(d * d))


_SE_CASES = [
    ((np.array([1.0, 0.0]), np.array([0.8, 0.3])), _e([1, 0], [0.8, 0.3])),              # 0.065
    ((np.array([0.0, 1.0]), np.array([0.5, 0.5])), _e([0, 1], [0.5, 0.5])),              # 0.25
    ((np.array([0.0, 0.0]), np.array([0.2, -0.4])), _e([0, 0], [0.2, -0.4])),            # 0.1
    ((np.array([0.0, 0.0, 1.0]), np.array([0.0068, 0.1592, 0.8340])),
     _e([0, 0, 1], [0.0068, 0.1592, 0.8340])),                                           # 0.02647…
]

squared_error_exercise = FunctionExercise(
    N_("Exercise 4.4 (squared error e)"),
    _SE_CASES,
    tolerance=1e-9,
    func_name="squared_error",
    mistakes=[
        (lambda t, a: np.sum((a - t) ** 2),
         N_("that is twice the right value: the lecture's e has a factor ½ in front of the sum.")),
        (lambda t, a: np.mean((a - t) ** 2),
         N_("that is the mean over the outputs; e is ½ × the sum (the same only when there are 2 outputs).")),
        (lambda t, a: 0.5 * np.sum(np.abs(a - t)), N_("the differences (a − t) must be squared before they are added.")),
        (lambda t, a: 0.5 * np.sum(a - t), N_("the differences (a − t) must be squared before they are added.")),
        (lambda t, a: 0.5 * np.sum(a - t) ** 2,
         N_("square each difference first, then add: ½[(a1 − t1)² + (a2 − t2)²], not ½(Σ(a − t))².")),
        (lambda t, a: ((a[0] - t[0]) ** 2 + (a[1] - t[1]) ** 2) / 2,
         N_("only the first two outputs are counted; add the squares of *all* differences: "
            "0.5 * np.sum((a - t) ** 2).")),
    ],
    hint=N_("e = ((a1 − t1)² + (a2 − t2)²) / 2; with arrays: 0.5 * np.sum((a - t) ** 2) works for any number of outputs."),
    solution=N_("def squared_error(t, a):\n    return 0.5 * np.sum((a - t) ** 2)"),
)


# --- 4.5 the chain rule with one neuron -------------------------------------------------------------
# z = w·x + b, a = σ(z), e = ½(a − t)²:  de/dw = (a − t)·σ'(z)·x,  de/db = (a − t)·σ'(z)·1.
_CR_X, _CR_W, _CR_B, _CR_T = 3.0, -0.5, 1.0, 1.0            # z = −1.5 + 1 = −0.5, a = σ(−0.5) ≈ 0.3775


def _chain_rule_parts(x=_CR_X, w=_CR_W, b=_CR_B, t=_CR_T):
    """The three links of the chain for one sigmoid neuron: (a − t, σ'(z), a)."""
    z = w * x + b
    a = float(sigmoid(z))
    return a - t, float(sigmoid_grad(z)), a


_de_da, _da_dz, _a = _chain_rule_parts()
_delta = _de_da * _da_dz                                     # δ = de/dz ≈ −0.1463

chain_rule_exercise = ValueExercise(
    N_("Exercise 4.5 (the chain rule with one neuron)"),
    (_delta * _CR_X, _delta),                                # (de/dw, de/db) ≈ (−0.4388, −0.1463)
    tolerance=5e-4,
    mistakes=[
        ((_de_da * _CR_X, _de_da),
         N_("the middle link σ'(z) = sigmoid_grad(z) is missing (how much a moves when z moves).")),
        ((-_delta * _CR_X, -_delta),
         N_("the sign is flipped: de/da = a − t (a is below its target 1, so both slopes are negative).")),
        ((_delta, _delta),
         N_("de/dw needs the last link dz/dw = x: multiply δ = (a − t)·σ'(z) by x = 3.")),
        ((_delta * _CR_X, _delta * _CR_X),
         N_("de/db has no factor x: z = w·x + b changes by exactly 1 when b does (dz/db = 1).")),
        ((_de_da * _a * _CR_X, _de_da * _a),
         N_("you used σ(z) = sigmoid(z) where the chain rule needs its derivative σ'(z) = sigmoid_grad(z).")),
        ((_delta, _delta * _CR_X),
         N_("the two slopes are swapped: the answer is the tuple (de/dw, de/db), de/dw first.")),
    ],
    hint=N_("First z = w·x + b and a = σ(z). Then de/dw = (a − t)·σ'(z)·x and de/db = (a − t)·σ'(z)·1 "
            "(use sigmoid and sigmoid_grad)."),
    solution=N_("x, w, b, t = 3.0, -0.5, 1.0, 1.0\nz = w * x + b                          # −0.5\n"
                "a = sigmoid(z)                         # 0.3775\n"
                "delta = (a - t) * sigmoid_grad(z)      # de/dz = (a − t)·σ'(z) = −0.1463\n"
                "slopes = (delta * x, delta)            # (de/dw, de/db) = (−0.4388, −0.1463)"),
)


# --- 4.6 output-layer gradient ----------------------------------------------------------------------
def _output_grad(a_H, z_O, a_O, t):
    return np.outer(a_H, (a_O - t) * sigmoid_grad(z_O))


def _explain_output_grad(args, got, want):
    if not isinstance(got, Exception) and got.shape == want.T.shape != want.shape:
        return _("the shape is {shape} but must be {expected}: row k belongs to a_H[k], column j to "
                 "output j (np.outer(a_H, …), not np.outer(…, a_H))").format(shape=got.shape, expected=want.shape)
    return None


_rng = np.random.default_rng(404)
_OG_CASES = []
for _case in range(3):
    _aH = _rng.uniform(0, 1, 3)
    _zO = _rng.normal(0, 1.5, 2)
    _aO = sigmoid(_zO)
    _t = np.array([1.0, 0.0]) if _rng.random() < 0.5 else np.array([0.0, 1.0])
    _OG_CASES.append(((_aH, _zO, _aO, _t), _output_grad(_aH, _zO, _aO, _t)))

output_gradient_exercise = FunctionExercise(
    N_("Exercise 4.6 (output-layer gradient ∂e/∂w_kj)"),
    _OG_CASES,
    tolerance=1e-9,
    explain=_explain_output_grad,
    func_name="output_gradient",
    mistakes=[
        (lambda a_H, z_O, a_O, t: np.outer(a_H, a_O - t),
         N_("the factor f'(z_j) = sigmoid_grad(z_O) is missing (the middle link of the chain ∂a_j/∂z_j).")),
        (lambda a_H, z_O, a_O, t: -_output_grad(a_H, z_O, a_O, t),
         N_("the sign is flipped: ∂e/∂a_j = a_j − t_j (not t_j − a_j).")),
        (lambda a_H, z_O, a_O, t: np.outer(a_H, (a_O - t) * sigmoid(z_O)),
         N_("you used f(z) = sigmoid(z_O) where the chain rule needs its derivative f'(z) = sigmoid_grad(z_O).")),
        (lambda a_H, z_O, a_O, t: np.outer(np.ones_like(a_H), (a_O - t) * sigmoid_grad(z_O)),
         N_("each row must still be multiplied by its a_H[k] (the last link ∂z_j/∂w_kj = a^H_k).")),
    ],
    hint=N_("∂e/∂w_kj = (a_j − t_j)·f'(z_j)·a^H_k. Compute delta_O = (a_O - t) * sigmoid_grad(z_O) for both "
            "outputs, then np.outer(a_H, delta_O) puts a_H[k] in row k."),
    solution=N_("def output_gradient(a_H, z_O, a_O, t):\n    delta_O = (a_O - t) * sigmoid_grad(z_O)   # (2,)\n"
                "    return np.outer(a_H, delta_O)             # (3, 2): row k = a_H[k] · delta_O"),
)


# --- 4.7 hidden-layer delta ------------------------------------------------------------------------
def _hidden_delta(delta_O, W_O, z_H):
    return (W_O @ delta_O) * sigmoid_grad(z_H)


_HD_CASES = []
for _case in range(3):
    _dO = _rng.normal(0, 0.2, 2)
    _WO = _rng.normal(0, 1, (3, 2))
    _zH = _rng.normal(0, 1.5, 3)
    _HD_CASES.append(((_dO, _WO, _zH), _hidden_delta(_dO, _WO, _zH)))

hidden_delta_exercise = FunctionExercise(
    N_("Exercise 4.7 (hidden-layer delta)"),
    _HD_CASES,
    tolerance=1e-9,
    func_name="hidden_delta",
    mistakes=[
        (lambda delta_O, W_O, z_H: W_O @ delta_O,
         N_("the factor f'(z^H_i) = sigmoid_grad(z_H) is missing (how much a^H_i moves when z^H_i moves).")),
        (lambda delta_O, W_O, z_H: (W_O @ delta_O) * sigmoid(z_H),
         N_("you used f(z_H) = sigmoid(z_H) where the chain rule needs f'(z_H) = sigmoid_grad(z_H).")),
        (lambda delta_O, W_O, z_H: W_O[:, 0] * delta_O[0] * sigmoid_grad(z_H),
         N_("only output 1 is counted; a^H_i feeds *both* outputs, so add δ_1·w_i1 + δ_2·w_i2.")),
        (lambda delta_O, W_O, z_H: -_hidden_delta(delta_O, W_O, z_H),
         N_("the sign is flipped; delta_O already holds (a_j − t_j)·f'(z_j), use it as it is.")),
    ],
    hint=N_("For hidden neuron i: [Σ_j delta_O[j]·W_O[i, j]] · f'(z_H[i]). The sum over j for all i at once is "
            "W_O @ delta_O."),
    solution=N_("def hidden_delta(delta_O, W_O, z_H):\n    return (W_O @ delta_O) * sigmoid_grad(z_H)   # (3,)"),
)


# --- 4.8 the five steps -------------------------------------------------------------------------------
algorithm_order_exercise = OrderExercise(
    N_("Exercise 4.8 (the 5-step algorithm)"),
    "CBEDA",
    mistakes={
        "CBDEA": N_("you can only test E < ε after you have computed E from the outputs."),
        "CBEAD": N_("the update uses Δw, so backpropagation (D) must come before the update (A)."),
        "BCEDA": N_("the network needs initial parameters w0 (C) before it can compute any output (B)."),
        "CEBDA": N_("E is computed from the outputs, so the outputs (B) come first."),
    },
    hint=N_("Ask of each step what it needs: the outputs need parameters, E needs outputs, Δw needs E, "
            "the update needs Δw."),
    solution=N_('order = "CBEDA"   # C → B → E → D → A, then back to B: initialise; outputs; total error E;\n'
                "                  # stop if E < ε, else backprop Δw; update w ← w + ηΔw"),
)
