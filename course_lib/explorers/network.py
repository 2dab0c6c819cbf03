"""Explorers for small networks (chapters 3–4): the lecture's 3-neuron network and the A/B/C weight quiz."""
from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from ..activations import relu, step
from ..i18n import _
from ..neuron import BINARY_INPUTS, neuron, three_neuron_network
from .base import Explorer, float_slider, html_table, label_width, number
from .validation import check_in_range
from .input_plane import GRID_X1, GRID_X2, N_GRID, PLANE, WEIGHT_RANGE, decision_line, plane_axes

_HIDDEN_PLANE = (-0.5, 3.5)
_H = np.linspace(*_HIDDEN_PLANE, N_GRID)
_H1, _H2 = np.meshgrid(_H, _H)


def _params_dict(p):
    """Slider values → the {"n1": {"w": (w1, w2), "b": b}, …} layout that ``three_neuron_network`` reads."""
    return {n: {"w": (p[f"{n}_w1"], p[f"{n}_w2"]), "b": p[f"{n}_b"]} for n in ("n1", "n2", "n3")}


class NetworkExplorer(Explorer):
    """The lecture's network (演習3): n1 and n2 read (x1, x2); n3 reads (n1, n2); every neuron ReLU.

        h1 = ReLU(w1·x1 + w2·x2 + b)  (n1),   h2 likewise (n2),   out = ReLU(w1·h1 + w2·h2 + b)  (n3)

    It starts at the lecture's values (n1: 1, 1, 0;  n2: 1, 1, −1;  n3: −1, 2, 1), whose outputs for
    (0,0), (0,1), (1,0), (1,1) are 1, 0, 0, 1 — an XNOR that no single neuron can compute.
    Left: the output over the input plane. Right: the same four inputs as n3 sees them, at (h1, h2),
    with n3's line: in the hidden plane one straight line does separate them.
    """

    figsize = (6.0, 2.8)

    def __init__(self, n1_w1=1.0, n1_w2=1.0, n1_b=0.0, n2_w1=1.0, n2_w2=1.0, n2_b=-1.0,
                 n3_w1=-1.0, n3_w2=2.0, n3_b=1.0):
        given = dict(n1_w1=n1_w1, n1_w2=n1_w2, n1_b=n1_b, n2_w1=n2_w1, n2_w2=n2_w2, n2_b=n2_b,
                     n3_w1=n3_w1, n3_w2=n3_w2, n3_b=n3_b)
        values = {name: check_in_range(v, name, *WEIGHT_RANGE) for name, v in given.items()}
        width = label_width("w1", "w2", "b")      # one label width: the three tracks of a column line up
        self.sliders = {name: float_slider(name, v, *WEIGHT_RANGE, 0.1, name.split("_")[1], width="230px",
                                           label_width=width) for name, v in values.items()}
        heads = {"n1": _("<b>n1</b> (reads x1, x2)"), "n2": _("<b>n2</b> (reads x1, x2)"),
                 "n3": _("<b>n3</b> (reads n1, n2)")}
        columns = [widgets.VBox([widgets.HTML(heads[n])] + [self.sliders[f"{n}_{p}"] for p in ("w1", "w2", "b")])
                   for n in ("n1", "n2", "n3")]
        self._start(widgets.HBox(columns))

    def compute(self, **params):
        """Pure: hidden outputs h (4, 2), outputs (4,), the output over the input plane, n3 over (h1, h2)."""
        p = _params_dict(params)
        h = np.column_stack([neuron(BINARY_INPUTS, p[n]["w"], p[n]["b"], "relu") for n in ("n1", "n2")])
        out = three_neuron_network(BINARY_INPUTS[:, 0], BINARY_INPUTS[:, 1], p)
        w3, b3 = p["n3"]["w"], p["n3"]["b"]
        return {"h": h, "out": out, "grid": three_neuron_network(GRID_X1, GRID_X2, p),
                "hidden_grid": relu(w3[0] * _H1 + w3[1] * _H2 + b3),
                "n3_line": decision_line(w3[0], w3[1], b3, *_HIDDEN_PLANE)}

    def _build_figure(self):
        self.fig.subplots_adjust(left=0.08, right=0.87, bottom=0.16, top=0.88, wspace=0.35)
        ax, hx = self.fig.add_subplot(1, 2, 1), self.fig.add_subplot(1, 2, 2)
        plane_axes(ax, _("output of n3 over (x1, x2)"))
        style = {"origin": "lower", "cmap": "viridis", "vmin": 0, "vmax": 2, "interpolation": "nearest"}
        self.heatmap = self._dynamic(ax.imshow(np.zeros((N_GRID, N_GRID)), extent=PLANE * 2, **style))
        self.hidden_map = self._dynamic(hx.imshow(np.zeros((N_GRID, N_GRID)), extent=_HIDDEN_PLANE * 2, **style))
        hx.set_xlim(*_HIDDEN_PLANE)
        hx.set_ylim(*_HIDDEN_PLANE)
        hx.set_xlabel(_("h1 (output of n1)"))
        hx.set_ylabel(_("h2 (output of n2)"))
        hx.set_title(_("what n3 sees"))
        cax = self.fig.add_axes([0.89, 0.16, 0.015, 0.72])
        self.fig.colorbar(self.heatmap, cax=cax, label=_("output"))
        self.n3_line = self._dynamic(hx.plot([], [], "w--", lw=1.5)[0])
        ax.scatter(BINARY_INPUTS[:, 0], BINARY_INPUTS[:, 1], s=30, c="white", edgecolors="black", zorder=3)
        self.hidden_points = self._dynamic(hx.scatter(np.zeros(4), np.zeros(4), s=30, c="white",
                                                      edgecolors="black", zorder=3))
        bbox = {"facecolor": "black", "alpha": 0.5, "pad": 1, "lw": 0}
        self.labels = [self._dynamic(ax.text(x1 + 0.06, x2 + 0.06, "", color="white", fontsize="small", zorder=4,  # i18n: ignore
                                             bbox=bbox)) for x1, x2 in BINARY_INPUTS]
        self.hidden_labels = [self._dynamic(hx.text(0, 0, "", color="white", fontsize="small", zorder=4,  # i18n: ignore
                                                    bbox=bbox)) for _point in BINARY_INPUTS]

    def _draw(self, result):
        self.heatmap.set_data(result["grid"])
        self.hidden_map.set_data(result["hidden_grid"])
        self.n3_line.set_data(*result["n3_line"])
        self.hidden_points.set_offsets(result["h"])
        for label, out in zip(self.labels, result["out"]):
            label.set_text(number(out))
        # Inputs that land on the same hidden point share one label.
        groups = {}
        for (x1, x2), h, out in zip(BINARY_INPUTS, result["h"], result["out"]):
            groups.setdefault((round(h[0], 6), round(h[1], 6)), []).append(f"({x1:.0f},{x2:.0f})")
        for label in self.hidden_labels:
            label.set_text("")
        for label, (h, names) in zip(self.hidden_labels, groups.items()):
            label.set_position((h[0] + 0.08, h[1] + 0.12))
            label.set_text(" ".join(names))
        self._separate(self.hidden_labels[:len(groups)])

    def _separate(self, labels, gap=2.0):
        """Move labels whose boxes overlap (hidden points close together, e.g. (0,1) and (1,0) when n1's two
        weights differ slightly): each one that hits an earlier label goes just above it (below it if that
        would leave the axes), so every label stays readable."""
        renderer = self.canvas.get_renderer()
        ax = labels[0].axes if labels else None
        placed = []
        for label in labels:
            for _try in range(len(placed) + 1):
                box = label.get_window_extent(renderer).padded(gap)
                hit = next((p for p in placed if box.overlaps(p)), None)
                if hit is None:
                    break
                x, y = ax.transData.transform(label.get_position())
                up = y + (hit.y1 - box.y0) + gap
                if up + box.height > ax.bbox.y1:
                    up = y - (box.y1 - hit.y0) - gap
                label.set_position(ax.transData.inverted().transform((x, up)))
            placed.append(label.get_window_extent(renderer).padded(gap))

    def _rows(self, result):
        return [(f"{x1:.0f}", f"{x2:.0f}", number(h[0]), number(h[1]), f"<b>{number(out)}</b>")
                for (x1, x2), h, out in zip(BINARY_INPUTS, result["h"], result["out"])]

    def _readout(self, result):
        outs = ", ".join(number(v, "g") for v in result["out"])
        return (_("outputs for (0,0), (0,1), (1,0), (1,1): <b>{outputs}</b>").format(outputs=outs) + "<br>"
                + html_table(("x1", "x2", "h1 = n1", "h2 = n2", _("out = n3")), self._rows(result)))

    readout_height = "9em"


