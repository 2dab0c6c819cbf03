"""What every figure module shares: where to draw (``ax=None`` / ``fig=None``), sizes that follow
projector mode, and readable text on coloured squares."""
from __future__ import annotations

import numbers

import numpy as np

from .._validate import _describe
from ..i18n import _, get_language

#: Font sizes matplotlib understands as words; they are relative to rcParams["font.size"].
FONT_SIZES = ("xx-small", "x-small", "small", "medium", "large", "x-large", "xx-large")


def scaled(figsize):
    """``figsize`` (width, height) in inches, as drawn now: larger in projector mode, up to the cell width
    (``course_lib.present.figure_size``)."""
    from ..present import figure_size

    return figure_size(figsize)


def new_axes(ax, figsize):
    """``ax`` itself when given (checked), else the Axes of a new figure of ``figsize`` (scaled)."""
    if ax is not None:
        from matplotlib.axes import Axes

        if not isinstance(ax, Axes):
            raise TypeError(_("ax must be a matplotlib Axes (e.g. from plt.subplots()) or None; got {value}.").format(
                value=_describe(ax)))
        return ax
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=scaled(figsize), layout="constrained")[1]


def new_figure(fig, figsize):
    """``fig`` itself when given (an empty Figure or SubFigure, checked), else a new figure of ``figsize``."""
    if fig is not None:
        from matplotlib.figure import FigureBase

        if not isinstance(fig, FigureBase):
            raise TypeError(_("fig must be a matplotlib Figure or SubFigure (e.g. plt.figure() or"
                              " fig.subfigures(1, 2)[0]) or None; got {value}.").format(value=_describe(fig)))
        if fig.axes:
            raise ValueError(_("fig must be empty (this function makes its own panels); got a figure that already"
                               " has {n} Axes. Pass a new plt.figure() or a SubFigure.").format(n=len(fig.axes)))
        return fig
    import matplotlib.pyplot as plt

    return plt.figure(figsize=scaled(figsize), layout="constrained")


def check_fontsize(value, name="fontsize"):
    """A font size: one of the relative words ("small", "large", …) or a positive number of points."""
    if isinstance(value, str):
        if value not in FONT_SIZES:
            raise ValueError(_("{name} must be one of {sizes} or a number of points; got {value!r}.").format(
                name=name, sizes=", ".join(map(repr, FONT_SIZES)), value=value))
        return value
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not (np.isfinite(value) and value > 0):
        raise TypeError(_("{name} must be a size word such as 'small' or a positive number of points;"
                          " got {value}.").format(name=name, value=_describe(value)))
    return float(value)


def check_title(value, name="title"):
    """None or a string (a title or a label)."""
    if value is not None and not isinstance(value, str):
        raise TypeError(_("{name} must be a string or None; got {value}.").format(name=name, value=_describe(value)))
    return value


def check_range(value, name):
    """A (low, high) pair of finite numbers with low < high."""
    try:
        low, high = value
        low, high = float(low), float(high)
    except (TypeError, ValueError):
        raise TypeError(_("{name} must be a pair (low, high) of numbers; got {value}.").format(
            name=name, value=_describe(value))) from None
    if not (np.isfinite(low) and np.isfinite(high) and low < high):
        raise ValueError(_("{name} must be a pair (low, high) of finite numbers with low < high; got {value!r}.")
                         .format(name=name, value=value))
    return low, high


def bold():
    """The font weight of emphasised figure text: "bold", or "normal" while Japanese is spoken — the
    Japanese font (IPAexGothic) has no bold face, so matplotlib would draw it regular all the same and
    log "findfont: Failed to find font weight bold" on stderr."""
    return "normal" if get_language() == "ja" else "bold"


def luma(R, G, B):
    """Brightness Y = 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601), for numbers or arrays in [0, 1]."""
    return 0.299 * R + 0.587 * G + 0.114 * B


def text_colour(cmap, value, vmin, vmax):
    """"black" on light squares, "white" on dark ones, for a square of ``value`` in colour map ``cmap``."""
    span = (vmax - vmin) or 1.0
    r, g, b, _alpha = cmap(float(np.clip((value - vmin) / span, 0.0, 1.0)))
    return "black" if luma(r, g, b) > 0.5 else "white"
