"""Large fonts and figures for projecting a chapter in class.

    from course_lib.present import projector_mode
    projector_mode()            # every figure drawn from now on: 1.6× fonts, lines and size
    projector_mode(False)       # back to exactly the values you had before

    with projector_mode(scale=2.0):   # only inside this block
        ...

It only changes matplotlib's ``rcParams`` (what a figure looks like when it
is *drawn*): figures that already exist, e.g. an explorer built before the
call, keep their size — re-run the cell that builds them.  The figures of
``course_lib.figures`` use relative font sizes ("small", "large", …) and
sizes relative to ``figure.figsize``, so everything they draw grows with
``scale`` (tests/test_figures.py checks this for every figure); a size
typed as a number in a notebook (``fontsize=8``, ``figsize=(6, 4)``) does not.  For the notebook
text itself use JupyterLab's View ▸ Presentation Mode and Ctrl + "+" (zoom).
"""
from __future__ import annotations

import numbers

import matplotlib as mpl

from ._validate import check_number

__all__ = ["projector_mode", "ProjectorMode", "PROJECTOR_KEYS"]

# The rcParams that projector_mode multiplies by ``scale``.  Font sizes given
# as words ('large', 'medium', ...) are relative to font.size, so scaling
# font.size is enough for them; the numeric ones are scaled directly.
PROJECTOR_KEYS = (
    "font.size",
    "axes.titlesize",
    "axes.labelsize",
    "xtick.labelsize",
    "ytick.labelsize",
    "legend.fontsize",
    "legend.title_fontsize",
    "figure.titlesize",
    "figure.labelsize",
    "figure.figsize",
    "lines.linewidth",
    "lines.markersize",
    "axes.linewidth",
    "grid.linewidth",
    "patch.linewidth",
    "xtick.major.size",
    "ytick.major.size",
    "xtick.major.width",
    "ytick.major.width",
)

MIN_SCALE, MAX_SCALE = 0.5, 4.0

# The values in force before projector mode was switched on (None while it is
# off).  This module-private record is the one piece of state the switch
# needs: projector_mode(False) restores exactly these values.
_saved_params: dict | None = None


def _scaled(value, scale):
    """``value`` × ``scale`` for a number or a (width, height) pair; words and None unchanged."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, numbers.Real):
        return float(value) * scale
    if isinstance(value, (list, tuple)):
        return [float(v) * scale for v in value]
    return value


def _snapshot() -> dict:
    """The current values of PROJECTOR_KEYS (lists copied, so later changes cannot leak in)."""
    params = mpl.rcParams
    return {key: list(params[key]) if isinstance(params[key], (list, tuple)) else params[key]
            for key in PROJECTOR_KEYS}


class ProjectorMode:
    """Returned by :func:`projector_mode`; usable as a context manager.

    ``with projector_mode(scale=2): ...`` switches projector mode on for the
    block and restores the previous rcParams on exit (even after an error).
    """

    def __init__(self, on: bool, scale: float, before: dict, saved_before: dict | None):
        self.on = on
        self.scale = scale
        self._before = before              # rcParams just before this call
        self._saved_before = saved_before  # the switch's memory just before this call

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        global _saved_params
        # Undo exactly this call, so nested blocks and a mode that was
        # already on before the block both come back as they were.
        mpl.rcParams.update(self._before)
        _saved_params = self._saved_before
        return False

    def __repr__(self):
        return f"ProjectorMode(on={self.on}, scale={self.scale:.2f})"


def projector_mode(on: bool = True, scale: float = 1.6) -> ProjectorMode:
    """Switch large fonts and figures for a projector on (default) or off.

    on:    True multiplies font sizes, line widths, marker sizes and
           ``figure.figsize`` in ``matplotlib.rcParams`` by ``scale``;
           False restores the values saved when it was switched on.
    scale: a number in [0.5, 4.0] (1.6 suits a classroom projector).

    Calling it again with on=True re-scales from the original values (the
    factors do not compound).  Switching off when it is not on does nothing.
    Returns a :class:`ProjectorMode`, which also works in a ``with`` block.
    """
    global _saved_params  # the switch's memory; see the comment at _saved_params
    if not isinstance(on, bool):
        raise TypeError(f"on must be True or False; got {on!r} ({type(on).__name__}).")
    scale = check_number(scale, "scale", min_value=MIN_SCALE, max_value=MAX_SCALE)

    params = mpl.rcParams
    handle = ProjectorMode(on, scale, _snapshot(), _saved_params)
    if not on:
        if _saved_params is not None:
            params.update(_saved_params)
            _saved_params = None
        return handle

    if _saved_params is None:
        _saved_params = _snapshot()
    params.update({key: _scaled(value, scale) for key, value in _saved_params.items()})
    return handle
