"""How fast is the browser-only (JupyterLite) site?  Build it, serve it, open it in headless Chromium.

    python benchmarks/bench_lite.py                    # build into a temporary folder, then measure everything
    python benchmarks/bench_lite.py --site _site       # measure an already built site
    python benchmarks/bench_lite.py 00 01 ja/05        # only the chapters whose path starts with these
    python benchmarks/bench_lite.py --drags 30         # slider moves timed (default 20)

Printed: build time and site size (and what takes the room); for every chapter the time from opening it
to an idle kernel (Pyodide start + the kernel's packages) and the Run-All time; one MNIST epoch of chapter 6's
network on the 10 000 images the site trains on and on all 60 000; the kernel-ready time when the same browser
opens a chapter again; the slider latency — mouse release on chapter 01's NeuronExplorer handle → new figure
image — as median/min/max.  Targets: kernel
ready ≤ 15 s, each chapter ≤ 60 s, slider ≤ 150 ms median.  Every figure comes with the load average:
on a shared machine the numbers are inflated by whatever else runs.

A measurement, not a test: exit status 1 only when the site cannot be built or a chapter does not run
clean (tests/test_lite.py is the test).  Needs what the test needs (Chromium, playwright, the [test] extra).
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET_KERNEL_S, TARGET_CHAPTER_S, TARGET_SLIDER_MS = 15.0, 60.0, 150.0


def _load(name: str, path: Path):
    sys.path.insert(0, str(path.parent))           # test_lite imports notebook_support from tests/
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_average() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.1f}/{five:.1f} (1/5 min) on {os.cpu_count()} cores"


def mark(value: float, target: float) -> str:
    return "ok" if value <= target else f"over the {target:g} target"


def sizes(site: Path) -> str:
    def du(p: Path) -> float:
        return sum(f.stat().st_size for f in p.rglob("*") if f.is_file()) / 1e6
    parts = {"Pyodide + Python packages": site / "static" / "pyodide", "JupyterLab app": site / "build",
             "extensions": site / "extensions", "notebooks": site / "files" / "notebooks",
             "data": site / "files" / "data"}
    return ", ".join(f"{name} {du(p):.1f} MB" for name, p in parts.items() if p.exists())


MNIST_EPOCHS = """
import time, numpy as np
from course_lib.datasets import load_mnist
from course_lib.mlp import MLP
from course_lib.train import fit
start = time.perf_counter()
X, y = load_mnist("train", flatten=True, all_in_browser=True)
X = X / 255.0
load = time.perf_counter() - start
def epoch(n):
    net = MLP([784, 128, 10], ["relu", "softmax"], rng=0, dtype=np.float64)
    start = time.perf_counter()
    fit(net, X[:n], y[:n], epochs=1, batch_size=128, optimizer="adam", lr=0.001, rng=0, progress=False)
    return time.perf_counter() - start
first = epoch(512)                  # the first products import SciPy's BLAS (course_lib/_platform.py)
times = {n: epoch(n) for n in (10_000, 60_000)}
print(f"MNIST in the site, chapter 6's network (float64, Adam, batch 128), one epoch: on 10,000 images "
      f"{times[10_000]:.1f} s, on all 60,000 {times[60_000]:.1f} s; loading all 60,000 images {load:.1f} s; "
      f"first 512 images {first:.1f} s (SciPy's import)")
