"""Self-checking exercises (演習): ``ex.check(answer)``, ``ex.hint()``, ``ex.solution()``.

An exercise is a small declarative object (the idea of Kaggle's learntools):

    relu_ex = FunctionExercise(
        "ReLU with if/else",
        cases=[((-3,), 0.0), ((0,), 0.0), ((3,), 3.0)],
        explain=lambda args, got, want: "ReLU gives 0 for negative inputs" if args[0] < 0 else None,
        hint="Return 0 when x < 0, otherwise return x itself.",
        solution="def relu(x):\\n    if x < 0:\\n        return 0\\n    else:\\n        return x",
    )
    relu_ex.check(my_relu)     # prints "✓ Correct …" or a precise "✗ relu(-3) returned -3; …"

Students pass their answer explicitly.  An answer that is still ``...`` is
reported as "not attempted yet".  An exception raised by the student's code is
reported with the arguments that caused it.  ``evaluate(answer)`` returns a
``Result`` without printing (used by the tests).

Chapter exercises live in ``course_lib.checks.ch00`` … ``ch07``.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass

import numpy as np

__all__ = ["Result", "Exercise", "ValueExercise", "FunctionExercise", "ChoiceExercise", "fmt", "same"]


@dataclass(frozen=True)
class Result:
    """The outcome of checking one answer: ``ok`` and a message for the student."""

    ok: bool
    message: str

    def __bool__(self):
        return self.ok


def fmt(value) -> str:
    """Format a number, array or tuple compactly and stably for messages (4 significant decimals)."""
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.4g}"
    if isinstance(value, np.ndarray):
        return np.array2string(value, precision=4, suppress_small=True, separator=", ")
    if isinstance(value, (tuple, list)):
        inner = ", ".join(fmt(v) for v in value)
        return f"({inner})" if isinstance(value, tuple) else f"[{inner}]"
    return repr(value)


def _args_text(args) -> str:
    return ", ".join(fmt(a) for a in args)


def same(got, want, tol=1e-6) -> bool:
    """True when ``got`` equals ``want`` within the absolute tolerance ``tol`` (shapes must agree, no NaN)."""
    if isinstance(want, str):
        return isinstance(got, str) and got.strip().lower() == want.strip().lower()
    try:
        g = np.asarray(got, dtype=float)
        w = np.asarray(want, dtype=float)
    except (TypeError, ValueError):
        return False
    if g.shape != w.shape:
        return False
    return bool(np.all(np.isfinite(g)) and np.allclose(g, w, rtol=0.0, atol=tol))


class Exercise:
    """Base exercise: subclasses implement ``_evaluate(answer) -> Result``.

    name:     shown in every message
    hint:     a nudge, without the answer
    solution: the answer (text or code), shown only when asked for
    """

    not_attempted = "Not attempted yet: replace the `...` with your answer, run the cell, then check again."

    def _not_attempted(self):
        return Result(False, f"○ {self.name}: {self.not_attempted}")

    def __init__(self, name, *, hint, solution, success="Well done."):
        self.name = name
        self._hint = hint
        self._solution = solution
        self._success = success

    def evaluate(self, answer) -> Result:
        """Check ``answer`` and return a Result (no printing)."""
        if answer is Ellipsis:
            return self._not_attempted()
        return self._evaluate(answer)

    def check(self, answer):
        """Check ``answer`` and print whether it is right, with a specific message when it is not."""
        print(self.evaluate(answer).message)

    def hint(self):
        """Print a hint."""
        print(f"Hint ({self.name}): {self._hint}")

    def solution(self):
        """Print the solution."""
        print(f"Solution ({self.name}):\n{self._solution}")

    def _ok(self, detail=""):
        return Result(True, f"✓ {self.name}: correct! {detail}{self._success}".rstrip())

    def _wrong(self, message):
        return Result(False, f"✗ {self.name}: {message} (Call .hint() for a hint.)")

    def _evaluate(self, answer) -> Result:  # pragma: no cover - abstract
        raise NotImplementedError


class ValueExercise(Exercise):
    """The answer is a value: a number, a tuple/array of numbers, or a string.

    expected:      the right value
    tolerance:     absolute tolerance for numbers (stated in the messages)
    wrong_answers: list of (value, message) pairs for typical mistakes
    """

    def __init__(self, name, expected, *, tolerance=1e-6, wrong_answers=(), **kw):
        super().__init__(name, **kw)
        self.expected = expected
        self.tolerance = float(tolerance)
        self.wrong_answers = list(wrong_answers)

    def _evaluate(self, answer):
        if same(answer, self.expected, self.tolerance):
            return self._ok()
        for value, message in self.wrong_answers:
            if same(answer, value, self.tolerance):
                return self._wrong(f"{fmt(answer)} is not it: {message}")
        if not isinstance(self.expected, str):
            try:
                got = np.asarray(answer, dtype=float)
            except (TypeError, ValueError):
                return self._wrong(f"expected a number (or numbers); got {fmt(answer)} ({type(answer).__name__}).")
            want = np.asarray(self.expected, dtype=float)
            if got.shape != want.shape:
                return self._wrong(f"expected {want.size} value(s) shaped {want.shape}; got shape {got.shape}.")
        return self._wrong(f"{fmt(answer)} is not right (answers within ±{self.tolerance:g} count).")


class FunctionExercise(Exercise):
    """The answer is a function; it is called on every case and its results compared.

    cases:    list of (args tuple, expected result); each call gets its own copy of the args,
              so a function that changes an array in place cannot spoil the next case
    explain:  optional ``explain(args, got, expected) -> str | None`` giving a specific reason for a wrong result
    mistakes: list of (outputs, message): the outputs of a typical wrong function on *all* cases (in order);
              when the student's outputs match one of them, that message explains the mistake
              (e.g. "the bias −0.5 is missing")

    A template that still says ``return ...`` is "not attempted yet", not wrong.
    """

    def __init__(self, name, cases, *, tolerance=1e-6, explain=None, mistakes=(), func_name="f", **kw):
        super().__init__(name, **kw)
        self.cases = [(tuple(args), want) for args, want in cases]
        self.tolerance = float(tolerance)
        self.explain = explain
        self.mistakes = [(list(outputs), message) for outputs, message in mistakes]
        self.func_name = func_name

    def _call(self, func, args):
        return func(*copy.deepcopy(args))

    def _outputs(self, func):
        """The function's result on every case (None where it raised)."""
        outputs = []
        for args, _ in self.cases:
            try:
                outputs.append(self._call(func, args))
            except Exception:  # reported with its arguments by _evaluate
                outputs.append(None)
        return outputs

    def _evaluate(self, answer):
        if not callable(answer):
            return self._wrong(f"expected a function (pass its name without parentheses); got {fmt(answer)}.")
        for args, want in self.cases:
            call = f"{self.func_name}({_args_text(args)})"
            try:
                got = self._call(answer, args)
            except Exception as exc:  # the student's code failed: report where
                return self._wrong(f"{call} raised {type(exc).__name__}: {exc}.")
            if got is Ellipsis:
                return self._not_attempted()
            if got is None:
                return self._wrong(f"{call} returned None; did you forget `return`?")
            if not same(got, want, self.tolerance):
                return self._wrong(self._explain_wrong(answer, call, args, got, want))
        return self._ok(f"All {len(self.cases)} test inputs give the right result. ")

    def _explain_wrong(self, answer, call, args, got, want):
        if self.mistakes:
            outputs = self._outputs(answer)
            for table, message in self.mistakes:
                if all(same(g, w, self.tolerance) for g, w in zip(outputs, table)):
                    shown = ", ".join(f"{self.func_name}({_args_text(a)}) = {fmt(g)}"
                                      for (a, _), g in zip(self.cases, outputs))
                    return f"your function gives {shown}: {message}"
        reason = self.explain(args, got, want) if self.explain else None
        tail = f"; {reason}" if reason else f"; expected {fmt(want)} (±{self.tolerance:g})"
        return f"{call} returned {fmt(got)}{tail}."


class ChoiceExercise(Exercise):
    """A prediction or multiple-choice question: the answer is one of ``options``.

    options: dict option -> message shown when that (wrong) option is chosen
    answer:  the right option (a key of ``options``)
    """

    def __init__(self, name, answer, options, **kw):
        super().__init__(name, **kw)
        if answer not in options:
            raise ValueError(f"answer {answer!r} must be one of the options {list(options)!r}.")
        self.answer = answer
        self.options = dict(options)

    def _evaluate(self, answer):
        key = answer.strip().upper() if isinstance(answer, str) else answer
        lookup = {(k.upper() if isinstance(k, str) else k): k for k in self.options}
        if key not in lookup:
            choices = ", ".join(repr(k) for k in self.options)
            return self._wrong(f"{fmt(answer)} is not one of the choices {choices}.")
        chosen = lookup[key]
        if chosen == self.answer:
            return self._ok(f"{self.options[chosen]} ".lstrip() if self.options[chosen] else "")
        return self._wrong(f"not {fmt(chosen)}: {self.options[chosen]}")
