"""The exercise framework itself: not attempted, right, typical wrong answers, errors in student code,
the silent API (evaluate / is_correct / grade), and every exercise answering every odd input."""
import math

import numpy as np
import pytest

from course_lib.checks import (ChoiceExercise, FunctionExercise, GateExercise, OrderExercise, Result,
                               ValueExercise, all_exercises, chapters, fmt, read_numbers)
from course_lib.checks.answers import AnswerProblem

relu_ex = FunctionExercise(
    "ReLU", [((-3,), 0.0), ((0,), 0.0), ((3,), 3.0)], func_name="relu",
    mistakes=[(abs, "that is |x|")],
    explain=lambda args, got, want: "ReLU gives 0 for negative inputs" if args[0] < 0 else None,
    hint="Return 0 for negative x.", solution="def relu(x):\n    return x if x > 0 else 0")
sum_ex = ValueExercise("weighted sum", -0.27, tolerance=1e-3, mistakes=[(-0.47, "add the bias 0.2")],
                       hint="Multiply, add up, add the bias.", solution="z = -0.27")
pick_ex = ChoiceExercise("prediction", "B", {"A": "the bias moves the line", "B": "", "C": "no"},
                         hint="Think of the line.", solution='answer = "B"')
KW = dict(hint="h", solution="s")


def test_not_attempted():
    for ex in (relu_ex, sum_ex, pick_ex):
        result = ex.evaluate(...)
        assert not result and "Not attempted yet" in result.message
        assert result.message.startswith("○")
    assert "Not attempted yet" in relu_ex.evaluate(lambda x: ...).message
    assert "Not attempted yet" in sum_ex.evaluate((..., ...)).message


def test_function_exercise():
    assert relu_ex.evaluate(lambda x: max(0, x))
    wrong = relu_ex.evaluate(lambda x: x)
    assert not wrong and "relu(-3) returned -3; ReLU gives 0 for negative inputs" in wrong.message
    crash = relu_ex.evaluate(lambda x: 1 / (x + 3))
    assert "relu(-3) raised ZeroDivisionError" in crash.message
    none = relu_ex.evaluate(lambda x: None)
    assert "returned None; did you forget `return`?" in none.message
    assert "expected a function" in relu_ex.evaluate(3).message
    fallback = relu_ex.evaluate(lambda x: 0)
    assert "relu(3) returned 0; expected 3 (±1e-06)" in fallback.message
    mistake = relu_ex.evaluate(abs)
    assert "relu(-3) = 3, relu(0) = 0, relu(3) = 3: that is |x|" in mistake.message


def test_function_exercise_odd_results():
    text = relu_ex.evaluate(lambda x: "0").message
    assert "relu(-3) returned a string '0'" in text and "without quotes" in text
    assert "truth value" in relu_ex.evaluate(lambda x: x > 0).message
    assert "nan" in relu_ex.evaluate(lambda x: float("nan")).message
    assert "one number" in relu_ex.evaluate(lambda x: [x, x]).message
    arity = relu_ex.evaluate(lambda x, y: x).message
    assert "relu must take 1 argument(s)" in arity and "(x, y)" in arity


def test_function_exercise_tuple_results():
    ex = FunctionExercise("split", [((2.0,), (np.ones((2, 2)), np.zeros(3)))], func_name="split",
                          returns="W, b", **KW)
    assert ex.evaluate(lambda n: (np.ones((2, 2)), np.zeros(3)))
    assert "must return W, b" in ex.evaluate(lambda n: np.ones((2, 2))).message
    assert "as b" in ex.evaluate(lambda n: (np.ones((2, 2)), np.zeros(4))).message
    assert "right numbers as W, but shaped (4,)" in ex.evaluate(lambda n: (np.ones(4), np.zeros(3))).message


