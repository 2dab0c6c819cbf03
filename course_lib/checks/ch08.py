"""Exercises for chapter 8, deep learning (深層学習).

    from course_lib.checks import ch08
    ch08.layers_exercise.check(answer)
    ch08.deep_spiral_exercise.check(pg)     # the PlaygroundExplorer itself is the answer

Each exercise object has ``check(answer)``, ``hint()`` and ``solution()`` (and, silent, ``is_correct``/``grade``).
"""
from __future__ import annotations

import math

from ..i18n import N_
from .kinds import ChoiceExercise, FunctionExercise, ValueExercise
from .playground import PlaygroundResultExercise

__all__ = [
    "layers_exercise", "count_params_exercise", "feature_level_exercise", "unsupervised_exercise",
    "projection_exercise", "depth_prediction_exercise", "deep_spiral_exercise", "next_family_exercise",
]

# --- 8.1 networks made of networks (lecture 000: "合計で8層") ----------------------------------------
layers_exercise = ValueExercise(
    N_("Exercise 8.1 (a network of networks)"),
    8,
    tolerance=0.5,
    mistakes=[
        (3, N_("3 is the number of small networks; count their layers: 3 + 2 + 3.")),
        (9, N_("the inputs are not a layer of neurons (they compute nothing), so they are not counted.")),
        (18, N_("the layers are added, not multiplied: the networks sit one after another.")),
    ],
    hint=N_("The output of one small network is the input of the next, so their layers line up: add them."),
    solution=N_("answer = 3 + 2 + 3   # 8 layers"),
)


# --- 8.2 counting parameters for any layer sizes ---------------------------------------------------
_COUNT_CASES = [
    (([12, 3, 2],), 47),                 # the lecture's C/T network (chapter 3)
    (([2, 2, 1],), 9),
    (([784, 128, 10],), 101770),         # chapter 6
    (([784, 32, 32, 10],), 26506),
]

count_params_exercise = FunctionExercise(
    N_("Exercise 8.2 (count weights and biases)"),
    _COUNT_CASES,
    tolerance=0.5,
    func_name="count_params",
    mistakes=[
        (lambda sizes: sum(a * b for a, b in zip(sizes[:-1], sizes[1:])),
         N_("that is the number of weights only; every neuron after the input also has a bias.")),
        (lambda sizes: sum(sizes),
         N_("that counts the neurons; the parameters are the connections' weights plus one bias per neuron.")),
        (lambda sizes: sum(a * b for a, b in zip(sizes[:-1], sizes[1:])) + sum(sizes),
         N_("the inputs have no bias (they are not neurons); count biases only for the layers after the input.")),
        (lambda sizes: math.prod(sizes), N_("multiply neighbouring layers only (n_in × n_out for each pair), "
                                            "then add the pairs.")),
    ],
    hint=N_("Loop over neighbouring pairs: for n_in, n_out in zip(sizes[:-1], sizes[1:]). Each pair has "
            "n_in × n_out weights and n_out biases."),
    solution=N_("def count_params(sizes):\n    total = 0\n    for n_in, n_out in zip(sizes[:-1], sizes[1:]):\n"
                "        total += n_in * n_out + n_out   # weights + biases\n    return total"),
)

# --- 8.3 levels of features ------------------------------------------------------------------------
feature_level_exercise = ChoiceExercise(
    N_("Exercise 8.3 (where is the 'eye' neuron?)"),
    "B",
    {
        "A": N_("neurons in the first layer see the pixels directly and respond to simple lines, edges and dots."),
        "B": N_("eyes, noses and mouths are combinations of edges, so they appear in the middle layers, "
                "which combine what the first layers found."),
        "C": N_("the last layers combine parts into whole objects (a face, a cat's face) and the final answer."),
    },
    hint=N_("Low level: lines and edges. High level: whole faces. An eye is made of a few edges."),
    solution=N_('answer = "B"   # a middle layer: edges (first layers) → parts such as eyes (middle) '
                '→ faces (last)'),
)

# --- 8.4 supervised vs unsupervised -----------------------------------------------------------------
unsupervised_exercise = ChoiceExercise(
    N_("Exercise 8.4 (which milestone had no answers to learn from?)"),
    "A",
    {
        "A": N_("the 10 million YouTube frames came with no labels: nobody told the network 'this is a cat', "
                "yet some neurons learned to respond to faces and cats (教師なし学習)."),
        "B": N_("AlexNet learned from about a million ImageNet photos each labelled with its class: "
                "supervised learning (教師あり学習)."),
        "C": N_("the 2015 network also trained on labelled ImageNet photos: supervised learning."),
    },
    hint=N_("Unsupervised learning (教師なし学習) means the training data has no correct answers attached."),
    solution=N_('answer = "A"   # the 2011 YouTube experiment (Le et al.): unsupervised learning'),
)

