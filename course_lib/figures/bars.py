"""Bar charts: how many neurons, which class, how far from the target.

=================================  ==============================================================
name                               draws (each returns the Axes)
=================================  ==============================================================
neuron_counts(data)                neurons per species, horizontal bars on a log axis
probability_bars(p, label=...)     a network's class probabilities, the chosen class highlighted
activation_bars(a)                 output activations, the highest (the chosen class) highlighted
target_vs_activation(a, t)         each output's activation beside its target, with the error
before_after(before, after, ...)   a classifier's probabilities for one example before and after
                                   a learning step, side by side.  Figure.
top5_errors(results, human=...)    the ImageNet (ILSVRC) top-5 error per year, the human level as a
                                   line (data: ``ILSVRC_TOP5``)
confidence_histograms(panels)      how sure a classifier is: a histogram of its largest probability
                                   per image, one panel per model.  Figure.
=================================  ==============================================================

Conventions (see ``course_lib.figures``): ``ax=None`` → a new figure and the Axes is returned;
``fig=None`` (multi-panel figures) → a new figure and the Figure is returned.
"""
from __future__ import annotations

import numbers

import numpy as np

from .._validate import _describe, as_array, check_int, check_number
from ..i18n import N_, _, format_count
from . import _in_context, _translated
from ._common import check_range, check_title, new_axes, new_figure

# "# i18n: ignore" ends lines whose only text the i18n scan flags is a font size ("large", "small").

__all__ = ["neuron_counts", "probability_bars", "activation_bars", "target_vs_activation", "before_after",
           "ILSVRC_TOP5", "HUMAN_TOP5", "top5_errors", "confidence_histograms"]


def _names(names, k, name):
    """``names`` as k strings (default "0" … "k−1")."""
    if names is None:
        return [str(i) for i in range(k)]
    if isinstance(names, str) or not hasattr(names, "__len__"):
        raise TypeError(_("{name} must be a list of {k} names or None; got {got}.").format(
            name=name, k=k, got=_describe(names)))
    if len(names) != k:
        raise ValueError(_("{name} must have one name per bar ({k}); got {n}.").format(name=name, k=k, n=len(names)))
    return [str(n) for n in names]


#: The species of ``datasets.load_brain_neurons()``, marked to be translated where they are drawn
#: (here and in ``curves.neuron_projection``).
_SPECIES = (N_("snail"), N_("lobster"), N_("ant"), N_("frog"), N_("mouse"), N_("octopus"), N_("cat"),
            N_("human"), N_("African elephant"))


def _count_text(count):
    """A neuron count as written on a bar: 86,000,000,000 (English), 860億 (Japanese)."""
    return format_count(round(float(count)))      # == f"{count:,.0f}" in English


def neuron_counts(data, *, highlight="human", ax=None):
    """Horizontal bars of neuron counts on a log axis (lecture 000's table).

    data: anything with ``species`` (k,) and ``neurons`` (k,), e.g. ``datasets.load_brain_neurons()``.
    highlight: the species drawn in red.  Returns the Axes.
    """
    if not (hasattr(data, "species") and hasattr(data, "neurons")):
        raise TypeError(_("data must have .species and .neurons (e.g. datasets.load_brain_neurons());"
                          " got {got}.").format(got=_describe(data)))
    species = [str(s) for s in data.species]
    counts = as_array(data.neurons, "data.neurons", shape=(len(species),))
    if counts.size == 0 or counts.min() <= 0:
        raise ValueError(_("data.neurons must hold one positive count per species (a log axis cannot show 0);"
                           " got {counts}.").format(counts=counts.tolist()))
    ax = new_axes(ax, (9, 4.8))
    colors = ["tab:red" if s == highlight else "tab:blue" for s in species]
    ax.barh([_translated(s) for s in species], counts, color=colors)
    ax.set_xscale("log")
    ax.set_xlim(min(1e3, 10 ** np.floor(np.log10(counts.min()))), max(1e13, 10 ** np.ceil(np.log10(counts.max()) + 1)))
    for y, c in enumerate(counts):
        ax.text(c * 1.4, y, _count_text(c), va="center", fontsize="medium")  # i18n: ignore
    ax.set_xlabel(_("number of neurons (log scale: each grid line is ×10)"))
    ax.set_title(_("How many neurons? (estimates)"))
    ax.grid(axis="x", which="major", alpha=0.4)
    return ax


