"""Slider explorers: move weights and biases and watch the network respond, live.

Display one by making it the last line of a cell (tag the cell ``nbval-ignore-output``)::

    from course_lib.explorers import NeuronExplorer
    NeuronExplorer(w1=1.0, w2=1.0, b=-0.5, activation="relu")

Every explorer shows the live widget where ipywidgets runs and a PNG of its state everywhere else
(GitHub, nbviewer, HTML export); ``explorer.code()`` (or the "show code" button) gives the line that
rebuilds the current setting. See ``base.py`` for the shared machinery.
"""
from .base import CSS_CODE, CSS_EXPLORER, CSS_FIGURE, CSS_READOUT, Explorer
from .hubble import GradientDescentExplorer, HubbleLineExplorer
from .activation import ActivationExplorer
from .letters import LetterPadExplorer, default_letter_model
from .mnist import MNISTBrowser
from .network import NetworkExplorer, WeightQuizExplorer
from .neuron import LogicGateExplorer, NeuronExplorer
from .pattern import SEED_PATTERN, PatternNeuronExplorer

__all__ = [
    "Explorer", "NeuronExplorer", "LogicGateExplorer", "PatternNeuronExplorer", "ActivationExplorer",
    "NetworkExplorer", "LetterPadExplorer", "WeightQuizExplorer", "HubbleLineExplorer",
    "GradientDescentExplorer", "MNISTBrowser", "default_letter_model", "SEED_PATTERN",
    "CSS_EXPLORER", "CSS_FIGURE", "CSS_READOUT", "CSS_CODE",
]
