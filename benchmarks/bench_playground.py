"""Kernel-side frame time of the playground (``PlaygroundExplorer``): one frame = one epoch of training
(250 training points of the 500, batches of 10 → 25 ``train_step`` calls) + the redraw (every neuron's picture,
the connections, the loss curves) + the PNG in the ``ipywidgets.Image``.  This is what each frame of play
costs; the browser adds the transfer and decoding of the image on top.

    python benchmarks/bench_playground.py [--frames 60] [--hidden-layers 2] [--neurons 4] [--dataset circle]

It prints the median and 90th percentile over the frames, how much of a frame is training, and the machine's
load average (above ~1 per core the numbers are inflated).  Target: median ≤ 50 ms for the default network
(2 hidden layers × 4 neurons, 500 points).
"""
from __future__ import annotations

import argparse
import os
import time

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402

from course_lib.explorers import PlaygroundExplorer  # noqa: E402
from course_lib.explorers.playground import train_epoch  # noqa: E402

TARGET_MS = 50


def frame_times(ex, frames):
    """Seconds per ``ex.step()`` (train one epoch + redraw + PNG), and per training epoch alone."""
    ex.step()                                   # warm up: workspaces, caches
    whole, training = [], []
    for _ in range(frames):
        start = time.perf_counter()
        ex.step()
        whole.append(time.perf_counter() - start)
        assert ex.image.value == ex.png()       # the new PNG is in the widget
    st = ex.state
    for _ in range(frames):
        start = time.perf_counter()
        train_epoch(ex.net, ex.X_train, ex._data.T_train, ex._data.loss, ex.optimizer, st["batch_size"],
                    np.random.default_rng(0))
        training.append(time.perf_counter() - start)
    return np.array(whole), np.array(training)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=60)
    parser.add_argument("--dataset", default="circle")
    parser.add_argument("--hidden-layers", type=int, default=2)
    parser.add_argument("--neurons", type=int, default=4)
    args = parser.parse_args(argv)
    ex = PlaygroundExplorer(args.dataset, hidden_layers=args.hidden_layers, neurons=args.neurons)
    whole, training = frame_times(ex, args.frames)
    load1, load5, _ = os.getloadavg()
    median = 1000 * np.median(whole)
    width, height = ex.canvas.get_width_height()
    print(f"playground {args.dataset}, {' → '.join(map(str, ex.net.sizes))}, {len(ex.X_train)} training points, "
          f"batch {ex.state['batch_size']}, PNG {width}×{height} px")
    print(f"frame (1 epoch + redraw + PNG): median {median:.1f} ms, 90th percentile "
          f"{1000 * np.percentile(whole, 90):.1f} ms over {args.frames} frames; training alone median "
          f"{1000 * np.median(training):.1f} ms; PNG {len(ex.png()) / 1024:.0f} KB")
    print(f"load average {load1:.2f} (1 min), {load5:.2f} (5 min) on {os.cpu_count()} cores")
    print(f"target ≤ {TARGET_MS} ms median: {'met' if median <= TARGET_MS else 'NOT met'} "
          f"(≈ {1000 / median:.0f} frames per second kernel-side)")
    return median


if __name__ == "__main__":
    main()
