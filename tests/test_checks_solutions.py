"""Every exercise's own solution passes its own checker.

The exercises are found automatically (``course_lib.checks.all_exercises()``), so a new exercise
in any chapter module is covered without editing this file.  A solution is Python code: it is run
in a namespace like a chapter notebook's (numpy, math, relu, sigmoid, …); for a function exercise
the function named ``func_name`` is checked, otherwise the value of the last assignment.
"""
import ast
import math

import numpy as np
import pytest

from course_lib import activations
from course_lib.checks import FunctionExercise, all_exercises

EXERCISES = all_exercises()


def notebook_namespace():
    """What the chapter notebooks have imported when a student types a solution."""
    return {"np": np, "math": math, "relu": activations.relu, "sigmoid": activations.sigmoid,
            "sigmoid_grad": activations.sigmoid_grad, "step": activations.step,
            "softmax": activations.softmax,
            "my_relu": activations.relu}       # chapter 2's Exercise 1, which Self-study 1 calls


def answer_from_solution(exercise):
    """Run the solution's code and return the answer it defines."""
    code = exercise.solution_text
    tree = ast.parse(code)                      # a solution that is not Python fails here, with the line
    namespace = notebook_namespace()
    exec(compile(tree, f"<solution of {exercise.name}>", "exec"), namespace)
    if isinstance(exercise, FunctionExercise):
        assert exercise.func_name in namespace, f"the solution does not define {exercise.func_name}()"
        return namespace[exercise.func_name]
    last = tree.body[-1]
    if isinstance(last, ast.Expr):
        return eval(compile(ast.Expression(last.value), "<answer>", "eval"), namespace)
    assert isinstance(last, ast.Assign) and isinstance(last.targets[0], ast.Name), \
        "a value solution must end with an assignment `name = …` (or an expression)"
    return namespace[last.targets[0].id]


def test_every_chapter_has_exercises():
    chapters = {key.split(".")[0] for key in EXERCISES}
    assert chapters == {f"ch0{i}" for i in range(9)}
    assert len(EXERCISES) >= 60


@pytest.mark.parametrize("key", list(EXERCISES))
def test_solution_passes_its_own_checker(key):
    exercise = EXERCISES[key]
    answer = answer_from_solution(exercise)
    with np.errstate(all="raise"):              # a solution must not rely on an overflow or 0/0
        result = exercise.evaluate(answer)
    assert result.ok, f"{key}: the solution {exercise.solution_text!r} gives {result.message}"
    assert exercise.is_correct(answer) and exercise.grade(answer) == 1.0


@pytest.mark.parametrize("key", list(EXERCISES))
def test_no_student_facing_text_says_seed(key, capsys):
    exercise = EXERCISES[key]
    exercise.hint()
    exercise.solution()
    exercise.check(answer_from_solution(exercise))
    exercise.check(...)
    text = capsys.readouterr().out
    assert "seed" not in text.lower(), text


def test_a_wrong_solution_would_be_caught():
    from course_lib.checks import ValueExercise

    wrong_value = ValueExercise("x", 2.0, hint="h", solution="answer = 1 + 2   # 3")
    assert answer_from_solution(wrong_value) == 3 and not wrong_value.evaluate(3)
    wrong_function = FunctionExercise("f", [((1,), 2.0)], func_name="double", hint="h",
                                      solution="def double(x):\n    return x + 2")
    assert not wrong_function.evaluate(answer_from_solution(wrong_function))
