"""Chapter 1 — Neurons: the exercises (演習) and self-study tasks (自習) of lectures 000/001/004.

    from course_lib.checks import ch01
    ch01.exercise2.check(n)          # 演習2: w = (1, 1), b = −0.5, ReLU → 0, 0.5, 0.5, 1.5
    ch01.self_study2.check(n)        # 自習2: four inputs through the worked-example neuron
    ch01.nand_gate.check((w1, w2, b))
"""
from __future__ import annotations

import numpy as np

from ..activations import step
from ..i18n import N_
from .kinds import ChoiceExercise, FunctionExercise, GateExercise, ValueExercise

__all__ = [
    "orders_of_magnitude", "worked_example", "exercise2", "self_study2", "self_study2_step",
    "predict_bias_gate", "threshold_to_bias", "nand_gate", "pattern_damaged", "predict_pattern_bias",
    "samuel_quiz",
]

# ---------------------------------------------------------------- neuron counts (log plot)
orders_of_magnitude = ValueExercise(
    N_("Powers of ten from snail to human"),
    float(np.log10(86_000_000_000 / 11_000)),   # 6.89
    tolerance=0.5,
    mistakes=[
        (float(np.log10(86_000_000_000)), N_("that is log10 of the human count alone (10.9); "
                                             "subtract log10 of the snail's count (4.0).")),
        (float(np.log10(11_000)), N_("that is log10 of the snail's count alone; subtract it from the human's (10.9).")),
        (lambda value: value > 1000, N_("that looks like the *ratio* human / snail (about 7.8 million). "
                                        "The number of powers of ten is its log10.")),
    ],
    hint=N_("On a log axis every grid line is a factor 10. Count the grid lines between the two bars, "
            "or compute np.log10(human / snail)."),
    solution=N_("powers_of_ten = np.log10(86e9 / 11e3)   # 6.89 → about 7 powers of ten (a factor of about 8 million)"),
)

# ---------------------------------------------------------------- the worked example
worked_example = ValueExercise(
    N_("Weighted sum plus bias of the worked example"),
    -0.27,
    tolerance=1e-6,
    mistakes=[
        (-0.47, N_("that is the weighted sum *before* the bias; add the bias 0.2.")),
        (0.27, N_("check the signs: 0.03 − 0.4 − 0.1 = −0.47, and −0.47 + 0.2 = −0.27.")),
        (0.0, N_("0 is what ReLU makes of z; the question asks for z = w·x + b itself, before the activation.")),
        (-0.67, N_("the bias is +0.2, so add it: −0.47 + 0.2 = −0.27.")),
    ],
    hint=N_("Multiply each input by its weight (0.3 × 0.1, −0.5 × 0.8, 0.2 × −0.5), add the three products, "
            "then add the bias 0.2."),
    solution=N_("my_z = 0.3 * 0.1 + (-0.5) * 0.8 + 0.2 * (-0.5) + 0.2   # 0.03 − 0.40 − 0.10 + 0.2 = −0.27"),
)

def _relu(z):
    """ReLU, for the typical mistakes below."""
    return max(z, 0.0)


def _step(z):
    """The course's step function (step(0) = 1), for the typical mistakes below."""
    return float(step(z))


# ---------------------------------------------------------------- 演習2 (Exercise 2)
exercise2 = FunctionExercise(
    N_("Exercise 2 (演習2)"),
    [((0, 0), 0.0), ((0, 1), 0.5), ((1, 0), 0.5), ((1, 1), 1.5)],
    func_name="n",
    mistakes=[
        (lambda x1, x2: _relu(x1 + x2), N_("the bias −0.5 is missing. Add it to the weighted sum: "
                                           "z = 1*x1 + 1*x2 - 0.5.")),
        (lambda x1, x2: x1 + x2 - 0.5, N_("n(0, 0) is negative, so ReLU was not applied. Return relu(z), not z.")),
        (lambda x1, x2: _step(x1 + x2 - 0.5), N_("these are step-function outputs (only 0 or 1). ReLU keeps a "
                                                 "positive value as it is: relu(0.5) = 0.5.")),
        (lambda x1, x2: _relu(x1 + x2 + 0.5), N_("the bias was added as +0.5; the lecture's bias is −0.5.")),
    ],
    hint=N_("z = 1*x1 + 1*x2 - 0.5 (weights 1 and 1, bias −0.5), then return relu(z) "
            "(relu is imported from course_lib.activations, or write it with if/else)."),
    solution=N_("def n(x1, x2):\n    z = 1 * x1 + 1 * x2 - 0.5   # weights 1, 1; bias -0.5 (the lecture's program "
                "calls it s)\n    return relu(z)"),
    success=N_("The lecture prints 0, 0.5, 0.5, 1.5 — and so does your neuron."),
)

