"""Kernel-side update time of every explorer: from setting a control's ``.value`` until the new PNG is in
the ``ipywidgets.Image`` (compute + artists + render + PNG encode). The browser adds ≈ 10–30 ms on top.

For the neuron explorer it also times two slower ways of doing the same thing:
  naive       — a new pyplot figure for every change, saved as PNG with bbox_inches="tight" (what an
                ``interact`` callback drawing with pyplot does under the inline backend);
  full redraw — the figure built once, but every artist redrawn on each change (no blitting).

    python benchmarks/bench_explorers.py [--repeat 50] [--tradeoffs]

--tradeoffs also times the neuron, activation and Hubble explorers at other pixel ratios (1, 1.5, 2 PNG pixels
per CSS px) and image encodings (this PNG encoder, Pillow's PNG, JPEG/WebP for comparison), with the
median size of an image: what sharpness on a HiDPI screen costs.

Target: every explorer ≤ 20 ms median (a line at the end names the slowest).  Run it on a quiet machine
(the load average is printed: above ~1 per core the numbers are inflated).
"""
from __future__ import annotations

import argparse
import io
import os
import time

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)
import numpy as np  # noqa: E402

from PIL import Image as PILImage  # noqa: E402

from course_lib.activations import get_activation  # noqa: E402
from course_lib.datasets import load_mnist  # noqa: E402
from course_lib.explorers import (  # noqa: E402
    ActivationExplorer, GradientDescentExplorer, HubbleLineExplorer, LetterPadExplorer, LogicGateExplorer,
    MNISTBrowser, NetworkDesignerExplorer, NetworkExplorer, NeuronExplorer, PatternNeuronExplorer, PlaygroundExplorer,
    WeightQuizExplorer, base,
)
from course_lib.explorers.designer import WIDTHS  # noqa: E402
from course_lib.mlp import MLP  # noqa: E402
from course_lib.neuron import BINARY_INPUTS  # noqa: E402

from bench_playground import TARGET_MS as PLAYGROUND_TARGET_MS  # noqa: E402  (this folder)
from bench_playground import frame_times as playground_frames  # noqa: E402


TARGET_MS = 20


def time_changes(explorer, set_value, values):
    """Median and 90th percentile (ms) of set_value(v) → PNG in explorer.image, over ``values``."""
    times = []
    for v in values:
        start = time.perf_counter()
        set_value(v)
        assert explorer.image.value == explorer.png()      # the new PNG is in the widget
        times.append(time.perf_counter() - start)
    return 1000 * np.median(times), 1000 * np.percentile(times, 90)


def slider_setter(explorer, name):
    def set_value(v):
        explorer.sliders[name].value = v
    return set_value


def sweep(low, high, n, step):
    """n values across [low, high] on the slider's step, never the same twice in a row."""
    values = np.round(np.linspace(low, high, n) / step) * step
    values[1::2] = values[1::2][::-1]          # zig-zag so consecutive values differ a lot
    return [float(v) for v in values]


def naive_neuron_png(w1, w2, b, activation="step"):
    """A new pyplot figure each time, as a typical interact callback would draw it."""
    f = get_activation(activation).f
    grid = np.linspace(-0.5, 1.5, 81)
    X1, X2 = np.meshgrid(grid, grid)
    fig, (ax, tx) = plt.subplots(1, 2, figsize=NeuronExplorer.figsize, dpi=base.CSS_DPI * base.PIXEL_RATIO)
    im = ax.imshow(f(w1 * X1 + w2 * X2 + b), origin="lower", extent=(-0.5, 1.5, -0.5, 1.5), vmin=0, vmax=1)
    fig.colorbar(im, ax=ax)
    t = np.array([-0.5, 1.5])
    ax.plot(t, -(w1 * t + b) / w2, "w--")
    ax.set_xlim(-0.5, 1.5)
    ax.set_ylim(-0.5, 1.5)
    ax.scatter(BINARY_INPUTS[:, 0], BINARY_INPUTS[:, 1], c="white", edgecolors="black")
    z = BINARY_INPUTS @ np.array([w1, w2]) + b
    for (x1, x2), a in zip(BINARY_INPUTS, f(z)):
        ax.text(x1 + 0.06, x2 + 0.06, f"{a:.2f}")
    tx.axis("off")
    for r, ((x1, x2), zz, a) in enumerate(zip(BINARY_INPUTS, z, f(z))):
        tx.text(0.1, 0.7 - 0.15 * r, f"{x1:.0f}   {x2:.0f}   {zz:.2f}   {a:.2f}", family="monospace")
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def _pillow_encoder(fmt, **options):
    """An encoder like base._encode_png but through Pillow (for the trade-off table)."""
    def encode(canvas):
        buf = io.BytesIO()
        rgba = PILImage.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        rgba.convert("RGB").save(buf, format=fmt, **options)
        return buf.getvalue()
    return encode


