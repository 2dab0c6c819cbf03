"""A function of two variables drawn over a plane.

=================================  ==============================================================
name                               draws (each returns the Axes)
=================================  ==============================================================
input_plane(f)                     a 2-input function (a neuron, a network) coloured over the input
                                   plane (x1, x2), the inputs (0,0) … (1,1) marked with their outputs
loss_surface(x, y)                 contours of E(a, b) for the line ŷ = a·x + b over the parameter
                                   plane, its minimum, and optionally a gradient-descent path
contour_paths(f, paths)            contours of f(x, y) with one optimizer path per label
=================================  ==============================================================

Conventions (see ``course_lib.figures``): ``ax=None`` → a new figure; every function returns the Axes.
"""
from __future__ import annotations

import matplotlib as mpl
import numpy as np

from .._validate import _describe, as_array, check_int, check_number
from ..i18n import _
from ._common import bold, check_range, check_title, new_axes

__all__ = ["input_plane", "loss_surface", "contour_paths"]

#: The four binary inputs of a 2-input logic gate: (x1, x2) = (0, 0), (0, 1), (1, 0), (1, 1).
BINARY_INPUTS = ((0, 0), (0, 1), (1, 0), (1, 1))


def _outputs(f, X, name="f"):
    """f(X) as one finite float per row of X, with a clear error for anything else."""
    try:
        out = f(X)
    except (TypeError, ValueError, IndexError) as exc:     # most often: f expects another shape of X
        raise ValueError(_("{name} must accept X of shape (k, 2) (one input (x1, x2) per row) and return k outputs;"
                           " calling it on an array of shape {shape} raised {error}: {message}").format(
            name=name, shape=X.shape, error=type(exc).__name__, message=exc)) from exc
    out = np.asarray(out, dtype=float)
    if out.size != X.shape[0] or (out.ndim == 2 and out.shape[1] != 1) or out.ndim > 2:
        raise ValueError(_("{name} must return one output per input row: shape ({k},) or ({k}, 1); got shape"
                           " {shape}.").format(name=name, k=X.shape[0], shape=out.shape))
    out = out.reshape(X.shape[0])
    if not np.all(np.isfinite(out)):
        raise ValueError(_("{name} returned {n} NaN or infinite output(s); every output must be a finite"
                           " number.").format(name=name, n=int(np.sum(~np.isfinite(out)))))
    return out


def input_plane(f, *, ax=None, lim=(-0.5, 1.5), title=None, label="output", resolution=121, cmap="viridis",
                vmin=None, vmax=None, level=None, points=BINARY_INPUTS, targets=None):
    """Colour the input plane (x1, x2) by the output of a 2-input function ``f(X) -> (k,)``.

    f:      called with X of shape (resolution², 2), one input (x1, x2) per row; returns k outputs
            (a ``Neuron``, ``lambda X: net.forward(X)[:, 0]``, …).
    lim:    the range of x1 and of x2.
    label:  the colour bar's label, e.g. "activation a".
    level:  if given, a white line where the output crosses this value (where a neuron starts to fire).
    points: (m, 2) inputs marked with a circle holding their output (default: the four binary inputs
            (0,0), (0,1), (1,0), (1,1)); None marks nothing.
    targets: optional (m,) values the outputs at ``points`` should have, written under each circle.
    Returns the Axes.
    """
    if not callable(f):
        raise TypeError(_("f must be a function f(X) of X with shape (k, 2); got {value}.").format(value=_describe(f)))
    lo, hi = check_range(lim, "lim")
    resolution = check_int(resolution, "resolution", min_value=2, max_value=1000)
    title = check_title(title)
    label = check_title(label, "label")
    if label == "output":          # the default label, in the language spoken now
        label = _("output")
    level = None if level is None else check_number(level, "level")
    ax = new_axes(ax, (5.4, 4.4))
    g = np.linspace(lo, hi, resolution)
    x1, x2 = np.meshgrid(g, g)
    out = _outputs(f, np.column_stack([x1.ravel(), x2.ravel()])).reshape(x1.shape)
    im = ax.imshow(out, origin="lower", extent=(lo, hi, lo, hi), cmap=cmap, vmin=vmin, vmax=vmax, aspect="equal")
    ax.figure.colorbar(im, ax=ax, shrink=0.85, label=label)
    if level is not None and out.min() < level < out.max():
        ax.contour(x1, x2, out, levels=[level], colors="white", linewidths=2.5)
    if points is not None:
        P = as_array(points, "points", shape=(None, 2))
        values = _outputs(f, P)
        T = None if targets is None else as_array(targets, "targets", shape=(P.shape[0],))
        size = 5 * mpl.rcParams["lines.markersize"]          # a circle large enough for a number
        for i, ((c1, c2), v) in enumerate(zip(P, values)):
            ax.plot(c1, c2, "o", ms=size, mfc="white", mec="black")
            ax.text(c1, c2, f"{v:.3g}", ha="center", va="center", fontsize="medium", weight=bold())  # i18n: ignore
            if T is not None:
                ax.annotate(_("target {value:g}").format(value=T[i]), (c1, c2), xytext=(0, -0.7 * size),
                            textcoords="offset points", ha="center", va="top", fontsize="small",  # i18n: ignore
                            bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.8))
    elif targets is not None:
        raise ValueError(_("targets need points: give the (m, 2) inputs the m targets belong to."))
    ax.set_xlabel(_("input x1"))
    ax.set_ylabel(_("input x2"))
    if title:
        ax.set_title(title)
    return ax


