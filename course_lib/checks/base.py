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

Languages (``course_lib.i18n``) — the contract between the chapters and the framework:

* A chapter module declares its texts in English, each marked ``N_("…")``: the name (first argument),
  ``hint=``, ``solution=``, ``success=``, every mistake's message, every option's message of a choice.
  It never calls ``_()`` on them: they are stored as the English message ids.
* The framework translates every stored text *when it shows it*, so ``set_language`` called after the
  import still takes effect: this base does the name (``title``), hint, solution, success and
  ``not_attempted``, and the frames "correct!", "(Call .hint() for a hint.)", "Hint (…)", "Solution (…)";
  the kinds do the mistakes' and options' messages and every message they build themselves.  A stored
  text is looked up as ``i18n._(text)`` (``tools/extract_messages.py`` reads only ``_("literal")``).
* A solution is code: the whole string is one message, and its translation changes only the ``#``
  comments (``solution_text`` is the translated code; it still has to pass its own checker).
* Text a chapter computes while checking (an ``explain`` function's diagnosis, which holds values) is
  translated there, at once: ``_("…{value}…").format(value=…)``.  The kinds pass it through ``_()`` again,
  which finds nothing to change in an already translated text, so a constant ``N_("…")`` works too.
* A kind that builds its own messages writes whole sentences with named fields and calls ``_()`` before
  ``.format``; ``_wrong(message)`` and ``_ok(detail)`` take text that is already in the current language.
"""
from __future__ import annotations

from dataclasses import dataclass

from .. import i18n
from ..i18n import N_, _
from .answers import AnswerProblem, contains_ellipsis
from .feedback import Feedback, show

__all__ = ["Result", "Exercise", "join_sentences", "end_sentence"]

_JAPANESE_STOPS = "。！？」）"


def join_sentences(*parts: str) -> str:
    """The non-empty ``parts`` as one text: separated by a space, except after a Japanese full stop."""
    out = ""
    for part in parts:
        part = (part or "").strip()
        if not part:
            continue
        out += ("" if not out or out[-1] in _JAPANESE_STOPS else " ") + part
    return out


def end_sentence(text: str) -> str:
    """``text`` ending with a full stop: "." after English, "。" after Japanese (nothing if it has one)."""
    text = text.strip()
    if not text or text[-1] in ".!?" + _JAPANESE_STOPS:
        return text
    return text + ("。" if ord(text[-1]) >= 0x3000 else ".")


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
        raise TypeError(f"{name} must be a non-empty string; got {value!r}.")  # i18n: ignore
    return value


class Exercise:
    """Base exercise.

    name:     shown in every message (required, a non-empty string; ``title`` is it in the current language)
    hint:     a nudge, without the answer
    solution: Python code a student could type: it defines the function (function exercises) or
              assigns the answer to a variable — the last assignment is the answer.  Prose goes
              in ``#`` comments.  ``tests/test_checks_solutions.py`` runs every solution
              through its own checker.
    success:  a sentence added to the ✓ message
    All four are English texts marked ``N_()`` by the chapter; they are translated when shown.
    """

    not_attempted = N_("Not attempted yet: replace the `...` with your answer, run the cell, then check again.")

    def __init__(self, name, *, hint, solution, success=N_("Well done.")):
        self.name = _check_text(name, "name")
        self._hint = _check_text(hint, "hint")
        self._solution = _check_text(solution, "solution")
        if not isinstance(success, str):
            raise TypeError(f"success must be a string; got {success!r}.")  # i18n: ignore
        self._success = success

    def __repr__(self):
        return f"<{type(self).__name__} {self.name!r}>"

    @property
    def title(self) -> str:
        """The exercise's name in the current language (``name`` is the English one)."""
        return i18n._(self.name)

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
            return self._wrong(_("this answer could not be checked ({error}). Check that it has the form the "
                                 "exercise asks for.").format(error=f"{type(exc).__name__}: {exc}"))

    def check(self, answer) -> None:
        """Check ``answer`` and show whether it is right, with a specific message when it is not.

        Shows the feedback (rich output in Jupyter, printed text elsewhere) and returns None, so that
        a cell ending in ``.check(…)`` shows it once.  ``evaluate`` gives the same as a Result.
        """
        show(Feedback.from_message(self.evaluate(answer).message, self.title))

    def is_correct(self, answer) -> bool:
        """True when ``answer`` is right (no printing)."""
        return self.evaluate(answer).ok

    def grade(self, answer) -> float:
        """A score in [0, 1]: 1 for a right answer, partial credit where the kind of exercise has it."""
        return self.evaluate(answer).score

    def hint(self) -> None:
        """Show a hint (plain text: ``Hint (name): …``)."""
        title = _("Hint ({name})").format(name=self.title)
        hint = i18n._(self._hint)
        show(Feedback("hint", f"{title}: {hint}", title=title, body=hint))

    def solution(self) -> None:
        """Show the solution (plain text: ``Solution (name):`` and the code below it)."""
        title = _("Solution ({name})").format(name=self.title)
        code = self.solution_text
        show(Feedback("solution", f"{title}:\n{code}", title=title, code=code))

    @property
    def solution_text(self) -> str:
        """The solution as code, its comments in the current language (what ``solution()`` prints below its title)."""
        return i18n._(self._solution)

    # ------------------------------------------------------------------ for the kinds
    def _not_attempted(self):
        return Result(False, f"○ {self.title}: {i18n._(self.not_attempted)}")

    def _ok(self, detail=""):
        """A ✓ Result: "correct!", then ``detail`` (already in the current language), then the success text."""
        details = join_sentences(detail, i18n._(self._success))
        text = _("correct! {details}").format(details=details) if details else _("correct!")
        return Result(True, f"✓ {self.title}: {text}")

    def _wrong(self, message, score=0.0):
        """A ✗ Result for ``message`` (already in the current language)."""
        return Result(False, f"✗ {self.title}: " + _("{message} (Call .hint() for a hint.)").format(message=message),
                      score)

    def _evaluate(self, answer) -> Result:  # pragma: no cover - abstract
        raise NotImplementedError
