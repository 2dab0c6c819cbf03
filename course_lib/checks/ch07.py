"""Exercises for chapter 7, training better: initialisation (初期値), optimizers, overfitting (過学習).

    from course_lib.checks import ch07
    ch07.he_std_exercise.check(he_std)

Each exercise object has ``check(answer)``, ``hint()`` and ``solution()`` (and, silent, ``is_correct``/``grade``).
Exercises 7.1–7.3 were Exercises 4.8–4.10 before chapter 4 was split (issue 12, item 7).
"""
from __future__ import annotations

import numpy as np

from ..i18n import N_
from .kinds import ChoiceExercise, ValueExercise

__all__ = ["he_std_exercise", "momentum_exercise", "overfitting_exercise", "dropout_scale_exercise"]


# --- 7.1 He initialisation (lecture 「知の探究」: 初期解 w0 の生成（重要）, He for ReLU) ---------------------
he_std_exercise = ValueExercise(
    N_("Exercise 7.1 (He initialisation)"),
    0.2,
    tolerance=1e-3,
    mistakes=[
        (np.sqrt(1 / 50), N_("0.1414 = √(1/50) is Xavier's standard deviation (for sigmoid/tanh). He uses √(2/n).")),
        (2 / 50, N_("0.04 = 2/50 is the *variance*; the standard deviation is its square root.")),
        (1 / 50, N_("0.02 = 1/50 is Xavier's variance; He's std is √(2/50).")),
    ],
    hint=N_("He: std = √(2 / n_in), where n_in is the number of inputs of the layer."),
    solution=N_("he_std = np.sqrt(2 / 50)   # 0.2"),
)

# --- 7.2 one momentum step -------------------------------------------------------------------------------
momentum_exercise = ValueExercise(
    N_("Exercise 7.2 (one Momentum step)"),
    1.25,
    tolerance=1e-6,
    mistakes=[
        (0.8, N_("that is a plain SGD step w − η·g; Momentum also carries the old velocity v.")),
        (1.65, N_("the gradient must be *subtracted*: v ← 0.9·0.5 − 0.1·2 = 0.25.")),
        (1.3, N_("the old velocity is first multiplied by μ = 0.9: v ← 0.9·0.5 − 0.1·2.")),
        (1.5, N_("you moved w with the old velocity; update v first, then w ← w + v (new v).")),
    ],
    hint=N_("First v ← μ·v − η·g with μ = 0.9, η = 0.1, g = 2.0, v = 0.5. Then w ← w + v."),
    solution=N_("v = 0.9 * 0.5 - 0.1 * 2.0   # 0.25\nw_new = 1.0 + v             # 1.25"),
)

# --- 7.3 overfitting ---------------------------------------------------------------------------------------
overfitting_exercise = ChoiceExercise(
    N_("Exercise 7.3 (reading the two errors)"),
    "A",
    {
        "A": N_("the network memorised its training examples, noise included: overfitting (過学習). "
                "Weight decay, dropout or more data help."),
        "B": N_("a too large learning rate makes the *training* error jump or blow up; here it is tiny."),
        "C": N_("underfitting means the training error itself stays high; here it is almost 0."),
        "D": N_("more epochs would push the training error even lower and usually widen the gap."),
    },
    hint=N_("Compare the two numbers: which one is small, which is large, and what does the gap mean?"),
    solution=N_('answer = "A"   # overfitting: tiny training error, large validation error'),
)

# --- 7.4 the inverted-dropout scale 1/(1 − p) ---------------------------------------------------------------
dropout_scale_exercise = ValueExercise(
    N_("Exercise 7.4 (the dropout scale)"),
    1.25,
    tolerance=1e-3,
    mistakes=[
        (0.8, N_("0.8 = 1 − p is the probability that a neuron is *kept*. The kept outputs are divided by it, "
                 "i.e. multiplied by 1/(1 − p).")),
        (5.0, N_("5 = 1/p divides by the probability of switching *off*; the scale is 1/(1 − p).")),
        (1.2, N_("1.2 = 1 + p is close but not it: with p = 0.5 it would give 1.5 instead of 2. Use 1/(1 − p).")),
        (0.2, N_("0.2 is p itself, the probability of switching a neuron off; the kept outputs are scaled by "
                 "1/(1 − p).")),
    ],
    hint=N_("A neuron is kept with probability 1 − p = 0.8. For the average to stay the same, "
            "what must a kept output be multiplied by? (0.8 × scale = 1.)"),
    solution=N_("scale = 1 / (1 - 0.2)   # 1.25: 80 % of the neurons kept, each × 1.25, average unchanged"),
)
