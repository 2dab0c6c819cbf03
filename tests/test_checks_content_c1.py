"""Content round C1 (issue 12): the lecture's first error example in chapter 4, and the tangent-line figure.

- ``ch04.lecture_errors_exercise``: the lecture 「ニューラルネットワークとディープラーニング入門」
  (000/002, 5-5) shows two outputs, 0.24 (should be 0) and 0.83 (should be 1), with the errors 0.24 and −0.17.
- ``course_lib.figures.curves.curve_with_tangent``: the curve and its tangent line in chapter 4, section 4.
"""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from course_lib.checks import ch04  # noqa: E402
from course_lib.figures import curves  # noqa: E402

EX = ch04.lecture_errors_exercise


def test_the_lectures_errors_pass():
    activation, target = np.array([0.24, 0.83]), np.array([0.0, 1.0])
    result = EX.evaluate(activation - target)
    assert result.ok, result.message
    assert EX.evaluate((0.24, -0.17)).ok
    assert EX.evaluate([0.24, -0.17]).ok


@pytest.mark.parametrize("answer, fragment", [
    ((-0.24, 0.17), "signs are flipped"),              # target − activation
    ((0.24, 0.83), "activations themselves"),          # forgot to subtract the targets
    ((0.24, 0.17), "below* its target 1"),             # |error| instead of the signed error
    ((0.76, -0.17), "0.24 − 0 = 0.24"),                # 1 − activation for the first output
    ((0.24, -0.1760), "off"),                          # a nearby wrong number: generic message
])
def test_typical_wrong_answers_fail_and_say_why(answer, fragment):
    result = EX.evaluate(answer)
    assert not result.ok and result.message.startswith("✗")
    assert fragment in result.message, result.message


def test_one_number_is_not_two_errors():
    result = EX.evaluate(0.24)
    assert not result.ok and "2 value" in result.message


def test_the_solution_computes_the_answer():
    namespace = {"np": np}
    exec(EX.solution_text, namespace)  # noqa: S102
    assert EX.evaluate(namespace["lecture_errors"]).ok


# --- curve_with_tangent -----------------------------------------------------------------------------

def test_the_tangent_touches_the_curve_with_the_given_slope():
    ax = curves.curve_with_tangent(lambda x: x ** 2, 1.0, 2.0, x_range=(-3, 3), half_width=1.5)
    curve, tangent, dot = ax.lines
    np.testing.assert_allclose(curve.get_xdata()[[0, -1]], [-3, 3])
    np.testing.assert_allclose(curve.get_ydata()[[0, -1]], [9, 9])
    np.testing.assert_allclose(tangent.get_xdata(), [-0.5, 2.5])            # x0 ± half_width
    np.testing.assert_allclose(tangent.get_ydata(), [1 + 2 * -1.5, 1 + 2 * 1.5])   # f(x0) + slope·(x − x0)
    np.testing.assert_allclose([dot.get_xdata()[0], dot.get_ydata()[0]], [1.0, 1.0])
    plt.close("all")


def test_default_half_width_is_a_quarter_of_the_range_and_labels_are_used():
    ax = curves.curve_with_tangent(np.sin, 0.0, 1.0, x_range=(-8, 8), xlabel="weight w", ylabel="E",
                                   title="t", curve_label="E(w)", tangent_label="slope 1")
    np.testing.assert_allclose(ax.lines[1].get_xdata(), [-4, 4])
    assert ax.get_xlabel() == "weight w" and ax.get_ylabel() == "E" and ax.get_title() == "t"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["E(w)", "slope 1"]
    plt.close("all")


@pytest.mark.parametrize("kwargs, exc, words", [
    (dict(f=3, x0=0, slope=1, x_range=(-1, 1)), TypeError, ("f must be a function", "3")),
    (dict(f=np.sin, x0=5, slope=1, x_range=(-1, 1)), ValueError, ("x0", "<= 1", "5")),
    (dict(f=np.sin, x0=0, slope=np.nan, x_range=(-1, 1)), ValueError, ("slope", "finite", "nan")),
    (dict(f=np.sin, x0=0, slope=1, x_range=(1, -1)), ValueError, ("x_range", "low < high", "(1, -1)")),
    (dict(f=np.sin, x0=0, slope=1, x_range=(-1, 1), half_width=0), ValueError, ("half_width", "positive", "0")),
    (dict(f=np.sin, x0=0, slope=1, x_range=(-1, 1), n_points=1), TypeError, ("n_points", ">= 2", "1")),
    (dict(f=lambda x: [x, x], x0=0, slope=1, x_range=(-1, 1)), ValueError, ("f must return one finite number",)),
    (dict(f=lambda x: np.log(x - 5), x0=0, slope=1, x_range=(-1, 1)), ValueError, ("f must return", "nan")),
])
def test_bad_input_names_the_parameter(kwargs, exc, words):
    with np.errstate(invalid="ignore"), pytest.raises(exc) as info:
        curves.curve_with_tangent(**kwargs)
    message = str(info.value).lower()
    for word in words:
        assert word.lower() in message, (word, message)
    plt.close("all")
