"""Curves: activation functions, losses falling during training, training vs validation.

=================================  ==============================================================
name                               draws
=================================  ==============================================================
activation_panels(names)           a = f(z), and f'(z) with ``derivative=True``, one panel per
                                   activation, ranges from ``course_lib.activations``.  Figure.
loss_curves({label: E, ...})       several loss curves on one (log) axis, optionally the minimum.  Axes.
minibatch_curves({label: run})     loss per update and per epoch of minibatch runs, side by side.  Figure.
training_curves(history)           loss and accuracy per epoch, training and validation.  Figure.
curve_with_tangent(f, x0, slope)   y = f(x) and its tangent line at x0 (the slope of steepest
                                   descent).  Axes.
depth_and_width(...)               test accuracy against the number of hidden layers and against the
                                   width of one hidden layer.  Figure.
neuron_projection(years, counts)   a count growing over the years on a log axis (the neurons a
                                   computer can handle), brains as reference lines, the trend
                                   continued to a target.  Axes.
=================================  ==============================================================

Conventions (see ``course_lib.figures``): ``ax=None`` → returns the Axes; ``fig=None`` → the Figure.
"""
from __future__ import annotations

import numpy as np

from .._validate import _describe, as_array, check_bool, check_int, check_number, check_positive
from ..activations import get_activation
from ..i18n import N_, _, format_count, get_language
from . import _translated
from ._common import check_range, check_title, new_axes, new_figure

# "# i18n: ignore" ends lines whose only text the i18n scan flags is a font size ("large", "small").

__all__ = ["activation_panels", "curve_with_tangent", "loss_curves", "minibatch_curves", "training_curves",
           "depth_and_width", "neuron_projection"]


def _activation_names(names):
    if isinstance(names, str) or not isinstance(names, (list, tuple)) or not names:
        raise TypeError(_("names must be a non-empty list of activation names such as ['sigmoid', 'relu'];"
                          " got {got}.").format(got=_describe(names)))
    records = [get_activation(name) for name in names]
    for act in records:
        if not act.elementwise:
            raise ValueError(_("names must be element-wise activations (one a per z) to draw a = f(z);"
                               " got {name!r}, whose outputs depend on every z of a row.").format(name=act.name))
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
    axes[0].set_ylabel(_("activation a"))
    if derivative:
        axes[0].legend(loc="upper left")
    return fig


def loss_curves(curves, *, ax=None, xlabel=N_("iteration k"), ylabel=N_("error E"), logy=True, title=None,
                minimum=None):
    """Several loss curves on one axis: ``curves`` maps a label to a 1-D array of losses (one per step).

    logy: a logarithmic y axis (losses often fall by orders of magnitude); every value must then be > 0.
    minimum: None, or the smallest possible loss (e.g. the least-squares answer's), drawn as a dashed red
             line labelled "minimum E".
    Returns the Axes.
    """
    if not isinstance(curves, dict) or not curves:
        raise TypeError(_("curves must be a non-empty dict: label -> 1-D array of losses; got {got}.").format(
            got=_describe(curves)))
    logy = check_bool(logy, "logy")
    xlabel, ylabel, title = check_title(xlabel, "xlabel"), check_title(ylabel, "ylabel"), check_title(title)
    checked = {}
    for label, values in curves.items():
        values = as_array(values, f"curves[{label!r}]", ndim=1)
        if values.size == 0:
            raise ValueError(_("curves[{label!r}] must hold at least one loss value; got an empty array.").format(
                label=label))
        if logy and values.min() <= 0:
            raise ValueError(_("curves[{label!r}] must be > 0 everywhere on a log axis; got a smallest value of"
                               " {smallest:g}. Pass logy=False to draw it on a linear axis.").format(
                label=label, smallest=values.min()))
        checked[str(label)] = values
    if minimum is not None:
        minimum = check_number(minimum, "minimum", min_value=0 if logy else None, inclusive=not logy)
    ax = new_axes(ax, (6, 3.2))
    for label, values in checked.items():
        ax.plot(np.arange(values.size), values, lw=2, label=label)
    if minimum is not None:
        ax.axhline(minimum, color="crimson", ls="--", label=_("minimum E"))
    if logy:
        ax.set_yscale("log")
    ax.set_xlabel(_translated(xlabel))
    ax.set_ylabel(_translated(ylabel))
    if title:
        ax.set_title(_translated(title))
    ax.legend(frameon=False, fontsize="small")
    return ax


