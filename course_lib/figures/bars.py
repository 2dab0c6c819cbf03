"""Bar charts: how many neurons, which class, how far from the target.

=================================  ==============================================================
name                               draws (each returns the Axes)
=================================  ==============================================================
neuron_counts(data)                neurons per species, horizontal bars on a log axis
probability_bars(p, label=...)     a network's class probabilities, the chosen class highlighted
target_vs_activation(a, t)         each output's activation beside its target, with the error
=================================  ==============================================================

Conventions (see ``course_lib.figures``): ``ax=None`` → a new figure; every function returns the Axes.
"""
from __future__ import annotations

import numbers

import numpy as np

from .._validate import _describe, as_array, check_int
from ._common import new_axes

__all__ = ["neuron_counts", "probability_bars", "target_vs_activation"]


def _names(names, k, name):
    """``names`` as k strings (default "0" … "k−1")."""
    if names is None:
        return [str(i) for i in range(k)]
    if isinstance(names, str) or not hasattr(names, "__len__"):
        raise TypeError(f"{name} must be a list of {k} names or None; got {_describe(names)}.")
    if len(names) != k:
        raise ValueError(f"{name} must have one name per bar ({k}); got {len(names)}.")
    return [str(n) for n in names]


def neuron_counts(data, *, highlight="human", ax=None):
    """Horizontal bars of neuron counts on a log axis (lecture 000's table).

    data: anything with ``species`` (k,) and ``neurons`` (k,), e.g. ``datasets.load_brain_neurons()``.
    highlight: the species drawn in red.  Returns the Axes.
    """
    if not (hasattr(data, "species") and hasattr(data, "neurons")):
        raise TypeError(f"data must have .species and .neurons (e.g. datasets.load_brain_neurons());"
                        f" got {_describe(data)}.")
    species = [str(s) for s in data.species]
    counts = as_array(data.neurons, "data.neurons", shape=(len(species),))
    if counts.size == 0 or counts.min() <= 0:
        raise ValueError("data.neurons must hold one positive count per species (a log axis cannot show 0);"
                         f" got {counts.tolist()}.")
    ax = new_axes(ax, (9, 4.8))
    ax.barh(species, counts, color=["tab:red" if s == highlight else "tab:blue" for s in species])
    ax.set_xscale("log")
    ax.set_xlim(min(1e3, 10 ** np.floor(np.log10(counts.min()))), max(1e13, 10 ** np.ceil(np.log10(counts.max()) + 1)))
    for y, c in enumerate(counts):
        ax.text(c * 1.4, y, f"{c:,.0f}", va="center", fontsize="medium")
    ax.set_xlabel("number of neurons (log scale: each grid line is ×10)")
    ax.set_title("How many neurons? (estimates)")
    ax.grid(axis="x", which="major", alpha=0.4)
    return ax


def probability_bars(p, *, label=None, ax=None, class_names=None):
    """Bars of class probabilities p (k,): the predicted class (largest p) in blue, a wrong-answer's true
    ``label`` in red, the others grey.  Returns the Axes.
    """
    p = as_array(p, "p", ndim=1)
    k = p.size
    if k == 0 or p.min() < 0 or p.max() > 1:
        raise ValueError(f"p must hold one probability in [0, 1] per class; got {_describe(p)}"
                         + (f" with values from {p.min():.4g} to {p.max():.4g}." if k else "."))
    if abs(p.sum() - 1.0) > 1e-3:
        raise ValueError(f"p must sum to 1 (one probability per class); got a sum of {p.sum():.4g}."
                         " (Logits? Apply softmax first.)")
    if label is not None:
        if isinstance(label, bool) or not isinstance(label, (numbers.Integral, np.integer)):
            raise TypeError(f"label must be an integer class 0 … {k - 1} or None; got {_describe(label)}.")
        label = check_int(int(label), "label", min_value=0, max_value=k - 1)
    names = _names(class_names, k, "class_names")
    ax = new_axes(ax, (4, 2.5))
    chosen = int(np.argmax(p))
    colors = ["tab:gray"] * k
    colors[chosen] = "tab:blue"
    if label is not None and label != chosen:
        colors[label] = "tab:red"
    ax.bar(range(k), p, color=colors)
    ax.set_xticks(range(k), names)
    ax.set_ylim(0, 1)
    ax.set_xlabel("class")
    ax.set_ylabel("probability")
    return ax


def target_vs_activation(activation, target, *, ax=None, labels=None):
    """Bars of each output's activation next to its target, the error (activation − target) written above.

    activation, target: (k,) arrays.  A red arrow shows which way learning must push each output.
    Returns the Axes.
    """
    activation = as_array(activation, "activation", ndim=1)
    target = as_array(target, "target", shape=activation.shape)
    k = activation.size
    if k == 0:
        raise ValueError("activation must hold at least one output; got an empty array.")
    labels = [f"output {i}" for i in range(k)] if labels is None else _names(labels, k, "labels")
    ax = new_axes(ax, (5.5, 3.2))
    pos = np.arange(k)
    ax.bar(pos - 0.2, activation, width=0.4, color="tab:blue", label="activation")
    ax.bar(pos + 0.2, target, width=0.4, color="none", edgecolor="tab:green", lw=2, hatch="//", label="target")
    for i, (a, t) in enumerate(zip(activation, target)):
        err = a - t
        ax.text(i, max(a, t) + 0.2, f"error {err:+.4f}", ha="center", fontsize="small")
        if abs(err) > 1e-3:   # an arrow above the bar: down if the output is too high, up if too low
            y0, y1 = (a + 0.16, a + 0.03) if err > 0 else (a + 0.03, a + 0.16)
            ax.annotate("", xy=(i - 0.2, y1), xytext=(i - 0.2, y0),
                        arrowprops=dict(arrowstyle="->", color="tab:red", lw=2))
    ax.set_xticks(pos, labels)
    top = max(1.4, float(max(activation.max(), target.max())) + 0.4)
    ax.set_ylim(min(0.0, float(min(activation.min(), target.min())) - 0.1), top)
    ax.set_ylabel("value")
    ax.legend(loc="upper left", frameon=False, fontsize="small")
    return ax
