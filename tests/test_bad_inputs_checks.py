"""Bad inputs to the exercise checkers (they answer with a message, never raise) and to the
exercise constructors (they raise TypeError/ValueError naming the parameter)."""
import math

import numpy as np
import pytest
from bad_input_support import Bad, ids, run

from course_lib.checks import (ChoiceExercise, FunctionExercise, GateExercise, OrderExercise, ValueExercise,
                               ch00, ch01, ch02, ch03, ch04, ch05, ch06, ch08)

nan, inf = math.nan, math.inf
KW = dict(hint="a hint", solution="answer = 1")


def _boom(*args):
    raise RuntimeError("my bug")


def _relu_template(x):
    return ...


TABLE = [
    # ---------------------------------------------------------------- found by the tester
    Bad("ch00.restart_quiz: a list ['B']", lambda: ch00.restart_quiz.evaluate(["B"]), None,
        ("one of the choices", "'A', 'B', 'C'", "in quotes", "['B'] (a list)")),
    Bad("ch01.nand_gate: the string '113'", lambda: ch01.nand_gate.evaluate("113"), None,
        ("a string '113'", "without quotes", "three numbers (w1, w2, b)")),
    Bad("ch01.worked_example: the string '-0.27'", lambda: ch01.worked_example.evaluate("-0.27"), None,
        ("a string '-0.27'", "not a number", "without quotes")),
    Bad("ch01.nand_gate: (nan, nan, nan)", lambda: ch01.nand_gate.evaluate((nan, nan, nan)), None,
        ("nan", "calculation went wrong", "three numbers")),
    # ---------------------------------------------------------------- value exercises
    Bad("ch00.seconds_per_day: None", lambda: ch00.seconds_per_day.evaluate(None), None,
        ("your answer is None", "number")),
    Bad("ch00.seconds_per_day: ''", lambda: ch00.seconds_per_day.evaluate(""), None, ("the text ''", "number")),
    Bad("ch00.seconds_per_day: 'abc'", lambda: ch00.seconds_per_day.evaluate("abc"), None,
        ("the text 'abc'", "without quotes")),
    Bad("ch00.seconds_per_day: '86400'", lambda: ch00.seconds_per_day.evaluate("86400"), None,
        ("a string '86400'", "without quotes")),
    Bad("ch00.seconds_per_day: True", lambda: ch00.seconds_per_day.evaluate(True), None,
        ("True", "truth value", "not a number")),
    Bad("ch00.seconds_per_day: inf", lambda: ch00.seconds_per_day.evaluate(inf), None, ("inf", "went wrong")),
    Bad("ch00.seconds_per_day: a dict", lambda: ch00.seconds_per_day.evaluate({"a": 1}), None,
        ("{'a': 1} (a dict)", "number")),
    Bad("ch00.seconds_per_day: an empty dict", lambda: ch00.seconds_per_day.evaluate({}), None, ("a dict",)),
    Bad("ch00.seconds_per_day: a set", lambda: ch00.seconds_per_day.evaluate({86400}), None, ("a set",)),
    Bad("ch00.seconds_per_day: [] ", lambda: ch00.seconds_per_day.evaluate([]), None,
        ("expected one number", "nothing")),
    Bad("ch00.seconds_per_day: a function", lambda: ch00.seconds_per_day.evaluate(_boom), None,
        ("the function _boom", "not a number", "call it")),
    Bad("ch01.worked_example: float nan", lambda: ch01.worked_example.evaluate(nan), None,
        ("nan (not a number)", "step by step")),
    Bad("ch01.worked_example: (nan, nan)", lambda: ch01.worked_example.evaluate((nan, nan)), None,
        ("contains nan",)),
    Bad("ch01.worked_example: a (2, 3) array", lambda: ch01.worked_example.evaluate(np.ones((2, 3))), None,
        ("expected one number", "shaped (2, 3)")),
    Bad("ch01.worked_example: unicode minus '−0.27'", lambda: ch01.worked_example.evaluate("−0.27"), None,
        ("a string", "without quotes", "-0.27")),
    Bad("ch01.worked_example: bytes", lambda: ch01.worked_example.evaluate(b"-0.27"), None, ("a string",)),
    Bad("ch01.worked_example: complex", lambda: ch01.worked_example.evaluate(1j), None, ("complex", "real number")),
    Bad("ch01.worked_example: a string in an object array", lambda: ch01.worked_example.evaluate(
        np.array(["-0.27"], dtype=object)), None, ("contains the string '-0.27'", "without quotes")),
    Bad("ch01.worked_example: a complex array", lambda: ch01.worked_example.evaluate(np.array([1j])), None,
        ("complex128", "real numbers")),
    Bad("ch01.worked_example: an int too large", lambda: ch01.worked_example.evaluate(10 ** 400), None,
        ("too large",)),
    Bad("ch01.orders_of_magnitude: the class int", lambda: ch01.orders_of_magnitude.evaluate(int), None,
        ("int", "not a number")),
    Bad("ch01.threshold_to_bias: a 0-d array of the wrong value", lambda: ch01.threshold_to_bias.evaluate(
        np.array(1.5)), None, ("mind the sign", "b = −θ")),
    Bad("ch02.self_study1: one number for two", lambda: ch02.self_study1.evaluate(3), None,
        ("expected 2 value(s) shaped (2,)", "got one number")),
    Bad("ch02.self_study1: (True, 3)", lambda: ch02.self_study1.evaluate((True, 3)), None,
        ("contains True", "truth value")),
    Bad("ch02.self_study1: ('0', '3')", lambda: ch02.self_study1.evaluate(("0", "3")), None,
        ("contains the string '0'", "without quotes")),
    Bad("ch02.relu_grad_quiz: (nan, 1)", lambda: ch02.relu_grad_quiz.evaluate((nan, 1)), None, ("nan",)),
    Bad("ch02.relu_grad_quiz: None inside", lambda: ch02.relu_grad_quiz.evaluate((0, None)), None,
        ("contains None",)),
    Bad("ch03.weight_shape: the string '(12, 3)'", lambda: ch03.weight_shape.evaluate("(12, 3)"), None,
        ("a string '(12, 3)'", "without quotes")),
    Bad("ch03.weight_shape: a (12, 3) array instead of its shape", lambda: ch03.weight_shape.evaluate(
        np.zeros((12, 3))), None, ("expected 2 value(s) shaped (2,)", "36 value(s) shaped (12, 3)")),
    Bad("ch04.errors_exercise: ragged", lambda: ch04.errors_exercise.evaluate([0.1, [0.2, 0.3]]), None,
        ("not a regular table", "different lengths")),
    Bad("ch04.errors_exercise: a string inside", lambda: ch04.errors_exercise.evaluate([0.0068, "0.1592", -0.166]),
        None, ("contains the string '0.1592'", "without quotes")),
    Bad("ch04.quiz_table_exercise: too short", lambda: ch04.quiz_table_exercise.evaluate([12, 6, 0]), None,
        ("expected 9 value(s) shaped (9,)", "3 value(s)")),
    Bad("ch06.grey_code_exercise: ragged rows", lambda: ch06.grey_code_exercise.evaluate([[0, 1], [2]]), None,
        ("rows of different lengths",)),
    Bad("ch06.grey_code_exercise: a bool array", lambda: ch06.grey_code_exercise.evaluate(np.ones((4, 4), bool)),
        None, ("truth values",)),
    Bad("ch06.grey_code_exercise: one entry wrong", lambda: ch06.grey_code_exercise.evaluate(
        [[0, 1, 2, 3], [0, 1, 2, 3], [3, 3, 3, 3], [1, 1, 0, 1]]), None, ("position (3, 3)", "counting from 0")),
    Bad("ch08.projection_exercise: '2055'", lambda: ch08.projection_exercise.evaluate("2055"), None,
        ("a string '2055'", "without quotes")),
    # ---------------------------------------------------------------- choice and order exercises
    Bad("ch00.error_quiz: None", lambda: ch00.error_quiz.evaluate(None), None, ("one of the choices", "None")),
    Bad("ch00.error_quiz: 3", lambda: ch00.error_quiz.evaluate(3), None, ("in quotes", "3 (an int)")),
    Bad("ch00.error_quiz: 'D'", lambda: ch00.error_quiz.evaluate("D"), None, ("'D' is not one of the choices",)),
    Bad("ch00.error_quiz: a dict", lambda: ch00.error_quiz.evaluate({"C": 1}), None, ("a dict",)),
    Bad("ch01.predict_bias_gate: True", lambda: ch01.predict_bias_gate.evaluate(True), None,
        ("'AND', 'OR', 'NAND', 'XOR'", "truth value")),
    Bad("ch06.softmax_shift_exercise: ''", lambda: ch06.softmax_shift_exercise.evaluate(""), None,
        ("'' is not one of the choices",)),
    Bad("ch08.depth_prediction_exercise: a function", lambda: ch08.depth_prediction_exercise.evaluate(_boom), None,
        ("in quotes", "the function _boom")),
    Bad("ch04.algorithm_order_exercise: 12345", lambda: ch04.algorithm_order_exercise.evaluate(12345), None,
        ("one string in quotes", "12345 (an int)")),
    Bad("ch04.algorithm_order_exercise: '12'", lambda: ch04.algorithm_order_exercise.evaluate("12"), None,
        ("exactly once", "no letters")),
    Bad("ch04.algorithm_order_exercise: a letter twice", lambda: ch04.algorithm_order_exercise.evaluate("CBEDD"),
        None, ("exactly once", "'CBEDD'")),
    Bad("ch04.algorithm_order_exercise: None", lambda: ch04.algorithm_order_exercise.evaluate(None), None,
        ("one string", "None")),
    # ---------------------------------------------------------------- gate exercise
    Bad("ch01.nand_gate: two numbers", lambda: ch01.nand_gate.evaluate((1, 2)), None,
        ("expected 3 value(s)", "three numbers (w1, w2, b)")),
    Bad("ch01.nand_gate: None", lambda: ch01.nand_gate.evaluate(None), None, ("None", "three numbers")),
    Bad("ch01.nand_gate: inf", lambda: ch01.nand_gate.evaluate((-inf, -1, 1)), None, ("inf", "three numbers")),
    Bad("ch01.nand_gate: a dict", lambda: ch01.nand_gate.evaluate({"w1": -2, "w2": -2, "b": 3}), None,
        ("a dict", "three numbers")),
    # ---------------------------------------------------------------- function exercises
    Bad("ch02.exercise1: a number", lambda: ch02.exercise1.evaluate(3), None,
        ("expected a function", ".check(my_relu)", "3 (an int)")),
    Bad("ch02.exercise1: a string", lambda: ch02.exercise1.evaluate("relu"), None,
        ("expected a function", "'relu' (a string)")),
    Bad("ch02.exercise1: a function that raises", lambda: ch02.exercise1.evaluate(_boom), None,
        ("relu(-3) raised RuntimeError: my bug",)),
    Bad("ch02.exercise1: returns None", lambda: ch02.exercise1.evaluate(lambda x: None), None,
        ("relu(-3) returned None", "forget `return`")),
    Bad("ch02.exercise1: returns a string", lambda: ch02.exercise1.evaluate(lambda x: str(max(x, 0))), None,
        ("relu(-3) returned a string '0'", "without quotes")),
    Bad("ch02.exercise1: returns a bool", lambda: ch02.exercise1.evaluate(lambda x: x > 0), None,
        ("truth value",)),
    Bad("ch02.exercise1: returns the wrong shape", lambda: ch02.exercise1.evaluate(lambda x: [x, x]), None,
        ("returned 2 value(s) shaped (2,)", "expected one number")),
    Bad("ch02.exercise1: returns nan", lambda: ch02.exercise1.evaluate(lambda x: nan), None,
        ("returned nan", "went wrong")),
    Bad("ch02.exercise1: returns a function", lambda: ch02.exercise1.evaluate(lambda x: _boom), None,
        ("returned the function _boom", "return its result")),
    Bad("ch02.exercise1: two arguments", lambda: ch02.exercise1.evaluate(lambda x, y: x), None,
        ("relu must take 1 argument(s)", "relu(-3)", "takes (x, y)")),
    Bad("ch02.exercise1: no arguments", lambda: ch02.exercise1.evaluate(lambda: 0), None,
        ("must take 1 argument(s)", "takes ()")),
    Bad("ch02.exercise1: a class", lambda: ch02.exercise1.evaluate(int), None, ("expected a function",)),
    Bad("ch01.exercise2: one argument", lambda: ch01.exercise2.evaluate(lambda x1: x1), None,
        ("n must take 2 argument(s)", "n(0, 0)")),
    Bad("ch02.collapse_exercise: returns None", lambda: ch02.collapse_exercise.evaluate(lambda *a: None), None,
        ("returned None", "return W, b")),
    Bad("ch02.collapse_exercise: returns three values", lambda: ch02.collapse_exercise.evaluate(
        lambda W1, b1, W2, b2: (W1, b1, W2)), None, ("(a tuple)", "must return W, b")),
    Bad("ch02.collapse_exercise: a string as b", lambda: ch02.collapse_exercise.evaluate(
        lambda W1, b1, W2, b2: (W1 @ W2, "b")), None, ("as b", "the text 'b'")),
    Bad("ch03.layer_exercise: W @ X", lambda: ch03.layer_exercise.evaluate(lambda X, W, b: np.maximum(W @ X + b, 0)),
        None, ("raised ValueError", "X @ W (not W @ X)")),
    Bad("ch03.layer_exercise: wrong shape", lambda: ch03.layer_exercise.evaluate(lambda X, W, b: np.ones((5, 7))),
        None, ("35 value(s) shaped (5, 7)", "expected 8 value(s) shaped (4, 2)")),
    Bad("ch04.output_gradient_exercise: transposed", lambda: ch04.output_gradient_exercise.evaluate(
        lambda a_H, z_O, a_O, t: np.outer(a_O - t, a_H)), None, ("shaped (2, 3)", "np.outer(a_H, …)")),
    Bad("ch05.gradient_exercise: one number", lambda: ch05.gradient_exercise.evaluate(lambda a, b, x, y: 1.0), None,
        ("expected 2 value(s)", "must return dE_da, dE_db")),
    Bad("ch05.unscale_exercise: returns a dict", lambda: ch05.unscale_exercise.evaluate(
        lambda a_s, b_s, m, s: {"a": 1, "b": 2}), None, ("a dict",)),
    Bad("ch05.hubble_time_exercise: raises ZeroDivisionError", lambda: ch05.hubble_time_exercise.evaluate(
        lambda H0: 1 / 0), None, ("hubble_time_gyr(454) raised ZeroDivisionError",)),
    Bad("ch06.flatten_exercise: returns a list of strings", lambda: ch06.flatten_exercise.evaluate(
        lambda image: [str(v) for v in image.ravel()]), None, ("contains the string '0'", "without quotes")),
    Bad("ch06.softmax_exercise: overflow", lambda: ch06.softmax_exercise.evaluate(
        lambda z: np.exp(z) / np.exp(z).sum()), None, ("my_softmax([1000, 1001])", "overflow")),
    Bad("ch06.predict_class_exercise: returns a tuple", lambda: ch06.predict_class_exercise.evaluate(
        lambda a: (int(np.argmax(a)), 1.0)), None, ("expected one number",)),
    Bad("ch08.count_params_exercise: returns the sizes", lambda: ch08.count_params_exercise.evaluate(
        lambda sizes: sizes), None, ("returned 3 value(s) shaped (3,)", "expected one number")),
    Bad("ch08.count_params_exercise: the template returns something odd", lambda: ch08.count_params_exercise.evaluate(
        lambda sizes: {...}), None, ("a set",)),
    # ---------------------------------------------------------------- constructors: the course author's mistakes
    Bad("ValueExercise without a name", lambda: ValueExercise(None, 1.0, **KW), TypeError,
        ("name", "non-empty string", "None")),
    Bad("ValueExercise with an empty name", lambda: ValueExercise("  ", 1.0, **KW), TypeError, ("name", "'  '")),
    Bad("ValueExercise without a hint", lambda: ValueExercise("x", 1.0, hint="", solution="s"), TypeError,
        ("hint", "non-empty string")),
    Bad("ValueExercise without a solution", lambda: ValueExercise("x", 1.0, hint="h", solution=None), TypeError,
        ("solution", "None")),
    Bad("ValueExercise: expected is a function", lambda: ValueExercise("x", _boom, **KW), ValueError,
        ("expected is", "the function _boom")),
    Bad("ValueExercise: expected nan", lambda: ValueExercise("x", nan, **KW), ValueError, ("expected is", "nan")),
    Bad("ValueExercise: negative tolerance", lambda: ValueExercise("x", 1.0, tolerance=-1, **KW), ValueError,
        ("tolerance", ">= 0", "-1")),
    Bad("ValueExercise: tolerance as a string", lambda: ValueExercise("x", 1.0, tolerance="0.1", **KW), ValueError,
        ("tolerance", "'0.1'")),
    Bad("ValueExercise: mistakes not pairs", lambda: ValueExercise("x", 1.0, mistakes=[2.0], **KW), TypeError,
        ("mistakes", "(wrong value, message) pairs", "2.0")),
    Bad("ValueExercise: a mistake without a message", lambda: ValueExercise("x", 1.0, mistakes=[(2.0, "")], **KW),
        TypeError, ("mistakes", "non-empty string")),
    Bad("FunctionExercise with no cases", lambda: FunctionExercise("f", [], **KW), ValueError,
        ("cases", "at least one", "empty")),
    Bad("FunctionExercise: cases not a list", lambda: FunctionExercise("f", 3, **KW), TypeError, ("cases", "3")),
    Bad("FunctionExercise: a case without args tuple", lambda: FunctionExercise("f", [(1, 1.0)], **KW), TypeError,
        ("cases", "(args tuple, expected result)", "(1, 1.0)")),
    Bad("FunctionExercise: an expected string", lambda: FunctionExercise("f", [((1,), "one")], **KW), ValueError,
        ("expected result", "'one'")),
    Bad("FunctionExercise: func_name not a name", lambda: FunctionExercise("f", [((1,), 1.0)], func_name="my f",
                                                                          **KW), ValueError,
        ("func_name", "Python name", "'my f'")),
    Bad("FunctionExercise: a mistake that is not a function", lambda: FunctionExercise(
        "f", [((1,), 1.0)], mistakes=[(2.0, "no")], **KW), TypeError, ("mistakes", "wrong function", "2.0")),
    Bad("FunctionExercise: explain not callable", lambda: FunctionExercise("f", [((1,), 1.0)], explain="why",
                                                                          **KW), TypeError, ("explain", "'why'")),
    Bad("ChoiceExercise: answer not an option", lambda: ChoiceExercise("c", "Z", {"A": "", "B": ""}, **KW),
        ValueError, ("answer 'Z'", "one of the options")),
    Bad("ChoiceExercise: options a list", lambda: ChoiceExercise("c", "A", ["A", "B"], **KW), TypeError,
        ("options", "dict", "['A', 'B']")),
    Bad("ChoiceExercise: a number as an option", lambda: ChoiceExercise("c", 1, {1: "", 2: ""}, **KW), TypeError,
        ("options", "non-empty string", "1")),
    Bad("OrderExercise: repeated letters", lambda: OrderExercise("o", "AAB", **KW), ValueError,
        ("expected", "distinct letters", "'AAB'")),
    Bad("OrderExercise: not letters", lambda: OrderExercise("o", 123, **KW), ValueError, ("expected", "123")),
    Bad("GateExercise: unknown gate", lambda: GateExercise("g", "XNOR", **KW), ValueError,
        ("gate must be one of", "'XNOR'")),
]


@pytest.mark.parametrize("row", TABLE, ids=ids(TABLE))
def test_bad_input(row):
    run(row)


def test_the_table_is_big_enough():
    checker_rows = [row for row in TABLE if row.exc is None]
    assert len(checker_rows) >= 60
    assert len(TABLE) - len(checker_rows) >= 20


def test_a_template_is_never_a_bad_input():
    assert "Not attempted yet" in ch02.exercise1.evaluate(_relu_template).message
