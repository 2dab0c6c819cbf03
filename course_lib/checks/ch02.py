"""Chapter 2 — Activation functions: 演習1 / 自習1 (ReLU with if/else), derivatives, non-linearity.

    from course_lib.checks import ch02
    ch02.exercise1.check(relu)               # 演習1: relu with if/else, tested at −3 … 3
    ch02.self_study1.check((relu(-3), relu(3)))
    ch02.sigmoid_grad_exercise.check(sigmoid_grad)
    ch02.collapse_exercise.check(collapse)
"""
from __future__ import annotations

import numpy as np

from ..activations import sigmoid
from ..i18n import N_, _
from .kinds import ChoiceExercise, FunctionExercise, ValueExercise

__all__ = [
    "exercise1", "self_study1", "sigmoid_at_zero", "predict_steep_sigmoid", "sigmoid_grad_exercise",
    "relu_grad_quiz", "collapse_exercise",
]

_XS = [-3, -2, -1, 0, 1, 2, 3]

# ---------------------------------------------------------------- 演習1 (Exercise 1) — ReLU with if/else
exercise1 = FunctionExercise(
    N_("Exercise 1 (演習1): ReLU with if/else"),
    [((x,), max(x, 0)) for x in _XS],
    func_name="my_relu",
    mistakes=[
        (lambda x: x, N_("negative inputs come out unchanged. ReLU returns 0 when x < 0.")),
        (abs, N_("that is the absolute value |x|: negative inputs become positive. ReLU returns 0 for them.")),
        (lambda x: 0, N_("every output is 0. Positive inputs must pass through unchanged: relu(3) = 3.")),
        (lambda x: 1 if x >= 0 else 0, N_("that is the step function (0 or 1). ReLU returns x itself "
                                          "for positive x: relu(3) = 3, not 1.")),
        (lambda x: 1 if x > 0 else 0, N_("that returns only 0 or 1, like the step function. ReLU returns x itself "
                                         "for positive x: relu(3) = 3, not 1.")),
        (lambda x: -max(x, 0), N_("the sign is flipped: positive inputs should stay positive.")),
    ],
    hint=N_("if x < 0: return 0   — otherwise (else:) return x."),
    solution="def my_relu(x):\n    if x < 0:\n        return 0\n    else:\n        return x",   # i18n: ignore (code only: the same in Japanese)
    success=N_("Like the lecture: relu(-2) = 0, relu(-1) = 0, relu(0) = 0, relu(1) = 1, relu(2) = 2."),
)

# ---------------------------------------------------------------- 自習1 (Self-study 1)
self_study1 = ValueExercise(
    N_("Self-study 1 (自習1): relu(−3) and relu(3)"),
    (0.0, 3.0),
    tolerance=1e-9,
    mistakes=[
        ((-3.0, 3.0), N_("relu(−3) must be 0: ReLU turns every negative input into 0.")),
        ((0.0, 0.0), N_("relu(3) must be 3: positive inputs pass through unchanged.")),
        ((3.0, 3.0), N_("relu(−3) = 3 would be the absolute value. ReLU gives 0 for negative inputs.")),
        ((0.0, 1.0), N_("relu(3) = 1 would be the step function. ReLU gives 3.")),
    ],
    hint=N_("Call your my_relu from Exercise 1 with -3 and with 3 and put both results in a tuple."),
    solution="my_values = (my_relu(-3), my_relu(3))   # = (0, 3)",
)

# ---------------------------------------------------------------- sigmoid
sigmoid_at_zero = ValueExercise(
    N_("Predict σ(0)"),
    0.5,
    tolerance=1e-6,
    mistakes=[
        (0.0, N_("0 is what step and ReLU give at z = 0. σ(0) = 1 / (1 + e⁰) = 1 / 2.")),
        (1.0, N_("e⁰ = 1, so σ(0) = 1 / (1 + 1).")),
    ],
    hint=N_("σ(z) = 1 / (1 + e^(−z)) and e^0 = 1."),
    solution=N_("my_sigma0 = 1 / (1 + np.exp(-0))   # = 1 / (1 + 1) = 0.5, exactly half-way between 0 and 1"),
)

predict_steep_sigmoid = ChoiceExercise(
    N_("Predict: sigmoid with w = 10"),
    "B",
    {
        "A": N_("the curve does not straighten: σ still runs from 0 to 1; a larger w squeezes the rise "
                "into a shorter stretch of x."),
        "B": N_("σ(10·x) rises from 0 to 1 within about ±0.5 around x = 0: it looks like the step function."),
        "C": N_("the output still depends on x; only at x = 0 is it exactly 0.5."),
    },
    hint=N_("Compare σ(10·x) at x = −0.5 and x = +0.5: σ(−5) and σ(5)."),
    solution=N_('my_prediction = "B"   # σ(−5) = 0.007 and σ(5) = 0.993: a steep step.\n'
                "                       # The step function is the limit of a steeper and steeper sigmoid."),
)


# ---------------------------------------------------------------- derivatives
def _sigmoid_grad(z):
    s = float(sigmoid(z))
    return s * (1.0 - s)


def _s(z):
    return float(sigmoid(z))


