"""Exercises of chapters 6 (MNIST) and 8 (deep learning).

Every exercise: one correct answer passes, typical wrong answers fail with a *specific* message,
and an answer that is still ``...`` is "not attempted yet".
"""
import numpy as np
import pytest

from course_lib.checks import ch06, ch08
from check_support import ok, wrong




ALL_EXERCISES = [getattr(ch06, n) for n in ch06.__all__ if n.endswith("_exercise")] + \
                [getattr(ch08, n) for n in ch08.__all__ if n.endswith("_exercise")]


@pytest.mark.parametrize("ex", ALL_EXERCISES, ids=lambda ex: ex.name)
def test_ellipsis_is_not_attempted(ex, capsys):
    result = ex.evaluate(...)
    assert not result.ok
    assert "Not attempted yet" in result.message
    ex.check(...)
    assert "Not attempted yet" in capsys.readouterr().out


@pytest.mark.parametrize("ex", ALL_EXERCISES, ids=lambda ex: ex.name)
def test_hint_and_solution_print(ex, capsys):
    ex.hint()
    ex.solution()
    out = capsys.readouterr().out
    assert out.startswith("Hint (") and "Solution (" in out


def template(*args):
    """A student's function that still says ``return ...``."""
    return ...


@pytest.mark.parametrize("ex", [ch06.flatten_exercise, ch06.predict_class_exercise, ch06.softmax_exercise,
                                ch08.count_params_exercise], ids=lambda ex: ex.name)
def test_untouched_template_is_not_attempted(ex):
    result = ex.evaluate(template)
    assert not result.ok and "Not attempted yet" in result.message


# ----------------------------------------------------------------------------------- chapter 6
def test_grey_code():
    ex = ch06.grey_code_exercise
    ok(ex, [[0, 1, 2, 3], [0, 1, 2, 3], [3, 3, 3, 3], [1, 1, 0, 0]])
    ok(ex, ch06.MYSTERY_4X4.copy())
    wrong(ex, (3 - ch06.MYSTERY_4X4).tolist(), "black and white are swapped")
    wrong(ex, ch06.MYSTERY_4X4.T.tolist(), "columns written as rows")
    wrong(ex, (ch06.MYSTERY_4X4 + 1).tolist(), "the code starts at 0")
    wrong(ex, [0, 1, 2, 3], "shaped (4, 4)")


def test_colour_numbers():
    ex = ch06.colour_numbers_exercise
    ok(ex, 2352)
    wrong(ex, 784, "grey image", "3 numbers")
    wrong(ex, 84, "one row")
    wrong(ex, 1568, "3 numbers per pixel")
    wrong(ex, 1000, "is not right")


def test_pixel():
    ex = ch06.pixel_exercise
    ok(ex, 126)
    ok(ex, np.uint8(126))            # what X_train_img[0][5, 16] gives
    wrong(ex, 0, "background", "from 0")
    wrong(ex, 18, "column 15")
    wrong(ex, 253, "row 6")


def test_flatten():
    ex = ch06.flatten_exercise
    ok(ex, lambda image: image.reshape(-1))
    ok(ex, lambda image: np.ravel(image))
    wrong(ex, lambda image: image.T.reshape(-1), "column by column", "row by row")
    wrong(ex, lambda image: image.reshape(1, -1), "right numbers, but shaped (1, 6)", "1-D array")
    wrong(ex, lambda image: image, "still a 2-D image")
    wrong(ex, lambda image: image.reshape(784), "flatten([[0, 1, 2]", "raised ValueError")
    wrong(ex, "image.reshape(-1)", "expected a function")


def test_predict_class():
    ex = ch06.predict_class_exercise
    ok(ex, lambda a: int(np.argmax(a)))
    ok(ex, lambda a: list(a).index(max(a)))
    wrong(ex, lambda a: max(a), "the largest activation itself", "position")
    wrong(ex, lambda a: np.argmin(a), "smallest")
    wrong(ex, lambda a: np.argmax(a) + 1, "counted from 0")

    def forgot_return(a):
        np.argmax(a)

    wrong(ex, forgot_return, "returned None", "return")


def test_softmax_shift_prediction():
    ex = ch06.softmax_shift_exercise
    result = ok(ex, "B")
    assert "cancels" in result.message
    ok(ex, " b ")
    wrong(ex, "A", "cancels")
    wrong(ex, "C", "multiply")
    wrong(ex, "E", "not one of the choices")


