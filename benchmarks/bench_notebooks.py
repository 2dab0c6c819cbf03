"""How long does each chapter take to run from a fresh kernel?

    python benchmarks/bench_notebooks.py                    # both editions: notebooks/*.ipynb, notebooks/ja/*.ipynb
    python benchmarks/bench_notebooks.py 05 06              # only names starting with 05 or 06 (both editions)
    python benchmarks/bench_notebooks.py --edition ja       # only the Japanese edition
    python benchmarks/bench_notebooks.py --notebooks DIR

Each notebook is executed top to bottom in its own new kernel (nbclient, on a
temporary copy, so the repository's notebooks are not rewritten).  Reported:
kernel start-up and execution time separately, the slowest cell, and whether
the chapter meets its target — ≤ 20 s per chapter, ≤ 60 s for 06_mnist and 07_training_better (they
train networks).  A measurement, not a test: it exits 1 only when a
notebook fails to run (a missed target is shown, not an error).
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

REPO = Path(__file__).resolve().parents[1]
DEFAULT_TARGET_S = 20.0
TARGETS_S = {"06": 60.0, "07": 60.0}  # chapter prefix -> target in seconds (06, 07 train on MNIST)
CELL_TIMEOUT_S = 600


def target_for(name: str) -> float:
    return TARGETS_S.get(name[:2], DEFAULT_TARGET_S)


def run_notebook(path: Path) -> dict:
    """Execute ``path`` in a fresh kernel; return timings (s) and any error."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=CELL_TIMEOUT_S, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO)] + [p for p in [os.environ.get("PYTHONPATH")] if p])
    result = {"name": path.name, "startup": 0.0, "run": 0.0, "slowest": (0.0, -1), "error": None}
    t0 = time.perf_counter()
    try:
        with client.setup_kernel(env=env):
            t1 = time.perf_counter()
            result["startup"] = t1 - t0
            for index, cell in enumerate(nb.cells):
                start = time.perf_counter()
                client.execute_cell(cell, index)
                took = time.perf_counter() - start
                if took > result["slowest"][0]:
                    result["slowest"] = (took, index)
            result["run"] = time.perf_counter() - t1
    except (CellExecutionError, CellTimeoutError) as exc:
        result["error"] = str(exc).strip().splitlines()[-1][:200]
        result["run"] = time.perf_counter() - t0 - result["startup"]
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("prefixes", nargs="*", help="only notebooks whose name starts with one of these")
    parser.add_argument("--notebooks", type=Path, default=REPO / "notebooks")
    parser.add_argument("--edition", choices=("en", "ja", "both"), default="both",
                        help="English (the folder), Japanese (its ja/ subfolder) or both (default)")
    args = parser.parse_args(argv)

    folders = {"en": [args.notebooks], "ja": [args.notebooks / "ja"],
               "both": [args.notebooks, args.notebooks / "ja"]}[args.edition]
    paths = [p.relative_to(args.notebooks) for folder in folders for p in sorted(folder.glob("*.ipynb"))
             if not args.prefixes or p.name.startswith(tuple(args.prefixes))]
    if not paths:
        print(f"no notebooks matching {args.prefixes or '*'} in {args.notebooks}")
        return 1
    print(f"python {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}; "
          f"one fresh kernel per notebook\n")
    width = max(len("notebook"), *(len(p.as_posix()) for p in paths))
    header = f"{'notebook':<{width}} {'start':>6} {'run':>7} {'target':>7}  {'ok':<4} slowest cell"
    print(header)
    print("-" * len(header))
    failed = False
    with tempfile.TemporaryDirectory(prefix="bench_nb_") as tmp:
        work = Path(tmp) / "notebooks"
        shutil.copytree(args.notebooks, work, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        if (args.notebooks.parent / "data").is_dir():
            (Path(tmp) / "data").symlink_to((args.notebooks.parent / "data").resolve(), target_is_directory=True)
        for path in paths:
            r = run_notebook(work / path)
            r["name"] = path.as_posix()
            target = target_for(path.name)
            ok = "FAIL" if r["error"] else ("yes" if r["run"] <= target else "SLOW")
            slowest_s, slowest_i = r["slowest"]
            print(f"{r['name']:<{width}} {r['startup']:>5.1f}s {r['run']:>6.1f}s {target:>6.0f}s  {ok:<4} "
                  f"cell {slowest_i} ({slowest_s:.1f} s)", flush=True)
            if r["error"]:
                print(f"    error: {r['error']}")
                failed = True
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print("\nrun = all cells after the kernel is up (the target applies to it); start = kernel start-up.")
    print(f"load average at the end: {load:.1f} on {os.cpu_count()} cores (other work inflates the times).")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
