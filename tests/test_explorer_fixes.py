"""Issue 13, items 2–5: what a student saw wrong in the explorers, each checked kernel-side.

2. the neuron explorer's truth table once; no "-0.00"; the network explorer's (0,1)/(1,0) labels apart;
   slider tracks lined up (one label width per explorer);
3. chapter 5's learning rates reachable and shown exactly; the loss axis with several tick labels;
4. the Hubble explorer's best fit only on request, after an attempt;
5. the network designer's slider labels not cut.
"""
from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import ipywidgets as widgets
import numpy as np
import pytest
from matplotlib.text import Text

from course_lib.datasets import load_hubble
from course_lib.explorers import (ActivationExplorer, GradientDescentExplorer, HubbleLineExplorer,
                                  LogicGateExplorer, NetworkDesignerExplorer, NetworkExplorer, NeuronExplorer)
from course_lib.explorers.base import number
from course_lib.linreg import least_squares

ROOT = Path(__file__).resolve().parents[1]
CHAPTER_5 = ROOT / "notebooks" / "05_gradient_descent_hubble.ipynb"


def figure_texts(ex):
    """Every non-empty text drawn in the explorer's figure."""
    return [t.get_text() for t in ex.fig.findobj(Text) if t.get_visible() and t.get_text()]


# ------------------------------------------------------------------ 2. truth table once
@pytest.mark.parametrize("make", [NeuronExplorer, lambda: LogicGateExplorer(gate="OR", w1=1, w2=1, b=-0.5)])
def test_truth_table_is_shown_once_as_page_text(make):
    ex = make()
    texts = figure_texts(ex)
    assert "truth table" not in texts and "target" not in texts
    assert not any(t in texts for t in ("-0.50", "0.50", "1.50"))        # no z column drawn in the figure
    assert ex.readout.value.count("<table") == 1                         # the one table: legible page text
    assert all(f"<th style='padding:0 8px'>{h}</th>" in ex.readout.value for h in ("x1", "x2", "z", "a"))


# ------------------------------------------------------------------ 2. no negative zero
@pytest.mark.parametrize("value, spec, text", [(-0.0, ".2f", "0.00"), (-0.001, ".2f", "0.00"), (-0.004, ".0f", "0"),
                                               (-0.0, "g", "0"), (-0.0004, ".1%", "0.0%"), (-0.01, ".2f", "-0.01"),
                                               (-1e-5, ".2g", "-1e-05"), (-12.5, ",.1f", "-12.5"),
                                               (float("-inf"), ".2f", "-inf"), (0.0, ".2f", "0.00")])
def test_number_never_prints_a_negative_zero(value, spec, text):
    assert number(value, spec) == text


def test_neuron_readout_and_labels_have_no_negative_zero():
    ex = NeuronExplorer(w1=-0.001, w2=1.0, b=-0.001, activation="identity")
    assert "-0.00" not in ex.readout.value and "-0.00" not in " ".join(figure_texts(ex))
    assert "(0.00)" in ex.readout.value                                   # b = −0.001 shows as 0.00


def test_network_readout_has_no_negative_zero():
    ex = NetworkExplorer(n3_w1=-0.001, n3_w2=0.0, n3_b=0.0)
    assert "-0.00" not in ex.readout.value and "-0.00" not in " ".join(figure_texts(ex))


def test_activation_centre_has_no_negative_zero():
    ex = ActivationExplorer(w=1.0, b=0.0)                                 # −b/w = −0.0
    assert "−b/w = 0.00" in ex.readout.value and "-0.00" not in ex.readout.value


# ------------------------------------------------------------------ 2. (0,1) and (1,0) apart
HIDDEN_SETTINGS = [
    {},                                                    # the lecture's values: (0,1), (1,0) share one point
    {"n1_w2": 1.1}, {"n1_w2": 1.05}, {"n1_w2": 0.9}, {"n1_w1": 1.2},
    {"n2_w1": 1.1}, {"n2_w2": 0.9, "n1_w1": 0.9}, {"n1_w1": 0.5, "n1_w2": 0.6, "n2_b": 0.0},
    {"n1_w1": 0.0, "n1_w2": 0.0, "n2_w1": 0.0, "n2_w2": 0.1, "n1_b": 0.5, "n2_b": 0.5},
]


@pytest.mark.parametrize("settings", HIDDEN_SETTINGS,
                         ids=lambda s: ",".join(f"{k}={v}" for k, v in s.items()) or "lecture")
