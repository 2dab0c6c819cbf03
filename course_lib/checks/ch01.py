"""Chapter 1 — Neurons: the exercises (演習) and self-study tasks (自習) of seeds 000/001/004.

    from course_lib.checks import ch01
    ch01.exercise2.check(n)          # 演習2: w = (1, 1), b = −0.5, ReLU → 0, 0.5, 0.5, 1.5
    ch01.self_study2.check(n)        # 自習2: four inputs through the worked-example neuron
    ch01.nand_gate.check((w1, w2, b))
"""
from __future__ import annotations

import numpy as np

from ..neuron import BINARY_INPUTS, GATES
from . import ChoiceExercise, Exercise, FunctionExercise, ValueExercise, fmt

__all__ = [
    "orders_of_magnitude", "worked_example", "exercise2", "self_study2", "self_study2_step",
    "predict_bias_gate", "threshold_to_bias", "nand_gate", "pattern_damaged", "predict_pattern_bias",
    "GateExercise",
]

# ---------------------------------------------------------------- neuron counts (log plot)
class _PowersOfTenExercise(ValueExercise):
    """A ValueExercise that also recognises the plain ratio (any large number) as a typical mistake."""

    def _evaluate(self, answer):
        result = super()._evaluate(answer)
        if not result.ok and isinstance(answer, (int, float, np.number)) and not isinstance(answer, bool) \
                and answer > 1000:
            return self._wrong(f"{fmt(answer)} looks like the *ratio* human / snail (about 7.8 million). "
                               "The number of powers of ten is its log10.")
        return result


orders_of_magnitude = _PowersOfTenExercise(
    "Powers of ten from snail to human",
    float(np.log10(86_000_000_000 / 11_000)),   # 6.89
    tolerance=0.5,
    wrong_answers=[
        (float(np.log10(86_000_000_000)), "that is log10 of the human count alone (10.9); "
                                          "subtract log10 of the snail's count (4.0)."),
        (float(np.log10(11_000)), "that is log10 of the snail's count alone; subtract it from the human's (10.9)."),
    ],
    hint="On a log axis every grid line is a factor 10. Count the grid lines between the two bars, "
         "or compute np.log10(human / snail).",
    solution="np.log10(86e9 / 11e3) = 6.89 → about 7 powers of ten (a factor of about 8 million).",
)

# ---------------------------------------------------------------- the worked example
worked_example = ValueExercise(
    "Weighted sum plus bias of the worked example",
    -0.27,
    tolerance=1e-6,
    wrong_answers=[
        (-0.47, "that is the weighted sum *before* the bias; add the bias 0.2."),
        (0.27, "check the signs: 0.03 − 0.4 − 0.1 = −0.47, and −0.47 + 0.2 = −0.27."),
        (0.0, "0 is what ReLU makes of z; the question asks for z = w·x + b itself, before the activation."),
        (-0.67, "the bias is +0.2, so add it: −0.47 + 0.2 = −0.27."),
    ],
    hint="Multiply each input by its weight (0.3 × 0.1, −0.5 × 0.8, 0.2 × −0.5), add the three products, "
         "then add the bias 0.2.",
    solution="z = 0.03 − 0.40 − 0.10 + 0.2 = −0.27",
)

# ---------------------------------------------------------------- 演習2 (Exercise 2)
exercise2 = FunctionExercise(
    "Exercise 2 (演習2)",
    [((0, 0), 0.0), ((0, 1), 0.5), ((1, 0), 0.5), ((1, 1), 1.5)],
    func_name="n",
    mistakes=[
        ([0, 1, 1, 2], "the bias −0.5 is missing. Add it to the weighted sum: s = 1*x1 + 1*x2 - 0.5."),
        ([-0.5, 0.5, 0.5, 1.5], "n(0, 0) is negative, so ReLU was not applied. Return relu(s), not s."),
        ([0, 1, 1, 1], "these are step-function outputs (only 0 or 1). ReLU keeps a positive value "
                       "as it is: relu(0.5) = 0.5."),
        ([0.5, 1.5, 1.5, 2.5], "the bias was added as +0.5; the seed's bias is −0.5."),
    ],
    hint="s = 1*x1 + 1*x2 - 0.5 (weights 1 and 1, bias −0.5), then return relu(s) "
         "(relu is imported from course_lib.activations, or write it with if/else).",
    solution="def n(x1, x2):\n    s = 1 * x1 + 1 * x2 - 0.5   # weights 1, 1; bias -0.5\n    return relu(s)",
    success="The seed prints 0, 0.5, 0.5, 1.5 — and so does your neuron.",
)

