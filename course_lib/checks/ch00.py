"""Chapter 0 — Start here: warm-up exercises on running, editing and re-running cells.

    from course_lib.checks import ch00
    ch00.seconds_per_day.check(answer)
"""
from __future__ import annotations

from ..i18n import N_
from .kinds import ChoiceExercise, ValueExercise

__all__ = ["seconds_per_day", "restart_quiz", "error_quiz", "first_slider"]


# ---------------------------------------------------------------- edit and re-run a cell
seconds_per_day = ValueExercise(
    N_("Seconds in a day"),
    24 * 60 * 60,
    tolerance=0.5,
    mistakes=[
        (24 * 60, N_("that is the number of *minutes* in a day; one more factor is missing.")),
        (60 * 60, N_("that is the number of seconds in one *hour*; a day has 24 of them.")),
        (24 + 60 + 60, N_("you added the numbers; multiply them instead (24 × 60 × 60).")),
    ],
    hint=N_("A day has 24 hours, an hour has 60 minutes, a minute has 60 seconds. Multiply with `*`."),
    solution=N_("answer = 24 * 60 * 60   # = 86400"),
    success=N_("Editing a cell and running it again is all it takes."),
)

# ---------------------------------------------------------------- what a restart does
restart_quiz = ChoiceExercise(
    N_("What does a restart do?"),
    "B",
    {
        "A": N_("a restart does not keep variables: the kernel's memory starts empty again."),
        "B": N_("the kernel forgets every variable; the text and stored outputs of the notebook stay. "
                "Re-run the cells (Run ▸ Run All Cells) to get the variables back."),
        "C": N_("the notebook file is not changed by a restart; only the kernel's memory is cleared."),
    },
    hint=N_("The kernel is the Python process that remembers your variables. What happens to a process "
            "that is restarted?"),
    solution=N_('my_choice = "B"   # the kernel\'s memory (all variables) is cleared; the notebook\'s text is untouched.'),
)

# ---------------------------------------------------------------- reading an error message
error_quiz = ChoiceExercise(
    N_("Reading an error message"),
    "C",
    {
        "A": N_("nothing is broken in Python or Jupyter: the message names one variable that does not exist yet."),
        "B": N_("a NameError is about a *name*, not about the value's type; a wrong type gives a TypeError."),
        "C": N_("the name `neuron_count` was used before any cell defined it. Run the cell that defines it "
                "first (or check the spelling)."),
    },
    hint=N_("Read the last line of the message: the error's type, then what Python could not find."),
    solution=N_('my_choice = "C"   # NameError: name \'neuron_count\' is not defined → that variable was never\n'
                "                  # created (a cell was skipped, or the name is misspelled)."),
)

# ---------------------------------------------------------------- predict, then move the first slider
first_slider = ChoiceExercise(
    N_("Predict before you move the slider"),
    "A",
    {
        "A": N_("the output is relu(w·x + b) and the bend sits where w·x + b = 0, i.e. at x = −b/w = −1."),
        "B": N_("a larger b adds to w·x, so the output becomes positive *earlier*: the bend moves left, "
                "not right (to x = −b/w = −1)."),
        "C": N_("b shifts the curve: w·x + b = 0 now happens at x = −1 instead of x = 0."),
    },
    hint=N_("The bend of ReLU is where its input w·x + b equals 0. Solve w·x + b = 0 for x with w = 1, b = 1."),
    solution=N_('my_prediction = "A"   # with w = 1 the bend is at x = −b/w; b = 1 puts it at x = −1 (one step left).'),
)