def training_curves(history, *, fig=None):
    """Loss and accuracy per epoch for training (and validation) data; returns the Figure.

    history: a ``course_lib.train.History`` (anything with lists ``train_loss``, ``train_acc`` and,
             possibly empty, ``val_loss``, ``val_acc``; accuracies are fractions in [0, 1]).
    """
    missing = [k for k in ("train_loss", "train_acc", "val_loss", "val_acc") if not hasattr(history, k)]
    if missing:
        raise TypeError(_("history must be a History returned by course_lib.train.fit (with train_loss, train_acc,"
                          " val_loss, val_acc); got {got} without {missing}.").format(
            got=_describe(history), missing=", ".join(missing)))
    train_loss = as_array(history.train_loss, "history.train_loss", ndim=1)
    n = train_loss.size
    if n == 0:
        raise ValueError(_("history.train_loss must hold one loss per epoch; got none (was the model trained?)."))
    train_acc = as_array(history.train_acc, "history.train_acc", shape=(n,))
    has_val = len(history.val_loss) > 0
    if has_val:
        val_loss = as_array(history.val_loss, "history.val_loss", shape=(n,))
        val_acc = as_array(history.val_acc, "history.val_acc", shape=(n,))
    fig = new_figure(fig, (9, 3.5))
    ax_loss, ax_acc = fig.subplots(1, 2)
    epochs = np.arange(1, n + 1)
    ax_loss.plot(epochs, train_loss, "o-", label=_("training"))
    ax_acc.plot(epochs, 100 * train_acc, "o-", label=_("training"))
    if has_val:
        ax_loss.plot(epochs, val_loss, "s--", label=_("validation"))
        ax_acc.plot(epochs, 100 * val_acc, "s--", label=_("validation"))
    ax_loss.set(xlabel=_("epoch"), ylabel=_("loss"), title=_("loss (lower is better)"))
    ax_acc.set(xlabel=_("epoch"), ylabel=_("accuracy [%]"), title=_("accuracy (higher is better)"))
    for ax in (ax_loss, ax_acc):
        ax.set_xticks(epochs)
        ax.legend(frameon=False)
    return fig


def curve_with_tangent(f, x0, slope, *, x_range, half_width=None, n_points=161, ax=None, xlabel="x",
                       ylabel="f(x)", title=None, curve_label="f(x)", tangent_label=N_("tangent")):
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
        raise TypeError(_("f must be a function of one number (x -> y); got {got}.").format(got=_describe(f)))
    low, high = check_range(x_range, "x_range")
    x0 = check_number(x0, "x0", min_value=low, max_value=high)
    slope = check_number(slope, "slope")
    half_width = (high - low) / 4 if half_width is None else check_positive(half_width, "half_width")
    if isinstance(n_points, bool) or not isinstance(n_points, (int, np.integer)) or n_points < 2:
        raise TypeError(_("n_points must be an integer >= 2; got {got}.").format(got=_describe(n_points)))
    xlabel, ylabel, title = check_title(xlabel, "xlabel"), check_title(ylabel, "ylabel"), check_title(title)
    curve_label, tangent_label = check_title(curve_label, "curve_label"), check_title(tangent_label, "tangent_label")
    x = np.linspace(low, high, int(n_points))
    raw, raw0 = [f(v) for v in x], f(x0)
    try:
        y = as_array(raw, "f(x)", ndim=1)
        y0 = float(as_array(raw0, "f(x0)", ndim=0))
    except (TypeError, ValueError) as exc:
        raise ValueError(_("f must return one finite number for every x in x_range {x_range!r}: {problem}").format(
            x_range=x_range, problem=exc)) from None
    x_tangent = np.linspace(x0 - half_width, x0 + half_width, 2)   # a straight line: two points suffice
    ax = new_axes(ax, (6, 3.2))
    ax.plot(x, y, lw=2, label=_translated(curve_label))
    ax.plot(x_tangent, y0 + slope * (x_tangent - x0), "--", color="tab:red", label=_translated(tangent_label))
    ax.plot(x0, y0, "o", color="tab:red")
    ax.set_xlabel(_translated(xlabel))
    ax.set_ylabel(_translated(ylabel))
    if title:
        ax.set_title(_translated(title))
    ax.legend(frameon=False)
    return ax


