"""Checkers of chapter 7 (training better: initialisation, optimizers, overfitting).

Exercises 7.1–7.3 were 4.8–4.10 before the split of chapter 4.  For every exercise: one correct answer
passes, typical wrong answers fail with a message that says *why*, and ``...`` is reported as not attempted.
"""
from __future__ import annotations

import numpy as np
import pytest

from course_lib.checks import ch07
from check_support import ok, wrong

CH07 = [getattr(ch07, name) for name in ch07.__all__]




@pytest.mark.parametrize("ex", CH07, ids=lambda ex: ex.name)
def test_not_attempted_hint_and_solution(ex, capsys):
    result = ex.evaluate(...)
    assert not result.ok
    assert "Not attempted yet" in result.message
    ex.hint()
    ex.solution()
    out = capsys.readouterr().out
    assert out.startswith(f"Hint ({ex.name}):")
    assert f"Solution ({ex.name}):" in out


def test_numbered_7_1_to_7_4():
    assert [ex.name.split(" (")[0] for ex in CH07] == [f"Exercise 7.{k}" for k in range(1, 5)]


def test_he_std():
    ex = ch07.he_std_exercise
    ok(ex, np.sqrt(2 / 50))
    wrong(ex, np.sqrt(1 / 50), "Xavier")
    wrong(ex, 2 / 50, "variance")
    wrong(ex, 0.5, "not right")


def test_momentum():
    ex = ch07.momentum_exercise
    v = 0.9 * 0.5 - 0.1 * 2.0
    ok(ex, 1.0 + v)
    wrong(ex, 1.0 - 0.1 * 2.0, "plain SGD")
    wrong(ex, 1.0 + 0.9 * 0.5 + 0.1 * 2.0, "subtracted")
    wrong(ex, 1.0 + 0.5 - 0.1 * 2.0, "multiplied by μ")
    wrong(ex, 1.5, "old velocity")


def test_overfitting():
    ex = ch07.overfitting_exercise
    ok(ex, "A")
    ok(ex, " a ")
    wrong(ex, "B", "training* error")
    wrong(ex, "C", "underfitting")
    wrong(ex, "E", "not one of the choices")


def test_dropout_scale():
    ex = ch07.dropout_scale_exercise
    ok(ex, 1 / (1 - 0.2))
    ok(ex, 1.25)
    wrong(ex, 1 - 0.2, "kept")                 # multiplied by the keep probability instead of dividing
    wrong(ex, 1 / 0.2, "1/p")
    wrong(ex, 0.2, "p itself")
    wrong(ex, 1 + 0.2, "1 + p")
    wrong(ex, 2.0, "not right")
    wrong(ex, "1.25", "")                      # a string is never graded as a number