# ---------------------------------------------------------------- 自習2 (Self-study 2)
_W, _B = (0.3, -0.5, 0.2), 0.2
_SELF_STUDY2_INPUTS = [(0.1, 0.8, -0.5), (5.1, 0.8, -0.5), (10.1, 0.8, -0.5), (15.1, 0.8, -0.5)]


def _neuron3(w, b, activation):
    """n(x1, x2, x3) = activation(w·x + b): the right neuron and its typical mistakes."""
    return lambda x1, x2, x3: activation(w[0] * x1 + w[1] * x2 + w[2] * x3 + b)


self_study2 = FunctionExercise(
    N_("Self-study 2 (自習2)"),
    [(x, _neuron3(_W, _B, _relu)(*x)) for x in _SELF_STUDY2_INPUTS],   # 0, 1.23, 2.73, 4.23
    func_name="n",
    mistakes=[
        (_neuron3(_W, _B, lambda z: z), N_("n(0.1, 0.8, -0.5) is negative (−0.27), so ReLU was not applied. "
                                           "Return relu(z).")),
        (_neuron3(_W, 0.0, _relu), N_("the bias 0.2 is missing (every output is 0.2 too small).")),
        (_neuron3((0.1, 0.8, -0.5), _B, _relu), N_("you used the first inputs (0.1, 0.8, −0.5) as the weights. "
                                                   "The weights stay (0.3, −0.5, 0.2); only the inputs change.")),
        (_neuron3(_W, _B, _step), N_("these are step-function outputs (0 or 1). Use ReLU, "
                                     "which passes positive values through.")),
    ],
    hint=N_("z = 0.3*x1 - 0.5*x2 + 0.2*x3 + 0.2, then return relu(z)."),
    solution=N_("def n(x1, x2, x3):\n    z = 0.3 * x1 - 0.5 * x2 + 0.2 * x3 + 0.2   # weights 0.3, -0.5, 0.2; "
                "bias 0.2\n    return relu(z)"),
    success=N_("Activations 0, 1.23, 2.73, 4.23: each step of +5 in x1 adds 0.3 × 5 = 1.5."),
)

self_study2_step = ValueExercise(
    N_("How much does the activation grow per +5 in x1?"),
    1.5,
    tolerance=1e-6,
    mistakes=[
        (5.0, N_("x1 grows by 5, but it enters the neuron multiplied by its weight 0.3.")),
        (0.3, N_("0.3 is the growth per +1 in x1 (the weight). x1 grows by 5 here.")),
        (1.23, N_("1.23 is the activation for (5.1, 0.8, −0.5); the question asks for the *difference* "
                  "between two neighbouring rows.")),
    ],
    hint=N_("Subtract two neighbouring activations, e.g. n(10.1, 0.8, -0.5) − n(5.1, 0.8, -0.5)."),
    solution=N_("growth = 2.73 - 1.23   # = 1.5 = weight 0.3 × step 5 (while the neuron is active, ReLU passes z on)"),
)

# ---------------------------------------------------------------- predict before moving a slider
predict_bias_gate = ChoiceExercise(
    N_("Predict: which gate after b = −1.5?"),
    "AND",
    {
        "AND": N_("with w1 = w2 = 1 and b = −1.5 only (1, 1) reaches z = 0.5 ≥ 0; the other three stay at −0.5 "
                  "or below."),
        "OR": N_("OR is what b = −0.5 gives. With b = −1.5, one input alone reaches z = 1 − 1.5 = −0.5 < 0."),
        "NAND": N_("NAND needs negative weights: it fires for (0, 0), where z = b = −1.5 < 0."),
        "XOR": N_("no single neuron can be XOR: its firing region is one side of a straight line."),
    },
    hint=N_("Compute z = x1 + x2 − 1.5 for the four inputs (0,0), (0,1), (1,0), (1,1). Which are 0 or more "
            "(the step neuron fires when z ≥ 0)?"),
    solution=N_('my_gate = "AND"   # z = −1.5, −0.5, −0.5, 0.5: only (1, 1) fires'),
)

