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
from . import ChoiceExercise, Exercise, FunctionExercise, ValueExercise, fmt

__all__ = [
    "exercise1", "self_study1", "sigmoid_at_zero", "predict_steep_sigmoid", "sigmoid_grad_exercise",
    "relu_grad_quiz", "collapse_exercise", "CollapseExercise",
]

_XS = [-3, -2, -1, 0, 1, 2, 3]

# ---------------------------------------------------------------- 演習1 (Exercise 1) — ReLU with if/else
exercise1 = FunctionExercise(
    "Exercise 1 (演習1): ReLU with if/else",
    [((x,), max(x, 0)) for x in _XS],
    func_name="relu",
    mistakes=[
        (_XS, "negative inputs come out unchanged. ReLU returns 0 when x < 0."),
        ([abs(x) for x in _XS], "that is the absolute value |x|: negative inputs become positive. "
                                "ReLU returns 0 for them."),
        ([0] * 7, "every output is 0. Positive inputs must pass through unchanged: relu(3) = 3."),
        ([1 if x > 0 else 0 for x in _XS], "that is the step function (0 or 1). ReLU returns x itself "
                                          "for positive x: relu(3) = 3, not 1."),
        ([-max(x, 0) for x in _XS], "the sign is flipped: positive inputs should stay positive."),
    ],
    hint="if x < 0: return 0   — otherwise (else:) return x.",
    solution="def relu(x):\n    if x < 0:\n        return 0\n    else:\n        return x",
    success="Like the seed: relu(-2) = 0, relu(-1) = 0, relu(0) = 0, relu(1) = 1, relu(2) = 2.",
)

# ---------------------------------------------------------------- 自習1 (Self-study 1)
self_study1 = ValueExercise(
    "Self-study 1 (自習1): relu(−3) and relu(3)",
    (0.0, 3.0),
    tolerance=1e-9,
    wrong_answers=[
        ((-3.0, 3.0), "relu(−3) must be 0: ReLU turns every negative input into 0."),
        ((0.0, 0.0), "relu(3) must be 3: positive inputs pass through unchanged."),
        ((3.0, 3.0), "relu(−3) = 3 would be the absolute value. ReLU gives 0 for negative inputs."),
        ((0.0, 1.0), "relu(3) = 1 would be the step function. ReLU gives 3."),
    ],
    hint="Call your relu from Exercise 1 with -3 and with 3 and put both results in a tuple.",
    solution="(relu(-3), relu(3)) = (0, 3)",
)

# ---------------------------------------------------------------- sigmoid
sigmoid_at_zero = ValueExercise(
    "Predict σ(0)",
    0.5,
    tolerance=1e-6,
    wrong_answers=[
        (0.0, "0 is what step and ReLU give at z = 0. σ(0) = 1 / (1 + e⁰) = 1 / 2."),
        (1.0, "e⁰ = 1, so σ(0) = 1 / (1 + 1)."),
    ],
    hint="σ(z) = 1 / (1 + e^(−z)) and e^0 = 1.",
    solution="σ(0) = 1 / (1 + 1) = 0.5 — exactly half-way between 0 and 1.",
)

predict_steep_sigmoid = ChoiceExercise(
    "Predict: sigmoid with w = 10",
    "B",
    {
        "A": "the curve does not straighten: σ still runs from 0 to 1; a larger w squeezes the rise "
             "into a shorter stretch of x.",
        "B": "σ(10·x) rises from 0 to 1 within about ±0.5 around x = 0: it looks like the step function.",
        "C": "the output still depends on x; only at x = 0 is it exactly 0.5.",
    },
    hint="Compare σ(10·x) at x = −0.5 and x = +0.5: σ(−5) and σ(5).",
    solution="B — σ(−5) = 0.007 and σ(5) = 0.993: a steep step. The step function is the limit of a steep sigmoid.",
)


# ---------------------------------------------------------------- derivatives
def _sigmoid_grad(z):
    s = float(sigmoid(z))
    return s * (1.0 - s)


def _s(z):
    return float(sigmoid(z))


_ZS = [0.0, 2.0, -3.0]
sigmoid_grad_exercise = FunctionExercise(
    "The derivative of the sigmoid",
    [((z,), _sigmoid_grad(z)) for z in _ZS],
    func_name="sigmoid_grad",
    tolerance=1e-6,
    mistakes=[
        ([_s(z) for z in _ZS], "that is σ(z) itself. The derivative is σ(z)·(1 − σ(z))."),
        ([1.0 - _s(z) ** 2 for z in _ZS], "1 − σ² is the *tanh* pattern (tanh' = 1 − tanh²). "
                                          "For the sigmoid it is σ·(1 − σ)."),
        ([_s(z) * (1.0 + _s(z)) for z in _ZS], "it should be (1 − σ), not (1 + σ)."),
        ([z * (1.0 - z) for z in _ZS], "you applied the formula to z instead of to σ(z): first compute "
                                       "s = sigmoid(z), then s * (1 - s)."),
    ],
    hint="First s = sigmoid(z), then return s * (1 - s). At z = 0 the answer is 0.25.",
    solution="def sigmoid_grad(z):\n    s = sigmoid(z)\n    return s * (1 - s)",
)

