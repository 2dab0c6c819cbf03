"""The small base class shared by every explorer (スライダーで重みとバイアスを動かす), and formatting helpers.

What a subclass must define, and when it registers its controls: see the ``Explorer`` docstring.
Checks of the constructors' arguments live in ``validation.py``.

Pattern (matplotlib ``slider_demo.py``, ipywidgets ``interactive_output``):

    controls change ──► state ──► compute(**state)  (pure: numbers and arrays, no drawing)
                                        │
                                        ▼
                          _draw(result)  (updates the artists built once: set_data, set_array, set_text)
                                        │
                                        ▼
    blit: restore the cached background (+ the slow layer), draw only the changing ("animated") artists
                                        │
                                        ▼
              PNG (zlib level 1, no row filter) ──► ipywidgets.Image (fixed size, so nothing flickers)

Legible and sharp: a figure is shown ``CSS_DPI`` CSS px per inch of ``figsize`` (a 6-inch explorer is
600 px wide at 100 % zoom) and rendered with ``PIXEL_RATIO`` (1.5) pixels per CSS px, so it stays crisp
on a HiDPI screen; every text is at least ``MIN_TEXT_PX`` CSS px tall (the smallest, "small", is 8.3 pt =
11.6 px).  In projector mode (``course_lib.present``) an explorer grows up to the cell width and its
fonts grow on top, so its text is ``scale`` times taller on the screen, for about as many pixels.

Blitting is matplotlib's own recipe for fast updates ("Faster rendering by using blitting"): axes,
ticks, labels and colour bars are drawn once and kept as pixels; an update redraws only the artists
registered with ``_dynamic``.  Artists that change only now and then (``_dynamic(artist, slow=True)``,
e.g. the pixel panels, not touched by the bias slider) sit in a second cached layer, redrawn after
``_slow_changed()``.  A subclass that changes anything static (axis limits, a colour bar) calls
``_invalidate()`` (or ``_set_lim``) and the next update redraws everything once.

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
import inspect
import math
import numbers
import struct
import unicodedata
import zlib

import ipywidgets as widgets
import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .._validate import _describe
from ..i18n import _
from .validation import slider_range

#: CSS classes the browser test looks for (tests/test_browser.py finds the widgets by them).
CSS_EXPLORER = "course-explorer"
CSS_FIGURE = "course-explorer-figure"
CSS_READOUT = "course-explorer-readout"
CSS_CODE = "course-explorer-code"

#: Displayed size: CSS px per inch of ``figsize`` (1 pt of text = CSS_DPI / 72 = 1.39 CSS px).
CSS_DPI = 100
#: PNG pixels rendered per CSS px: 1.5 is sharp on a HiDPI screen (exact at 150 % scaling, close at 200 %)
#: and is scaled down smoothly on others.  2 is sharper still but costs ≈ 1.3–1.8× the time per update and
#: takes the network and pattern explorers over the 20 ms target (``bench_explorers.py --pixel-ratio 2``).
PIXEL_RATIO = 1.5
#: The smallest text an explorer may show, in CSS px at 100 % zoom (tests/test_explorer_legibility.py).
MIN_TEXT_PX = 11

#: Font sizes: font.size in points (× the projector's font factor); every other size is a word relative
#: to it ("small" = 0.833 × 10 pt = 8.3 pt = 11.6 CSS px), so an explorer sets sizes as words too.
_FONT_SIZE = 10.0
_RC = {
    "axes.titlesize": "large",
    "axes.labelsize": "medium",
    "xtick.labelsize": "small",
    "ytick.labelsize": "small",
    "legend.fontsize": "small",
    "legend.title_fontsize": "small",
    "figure.titlesize": "large",
    "figure.facecolor": "white",
}

#: PNG: no bbox cropping (fixed size), zlib level 1 (≈ 2× faster than the default 6, files ≈ 10 % larger).
_PNG_LEVEL = 1


def _encode_png(canvas):
    """The canvas's RGBA pixels as PNG bytes: filter "None" on every row, zlib level 1.

    Written here rather than with Pillow's PNG encoder, which converts to RGB and tries five row filters on
    every row ("adaptive"): on a figure of flat colours that costs more than it saves.  This is ≈ 1.5–3×
    faster for a file within ±20 % of the size (``python benchmarks/bench_explorers.py --tradeoffs``).
    The format: signature, IHDR (width, height, 8 bits, colour type 6 = RGBA), one zlib stream of the rows
    each prefixed by its filter byte 0, IEND; every chunk ends in the CRC-32 of its tag and body.
    """
    width, height = canvas.get_width_height()
    rows = np.empty((height, 1 + 4 * width), np.uint8)
    rows[:, 0] = 0                                               # each row's filter byte: 0 = None
    rows[:, 1:] = np.asarray(canvas.buffer_rgba()).reshape(height, 4 * width)
    data = zlib.compress(memoryview(rows), _PNG_LEVEL)

    def chunk(tag, body):
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def _rc(font_factor):
    """The matplotlib settings an explorer is built and drawn with: the explorer fonts × ``font_factor``,
    line widths and marker sizes as in projector mode at that factor (1: the normal ones)."""
    from ..present import params_at

    rc = params_at(font_factor)
    rc.update(_RC)
    rc["font.size"] = _FONT_SIZE * font_factor
    return rc


# ---------------------------------------------------------------- formatting helpers
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


def number(value, spec=".2f"):
    """``format(value, spec)`` without a negative zero: −0.001 with ".2f" gives "0.00", not "-0.00"."""
    text = format(value, spec)
    mantissa = text.lower().split("e")[0]
    if text.startswith("-") and "0" in mantissa and not any(c in "123456789" for c in mantissa):
        return text[1:]     # every digit is 0: the minus sign only says "rounded from below zero"
    return text


def _text_width(text):
    """Width of a label in average Latin characters (≈ 0.6 em each): a full-width character (漢字, かな,
    カナ, full-width forms) is 1 em, so it counts as 1 / 0.6 of one."""
    wide = sum(unicodedata.east_asian_width(c) in "WF" for c in text)
    return len(text) + wide * (1 / 0.6 - 1)


def label_width(*descriptions):
    """A CSS width that fits the longest of these slider labels: give it to every slider of one explorer
    (``float_slider(…, label_width=…)``) so their tracks start at the same x and line up.
    Japanese labels count their full-width characters as 1 em each."""
    longest = max(_text_width(d) for d in descriptions)
    return f"{0.6 * longest + 0.8:.1f}em"


def float_slider(name, value, low, high, step, description=None, *, continuous=True, fmt_=".2f", width="300px",
                 label_width=None):
    """A FloatSlider whose range matches ``check_in_range`` (the constructor validates first).

    label_width: CSS width of the description (e.g. from ``label_width(…)``), the same for every slider of an
    explorer so the tracks line up; None sizes it to this slider's own label.
    """
    return widgets.FloatSlider(
        value=value, min=low, max=high, step=step, description=description or name,
        continuous_update=continuous, readout_format=fmt_,
        style={"description_width": label_width or "initial"}, layout=widgets.Layout(width=width),
    )


def html_table(header, rows, highlight=None):
    """A small HTML table; ``highlight`` is a list of booleans (rows to mark) or None."""
    head = "".join(f"<th style='padding:0 8px'>{html.escape(str(h))}</th>" for h in header)  # i18n: ignore
    body = []
    for i, row in enumerate(rows):
        style = " style='background:#e8f4e8'" if highlight is not None and highlight[i] else ""
        cells = "".join(f"<td style='padding:0 8px;text-align:right'>{c}</td>" for c in row)  # i18n: ignore
        body.append(f"<tr{style}>{cells}</tr>")
    return f"<table style='border-collapse:collapse;font-family:monospace'><tr>{head}</tr>{''.join(body)}</table>"  # i18n: ignore


# ---------------------------------------------------------------- the base class
class Explorer:
    """Base of every explorer: controls → a pure ``compute`` → the artists of a figure built once → PNG.

    **A subclass defines** (a missing one raises ``NotImplementedError`` naming it when the explorer is built):

    ``compute(self, **params) -> dict``
        Pure: the current values (``state``: slider name → value) in, numbers and arrays out. It draws
        nothing and changes nothing, so tests can call it directly.
    ``_build_figure(self)``
        Called once by ``_start``: add the axes and artists to ``self.fig``. Wrap every artist that changes
        in ``self._dynamic(artist)``; everything else is drawn once and kept as a cached background.
    ``_draw(self, result)``
        Update those artists from ``compute``'s result (``set_data``, ``set_array``, ``set_text``, …). If a
        static part must change (axis limits, a colour bar), call ``self._set_lim(…)`` or ``self._invalidate()``.
    ``_readout(self, result) -> str``
        The HTML text shown under the figure.

    **When controls are registered**: ``__init__`` first validates every argument with the helpers of
    ``validation.py`` (each error names the argument, the allowed values and what was given), then fills ``self.sliders`` — a dict name → widget
    with a ``value`` (possibly empty); the names are ``compute``'s keyword arguments and the constructor's
    — and *ends* with ``self._start(controls_box, extra_controls=())``. ``_start`` observes every slider
    and every extra control (e.g. the pixel buttons), builds the figure and draws the first state.
    A control that does not feed ``compute`` (a button, an examples menu) handles its own events.

    **Optional**: a ``state`` property when more than the sliders feeds ``compute`` (the pixel pads);
    ``_code_args()`` when the constructor's arguments are not just ``state``; the class attributes
    ``figsize`` (inches: ``CSS_DPI`` CSS px each on the screen) and ``readout_height`` (CSS, fixed so
    the page does not jump).  Text sizes are words ("small", "large"), never numbers of points: they
    follow the explorer fonts and projector mode.

    **The base does the rest**: ``update()`` (check the slider values — a NaN names its slider —,
    ``compute``, ``_draw``, readout, PNG), blitting, ``png()``, ``hold()``, ``code()`` and the "show code"
    button, and the display (widget view + a PNG fallback + ``code()`` as text).

    Public attributes: ``widget`` (the whole view), ``sliders``, ``controls`` (every input widget),
    ``fig`` (a matplotlib Figure, built once), ``image`` (the ipywidgets.Image holding the PNG),
    ``dpi`` (pixels per inch of the PNG), ``pixel_ratio`` (PNG pixels per CSS px), ``css_size`` (the
    displayed (width, height) in CSS px), ``font_factor`` (> 1 when built in projector mode),
    ``readout`` (an HTML widget), ``result`` (the last ``compute`` output), ``state`` (current values).

    A complete explorer::

        import ipywidgets as widgets
        import numpy as np
        from course_lib.explorers.base import Explorer, float_slider
        from course_lib.explorers.validation import check_in_range

        class ParabolaExplorer(Explorer):
            '''a = w·x² for x ∈ [−1, 1].'''

            def __init__(self, w=1.0):
                w = check_in_range(w, "w", -2, 2)
                self.sliders = {"w": float_slider("w", w, -2, 2, 0.1)}
                self._start(widgets.VBox([self.sliders["w"]]))

            def compute(self, w):
                x = np.linspace(-1, 1, 41)
                return {"x": x, "a": w * x ** 2}

            def _build_figure(self):
                ax = self.fig.add_subplot(1, 1, 1)
                ax.set_xlim(-1, 1)
                ax.set_ylim(-2, 2)
                self.curve = self._dynamic(ax.plot([], [])[0])

            def _draw(self, result):
                self.curve.set_data(result["x"], result["a"])

            def _readout(self, result):
                return f"a(1) = {result['a'][-1]:.2f}"

        ParabolaExplorer(w=0.5)      # the last line of a cell shows it
    """

    figsize = (6.0, 3.0)      # inches; × CSS_DPI = the displayed size in CSS px (fixed)
    readout_height = "4em"    # fixed readout height: the page does not jump while sliding

    #: The methods every subclass must define (see the class docstring).
    REQUIRED = ("compute", "_build_figure", "_draw", "_readout")

    # -- the contract ---------------------------------------------------------------------------
    def compute(self, **params):
        """Pure: the state's values → a dict of numbers and arrays (each subclass defines it)."""
        raise NotImplementedError(f"{type(self).__name__} must define compute(**params).")  # i18n: ignore

    def _build_figure(self):
        raise NotImplementedError(f"{type(self).__name__} must define _build_figure().")  # i18n: ignore

    def _draw(self, result):
        raise NotImplementedError(f"{type(self).__name__} must define _draw(result).")  # i18n: ignore

    def _readout(self, result):
        raise NotImplementedError(f"{type(self).__name__} must define _readout(result).")  # i18n: ignore

    def _check_contract(self):
        """Fail at once, naming what is missing, when a subclass does not follow the contract."""
        cls = type(self).__name__
        missing = [name for name in self.REQUIRED if getattr(type(self), name) is getattr(Explorer, name)]
        if missing:
            # The contract is for whoever writes an explorer, not for students: these errors stay English.
            raise NotImplementedError(f"{cls} must define {', '.join(m + '()' for m in missing)} "  # i18n: ignore
                                      f"(see the contract in the Explorer docstring).")  # i18n: ignore
        sliders = self.__dict__.get("sliders")
        if not isinstance(sliders, dict) or not all(
                isinstance(k, str) and isinstance(w, widgets.ValueWidget) for k, w in sliders.items()):
            raise TypeError(f"{cls}.__init__ must fill self.sliders (a dict: name → widget with a value, "  # i18n: ignore
                            f"possibly empty) before it calls self._start(…); got {_describe(sliders)}.")
        try:
            inspect.signature(self.compute).bind(**self.state)
        except TypeError as exc:
            raise TypeError(f"{cls}.compute must accept the state's values as keyword arguments "  # i18n: ignore
                            f"({', '.join(self.state)}): {exc}.") from None

    # -- construction ---------------------------------------------------------------------------
    def _start(self, controls_box, extra_controls=()):
        """Check the contract, build the figure, the widgets and the observers, then draw the first state."""
        self._check_contract()
        self._holding = False
        self._animated, self._slow = [], []            # artists redrawn on every update / now and then
        self._background = self._slow_layer = None     # cached pixels: static parts / static + slow artists
        self.controls = list(self.sliders.values()) + list(extra_controls)
        self._size_for_screen()
        with matplotlib.rc_context(self._rc_params):
            self.fig = Figure(figsize=self.figsize, dpi=self.dpi)
            self.canvas = FigureCanvasAgg(self.fig)
            self._build_figure()
        width, height = (f"{v / self.pixel_ratio:.6g}px" for v in self.canvas.get_width_height())
        self.image = widgets.Image(format="png", layout=widgets.Layout(
            width=width, height=height, min_width=width, min_height=height))
        self.image.add_class(CSS_FIGURE)
        self.readout = widgets.HTML(layout=widgets.Layout(min_height=self.readout_height))
        self.readout.add_class(CSS_READOUT)
        self.code_button = widgets.Button(description=_("show code"), icon="code",
                                          tooltip=_("Print the Python line that rebuilds this explorer"))
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

    def _size_for_screen(self):
        """Displayed size, pixels and fonts: ``figsize × CSS_DPI`` CSS px, never wider than a notebook cell
        (``CELL_WIDTH_PX``; a wider figure is shown smaller with fonts larger by as much, so text keeps its
        size).  Projector mode: the figure grows up to the cell width, the fonts by the rest of the scale,
        and the PNG keeps at least ``PIXEL_RATIO`` pixels per CSS px of the normal size."""
        from ..present import CELL_WIDTH_PX, on_screen_scale

        growth, self.font_factor = on_screen_scale(self.figsize[0] * CSS_DPI)
        fit = CELL_WIDTH_PX / (self.figsize[0] * CSS_DPI * growth)
        if fit < 1:   # never wider than a notebook cell: shown smaller, with the fonts larger by as much
            growth, self.font_factor = growth * fit, self.font_factor / fit
        self.dpi = CSS_DPI * max(PIXEL_RATIO, growth)          # pixels per inch of the PNG
        self.pixel_ratio = self.dpi / (CSS_DPI * growth)       # PNG pixels per CSS px (≥ 1)
        self._rc_params = _rc(self.font_factor)

    @property
    def css_size(self):
        """The displayed (width, height) in CSS px: the PNG's pixels ÷ ``pixel_ratio``."""
        self._require_started()
        return tuple(v / self.pixel_ratio for v in self.canvas.get_width_height())

    def _require_started(self):
        if "widget" not in self.__dict__:
            raise RuntimeError(f"{type(self).__name__}.__init__ must end with self._start(controls_box): "  # i18n: ignore
                               f"the figure and the widgets do not exist yet.")

    # -- the three steps ------------------------------------------------------------------------
    @property
    def state(self):
        """Current control values as a dict (the keyword arguments of ``compute`` and of the constructor)."""
        return {name: slider.value for name, slider in self.sliders.items()}

    def _checked_state(self):
        """``state``, after checking that every slider holds a finite number (a NaN set from code names its slider)."""
        for name, control in self.sliders.items():
            value = control.value
            if isinstance(value, float) and not math.isfinite(value):
                if control.description in ("", name):
                    message = _("{name} must be a finite number in {range}; got {value!r}.")
                else:
                    message = _("{name} (the slider {description!r}) must be a finite number in {range}; "
                                "got {value!r}.")
                raise ValueError(message.format(name=name, description=control.description,
                                                range=slider_range(control), value=value))
        return self.state

    def update(self):
        """Recompute from the current state, update the artists and the readout, render the PNG."""
        self._require_started()
        self.result = self.compute(**self._checked_state())
        with matplotlib.rc_context(self._rc_params):   # texts made or restyled while drawing get the same fonts
            self._draw(self.result)
        self.readout.value = self._readout(self.result)
        if self.code_text.value:
            self.code_text.value = self._code_html()
        self._png = self._render()
        self.image.value = self._png

    def png(self):
        """The current figure as PNG bytes (fixed size ``figsize × dpi`` pixels, no bbox cropping)."""
        self._require_started()
        return self._png

    # -- fast rendering (blitting) --------------------------------------------------------------
    def _dynamic(self, artist, *, slow=False):
        """Register an artist that changes on updates: it is drawn over the cached background.

        slow=True: it changes only now and then (with the pixels, not with the bias slider). Slow artists
        are kept in a second cached layer, redrawn only after ``_slow_changed()``; they are drawn beneath
        every other dynamic artist, so use it only for artists that do not overlap those.
        """
        artist.set_animated(True)
        (self._slow if slow else self._animated).append(artist)
        return artist

    def _slow_changed(self):
        """A slow artist changed: redraw the slow layer on the next render."""
        self._slow_layer = None

    def _invalidate(self):
        """Something static changed (limits, colour bar, labels): redraw everything on the next render."""
        self._background = self._slow_layer = None

    def _set_lim(self, ax, xlim=None, ylim=None):
        """Set axis limits, invalidating the cached background only if they really change."""
        for lim, get, set_ in ((xlim, ax.get_xlim, ax.set_xlim), (ylim, ax.get_ylim, ax.set_ylim)):
            if lim is not None and not np.allclose(get(), lim, rtol=1e-9, atol=0):
                set_(*lim)
                self._invalidate()

    def _render(self):
        """Blit: static background + slow layer (both cached) + the dynamic artists, encoded as PNG."""
        if self._background is None:
            self.canvas.draw()   # animated artists are skipped: this is the static background
            self._background = self.canvas.copy_from_bbox(self.fig.bbox)
        if self._slow_layer is None:
            self.canvas.restore_region(self._background)
            self._draw_artists(self._slow)
            self._slow_layer = self.canvas.copy_from_bbox(self.fig.bbox) if self._slow else self._background
        else:
            self.canvas.restore_region(self._slow_layer)
        self._draw_artists(self._animated)
        return _encode_png(self.canvas)

    def _draw_artists(self, artists):
        renderer = self.canvas.get_renderer()
        for artist in sorted(artists, key=lambda a: a.get_zorder()):
            if artist.get_visible():
                artist.draw(renderer)

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
            self._show_error(str(exc))
            raise

    def _show_error(self, message):
        """Show "Error: ``message``" in red in the readout, where the student is looking."""
        message = _("Error: {message}").format(message=message)
        self.readout.value = f"<span style='color:#b00'>{html.escape(message)}</span>"  # i18n: ignore

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
        return f"<code style='user-select:all'>{html.escape(self.code())}</code>"  # i18n: ignore

    def _toggle_code(self, _button=None):
        if self.code_text.value:
            self.code_text.value = ""
            self.code_button.description = _("show code")
        else:
            self.code_text.value = self._code_html()
            self.code_button.description = _("hide code")

    # -- display --------------------------------------------------------------------------------
    def _repr_mimebundle_(self, include=None, exclude=None):
        """Widget view + a PNG of the current state + a short stable text (see the module docstring).

        Returns (data, metadata): the PNG has ``pixel_ratio`` pixels per CSS px, and its metadata asks
        front ends without widgets (GitHub, nbviewer, slide decks) to show it at the live view's CSS size.
        """
        data = dict(self.widget._repr_mimebundle_() or {})
        data["image/png"] = base64.b64encode(self.png()).decode("ascii")
        data["text/plain"] = self.code()
        width, height = self.css_size
        return data, {"image/png": {"width": int(width), "height": int(height)}}

    def __repr__(self):
        return self.code()


class Name:
    """A bare variable name in ``code()``, for objects that cannot be written as literals (a model, data)."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name
