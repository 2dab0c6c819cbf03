"""The base of every exercise: ``check`` shows feedback, ``evaluate`` / ``is_correct`` / ``grade`` are silent.

    ex.check(answer)        # shows "✓ …", "✗ …" or "○ … Not attempted yet" (returns None)
    ex.evaluate(answer)     # -> Result(ok, message, score), no printing
    ex.is_correct(answer)   # -> bool
    ex.grade(answer)        # -> float in [0, 1] (partial credit where the kind has it)
    ex.hint(); ex.solution()  # show the hint / the solution code

``check``, ``hint`` and ``solution`` show a ``Feedback`` (``feedback.py``): in Jupyter, HTML with a
coloured ✓ / ✗ / ○ and the messages' *emphasis* and `code` formatted, with the plain text beside it;
outside IPython they print the plain text.

A subclass (a *kind* of exercise, see ``kinds.py``) implements ``_evaluate(answer) -> Result``.
It may raise ``AnswerProblem`` for an answer it cannot read; ``evaluate`` turns that into a ✗
Result.  ``evaluate`` never raises: even a bug in a checker becomes a message, not a traceback.
"""
from __future__ import annotations

from dataclasses import dataclass

from .answers import AnswerProblem, contains_ellipsis
from .feedback import Feedback, show

__all__ = ["Result", "Exercise"]


@dataclass(frozen=True)
class Result:
    """The outcome of checking one answer.

    ok:      True only for a right answer
    message: what ``check`` shows the student (plain text; *emphasis* and `code` as in markdown)
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

    def check(self, answer) -> None:
        """Check ``answer`` and show whether it is right, with a specific message when it is not.

        Shows the feedback (rich output in Jupyter, printed text elsewhere) and returns None, so that
        a cell ending in ``.check(…)`` shows it once.  ``evaluate`` gives the same as a Result.
        """
        show(Feedback.from_message(self.evaluate(answer).message, self.name))

    def is_correct(self, answer) -> bool:
        """True when ``answer`` is right (no printing)."""
        return self.evaluate(answer).ok

    def grade(self, answer) -> float:
        """A score in [0, 1]: 1 for a right answer, partial credit where the kind of exercise has it."""
        return self.evaluate(answer).score

    def hint(self) -> None:
        """Show a hint (plain text: ``Hint (name): …``)."""
        show(Feedback("hint", f"Hint ({self.name}): {self._hint}", title=f"Hint ({self.name})", body=self._hint))

    def solution(self) -> None:
        """Show the solution (plain text: ``Solution (name):`` and the code below it)."""
        show(Feedback("solution", f"Solution ({self.name}):\n{self._solution}", title=f"Solution ({self.name})",
                      code=self._solution))

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
