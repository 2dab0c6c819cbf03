"""Slider explorers: move weights and biases and watch the network respond, live.

Display one by making it the last line of a cell (tag the cell ``nbval-ignore-output``)::

    from course_lib.explorers import NeuronExplorer
    NeuronExplorer(w1=1.0, w2=1.0, b=-0.5, activation="relu")

Every explorer shows the live widget where ipywidgets runs and a PNG of its state everywhere else
(GitHub, nbviewer, HTML export); ``explorer.code()`` (or the "show code" button) gives the line that
rebuilds the current setting.

Modules: ``base`` (the ``Explorer`` class — its docstring states the contract a new explorer follows —
and small format helpers), ``validation`` (checks of the arguments), ``input_plane`` (the (x1, x2)
plane of the neuron and network explorers), ``pixel_pad`` (the clickable pixel grid), then one module
per topic.  Activation menus and axis limits come from ``course_lib.activations.ACTIVATIONS``: a new
activation needs no edit here.
"""
from .base import CSS_CODE, CSS_EXPLORER, CSS_FIGURE, CSS_READOUT, Explorer
from .designer import NetworkDesignerExplorer
from .hubble import GradientDescentExplorer, HubbleLineExplorer
from .activation import ActivationExplorer
from .letters import LetterPadExplorer, default_letter_model
from .mnist import MNISTBrowser
from .network import NetworkExplorer, WeightQuizExplorer
from .neuron import LogicGateExplorer, NeuronExplorer
from .pattern import LECTURE_PATTERN, PatternNeuronExplorer
from .playground import PlaygroundExplorer

__all__ = [
    "Explorer", "NeuronExplorer", "LogicGateExplorer", "PatternNeuronExplorer", "ActivationExplorer",
    "NetworkExplorer", "LetterPadExplorer", "WeightQuizExplorer", "HubbleLineExplorer",
    "GradientDescentExplorer", "MNISTBrowser", "NetworkDesignerExplorer", "PlaygroundExplorer", "default_letter_model", "LECTURE_PATTERN",
    "CSS_EXPLORER", "CSS_FIGURE", "CSS_READOUT", "CSS_CODE",
]
