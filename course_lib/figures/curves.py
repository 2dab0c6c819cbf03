"""Curves: activation functions, losses falling during training, training vs validation.

=================================  ==============================================================
name                               draws
=================================  ==============================================================
activation_panels(names)           a = f(z), and f'(z) with ``derivative=True``, one panel per
                                   activation, ranges from ``course_lib.activations``.  Figure.
loss_curves({label: E, ...})       several loss curves on one (log) axis.  Axes.
training_curves(history)           loss and accuracy per epoch, training and validation.  Figure.
curve_with_tangent(f, x0, slope)   y = f(x) and its tangent line at x0 (the slope of steepest
                                   descent).  Axes.
=================================  ==============================================================

Conventions (see ``course_lib.figures``): ``ax=None`` → returns the Axes; ``fig=None`` → the Figure.
"""
from __future__ import annotations

import numpy as np

from .._validate import _describe, as_array, check_bool, check_number, check_positive
from ..activations import get_activation
from ._common import check_range, check_title, new_axes, new_figure

__all__ = ["activation_panels", "curve_with_tangent", "loss_curves", "training_curves"]


def _activation_names(names):
    if isinstance(names, str) or not isinstance(names, (list, tuple)) or not names:
        raise TypeError(f"names must be a non-empty list of activation names such as ['sigmoid', 'relu'];"
                        f" got {_describe(names)}.")
    records = [get_activation(name) for name in names]
    for act in records:
        if not act.elementwise:
            raise ValueError(f"names must be element-wise activations (one a per z) to draw a = f(z);"
                             f" got {act.name!r}, whose outputs depend on every z of a row.")
    return records


def activation_panels(names=("step", "sigmoid", "tanh", "relu"), *, derivative=False, z=None, fig=None):
    """One panel per activation function: a = f(z) in blue, and f'(z) dashed in orange if ``derivative``.

    names: activation names (the element-wise ones of ``course_lib.activations.ACTIVATIONS``).
    z:     (low, high) range of z for every panel; default: each activation's own ``z_range``.
    The y-limits are each activation's ``a_range`` (widened to show f'(z) up to its ``max_slope``).
    Returns the Figure.
    """
    records = _activation_names(names)
    derivative = check_bool(derivative, "derivative")
    z = None if z is None else check_range(z, "z")
    fig = new_figure(fig, (3.1 * len(records), 3.3))
    axes = fig.subplots(1, len(records), squeeze=False)[0]
    for ax, act in zip(axes, records):
        lo, hi = act.z_range if z is None else z
        zs = np.linspace(lo, hi, 401)
        ax.plot(zs, act.f(zs), lw=2.5, label="f(z)")
        a_lo, a_hi = act.a_range
        if derivative:
            ax.plot(zs, act.grad(zs), "--", lw=2, color="tab:orange", label="f'(z)")
            a_lo, a_hi = min(a_lo, -0.1), max(a_hi, 1.1 * act.max_slope)
        ax.axhline(0, color="gray", lw=0.8)
        ax.axvline(0, color="gray", lw=0.8)
        ax.set_title(act.name)
        ax.set_xlabel("z = w·x + b")
        ax.set_xlim(lo, hi)
        ax.set_ylim(a_lo, a_hi)
        ax.grid(alpha=0.3)
    axes[0].set_ylabel("activation a")
    if derivative:
        axes[0].legend(loc="upper left")
    return fig


def loss_curves(curves, *, ax=None, xlabel="iteration k", ylabel="error E", logy=True, title=None):
    """Several loss curves on one axis: ``curves`` maps a label to a 1-D array of losses (one per step).

    logy: a logarithmic y axis (losses often fall by orders of magnitude); every value must then be > 0.
    Returns the Axes.
    """
    if not isinstance(curves, dict) or not curves:
        raise TypeError(f"curves must be a non-empty dict: label -> 1-D array of losses; got {_describe(curves)}.")
    logy = check_bool(logy, "logy")
    xlabel, ylabel, title = check_title(xlabel, "xlabel"), check_title(ylabel, "ylabel"), check_title(title)
    checked = {}
    for label, values in curves.items():
        values = as_array(values, f"curves[{label!r}]", ndim=1)
        if values.size == 0:
            raise ValueError(f"curves[{label!r}] must hold at least one loss value; got an empty array.")
        if logy and values.min() <= 0:
            raise ValueError(f"curves[{label!r}] must be > 0 everywhere on a log axis; got a smallest value of"
                             f" {values.min():g}. Pass logy=False to draw it on a linear axis.")
        checked[str(label)] = values
    ax = new_axes(ax, (6, 3.2))
    for label, values in checked.items():
        ax.plot(np.arange(values.size), values, lw=2, label=label)
    if logy:
        ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    ax.legend(frameon=False, fontsize="small")
    return ax