# ---------------------------------------------------------------- 自習2 (Self-study 2)
_W, _B = (0.3, -0.5, 0.2), 0.2
_SELF_STUDY2_INPUTS = [(0.1, 0.8, -0.5), (5.1, 0.8, -0.5), (10.1, 0.8, -0.5), (15.1, 0.8, -0.5)]


def _self_study2_table(w, b, activation):
    return [activation(float(np.dot(w, x)) + b) for x in _SELF_STUDY2_INPUTS]


_relu = lambda s: max(s, 0.0)  # noqa: E731  (tiny helpers for the mistake tables)
_step = lambda s: 1.0 if s > 0 else 0.0  # noqa: E731

self_study2 = FunctionExercise(
    "Self-study 2 (自習2)",
    list(zip(_SELF_STUDY2_INPUTS, _self_study2_table(_W, _B, _relu))),   # 0, 1.23, 2.73, 4.23
    func_name="n",
    mistakes=[
        (_self_study2_table(_W, _B, lambda s: s), "n(0.1, 0.8, -0.5) is negative (−0.27), so ReLU was "
                                                   "not applied. Return relu(s)."),
        (_self_study2_table(_W, 0.0, _relu), "the bias 0.2 is missing (every output is 0.2 too small)."),
        (_self_study2_table((0.1, 0.8, -0.5), _B, _relu), "you used the first inputs (0.1, 0.8, −0.5) as the "
                                                           "weights. The weights stay (0.3, −0.5, 0.2); only "
                                                           "the inputs change."),
        (_self_study2_table(_W, _B, _step), "these are step-function outputs (0 or 1). Use ReLU, "
                                             "which passes positive values through."),
    ],
    hint="s = 0.3*x1 - 0.5*x2 + 0.2*x3 + 0.2, then return relu(s).",
    solution="def n(x1, x2, x3):\n    s = 0.3 * x1 - 0.5 * x2 + 0.2 * x3 + 0.2   # weights 0.3, -0.5, 0.2; "
             "bias 0.2\n    return relu(s)",
    success="Activations 0, 1.23, 2.73, 4.23: each step of +5 in x1 adds 0.3 × 5 = 1.5.",
)

self_study2_step = ValueExercise(
    "How much does the activation grow per +5 in x1?",
    1.5,
    tolerance=1e-6,
    wrong_answers=[
        (5.0, "x1 grows by 5, but it enters the neuron multiplied by its weight 0.3."),
        (0.3, "0.3 is the growth per +1 in x1 (the weight). x1 grows by 5 here."),
        (1.23, "1.23 is the activation for (5.1, 0.8, −0.5); the question asks for the *difference* "
               "between two neighbouring rows."),
    ],
    hint="Subtract two neighbouring activations, e.g. n(10.1, 0.8, -0.5) − n(5.1, 0.8, -0.5).",
    solution="2.73 − 1.23 = 1.5 = weight 0.3 × step 5 (as long as the neuron is active, ReLU passes z through).",
)

# ---------------------------------------------------------------- predict before moving a slider
predict_bias_gate = ChoiceExercise(
    "Predict: which gate after b = −1.5?",
    "AND",
    {
        "AND": "with w1 = w2 = 1 and b = −1.5 only (1, 1) reaches z = 0.5 > 0; the other three stay ≤ −0.5.",
        "OR": "OR is what b = −0.5 gives. With b = −1.5, one input alone reaches z = 1 − 1.5 = −0.5 < 0.",
        "NAND": "NAND needs negative weights: it fires for (0, 0), where z = b = −1.5 < 0.",
        "XOR": "no single neuron can be XOR: its firing region is one side of a straight line.",
    },
    hint="Compute z = x1 + x2 − 1.5 for the four inputs (0,0), (0,1), (1,0), (1,1). Which are above 0?",
    solution="AND — z = −1.5, −0.5, −0.5, 0.5: only (1, 1) fires.",
)

