"""Exercises for chapter 4, backpropagation (誤差逆伝播法).

    from course_lib.checks import ch04
    ch04.errors_exercise.check(errors)

Each exercise object has ``check(answer)``, ``hint()`` and ``solution()`` (and, silent, ``is_correct``/``grade``).
"""
from __future__ import annotations

import numpy as np

from ..activations import sigmoid, sigmoid_grad
from .kinds import ChoiceExercise, FunctionExercise, OrderExercise, ValueExercise

__all__ = [
    "lecture_errors_exercise", "errors_exercise", "quiz_weight_exercise", "quiz_table_exercise",
    "squared_error_exercise",
    "output_gradient_exercise", "hidden_delta_exercise", "algorithm_order_exercise",
    "he_std_exercise", "momentum_exercise", "overfitting_exercise",
]


# --- 4.1 target vs activation -------------------------------------------------------------------
# The first example of the lecture 「ニューラルネットワークとディープラーニング入門」 (000/002, 5-5):
# two outputs, activations 0.24 (should be 0) and 0.83 (should be 1); the slide prints the errors 0.24 and −0.17.
lecture_errors_exercise = ValueExercise(
    "Warm-up (the errors of the outputs 0.24 and 0.83)",
    (0.24, -0.17),
    tolerance=5e-4,
    mistakes=[
        ((-0.24, 0.17),
         "the signs are flipped. Here error = activation − target: positive means 'too high, push down'."),
        ((0.24, 0.83),
         "these are the activations themselves; subtract the targets (0, 1) first."),
        ((0.24, 0.17),
         "the second output 0.83 is *below* its target 1, so its error must be negative (it has to be pushed up)."),
        ((0.76, -0.17),
         "the first output should be 0, so its error is 0.24 − 0 = 0.24 (not 1 − 0.24)."),
    ],
    hint="The targets are (0, 1). Compute activation − target for each of the two outputs.",
    solution="activation = np.array([0.24, 0.83])\ntarget = np.array([0.0, 1.0])\n"
             "lecture_errors = activation - target   # (0.24, -0.17)",
)

errors_exercise = ValueExercise(
    "Exercise 4.1 (error of each output)",
    (0.0068, 0.1592, -0.1660),
    tolerance=5e-5,
    mistakes=[
        ((0.0068, 0.1592, -0.1760),
         "that is what the slide prints, but 0.8340 − 1 = −0.1660; the slide has a typo. Trust the arithmetic."),
        ((-0.0068, -0.1592, 0.1660),
         "the signs are flipped. Here error = activation − target: positive means 'too high, push down'."),
        ((0.0068, 0.1592, 0.8340),
         "these are the activations themselves; subtract the targets (0, 0, 1) first."),
        ((0.0068, 0.1592, 0.1660),
         "output 2 is *below* its target 1, so its error must be negative (it has to be pushed up)."),
    ],
    hint="The correct answer is 2, so the targets are t = (0, 0, 1). Compute activation − target for each output.",
    solution="activation = np.array([0.0068, 0.1592, 0.8340])\ntarget = np.array([0.0, 0.0, 1.0])\n"
             "errors = activation - target   # (0.0068, 0.1592, -0.1660)",
)

# --- 4.2 the A/B/C weight quiz ------------------------------------------------------------------
quiz_weight_exercise = ValueExercise(
    "Exercise 4.2 (the A/B/C weight quiz)",
    -6.0,
    tolerance=1e-6,
    mistakes=[
        (-2.0, "with −2, C's sum is 12 − 2·B, which stays ≥ 0 until B = 6, not 2."),
        (6.0, "a positive weight makes C *more* active when B grows; B must push C's sum down."),
        (-4.0, "with −4, C's sum 12 − 4·B is ≥ 0 up to B = 3, not 2."),
        (-12.0, "with −12, C's sum 12 − 12·B is already negative at B = 1.5; the boundary is at B = 1."),
    ],
    hint="C's sum is 4·3 + w·B = 12 + w·B. Which w makes it exactly 0 when B = 2?",
    solution="new_weight = -12 / 2   # 12 + w·2 = 0  →  w = −6: change the weight from −2 to −6",
)

quiz_table_exercise = ValueExercise(
    "Exercise 4.3 (the table n(3, 0…8) with weight −6)",
    [12, 6, 0, 0, 0, 0, 0, 0, 0],
    tolerance=1e-9,
    mistakes=[
        ([12, 10, 8, 6, 4, 2, 0, 0, 0], "this is still the table for weight −2; change −2 to −6 in n."),
        ([12, 6, 0, -6, -12, -18, -24, -30, -36], "these are the sums before ReLU; n applies relu(s)."),
        ([12, 18, 24, 30, 36, 42, 48, 54, 60], "the sign of the weight is lost: it must be −6, not +6."),
    ],
    hint="Edit n so that s = 4 * x1 + -6 * x2, then compute [n(3, x2) for x2 in range(9)].",
    solution="def n(x1, x2):\n    s = 4 * x1 + -6 * x2\n    return relu(s)\n\n"
             "table = [n(3, x2) for x2 in range(9)]   # [12, 6, 0, 0, 0, 0, 0, 0, 0]",
)


