"""The small base class shared by every explorer (スライダーで重みとバイアスを動かす).

Pattern (matplotlib ``slider_demo.py``, ipywidgets ``interactive_output``):

    controls change ──► state ──► compute(**state)  (pure: numbers and arrays, no drawing)
                                        │
                                        ▼
                          _draw(result)  (updates the artists built once: set_data, set_array, set_text)
                                        │
                                        ▼
          blit: restore the static background, draw only the changing ("animated") artists
                                        │
                                        ▼
              PNG (zlib level 1) ──► ipywidgets.Image (fixed size, so nothing flickers)

Blitting is matplotlib's own recipe for fast updates ("Faster rendering by using blitting"): axes,
ticks, labels and colour bars are drawn once and kept as pixels; an update redraws only the artists
registered with ``_dynamic``.  A subclass that changes anything static (axis limits, a colour bar)
calls ``_invalidate()`` (or ``_set_lim``) and the next update redraws everything once.

The figure is a plain ``matplotlib.figure.Figure`` on an Agg canvas — no pyplot, so nothing leaks into
the notebook and no display is needed; tests drive ``explorer.sliders["w1"].value = 0.5`` without a browser.

Displaying an explorer (the last line of a cell, or ``display(explorer)``) sends the live widget view
AND a PNG of the current figure, so GitHub, nbviewer, an HTML export or a Jupyter without the widget
extension still show the picture.
"""
from __future__ import annotations

import base64
import contextlib
import html
import io
import numbers

import ipywidgets as widgets
import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image as PILImage

from .._validate import _describe

#: CSS classes the browser test looks for (tests/test_browser.py finds the widgets by them).
CSS_EXPLORER = "course-explorer"
CSS_FIGURE = "course-explorer-figure"
CSS_READOUT = "course-explorer-readout"
CSS_CODE = "course-explorer-code"

#: Small fonts: the figures are drawn at a low dpi to keep every update fast.
_RC = {
    "font.size": 8,
    "axes.titlesize": 9,
    "axes.labelsize": 8,
    "xtick.labelsize": 7,
    "ytick.labelsize": 7,
    "legend.fontsize": 7,
    "figure.facecolor": "white",
}

#: PNG options: no bbox cropping (fixed size), fast zlib level (≈ 2× faster than the default 6).
_PNG_KWARGS = {"compress_level": 1}