def test_function_exercise_does_not_share_its_cases():
    ex = FunctionExercise("sum", [((np.array([1.0, 2.0]),), 3.0), ((np.array([1.0, 2.0]),), 3.0)],
                          func_name="total", **KW)

    def sneaky(a):
        total = a.sum()
        a[:] = 0
        return total

    assert ex.evaluate(sneaky)


def test_value_exercise():
    assert sum_ex.evaluate(-0.2701)
    assert sum_ex.evaluate(np.float32(-0.27)) and sum_ex.evaluate(np.array(-0.27))
    assert "add the bias 0.2" in sum_ex.evaluate(-0.47).message
    assert "answers within ±0.001 count" in sum_ex.evaluate(0.27).message
    assert "the text 'minus 0.27'" in sum_ex.evaluate("minus 0.27").message
    assert "expected one number; got 2 value(s)" in sum_ex.evaluate([1, 2]).message
    tuple_ex = ValueExercise("outputs", (0, 0.5, 0.5, 1.5), **KW)
    assert tuple_ex.evaluate([0, 0.5, 0.5, 1.5]) and not tuple_ex.evaluate([0, 0.5, 0.5])
    partly = tuple_ex.evaluate([0, 0.5, 0.5, 1.0])
    assert "position 3" in partly.message and partly.score == 0.75


def test_value_exercise_refuses_strings_and_says_so():
    message = sum_ex.evaluate("-0.27").message
    assert "a string '-0.27'" in message and "without quotes" in message
    assert not sum_ex.evaluate("-0.27").ok
    assert "truth value" in sum_ex.evaluate(True).message
    assert "nan" in sum_ex.evaluate(float("nan")).message


def test_value_exercise_mistake_test():
    ex = ValueExercise("big", 7.0, mistakes=[(lambda v: v > 1000, "take the log10")], **KW)
    assert "take the log10" in ex.evaluate(7.8e6).message
    assert "take the log10" not in ex.evaluate([1e6, 1e7]).message     # the test does not fit: no message


def test_choice_exercise():
    assert pick_ex.evaluate("b") and pick_ex.evaluate(" B ")
    assert "not 'A': the bias moves the line" in pick_ex.evaluate("A").message
    assert "is not one of the choices" in pick_ex.evaluate("D").message
    assert "text in quotes" in pick_ex.evaluate(["B"]).message
    with pytest.raises(ValueError, match="must be one of the options"):
        ChoiceExercise("bad", "Z", {"A": "", "B": ""}, **KW)


def test_order_exercise():
    ex = OrderExercise("order", "CAB", mistakes={"ACB": "A needs C"}, **KW)
    assert ex.evaluate("c, a, b") and ex.evaluate(["C", "A", "B"])
    assert "A needs C" in ex.evaluate("ACB").message
    assert ex.grade("CBA") == pytest.approx(1 / 3)
    assert "exactly once" in ex.evaluate("CA").message


def test_gate_exercise():
    ex = GateExercise("and", "AND", **KW)
    assert ex.evaluate((1, 1, -1.5))
    assert "that is OR" in ex.evaluate((1, 1, -0.5)).message
    assert ex.grade((1, 1, -0.5)) == 0.5
    assert "never fires" in ex.evaluate((0, 0, -1)).message


def test_silent_api_and_score():
    assert sum_ex.is_correct(-0.27) is True and sum_ex.is_correct(1.0) is False
    assert sum_ex.grade(-0.27) == 1.0 and sum_ex.grade(1.0) == 0.0
    assert relu_ex.grade(lambda x: 0) == pytest.approx(2 / 3)       # right for -3 and 0, wrong for 3
    assert relu_ex.grade(...) == 0.0
    result = relu_ex.evaluate(lambda x: 0)
    assert isinstance(result, Result) and 0.0 <= result.score <= 1.0


def test_check_hint_solution_print(capsys):
    sum_ex.check(-0.27)
    sum_ex.hint()
    sum_ex.solution()
    out = capsys.readouterr().out
    assert "✓ weighted sum: correct!" in out
    assert "Hint (weighted sum): Multiply" in out
    assert "Solution (weighted sum):\nz = -0.27" in out