# ---------------------------------------------------------------- threshold form
threshold_to_bias = ValueExercise(
    "Threshold θ = 1.5 as a bias",
    -1.5,
    tolerance=1e-9,
    wrong_answers=[
        (1.5, "mind the sign: s = w·x − θ = w·x + b, so b = −θ."),
        (0.0, "a threshold is not lost: it becomes a bias b = −θ."),
    ],
    hint="Compare s = w·x − θ with z = w·x + b term by term.",
    solution="b = −θ = −1.5",
)


# ---------------------------------------------------------------- NAND from one neuron
class GateExercise(Exercise):
    """The answer is (w1, w2, b) for a step neuron; it must reproduce the truth table of ``gate``."""

    def __init__(self, name, gate, **kw):
        super().__init__(name, **kw)
        if gate not in GATES:
            raise ValueError(f"gate must be one of {', '.join(map(repr, GATES))}; got {gate!r}.")
        self.gate = gate
        self.target = np.array(GATES[gate], dtype=float)

    def _evaluate(self, answer):
        try:
            w1, w2, b = (float(v) for v in answer)
        except (TypeError, ValueError):
            return self._wrong(f"expected three numbers (w1, w2, b); got {fmt(answer)}.")
        z = BINARY_INPUTS @ np.array([w1, w2]) + b
        a = (z > 0).astype(float)                       # step: 1 if z > 0 else 0
        table = ", ".join(f"({int(x1)}, {int(x2)}) → {int(y)}" for (x1, x2), y in zip(BINARY_INPUTS, a))
        if np.array_equal(a, self.target):
            return self._ok(f"Truth table {table}. ")
        if a.min() == a.max():
            why = ("it fires for every input: lower the bias or make the weights more negative, "
                   "so that (1, 1) gives z ≤ 0." if a[0] == 1 else
                   "it never fires: (0, 0) gives z = b, so b must be > 0.")
            return self._wrong(f"your neuron gives {table}; {why}")
        for name, outputs in GATES.items():
            if name != self.gate and np.array_equal(a, outputs):
                if name == "AND" and self.gate == "NAND":
                    why = "that is AND. NAND is NOT-AND: flip the sign of both weights and of the bias."
                else:
                    why = f"that is {name}, not {self.gate}."
                return self._wrong(f"your neuron gives {table}; {why}")
        bad = [f"({int(x1)}, {int(x2)})" for (x1, x2), y, t in zip(BINARY_INPUTS, a, self.target) if y != t]
        return self._wrong(f"your neuron gives {table}; wrong for {', '.join(bad)} "
                           f"(z = {', '.join(f'{v:g}' for v in z)}).")


nand_gate = GateExercise(
    "NAND from one neuron",
    "NAND",
    hint="(0, 0) must fire, so b > 0. (1, 1) must not, so w1 + w2 + b ≤ 0. One input alone must still fire: "
         "w1 + b > 0. Try negative weights and a positive bias.",
    solution="(w1, w2, b) = (-2, -2, 3): z = 3, 1, 1, −1 → 1, 1, 1, 0.  (Threshold form: θ = −3.)",
    success="One neuron computes NAND — and every logic circuit can be built from NAND gates.",
)

# ---------------------------------------------------------------- the 3×3 pattern neuron
pattern_damaged = ValueExercise(
    "Pattern neuron: one pixel missing",
    0.0,
    tolerance=1e-9,
    wrong_answers=[
        (1.0, "with pixel 9 switched off the weighted sum is 5, not 6; 5 − 5 = 0 and relu(0) = 0."),
        (5.0, "5 is the weighted sum; add the bias −5, then apply ReLU."),
        (-1.0, "ReLU never returns a negative number; and 5 − 5 = 0 anyway."),
    ],
    hint="Count the pixels where both the image and the weights are 1, add the bias −5, apply ReLU.",
    solution="sum 5, bias −5 → z = 0 → relu(0) = 0: the neuron does not fire.",
)

predict_pattern_bias = ValueExercise(
    "Predict: the damaged image with b = −4",
    1.0,
    tolerance=1e-9,
    wrong_answers=[
        (0.0, "with b = −4 the damaged image gives z = 5 − 4 = 1 > 0, so it fires."),
        (2.0, "2 is what the *complete* pattern gives with b = −4 (6 − 4); the damaged one has sum 5."),
        (5.0, "5 is the weighted sum; add the bias −4, then apply ReLU."),
    ],
    hint="The weighted sum of the damaged image is still 5; only the bias changes.",
    solution="relu(5 − 4) = 1: a less negative bias makes the neuron less strict.",
)