# --- 8.5 when would a computer network match a human brain? -------------------------------------------
_GROWTH = 2e10 / 1e9                                          # lecture 000: ×20 from 2040 to 2050
_YEAR_HUMAN = 2050 + 10 * math.log(86e9 / 2e10) / math.log(_GROWTH)   # ≈ 2054.9

projection_exercise = ValueExercise(
    N_("Exercise 8.5 (when does a computer reach 86 billion neurons?)"),
    round(_YEAR_HUMAN),
    tolerance=3,
    mistakes=[
        (2050, N_("in 2050 the projection is 2 × 10¹⁰ = 20 billion, less than a quarter of 86 billion.")),
        (2060, N_("by 2060 the trend gives 2 × 10¹⁰ × 20 = 4 × 10¹¹, more than four human brains: "
                  "earlier than that.")),
        (2100, N_("far too late: the trend multiplies the count by about 20 every ten years.")),
    ],
    hint=N_("From 2040 to 2050 the count grows ×20. From 2 × 10¹⁰ you need ×4.3 more. How many years of "
            "×20-per-decade growth give ×4.3? (years = 10 · log 4.3 / log 20)"),
    solution=N_("years = 10 * np.log(86e9 / 2e10) / np.log(20)   # ≈ 4.9\nanswer = 2050 + years   # ≈ 2055, "
                "as the lecture says ('2055年ごろ')"),
)

# --- 8.6 predict before you look: a hidden layer or none --------------------------------------------
depth_prediction_exercise = ChoiceExercise(
    N_("Exercise 8.6 (predict: does a hidden layer help?)"),
    "B",
    {
        "A": N_("784 → 10 can only add up weighted pixels once per digit: one 'template' per digit. "
                "A hidden layer can combine strokes first, which works better."),
        "B": N_("the 32 hidden neurons detect strokes and pieces first; the output layer combines them. "
                "With the same data and training it classifies more digits correctly."),
        "C": N_("they do not tie: a layer of 32 ReLU neurons adds non-linearity, which a single layer cannot have."),
    },
    hint=N_("Chapter 2: without a hidden layer (and a non-linear activation) the network is a single weighted "
            "sum per class."),
    solution=N_('answer = "B"   # 784 → 32 → 10 wins (about 92 % against about 90 % here)'),
)


# --- 8.6 depth and width in the playground (Exercise 8.7, just before section 8.7) -----------------------------
deep_spiral_exercise = PlaygroundResultExercise(
    N_("Exercise 8.7 (the spiral from x1 and x2 alone)"), "spiral", 0.9, max_hidden_layers=4, features=("x1", "x2"),
    hint=N_("With only x1 and x2 as inputs the network must build the curves itself: try 3–4 hidden layers of "
            "8 neurons, ReLU, a learning rate of 0.01, and several hundred epochs (larger steps learn faster but "
            "may jump out of a good fit again)."),
    # ReLU with small steps: the same 98 % on every CPU (with tanh and lr 0.1 the end point depends on
    # the last digits of the arithmetic, between 82 % and 99 %).
    solution=N_("from course_lib.explorers import PlaygroundExplorer\n"
                "pg = PlaygroundExplorer(\"spiral\", hidden_layers=3, neurons=8, activation=\"relu\", lr=0.01)\n"
                "pg.step(1000)    # or press play and wait\nmy_playground = pg"))


# --- 8.7 where to go next (lecture 「知の探究」: CNN, RNN, DQN) ---------------------------------------------
next_family_exercise = ChoiceExercise(
    N_("Exercise 8.8 (which family learns to play a game?)"),
    "C",
    {
        "A": N_("a CNN reads images — it could look at the game's screen — but nothing in it learns which move "
                "to make from the score alone."),
        "B": N_("an RNN remembers what came before in a sequence (text, speech); it has no rewards to learn from."),
        "C": N_("a DQN (deep Q-network, 深層強化学習) learns from rewards alone — the game's score — how good "
                "each action is; it learned to play Atari video games."),
    },
    hint=N_("The program gets no correct answers, only a score that rises or falls after its moves: learning from "
            "rewards is reinforcement learning (強化学習)."),
    solution=N_('answer = "C"   # DQN: deep reinforcement learning from the score'),
)