ENCODERS = {
    "PNG, no row filter (used)": base._encode_png,
    "PNG, Pillow level 1": _pillow_encoder("png", compress_level=1),
    "JPEG q90 4:4:4": _pillow_encoder("jpeg", quality=90, subsampling=0),
    "WebP q90": _pillow_encoder("webp", quality=90, method=0),
}


def tradeoffs(n):
    """Median ms per change and KiB per image for pixel ratios × encoders (neuron, activation, Hubble)."""
    cases = [("neuron (w1)", NeuronExplorer, "w1", sweep(-3, 3, n, 0.1)),
             ("activation (w)", ActivationExplorer, "w", sweep(-5, 5, n, 0.1)),
             ("Hubble line (a)", HubbleLineExplorer, "a", sweep(0, 1000, n, 1))]
    saved = base.PIXEL_RATIO, base._encode_png
    print(f"\n{'explorer':<16}  ratio  {'encoding':<26}  pixels      median ms  KiB")
    try:
        for label, cls, name, values in cases:
            for ratio in (1, 1.5, 2):
                for enc_label, encoder in ENCODERS.items():
                    if ratio != 2 and enc_label != "PNG, no row filter (used)":
                        continue
                    sizes = []

                    def counting(canvas, encoder=encoder):
                        data = encoder(canvas)
                        sizes.append(len(data))
                        return data
                    base.PIXEL_RATIO, base._encode_png = ratio, counting
                    ex = cls()
                    median, _ = time_changes(ex, slider_setter(ex, name), values)
                    w, h = ex.canvas.get_width_height()
                    print(f"{label:<16}  {ratio:5.1f}  {enc_label:<26}  {w:4d}×{h:<4d}  {median:9.1f}  "
                          f"{np.median(sizes) / 1024:5.0f}")
    finally:
        base.PIXEL_RATIO, base._encode_png = saved


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, help="changes per explorer (default 50)")
    parser.add_argument("--tradeoffs", action="store_true", help="also time other pixel ratios and encodings")
    parser.add_argument("--pixel-ratio", type=float, default=base.PIXEL_RATIO,
                        help=f"PNG pixels per CSS px (default {base.PIXEL_RATIO}: sharp on a HiDPI screen)")
    args = parser.parse_args()
    n = args.repeat
    base.PIXEL_RATIO = args.pixel_ratio

    load1, load5, _ = os.getloadavg()
    print(f"load average before: {load1:.2f} (1 min), {load5:.2f} (5 min) on {os.cpu_count()} cores; {n} changes each")
    print(f"images: {base.CSS_DPI} CSS px per inch, {base.PIXEL_RATIO} PNG pixels per CSS px")

    X_test, y_test = load_mnist("test", flatten=True, normalize=True)
    mnist_model = MLP([784, 128, 10], ["relu", "softmax"], rng=0)   # untrained: same cost as a trained one

    rows = []

    def run(label, explorer, set_value, values):
        median, p90 = time_changes(explorer, set_value, values)
        rows.append((label, median, p90))
        return median

    neuron = NeuronExplorer()
    blit = run("NeuronExplorer (w1)", neuron, slider_setter(neuron, "w1"), sweep(-3, 3, n, 0.1))
    run("LogicGateExplorer (b)", (ex := LogicGateExplorer(w1=1, w2=1)), slider_setter(ex, "b"), sweep(-3, 3, n, 0.1))
    ex = PatternNeuronExplorer()
    run("PatternNeuronExplorer (b)", ex, slider_setter(ex, "b"), sweep(-9, 9, n, 0.5))
    run("PatternNeuronExplorer (pixel)", ex,
        lambda i: setattr(ex.pixels[i % 9], "value", not ex.pixels[i % 9].value), range(n))
    run("ActivationExplorer (w)", (ex := ActivationExplorer()), slider_setter(ex, "w"), sweep(-5, 5, n, 0.1))
    run("NetworkExplorer (n3_b)", (ex := NetworkExplorer()), slider_setter(ex, "n3_b"), sweep(-3, 3, n, 0.1))
    ex = LetterPadExplorer()
    run("LetterPadExplorer (pixel)", ex,
        lambda i: setattr(ex.pixels[i % 12], "value", not ex.pixels[i % 12].value), range(n))
    run("WeightQuizExplorer (weight)", (ex := WeightQuizExplorer()), slider_setter(ex, "weight"), sweep(-8, 4, n, 0.5))
    run("HubbleLineExplorer (a)", (ex := HubbleLineExplorer()), slider_setter(ex, "a"), sweep(0, 1000, n, 1))
    ex = GradientDescentExplorer(steps=100)
    lrs = GradientDescentExplorer.LR_VALUES                 # the learning rates the slider offers
    run("GradientDescentExplorer (lr)", ex, slider_setter(ex, "lr"),
        [lrs[int(i)] for i in sweep(0, len(lrs) - 1, n, 1)])
    # steps: a drag from 1 to 200 (monotone, like a real drag); the loss axis grows 4 times → 4 full redraws.
    ex = GradientDescentExplorer()
    run("GradientDescentExplorer (steps, drag)", ex, slider_setter(ex, "steps"),
        [int(v) for v in np.linspace(1, 200, n).round()])
    ex = MNISTBrowser(mnist_model, X_test, y_test)
    run("MNISTBrowser (index)", ex, slider_setter(ex, "index"), [int(v) for v in sweep(0, 9999, n, 1)])
    # the designer's sliders only redraw (training runs on its button), so no trainer is called here;
    # a new width changes the captions (a cached layer); only 2 → 4 → 8 neurons change the circles drawn.
    ex = NetworkDesignerExplorer(lambda hidden, epochs: None, epochs=1)
    run("NetworkDesignerExplorer (epochs)", ex, slider_setter(ex, "epochs"), [1 + (3 * i) % 10 for i in range(n)])
    run("NetworkDesignerExplorer (width)", ex, slider_setter(ex, "width"),
        [WIDTHS[int(i)] for i in sweep(0, len(WIDTHS) - 1, n, 1)])

    explorer_rows = list(rows)
    # The playground (chapters 3 and 8) plays frames rather than following a slider: one frame = one epoch of
    # training + the redraw, for the default network (2 hidden layers × 4 neurons, 500 points). Its target is
    # 50 ms (benchmarks/bench_playground.py has the details).
    whole, _ = playground_frames(PlaygroundExplorer("circle"), n)
    playground_ms = 1000 * np.median(whole)
    rows.append(("PlaygroundExplorer (one frame of play)", playground_ms, 1000 * np.percentile(whole, 90)))
    # The same neuron explorer without blitting: every artist redrawn (figure still built once).
    neuron_full = NeuronExplorer()

    def full_redraw(v):
        neuron_full._invalidate()
        neuron_full.sliders["w1"].value = v
    full = run("NeuronExplorer, full redraw (no blit)", neuron_full, full_redraw, sweep(-3, 3, n, 0.1))

    naive_times = []
    for v in sweep(-3, 3, n, 0.1):
        start = time.perf_counter()
        naive_neuron_png(v, 1.0, -0.5)
        naive_times.append(time.perf_counter() - start)
    naive = 1000 * np.median(naive_times)
    rows.append(("naive: new pyplot figure per change", naive, 1000 * np.percentile(naive_times, 90)))

    width = max(len(r[0]) for r in rows)
    print(f"\n{'explorer (control)':<{width}}  median ms  p90 ms")
    print(f"{'-' * width}  ---------  ------")
    for label, median, p90 in rows:
        print(f"{label:<{width}}  {median:9.1f}  {p90:6.1f}")
    print(f"\nneuron explorer: naive / blitted = {naive / blit:.1f}×;  full redraw / blitted = {full / blit:.1f}×")
    if args.tradeoffs:
        tradeoffs(n)
    label, slowest, _ = max(explorer_rows, key=lambda r: r[1])
    verdict = "within" if slowest <= TARGET_MS else "OVER"
    print(f"slowest explorer: {label} {slowest:.1f} ms median — {verdict} the {TARGET_MS} ms target")
    verdict = "within" if playground_ms <= PLAYGROUND_TARGET_MS else "OVER"
    print(f"playground: one frame {playground_ms:.1f} ms median — {verdict} its {PLAYGROUND_TARGET_MS} ms target")
    load1, load5, _ = os.getloadavg()
    print(f"load average after: {load1:.2f} (1 min), {load5:.2f} (5 min)")


if __name__ == "__main__":
    main()