"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("prefixes", nargs="*", help="only chapters whose path (e.g. 05_…, ja/05_…) starts so")
    parser.add_argument("--site", type=Path, help="an already built site (default: build one now)")
    parser.add_argument("--drags", type=int, default=20, help="slider moves to time (default 20)")
    parser.add_argument("--no-mnist", dest="mnist", action="store_false",
                        help="skip timing one MNIST epoch on 10 000 and on 60 000 images in the site")
    args = parser.parse_args(argv)

    tl = _load("test_lite", REPO / "tests" / "test_lite.py")
    print(f"# JupyterLite site benchmark — {platform.platform()}, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            builder = tl.load_builder()
            print(f"building ({load_average()}) …", flush=True)
            try:
                result = builder.build(Path(tmp) / "_site", builder.DEFAULT_CACHE, offline=False, release=None)
            except builder.BuildError as exc:
                print(f"cannot build the site: {exc}")
                return 1
            site = result["output"]
            print(f"build: {result['seconds']:.1f} s ({load_average()})")
        total = sum(f.stat().st_size for f in site.rglob("*") if f.is_file()) / 1e6
        print(f"site size: {total:.1f} MB — {sizes(site)}")

        chapters = [c for c in tl.CHAPTERS if not args.prefixes or c.startswith(tuple(args.prefixes))]
        failed, rows = [], []
        with tl.serve(site) as url, tl.chromium() as browser:
            for chapter in chapters:
                lp = tl.LitePage(browser, url)
                try:
                    ready = lp.open(f"notebooks/{chapter}")
                    start = time.perf_counter()
                    status = lp.run_all(chapter)
                    seconds = time.perf_counter() - start
                    problems = lp.problems(status)
                except BaseException as exc:  # noqa: BLE001 - pytest.fail inside run_all, timeouts, …
                    ready, seconds, problems = float("nan"), float("nan"), [f"{type(exc).__name__}: {exc}"]
                finally:
                    lp.close()
                rows.append((chapter, ready, seconds))
                note = "clean" if not problems else "PROBLEMS: " + "; ".join(problems)[:300]
                if problems:
                    failed.append(chapter)
                print(f"{chapter:40s} kernel ready {ready:5.1f} s ({mark(ready, TARGET_KERNEL_S)}), "
                      f"Run All {seconds:6.1f} s ({mark(seconds, TARGET_CHAPTER_S)}); {note}; {load_average()}",
                      flush=True)

            # Chapter 6's training in the browser: one epoch of its 784-128-10 network on the 10 000 images the site uses
            # and on all 60 000 (load_mnist(..., all_in_browser=True)), in the site's kernel.
            mnist_chapter = next((c for c in tl.CHAPTERS if c.startswith("06_")), None)
            if mnist_chapter and args.mnist:
                lp = tl.LitePage(browser, url)
                try:
                    lp.open(f"notebooks/{mnist_chapter}")
                    result = lp.execute(MNIST_EPOCHS, timeout=900)
                    print(result["stdout"].strip() or result, f"; {load_average()}", flush=True)
                finally:
                    lp.close()

            # A student who comes back: the same browser (its HTTP cache and compiled WebAssembly) opens a chapter again.
            start_chapter = next((c for c in tl.CHAPTERS if c.startswith("00_")), None)
            if start_chapter:
                lp = tl.LitePage(browser, url)
                try:
                    cold = lp.open(f"notebooks/{start_chapter}")
                    warm = lp.open(f"notebooks/{start_chapter}")
                    print(f"kernel ready, {start_chapter}: first visit {cold:.1f} s, opened again in the same browser "
                          f"{warm:.1f} s ({mark(warm, TARGET_KERNEL_S)}); {load_average()}", flush=True)
                finally:
                    lp.close()

            first = next((c for c in tl.CHAPTERS if c.startswith("01_")), None)
            if first and args.drags > 0:
                lp = tl.LitePage(browser, url)
                try:
                    lp.open(f"notebooks/{first}")
                    lp.run_all(first)
                    explorer = tl.Explorer(lp, "NeuronExplorer")
                    times = [explorer.drag(0.75 if i % 2 == 0 else 0.25) for i in range(args.drags)]
                    median = statistics.median(times)
                    print(f"slider drag (mouse move) → new image, {first} NeuronExplorer, {args.drags} moves: "
                          f"median {median:.0f} ms, min {min(times):.0f}, max {max(times):.0f} "
                          f"({mark(median, TARGET_SLIDER_MS)}); {load_average()}")
                    keys = [explorer.key("ArrowLeft" if i % 2 == 0 else "ArrowRight") for i in range(args.drags)]
                    print(f"arrow key → new image: median {statistics.median(keys):.0f} ms, "
                          f"min {min(keys):.0f}, max {max(keys):.0f}; {load_average()}")
                finally:
                    lp.close()
        done = [r for r in rows if r[2] == r[2]]
        if done:
            print(f"kernel ready: median {statistics.median(r[1] for r in done):.1f} s; Run All: total "
                  f"{sum(r[2] for r in done):.0f} s, slowest {max(done, key=lambda r: r[2])[0]} "
                  f"{max(r[2] for r in done):.1f} s")
    if failed:
        print(f"chapters with problems: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