def test_softmax():
    ex = ch06.softmax_exercise

    def stable(z):
        e = np.exp(z - np.max(z))
        return e / e.sum()

    ok(ex, stable)
    with np.errstate(over="ignore", invalid="ignore"):
        wrong(ex, lambda z: np.exp(z) / np.exp(z).sum(), "my_softmax([1000, 1001])", "overflow",
              "np.exp(z - np.max(z))")
    wrong(ex, lambda z: np.exp(z), "add up to", "divide")
    wrong(ex, lambda z: z / np.sum(z), "my_softmax(", "exponential is missing")
    wrong(ex, lambda z: float(stable(z).max()), "one probability per input")


def test_n_params():
    ex = ch06.n_params_exercise
    ok(ex, 101770)
    ok(ex, 784 * 128 + 128 + 128 * 10 + 10)
    wrong(ex, 101632, "weights only", "bias")
    wrong(ex, 922, "counts neurons")
    wrong(ex, 100480, "first layer only")
    wrong(ex, 1003520, "not multiplied")


def test_untrained_accuracy_prediction():
    ex = ch06.untrained_accuracy_exercise
    ok(ex, "B")
    wrong(ex, "D", "training achieves", "random")
    wrong(ex, "C", "two")
    wrong(ex, "A", "guess")


def test_generalisation():
    ex = ch06.generalisation_exercise
    assert "汎化" in ok(ex, "B").message
    wrong(ex, "A", "faster")
    wrong(ex, "C", "never used up")
    wrong(ex, "D", "never used to change the weights")


def test_smoothed_target():
    ex = ch06.smoothed_target_exercise
    ok(ex, 0.91)
    ok(ex, (1 - 0.1) * 1 + 0.1 / 10)
    wrong(ex, 0.9, "add ε/K = 0.01")
    wrong(ex, 0.01, "*wrong* class")
    wrong(ex, 0.1, "ε itself")
    wrong(ex, 1, "one-hot target")
    wrong(ex, 0.5)


# ----------------------------------------------------------------------------------- chapter 8
def test_layers():
    ex = ch08.layers_exercise
    ok(ex, 3 + 2 + 3)
    wrong(ex, 3, "number of small networks")
    wrong(ex, 9, "inputs are not a layer")
    wrong(ex, 18, "added, not multiplied")


def test_count_params():
    ex = ch08.count_params_exercise

    def good(sizes):
        return sum((a + 1) * b for a, b in zip(sizes[:-1], sizes[1:]))

    ok(ex, good)
    wrong(ex, lambda s: sum(a * b for a, b in zip(s[:-1], s[1:])), "count_params([12, 3, 2]) = 42",
          "weights only", "bias")
    wrong(ex, lambda s: sum(s), "counts the neurons")
    wrong(ex, lambda s: sum(a * b for a, b in zip(s[:-1], s[1:])) + sum(s), "inputs have no bias")
    wrong(ex, lambda s: int(np.prod(s)), "neighbouring layers")


def test_feature_level():
    ex = ch08.feature_level_exercise
    assert "middle" in ok(ex, "B").message
    wrong(ex, "A", "lines, edges")
    wrong(ex, "C", "whole objects")


def test_unsupervised():
    ex = ch08.unsupervised_exercise
    assert "教師なし学習" in ok(ex, "A").message
    wrong(ex, "B", "labelled", "supervised")
    wrong(ex, "C", "labelled ImageNet")


def test_projection():
    ex = ch08.projection_exercise
    assert ex.expected == 2055
    ok(ex, 2055)
    ok(ex, 2054.9)
    ok(ex, 2057)
    wrong(ex, 2050, "less than a quarter")
    wrong(ex, 2060, "earlier than that")
    wrong(ex, 2100, "far too late")
    wrong(ex, 2040, "is not right")


def test_depth_prediction():
    ex = ch08.depth_prediction_exercise
    assert "more digits correctly" in ok(ex, "B").message
    wrong(ex, "A", "template")
    wrong(ex, "C", "do not tie")


def test_the_mystery_image_is_read_only():
    with pytest.raises(ValueError, match="read-only"):
        ch06.MYSTERY_4X4[0, 0] = 9