def minibatch_curves(runs, *, ylabel=N_("E on all data"), epoch_label=N_("epoch"), fig=None):
    """Minibatch runs compared two ways: the loss after every update (left; the x axis turns logarithmic
    after 10 updates) and after every epoch (right: the same amount of data for every run).

    runs: {label: run}, each run with ``losses`` (1 + number of updates,: the start, then after each update)
          and ``epoch_losses`` (one per epoch), e.g. the results of ``course_lib.linreg.sgd``; all > 0.
    Returns the Figure.
    """
    if not isinstance(runs, dict) or not runs:
        raise TypeError(_("runs must be a non-empty dict: label -> run with .losses and .epoch_losses;"
                          " got {got}.").format(got=_describe(runs)))
    ylabel, epoch_label = check_title(ylabel, "ylabel"), check_title(epoch_label, "epoch_label")
    per_update, per_epoch = {}, {}
    for label, run in runs.items():
        if not (hasattr(run, "losses") and hasattr(run, "epoch_losses")):
            raise TypeError(_("runs[{label!r}] must have .losses and .epoch_losses (e.g. linreg.sgd(...));"
                              " got {got}.").format(label=label, got=_describe(run)))
        per_update[label] = run.losses
        epochs = as_array(run.epoch_losses, f"runs[{label!r}].epoch_losses", ndim=1)
        if epochs.size == 0 or epochs.min() <= 0:
            raise ValueError(_("runs[{label!r}].epoch_losses must hold at least one loss > 0 (log axis);"
                               " got {losses}.").format(label=label, losses=epochs.tolist()))
        per_epoch[label] = epochs
    fig = new_figure(fig, (11, 3.6))
    ax_update, ax_epoch = fig.subplots(1, 2)
    loss_curves(per_update, ax=ax_update, xlabel=N_("update"), ylabel=ylabel, title=N_("per update"))
    ax_update.set_xscale("symlog", linthresh=10)          # linear up to 10 updates, then logarithmic
    ax_update.set_xlim(0, max(len(losses) for losses in per_update.values()))
    for label, losses in per_epoch.items():
        ax_epoch.plot(np.arange(1, losses.size + 1), losses, "o-", ms=3, label=label)
    ax_epoch.set(yscale="log", xlabel=_translated(epoch_label), ylabel=_translated(ylabel),
                 title=_("per epoch: the same amount of data"))
    ax_epoch.legend(frameon=False, fontsize="small")
    return fig


def _ints(values, name, min_value):
    if isinstance(values, (str, bytes)) or not hasattr(values, "__len__") or len(values) == 0:
        raise TypeError(_("{name} must be a non-empty list of whole numbers; got {got}.").format(
            name=name, got=_describe(values)))
    return [check_int(v, f"{name}[{i}]", min_value=min_value) for i, v in enumerate(values)]


def _accuracies(values, name, n):
    values = as_array(values, name, shape=(n,))
    if values.min() < 0 or values.max() > 1:
        raise ValueError(_("{name} must hold accuracies as fractions from 0 to 1 (0.924, not 92.4);"
                           " got {values}.").format(name=name, values=values.tolist()))
    return values


def depth_and_width(depths, depth_accuracy, widths, width_accuracy, *, hidden_width=None, fig=None):
    """Test accuracy against depth (left) and width (right), as in chapter 8's experiment.

    depths:         numbers of hidden layers (k,), e.g. [0, 1, 2, 3, 4]
    depth_accuracy: (k,) test accuracy of each, as fractions in [0, 1]
    widths:         neurons in the single hidden layer (m,), e.g. [2, 4, …, 256] (a log axis)
    width_accuracy: (m,) test accuracy of each
    hidden_width:   None, or the neurons in each hidden layer of the depth runs (written on the axis)
    Both panels share the accuracy axis (in %).  Returns the Figure.
    """
    if hidden_width is not None:
        hidden_width = check_int(hidden_width, "hidden_width", min_value=1)
    depths = _ints(depths, "depths", 0)
    depth_accuracy = _accuracies(depth_accuracy, "depth_accuracy", len(depths))
    widths = _ints(widths, "widths", 1)
    width_accuracy = _accuracies(width_accuracy, "width_accuracy", len(widths))
    fig = new_figure(fig, (11, 3.8))
    ax_depth, ax_width = fig.subplots(1, 2, sharey=True)
    ax_depth.plot(depths, 100 * depth_accuracy, "o-")
    ax_depth.set_xticks(depths)
    xlabel = (_("number of hidden layers") if hidden_width is None
              else _("number of hidden layers ({width} neurons each)").format(width=hidden_width))
    ax_depth.set(xlabel=xlabel, ylabel=_("test accuracy [%]"), title=_("deeper"))
    ax_width.semilogx(widths, 100 * width_accuracy, "s-", color="tab:orange")
    ax_width.set_xticks(widths, [str(w) for w in widths])
    ax_width.minorticks_off()
    ax_width.set(xlabel=_("neurons in the single hidden layer"), title=_("wider"))
    for ax in (ax_depth, ax_width):
        ax.grid(alpha=0.3)
    return fig