def _class_bars(values, ax, names, *, label=None, ylabel, ylim):
    """One bar per class: the largest value (the chosen class) blue, a wrong answer's true ``label`` red."""
    k = values.size
    chosen = int(np.argmax(values))
    colors = ["tab:gray"] * k
    colors[chosen] = "tab:blue"
    if label is not None and label != chosen:
        colors[label] = "tab:red"
    bars = ax.bar(range(k), values, color=colors)
    ax.set_xticks(range(k), names)
    ax.set_ylim(*ylim)
    ax.set_xlabel(_("class"))
    ax.set_ylabel(ylabel)
    return bars


def probability_bars(p, *, label=None, ax=None, class_names=None):
    """Bars of class probabilities p (k,): the predicted class (largest p) in blue, a wrong-answer's true
    ``label`` in red, the others grey.  Returns the Axes.
    """
    p = as_array(p, "p", ndim=1)
    k = p.size
    if k == 0 or p.min() < 0 or p.max() > 1:
        if k == 0:
            raise ValueError(_("p must hold one probability in [0, 1] per class; got {got}.").format(got=_describe(p)))
        raise ValueError(_("p must hold one probability in [0, 1] per class; got {got} with values from {low:.4g} to"
                           " {high:.4g}.").format(got=_describe(p), low=p.min(), high=p.max()))
    if abs(p.sum() - 1.0) > 1e-3:
        raise ValueError(_("p must sum to 1 (one probability per class); got a sum of {total:.4g}."
                           " (Logits? Apply softmax first.)").format(total=p.sum()))
    if label is not None:
        if isinstance(label, bool) or not isinstance(label, (numbers.Integral, np.integer)):
            raise TypeError(_("label must be an integer class 0 … {last} or None; got {got}.").format(
                last=k - 1, got=_describe(label)))
        label = check_int(int(label), "label", min_value=0, max_value=k - 1)
    names = _names(class_names, k, "class_names")
    ax = new_axes(ax, (4, 2.5))
    _class_bars(p, ax, names, label=label, ylabel=_("probability"), ylim=(0, 1))
    return ax


def activation_bars(a, *, ax=None, class_names=None):
    """Bars of the output activations a (k,), one per class, each value written above its bar; the
    highest activation — the class the network chooses — in blue, the others grey.  Returns the Axes.

    Unlike :func:`probability_bars` the activations need not add up to 1 (sigmoid outputs, say).
    """
    a = as_array(a, "a", ndim=1)
    if a.size == 0:
        raise ValueError(_("a must hold one activation per class; got an empty array."))
    names = _names(class_names, a.size, "class_names")
    ax = new_axes(ax, (4, 2.5))
    low, high = min(0.0, float(a.min())), max(1.0, float(a.max()))
    ylabel = _in_context(N_("value a|activation"))
    bars = _class_bars(a, ax, names, ylabel=ylabel, ylim=(low, high + 0.15 * (high - low)))
    ax.bar_label(bars, [f"{v:.4f}" for v in a], fontsize="small")
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
        raise ValueError(_("activation must hold at least one output; got an empty array."))
    labels = [_("output {i}").format(i=i) for i in range(k)] if labels is None else _names(labels, k, "labels")
    ax = new_axes(ax, (5.5, 3.2))
    pos = np.arange(k)
    ax.bar(pos - 0.2, activation, width=0.4, color="tab:blue", label=_in_context(N_("value a|activation")))
    ax.bar(pos + 0.2, target, width=0.4, color="none", edgecolor="tab:green", lw=2, hatch="//", label=_("target"))
    for i, (a, t) in enumerate(zip(activation, target)):
        err = a - t
        ax.text(i, max(a, t) + 0.2, _("error {err:+.4f}").format(err=err), ha="center",
                fontsize="small")  # i18n: ignore (a font size)
        if abs(err) > 1e-3:   # an arrow above the bar: down if the output is too high, up if too low
            y0, y1 = (a + 0.16, a + 0.03) if err > 0 else (a + 0.03, a + 0.16)
            ax.annotate("", xy=(i - 0.2, y1), xytext=(i - 0.2, y0),
                        arrowprops=dict(arrowstyle="->", color="tab:red", lw=2))
    ax.set_xticks(pos, labels)
    top = max(1.4, float(max(activation.max(), target.max())) + 0.4)
    ax.set_ylim(min(0.0, float(min(activation.min(), target.min())) - 0.1), top)
    ax.set_ylabel(_("value"))
    ax.legend(loc="upper left", frameon=False, fontsize="small")
    return ax


