"""Figures of chapter 7's experiments on training: what each layer of a network passes on.

=====================================  ==========================================================
name                                   draws
=====================================  ==========================================================
layer_histograms({label: outputs})     one row per set-up, one histogram per layer of its
                                       outputs a_1 … a_L (initialisation: Xavier vs He).  Figure.
compare_runs({label: history})         one measured quantity per epoch (validation loss by
                                       default) for several training runs, the best epoch of
                                       each marked (where early stopping would stop).  Axes.
=====================================  ==========================================================

Loss curves per update and training/validation curves are in ``course_lib.figures.curves``.
Conventions (see ``course_lib.figures``): ``fig=None`` → returns the Figure.
"""
from __future__ import annotations

from .._validate import _describe, as_array, check_bool, check_positive
from ..i18n import N_, _
from . import _translated
from ._common import check_title, new_axes, new_figure

# "# i18n: ignore" ends lines whose only text the i18n scan flags is a font size ("large", "small").

__all__ = ["layer_histograms", "compare_runs"]


def layer_histograms(outputs, *, positive_only=None, x_max=None, bins=30, fig=None):
    """Histograms of every layer's outputs, one row per set-up.

    outputs: dict label -> list of arrays [a_1, …, a_L] (any shapes; e.g. ``net.activations[1:]`` after
             ``net.forward(X)``); every row must have the same number of layers.
    positive_only: dict label -> bool; True leaves out the values ≤ 0 (for ReLU, whose many exact zeros
             would hide the rest).  Default: False for every row.
    The x range is [0, 1] for a row whose values all lie in [0, 1] (sigmoid); for the other rows it is
    [min(0, smallest value), x_max], the same for all of them (x_max default: the largest value of those rows).
    Returns the Figure.
    """
    if not isinstance(outputs, dict) or not outputs:
        raise TypeError(_("outputs must be a non-empty dict: label -> list of layer outputs; got {got}.").format(
            got=_describe(outputs)))
    rows = {}
    for label, layers in outputs.items():
        if not isinstance(layers, (list, tuple)) or not layers:
            raise TypeError(_("outputs[{label!r}] must be a non-empty list of arrays (one per layer); "
                              "got {got}.").format(label=label, got=_describe(layers)))
        rows[str(label)] = [as_array(a, f"outputs[{label!r}][{l}]").ravel() for l, a in enumerate(layers)]
    n_layers = {len(v) for v in rows.values()}
    if len(n_layers) != 1:
        raise ValueError(_("outputs: every row must have the same number of layers; got {counts}.").format(
            counts=sorted(n_layers)))
    positive_only = {} if positive_only is None else positive_only
    if not isinstance(positive_only, dict):
        raise TypeError(_("positive_only must be a dict label -> bool; got {got}.").format(
            got=_describe(positive_only)))
    unknown = set(map(str, positive_only)) - set(rows)
    if unknown:
        raise ValueError(_("positive_only has labels that are not in outputs: {unknown}; "
                           "allowed: {allowed}.").format(unknown=sorted(unknown), allowed=list(rows)))
    drop = {str(k): check_bool(v, f"positive_only[{k!r}]") for k, v in positive_only.items()}
    if isinstance(bins, bool) or not isinstance(bins, int) or not 2 <= bins <= 200:
        raise TypeError(_("bins must be an integer from 2 to 200; got {got}.").format(got=_describe(bins)))
    if x_max is not None:
        x_max = check_positive(x_max, "x_max")
    in_unit = {label: min(a.min() for a in v) >= 0 and max(a.max() for a in v) <= 1 for label, v in rows.items()}
    others = [a for label, v in rows.items() if not in_unit[label] for a in v]
    low = min([0.0] + [float(a.min()) for a in others])
    high = x_max if x_max is not None else max([1.0] + [float(a.max()) for a in others])
    n = n_layers.pop()
    fig = new_figure(fig, (2 * n, 1.5 * len(rows)))
    axes = fig.subplots(len(rows), n, sharey="row", squeeze=False)
    for row, (label, layers) in zip(axes, rows.items()):
        values = [a[a > 0] if drop.get(label, False) else a for a in layers]
        x_range = (0, 1) if in_unit[label] else (low, high)
        for layer, (ax, v) in enumerate(zip(row, values), start=1):
            ax.hist(v, bins=bins, range=x_range, color="tab:blue")
            ax.set_yticks([])
            ax.set_title(_("layer {layer}").format(layer=layer), fontsize="small")  # i18n: ignore
        row[0].set_ylabel(label, fontsize="small")  # i18n: ignore
    return fig


_KEYS = {"val_loss": (N_("validation loss"), min), "val_acc": (N_("validation accuracy [%]"), max),
         "train_loss": (N_("training loss"), min), "train_acc": (N_("training accuracy [%]"), max)}


def compare_runs(histories, *, key="val_loss", ax=None, title=None):
    """One curve per training run: ``history.<key>`` per epoch, the best epoch of each run marked with a dot.

    histories: dict label -> ``course_lib.train.History`` (from ``fit``; for "val_*" with validation data).
    key: "val_loss" (default; best = lowest), "val_acc" (best = highest; drawn in %), "train_loss", "train_acc".
    Returns the Axes.
    """
    if not isinstance(histories, dict) or not histories:
        raise TypeError(_("histories must be a non-empty dict: label -> History from fit; got {got}.").format(
            got=_describe(histories)))
    if key not in _KEYS:
        raise ValueError(_("key must be one of {keys}; got {key!r}.").format(keys=list(_KEYS), key=key))
    ylabel, best = _KEYS[key]
    title = check_title(title)
    series = {}
    for label, history in histories.items():
        if not hasattr(history, key):
            raise TypeError(_("histories[{label!r}] must be a History returned by course_lib.train.fit; "
                              "got {got}.").format(label=label, got=_describe(history)))
        values = as_array(getattr(history, key), f"histories[{label!r}].{key}", ndim=1)
        if values.size == 0:
            if key.startswith("val"):
                raise ValueError(_("histories[{label!r}].{key} is empty: train with X_val and T_val to measure"
                                   " validation data.").format(label=label, key=key))
            raise ValueError(_("histories[{label!r}].{key} is empty: the model was not trained.").format(
                label=label, key=key))
        series[str(label)] = values * (100 if key.endswith("acc") else 1)
    ax = new_axes(ax, (6, 3.2))
    for label, values in series.items():
        epochs = range(1, values.size + 1)
        i = int(values.argmin() if best is min else values.argmax())
        line, = ax.plot(epochs, values, lw=2, label=label)
        ax.plot(i + 1, values[i], "o", color=line.get_color(), markersize=7)
    ax.set_xlabel(_("epoch"))
    ax.set_ylabel(_translated(ylabel))
    if title:
        ax.set_title(title)
    marked = _("● lowest value of each run") if best is min else _("● highest value of each run")
    ax.legend(frameon=False, fontsize="small", title=marked, title_fontsize="small")
    return ax