def loss_surface(x, y, *, a_range=(-200, 1100), b_range=(-600, 600), levels=20, ax=None, path=None):
    """Contours of E(a, b) = mean((a·x + b − y)²) for the line ŷ = a·x + b, its minimum marked with a star.

    x, y:   the data, (n,) each (Hubble's distances in Mpc and velocities in km/s).
    a_range, b_range: the part of the parameter plane to draw.
    path:   optional (k, 2) points (a, b), e.g. the steps of gradient descent.
    Returns the Axes.
    """
    from ..linreg import least_squares, loss_grid

    a_lo, a_hi = check_range(a_range, "a_range")
    b_lo, b_hi = check_range(b_range, "b_range")
    levels = check_int(levels, "levels", min_value=2, max_value=200)
    P = None if path is None else as_array(path, "path", shape=(None, 2))
    a_values = np.linspace(a_lo, a_hi, 121)
    b_values = np.linspace(b_lo, b_hi, 121)
    E = loss_grid(x, y, a_values, b_values)
    ax = new_axes(ax, (5, 4))
    cs = ax.contour(a_values, b_values, E, levels=np.geomspace(E.min() * 1.02 + 1e-12, E.max(), levels),
                    cmap="viridis")
    ax.figure.colorbar(cs, ax=ax, label="E(a, b)  [(km/s)²]")
    a_best, b_best = least_squares(x, y)
    ax.plot(a_best, b_best, "*", ms=2.5 * mpl.rcParams["lines.markersize"], color="crimson",
            label=_("minimum (least squares)"))
    if P is not None:
        ax.plot(P[:, 0], P[:, 1], ".-", color="k", lw=1.5, label=_("gradient descent"))
    ax.set_xlabel(_("slope a  [km/s/Mpc]"))
    ax.set_ylabel(_("intercept b  [km/s]"))
    ax.legend(loc="upper left", fontsize="small")
    return ax


def contour_paths(f, paths, *, xlim=(-10, 10), ylim=(-5, 5), ax=None, levels=15, title=None, minimum=None):
    """Contours of f(x, y) with one optimizer path per entry of ``paths`` (label -> (k, 2) points).

    f:       a function of two arrays (element-wise), e.g. ``lambda x, y: x**2 / 20 + y**2``; its values
             must be positive somewhere (the contour levels are spaced geometrically).
    minimum: optional (x, y) of the minimum, marked with a star.
    Returns the Axes.
    """
    if not callable(f):
        raise TypeError(_("f must be a function f(x, y) of two arrays; got {value}.").format(value=_describe(f)))
    if not isinstance(paths, dict) or not paths:
        raise TypeError(_("paths must be a non-empty dict: label -> (k, 2) points; got {value}.").format(
            value=_describe(paths)))
    x_lo, x_hi = check_range(xlim, "xlim")
    y_lo, y_hi = check_range(ylim, "ylim")
    levels = check_int(levels, "levels", min_value=2, max_value=200)
    title = check_title(title)
    checked = {str(label): as_array(path, f"paths[{label!r}]", shape=(None, 2)) for label, path in paths.items()}
    M = None if minimum is None else as_array(minimum, "minimum", shape=(2,))
    Xg, Yg = np.meshgrid(np.linspace(x_lo, x_hi, 200), np.linspace(y_lo, y_hi, 200))
    try:
        Z = np.asarray(f(Xg, Yg), dtype=float)
    except (TypeError, ValueError, IndexError) as exc:     # most often: f expects another signature
        raise ValueError(_("f must be a function f(x, y) of two arrays of shape {shape}; calling it raised"
                           " {error}: {message}").format(shape=Xg.shape, error=type(exc).__name__,
                                                          message=exc)) from exc
    if Z.shape != Xg.shape or not np.all(np.isfinite(Z)):
        raise ValueError(_("f(x, y) must return finite values of the same shape as x and y {shape};"
                           " got shape {got}.").format(shape=Xg.shape, got=Z.shape))
    if Z.max() <= 0:
        raise ValueError(_("f(x, y) must be positive somewhere in xlim × ylim (the contours are spaced"
                           " geometrically); got a largest value of {value:g}.").format(value=Z.max()))
    ax = new_axes(ax, (6, 3.4))
    ax.contour(Xg, Yg, Z, levels=np.geomspace(max(Z.min(), 1e-3 * min(1.0, Z.max())), Z.max(), levels),
               colors="0.75", linewidths=0.8)
    for label, P in checked.items():
        ax.plot(P[:, 0], P[:, 1], "o-", ms=0.4 * mpl.rcParams["lines.markersize"], lw=1.3, label=label)
    if M is not None:
        ax.plot(*M, "*", color="crimson", ms=2 * mpl.rcParams["lines.markersize"])
    ax.set_xlim(x_lo, x_hi)
    ax.set_ylim(y_lo, y_hi)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    if title:
        ax.set_title(title)
    ax.legend(frameon=False, fontsize="small", loc="lower right")
    return ax