def test_a_bug_in_a_checker_becomes_a_message():
    ex = FunctionExercise("explained", [((1,), 1.0)], func_name="f", explain=lambda *a: 1 / 0, **KW)
    assert "f(1) returned 2; expected 1" in ex.evaluate(lambda x: 2).message   # a failing explain says nothing

    class Broken(ValueExercise):
        def _evaluate(self, answer):
            raise RuntimeError("oops")

    result = Broken("broken", 1.0, **KW).evaluate(1.0)
    assert not result.ok and "could not be checked" in result.message


def test_fmt_is_stable():
    assert fmt(np.float64(0.123456)) == "0.1235"
    assert fmt((1, 2.5)) == "(1, 2.5)"
    assert fmt(np.array([0.5, 1.0])) == "[0.5, 1]"
    assert fmt(np.array(3.0)) == "3"
    assert fmt(np.arange(1000)).endswith("]") and len(fmt(np.arange(1000))) < 200


def test_read_numbers():
    assert read_numbers([1, 2]).tolist() == [1.0, 2.0]
    with pytest.raises(AnswerProblem, match="string '2'"):
        read_numbers([1, "2"])
    with pytest.raises(AnswerProblem, match="rows of different lengths"):
        read_numbers([[1, 2], [3]])
    with pytest.raises(AnswerProblem, match="inf"):
        read_numbers(math.inf)


def test_chapters_are_found():
    assert chapters() == [f"ch0{i}" for i in range(9)]
    assert "ch01.nand_gate" in all_exercises()


# ---------------------------------------------------------------- every exercise × every odd input
def _raises(*args):
    raise RuntimeError("my bug")


ODD_INPUTS = {
    "None": None, "empty string": "", "text": "abc", "numeric string": "12", "negative numeric string": "-0.27",
    "empty list": [], "list ['B']": ["B"], "empty dict": {}, "dict": {"a": 1}, "(nan, nan)": (math.nan, math.nan),
    "nan": math.nan, "inf": math.inf, "(nan, nan, nan)": (math.nan,) * 3, "array (5, 7)": np.ones((5, 7)),
    "0-d array": np.array(0.123), "function that raises": _raises, "function returning None": lambda *a: None,
    "function returning a str": lambda *a: "0.5", "function returning the wrong shape": lambda *a: np.ones((5, 7)),
    "lambda with no arguments": lambda: 0.0, "lambda with 7 arguments": lambda a, b, c, d, e, f, g: 0.0,
    "True": True, "a set": {1, 2}, "a class": int, "bytes": b"1", "complex": 1 + 2j,
}
EXERCISES = all_exercises()


@pytest.mark.parametrize("key", list(EXERCISES))
@pytest.mark.parametrize("label", list(ODD_INPUTS))
def test_every_exercise_answers_every_odd_input(key, label, capsys):
    exercise = EXERCISES[key]
    answer = ODD_INPUTS[label]
    with np.errstate(all="ignore"):
        result = exercise.evaluate(answer)
        exercise.check(answer)                   # prints, never raises
    out = capsys.readouterr().out
    assert out.strip() == result.message
    assert not result.ok, f"{key} accepted {label}: {result.message}"
    assert result.message.startswith("✗ "), result.message
    assert "could not be checked" not in result.message, result.message     # no checker fell through
    assert "Traceback" not in result.message
    assert exercise.is_correct(answer) is False and exercise.grade(answer) < 1.0
    if label.endswith("numeric string") and not isinstance(exercise, (ChoiceExercise, OrderExercise)):
        assert "string" in result.message, result.message


@pytest.mark.parametrize("key", list(EXERCISES))
def test_every_exercise_reports_ellipsis_as_not_attempted(key):
    result = EXERCISES[key].evaluate(...)
    assert not result.ok and result.message.startswith("○") and "Not attempted yet" in result.message