relu_grad_quiz = ValueExercise(
    "ReLU's slope at z = −2 and z = 3",
    (0.0, 1.0),
    tolerance=1e-9,
    wrong_answers=[
        ((0.0, 3.0), "3 is relu(3), the value. The slope of the line a = z is 1."),
        ((-2.0, 3.0), "those are the inputs. The slope is 0 where ReLU is flat and 1 where it is a = z."),
        ((1.0, 1.0), "left of 0 ReLU is flat (always 0): its slope there is 0."),
    ],
    hint="Left of 0, ReLU is the flat line a = 0; right of 0 it is the line a = z.",
    solution="(0, 1): slope 0 on the flat part, 1 on the line a = z (at exactly z = 0 we use 0, a subgradient).",
)


# ---------------------------------------------------------------- two linear layers collapse
class CollapseExercise(Exercise):
    """The answer is a function collapse(W1, b1, W2, b2) -> (W, b) with (X W1 + b1) W2 + b2 = X W + b.

    Checked on a few fixed random layer shapes (so a W of the wrong shape is caught).
    """

    def __init__(self, name, **kw):
        super().__init__(name, **kw)
        rng = np.random.default_rng(2)
        self.cases = []
        for n_in, n_hid, n_out in [(2, 3, 2), (3, 4, 1)]:
            self.cases.append((rng.integers(-3, 4, (n_in, n_hid)).astype(float),
                               rng.integers(-3, 4, n_hid).astype(float),
                               rng.integers(-3, 4, (n_hid, n_out)).astype(float),
                               rng.integers(-3, 4, n_out).astype(float)))

    def _evaluate(self, answer):
        if not callable(answer):
            return self._wrong(f"expected a function collapse(W1, b1, W2, b2); got {fmt(answer)}.")
        for W1, b1, W2, b2 in self.cases:
            shapes = f"W1 {W1.shape}, W2 {W2.shape}"
            try:
                out = answer(W1.copy(), b1.copy(), W2.copy(), b2.copy())
            except Exception as exc:
                text = str(exc)
                if "broadcast" in text:
                    why = (" b1 has one entry per hidden neuron and b2 one per output, so they cannot be "
                           "added directly: b1 first passes through the second layer (b1 @ W2).")
                elif "matmul" in text or "aligned" in text or "shapes" in text:
                    why = " W2 @ W1 does not fit; the first layer comes first: W1 @ W2."
                else:
                    why = ""
                return self._wrong(f"collapse(...) with {shapes} raised {type(exc).__name__}: {exc}.{why}")
            if out is Ellipsis or (isinstance(out, tuple) and any(o is Ellipsis for o in out)):
                return self._not_attempted()
            if not (isinstance(out, (tuple, list)) and len(out) == 2):
                return self._wrong(f"collapse must return two arrays (W, b), e.g. `return W, b`; "
                                   f"got {type(out).__name__}.")
            try:
                W, b = out
                W = np.asarray(W, dtype=float)
                b = np.asarray(b, dtype=float)
            except (TypeError, ValueError):
                return self._wrong(f"collapse must return two arrays (W, b); got {fmt(out)}.")
            W_ok, b_ok = W1 @ W2, b1 @ W2 + b2
            if W.shape != W_ok.shape:
                order = (" Did you compute W2 @ W1? The first layer comes first: W1 @ W2."
                         if W.shape == (W2.shape[0], W1.shape[1]) else "")
                return self._wrong(f"with {shapes} your W has shape {W.shape}; the single layer maps "
                                   f"{W1.shape[0]} inputs to {W2.shape[1]} outputs, so W must be {W_ok.shape}."
                                   + order)
            if not np.allclose(W, W_ok):
                return self._wrong("W is not right: the inputs are multiplied by W1 and then by W2, "
                                   "so W = W1 @ W2.")
            if b1.shape == b2.shape and b.shape == b_ok.shape and np.allclose(b, b1 + b2):
                return self._wrong("b = b1 + b2 forgets that b1 also passes through the second layer: "
                                   "it is multiplied by W2. b = b1 @ W2 + b2.")
            if b.shape == b_ok.shape and np.allclose(b, b2):
                return self._wrong("b1 is missing: the first layer's bias is multiplied by W2 and "
                                   "added too (b = b1 @ W2 + b2).")
            if b.shape != b_ok.shape or not np.allclose(b, b_ok):
                return self._wrong(f"W is right, b is not (shape {b.shape}, expected {b_ok.shape}). "
                                   "Expand (X W1 + b1) W2 + b2 and collect the terms without X.")
        return self._ok("Two linear layers are one linear layer: W = W1 W2, b = b1 W2 + b2. ")


collapse_exercise = CollapseExercise(
    "Two linear layers collapse into one",
    hint="Expand (X @ W1 + b1) @ W2 + b2 = X @ (W1 @ W2) + (b1 @ W2 + b2).",
    solution="def collapse(W1, b1, W2, b2):\n    W = W1 @ W2\n    b = b1 @ W2 + b2\n    return W, b",
    success="Without a non-linear activation, depth adds nothing.",
)
