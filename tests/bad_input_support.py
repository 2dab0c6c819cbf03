"""Table-driven bad-input tests: every public call given a bad value must raise a clear error.

Each module area has its own table (``tests/test_bad_inputs_*.py``) of ``Bad`` rows::

    Bad("fit: lr negative", lambda: fit(net(), X, y, epochs=1, lr=-1), ValueError, ("lr", "positive", "-1"))

An exercise checker never raises: for a checker row give ``exc=None``; the call must then return a
``Result`` that is not ok, whose message contains every one of ``words``::

    Bad("ch00.restart_quiz: a list", lambda: ch00.restart_quiz.evaluate(["B"]), None, ("one of", "list"))

``words`` are the parts the message must contain (case-insensitive): the parameter's name, what is
allowed, and what was given.  ``run(row)`` is used with ``pytest.mark.parametrize`` over a table;
``count_rows()`` lets a test assert that the tables together hold at least 200 rows.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest


@dataclass(frozen=True)
class Bad:
    """One bad input: a call that must raise ``exc`` with a message containing every one of ``words``."""

    label: str
    call: Callable[[], object]
    exc: type | tuple
    words: tuple = ()

    def __str__(self):
        return self.label


def run(row: Bad):
    """Call ``row.call`` and check the exception type (or the checker's Result) and the message's words."""
    if row.exc is None:                      # an exercise checker: answers with a message, never raises
        result = row.call()
        assert not result.ok, f"{row.label}: graded as correct: {result.message}"
        message = result.message
    else:
        with pytest.raises(row.exc) as info:
            row.call()
        message = str(info.value)
    missing = [w for w in row.words if w.lower() not in message.lower()]
    assert not missing, f"{row.label}: message lacks {missing!r}: {message}"


def ids(table):
    return [row.label for row in table]


def count_rows() -> int:
    """Rows in every ``TABLE`` of the ``tests/test_bad_inputs_*.py`` modules."""
    here = Path(__file__).parent
    total = 0
    for path in sorted(here.glob("test_bad_inputs_*.py")):
        module = importlib.import_module(path.stem)
        total += len(getattr(module, "TABLE", ()))
    return total
