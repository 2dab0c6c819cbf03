"""Checkers of chapters 0–3 (course_lib.checks.ch00 … ch03).

For every exercise: one correct answer passes, typical wrong answers fail with a specific message,
and the untouched template (``...``) is reported as "not attempted".  A few tests also tie the
exercises' answers to the library and the explorers they talk about, so the text cannot drift.
"""
import numpy as np
import pytest

from course_lib import datasets
from course_lib.activations import relu, sigmoid, step
from course_lib.checks import ch00, ch01, ch02, ch03
from course_lib.neuron import Neuron, three_neuron_network, weighted_sum
from check_support import ok, wrong

NOT_ATTEMPTED = "Not attempted yet"




# ---------------------------------------------------------------------------------- templates
def _stub1(x):
    return ...


def _stub2(x1, x2):
    return ...


def _stub3(x1, x2, x3):
    return ...


def _stub_collapse(W1, b1, W2, b2):
    W = ...
    b = ...
    return W, b


def _stub_layer(X, W, b):
    return ...


TEMPLATES = [
    (ch00.seconds_per_day, ...), (ch00.restart_quiz, ...), (ch00.error_quiz, ...), (ch00.first_slider, ...),
    (ch01.orders_of_magnitude, ...), (ch01.worked_example, ...), (ch01.exercise2, _stub2),
    (ch01.self_study2, _stub3), (ch01.self_study2_step, ...), (ch01.predict_bias_gate, ...),
    (ch01.threshold_to_bias, ...), (ch01.nand_gate, ...), (ch01.pattern_damaged, ...),
    (ch01.predict_pattern_bias, ...),
    (ch02.exercise1, _stub1), (ch02.self_study1, ...), (ch02.sigmoid_at_zero, ...),
    (ch02.predict_steep_sigmoid, ...), (ch02.sigmoid_grad_exercise, _stub1), (ch02.relu_grad_quiz, ...),
    (ch02.collapse_exercise, _stub_collapse),
    (ch03.exercise3, _stub2), (ch03.hidden_at_11, ...), (ch03.predict_network_bias, ...),
    (ch03.layer_exercise, _stub_layer), (ch03.weight_shape, ...), (ch03.parameter_count, ...),
    (ch03.choose_class, ...),
]


@pytest.mark.parametrize("exercise, template", TEMPLATES, ids=lambda v: getattr(v, "name", None))
def test_untouched_template_is_not_attempted(exercise, template):
    result = exercise.evaluate(template)
    assert not result.ok
    assert NOT_ATTEMPTED in result.message
    assert result.message.startswith("○")


@pytest.mark.parametrize("exercise", [e for e, _ in TEMPLATES], ids=lambda e: e.name)
def test_hint_and_solution_print_something(exercise, capsys):
    exercise.hint()
    exercise.solution()
    out = capsys.readouterr().out
    assert out.startswith(f"Hint ({exercise.name}): ")
    assert f"Solution ({exercise.name}):" in out


def test_check_prints_the_message(capsys):
    ch00.seconds_per_day.check(86400)
    assert capsys.readouterr().out.startswith("✓ Seconds in a day: correct!")


# ---------------------------------------------------------------------------------- chapter 0
def test_seconds_per_day():
    ok(ch00.seconds_per_day, 24 * 60 * 60)
    wrong(ch00.seconds_per_day, 24 * 60, "*minutes*")
    wrong(ch00.seconds_per_day, 3600, "one *hour*")
    wrong(ch00.seconds_per_day, 144, "added the numbers")
    wrong(ch00.seconds_per_day, 100, "100 is not right")


def test_restart_quiz():
    assert "forgets every variable" in ok(ch00.restart_quiz, "b").message
    wrong(ch00.restart_quiz, "A", "does not keep variables")
    wrong(ch00.restart_quiz, "C", "notebook file is not changed")
    wrong(ch00.restart_quiz, "D", "not one of the choices")
    wrong(ch00.restart_quiz, ["B"], "text in quotes", "a list")


def test_error_quiz():
    ok(ch00.error_quiz, "C")
    wrong(ch00.error_quiz, "A", "nothing is broken")
    wrong(ch00.error_quiz, "B", "TypeError")