def _percentages(values, name, k=None):
    values = as_array(values, name, ndim=1, shape=None if k is None else (k,))
    if values.size == 0 or values.min() < 0 or values.max() > 100:
        raise ValueError(_("{name} must hold percentages from 0 to 100, one per class; got {values}.").format(
            name=name, values=values.tolist()))
    return values


def before_after(before, after, class_names, *, answer=0, titles=(N_("before"), N_("after")),
                 ylabel=N_("predicted probability [%]"), fig=None):
    """A classifier's answer for one example before and after a learning step: two bar panels side by side.

    before, after: (k,) probabilities in per cent (0–100) for the k classes shown (the rest may be omitted).
    class_names:   k names, e.g. ("cat", "dog", "bird").
    answer:        index of the correct class, drawn in blue (the others grey).
    titles:        the two panel titles.
    Returns the Figure.
    """
    before = _percentages(before, "before")
    after = _percentages(after, "after", before.size)
    names = _names(class_names, before.size, "class_names")
    answer = check_int(answer, "answer", min_value=0, max_value=before.size - 1)
    if isinstance(titles, str) or not isinstance(titles, (list, tuple)) or len(titles) != 2:
        raise TypeError(_("titles must be a pair of panel titles (before, after); got {got}.").format(
            got=_describe(titles)))
    titles = [check_title(t, f"titles[{i}]") for i, t in enumerate(titles)]
    ylabel = check_title(ylabel, "ylabel")
    fig = new_figure(fig, (7, 2.6))
    axes = fig.subplots(1, 2, sharey=True)
    colors = ["tab:gray"] * before.size
    colors[answer] = "tab:blue"
    for ax, values, title in zip(axes, (before, after), titles):
        ax.bar(range(len(names)), values, color=colors)
        ax.set_xticks(range(len(names)), names)
        ax.set(title=_translated(title), ylim=(0, 100), xlabel=_("class (… and the other classes)"))
    axes[0].set_ylabel(_translated(ylabel))
    return fig


#: The best top-5 error on ImageNet per year: (year, entry, error in %).  ILSVRC winners 2010–2014 from
#: O. Russakovsky et al., "ImageNet Large Scale Visual Recognition Challenge", IJCV 115, 211–252 (2015);
#: 2015: the PReLU network of He et al. (arXiv 1502.01852, February 2015) and ResNet, winner of ILSVRC 2015
#: (He et al., "Deep residual learning for image recognition", CVPR 2016).
ILSVRC_TOP5 = (
    (2010, "NEC-UIUC", 28.2),
    (2011, "XRCE", 25.8),
    (2012, "AlexNet", 15.3),
    (2013, "Clarifai", 11.7),
    (2014, "GoogLeNet", 6.7),
    (2015, "PReLU", 4.9),
    (2015, "ResNet", 3.57),
)
#: The top-5 error of a trained human on ImageNet, in % (Russakovsky et al. 2015).
HUMAN_TOP5 = 5.1


