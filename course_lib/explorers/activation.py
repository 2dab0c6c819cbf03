"""Activation functions with a weight and a bias (chapter 2): a(x) = f(w·x + b) and its slope."""
from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from .._validate import check_choice
from ..activations import get_activation
from .base import Explorer, check_in_range, float_slider


class ActivationExplorer(Explorer):
    """a(x) = f(w·x + b) and its slope d a/dx = w·f'(w·x + b), for x ∈ [−6, 6].

    w stretches the curve (larger |w| → steeper), b shifts it (the centre sits at x = −b/w).
    The faint curve is f(x) itself (w = 1, b = 0) for comparison.
    """

    figsize = (6.0, 2.5)
    functions = ("step", "sigmoid", "tanh", "relu", "leaky_relu", "identity")
    RANGE = (-5.0, 5.0)
    _X = np.linspace(-6, 6, 241)
    _YLIM = {"step": (-0.1, 1.1), "sigmoid": (-0.1, 1.1), "tanh": (-1.1, 1.1),
             "relu": (-1.0, 6.0), "leaky_relu": (-1.0, 6.0), "identity": (-6.0, 6.0)}
    _MAX_SLOPE = {"step": 0.0, "sigmoid": 0.25, "tanh": 1.0, "relu": 1.0, "leaky_relu": 1.0, "identity": 1.0}

    def __init__(self, function="sigmoid", w=1.0, b=0.0):
        check_choice(function, "function", self.functions)
        w, b = check_in_range(w, "w", *self.RANGE), check_in_range(b, "b", *self.RANGE)
        self.sliders = {"function": widgets.Dropdown(options=self.functions, value=function, description="f"),
                        "w": float_slider("w", w, *self.RANGE, 0.1, "weight w"),
                        "b": float_slider("b", b, *self.RANGE, 0.1, "bias b")}
        self._start(widgets.VBox(list(self.sliders.values())))

    def compute(self, function, w, b):
        """Pure: x, a = f(w·x + b), slope w·f'(w·x + b), and the reference f(x)."""
        f, f_grad = get_activation(function)
        z = w * self._X + b
        return {"x": self._X, "a": f(z), "slope": w * f_grad(z), "reference": f(self._X),
                "function": function, "w": w, "b": b, "centre": (-b / w if w != 0 else None)}

    def _build_figure(self):
        self.fig.subplots_adjust(left=0.08, right=0.98, bottom=0.18, top=0.88, wspace=0.28)
        self.ax_a, self.ax_d = self.fig.add_subplot(1, 2, 1), self.fig.add_subplot(1, 2, 2)
        for ax, title in ((self.ax_a, "a = f(w·x + b)"), (self.ax_d, "slope da/dx = w·f′(w·x + b)")):
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
        self._set_lim(self.ax_a, ylim=self._YLIM[result["function"]])
        # A few fixed heights for the slope axis: most slider moves then redraw only the curves.
        need = 1.05 * abs(result["w"]) * self._MAX_SLOPE[result["function"]]
        top = next(h for h in (0.3, 0.6, 1.2, 2.5, 5.5) if h >= need)
        self._set_lim(self.ax_d, ylim=(-top, top))
        self.centre.set_visible(result["centre"] is not None)
        if result["centre"] is not None:
            self.centre.set_xdata([result["centre"]] * 2)

    def _readout(self, result):
        s = self.state
        text = f"a(x) = {s['function']}({s['w']:.2f}·x + {s['b']:.2f})"
        if result["centre"] is None:
            return text + ": w = 0, so z = b for every x and a is the constant " \
                          f"{float(result['a'][0]):.3f}."
        return text + f": z = 0 at x = −b/w = {result['centre']:.2f} (dotted line)."

    _readout_height = "2.5em"