# --- 4.4 squared error ------------------------------------------------------------------------------
def _e(t, z):
    d = np.asarray(t, float) - np.asarray(z, float)
    return 0.5 * float(np.sum(d * d))


_SE_CASES = [
    ((np.array([1.0, 0.0]), np.array([0.8, 0.3])), _e([1, 0], [0.8, 0.3])),              # 0.065
    ((np.array([0.0, 1.0]), np.array([0.5, 0.5])), _e([0, 1], [0.5, 0.5])),              # 0.25
    ((np.array([0.0, 0.0]), np.array([0.2, -0.4])), _e([0, 0], [0.2, -0.4])),            # 0.1
    ((np.array([0.0, 0.0, 1.0]), np.array([0.0068, 0.1592, 0.8340])),
     _e([0, 0, 1], [0.0068, 0.1592, 0.8340])),                                           # 0.02647…
]

squared_error_exercise = FunctionExercise(
    "Exercise 4.4 (squared error e)",
    _SE_CASES,
    tolerance=1e-9,
    func_name="squared_error",
    mistakes=[
        (lambda t, z: np.sum((t - z) ** 2),
         "that is twice the right value: the lecture's e has a factor ½ in front of the sum."),
        (lambda t, z: np.mean((t - z) ** 2),
         "that is the mean over the outputs; e is ½ × the sum (the same only when there are 2 outputs)."),
        (lambda t, z: 0.5 * np.sum(np.abs(t - z)), "the differences (t − z) must be squared before they are added."),
        (lambda t, z: 0.5 * np.sum(t - z), "the differences (t − z) must be squared before they are added."),
        (lambda t, z: 0.5 * np.sum(t - z) ** 2,
         "square each difference first, then add: ½[(t1 − z1)² + (t2 − z2)²], not ½(Σ(t − z))²."),
        (lambda t, z: ((t[0] - z[0]) ** 2 + (t[1] - z[1]) ** 2) / 2,
         "only the first two outputs are counted; add the squares of *all* differences: "
         "0.5 * np.sum((t - z) ** 2)."),
    ],
    hint="e = ((t1 − z1)² + (t2 − z2)²) / 2; with arrays: 0.5 * np.sum((t - z) ** 2) works for any number of outputs.",
    solution="def squared_error(t, z):\n    return 0.5 * np.sum((t - z) ** 2)",
)


# --- 4.5 output-layer gradient ----------------------------------------------------------------------
def _output_grad(h, s, z, t):
    return np.outer(h, (z - t) * sigmoid_grad(s))


def _explain_output_grad(args, got, want):
    if not isinstance(got, Exception) and got.shape == want.T.shape != want.shape:
        return (f"the shape is {got.shape} but must be {want.shape}: row k belongs to h_k, column j to z_j "
                "(np.outer(h, …), not np.outer(…, h))")
    return None


_rng = np.random.default_rng(404)
_OG_CASES = []
for _ in range(3):
    _h = _rng.uniform(0, 1, 3)
    _s = _rng.normal(0, 1.5, 2)
    _z = sigmoid(_s)
    _t = np.array([1.0, 0.0]) if _rng.random() < 0.5 else np.array([0.0, 1.0])
    _OG_CASES.append(((_h, _s, _z, _t), _output_grad(_h, _s, _z, _t)))

output_gradient_exercise = FunctionExercise(
    "Exercise 4.5 (output-layer gradient ∂e/∂w_kj)",
    _OG_CASES,
    tolerance=1e-9,
    explain=_explain_output_grad,
    func_name="output_gradient",
    mistakes=[
        (lambda h, s, z, t: np.outer(h, z - t),
         "the factor a'(s_j) = sigmoid_grad(s_j) is missing (the middle link of the chain ∂z_j/∂s_j)."),
        (lambda h, s, z, t: -_output_grad(h, s, z, t),
         "the sign is flipped: ∂e/∂z_j = z_j − t_j (not t_j − z_j)."),
        (lambda h, s, z, t: np.outer(h, (z - t) * sigmoid(s)),
         "you used a(s) = sigmoid(s) where the chain rule needs its derivative a'(s) = sigmoid_grad(s)."),
        (lambda h, s, z, t: np.outer(np.ones_like(h), (z - t) * sigmoid_grad(s)),
         "each row must still be multiplied by its h_k (the last link ∂s_j/∂w_kj = h_k)."),
    ],
    hint="∂e/∂w_kj = (z_j − t_j)·a'(s_j)·h_k. Compute the vector (z − t) * sigmoid_grad(s) for both outputs, "
         "then np.outer(h, that) puts h_k in row k.",
    solution="def output_gradient(h, s, z, t):\n    delta = (z - t) * sigmoid_grad(s)   # (2,)\n"
             "    return np.outer(h, delta)           # (3, 2): row k = h_k · delta",
)


# --- 4.6 hidden-layer delta ------------------------------------------------------------------------
def _hidden_delta(delta_O, W_O, s_H):
    return (W_O @ delta_O) * sigmoid_grad(s_H)