def test_hidden_plane_labels_do_not_overlap(settings):
    ex = NetworkExplorer(**settings)
    renderer = ex.canvas.get_renderer()
    labels = [t for t in ex.hidden_labels if t.get_text()]
    names = " ".join(t.get_text() for t in labels)
    assert all(name in names for name in ("(0,0)", "(0,1)", "(1,0)", "(1,1)"))
    boxes = [t.get_window_extent(renderer) for t in labels]
    for (a, box_a), (b, box_b) in itertools.combinations(zip(labels, boxes), 2):
        assert not box_a.overlaps(box_b), f"{a.get_text()!r} and {b.get_text()!r} overlap with {settings}"
    figure = ex.fig.bbox
    assert all(figure.x0 <= box.x0 and box.x1 <= figure.x1 and figure.y0 <= box.y0 and box.y1 <= figure.y1
               for box in boxes)


def test_hidden_labels_follow_the_sliders_without_overlapping():
    ex = NetworkExplorer()
    renderer = ex.canvas.get_renderer()
    for value in np.arange(0.8, 1.21, 0.05):
        ex.sliders["n1_w2"].value = float(value)
        boxes = [t.get_window_extent(renderer) for t in ex.hidden_labels if t.get_text()]
        assert not any(a.overlaps(b) for a, b in itertools.combinations(boxes, 2)), value


# ------------------------------------------------------------------ 2. slider tracks line up
def _labelled_controls(ex):
    return [c for c in ex.sliders.values()
            if isinstance(c, (widgets.FloatSlider, widgets.IntSlider, widgets.SelectionSlider, widgets.Dropdown))]


def _em(width):
    match = re.fullmatch(r"([0-9.]+)em", width)
    assert match, f"description_width {width!r} should be an explicit width in em"
    return float(match.group(1))


@pytest.mark.parametrize("make", [NeuronExplorer, LogicGateExplorer, NetworkExplorer, HubbleLineExplorer,
                                  GradientDescentExplorer, lambda: NetworkDesignerExplorer(lambda h, e: (0, 0.0))])
def test_slider_labels_have_one_width_so_tracks_line_up(make):
    ex = make()
    controls = _labelled_controls(ex)
    assert len(controls) >= 2
    widths = {c.style.description_width for c in controls}
    assert len(widths) == 1, widths                                  # one label width → the tracks start together
    width = _em(widths.pop())
    for control in controls:                                          # and wide enough for every label
        assert width >= 0.55 * len(control.description), control.description
    sliders = [c for c in controls if not isinstance(c, widgets.Dropdown)]
    assert len({c.layout.width for c in sliders}) == 1


# ------------------------------------------------------------------ 3. chapter 5's learning rates
def _learning_rates_in_chapter_5():
    """Every lr (or η) value the text and code of chapter 5 name: "lr = 0.4", "lr=0.1", "η = 0.01", lists."""
    cells = json.loads(CHAPTER_5.read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells)
    values = set()
    for match in re.finditer(r"(?:\blr|η)\s*=\s*([0-9]*\.?[0-9]+)", text):
        values.add(float(match.group(1)))
    for match in re.finditer(r"for lr in \[([^\]]*)\]", text):
        values.update(float(v) for v in match.group(1).split(","))
    for match in re.finditer(r"\(([0-9.]+)[–-]([0-9.]+)\)", text):   # "Just right (0.1–0.4)"
        values.update(float(v) for v in match.groups() if float(v) < 10)
    return values


def _reachable(slider):
    """The values a slider can really take (what dragging or the arrow keys reach)."""
    if isinstance(slider, widgets.SelectionSlider):
        return list(slider.options)
    if isinstance(slider, widgets.FloatLogSlider):
        exponents = np.arange(slider.min, slider.max + slider.step / 2, slider.step)
        return [(f"{slider.base ** e:{slider.readout_format}}", slider.base ** e) for e in exponents]
    values = np.arange(slider.min, slider.max + slider.step / 2, slider.step)
    return [(f"{v:{slider.readout_format}}", v) for v in values]


def test_chapter_5_names_the_learning_rates_this_test_checks():
    assert {0.01, 0.05, 0.1, 0.4, 0.49, 0.5, 0.6} <= _learning_rates_in_chapter_5()


