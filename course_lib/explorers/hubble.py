"""Explorers for chapter 5 (lecture 004): fit Hubble's 1929 data by hand, then by gradient descent.

    ŷ = a·x + b        E(a, b) = (1/N) Σ (a·x_i + b − y_i)²        x: distance (Mpc), y: velocity (km/s)
"""
from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter
from traitlets import validate

from .._validate import check_bool, check_int
from ..datasets import load_hubble
from ..figures._common import bold
from ..i18n import _
from ..linreg import gradient_descent, least_squares, loss_grid, mse, standardize
from .base import Explorer, float_slider, label_width, number
from .validation import check_in_range, check_number_choice


class NumberChoiceSlider(widgets.SelectionSlider):
    """A slider over a few exact numbers (shown as written: 0.4, not 0.398). Setting a value it does not offer,
    e.g. ``slider.value = 0.45``, raises a ValueError naming ``name``, every allowed value and the value given."""

    def __init__(self, name, values, value, what="values", **kwargs):
        self._name, self._what, self._values = name, what, tuple(values)
        super().__init__(options=[(f"{v:g}", v) for v in self._values], value=value, **kwargs)

    @validate("value")
    def _validate_value(self, proposal):
        return check_number_choice(proposal.value, self._name, self._values, self._what)


def _short_number(value, _pos=None):
    """A tick label for a loss: 500 → "500", 50 000 → "50k", 2 000 000 → "2M"."""
    for scale, suffix in ((1e6, "M"), (1e3, "k"), (1, "")):
        if abs(value) >= scale:
            return f"{value / scale:g}{suffix}"
    return f"{value:g}"


def _log_levels(E, n=12):
    """Contour levels spaced evenly in log E, from just above the minimum to the largest value."""
    return np.geomspace(E.min() * 1.02, E.max(), n)


