"""Content round C4 (issue 12): chapter 8's "where to go next" exercise (lecture 「知の探究」: CNN, RNN, DQN)."""
from __future__ import annotations

import pytest

from course_lib.checks import ch08

EX = ch08.next_family_exercise


def test_dqn_is_right():
    result = EX.evaluate("C")
    assert result.ok and "rewards" in result.message


@pytest.mark.parametrize("answer, fragment", [
    ("A", "CNN reads images"),            # the screen is an image, but a CNN alone does not learn moves
    ("B", "RNN remembers"),               # sequences, no rewards
    ("DQN", "not one of the choices"),    # the name instead of the letter
])
def test_typical_wrong_answers_fail_and_say_why(answer, fragment):
    result = EX.evaluate(answer)
    assert not result.ok and result.message.startswith("✗")
    assert fragment in result.message, result.message