def training_curves(history, *, fig=None):
    """Loss and accuracy per epoch for training (and validation) data; returns the Figure.

    history: a ``course_lib.train.History`` (anything with lists ``train_loss``, ``train_acc`` and,
             possibly empty, ``val_loss``, ``val_acc``; accuracies are fractions in [0, 1]).
    """
    missing = [k for k in ("train_loss", "train_acc", "val_loss", "val_acc") if not hasattr(history, k)]
    if missing:
        raise TypeError(f"history must be a History returned by course_lib.train.fit (with train_loss, train_acc,"
                        f" val_loss, val_acc); got {_describe(history)} without {', '.join(missing)}.")
    train_loss = as_array(history.train_loss, "history.train_loss", ndim=1)
    n = train_loss.size
    if n == 0:
        raise ValueError("history.train_loss must hold one loss per epoch; got none (was the model trained?).")
    train_acc = as_array(history.train_acc, "history.train_acc", shape=(n,))
    has_val = len(history.val_loss) > 0
    if has_val:
        val_loss = as_array(history.val_loss, "history.val_loss", shape=(n,))
        val_acc = as_array(history.val_acc, "history.val_acc", shape=(n,))
    fig = new_figure(fig, (9, 3.5))
    ax_loss, ax_acc = fig.subplots(1, 2)
    epochs = np.arange(1, n + 1)
    ax_loss.plot(epochs, train_loss, "o-", label="training")
    ax_acc.plot(epochs, 100 * train_acc, "o-", label="training")
    if has_val:
        ax_loss.plot(epochs, val_loss, "s--", label="validation")
        ax_acc.plot(epochs, 100 * val_acc, "s--", label="validation")
    ax_loss.set(xlabel="epoch", ylabel="loss", title="loss (lower is better)")
    ax_acc.set(xlabel="epoch", ylabel="accuracy [%]", title="accuracy (higher is better)")
    for ax in (ax_loss, ax_acc):
        ax.set_xticks(epochs)
        ax.legend(frameon=False)
    return fig


def curve_with_tangent(f, x0, slope, *, x_range, half_width=None, n_points=161, ax=None, xlabel="x",
                       ylabel="f(x)", title=None, curve_label="f(x)", tangent_label="tangent"):
    """The curve y = f(x) over ``x_range`` and, dashed, its tangent at x0:  y = f(x0) + slope·(x − x0).

    f: a function of one number returning one number (called once per point, e.g. E as a function of
       one weight with all other weights fixed).
    x0: where the tangent touches the curve (a red dot), inside ``x_range``.
    slope: df/dx at x0 — computed by the caller (for example with ``course_lib.gradcheck``).
    half_width: the tangent is drawn over [x0 − half_width, x0 + half_width]
                (default: a quarter of the width of ``x_range``).
    Returns the Axes.
    """
    if not callable(f):
        raise TypeError(f"f must be a function of one number (x -> y); got {_describe(f)}.")
    low, high = check_range(x_range, "x_range")
    x0 = check_number(x0, "x0", min_value=low, max_value=high)
    slope = check_number(slope, "slope")
    half_width = (high - low) / 4 if half_width is None else check_positive(half_width, "half_width")
    if isinstance(n_points, bool) or not isinstance(n_points, (int, np.integer)) or n_points < 2:
        raise TypeError(f"n_points must be an integer >= 2; got {_describe(n_points)}.")
    xlabel, ylabel, title = check_title(xlabel, "xlabel"), check_title(ylabel, "ylabel"), check_title(title)
    curve_label, tangent_label = check_title(curve_label, "curve_label"), check_title(tangent_label, "tangent_label")
    x = np.linspace(low, high, int(n_points))
    raw, raw0 = [f(v) for v in x], f(x0)
    try:
        y = as_array(raw, "f(x)", ndim=1)
        y0 = float(as_array(raw0, "f(x0)", ndim=0))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"f must return one finite number for every x in x_range {x_range!r}: {exc}") from None
    x_tangent = np.linspace(x0 - half_width, x0 + half_width, 2)   # a straight line: two points suffice
    ax = new_axes(ax, (6, 3.2))
    ax.plot(x, y, lw=2, label=curve_label)
    ax.plot(x_tangent, y0 + slope * (x_tangent - x0), "--", color="tab:red", label=tangent_label)
    ax.plot(x0, y0, "o", color="tab:red")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    ax.legend(frameon=False)
    return ax