_ZS = [0.0, 2.0, -3.0]
sigmoid_grad_exercise = FunctionExercise(
    N_("The derivative of the sigmoid"),
    [((z,), _sigmoid_grad(z)) for z in _ZS],
    func_name="my_sigmoid_grad",
    tolerance=1e-6,
    mistakes=[
        (_s, N_("that is σ(z) itself. The derivative is σ(z)·(1 − σ(z)).")),
        (lambda z: 1.0 - _s(z) ** 2, N_("1 − σ² is the *tanh* pattern (tanh' = 1 − tanh²). "
                                        "For the sigmoid it is σ·(1 − σ).")),
        (lambda z: _s(z) * (1.0 + _s(z)), N_("it should be (1 − σ), not (1 + σ).")),
        (lambda z: z * (1.0 - z), N_("you applied the formula to z instead of to σ(z): first compute "
                                     "sig = sigmoid(z), then sig * (1 - sig).")),
    ],
    hint=N_("First sig = sigmoid(z), then return sig * (1 - sig). At z = 0 the answer is 0.25."),
    solution="def my_sigmoid_grad(z):\n    sig = sigmoid(z)\n    return sig * (1 - sig)",   # i18n: ignore (code only: the same in Japanese)
)

relu_grad_quiz = ValueExercise(
    N_("ReLU's slope at z = −2 and z = 3"),
    (0.0, 1.0),
    tolerance=1e-9,
    mistakes=[
        ((0.0, 3.0), N_("3 is relu(3), the value. The slope of the line a = z is 1.")),
        ((-2.0, 3.0), N_("those are the inputs. The slope is 0 where ReLU is flat and 1 where it is a = z.")),
        ((1.0, 1.0), N_("left of 0 ReLU is flat (always 0): its slope there is 0.")),
    ],
    hint=N_("Left of 0, ReLU is the flat line a = 0; right of 0 it is the line a = z."),
    solution=N_("my_slopes = (0, 1)   # slope 0 on the flat part, 1 on the line a = z\n"
                "                     # (at exactly z = 0 we use 0, a subgradient)"),
)


# ---------------------------------------------------------------- two linear layers collapse
def _collapse(W1, b1, W2, b2):
    """(X W1 + b1) W2 + b2 = X (W1 W2) + (b1 W2 + b2)."""
    return W1 @ W2, b1 @ W2 + b2


def _explain_collapse(args, got, want):
    W1, b1, W2, b2 = args
    if isinstance(got, Exception):
        text = str(got)
        if "broadcast" in text:
            return _("b1 has one entry per hidden neuron and b2 one per output, so they cannot be added "
                     "directly: b1 first passes through the second layer (b1 @ W2).")
        if any(k in text for k in ("matmul", "aligned", "shapes")):
            return _("W2 @ W1 does not fit; the first layer comes first: W1 @ W2.")
        return None
    W, b = got
    W_ok, b_ok = want
    if W.shape == (W2.shape[0], W1.shape[1]) != W_ok.shape:
        return _("did you compute W2 @ W1? The first layer comes first: W1 @ W2")
    if W.shape != W_ok.shape:
        return (_("the single layer maps {inputs} inputs to {outputs} outputs, so W must be {rows} × {columns}")
                .format(inputs=W1.shape[0], outputs=W2.shape[1], rows=W_ok.shape[0], columns=W_ok.shape[1]))
    if not np.allclose(W, W_ok):
        return _("W is not right: the inputs are multiplied by W1 and then by W2, so W = W1 @ W2")
    if b.shape == b_ok.shape and np.allclose(b, b2):
        return _("b1 is missing: the first layer's bias is multiplied by W2 and added too (b = b1 @ W2 + b2)")
    return (_("W is right, b is not (shape {got}, expected {want}). Expand (X W1 + b1) W2 + b2 and collect the "
              "terms without X").format(got=b.shape, want=b_ok.shape))


_rng = np.random.default_rng(2)
_COLLAPSE_CASES = []
for _n_in, _n_hid, _n_out in [(2, 3, 2), (3, 4, 1)]:      # two layer shapes: a W of the wrong shape is caught
    _args = (_rng.integers(-3, 4, (_n_in, _n_hid)).astype(float), _rng.integers(-3, 4, _n_hid).astype(float),
             _rng.integers(-3, 4, (_n_hid, _n_out)).astype(float), _rng.integers(-3, 4, _n_out).astype(float))
    _COLLAPSE_CASES.append((_args, _collapse(*_args)))

collapse_exercise = FunctionExercise(
    N_("Two linear layers collapse into one"),
    _COLLAPSE_CASES,
    func_name="collapse",
    returns="W, b",
    mistakes=[
        (lambda W1, b1, W2, b2: (W1 @ W2, b1 + b2),
         N_("b = b1 + b2 forgets that b1 first passes through the second layer: it is multiplied by W2. "
            "b = b1 @ W2 + b2.")),
    ],
    explain=_explain_collapse,
    hint=N_("Expand (X @ W1 + b1) @ W2 + b2 = X @ (W1 @ W2) + (b1 @ W2 + b2)."),
    solution=N_("def collapse(W1, b1, W2, b2):\n    W = W1 @ W2\n    b = b1 @ W2 + b2\n    return W, b"),
    success=N_("Two linear layers are one linear layer: W = W1 W2, b = b1 W2 + b2. "
               "Without a non-linear activation, depth adds nothing."),
)