# ---------------------------------------------------------------- threshold form
threshold_to_bias = ValueExercise(
    N_("Threshold θ = 1.5 as a bias"),
    -1.5,
    tolerance=1e-9,
    mistakes=[
        (1.5, N_("mind the sign: z = w·x − θ = w·x + b, so b = −θ.")),
        (0.0, N_("a threshold is not lost: it becomes a bias b = −θ.")),
    ],
    hint=N_("Compare the threshold form z = w·x − θ with z = w·x + b term by term (b = −θ)."),
    solution=N_("my_bias = -1.5   # b = −θ"),
)


# ---------------------------------------------------------------- NAND from one neuron
nand_gate = GateExercise(
    N_("NAND from one neuron"),
    "NAND",
    hint=N_("A step neuron fires when z ≥ 0. (0, 0) must fire, so b ≥ 0. (1, 1) must not, so w1 + w2 + b < 0. "
            "One input alone must still fire: w1 + b ≥ 0. Try negative weights and a positive bias."),
    solution=N_("my_nand = (-2, -2, 3)   # (w1, w2, b): z = 3, 1, 1, −1 → 1, 1, 1, 0  (threshold form: θ = −b = −3)"),
    success=N_("One neuron computes NAND — and every logic circuit can be built from NAND gates."),
)

# ---------------------------------------------------------------- the 3×3 pattern neuron
pattern_damaged = ValueExercise(
    N_("Pattern neuron: one pixel missing"),
    0.0,
    tolerance=1e-9,
    mistakes=[
        (1.0, N_("with pixel 9 switched off the weighted sum is 5, not 6; 5 − 5 = 0 and relu(0) = 0.")),
        (5.0, N_("5 is the weighted sum; add the bias −5, then apply ReLU.")),
        (-1.0, N_("ReLU never returns a negative number; and 5 − 5 = 0 anyway.")),
    ],
    hint=N_("Count the pixels where both the image and the weights are 1, add the bias −5, apply ReLU."),
    solution=N_("my_activation = relu(5 - 5)   # sum 5, bias −5 → z = 0 → relu(0) = 0: the neuron does not fire"),
)

predict_pattern_bias = ValueExercise(
    N_("Predict: the damaged image with b = −4"),
    1.0,
    tolerance=1e-9,
    mistakes=[
        (0.0, N_("with b = −4 the damaged image gives z = 5 − 4 = 1 > 0, so it fires.")),
        (2.0, N_("2 is what the *complete* pattern gives with b = −4 (6 − 4); the damaged one has sum 5.")),
        (5.0, N_("5 is the weighted sum; add the bias −4, then apply ReLU.")),
    ],
    hint=N_("The weighted sum of the damaged image is still 5; only the bias changes."),
    solution=N_("my_prediction = relu(5 - 4)   # = 1: a less negative bias makes the neuron less strict"),
)


# ---------------------------------------------------------------- history: what makes a program "learn"
samuel_quiz = ChoiceExercise(
    N_("What made Samuel's checkers program machine learning?"),
    "B",
    {
        "A": N_("a program whose every move is written by its programmer does not learn: it plays the same "
                "way forever. Samuel's program changed its own play."),
        "B": N_("it got better at checkers from experience — from the games it played — instead of being "
                "told every move. That is the lecture's definition of machine learning."),
        "C": N_("Samuel's program (1956) was not a neural network; deep networks came more than 50 years "
                "later (AlphaGo, 2016). Machine learning is broader than neural networks."),
    },
    hint=N_("The lecture 「深層学習はどのように賢くなるのか」 defines machine learning as a program that gets "
            "better at a task through data and experience. Which option says that?"),
    solution=N_('my_choice = "B"   # it improved its play from the games it played (experience), not from hand-written moves'),
)
