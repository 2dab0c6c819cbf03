"""The exercise framework itself: not attempted, right, typical wrong answers, errors in student code."""
import pytest

from course_lib.checks import ChoiceExercise, FunctionExercise, ValueExercise, fmt

relu_ex = FunctionExercise(
    "ReLU", [((-3,), 0.0), ((0,), 0.0), ((3,), 3.0)], func_name="relu",
    explain=lambda args, got, want: "ReLU gives 0 for negative inputs" if args[0] < 0 else None,
    hint="Return 0 for negative x.", solution="def relu(x):\n    return x if x > 0 else 0")
sum_ex = ValueExercise("weighted sum", -0.27, tolerance=1e-3, wrong_answers=[(-0.47, "add the bias 0.2")],
                       hint="Multiply, add up, add the bias.", solution="-0.27")
pick_ex = ChoiceExercise("prediction", "B", {"A": "the bias moves the line", "B": "", "C": "no"},
                         hint="Think of the line.", solution="B")


def test_not_attempted():
    for ex in (relu_ex, sum_ex, pick_ex):
        result = ex.evaluate(...)
        assert not result and "Not attempted yet" in result.message


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


def test_value_exercise():
    assert sum_ex.evaluate(-0.2701)
    assert "add the bias 0.2" in sum_ex.evaluate(-0.47).message
    assert "answers within ±0.001 count" in sum_ex.evaluate(0.27).message
    assert "expected a number" in sum_ex.evaluate("minus 0.27").message
    assert "shaped ()" in sum_ex.evaluate([1, 2]).message
    tuple_ex = ValueExercise("outputs", (0, 0.5, 0.5, 1.5), hint="", solution="")
    assert tuple_ex.evaluate([0, 0.5, 0.5, 1.5]) and not tuple_ex.evaluate([0, 0.5, 0.5])


def test_choice_exercise():
    assert pick_ex.evaluate("b")
    assert "not 'A': the bias moves the line" in pick_ex.evaluate("A").message
    assert "is not one of the choices" in pick_ex.evaluate("D").message
    with pytest.raises(ValueError, match="must be one of the options"):
        ChoiceExercise("bad", "Z", {"A": ""}, hint="", solution="")


def test_check_hint_solution_print(capsys):
    sum_ex.check(-0.27)
    sum_ex.hint()
    sum_ex.solution()
    out = capsys.readouterr().out
    assert "✓ weighted sum: correct!" in out
    assert "Hint (weighted sum): Multiply" in out
    assert "Solution (weighted sum):\n-0.27" in out


def test_fmt_is_stable():
    import numpy as np
    assert fmt(np.float64(0.123456)) == "0.1235"
    assert fmt((1, 2.5)) == "(1, 2.5)"
    assert fmt(np.array([0.5, 1.0])) == "[0.5, 1. ]"