_HD_CASES = []
for _ in range(3):
    _dO = _rng.normal(0, 0.2, 2)
    _WO = _rng.normal(0, 1, (3, 2))
    _sH = _rng.normal(0, 1.5, 3)
    _HD_CASES.append(((_dO, _WO, _sH), _hidden_delta(_dO, _WO, _sH)))

hidden_delta_exercise = FunctionExercise(
    "Exercise 4.6 (hidden-layer delta)",
    _HD_CASES,
    tolerance=1e-9,
    func_name="hidden_delta",
    mistakes=[
        (lambda delta_O, W_O, s_H: W_O @ delta_O,
         "the factor a'(s_i^H) = sigmoid_grad(s_H) is missing (how much h_i moves when s_i^H moves)."),
        (lambda delta_O, W_O, s_H: (W_O @ delta_O) * sigmoid(s_H),
         "you used a(s_H) = sigmoid(s_H) where the chain rule needs a'(s_H) = sigmoid_grad(s_H)."),
        (lambda delta_O, W_O, s_H: W_O[:, 0] * delta_O[0] * sigmoid_grad(s_H),
         "only output z1 is counted; h_i feeds *both* outputs, so add (z1 − t1)a'(s1)w_i1 + (z2 − t2)a'(s2)w_i2."),
        (lambda delta_O, W_O, s_H: -_hidden_delta(delta_O, W_O, s_H),
         "the sign is flipped; delta_O already holds (z_j − t_j)·a'(s_j), use it as it is."),
    ],
    hint="For hidden neuron i: [Σ_j delta_O[j]·W_O[i, j]] · a'(s_H[i]). The sum over j for all i at once is W_O @ delta_O.",
    solution="def hidden_delta(delta_O, W_O, s_H):\n    return (W_O @ delta_O) * sigmoid_grad(s_H)   # (3,)",
)


# --- 4.7 the five steps -------------------------------------------------------------------------------
algorithm_order_exercise = OrderExercise(
    "Exercise 4.7 (the 5-step algorithm)",
    "CBEDA",
    mistakes={
        "CBDEA": "you can only test E < ε after you have computed E from the outputs.",
        "CBEAD": "the update uses Δw, so backpropagation (D) must come before the update (A).",
        "BCEDA": "the network needs initial parameters w0 (C) before it can compute any output (B).",
        "CEBDA": "E is computed from the outputs, so the outputs (B) come first.",
    },
    hint="Ask of each step what it needs: the outputs need parameters, E needs outputs, Δw needs E, "
         "the update needs Δw.",
    solution='order = "CBEDA"   # C → B → E → D → A, then back to B: initialise; outputs; total error E;\n'
             "                  # stop if E < ε, else backprop Δw; update w ← w + ηΔw",
)

# --- 4.8 initialisation -------------------------------------------------------------------------------
he_std_exercise = ValueExercise(
    "Exercise 4.8 (He initialisation)",
    0.2,
    tolerance=1e-3,
    mistakes=[
        (np.sqrt(1 / 50), "0.1414 = √(1/50) is Xavier's standard deviation (for sigmoid/tanh). He uses √(2/n)."),
        (2 / 50, "0.04 = 2/50 is the *variance*; the standard deviation is its square root."),
        (1 / 50, "0.02 = 1/50 is Xavier's variance; He's std is √(2/50)."),
    ],
    hint="He: std = √(2 / n_in), where n_in is the number of inputs of the layer.",
    solution="he_std = np.sqrt(2 / 50)   # 0.2",
)

# --- 4.9 one momentum step -----------------------------------------------------------------------------
momentum_exercise = ValueExercise(
    "Exercise 4.9 (one Momentum step)",
    1.25,
    tolerance=1e-6,
    mistakes=[
        (0.8, "that is a plain SGD step w − η·g; Momentum also carries the old velocity v."),
        (1.65, "the gradient must be *subtracted*: v ← 0.9·0.5 − 0.1·2 = 0.25."),
        (1.3, "the old velocity is first multiplied by μ = 0.9: v ← 0.9·0.5 − 0.1·2."),
        (1.5, "you moved w with the old velocity; update v first, then w ← w + v (new v)."),
    ],
    hint="First v ← μ·v − η·g with μ = 0.9, η = 0.1, g = 2.0, v = 0.5. Then w ← w + v.",
    solution="v = 0.9 * 0.5 - 0.1 * 2.0   # 0.25\nw_new = 1.0 + v             # 1.25",
)

# --- 4.10 overfitting ------------------------------------------------------------------------------------
overfitting_exercise = ChoiceExercise(
    "Exercise 4.10 (reading the two errors)",
    "A",
    {
        "A": "the network memorised its training points, noise included: overfitting (過学習). "
             "Weight decay, dropout or more data help.",
        "B": "a too large learning rate makes the *training* error jump or blow up; here it is tiny.",
        "C": "underfitting means the training error itself stays high; here it is almost 0.",
        "D": "more epochs would push the training error even lower and usually widen the gap.",
    },
    hint="Compare the two numbers: which one is small, which is large, and what does the gap mean?",
    solution='answer = "A"   # overfitting: tiny training error, large validation error',
)