# ---------------------------------------------------------------- validation and formatting helpers
def check_in_range(value, name, low, high, unit=""):
    """A finite number in [low, high] (the slider's range); returns it as float.

    >>> check_in_range(5, "w1", -3, 3)
    Traceback (most recent call last):
    ValueError: w1 must be a number in [-3, 3] (the slider's range); got 5.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number in [{low:g}, {high:g}]{unit}; got {_describe(value)}.")
    if not (np.isfinite(value) and low <= value <= high):
        raise ValueError(f"{name} must be a number in [{low:g}, {high:g}]{unit} (the slider's range); got {value!r}.")
    return float(value)


def check_pixels(pixels, name, shape):
    """A 0/1 image of ``shape`` (nested lists, bools or an array); returns an int array (a copy)."""
    if pixels is None or isinstance(pixels, (str, bytes)):
        raise TypeError(f"{name} must be a {shape[0]}×{shape[1]} grid of 0/1 values; got {_describe(pixels)}.")
    try:
        arr = np.array(pixels, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a {shape[0]}×{shape[1]} grid of 0/1 values; got {_describe(pixels)}.") from None
    if arr.size == shape[0] * shape[1] and arr.ndim == 1:
        raise ValueError(f"{name} must have shape {shape} (rows of pixels); got a flat list of {arr.size}. "
                         f"Reshape it, e.g. np.reshape(pixels, {shape}).")
    if arr.shape != shape:
        raise ValueError(f"{name} must have shape {shape}; got shape {arr.shape}.")
    if not np.all((arr == 0) | (arr == 1)):
        raise ValueError(f"{name} must contain only 0 and 1; got the values {sorted(set(arr.ravel().tolist()))}.")
    return arr.astype(int)


def fmt(value):
    """Python source for a value in ``code()``: floats shortened to 6 significant digits so they round-trip."""
    if isinstance(value, (bool, np.bool_)):
        return repr(bool(value))
    if isinstance(value, (numbers.Integral, np.integer)):
        return repr(int(value))
    if isinstance(value, (numbers.Real, np.floating)):
        return repr(float(f"{float(value):.6g}"))
    if isinstance(value, np.ndarray):
        return fmt(value.tolist())
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(fmt(v) for v in value) + "]"
    return repr(value)


def float_slider(name, value, low, high, step, description=None, *, continuous=True, fmt_=".2f", width="300px"):
    """A FloatSlider whose range matches ``check_in_range`` (the constructor validates first)."""
    return widgets.FloatSlider(
        value=value, min=low, max=high, step=step, description=description or name,
        continuous_update=continuous, readout_format=fmt_,
        style={"description_width": "initial"}, layout=widgets.Layout(width=width),
    )


def html_table(header, rows, highlight=None):
    """A small HTML table; ``highlight`` is a list of booleans (rows to mark) or None."""
    head = "".join(f"<th style='padding:0 8px'>{html.escape(str(h))}</th>" for h in header)
    body = []
    for i, row in enumerate(rows):
        style = " style='background:#e8f4e8'" if highlight is not None and highlight[i] else ""
        cells = "".join(f"<td style='padding:0 8px;text-align:right'>{c}</td>" for c in row)
        body.append(f"<tr{style}>{cells}</tr>")
    return f"<table style='border-collapse:collapse;font-family:monospace'><tr>{head}</tr>{''.join(body)}</table>"


# ---------------------------------------------------------------- the base class
class Explorer:
    """Base of every explorer. A subclass provides:

    - ``__init__``: validate the arguments, create ``self.sliders`` (dict name → widget) and any other
      controls, then call ``self._start(controls_box)``;
    - ``compute(**params)`` — pure: returns a dict of numbers/arrays, draws nothing;
    - ``_build_figure()`` — create the axes and artists once (called by ``_start``);
    - ``_draw(result)`` — update those artists; ``_readout(result)`` — HTML text for the readout.

    Public attributes: ``widget`` (the whole view), ``sliders``, ``controls`` (every input widget),
    ``fig`` (a matplotlib Figure, built once), ``image`` (the ipywidgets.Image holding the PNG),
    ``readout`` (an HTML widget), ``result`` (the last ``compute`` output), ``state`` (current values).
    """

    figsize = (6.0, 3.0)   # inches; × dpi = the fixed pixel size of the image
    dpi = 80

    # -- construction ---------------------------------------------------------------------------
    def _start(self, controls_box, extra_controls=()):
        """Build the figure, the widgets and the observers, then draw the first state."""
        self._holding = False
        self._animated, self._background = [], None
        self.controls = list(self.sliders.values()) + list(extra_controls)
        with matplotlib.rc_context(_RC):
            self.fig = Figure(figsize=self.figsize, dpi=self.dpi)
            self.canvas = FigureCanvasAgg(self.fig)
            self._build_figure()
        width, height = (int(round(v * self.dpi)) for v in self.figsize)
        self.image = widgets.Image(format="png", layout=widgets.Layout(
            width=f"{width}px", height=f"{height}px", min_width=f"{width}px", min_height=f"{height}px"))
        self.image.add_class(CSS_FIGURE)
        self.readout = widgets.HTML(layout=widgets.Layout(min_height=self._readout_height))
        self.readout.add_class(CSS_READOUT)
        self.code_button = widgets.Button(description="show code", icon="code",
                                          tooltip="Print the Python line that rebuilds this explorer")
        self.code_text = widgets.HTML()
        self.code_text.add_class(CSS_CODE)
        self.code_button.on_click(self._toggle_code)
        for control in self.controls:
            control.observe(self._on_change, names="value")
        self.widget = widgets.VBox([
            controls_box,
            self.image,
            self.readout,
            widgets.HBox([self.code_button, self.code_text]),
        ])
        self.widget.add_class(CSS_EXPLORER)
        self.update()

    _readout_height = "4em"   # fixed readout height: the page does not jump while sliding

    # -- the three steps ------------------------------------------------------------------------
    @property
    def state(self):
        """Current control values as a dict (the keyword arguments of ``compute`` and of the constructor)."""
        return {name: slider.value for name, slider in self.sliders.items()}

    def compute(self, **params):  # pragma: no cover - every subclass overrides
        raise NotImplementedError

    def update(self):
        """Recompute from the current state, update the artists and the readout, render the PNG."""
        self.result = self.compute(**self.state)
        with matplotlib.rc_context(_RC):   # texts made or restyled while drawing get the small fonts too
            self._draw(self.result)
        self.readout.value = self._readout(self.result)
        if self.code_text.value:
            self.code_text.value = self._code_html()
        self._png = self._render()
        self.image.value = self._png

    def png(self):
        """The current figure as PNG bytes (fixed size ``figsize × dpi``, no bbox cropping)."""
        return self._png

    # -- fast rendering (blitting) --------------------------------------------------------------
    def _dynamic(self, artist):
        """Register an artist that changes on updates: it is drawn over the cached background."""
        artist.set_animated(True)
        self._animated.append(artist)
        return artist

    def _invalidate(self):
        """Something static changed (limits, colour bar, labels): redraw everything on the next render."""
        self._background = None

    def _set_lim(self, ax, xlim=None, ylim=None):
        """Set axis limits, invalidating the cached background only if they really change."""
        for lim, get, set_ in ((xlim, ax.get_xlim, ax.set_xlim), (ylim, ax.get_ylim, ax.set_ylim)):
            if lim is not None and not np.allclose(get(), lim, rtol=1e-9, atol=0):
                set_(*lim)
                self._invalidate()

    def _render(self):
        """Blit: static background (cached) + the dynamic artists, encoded as PNG."""
        if self._background is None:
            self.canvas.draw()   # animated artists are skipped: this is the static background
            self._background = self.canvas.copy_from_bbox(self.fig.bbox)
        else:
            self.canvas.restore_region(self._background)
        renderer = self.canvas.get_renderer()
        for artist in sorted(self._animated, key=lambda a: a.get_zorder()):
            if artist.get_visible():
                artist.draw(renderer)
        buf = io.BytesIO()
        rgba = PILImage.frombuffer("RGBA", self.canvas.get_width_height(), self.canvas.buffer_rgba(),
                                   "raw", "RGBA", 0, 1)
        rgba.convert("RGB").save(buf, format="png", **_PNG_KWARGS)
        return buf.getvalue()

    @contextlib.contextmanager
    def hold(self):
        """Change several controls and redraw once: ``with ex.hold(): ex.sliders['w1'].value = 1; …``."""
        was = self._holding
        self._holding = True
        try:
            yield self
        finally:
            self._holding = was
            if not was:
                self.update()

    def _on_change(self, change):
        if self._holding:
            return
        try:
            self.update()
        except Exception as exc:  # show the problem where the student is looking, not in a hidden log
            self.readout.value = f"<span style='color:#b00'>Error: {html.escape(str(exc))}</span>"
            raise

    # -- sharing the state as code --------------------------------------------------------------
    def _code_args(self):
        """(name, value) pairs for ``code()`` (name None: a positional argument); by default the state."""
        return list(self.state.items())

    def code(self):
        """The one Python line that rebuilds this explorer with the current values."""
        args = ", ".join(fmt(value) if name is None else f"{name}={fmt(value)}"
                         for name, value in self._code_args())
        return f"{type(self).__name__}({args})"

    def _code_html(self):
        return f"<code style='user-select:all'>{html.escape(self.code())}</code>"

    def _toggle_code(self, _button=None):
        if self.code_text.value:
            self.code_text.value = ""
            self.code_button.description = "show code"
        else:
            self.code_text.value = self._code_html()
            self.code_button.description = "hide code"

    # -- display --------------------------------------------------------------------------------
    def _repr_mimebundle_(self, include=None, exclude=None):
        """Widget view + a PNG of the current state + a short stable text (see the module docstring)."""
        data = dict(self.widget._repr_mimebundle_() or {})
        data["image/png"] = base64.b64encode(self.png()).decode("ascii")
        data["text/plain"] = self.code()
        return data

    def __repr__(self):
        return self.code()


class Name:
    """A bare variable name in ``code()``, for objects that cannot be written as literals (a model, data)."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name
