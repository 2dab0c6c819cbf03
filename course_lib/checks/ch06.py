"""Exercises for chapter 6, MNIST: images, pixels and a digit classifier (画像分類).

    from course_lib.checks import ch06
    ch06.grey_code_exercise.check(answer)

Each exercise object has ``check(answer)``, ``hint()`` and ``solution()`` (and, silent, ``is_correct``/``grade``).
Function exercises start from a template ``def f(...): return ...``; while the
function still returns ``...`` the framework reports *not attempted yet*.
"""
from __future__ import annotations

import numpy as np

from ..i18n import N_, _
from .kinds import ChoiceExercise, FunctionExercise, ValueExercise

__all__ = [
    "MYSTERY_4X4",
    "grey_code_exercise", "colour_numbers_exercise", "pixel_exercise", "flatten_exercise",
    "predict_class_exercise", "softmax_shift_exercise", "softmax_exercise", "output_delta_exercise",
    "n_params_exercise",
    "untrained_accuracy_exercise", "generalisation_exercise", "smoothed_target_exercise",
]


# --- 6.1 grey levels (lecture 003 §6.1: black 0, dark grey 1, light grey 2, white 3) -----------------
MYSTERY_4X4 = np.array([
    [0, 1, 2, 3],
    [0, 1, 2, 3],
    [3, 3, 3, 3],
    [1, 1, 0, 0],
])
MYSTERY_4X4.setflags(write=False)   # shared by every student's session: nobody may change it

grey_code_exercise = ValueExercise(
    N_("Exercise 6.1 (write a grey image as numbers)"),
    MYSTERY_4X4.tolist(),
    tolerance=1e-9,
    mistakes=[
        ((3 - MYSTERY_4X4).tolist(), N_("black and white are swapped. In this code black = 0 and white = 3.")),
        (MYSTERY_4X4.T.tolist(), N_("these are the columns written as rows. Write the top row first, left to right.")),
        ((MYSTERY_4X4 + 1).tolist(), N_("the code starts at 0: black = 0, dark grey = 1, light grey = 2, white = 3.")),
    ],
    hint=N_("Go row by row from the top. Each square becomes one number: black 0, dark grey 1, light grey 2, white 3."),
    solution="answer = [[0, 1, 2, 3],\n          [0, 1, 2, 3],\n          [3, 3, 3, 3],\n          [1, 1, 0, 0]]",
)

# --- 6.2 numbers in a colour image --------------------------------------------------------------
colour_numbers_exercise = ValueExercise(
    N_("Exercise 6.2 (numbers in a colour image)"),
    28 * 28 * 3,
    tolerance=0.5,
    mistakes=[
        (28 * 28, N_("that is a grey image (1 number per pixel). A colour pixel needs 3 numbers: R, G, B.")),
        (28 * 3, N_("28 × 3 counts only one row of pixels; the image has 28 rows of 28 pixels.")),
        (28 + 28, N_("width + height is not the number of pixels: the pixels fill a 28 × 28 grid.")),
        (28 * 28 * 2, N_("colour needs 3 numbers per pixel: R, G, B — or luminance (1) + colour (2).")),
    ],
    hint=N_("Count the pixels first (width × height), then how many numbers each colour pixel has."),
    solution=N_("answer = 28 * 28 * 3   # 784 pixels × 3 numbers (R, G, B) = 2352"),
)

# --- 6.3 reading one pixel of the MNIST "5" -----------------------------------------------------
pixel_exercise = ValueExercise(
    N_("Exercise 6.3 (read one pixel)"),
    126,
    tolerance=0.5,
    mistakes=[
        (0, N_("0 is a background pixel. Count rows and columns from 0, row first: X_train[0][5, 16].")),
        (18, N_("that is column 15, one column too far to the left.")),
        (136, N_("that is column 17, one column too far to the right.")),
        (253, N_("that is row 6, one row too far down.")),
    ],
    hint=N_("Python counts from 0: row 5 is the sixth row printed. In code: X_train[0][5, 16] (row, then column)."),
    solution=N_("answer = 126   # = X_train_img[0][5, 16]: row 5, column 16, both counted from 0"),
)