def test_first_slider():
    ok(ch00.first_slider, "A")
    wrong(ch00.first_slider, "B", "moves left")
    wrong(ch00.first_slider, "C", "x = −1")


def test_first_slider_answer_matches_the_explorer():
    from course_lib.explorers import ActivationExplorer

    explorer = ActivationExplorer(function="relu", w=1.0, b=0.0)
    explorer.sliders["b"].value = 1.0
    assert explorer.result["centre"] == pytest.approx(-1.0)


# ---------------------------------------------------------------------------------- chapter 1
def test_orders_of_magnitude():
    ok(ch01.orders_of_magnitude, 7)
    ok(ch01.orders_of_magnitude, float(np.log10(86e9 / 11e3)))
    wrong(ch01.orders_of_magnitude, 86e9 / 11e3, "*ratio*", "log10")
    wrong(ch01.orders_of_magnitude, 10.93, "human count alone")
    wrong(ch01.orders_of_magnitude, 3, "3 is not right")


def test_orders_of_magnitude_matches_the_data():
    brain = datasets.load_brain_neurons()
    counts = dict(zip(brain.species, brain.neurons))
    assert np.log10(counts["human"] / counts["snail"]) == pytest.approx(ch01.orders_of_magnitude.expected)


def test_worked_example():
    ok(ch01.worked_example, -0.27)
    wrong(ch01.worked_example, -0.47, "before* the bias")
    wrong(ch01.worked_example, 0.27, "check the signs")
    wrong(ch01.worked_example, 0, "what ReLU makes of z")
    wrong(ch01.worked_example, "-0.27", "a string '-0.27'", "without quotes")
    assert weighted_sum([0.1, 0.8, -0.5], [0.3, -0.5, 0.2], 0.2) == pytest.approx(ch01.worked_example.expected)


def test_exercise2():
    ok(ch01.exercise2, lambda x1, x2: relu(1 * x1 + 1 * x2 - 0.5))
    ok(ch01.exercise2, lambda x1, x2: max(x1 + x2 - 0.5, 0))
    wrong(ch01.exercise2, lambda x1, x2: relu(x1 + x2), "bias −0.5 is missing")
    wrong(ch01.exercise2, lambda x1, x2: x1 + x2 - 0.5, "ReLU was not applied")
    wrong(ch01.exercise2, lambda x1, x2: step(x1 + x2 - 0.5), "step-function outputs")
    wrong(ch01.exercise2, lambda x1, x2: relu(x1 + x2 + 0.5), "+0.5")
    wrong(ch01.exercise2, lambda x1, x2: 2 * x1, "n(0, 1) returned 0", "expected 0.5")
    wrong(ch01.exercise2, lambda x1: x1, "n must take 2 argument(s)", "takes (x1)")
    wrong(ch01.exercise2, lambda x1, x2: x1 / x2, "n(0, 0) raised ZeroDivisionError")
    wrong(ch01.exercise2, lambda x1, x2: "0.5", "returned a string '0.5'", "without quotes")
    wrong(ch01.exercise2, 1.5, "expected a function")


def test_exercise2_matches_the_library():
    n = Neuron([1, 1], -0.5, activation="relu")
    assert [n([x1, x2]) for x1, x2 in [(0, 0), (0, 1), (1, 0), (1, 1)]] == [0.0, 0.5, 0.5, 1.5]


def test_self_study2():
    msg = ok(ch01.self_study2, lambda x1, x2, x3: relu(0.3 * x1 - 0.5 * x2 + 0.2 * x3 + 0.2)).message
    assert "1.23, 2.73, 4.23" in msg
    wrong(ch01.self_study2, lambda x1, x2, x3: 0.3 * x1 - 0.5 * x2 + 0.2 * x3 + 0.2, "ReLU was not applied")
    wrong(ch01.self_study2, lambda x1, x2, x3: relu(0.3 * x1 - 0.5 * x2 + 0.2 * x3), "bias 0.2 is missing")
    wrong(ch01.self_study2, lambda x1, x2, x3: relu(0.1 * x1 + 0.8 * x2 - 0.5 * x3 + 0.2), "as the weights")
    wrong(ch01.self_study2, lambda x1, x2, x3: step(0.3 * x1 - 0.5 * x2 + 0.2 * x3 + 0.2), "step-function")