def _rounded(count):
    """A count to 2 significant digits: 8.6e+10 (English), 860億 (Japanese)."""
    if get_language() == "ja":
        return format_count(round(float(f"{count:.2g}")))
    return f"{count:.2g}"


def neuron_projection(years, counts, *, brains=None, extend_to=None, target=None, target_label=None, ax=None,
                      label=N_("neurons a computer can handle (projection)")):
    """A count growing over the years on a log axis — the lecture's projection of the neurons a computer can
    handle — with brains as reference lines and, optionally, the trend continued until it reaches a target.

    years:  (k,) increasing years;  counts: (k,) counts > 0 for those years.
    brains: None, or data with ``species`` and ``neurons`` (e.g. ``datasets.load_brain_neurons()``): a grey
            line with the species' name at each neuron count.
    extend_to: None, or a year after the last one: the growth of the last interval continues (dashed) to it.
    target: None, or a count: a red line there, and a star where the (continued) trend reaches it.
    target_label: the legend text of the target line.
    Returns the Axes.
    """
    years = as_array(years, "years", ndim=1)
    counts = as_array(counts, "counts", shape=years.shape)
    if years.size < 2 or np.any(np.diff(years) <= 0):
        raise ValueError(_("years must hold at least 2 increasing years; got {years}.").format(years=years.tolist()))
    if counts.min() <= 0:
        raise ValueError(_("counts must all be > 0 (a log axis cannot show 0 or less); got {counts}.").format(
            counts=counts.tolist()))
    if brains is not None and not (hasattr(brains, "species") and hasattr(brains, "neurons")):
        raise TypeError(_("brains must have .species and .neurons (e.g. datasets.load_brain_neurons()) or be None;"
                          " got {got}.").format(got=_describe(brains)))
    if extend_to is not None:
        extend_to = check_number(extend_to, "extend_to", min_value=float(years[-1]), inclusive=False)
    if target is not None:
        target = check_positive(target, "target")
    label, target_label = check_title(label, "label"), check_title(target_label, "target_label")
    ax = new_axes(ax, (9, 5 if brains is not None else 4))
    line_years, line_counts = years, counts
    ax.semilogy(years, counts, "o-", color="tab:blue", label=_translated(label))
    if extend_to is not None:           # growth per year of the last interval, continued
        rate = np.log(counts[-1] / counts[-2]) / (years[-1] - years[-2])
        later = np.linspace(years[-1], extend_to, 50)
        trend = counts[-1] * np.exp(rate * (later - years[-1]))
        ax.semilogy(later, trend, "--", color="tab:blue", label=_("the same trend, continued"))
        line_years, line_counts = np.concatenate([years, later[1:]]), np.concatenate([counts, trend[1:]])
    if brains is not None:
        x_text = (extend_to if extend_to is not None else years[-1]) + 0.03 * (years[-1] - years[0])
        neurons = [float(n) for n in brains.neurons]
        for species, n in zip(brains.species, neurons):
            ax.axhline(n, color="0.85", linewidth=1, zorder=0)
            # two counts less than a quarter of a decade apart (cat, octopus): labels above and below their lines
            near_above = any(n < m < n * 10 ** 0.25 for m in neurons)
            near_below = any(n / 10 ** 0.25 < m < n for m in neurons)
            va = "top" if near_above and not near_below else "bottom" if near_below and not near_above else "center"
            ax.text(x_text, n, _("{species} ({count})").format(species=_translated(str(species)), count=_rounded(n)),
                    va=va, fontsize="small")  # i18n: ignore
    if target is not None:
        ax.axhline(target, color="tab:red", linewidth=1, label=_translated(target_label))
        log_counts = np.log(line_counts)
        if log_counts[0] <= np.log(target) <= log_counts[-1] and np.all(np.diff(log_counts) > 0):
            year = np.interp(np.log(target), log_counts, line_years)      # straight lines on the log axis
            ax.plot(year, target, "*", color="tab:red", markersize=14)
    ax.set_xlabel(_("year"))
    ax.set_ylabel(_("number of neurons (log scale)"))
    ax.legend(loc="upper left" if brains is not None else "lower right", fontsize="small")
    return ax