# --- 6.4 flatten --------------------------------------------------------------------------------
_FLATTEN_CASES = [
    ((np.arange(6).reshape(2, 3),), np.arange(6)),
    ((np.array([[0, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [1, 1, 1, 1]]),),
     np.array([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1])),
    ((np.arange(784).reshape(28, 28),), np.arange(784)),
]

flatten_exercise = FunctionExercise(
    N_("Exercise 6.4 (flatten an image)"),
    _FLATTEN_CASES,
    tolerance=1e-9,
    func_name="flatten",
    mistakes=[
        (lambda image: image.T.reshape(-1),
         N_("you read the image column by column. Read it row by row: the whole top row first.")),
        (lambda image: image, N_("the result is still a 2-D image; it must be one row of image.size numbers.")),
    ],
    hint=N_("A NumPy array has .reshape(n); reshape(-1) means 'as many as needed'. It reads row by row."),
    solution=N_("def flatten(image):\n    return image.reshape(-1)   # 28 × 28 → 784, row by row"),
)


# --- 6.5 the highest activation wins ------------------------------------------------------------
_PREDICT_CASES = [
    ((np.array([0.0068, 0.1592, 0.8340]),), 2),
    ((np.array([0.70, 0.20, 0.10]),), 0),
    ((np.array([0.01, 0.02, 0.05, 0.01, 0.03, 0.02, 0.01, 0.80, 0.03, 0.02]),), 7),
]

predict_class_exercise = FunctionExercise(
    N_("Exercise 6.5 (the highest activation wins)"),
    _PREDICT_CASES,
    tolerance=1e-9,
    func_name="predict_class",
    mistakes=[
        (lambda a: np.max(a), N_("that is the largest activation itself; the class is its position in the list.")),
        (lambda a: np.argmin(a), N_("that is the position of the *smallest* activation; the network chooses the largest.")),
        (lambda a: np.argmax(a) + 1,
         N_("classes are counted from 0, like Python's positions: the first output is class 0.")),
    ],
    hint=N_("np.argmax(a) gives the position of the largest value in a."),
    solution=N_("def predict_class(activations):\n    return int(np.argmax(activations))"),
)

# --- 6.6 predict before you look: softmax(z + 10) -----------------------------------------------
softmax_shift_exercise = ChoiceExercise(
    N_("Exercise 6.6 (predict: add 10 to every z)"),
    "B",
    {
        "A": N_("the exponentials do grow, e^(z+10) = e^10 · e^z, but so does their sum: the factor e^10 cancels."),
        "B": N_("e^(z+10) = e^10 · e^z, and the same factor e^10 appears in the sum below, so it cancels. "
                "Only the *differences* between the z's matter."),
        "C": N_("that happens when you *multiply* z by a number bigger than 1; adding the same number changes nothing."),
        "D": N_("they stay as different as before: adding the same number keeps the differences between the z's."),
    },
    hint=N_("Write e^(z_k + 10) as e^10 · e^(z_k). What happens to e^10 in the fraction e^(z_k) / Σ_j e^(z_j)?"),
    solution=N_('answer = "B"   # softmax(z + 10) = softmax(z): the factor e^10 is in the numerator and in the sum'),
)


# --- 6.7 softmax ----------------------------------------------------------------------------------
def _softmax(z):
    e = np.exp(z - np.max(z))
    return e / e.sum()


def _explain_softmax(args, got, want):
    if isinstance(got, Exception):
        return None
    if got.shape != want.shape:
        return _("return one probability per input")
    if not np.isclose(got.sum(), 1.0):
        return _("your outputs add up to {total:.4g}, not 1: divide every e^z by the sum of all of them").format(
            total=got.sum())
    return None


_SOFTMAX_CASES = [
    ((np.array([1.0, 2.0, 3.0]),), _softmax(np.array([1.0, 2.0, 3.0]))),
    ((np.array([0.0, 0.0, 0.0, 0.0]),), np.full(4, 0.25)),
    ((np.array([2.0, -1.0, 0.5]),), _softmax(np.array([2.0, -1.0, 0.5]))),
    ((np.array([1000.0, 1001.0]),), _softmax(np.array([1000.0, 1001.0]))),
]

softmax_exercise = FunctionExercise(
    N_("Exercise 6.7 (softmax)"),
    _SOFTMAX_CASES,
    tolerance=1e-6,
    explain=_explain_softmax,
    func_name="my_softmax",
    mistakes=[
        (lambda z: np.exp(z) / np.exp(z).sum(),
         N_("nan or inf: e^1000 is too big for a computer (overflow). Subtract the largest z first, "
            "np.exp(z - np.max(z)); by exercise 6.6 this does not change the answer.")),
        (lambda z: z / np.sum(z), N_("the exponential is missing: use np.exp(z) before dividing.")),
    ],
    hint=N_("p_k = e^(z_k) / Σ_j e^(z_j): np.exp(z) for the top, its .sum() for the bottom. "
            "Then try z = [1000, 1001] and use exercise 6.6 to fix what goes wrong."),
    solution=N_("def my_softmax(z):\n    e = np.exp(z - np.max(z))   # the shift changes nothing (6.6) but avoids overflow\n"
                "    return e / e.sum()"),
)

# --- 6.8 the output error of softmax + cross-entropy: δ = p − t ----------------------------------
_DELTA_P = np.array([0.1, 0.7, 0.2])           # the network's probabilities; the right class is 2
_DELTA_T = np.array([0.0, 0.0, 1.0])           # one-hot target of class 2

output_delta_exercise = ValueExercise(
    N_("Exercise 6.8 (the output error δ)"),
    (_DELTA_P - _DELTA_T).tolist(),            # [0.1, 0.7, −0.8]
    tolerance=1e-6,
    mistakes=[
        ((_DELTA_T - _DELTA_P).tolist(), N_("the signs are the wrong way round: δ = p − t (probability minus target), "
                                            "so the right class gets a negative δ here.")),
        ((_DELTA_P - np.array([0.0, 1.0, 0.0])).tolist(),
         N_("that target is class 1. Classes are counted from 0: class 2 is the third one, t = (0, 0, 1).")),
        (_DELTA_P.tolist(), N_("these are the probabilities p themselves; subtract the target t = (0, 0, 1).")),
        (((_DELTA_P - _DELTA_T) * _DELTA_P * (1 - _DELTA_P)).tolist(),
         N_("that is squared error's δ = (a − t)·σ'(z) with the factor a(1 − a). With softmax + cross-entropy the "
            "factor cancels: δ = p − t.")),
    ],
    hint=N_("Write the target of class 2 as a one-hot list t = (0, 0, 1), then subtract it from p, entry by entry."),
    solution="answer = [0.1 - 0, 0.7 - 0, 0.2 - 1]   # δ = p − t = [0.1, 0.7, −0.8]",
)

# --- 6.9 parameters of 784-128-10 ---------------------------------------------------------------
n_params_exercise = ValueExercise(
    N_("Exercise 6.9 (weights and biases of 784-128-10)"),
    784 * 128 + 128 + 128 * 10 + 10,
    tolerance=0.5,
    mistakes=[
        (784 * 128 + 128 * 10, N_("these are the weights only; each of the 128 + 10 neurons also has a bias.")),
        (784 + 128 + 10, N_("that counts neurons (and inputs). Count the connections: every input meets every "
                            "hidden neuron, 784 × 128 weights, and so on.")),
        (784 * 128 + 128, N_("that is the first layer only; add the 128 × 10 weights and 10 biases of the output layer.")),
        (784 * 128 * 10, N_("weights are counted layer by layer and then added, not multiplied through the network.")),
    ],
    hint=N_("A layer with n_in inputs and n_out neurons has n_in × n_out weights and n_out biases. Add both layers."),
    solution="answer = (784 * 128 + 128) + (128 * 10 + 10)   # 100480 + 1290 = 101770",
)

# --- 6.10 predict before you look: the untrained network -------------------------------------------
untrained_accuracy_exercise = ChoiceExercise(
    N_("Exercise 6.10 (predict: accuracy before training)"),
    "B",
    {
        "A": N_("to be right almost never it would have to know the answer and avoid it. Random weights just guess."),
        "B": N_("random weights are as good as guessing one of 10 digits: right about 1 time in 10."),
        "C": N_("50 % is the chance of a guess between *two* classes; here there are ten."),
        "D": N_("97 % is what training achieves. The weights are still random numbers."),
    },
    hint=N_("The weights are random, so the output is a guess. How often is a guess among 10 digits right?"),
    solution=N_('answer = "B"   # about 10 %: one chance in ten, like guessing'),
)

# --- 6.11 why a separate validation set -----------------------------------------------------------
generalisation_exercise = ChoiceExercise(
    N_("Exercise 6.11 (why separate validation data?)"),
    "B",
    {
        "A": N_("checking on different images does not make training faster; it tells us something training data cannot."),
        "B": N_("the goal is to classify *new* handwriting (generalisation, 汎化). Images the network trained on "
                "cannot show that: it may simply have memorised them."),
        "C": N_("training data is never used up: the same 60 000 images are used again in every epoch."),
        "D": N_("validation images are never used to change the weights; they only measure."),
    },
    hint=N_("What do we want the finished network to do: repeat answers it has seen, or read new handwriting?"),
    solution=N_('answer = "B"   # to measure generalisation (汎化):\n'
                "               # how well the network does on images it has never seen"),
)

# --- 6.12 label smoothing: the soft target of the right class -------------------------------------
smoothed_target_exercise = ValueExercise(
    N_("Exercise 6.12 (the smoothed target of the right class)"),
    (1 - 0.1) * 1 + 0.1 / 10,
    tolerance=1e-6,
    mistakes=[
        (0.9, N_("that is (1 − ε)·1 only. The ε taken away is shared by *all* 10 classes, the right one too: "
                 "add ε/K = 0.01.")),
        (0.01, N_("0.01 = ε/K is what each *wrong* class gets. The right class gets (1 − ε)·1 + ε/K.")),
        (0.1, N_("0.1 is ε itself, the share taken from the right class and spread over all 10 classes.")),
        (0.99, N_("that would leave only 0.01 for the 9 wrong classes together; each of them gets ε/K = 0.01.")),
        (1.0, N_("that is the one-hot target, before smoothing. Put t = 1 into (1 − ε)·t + ε/K.")),
    ],
    hint=N_("Put t = 1 (the right class), ε = 0.1 and K = 10 into t_ls = (1 − ε)·t + ε/K."),
    solution=N_("answer = (1 - 0.1) * 1 + 0.1 / 10   # 0.9 + 0.01 = 0.91; each wrong class: 0.1 / 10 = 0.01"),
)
