"""The base of every exercise: ``check`` prints, ``evaluate`` / ``is_correct`` / ``grade`` are silent.

    ex.check(answer)        # prints "✓ …", "✗ …" or "○ … Not attempted yet"
    ex.evaluate(answer)     # -> Result(ok, message, score), no printing
    ex.is_correct(answer)   # -> bool
    ex.grade(answer)        # -> float in [0, 1] (partial credit where the kind has it)
    ex.hint(); ex.solution()

A subclass (a *kind* of exercise, see ``kinds.py``) implements ``_evaluate(answer) -> Result``.
It may raise ``AnswerProblem`` for an answer it cannot read; ``evaluate`` turns that into a ✗
Result.  ``evaluate`` never raises: even a bug in a checker becomes a message, not a traceback.
"""
from __future__ import annotations

from dataclasses import dataclass

from .answers import AnswerProblem, contains_ellipsis

__all__ = ["Result", "Exercise"]


@dataclass(frozen=True)
class Result:
    """The outcome of checking one answer.

    ok:      True only for a right answer
    message: what ``check`` prints for the student
    score:   1.0 when ok, else the share of the answer that is right (0.0 when nothing can be said)
    """

    ok: bool
    message: str
    score: float | None = None

    def __post_init__(self):
        score = 1.0 if self.ok else float(self.score or 0.0)
        object.__setattr__(self, "score", min(max(score, 0.0), 1.0))

    def __bool__(self):
        return self.ok


def _check_text(value, name):
    if not isinstance(value, str) or not value.strip():
        raise TypeError(f"{name} must be a non-empty string; got {value!r}.")
    return value


class Exercise:
    """Base exercise.

    name:     shown in every message (required, a non-empty string)
    hint:     a nudge, without the answer
    solution: Python code a student could type: it defines the function (function exercises) or
              assigns the answer to a variable — the last assignment is the answer.  Prose goes
              in ``#`` comments.  ``tests/test_checks_solutions.py`` runs every solution
              through its own checker.
    success:  a sentence added to the ✓ message
    """

    not_attempted = "Not attempted yet: replace the `...` with your answer, run the cell, then check again."

    def __init__(self, name, *, hint, solution, success="Well done."):
        self.name = _check_text(name, "name")
        self._hint = _check_text(hint, "hint")
        self._solution = _check_text(solution, "solution")
        if not isinstance(success, str):
            raise TypeError(f"success must be a string; got {success!r}.")
        self._success = success

    def __repr__(self):
        return f"<{type(self).__name__} {self.name!r}>"

    # ------------------------------------------------------------------ the public API
    def evaluate(self, answer) -> Result:
        """Check ``answer`` and return a Result (no printing, never raises)."""
        try:
            if contains_ellipsis(answer):
                return self._not_attempted()
            return self._evaluate(answer)
        except AnswerProblem as problem:
            return self._wrong(str(problem))
        except Exception as exc:  # a checker must answer every input; this is the last resort
            return self._wrong(f"this answer could not be checked ({type(exc).__name__}: {exc}). "
                               "Check that it has the form the exercise asks for.")

    def check(self, answer):
        """Check ``answer`` and print whether it is right, with a specific message when it is not."""
        print(self.evaluate(answer).message)

    def is_correct(self, answer) -> bool:
        """True when ``answer`` is right (no printing)."""
        return self.evaluate(answer).ok

    def grade(self, answer) -> float:
        """A score in [0, 1]: 1 for a right answer, partial credit where the kind of exercise has it."""
        return self.evaluate(answer).score

    def hint(self):
        """Print a hint."""
        print(f"Hint ({self.name}): {self._hint}")

    def solution(self):
        """Print the solution."""
        print(f"Solution ({self.name}):\n{self._solution}")

    @property
    def solution_text(self) -> str:
        """The solution as code (what ``solution()`` prints below its title)."""
        return self._solution

    # ------------------------------------------------------------------ for the kinds
    def _not_attempted(self):
        return Result(False, f"○ {self.name}: {self.not_attempted}")

    def _ok(self, detail=""):
        return Result(True, f"✓ {self.name}: correct! {detail}{self._success}".rstrip())

    def _wrong(self, message, score=0.0):
        return Result(False, f"✗ {self.name}: {message} (Call .hint() for a hint.)", score)

    def _evaluate(self, answer) -> Result:  # pragma: no cover - abstract
        raise NotImplementedError
