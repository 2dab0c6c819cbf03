"""Self-checking exercises (演習): ``ex.check(answer)``, ``ex.hint()``, ``ex.solution()``.

    from course_lib.checks import ch01
    ch01.exercise2.check(n)          # shows "✓ …" or a precise "✗ n(0, 0) returned …; …" (returns None)
    ch01.exercise2.is_correct(n)     # True / False, silent (for tools)
    ch01.exercise2.grade(n)          # a score in [0, 1], silent
    ch01.exercise2.evaluate(n)       # Result(ok, message, score), silent

An exercise is a small declarative object (the idea of Kaggle's learntools):

    relu_ex = FunctionExercise(
        N_("ReLU with if/else"),
        cases=[((-3,), 0.0), ((0,), 0.0), ((3,), 3.0)],
        func_name="relu",
        mistakes=[(lambda x: x, N_("negative inputs come out unchanged: ReLU returns 0 for them."))],
        hint=N_("Return 0 when x < 0, otherwise return x itself."),
        solution=N_("def relu(x):\\n    if x < 0:\\n        return 0\\n    else:\\n        return x"),
    )

Every text is English, marked ``N_()`` (``from ..i18n import N_``), and translated when it is shown, in
the language chosen then (``course_lib.set_language("ja")``): see ``base.py`` for the contract.

Layout:
  ``answers.py``  reading an answer: the one parsing helper (``read_numbers``), ``fmt``, ``same``
  ``base.py``     ``Result`` and the ``Exercise`` base (check / evaluate / is_correct / grade / hint / solution)
  ``feedback.py`` how feedback looks: HTML with a coloured ✓ / ✗ / ○ in Jupyter, the plain text elsewhere
  ``kinds.py``    the kinds of exercise: Value, Function, Choice, Order, Gate
  ``playground.py`` exercises answered with a ``PlaygroundExplorer`` (its data set, network and accuracy)
  ``ch00.py`` …   one module per chapter that only declares its exercises

Students pass their answer explicitly.  An answer that is still ``...`` is "not attempted yet".
Every input gets a message, never a traceback: a string is never graded as a number, NaN and
wrong shapes are named, an exception raised by the student's code is reported with its arguments.
Full-width input from a Japanese keyboard ("Ａ", "ＣＢＥＤＡ") is read as ordinary characters where the
answer is text, with a note; numbers typed in full width ("０．５") get a message that shows them in
ordinary characters.
"""
from __future__ import annotations

import importlib
import pkgutil
import re

from .answers import AnswerProblem, fmt, read_numbers, same
from .base import Exercise, Result
from .kinds import ChoiceExercise, FunctionExercise, GateExercise, OrderExercise, ValueExercise

__all__ = [
    "Result", "Exercise", "ValueExercise", "FunctionExercise", "ChoiceExercise", "OrderExercise",
    "GateExercise", "AnswerProblem", "read_numbers", "fmt", "same", "chapters", "all_exercises",
]


def chapters() -> list[str]:
    """The chapter modules' names, e.g. ``["ch00", "ch01", …]`` (found on disk: a new chapter needs no edit here)."""
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if re.fullmatch(r"ch\d\d", m.name))


def all_exercises() -> dict[str, Exercise]:
    """Every exercise of every chapter, keyed ``"ch01.nand_gate"`` (in the order each module defines them)."""
    found = {}
    for chapter in chapters():
        module = importlib.import_module(f"{__name__}.{chapter}")
        for name, value in vars(module).items():
            if isinstance(value, Exercise) and not name.startswith("_"):
                found[f"{chapter}.{name}"] = value
    return found