class HubbleLineExplorer(Explorer):
    """Fit ŷ = a·x + b to Hubble's 24 galaxies by hand: a (km/s/Mpc) and b (km/s) sliders.

    Left: the data, the line and the residuals ŷ_i − y_i (red segments). Right: the loss surface
    E(a, b) as contours and the current (a, b) (red dot). The readout gives E(a, b) = ``linreg.mse(a, b, x, y)``.

    The least-squares best fit (a ≈ 454 km/s/Mpc, b ≈ −41 km/s) stays hidden while the student fits by hand:
    the button "Show the best fit" is enabled once a slider has moved (an attempt), and reveals the best line
    (dashed), the star on the contours and "Best possible: a = …, b = …, E = …" in the readout.
    ``revealed`` says whether it is shown.
    """

    figsize = (6.4, 2.8)
    A_RANGE = (0.0, 1000.0)
    B_RANGE = (-500.0, 500.0)

    def __init__(self, a=400.0, b=0.0):
        a = check_in_range(a, "a", *self.A_RANGE, unit=" km/s/Mpc")
        b = check_in_range(b, "b", *self.B_RANGE, unit=" km/s")
        data = load_hubble()
        self.x, self.y = data.distance, data.velocity
        self.best = least_squares(self.x, self.y)
        labels = {"a": _("slope a (km/s/Mpc)"), "b": _("intercept b (km/s)")}
        width = label_width(*labels.values())
        self.sliders = {"a": float_slider("a", a, *self.A_RANGE, 1.0, labels["a"], fmt_=".0f", width="420px",
                                          label_width=width),
                        "b": float_slider("b", b, *self.B_RANGE, 5.0, labels["b"], fmt_=".0f", width="420px",
                                          label_width=width)}
        self.revealed = False
        self.best_button = widgets.Button(description=_("Show the best fit"), icon="star", disabled=True,
                                          tooltip=_("First fit the line by hand: move a and b"),
                                          layout=widgets.Layout(width="auto"))
        self.best_button.on_click(self._best_clicked)
        self._start(widgets.VBox(list(self.sliders.values()) + [self.best_button]))
        self.controls.append(self.best_button)
        for slider in self.sliders.values():
            slider.observe(self._attempted, names="value")

    # -- the best fit, on request -----------------------------------------------------------------
    def _attempted(self, _change=None):
        """A slider moved: the student has tried, so the best fit may be revealed."""
        if self.best_button.disabled and not self.revealed:
            self.best_button.disabled = False
            self.best_button.tooltip = _("Compare your line with the least-squares best fit")
            if not self._holding:  # only the readout's hint changes (inside hold(), the update at its end does it)
                self.readout.value = self._readout(self.result)

    def _best_clicked(self, _button=None):
        """Show (or hide again) the best fit; does nothing before the first attempt."""
        if self.best_button.disabled:
            return
        self.revealed = not self.revealed
        self.best_button.description = _("Hide the best fit") if self.revealed else _("Show the best fit")
        self.best_line.set_visible(self.revealed)
        self.star.set_visible(self.revealed)
        self.contour_title.set_text(_("loss E(a, b); ★ = best fit") if self.revealed else _("loss E(a, b)"))
        self._invalidate()     # the star, the best line and the title are drawn with the static background
        self.update()

    def compute(self, a, b):
        """Pure: predictions ŷ, residuals ŷ − y and E(a, b)."""
        y_hat = a * self.x + b
        return {"a": a, "b": b, "y_hat": y_hat, "residuals": y_hat - self.y, "E": mse(a, b, self.x, self.y)}

    def _build_figure(self):
        self.fig.subplots_adjust(left=0.10, right=0.98, bottom=0.17, top=0.88, wspace=0.32)
        ax, cx = self.fig.add_subplot(1, 2, 1), self.fig.add_subplot(1, 2, 2)
        ax.scatter(self.x, self.y, s=12, color="black", zorder=3, label=_("galaxies"))
        ax.set_xlim(0, 2.2)
        ax.set_ylim(-400, 1300)
        ax.set_xlabel(_("distance x (Mpc)"))
        ax.set_ylabel(_("velocity y (km/s)"))
        self.residual_lines = self._dynamic(LineCollection([], colors="tab:red", linewidths=0.8))
        ax.add_collection(self.residual_lines)
        self._line_x = np.array([0.0, 2.2])
        self.line = self._dynamic(ax.plot(self._line_x, [0, 0], color="C0", lw=2, label="ŷ = a·x + b")[0])
        self.best_line = ax.plot(self._line_x, self.best[0] * self._line_x + self.best[1], color="black", lw=1,
                                 ls="--", visible=False)[0]
        ax.legend(loc="lower right")
        self.title = self._dynamic(ax.set_title(""))
        a_values = np.linspace(*self.A_RANGE, 101)
        b_values = np.linspace(*self.B_RANGE, 101)
        E = loss_grid(self.x, self.y, a_values, b_values)
        cx.contour(a_values, b_values, E, levels=_log_levels(E), cmap="viridis", linewidths=0.8)
        self.star = cx.plot(*self.best, marker="*", color="black", ms=9, ls="none", visible=False)[0]
        self.marker = self._dynamic(cx.plot([], [], "o", color="tab:red", ms=6)[0])
        cx.set_xlabel(_("a (km/s/Mpc)"))
        cx.set_ylabel(_("b (km/s)"))
        self.contour_title = cx.set_title(_("loss E(a, b)"))

    def _draw(self, result):
        self.line.set_ydata(result["a"] * self._line_x + result["b"])
        self.residual_lines.set_segments(
            [((x, y), (x, y_hat)) for x, y, y_hat in zip(self.x, self.y, result["y_hat"])])
        self.marker.set_data([result["a"]], [result["b"]])
        self.title.set_text(f"E(a, b) = {result['E']:,.0f} (km/s)²")

    def _readout(self, result):
        text = _("ŷ = {a}·x + ({b});  mean squared error <b>E = {E:,.1f} (km/s)²</b>  (root: {root:.1f} km/s).").format(
            a=number(result["a"], ".0f"), b=number(result["b"], ".0f"), E=result["E"], root=np.sqrt(result["E"]))
        text += "<br>"
        if self.revealed:
            a_best, b_best = self.best
            return text + _("Best possible: a = {a:.1f} km/s/Mpc, b = {b:.1f} km/s, E = {E:,.1f} (km/s)² — the dashed "
                            "line and the ★.").format(a=a_best, b=b_best, E=mse(a_best, b_best, self.x, self.y))
        if self.best_button.disabled:
            return text + _("Fit the line by hand: move <b>a</b> and <b>b</b> to make E as small as you can.")
        return text + _("When E will not go lower, press <b>Show the best fit</b> to compare.")

    readout_height = "4.5em"   # two lines, three when narrow: fixed, so the page does not jump


