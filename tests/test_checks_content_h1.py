"""Content round H1 (issue 12, item 7): chapter 4's scalar chain-rule warm-up, Exercise 4.5.

One sigmoid neuron, x = 3, w = −0.5, b = 1, target t = 1:
    z = w·x + b = −0.5,  a = σ(z) = 0.37754,  σ'(z) = a(1 − a) = 0.23500,  a − t = −0.62246
    de/dw = (a − t)·σ'(z)·x = −0.43884,     de/db = (a − t)·σ'(z)·1 = −0.14628
"""
from __future__ import annotations

import math

import pytest

from course_lib.checks import ch04

EX = ch04.chain_rule_exercise

A = 1 / (1 + math.exp(0.5))                      # σ(−0.5), written out without course_lib
SLOPE = A * (1 - A)                              # σ'(−0.5)
DELTA = (A - 1) * SLOPE                          # de/dz


def test_hand_worked_numbers():
    assert A == pytest.approx(0.37754, abs=1e-5) and SLOPE == pytest.approx(0.23500, abs=1e-5)
    assert (3 * DELTA, DELTA) == pytest.approx((-0.43884, -0.14628), abs=1e-5)


@pytest.mark.parametrize("answer", [
    (3 * DELTA, DELTA),
    [-0.4388, -0.1463],                          # rounded by hand to 4 decimals
])
def test_right_answer_passes(answer):
    result = EX.evaluate(answer)
    assert result.ok and result.message.startswith("✓"), result.message


@pytest.mark.parametrize("answer, fragment", [
    ((3 * (A - 1), A - 1), "σ'(z) = sigmoid_grad(z) is missing"),          # forgot σ'
    ((-3 * DELTA, -DELTA), "sign is flipped"),                            # t − a instead of a − t
    ((DELTA, DELTA), "multiply δ = (a − t)·σ'(z) by x = 3"),              # forgot x in de/dw
    ((3 * DELTA, 3 * DELTA), "dz/db = 1"),                                # x also in de/db
    ((3 * (A - 1) * A, (A - 1) * A), "needs its derivative"),             # σ instead of σ'
    ((DELTA, 3 * DELTA), "swapped"),
])
def test_typical_wrong_answers_fail_and_say_why(answer, fragment):
    result = EX.evaluate(answer)
    assert not result.ok and result.message.startswith("✗")
    assert fragment in result.message, result.message


def test_other_wrong_answers():
    assert not EX.evaluate((0.0, 0.0)).ok
    result = EX.evaluate(-0.1463)
    assert not result.ok and "expected 2 value(s)" in result.message, result.message
    assert "Not attempted yet" in EX.evaluate(...).message


def test_notebook_numbers_agree_with_the_checkers():
    """Each `ch04.<exercise>.check(...)` cell follows the markdown cell that announces the same Exercise 4.k."""
    import json
    import re
    from pathlib import Path

    cells = json.loads((Path(__file__).parent.parent / "notebooks" / "04_backpropagation.ipynb").read_text())["cells"]
    seen = []
    last_number = None
    for cell in cells:
        text = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            found = re.findall(r"\*\*Exercise (4\.\d+)", text)
            last_number = found[-1] if found else last_number
            continue
        for name in re.findall(r"ch04\.(\w+)\.check\(", text):
            title = getattr(ch04, name).name
            if title.startswith("Exercise"):
                assert title.startswith(f"Exercise {last_number} "), (name, title, last_number)
            seen.append(name)
    assert seen == list(ch04.__all__)


@pytest.mark.parametrize("weight", [-8.0, -6.0, -4.0, -2.0, -1.5, 0.0, 2.5])
def test_weight_quiz_fires_is_the_step_function(weight):
    """Item 6: the explorer's 'fires' column is activations.step (step(0) = 1), its ReLU column relu."""
    import numpy as np

    from course_lib.activations import relu, step
    from course_lib.explorers import WeightQuizExplorer

    result = WeightQuizExplorer(weight=weight).result
    z = 12 + weight * np.arange(9.0)
    np.testing.assert_array_equal(result["z"], z)
    np.testing.assert_array_equal(result["fires"], step(z) == 1)
    np.testing.assert_array_equal(result["n"], relu(z))


def test_weight_quiz_explains_the_boundary_b_2():
    from course_lib.explorers import WeightQuizExplorer

    ex = WeightQuizExplorer(weight=-6.0)
    assert ex.result["fires"][2] and ex.result["n"][2] == 0          # B = 2: step fires, ReLU outputs 0
    assert "At B = 2 the sum is exactly z = 0" in ex.readout.value
    assert "C = step(z)" in ex.readout.value
    ex.sliders["weight"].value = -5.0                                  # no integer B gives z = 0
    assert "exactly z = 0" not in ex.readout.value
