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

from .. import i18n
from ..datasets_2d import FEATURE_LABELS, check_features
from ..i18n import _
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
            return self._wrong(_("answer with a whole number of neurons from 1 to {max_neurons}; "
                                 "got {answer}.").format(max_neurons=MAX_NEURONS, answer=describe(answer)))
        answer = int(answer)
        accuracy = self._accuracy(answer)
        if accuracy < self.goal:
            return self._wrong(_("with {answer} neuron(s) the test accuracy stays at {accuracy:.0%} (the goal is "
                                 "{goal:.0%}): {why_wrong}").format(answer=answer, accuracy=accuracy, goal=self.goal,
                                                                     why_wrong=i18n._(self.why_wrong)))
        if answer > 1 and self._accuracy(answer - 1) >= self.goal:
            return self._wrong(_("{answer} neurons work ({accuracy:.0%}), but fewer do too: try {fewer}.").format(
                answer=answer, accuracy=accuracy, fewer=answer - 1), 0.5)
        return self._ok(_("{answer} neurons reach {accuracy:.0%}. ").format(answer=answer, accuracy=accuracy))


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
            return self._wrong(_("pass the playground itself (the variable that holds the PlaygroundExplorer); "
                                 "got {answer}.").format(answer=describe(answer)))
        st = answer.state
        if st["dataset"] != self.dataset:
            return self._wrong(_("choose the data set {wanted!r} in the playground; it shows {shown!r}.").format(
                wanted=self.dataset, shown=st["dataset"]))
        if self.features is not None and tuple(check_features(list(st["features"]))) != self.features:
            names = [FEATURE_LABELS[f] for f in self.features]
            wanted = names[0] if len(names) == 1 else _("{first} and {last}").format(first=", ".join(names[:-1]),
                                                                                      last=names[-1])
            return self._wrong(_("use the inputs {wanted} only; the playground uses {used}.").format(
                wanted=wanted, used=", ".join(FEATURE_LABELS[f] for f in st["features"])))
        if self.max_hidden_layers is not None and st["hidden_layers"] > self.max_hidden_layers:
            return self._wrong(_("use at most {max_layers} hidden layer(s); yours has {layers}.").format(
                max_layers=self.max_hidden_layers, layers=st["hidden_layers"]))
        if answer.epoch == 0:
            return self._wrong(_("the network has not been trained yet: press ▶ (play) and wait for the test loss "
                                 "to fall, then check again."))
        accuracy = answer.test_accuracy()
        if accuracy < self.goal:
            return self._wrong(_("test accuracy {accuracy:.1%} after {epochs} epochs; the goal is {goal:.0%}. "
                                 "Train longer, or change the network or the features.").format(
                                     accuracy=accuracy, epochs=answer.epoch, goal=self.goal),
                               accuracy / self.goal)
        return self._ok(_("test accuracy {accuracy:.1%} with {sizes} after {epochs} epochs. ").format(
            accuracy=accuracy, sizes=" → ".join(map(str, answer.net.sizes)), epochs=answer.epoch))