@pytest.mark.parametrize("lr", sorted(_learning_rates_in_chapter_5()))
def test_every_learning_rate_of_chapter_5_is_reachable_and_shown_exactly(lr):
    ex = GradientDescentExplorer(lr=0.1, steps=30, scaled=False)
    slider = ex.sliders["lr"]
    shown = [label for label, value in _reachable(slider) if abs(value - lr) <= 1e-12 * lr]
    assert shown == [f"{lr:g}"], f"lr = {lr:g} is not a position of the slider (nearest ones shown differently)"
    slider.value = lr
    assert slider.label == f"{lr:g}" and ex.state["lr"] == lr
    assert ex.code().startswith(f"GradientDescentExplorer(lr={lr:g},")


def test_constructor_accepts_the_chapter_values_exactly():
    assert GradientDescentExplorer(lr=0.4, steps=30, scaled=False).sliders["lr"].label == "0.4"
    ex = GradientDescentExplorer(lr=0.6, steps=30, scaled=False)
    assert ex.sliders["lr"].label == "0.6" and ex.result["diverged"]


@pytest.mark.parametrize("scaled", [False, True])
def test_loss_axis_has_several_tick_labels(scaled):
    ex = GradientDescentExplorer(lr=0.4, steps=30, scaled=scaled)
    ax = ex.lx
    low, high = ax.get_ylim()
    ticks = [t for t in ax.yaxis.get_major_locator()() if low <= t <= high]
    labels = [label for label in ax.yaxis.get_major_formatter().format_ticks(ticks) if label]
    assert len(labels) >= 3, labels
    assert labels == sorted(set(labels), key=labels.index)              # distinct
    assert "50k" in labels                                              # E's minimum 49 727 sits by a label


# ------------------------------------------------------------------ 4. the best fit on request
def test_hubble_best_fit_is_hidden_until_an_attempt_and_a_click():
    data = load_hubble()
    a_best, b_best = least_squares(data.distance, data.velocity)
    ex = HubbleLineExplorer(a=400.0, b=0.0)
    hidden = (f"{a_best:.1f}", f"{b_best:.1f}", "Best possible")
    assert not any(word in ex.readout.value for word in hidden)
    assert not ex.star.get_visible() and not ex.best_line.get_visible() and "★" not in ex.contour_title.get_text()
    assert ex.best_button.description == "Show the best fit" and ex.best_button.disabled
    assert "move <b>a</b> and <b>b</b>" in ex.readout.value
    png_start = ex.png()
    ex.best_button.click()                                   # before any attempt: nothing is revealed
    assert not ex.revealed and not any(word in ex.readout.value for word in hidden) and ex.png() == png_start

    ex.sliders["a"].value = 430.0                            # the student tries
    assert not ex.best_button.disabled and not ex.revealed
    assert not any(word in ex.readout.value for word in hidden) and "Show the best fit" in ex.readout.value
    png_attempt = ex.png()

    ex.best_button.click()
    assert ex.revealed and ex.best_button.description == "Hide the best fit"
    assert f"Best possible: a = {a_best:.1f} km/s/Mpc, b = {b_best:.1f} km/s" in ex.readout.value
    assert ex.star.get_visible() and ex.best_line.get_visible()
    np.testing.assert_allclose(ex.best_line.get_ydata(), a_best * ex.best_line.get_xdata() + b_best)
    assert ex.png() != png_attempt

    ex.sliders["b"].value = -40.0                            # still shown while sliding on
    assert "Best possible" in ex.readout.value and ex.state == {"a": 430.0, "b": -40.0}
    ex.best_button.click()                                   # and hidden again on request
    assert not ex.revealed and "Best possible" not in ex.readout.value and not ex.star.get_visible()


def test_hubble_attempt_inside_hold_enables_the_button_once():
    ex = HubbleLineExplorer()
    with ex.hold():
        ex.sliders["a"].value, ex.sliders["b"].value = 450.0, -40.0
    assert not ex.best_button.disabled and "Show the best fit" in ex.readout.value
    assert ex.best_button in ex.controls and ex.code() == "HubbleLineExplorer(a=450.0, b=-40.0)"


# ------------------------------------------------------------------ 5. the designer's labels
def test_designer_labels_are_not_cut():
    ex = NetworkDesignerExplorer(lambda hidden, epochs: (0, 0.0))
    label_em = _em(ex.sliders["hidden_layers"].style.description_width)
    assert ex.sliders["hidden_layers"].description == "hidden layers"
    for name, slider in ex.sliders.items():
        # ≈ 0.55 em per character of a 13 px sans-serif label; what is left of the slider is track + readout.
        assert label_em >= 0.55 * len(slider.description), name
        assert int(slider.layout.width.removesuffix("px")) - 13 * label_em >= 200, name
