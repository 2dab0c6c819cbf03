"""Figures reused by the notebooks, grouped by what they draw (not by chapter).

    from course_lib.figures import images, planes, curves, bars, diagrams

==========  =====================================================================================
module      draws
==========  =====================================================================================
images      pixel grids with their numbers (0/1 ink, grey levels, signed weights), rows and grids
            of pictures (letters, digits, first-layer weights), the confusion matrix as a grid,
            a digit with its pixel values or as one row of 784, pictures with the network's
            answers, the lecture's tiny example images and the colour ↔ luminance demo
planes      a function of two variables over a plane: a neuron's output over the input plane
            (x1, x2), the loss E(a, b) over the parameter plane, optimizer paths on contours
curves      activation functions f(z) and f'(z), loss curves (per update / per epoch),
            training/validation curves, accuracy vs depth and width, the neuron-count projection
bars        bar charts: neuron counts per species, class probabilities and activations, activation
            vs target, one learning step's before/after, ImageNet top-5 errors, confidence histograms
diagrams    drawings: the network diagram, a neuron beside a biological one, the timeline,
            the prediction machine, a deep net from shallow ones, levels of features
training    what a network's layers pass on: histograms of every layer's outputs (initialisation)
==========  =====================================================================================

One convention for every function:

* **Single-panel figures** take ``ax=None``: they draw into ``ax`` when given (so a notebook can
  arrange panels with ``plt.subplots``) and otherwise make a new figure; they **return the Axes**.
* **Multi-panel figures** take ``fig=None``: they draw their panels into ``fig`` when given (an
  empty Figure, or a SubFigure from ``fig.subfigures``) and otherwise make a new figure; they
  **return the Figure** (or the SubFigure they drew into).
* Text sizes are relative ("small", "large", …) and figure sizes are given for matplotlib's
  default figure size, so both grow with ``course_lib.present.projector_mode()``: a figure drawn
  in projector mode has larger text and is larger.
* Nothing changes global state, reads notebook variables or modifies the caller's arrays.
  Computations (accuracy, confusion matrix, most confident mistakes) live in ``course_lib.metrics``.
* Every word drawn is a message (``course_lib.i18n``): it follows ``course_lib.set_language``.  Labels
  stored in tables or given as defaults are marked ``N_("…")`` and translated when drawn.
"""
from .. import i18n as _i18n

__all__ = ["images", "planes", "curves", "bars", "diagrams", "training"]


def _translated(text):
    """``text`` in the current language when it is a message (a label marked ``N_`` in a table or a
    default), else unchanged; "" and None stay as they are (gettext would answer "" with its header)."""
    return _i18n._(text) if text else text


def _in_context(message):
    """A message ``"context|text"`` (marked ``N_``) for a word whose Japanese depends on where it is shown:
    "activation" on an axis of values is 活性度, on an explorer's menu 活性化関数.  The whole message is
    looked up; without a translation (English) the text after the first "|" is shown."""
    shown = _i18n._(message)
    return message.split("|", 1)[1] if shown == message else shown
