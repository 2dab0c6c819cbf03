"""Two kinds of exercise that are checked with the playground (``explorers/playground.py``).

    FewestNeuronsExercise    the answer is a number of neurons; the checker trains that network itself
    PlaygroundResultExercise the answer is the student's ``PlaygroundExplorer``: its data set, its network
                             and its test accuracy now

The instances are declared in the chapters that use them (``ch03``: the circle and the spiral; ``ch08``:
the spiral from x1 and x2 alone), so ``all_exercises()`` finds them like every other exercise.
The explorer is imported inside the methods: ``explorers/playground.py`` itself imports ``checks.base``,
and importing a chapter's exercises should not need ipywidgets or matplotlib.
"""
from __future__ import annotations

import numpy as np

from ..datasets_2d import FEATURE_LABELS, check_features
from .answers import describe
from .base import Exercise

__all__ = ["FewestNeuronsExercise", "PlaygroundResultExercise"]


class FewestNeuronsExercise(Exercise):
    """How few neurons in one hidden layer reach ``goal`` test accuracy on ``dataset`` after ``epochs``?

    The checker builds ``PlaygroundExplorer(dataset, hidden_layers=1, neurons=answer, activation=…, lr=…)``,
    trains it for ``epochs`` epochs (fixed ``rng``, so the same answer always gets the same verdict), and, when
    the answer works, also tries one neuron fewer.
    """

    def __init__(self, name, dataset, *, goal=0.9, epochs=150, activation="tanh", lr=0.1, why_wrong, **kw):
        super().__init__(name, **kw)
        self.dataset, self.goal, self.epochs, self.activation, self.lr = dataset, goal, epochs, activation, lr
        self.why_wrong = why_wrong

    def _accuracy(self, n):
        from ..explorers.playground import PlaygroundExplorer
        ex = PlaygroundExplorer(self.dataset, hidden_layers=1, neurons=n, activation=self.activation, lr=self.lr)
        ex.step(self.epochs)
        return ex.test_accuracy()

    def _evaluate(self, answer):
        from ..explorers.playground import MAX_NEURONS
        if isinstance(answer, bool) or not isinstance(answer, (int, np.integer)) or not 1 <= answer <= MAX_NEURONS:
            return self._wrong(f"answer with a whole number of neurons from 1 to {MAX_NEURONS}; "
                               f"got {describe(answer)}.")
        answer = int(answer)
        accuracy = self._accuracy(answer)
        if accuracy < self.goal:
            return self._wrong(f"with {answer} neuron(s) the test accuracy stays at {accuracy:.0%} (the goal is "
                               f"{self.goal:.0%}): {self.why_wrong}")
        if answer > 1 and self._accuracy(answer - 1) >= self.goal:
            return self._wrong(f"{answer} neurons work ({accuracy:.0%}), but fewer do too: try {answer - 1}.", 0.5)
        return self._ok(f"{answer} neurons reach {accuracy:.0%}. ")


class PlaygroundResultExercise(Exercise):
    """The explorer itself is the answer: the right data set, allowed network and inputs, test accuracy ≥ goal.

    max_hidden_layers: at most this many hidden layers (None: any)
    features:          the inputs it must use, e.g. ``("x1", "x2")`` (None: any)
    """

    def __init__(self, name, dataset, goal, *, max_hidden_layers=None, features=None, **kw):
        super().__init__(name, **kw)
        self.dataset, self.goal, self.max_hidden_layers = dataset, goal, max_hidden_layers
        self.features = None if features is None else tuple(check_features(list(features)))

    def _evaluate(self, answer):
        from ..explorers.playground import PlaygroundExplorer
        if not isinstance(answer, PlaygroundExplorer):
            return self._wrong(f"pass the playground itself (the variable that holds the PlaygroundExplorer); "
                               f"got {describe(answer)}.")
        st = answer.state
        if st["dataset"] != self.dataset:
            return self._wrong(f"choose the data set {self.dataset!r} in the playground; it shows {st['dataset']!r}.")
        if self.features is not None and tuple(check_features(list(st["features"]))) != self.features:
            wanted = " and ".join(FEATURE_LABELS[f] for f in self.features)
            return self._wrong(f"use the inputs {wanted} only; the playground uses "
                               f"{', '.join(FEATURE_LABELS[f] for f in st['features'])}.")
        if self.max_hidden_layers is not None and st["hidden_layers"] > self.max_hidden_layers:
            return self._wrong(f"use at most {self.max_hidden_layers} hidden layer(s); yours has {st['hidden_layers']}.")
        if answer.epoch == 0:
            return self._wrong("the network has not been trained yet: press ▶ (play) and wait for the test loss to "
                               "fall, then check again.")
        accuracy = answer.test_accuracy()
        if accuracy < self.goal:
            return self._wrong(f"test accuracy {accuracy:.1%} after {answer.epoch} epochs; the goal is "
                               f"{self.goal:.0%}. Train longer, or change the network or the features.",
                               accuracy / self.goal)
        return self._ok(f"test accuracy {accuracy:.1%} with {' → '.join(map(str, answer.net.sizes))} after "
                        f"{answer.epoch} epochs. ")