def test_self_study2_step():
    ok(ch01.self_study2_step, 1.5)
    wrong(ch01.self_study2_step, 5, "multiplied by its weight 0.3")
    wrong(ch01.self_study2_step, 0.3, "per +1 in x1")
    wrong(ch01.self_study2_step, 1.23, "*difference*")


def test_predict_bias_gate():
    ok(ch01.predict_bias_gate, "and")
    wrong(ch01.predict_bias_gate, "OR", "b = −0.5")
    wrong(ch01.predict_bias_gate, "XOR", "no single neuron")
    wrong(ch01.predict_bias_gate, "NAND", "negative weights")
    assert Neuron([1, 1], -1.5).matches(ch01.predict_bias_gate.answer)


def test_threshold_to_bias():
    ok(ch01.threshold_to_bias, -1.5)
    wrong(ch01.threshold_to_bias, 1.5, "b = −θ")
    wrong(ch01.threshold_to_bias, 0, "becomes a bias")


def test_nand_gate():
    assert "(1, 1) → 0" in ok(ch01.nand_gate, (-2, -2, 3)).message
    ok(ch01.nand_gate, [-1.0, -1.0, 1.5])
    ok(ch01.nand_gate, np.array([-1, -1, 1.5]))
    wrong(ch01.nand_gate, (2, 2, -3), "that is AND", "flip the sign")
    wrong(ch01.nand_gate, (1, 1, -0.5), "that is OR")
    wrong(ch01.nand_gate, (1, 1, 1), "fires for every input")
    wrong(ch01.nand_gate, (-1, -1, -1), "never fires", "b must be ≥ 0")
    # step(0) = 1: a neuron whose z is exactly 0 fires (the course's one step convention)
    assert "(0, 1) → 1, (1, 0) → 1, (1, 1) → 0" in ok(ch01.nand_gate, (-1, -1, 1)).message     # z = 1, 0, 0, −1
    wrong(ch01.nand_gate, (-1, -1, 2), "fires for every input", "(1, 1) gives z < 0")  # z = 2, 1, 1, 0
    wrong(ch01.nand_gate, (-1, 0, 0.5), "wrong for (1, 0)", "z = 0.5, 0.5, -0.5, -0.5")
    wrong(ch01.nand_gate, (1, 2), "three numbers")
    wrong(ch01.nand_gate, "NAND", "three numbers")
    wrong(ch01.nand_gate, "113", "string '113'", "without quotes")
    wrong(ch01.nand_gate, (np.nan, np.nan, np.nan), "nan", "three numbers")


def test_gate_exercise_rejects_an_unknown_gate():
    from course_lib.checks import GateExercise

    with pytest.raises(ValueError, match="gate must be one of"):
        GateExercise("x", "XNOR", hint="h", solution="s")


def test_pattern_exercises_match_the_pattern_neuron():
    pattern = np.array([[1, 1, 1], [0, 1, 1], [0, 0, 1]], dtype=float)
    damaged = pattern.copy()
    damaged[2, 2] = 0
    assert relu(np.sum(pattern * pattern) - 5) == 1
    assert relu(np.sum(pattern * damaged) - 5) == ch01.pattern_damaged.expected
    assert relu(np.sum(pattern * damaged) - 4) == ch01.predict_pattern_bias.expected


def test_pattern_damaged():
    ok(ch01.pattern_damaged, 0)
    wrong(ch01.pattern_damaged, 1, "weighted sum is 5, not 6")
    wrong(ch01.pattern_damaged, 5, "add the bias")
    wrong(ch01.pattern_damaged, -1, "never returns a negative")


def test_predict_pattern_bias():
    ok(ch01.predict_pattern_bias, 1)
    wrong(ch01.predict_pattern_bias, 0, "so it fires")
    wrong(ch01.predict_pattern_bias, 2, "*complete* pattern")


# ---------------------------------------------------------------------------------- chapter 2
def _relu_if_else(x):
    if x < 0:
        return 0
    else:
        return x


