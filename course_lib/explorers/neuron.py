"""Explorers for one neuron with two inputs (chapter 1): the input plane and logic gates.

    z = w1·x1 + w2·x2 + b        a = f(z)        decision line: z = 0
"""
from __future__ import annotations

import functools
import math

import ipywidgets as widgets
import numpy as np

from ..activations import elementwise_names, get_activation
from ..i18n import _
from ..neuron import BINARY_INPUTS, GATES
from .base import Explorer, float_slider, html_table, label_width, number
from .validation import check_activation, check_in_range, check_option
from .input_plane import GRID_X1, GRID_X2, N_GRID, PLANE, WEIGHT_RANGE, decision_line, plane_axes


@functools.lru_cache(maxsize=None)
def colour_limits(activation):
    """Colour range of the heatmap for an activation name: f over the table's ``z_range``, rounded outward
    to 0.1 — fixed while sliding, so a colour means the same value (sigmoid (0, 1), relu (0, 3), …)."""
    act = get_activation(activation)
    a = act.f(np.linspace(*act.z_range, 201))
    return (math.floor(round(10 * float(a.min()), 6)) / 10, math.ceil(round(10 * float(a.max()), 6)) / 10)


class NeuronExplorer(Explorer):
    """One neuron with two inputs: a = f(w1·x1 + w2·x2 + b) over the input plane.

    Shows the activation as a heatmap over x1, x2 ∈ [−0.5, 1.5] with the decision line z = 0 and the
    value a at each binary input; the truth table (x1, x2, z, a) is the readout below the figure — shown
    once, as page text, so it is as legible as the rest of the page.
    Sliders: w1, w2, b ∈ [−3, 3]; activation: any element-wise entry
    of ``course_lib.activations.ACTIVATIONS``.  ``NeuronExplorer(w1=1, w2=1, b=-0.5, activation="relu")``
    is the lecture's Exercise 2 (outputs 0, 0.5, 0.5, 1.5).
    """

    figsize = (3.8, 3.0)
    @staticmethod
    def _label_width():
        """One label width for every control, so the slider tracks line up (the longest label: "activation"
        in English), measured in the language spoken now."""
        return label_width(_("activation"), _("target gate"))

    def __init__(self, w1=1.0, w2=1.0, b=-0.5, activation="step"):
        values = {name: check_in_range(v, name, *WEIGHT_RANGE) for name, v in (("w1", w1), ("w2", w2), ("b", b))}
        check_activation(activation, "activation")
        width = self._label_width()
        self.sliders = {name: float_slider(name, v, *WEIGHT_RANGE, 0.1, label_width=width)
                        for name, v in values.items()}
        self.sliders["activation"] = widgets.Dropdown(options=elementwise_names(), value=activation,
                                                      description=_("activation"),
                                                      style={"description_width": width})
        self._start(widgets.VBox(list(self.sliders.values())))

    def compute(self, w1, w2, b, activation="step"):
        """Pure: z and a for the 4 binary inputs, a over the plane, the decision line."""
        f = check_activation(activation, "activation").f
        z = BINARY_INPUTS @ np.array([w1, w2]) + b                              # (4,)
        return {"z": z, "a": f(z), "grid": f(w1 * GRID_X1 + w2 * GRID_X2 + b),   # grid (81, 81)
                "line": decision_line(w1, w2, b), "activation": activation}

    # -- figure ---------------------------------------------------------------------------------
    def _build_figure(self):
        self.fig.subplots_adjust(left=0.14, right=0.80, bottom=0.15, top=0.88)
        ax = self.ax = self.fig.add_subplot(1, 1, 1)
        ax.set_anchor("W")     # the square plane at the left, its colour bar right beside it
        plane_axes(ax, _("activation a over the input plane"))
        self.heatmap = self._dynamic(ax.imshow(np.zeros((N_GRID, N_GRID)), origin="lower", extent=PLANE * 2,
                                               cmap="viridis", vmin=0, vmax=1, interpolation="nearest"))
        self.colorbar = self.fig.colorbar(self.heatmap, cax=ax.inset_axes([1.05, 0, 0.06, 1]))
        self.line = self._dynamic(ax.plot([], [], "w--", lw=1.5, label="z = 0")[0])
        self.points = self._dynamic(ax.scatter(BINARY_INPUTS[:, 0], BINARY_INPUTS[:, 1], s=40, c="white",
                                               edgecolors="black", zorder=3))
        self.point_labels = [self._dynamic(ax.text(x1 + 0.06, x2 + 0.06, "", color="white", fontsize="small", zorder=4,  # i18n: ignore
                                                   bbox={"facecolor": "black", "alpha": 0.5, "pad": 1, "lw": 0}))  # i18n: ignore
                             for x1, x2 in BINARY_INPUTS]

    def _table_header(self):
        return ("x1", "x2", "z", "a")

    def _table_rows(self, result):
        return [(f"{x1:.0f}", f"{x2:.0f}", number(z), number(a))
                for (x1, x2), z, a in zip(BINARY_INPUTS, result["z"], result["a"])]

    def _draw(self, result):
        self.heatmap.set_data(result["grid"])
        clim = colour_limits(result["activation"])
        if tuple(self.heatmap.get_clim()) != clim:   # the colour bar is static: redraw it once
            self.heatmap.set_clim(*clim)
            self._invalidate()
        self.line.set_data(*result["line"])
        for label, a in zip(self.point_labels, result["a"]):
            label.set_text(number(a))

    def _readout(self, result):
        s = self.state
        formula = (f"z = {number(s['w1'])}·x1 + {number(s['w2'])}·x2 + ({number(s['b'])}),  "
                   f"a = {result['activation']}(z)")
        return f"<b>{formula}</b><br>" + html_table(self._table_header(), self._table_rows(result))

    readout_height = "9em"