def top5_errors(results=ILSVRC_TOP5, *, human=HUMAN_TOP5, deep_from=2012, ax=None):
    """The ImageNet top-5 error per year as bars, each labelled with its entry and error; the human level
    as a dashed red line.

    results:   (year, entry name, top-5 error in %) rows, e.g. :data:`ILSVRC_TOP5`; several rows of one year
               share that year's slot side by side.
    human:     the human error in % (None: no line).
    deep_from: bars from this year on are deep networks (blue); earlier ones grey.
    Returns the Axes.
    """
    if isinstance(results, (str, bytes)) or not hasattr(results, "__len__") or len(results) == 0:
        raise TypeError(_("results must be a non-empty list of (year, name, error %) rows such as ILSVRC_TOP5;"
                          " got {got}.").format(got=_describe(results)))
    rows = []
    for i, row in enumerate(results):
        if not (isinstance(row, (tuple, list)) and len(row) == 3 and isinstance(row[1], str)):
            raise TypeError(_("results[{i}] must be a row (year, name, error %) such as (2012, 'AlexNet', 15.3);"
                              " got {got}.").format(i=i, got=_describe(row)))
        year = check_int(row[0], f"results[{i}] year")
        error = check_number(row[2], f"results[{i}] error", min_value=0, max_value=100, inclusive=False)
        rows.append((year, row[1], error))
    human = None if human is None else check_number(human, "human", min_value=0, max_value=100, inclusive=False)
    deep_from = check_int(deep_from, "deep_from")
    years = sorted({year for year, _name, _error in rows})
    ax = new_axes(ax, (9, 3.8))
    for year in years:
        same = [(name, error) for y, name, error in rows if y == year]
        width = 0.8 / len(same)
        for j, (name, error) in enumerate(same):
            x = year - 0.4 + width * (j + 0.5)
            bar = ax.bar(x, error, width=width, color="tab:blue" if year >= deep_from else "tab:gray")
            ax.bar_label(bar, [f"{name}\n{error:g} %"], fontsize="x-small")
    if human is not None:
        ax.axhline(human, color="tab:red", linestyle="--", label=_("human: {human:g} %").format(human=human))
    from matplotlib.patches import Patch

    handles = [Patch(color="tab:gray", label=_("before deep networks")),
               Patch(color="tab:blue", label=_("deep networks"))]
    ax.legend(handles=ax.get_legend_handles_labels()[0] + handles, fontsize="small", frameon=False)
    ax.set_xticks(years)
    ax.set_xlabel(_("year"))
    ax.set_ylabel(_("top-5 error on ImageNet [%]"))
    ax.set_ylim(0, 1.2 * max(error for _year, _name, error in rows))
    return ax


def confidence_histograms(panels, *, marks=None, bins=45, value_range=(0.1, 1.0), fig=None):
    """How sure a classifier is: for each model a histogram of its largest probability per image (log counts).

    panels: {title: P} with P (n_images, n_classes) class probabilities (rows add up to 1); one panel each.
    marks:  optional {title: (value, label)}: a dashed vertical line in that panel (e.g. the target 0.91).
    bins, value_range: the histogram's number of bins and its confidence range.
    Returns the Figure.
    """
    if not isinstance(panels, dict) or not panels:
        raise TypeError(_("panels must be a non-empty dict: title -> (n_images, n_classes) probabilities;"
                          " got {got}.").format(got=_describe(panels)))
    confidences = {}
    for title, P in panels.items():
        P = as_array(P, f"panels[{title!r}]", ndim=2)
        if P.size == 0 or P.min() < 0 or P.max() > 1 or np.abs(P.sum(axis=1) - 1).max() > 1e-3:
            raise ValueError(_("panels[{title!r}] must hold one row of class probabilities (each in [0, 1], adding"
                               " up to 1) per image; got {got}.").format(title=title, got=_describe(P)))
        confidences[str(title)] = P.max(axis=1)
    marks = {} if marks is None else marks
    if not isinstance(marks, dict):
        raise TypeError(_("marks must be a dict title -> (value, label) or None; got {got}.").format(
            got=_describe(marks)))
    for title, mark in marks.items():
        if title not in confidences:
            raise ValueError(_("marks must name panels of panels ({titles}); got {title!r}.").format(
                titles=", ".join(map(repr, confidences)), title=title))
        if not (isinstance(mark, (tuple, list)) and len(mark) == 2 and isinstance(mark[1], str)):
            raise TypeError(_("marks[{title!r}] must be a pair (value, label); got {got}.").format(
                title=title, got=_describe(mark)))
        check_number(mark[0], f"marks[{title!r}] value")
    bins = check_int(bins, "bins", min_value=1)
    low, high = check_range(value_range, "value_range")
    fig = new_figure(fig, (5.5 * len(confidences), 3.2))
    axes = fig.subplots(1, len(confidences), sharey=True, squeeze=False)[0]
    for ax, (title, confidence) in zip(axes, confidences.items()):
        ax.hist(confidence, bins=np.linspace(low, high, bins + 1), color="tab:blue")
        ax.set_yscale("log")
        ax.set_title(title)
        ax.set_xlabel(_("confidence: the largest of the probabilities"))
        if title in marks:
            value, label = marks[title]
            ax.axvline(value, color="tab:orange", linestyle="--", label=label)
            ax.legend(loc="upper left", fontsize="small")
    axes[0].set_ylabel(_("images"))
    return fig