class GradientDescentExplorer(Explorer):
    """Gradient descent on E(a, b) for Hubble's data: learning rate and number of steps.

        a ← a − lr·∂E/∂a,   b ← b − lr·∂E/∂b            (``linreg.gradient_descent(on_diverge="stop")``)

    Left: the path on the contours of E. Right: E after every step (log scale). With ``scaled=True``
    x is standardised, x' = (x − mean)/std, so the contours are circles and any lr < 1 converges;
    on the raw x the valley is long and thin and lr ≳ 0.49 diverges. A diverging run stops with a
    message (no NaN is ever drawn). a0, b0: the starting point, in the units of the model being fitted.
    """

    figsize = (6.4, 2.8)
    #: The learning rates the slider offers — exactly, so every value the chapter asks for (0.01, 0.05, 0.1, 0.4,
    #: 0.49, 0.5, 0.6, and < 1 / > 1 with scaled x) is one step of the slider and reads as written.
    LR_VALUES = (0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.45, 0.49, 0.5, 0.6, 0.8, 0.9,
                 1.0, 1.1, 1.5, 2.0, 3.0)
    STEPS_MAX = 200
    _STEP_AXES = (10, 25, 50, 100, 200)
    START_RANGE = (-1000.0, 1000.0)
    _VIEW = {True: ((-300.0, 900.0), (-300.0, 1000.0)),      # (a range, b range) for scaled x
             False: ((-300.0, 1200.0), (-700.0, 700.0))}     # and for raw x

    def __init__(self, lr=0.1, steps=30, a0=0.0, b0=0.0, scaled=True):
        lr = check_number_choice(lr, "lr", self.LR_VALUES, _("learning rates the slider offers"))
        steps = check_int(steps, "steps", min_value=0, max_value=self.STEPS_MAX)
        self.a0 = check_in_range(a0, "a0", *self.START_RANGE)
        self.b0 = check_in_range(b0, "b0", *self.START_RANGE)
        scaled = check_bool(scaled, "scaled")
        data = load_hubble()
        self.x, self.y = data.distance, data.velocity
        self.x_scaled, self.x_mean, self.x_std = standardize(self.x)
        labels = {"lr": _("learning rate lr"), "steps": _("steps")}
        style = {"description_width": label_width(*labels.values())}   # the two tracks line up
        self.sliders = {
            "lr": NumberChoiceSlider("lr", self.LR_VALUES, lr, _("learning rates the slider offers"),
                                     description=labels["lr"], continuous_update=True, style=style,
                                     layout=widgets.Layout(width="420px")),
            "steps": widgets.IntSlider(value=steps, min=0, max=self.STEPS_MAX, description=labels["steps"],
                                       continuous_update=True, style=style, layout=widgets.Layout(width="420px")),
            "scaled": widgets.Checkbox(value=scaled, description=_("standardise x (x' = (x − mean)/std)"),
                                       indent=False),
        }
        self._start(widgets.VBox(list(self.sliders.values())))

    def _data(self, scaled):
        return (self.x_scaled if scaled else self.x), self.y

    def compute(self, lr, steps, scaled):
        """Pure: the GD path (k+1, 2), losses (k+1,), whether it diverged, and the fit in original units."""
        x, y = self._data(scaled)
        run = gradient_descent(x, y, lr=lr, steps=steps, a0=self.a0, b0=self.b0, on_diverge="stop")
        a, b = run.a, run.b
        # Undo the scaling: a·(x − m)/s + b = (a/s)·x + (b − a·m/s).
        a_orig, b_orig = (a / self.x_std, b - a * self.x_mean / self.x_std) if scaled else (a, b)
        return {"path": run.path, "losses": run.losses, "diverged": run.diverged, "message": run.message,
                "a": a, "b": b, "a_original": a_orig, "b_original": b_orig, "steps": steps,
                "best": least_squares(x, y), "scaled": scaled}

    def _build_figure(self):
        self.fig.subplots_adjust(left=0.10, right=0.98, bottom=0.17, top=0.88, wspace=0.32)
        cx, lx = self.cx, self.lx = self.fig.add_subplot(1, 2, 1), self.fig.add_subplot(1, 2, 2)
        self.contours, self.stars, self._E_range = {}, {}, {}
        for scaled, (a_range, b_range) in self._VIEW.items():
            x, y = self._data(scaled)
            a_values, b_values = np.linspace(*a_range, 101), np.linspace(*b_range, 101)
            E = loss_grid(x, y, a_values, b_values)
            self.contours[scaled] = cx.contour(a_values, b_values, E, levels=_log_levels(E), cmap="viridis",
                                               linewidths=0.8)
            self.stars[scaled] = cx.plot(*least_squares(x, y), marker="*", color="black", ms=9, ls="none")[0]
            self._E_range[scaled] = (0.8 * mse(*least_squares(x, y), x, y), 3 * mse(self.a0, self.b0, x, y))
        cx.set_ylabel("b")
        cx.set_title(_("path on E(a, b); ★ = minimum"))
        self.path = self._dynamic(cx.plot([], [], "-o", color="tab:red", ms=2.5, lw=1)[0])
        self.start = self._dynamic(cx.plot([], [], "s", color="black", ms=4)[0])
        lx.set_yscale("log")
        # E spans about 40 000 … 800 000: ticks at 1, 2, 5 × 10^k (50k, 100k, 200k, 500k), not one lone "10⁵".
        lx.yaxis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)))
        lx.yaxis.set_major_formatter(FuncFormatter(_short_number))
        lx.yaxis.set_minor_formatter(NullFormatter())
        lx.set_xlabel(_("step"))
        lx.set_ylabel("E (km/s)²")
        lx.set_title(_("loss after each step"))
        self.curve = self._dynamic(lx.plot([], [], "-", color="tab:red", lw=1.5)[0])
        self.warning = self._dynamic(lx.text(0.5, 0.5, "", transform=lx.transAxes, ha="center", va="center",
                                             color="firebrick", fontsize="medium", fontweight=bold()))  # i18n: ignore
        self._shown = None

    def _show_landscape(self, scaled):
        """Switch the static contours between raw and standardised x (redraws the background once)."""
        if self._shown == scaled:
            return
        for key in self.contours:
            self.contours[key].set_visible(key == scaled)
            self.stars[key].set_visible(key == scaled)
        a_range, b_range = self._VIEW[scaled]
        self.cx.set_xlim(*a_range)
        self.cx.set_ylim(*b_range)
        self.cx.set_xlabel(_("a  (per standardised x)") if scaled else _("a (km/s/Mpc)"))
        self.lx.set_ylim(*self._E_range[scaled])
        self._shown = scaled
        self._invalidate()

    def _draw(self, result):
        self._show_landscape(result["scaled"])
        # The step axis grows in a few fixed sizes, so most changes of "steps" only redraw the curve.
        longest = next(n for n in self._STEP_AXES if n >= result["steps"])
        self._set_lim(self.lx, xlim=(0, longest))
        path, losses = result["path"], result["losses"]
        self.path.set_data(path[:, 0], path[:, 1])
        self.start.set_data(path[:1, 0], path[:1, 1])
        self.curve.set_data(np.arange(len(losses)), losses)
        self.warning.set_text(_("diverged!\nlr is too large") if result["diverged"] else "")

    def _readout(self, result):
        k = len(result["losses"]) - 1
        values = dict(k=k, a=result["a"], b=result["b"], E=result["losses"][-1], a_original=result["a_original"],
                      b_original=result["b_original"])
        if result["scaled"]:
            head = _("after {k} step(s): a = {a:.2f}, b = {b:.2f}, <b>E = {E:,.1f} (km/s)²</b> — in the original "
                     "units ŷ = {a_original:.1f}·x + ({b_original:.1f}) (a in km/s/Mpc).").format(**values)
        else:
            head = _("after {k} step(s): a = {a:.2f}, b = {b:.2f}, <b>E = {E:,.1f} (km/s)²</b>.").format(**values)
        a_best, b_best = result["best"]
        text = head + "<br>" + _("Minimum: a = {a:.2f}, b = {b:.2f}.").format(a=a_best, b=b_best)
        if result["diverged"]:
            text += f"<br><b style='color:firebrick'>{result['message']}</b>"
        return text

    readout_height = "4.5em"

    def _code_args(self):
        s = self.state
        args = [("lr", s["lr"]), ("steps", s["steps"])]
        if self.a0 != 0 or self.b0 != 0:
            args += [("a0", self.a0), ("b0", self.b0)]
        return args + [("scaled", s["scaled"])]

