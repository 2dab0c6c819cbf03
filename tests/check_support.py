"""Shared by the exercise-checker tests: one right answer passes, a typical wrong one fails with its message."""


def ok(exercise, answer):
    """``answer`` is accepted with a ✓ message; returns the ``Result``."""
    result = exercise.evaluate(answer)
    assert result.ok, result.message
    assert result.message.startswith("✓"), result.message
    return result


def wrong(exercise, answer, *fragments):
    """``answer`` is refused with a ✗ message that contains every fragment; returns the ``Result``."""
    result = exercise.evaluate(answer)
    assert not result.ok, f"{answer!r} should be wrong: {result.message}"
    assert result.message.startswith("✗"), result.message
    for fragment in fragments:
        assert fragment in result.message, f"{fragment!r} not in {result.message!r}"
    return result
