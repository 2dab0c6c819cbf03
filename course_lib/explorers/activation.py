"""Activation functions with a weight and a bias (chapter 2): a(x) = f(w·x + b) and its slope."""
from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from ..activations import elementwise_names
from ..i18n import _
from .base import Explorer, float_slider, number
from .validation import check_activation, check_in_range


def _plot_limits(activation, x):
    """y-limits for f over x: the table's ``a_range``, widened (plus 5 % of the span) where f(x) goes beyond it."""
    low, high = activation.a_range
    a = activation.f(x)
    pad = 0.05 * (max(high, a.max()) - min(low, a.min()))
    return (low if a.min() >= low else a.min() - pad), (high if a.max() <= high else a.max() + pad)


class ActivationExplorer(Explorer):
    """a(x) = f(w·x + b) and its slope d a/dx = w·f'(w·x + b), for x ∈ [−6, 6].

    w stretches the curve (larger |w| → steeper), b shifts it (the centre sits at x = −b/w).
    The faint curve is f(x) itself (w = 1, b = 0) for comparison.  function: any element-wise
    activation of ``course_lib.activations.ACTIVATIONS`` (the menu and the axis limits come from that table).
    """

    figsize = (6.0, 2.5)
    RANGE = (-5.0, 5.0)
    _X = np.linspace(-6, 6, 241)

    def __init__(self, function="sigmoid", w=1.0, b=0.0):
        check_activation(function, "function")
        w, b = check_in_range(w, "w", *self.RANGE), check_in_range(b, "b", *self.RANGE)
        self.sliders = {"function": widgets.Dropdown(options=elementwise_names(), value=function, description="f"),
                        "w": float_slider("w", w, *self.RANGE, 0.1, _("weight w")),
                        "b": float_slider("b", b, *self.RANGE, 0.1, _("bias b"))}
        self._start(widgets.VBox(list(self.sliders.values())))

    def compute(self, function, w, b):
        """Pure: x, a = f(w·x + b), slope w·f'(w·x + b), the reference f(x) and the y-limits for a."""
        act = check_activation(function, "function")
        z = w * self._X + b
        return {"x": self._X, "a": act.f(z), "slope": w * act.grad(z), "reference": act.f(self._X),
                "function": function, "w": w, "b": b, "centre": (-b / w if w != 0 else None),
                "ylim": _plot_limits(act, self._X), "max_slope": abs(w) * act.max_slope}

    def _build_figure(self):
        self.fig.subplots_adjust(left=0.08, right=0.98, bottom=0.18, top=0.88, wspace=0.28)
        self.ax_a, self.ax_d = self.fig.add_subplot(1, 2, 1), self.fig.add_subplot(1, 2, 2)
        for ax, title in ((self.ax_a, "a = f(w·x + b)"), (self.ax_d, _("slope da/dx = w·f′(w·x + b)"))):
            ax.set_xlim(-6, 6)
            ax.axhline(0, color="grey", lw=0.5)
            ax.axvline(0, color="grey", lw=0.5)
            ax.set_xlabel("x")
            ax.set_title(title)
        self.reference = self._dynamic(self.ax_a.plot([], [], color="grey", lw=1, alpha=0.5, label="f(x)")[0])
        self.curve = self._dynamic(self.ax_a.plot([], [], color="C0", lw=2, label="f(w·x + b)")[0])
        self.slope = self._dynamic(self.ax_d.plot([], [], color="C1", lw=2)[0])
        self.centre = self._dynamic(self.ax_a.axvline(0, color="C3", ls=":", lw=1))
        self.ax_a.legend(loc="upper left")

    def _draw(self, result):
        x = result["x"]
        self.reference.set_data(x, result["reference"])
        self.curve.set_data(x, result["a"])
        self.slope.set_data(x, result["slope"])
        self._set_lim(self.ax_a, ylim=result["ylim"])
        # A few fixed heights for the slope axis: most slider moves then redraw only the curves.
        need = 1.05 * result["max_slope"]
        top = next((h for h in (0.3, 0.6, 1.2, 2.5, 5.5) if h >= need), need)
        self._set_lim(self.ax_d, ylim=(-top, top))
        self.centre.set_visible(result["centre"] is not None)
        if result["centre"] is not None:
            self.centre.set_xdata([result["centre"]] * 2)

    def _readout(self, result):
        formula = f"a(x) = {result['function']}({number(result['w'])}·x + {number(result['b'])})"
        if result["centre"] is None:
            return _("{formula}: w = 0, so z = b for every x and a is the constant {a:.3f}.").format(
                formula=formula, a=float(result["a"][0]))
        return _("{formula}: z = 0 at x = −b/w = {centre} (dotted line).").format(
            formula=formula, centre=number(result["centre"]))

    readout_height = "2.5em"
