"""Figures for chapters 4 (backpropagation) and 5 (gradient descent on Hubble's data).

Each function answers one question, labels its axes, draws on ``ax`` when given
(otherwise it makes a new figure) and returns the Axes (or the Figure for a row
of panels).  Nothing here reads notebook variables.

    letter_images(images, titles)            the 4×3 "C"/"T" pictures in a row
    target_vs_activation(activation, target) what the network said vs what it should have said
    prediction_machine()                     ŷ = f(x; a, b): a machine with two knobs
    loss_curves({"label": E_values, ...})    several loss curves on one (log) axis
    contour_paths(f, {"label": path, ...})   optimizer paths on the contours of a 2-D function
"""
from __future__ import annotations

import numpy as np

from ._validate import as_array


def _axes(ax, figsize):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=figsize, layout="constrained")[1]


def letter_images(images, titles=None, *, axes=None):
    """Draw binary images (n, rows, cols), e.g. the 4×3 letters, in one row; ink (1) is black.

    titles: optional list of n strings.  axes: optional sequence of n Axes.  Returns the Figure.
    """
    images = as_array(images, "images", ndim=3)
    n = images.shape[0]
    if titles is not None and len(titles) != n:
        raise ValueError(f"titles must have one entry per image ({n}); got {len(titles)}.")
    if axes is None:
        import matplotlib.pyplot as plt

        fig, axes = plt.subplots(1, n, figsize=(0.85 * n, 1.35), squeeze=False, layout="constrained")
        axes = axes[0]
    else:
        if len(axes) != n:
            raise ValueError(f"axes must have one Axes per image ({n}); got {len(axes)}.")
        fig = axes[0].figure
    for i, ax in enumerate(axes):
        ax.imshow(images[i], cmap="gray_r", vmin=0, vmax=1)
        ax.set_xticks(np.arange(-0.5, images.shape[2]), minor=True)
        ax.set_yticks(np.arange(-0.5, images.shape[1]), minor=True)
        ax.grid(which="minor", color="0.6", lw=0.5)
        ax.tick_params(which="both", length=0, labelbottom=False, labelleft=False)
        if titles is not None:
            ax.set_title(str(titles[i]), fontsize=9)
    return fig


def target_vs_activation(activation, target, *, ax=None, labels=None):
    """Bars of each output's activation next to its target, the error (activation − target) written above.

    activation, target: (k,) arrays.  An arrow shows which way learning must push each output.
    """
    activation = as_array(activation, "activation", ndim=1)
    target = as_array(target, "target", shape=activation.shape)
    k = activation.size
    labels = [f"output {i}" for i in range(k)] if labels is None else list(labels)
    ax = _axes(ax, (5.5, 3.2))
    pos = np.arange(k)
    ax.bar(pos - 0.2, activation, width=0.4, color="tab:blue", label="activation")
    ax.bar(pos + 0.2, target, width=0.4, color="none", edgecolor="tab:green", lw=2, hatch="//",
           label="target")
    for i, (a, t) in enumerate(zip(activation, target)):
        err = a - t
        ax.text(i, max(a, t) + 0.2, f"error {err:+.4f}", ha="center", fontsize=9)
        if abs(err) > 1e-3:   # an arrow above the bar: down if the output is too high, up if too low
            y0, y1 = (a + 0.16, a + 0.03) if err > 0 else (a + 0.03, a + 0.16)
            ax.annotate("", xy=(i - 0.2, y1), xytext=(i - 0.2, y0),
                        arrowprops=dict(arrowstyle="->", color="tab:red", lw=2))
    ax.set_xticks(pos, labels)
    ax.set_ylim(0, 1.4)
    ax.set_ylabel("value")
    ax.legend(loc="upper left", frameon=False, fontsize="small")
    return ax


def prediction_machine(*, ax=None, knobs=("a", "b"), formula="ŷ = a·x + b"):
    """A box (the model) with knobs (the parameters): input x goes in, prediction ŷ comes out."""
    from matplotlib.patches import Circle, FancyBboxPatch

    ax = _axes(ax, (6, 2.6))
    ax.add_patch(FancyBboxPatch((3, 0.6), 4, 1.8, boxstyle="round,pad=0.1", fc="#e8f0fa", ec="tab:blue", lw=2))
    ax.text(5, 1.25, f"model\n{formula}", ha="center", va="center", fontsize=11)
    for j, name in enumerate(knobs):
        cx = 5 + (j - (len(knobs) - 1) / 2) * 1.4
        ax.add_patch(Circle((cx, 2.85), 0.3, fc="white", ec="tab:orange", lw=2))
        ax.plot([cx, cx + 0.2], [2.85, 3.07], color="tab:orange", lw=2)
        ax.text(cx + 0.45, 2.85, name, va="center", fontsize=11, color="tab:orange")
    ax.text(5, 3.45, "parameters = knobs, turned by the data", ha="center", fontsize=9, color="tab:orange")
    ax.annotate("", xy=(3, 1.5), xytext=(1.2, 1.5), arrowprops=dict(arrowstyle="-|>", lw=2))
    ax.text(0.9, 1.5, "input x", ha="right", va="center", fontsize=11)
    ax.annotate("", xy=(8.8, 1.5), xytext=(7.1, 1.5), arrowprops=dict(arrowstyle="-|>", lw=2))
    ax.text(9.0, 1.5, "prediction ŷ", ha="left", va="center", fontsize=11)
    ax.set_xlim(-1.5, 11.5)
    ax.set_ylim(0.2, 3.7)
    ax.set_aspect("equal")
    ax.axis("off")
    return ax


def loss_curves(curves, *, ax=None, xlabel="iteration k", ylabel="error E", logy=True, title=None):
    """Plot several loss curves on one axis: ``curves`` maps a label to a 1-D array of losses."""
    if not isinstance(curves, dict) or not curves:
        raise TypeError("curves must be a non-empty dict: label -> 1-D array of losses.")
    ax = _axes(ax, (6, 3.2))
    for label, values in curves.items():
        values = as_array(values, f"curves[{label!r}]", ndim=1)
        ax.plot(np.arange(values.size), values, lw=2, label=str(label))
    if logy:
        ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    ax.legend(frameon=False, fontsize="small")
    return ax


def contour_paths(f, paths, *, xlim=(-10, 10), ylim=(-5, 5), ax=None, levels=15, title=None, minimum=None):
    """Contours of f(x, y) with one optimizer path per entry of ``paths`` (label -> (k, 2) points).

    minimum: optional (x, y) of the minimum, marked with a star.

    f: a function of two arrays (element-wise), e.g. ``lambda x, y: x**2 / 20 + y**2``.
    """
    if not callable(f):
        raise TypeError(f"f must be a function f(x, y); got {type(f).__name__}.")
    xs = np.linspace(*xlim, 200)
    ys = np.linspace(*ylim, 200)
    Xg, Yg = np.meshgrid(xs, ys)
    ax = _axes(ax, (6, 3.4))
    Z = f(Xg, Yg)
    ax.contour(Xg, Yg, Z, levels=np.geomspace(max(Z.min(), 1e-3), Z.max(), levels), colors="0.75",
               linewidths=0.8)
    for label, path in paths.items():
        P = as_array(path, f"paths[{label!r}]", ndim=2)
        ax.plot(P[:, 0], P[:, 1], "o-", ms=2.5, lw=1.3, label=str(label))
    if minimum is not None:
        ax.plot(*minimum, "*", color="crimson", ms=12)
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    if title:
        ax.set_title(title)
    ax.legend(frameon=False, fontsize="small", loc="lower right")
    return ax