class LogicGateExplorer(NeuronExplorer):
    """Find weights that make one step neuron a logic gate (論理ゲート): AND, OR, NAND, NOR — XOR is impossible.

    The target outputs sit beside the neuron's; "✓ matches" appears when all four rows agree.
    Filled points should fire (target 1), hollow ones should not. XOR cannot be matched by any
    w1, w2, b: no straight line puts (0,1) and (1,0) on one side and (0,0), (1,1) on the other.
    """

    gates = tuple(GATES)

    def __init__(self, gate="AND", w1=0.0, w2=0.0, b=0.0):
        check_option(gate, "gate", self.gates)
        values = {name: check_in_range(v, name, *WEIGHT_RANGE) for name, v in (("w1", w1), ("w2", w2), ("b", b))}
        width = self._label_width()
        self.sliders = {"gate": widgets.Dropdown(options=self.gates, value=gate, description=_("target gate"),
                                                 style={"description_width": width})}
        self.sliders.update({name: float_slider(name, v, *WEIGHT_RANGE, 0.1, label_width=width)
                             for name, v in values.items()})
        self._start(widgets.VBox(list(self.sliders.values())))

    def compute(self, gate, w1, w2, b):
        """Pure: the step neuron's table, the target column and whether they match."""
        result = super().compute(w1, w2, b, "step")
        target = np.array(GATES[gate], dtype=float)
        result.update(gate=gate, target=target, matches=bool(np.array_equal(result["a"], target)),
                      n_wrong=int(np.sum(result["a"] != target)))
        return result

    @property
    def matches(self):
        """True when the current neuron computes the target gate."""
        return self.result["matches"]

    def _table_header(self):
        return ("x1", "x2", "z", "a", _("target"))

    def _table_rows(self, result):
        return [row + (f"{t:.0f}",) for row, t in zip(super()._table_rows(result), result["target"])]

    def _verdict(self, result):
        if result["matches"]:
            return _("✓ matches {gate}").format(gate=result["gate"])
        if result["gate"] == "XOR":
            return _("✗ XOR: impossible for one neuron")
        return _("✗ {n_wrong} of 4 rows differ from {gate}").format(n_wrong=result["n_wrong"], gate=result["gate"])

    def _build_figure(self):
        super()._build_figure()
        self.verdict = self._dynamic(self.ax.set_title(""))   # the verdict replaces the title, coloured

    def _draw(self, result):
        super()._draw(result)
        self.points.set_facecolors(["black" if t else "white" for t in result["target"]])
        self.verdict.set_text(self._verdict(result))
        self.verdict.set_color("green" if result["matches"] else "firebrick")

    def _readout(self, result):
        colour = "green" if result["matches"] else "firebrick"
        text = f"<b style='color:{colour}'>{self._verdict(result)}</b>"
        if result["gate"] == "XOR" and not result["matches"]:
            text += " " + _("— no straight line z = 0 puts (0,1) and (1,0) on one side and (0,0), (1,1) on the "
                            "other; XOR needs a hidden layer (see the 3-neuron network).")
        highlight = [a == t for a, t in zip(result["a"], result["target"])]
        return text + "<br>" + html_table(self._table_header(), self._table_rows(result), highlight)