def test_exercise1():
    assert "relu(2) = 2" in ok(ch02.exercise1, _relu_if_else).message
    ok(ch02.exercise1, lambda x: max(x, 0))
    wrong(ch02.exercise1, lambda x: x, "negative inputs come out unchanged")
    wrong(ch02.exercise1, abs, "absolute value")
    wrong(ch02.exercise1, lambda x: 0, "every output is 0")
    wrong(ch02.exercise1, lambda x: 1 if x > 0 else 0, "step function")
    wrong(ch02.exercise1, lambda x: float(step(x)), "that is the step function")      # the course's step(0) = 1
    wrong(ch02.exercise1, lambda x: None, "returned None", "forget `return`")
    wrong(ch02.exercise1, lambda x: x if x > 1 else 0, "relu(1) returned 0", "expected 1")


def test_self_study1():
    ok(ch02.self_study1, (_relu_if_else(-3), _relu_if_else(3)))
    wrong(ch02.self_study1, (-3, 3), "relu(−3) must be 0")
    wrong(ch02.self_study1, (0, 0), "relu(3) must be 3")
    wrong(ch02.self_study1, (3, 3), "absolute value")
    wrong(ch02.self_study1, 3, "2 value(s)")


def test_sigmoid_at_zero():
    ok(ch02.sigmoid_at_zero, float(sigmoid(0.0)))
    wrong(ch02.sigmoid_at_zero, 0, "step and ReLU")
    wrong(ch02.sigmoid_at_zero, 1, "1 / (1 + 1)")


def test_predict_steep_sigmoid():
    ok(ch02.predict_steep_sigmoid, "B")
    wrong(ch02.predict_steep_sigmoid, "A", "does not straighten")
    wrong(ch02.predict_steep_sigmoid, "C", "still depends on x")
    assert sigmoid(10 * 0.5) > 0.99 and sigmoid(-10 * 0.5) < 0.01


def test_sigmoid_grad_exercise():
    ok(ch02.sigmoid_grad_exercise, lambda z: sigmoid(z) * (1 - sigmoid(z)))
    wrong(ch02.sigmoid_grad_exercise, sigmoid, "that is σ(z) itself")
    wrong(ch02.sigmoid_grad_exercise, lambda z: 1 - sigmoid(z) ** 2, "*tanh* pattern")
    wrong(ch02.sigmoid_grad_exercise, lambda z: z * (1 - z), "applied the formula to z")
    wrong(ch02.sigmoid_grad_exercise, lambda z: sigmoid(z) * (1 + sigmoid(z)), "(1 − σ), not (1 + σ)")


def test_relu_grad_quiz():
    ok(ch02.relu_grad_quiz, (0, 1))
    wrong(ch02.relu_grad_quiz, (0, 3), "is relu(3), the value")
    wrong(ch02.relu_grad_quiz, (-2, 3), "those are the inputs")
    wrong(ch02.relu_grad_quiz, (1, 1), "slope there is 0")


def test_collapse_exercise():
    ok(ch02.collapse_exercise, lambda W1, b1, W2, b2: (W1 @ W2, b1 @ W2 + b2))
    wrong(ch02.collapse_exercise, lambda W1, b1, W2, b2: (W1 @ W2, b1 + b2), "b1 first passes through")
    wrong(ch02.collapse_exercise, lambda W1, b1, W2, b2: (W1 @ W2, b2), "b1 is missing")
    wrong(ch02.collapse_exercise, lambda W1, b1, W2, b2: (W1, b1 @ W2 + b2), "shaped (2, 3) as W",
          "W must be 2 × 2")
    wrong(ch02.collapse_exercise, lambda W1, b1, W2, b2: (W2 @ W1, b2), "Did you compute W2 @ W1?")
    wrong(ch02.collapse_exercise, lambda W1, b1, W2, b2: (2 * W1 @ W2, b2), "W = W1 @ W2")
    wrong(ch02.collapse_exercise, lambda W1, b1, W2, b2: W1 @ W2, "must return W, b")
    wrong(ch02.collapse_exercise, "W1 @ W2", "expected a function")


def test_collapse_exercise_does_not_let_the_student_change_its_cases():
    def sneaky(W1, b1, W2, b2):
        W1[...] = 0
        return W1 @ W2, b1 @ W2 + b2

    ch02.collapse_exercise.evaluate(sneaky)
    ok(ch02.collapse_exercise, lambda W1, b1, W2, b2: (W1 @ W2, b1 @ W2 + b2))


