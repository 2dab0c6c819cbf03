"""Large text in figures and explorers, for projecting a chapter in class.

    from course_lib.present import projector_mode
    projector_mode()            # every figure and explorer built from now on: text, lines and markers × 1.6
    projector_mode(False)       # back to exactly the values you had before

    with projector_mode(scale=2.0):   # only inside this block
        ...

What the back row sees is the size of the text *on the screen*.  A notebook shows a figure
at most as wide as its cell: a figure made wider than the cell is shrunk to fit, and its
larger fonts shrink with it.  So projector mode multiplies the font sizes, line widths and
marker sizes by ``scale``, and lets a figure grow only up to ``CELL_WIDTH_PX`` (the width
of a notebook cell on a laptop screen; never smaller than it was): text then comes out
``scale`` times taller on the screen, whatever the figure's width (``figure_size`` says how
large a figure is drawn, ``on_screen_scale`` what that means for its text).

It changes matplotlib's ``rcParams`` (what a figure looks like when it is *drawn*) and the
size of the explorers built after the call (``course_lib.explorers`` reads ``current_scale()``):
figures and explorers that already exist keep their size — re-run the cells that build them.
The figures of ``course_lib.figures`` use relative font sizes ("small", "large", …) and
``figure_size``, so everything they draw grows; a size typed as a number in a notebook does
not: write ``fontsize="small"`` rather than ``fontsize=8``, and ``figsize=figure_size((6, 4))``
rather than ``figsize=(6, 4)``.  For the notebook text itself use JupyterLab's View ▸
Presentation Mode and Ctrl + "+" (zoom).
"""
from __future__ import annotations

import numbers

import matplotlib as mpl

from ._validate import check_number
from .i18n import _

__all__ = ["projector_mode", "ProjectorMode", "PROJECTOR_KEYS", "CELL_WIDTH_PX", "current_scale", "figure_size",
           "on_screen_scale", "params_at"]

# The rcParams that projector_mode multiplies by ``scale`` (figure.figsize: by
# ``figure_size``, which stops at the cell width).  Font sizes given as words
# ('large', 'medium', ...) are relative to font.size, so scaling font.size is
# enough for them; the numeric ones are scaled directly.
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

#: The width (CSS px) of a notebook cell's output on a laptop screen (JupyterLab or Notebook 7 in a
#: 1280-px window): a figure displayed wider than this is shrunk to fit, so projector mode grows
#: figures up to this width and no further.
CELL_WIDTH_PX = 900

# The values in force before projector mode was switched on (None while it is
# off).  This module-private record is the one piece of state the switch
# needs: projector_mode(False) restores exactly these values.
_saved_params: dict | None = None
_scale: float = 1.0   # the scale in force (1.0 while off); read by current_scale()


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


def params_at(s) -> dict:
    """The rcParams of PROJECTOR_KEYS (but figure.figsize) as projector mode at scale ``s`` sets them,
    from the values in force before it was switched on (the explorers draw with these)."""
    normal = _saved_params if _saved_params is not None else _snapshot()
    return {key: _scaled(value, s) for key, value in normal.items() if key != "figure.figsize"}


def current_scale() -> float:
    """The scale of projector mode now: 1.0 when it is off (1.6 after ``projector_mode()``)."""
    return _scale if _saved_params is not None else 1.0


def _growth(width_px, s):
    """How much a figure ``width_px`` CSS px wide grows for scale ``s``: ``s``, but never wider than
    ``CELL_WIDTH_PX`` (a figure already wider than that keeps its size; none gets smaller)."""
    if s <= 1.0:
        return s
    return min(s, max(1.0, CELL_WIDTH_PX / width_px))


def figure_size(figsize, dpi=None):
    """``figsize`` (width, height) in inches, as drawn in projector mode now.

    Both sides grow by ``current_scale()``, but the width stops at ``CELL_WIDTH_PX`` (at ``dpi``, by default
    rcParams["figure.dpi"], the dpi of the inline backend); off, it is ``figsize`` unchanged.
    """
    width, height = (float(v) for v in figsize)
    dpi = float(mpl.rcParams["figure.dpi"] if dpi is None else dpi)
    g = _growth(width * dpi, current_scale())
    return (width * g, height * g)


def on_screen_scale(width_px, s=None):
    """(growth, font factor) for a figure ``width_px`` CSS px wide at scale ``s`` (default: ``current_scale()``).

    growth × font factor = ``s``: the figure grows by ``growth`` (up to the cell width) and its
    fonts by ``font factor`` on top, so text is ``s`` times taller on the screen.
    """
    s = current_scale() if s is None else float(s)
    g = _growth(float(width_px), s)
    return g, s / g


class ProjectorMode:
    """Returned by :func:`projector_mode`; usable as a context manager.

    ``with projector_mode(scale=2): ...`` switches projector mode on for the
    block and restores the previous rcParams on exit (even after an error).
    """

    def __init__(self, on: bool, scale: float, before: dict, saved_before: dict | None, scale_before: float):
        self.on = on
        self.scale = scale
        self._before = before              # rcParams just before this call
        self._saved_before = saved_before  # the switch's memory just before this call
        self._scale_before = scale_before

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        global _saved_params, _scale
        # Undo exactly this call, so nested blocks and a mode that was
        # already on before the block both come back as they were.
        mpl.rcParams.update(self._before)
        _saved_params = self._saved_before
        _scale = self._scale_before
        return False

    def __repr__(self):
        return f"ProjectorMode(on={self.on}, scale={self.scale:.2f})"


def projector_mode(on: bool = True, scale: float = 1.6) -> ProjectorMode:
    """Switch large text in figures and explorers for a projector on (default) or off.

    on:    True multiplies font sizes, line widths and marker sizes in
           ``matplotlib.rcParams`` by ``scale`` and grows ``figure.figsize``
           by ``scale`` up to the cell width (see ``figure_size``); explorers
           built afterwards grow the same way;
           False restores the values saved when it was switched on.
    scale: a number in [0.5, 4.0] (1.6 suits a classroom projector).

    Calling it again with on=True re-scales from the original values (the
    factors do not compound).  Switching off when it is not on does nothing.
    Returns a :class:`ProjectorMode`, which also works in a ``with`` block.
    """
    global _saved_params, _scale  # the switch's memory; see the comment at _saved_params
    if not isinstance(on, bool):
        raise TypeError(_("on must be True or False; got {value!r} ({type}).").format(value=on, type=type(on).__name__))
    scale = check_number(scale, "scale", min_value=MIN_SCALE, max_value=MAX_SCALE)

    params = mpl.rcParams
    handle = ProjectorMode(on, scale, _snapshot(), _saved_params, _scale)
    if not on:
        if _saved_params is not None:
            params.update(_saved_params)
            _saved_params = None
        _scale = 1.0
        return handle

    if _saved_params is None:
        _saved_params = _snapshot()
    new = params_at(scale)
    _scale = scale   # figure_size reads it (through current_scale)
    new["figure.figsize"] = list(figure_size(_saved_params["figure.figsize"], params["figure.dpi"]))
    params.update(new)
    return handle