class WeightQuizExplorer(Explorer):
    """The lecture's quiz (確認問題, 「ニューラルネットワークとディープラーニング入門」): adjust the B → C weight so that
    C fires only while B ≤ 2.

    Neuron A outputs 3 and reaches C with weight 4; neuron B outputs x and reaches C with weight w.
    C's input sum is z = 4·3 + w·x.  The quiz's neuron C "fires (outputs 1) when its input sum is 0 or more
    (0以上), and outputs 0 when it is below 0": C's output is ``activations.step(z)`` (step(0) = 1, the
    course's one convention), so C fires exactly when z ≥ 0, i.e. x ≤ 12 / (−w).
    With w = −2 (the start) C fires up to B = 6; the answer is "−2倍 → −6倍": 12 − 6·x ≥ 0 ⇔ x ≤ 2.
    The table also shows the lecture's program, n(3, x) = ReLU(4·3 + w·x) for x = 0 … 8
    (12, 10, 8, 6, 4, 2, 0, 0, 0 at w = −2).  ReLU and the step neuron agree on "active" everywhere except
    at z = 0 exactly (w = −6, B = 2): relu(0) = 0, but step(0) = 1 — the step neuron still fires.

    ``compute`` returns: B (x = 0…8), z (C's sum), n = ReLU(z), fires (step(z) == 1, booleans),
    curve (z over x in [0, 8]), limit (the largest B that fires), goal_met, weight.
    """

    figsize = (6.0, 2.6)
    A_OUTPUT, A_WEIGHT, GOAL = 3.0, 4.0, 2.0
    RANGE = (-8.0, 4.0)
    B_VALUES = np.arange(9.0)
    _X = np.linspace(0, 8, 81)

    def __init__(self, weight=-2.0):
        weight = check_in_range(weight, "weight", *self.RANGE)
        self.sliders = {"weight": float_slider("weight", weight, *self.RANGE, 0.5, _("weight B → C"))}
        self._start(widgets.VBox([widgets.HTML(_("A outputs 3 (weight 4 → C); B outputs x (weight w → C). "
                                                 "C fires (outputs 1) when its sum z = 12 + w·x is 0 or more. "
                                                 "Goal: C fires only while B ≤ 2.")), self.sliders["weight"]]))

    def compute(self, weight):
        """Pure: z = 4·3 + w·x for x = 0…8, n = ReLU(z) (the lecture's program), fires = step(z) == 1 (z ≥ 0),
        and the largest B that fires."""
        a_part = self.A_WEIGHT * self.A_OUTPUT                      # 4·3 = 12
        z = a_part + weight * self.B_VALUES
        # C fires while 12 + w·x ≥ 0: for w < 0 that is x ≤ 12/(−w); for w ≥ 0 every x ≥ 0 fires.
        limit = a_part / -weight if weight < 0 else np.inf
        return {"B": self.B_VALUES, "z": z, "n": relu(z), "fires": step(z) == 1,
                "curve": a_part + weight * self._X, "limit": limit,
                "goal_met": bool(np.isclose(limit, self.GOAL)), "weight": weight}

    def _build_figure(self):
        self.fig.subplots_adjust(left=0.10, right=0.97, bottom=0.17, top=0.86)
        ax = self.ax = self.fig.add_subplot(1, 1, 1)
        ax.set_xlim(-0.6, 8.6)
        ax.set_ylim(-55, 47)
        ax.set_xlabel(_("output of B (x)"))
        ax.set_ylabel(_("input sum of C, z = 4·3 + w·x"))
        ax.axhline(0, color="black", lw=0.8)
        ax.axvspan(-0.6, self.GOAL, color="green", alpha=0.08)
        ax.axvline(self.GOAL, color="green", ls="--", lw=1)
        ax.text(self.GOAL - 0.1, 40, _("goal: fire only for B ≤ 2"), ha="right", color="green",
                fontsize="small")  # i18n: ignore
        self.bars = [self._dynamic(p) for p in ax.bar(self.B_VALUES, np.zeros(9), width=0.6)]
        self.curve = self._dynamic(ax.plot(self._X, np.zeros_like(self._X), color="grey", lw=1)[0])
        self.limit_line = self._dynamic(ax.axvline(0, color="C3", lw=1.5))
        self.title = self._dynamic(ax.set_title(""))

    def _draw(self, result):
        for bar, z, fires in zip(self.bars, result["z"], result["fires"]):
            bar.set_height(z)
            bar.set_facecolor("tab:green" if fires else "lightgrey")
        self.curve.set_ydata(result["curve"])
        self.limit_line.set_visible(np.isfinite(result["limit"]) and result["limit"] <= 8.6)
        if np.isfinite(result["limit"]):
            self.limit_line.set_xdata([result["limit"]] * 2)
        self.title.set_text(f"w = {result['weight']:g}: " + self._verdict(result))
        self.title.set_color("green" if result["goal_met"] else "black")

    def _verdict(self, result):
        if result["goal_met"]:
            return _("✓ C fires exactly while B ≤ 2")
        if np.isinf(result["limit"]):
            return _("C fires for every B ≥ 0")
        return _("C fires while B ≤ {limit:.2f} (goal: 2)").format(limit=result["limit"])

    def _readout(self, result):
        rows = [(f"{x:g}", f"{z:g}", f"{n:g}", _("1 (fires)") if f else "0")
                for x, z, n, f in zip(result["B"], result["z"], result["n"], result["fires"])]
        table = html_table(("B = x", "z = 12 + w·x", "n(3, x) = ReLU(z)", "C = step(z)"), rows, result["fires"])
        colour = "green" if result["goal_met"] else "black"
        note = ""
        at_zero = result["B"][result["z"] == 0]
        if at_zero.size:
            note = "<br>" + _("At B = {B:g} the sum is exactly z = 0: the step neuron fires (step(0) = 1), "
                              "but ReLU outputs relu(0) = 0 — the only place where the two disagree.").format(
                                  B=at_zero[0])
        return f"<b style='color:{colour}'>{self._verdict(result)}</b><br>{table}{note}"

    readout_height = "17em"