# ---------------------------------------------------------------------------------- chapter 3
def _n1(x1, x2):
    return relu(x1 + x2 + 0)


def _n2(x1, x2):
    return relu(x1 + x2 - 1)


def _n3(x1, x2):
    return relu(-x1 + 2 * x2 + 1)


def test_exercise3():
    assert "1, 0, 0, 1" in ok(ch03.exercise3, lambda x1, x2: _n3(_n1(x1, x2), _n2(x1, x2))).message
    ok(ch03.exercise3, lambda x1, x2: three_neuron_network(x1, x2))
    wrong(ch03.exercise3, lambda x1, x2: _n3(_n2(x1, x2), _n1(x1, x2)), "n1 and n2 are swapped")
    wrong(ch03.exercise3, lambda x1, x2: _n3(x1, x2), "read x1 and x2 directly")
    wrong(ch03.exercise3, lambda x1, x2: _n3(x1 + x2, x1 + x2 - 1), "without ReLU")
    wrong(ch03.exercise3, lambda x1, x2: _n3(_n1(x1, x2), _n1(x1, x2)), "bias −1 is missing")
    wrong(ch03.exercise3, lambda x1, x2: 1, "n(0, 1) returned 1", "expected 0")


def test_hidden_at_11():
    ok(ch03.hidden_at_11, (_n1(1, 1), _n2(1, 1)))
    wrong(ch03.hidden_at_11, (2, 2), "bias −1")
    wrong(ch03.hidden_at_11, (1, 1), "relu(1 + 1 + 0) = 2")


def test_predict_network_bias():
    params = {"n1": {"w": (1, 1), "b": 0}, "n2": {"w": (1, 1), "b": 0}, "n3": {"w": (-1, 2), "b": 1}}
    assert three_neuron_network(1, 1, params) == ch03.predict_network_bias.expected
    ok(ch03.predict_network_bias, 3)
    wrong(ch03.predict_network_bias, 1, "lecture's bias −1")
    wrong(ch03.predict_network_bias, 2, "n2 now outputs 2")


def test_layer_exercise():
    ok(ch03.layer_exercise, lambda X, W, b: relu(X @ W + b))
    ok(ch03.layer_exercise, lambda X, W, b: np.maximum(0, X @ W + b))
    wrong(ch03.layer_exercise, lambda X, W, b: X @ W + b, "ReLU is missing", "[[0, -1], [1, 0]")
    wrong(ch03.layer_exercise, lambda X, W, b: relu(X @ W), "bias b was not added")
    wrong(ch03.layer_exercise, lambda X, W, b: relu(W @ X + b), "X @ W (not W @ X)")
    wrong(ch03.layer_exercise, lambda X, W, b: relu(X @ W + b)[:, :1], "shaped (4, 1)", "expected 8 value(s) shaped (4, 2)")
    wrong(ch03.layer_exercise, lambda X, W, b: sigmoid(X @ W + b), "expected [[0, 0]")
    wrong(ch03.layer_exercise, "relu", "expected a function")


def test_weight_shape():
    ok(ch03.weight_shape, (12, 3))
    wrong(ch03.weight_shape, (3, 12), "12 rows (one per input)")
    wrong(ch03.weight_shape, (4, 3), "flattened into 12 inputs")
    wrong(ch03.weight_shape, 36, "shaped (2,)")


def test_parameter_count():
    from course_lib.mlp import MLP

    assert MLP([12, 3, 2], ["sigmoid", "sigmoid"], rng=0).n_params == ch03.parameter_count.expected == 47
    ok(ch03.parameter_count, 47)
    wrong(ch03.parameter_count, 42, "weights only")
    wrong(ch03.parameter_count, 17, "number of units")
    wrong(ch03.parameter_count, 45, "output neurons have biases")
    wrong(ch03.parameter_count, 50, "50 is not right")


def test_choose_class():
    ok(ch03.choose_class, int(np.argmax([0.0068, 0.1592, 0.8340])))
    wrong(ch03.choose_class, 0.834, "its class number")
    wrong(ch03.choose_class, 3, "counting starts at 0")
    wrong(ch03.choose_class, 0, "*lowest*")
