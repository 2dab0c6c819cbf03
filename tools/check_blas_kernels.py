"""Do the notebooks' stored outputs hold on every CPU?  Run nbval once per OpenBLAS kernel and thread count.

    python tools/check_blas_kernels.py                          # every notebook, 5 kernels x 1 and 2 threads
    python tools/check_blas_kernels.py -j 2                     # two configurations at a time
    python tools/check_blas_kernels.py --notebooks notebooks/04_backpropagation.ipynb \\
        --kernels SkylakeX Sandybridge --threads 1

NumPy's OpenBLAS picks a kernel for the CPU it runs on (Haswell, SkylakeX on AVX-512, Zen,
Sandybridge, ...), and the kernel and the number of threads change the last bits of every
matrix product.  A long computation (a training run) can turn those bits into a different
printed number, so a notebook that passes nbval on the machine that stored its outputs can fail
on a student's.  This tool runs the test command's nbval part over the notebooks in a fresh
process for each (kernel, threads) pair, with the variables set for that process alone:

    OPENBLAS_CORETYPE=<kernel>   (and OPENBLAS_L2_SIZE removed; "default" changes neither)
    OPENBLAS_NUM_THREADS=<n>, OMP_NUM_THREADS=<n>
    NPY_ENABLE_CPU_FEATURES=...  NumPy's own SIMD code (exp, tanh, sums) limited to what that CPU has:
                                 AVX2 for Haswell and Zen, AVX for Sandybridge (--numpy-simd native: not set)

A second child with the same environment asks threadpoolctl which kernel OpenBLAS really
loaded first (a name OpenBLAS does not know falls back to another: "Zen" runs the Haswell
kernel).  When that child dies instead — SkylakeX on a CPU without AVX-512 loads, then stops
Python with SIGILL (Illegal instruction) at its first matrix product, and the notebooks' kernels
would die the same way while nbval waits for them — the configuration is not run and the matrix says "CPU can't"; check
it on a machine that has the instructions.  It prints the matrix and the failing cells, and exits
1 if any cell failed.

A developer tool, run by hand before committing notebooks; it takes a while (every notebook
runs once per configuration).  Tests and .ci/run never run it: they must not change the
machine's OpenBLAS variables.  Needs threadpoolctl (a dependency of the course).
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_KERNELS = ["default", "Haswell", "SkylakeX", "Zen", "Sandybridge"]
DEFAULT_THREADS = [1, 2]
# Kernel names OpenBLAS's DYNAMIC_ARCH build for x86-64 accepts in OPENBLAS_CORETYPE.
KNOWN_KERNELS = ["default", "Prescott", "Core2", "Penryn", "Dunnington", "Nehalem", "Atom", "Barcelona",
                 "Bobcat", "Bulldozer", "Piledriver", "Steamroller", "Excavator", "Sandybridge", "Haswell",
                 "SkylakeX", "Cooperlake", "SapphireRapids", "Zen"]

# NumPy's own SIMD loops (exp, tanh, log, ...) give different last bits with and without AVX-512, so a
# kernel's row also limits NumPy to the instructions that CPU has.  Old-style names: NumPy 2.2 to 2.5 accept them.
_SSE42 = "SSE SSE2 SSE3 SSSE3 SSE41 POPCNT SSE42"
NUMPY_FEATURES = {
    **dict.fromkeys(["Haswell", "Zen", "Excavator"], _SSE42 + " AVX F16C FMA3 AVX2"),
    **dict.fromkeys(["Sandybridge", "Bulldozer", "Piledriver", "Steamroller"], _SSE42 + " AVX"),
    **dict.fromkeys(["Prescott", "Core2", "Penryn", "Dunnington", "Nehalem", "Atom", "Barcelona", "Bobcat"], _SSE42),
}   # SkylakeX, Cooperlake, SapphireRapids and "default": NumPy uses whatever this CPU has

PROBE = ("import json, numpy, threadpoolctl; numpy.ones((64, 64)) @ numpy.ones((64, 64)); "   # a product: see CannotRun
         "print(json.dumps([i for i in threadpoolctl.threadpool_info() if i.get('internal_api') == 'openblas']))")


@dataclass
class Outcome:
    kernel: str
    threads: int
    ran: str = "?"                    # architecture threadpoolctl reported
    ran_threads: int | None = None
    passed: int = 0
    failed: list[str] = field(default_factory=list)
    numpy_simd: str = "match"
    error: str = ""                   # the run did not produce a report
    cannot_run: str = ""              # why NumPy cannot multiply matrices with this kernel on this CPU
    seconds: float = 0.0


def child_env(kernel: str, threads: int, numpy_simd: str = "match") -> dict[str, str]:
    """A copy of os.environ with this configuration's variables; os.environ itself is never changed."""
    env = dict(os.environ)
    if kernel != "default":
        env["OPENBLAS_CORETYPE"] = kernel
        env.pop("OPENBLAS_L2_SIZE", None)   # set together with CORETYPE on some machines: unset both
    if numpy_simd == "match" and kernel in NUMPY_FEATURES:
        env["NPY_ENABLE_CPU_FEATURES"] = NUMPY_FEATURES[kernel]
    env["OPENBLAS_NUM_THREADS"] = str(threads)
    env["OMP_NUM_THREADS"] = str(threads)
    env.pop("MPLBACKEND", None)             # the notebooks draw with the inline backend, as in JupyterLab
    return env


class CannotRun(Exception):
    """Python with NumPy dies at its first matrix product with this configuration on this CPU (e.g. SIGILL)."""


def probe(env: dict[str, str]) -> tuple[str, int | None]:
    """Which OpenBLAS kernel and thread count a Python started with ``env`` really gets; CannotRun when that
    Python is killed by a signal (an instruction this CPU does not have)."""
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, cwd=REPO)
    if done.returncode < 0:
        name = signal.Signals(-done.returncode).name if -done.returncode in signal.valid_signals() else "a signal"
        raise CannotRun(f"Python is killed by {name} at its first matrix product (this CPU lacks the kernel's "
                        "instructions)")
    if done.returncode != 0:
        return f"? ({done.stderr.strip().splitlines()[-1] if done.stderr.strip() else 'probe failed'})", None
    infos = json.loads(done.stdout)
    if not infos:
        return "? (NumPy is not using OpenBLAS)", None
    return infos[0].get("architecture", "?"), infos[0].get("num_threads")


def nbval_command(notebooks: list[str], junit: Path) -> list[str]:
    """The test command's nbval part: pyproject's addopts (--nbval, --nbval-current-env, the sanitizer)."""
    return [sys.executable, "-m", "pytest", *notebooks, "-p", "no:cacheprovider", "-q",
            "--nbval", "--nbval-current-env", "--nbval-sanitize-with", "tests/nbval_sanitize.cfg",
            f"--junitxml={junit}"]


def read_junit(path: Path) -> tuple[int, list[str]]:
    """(number passed, ids of the failed cells) from pytest's JUnit XML."""
    passed, failed = 0, []
    for case in ET.parse(path).getroot().iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            notebook = case.get("classname", "").rsplit(".", 1)[0].split(".")[-1]
            failed.append(f"{notebook}.ipynb::{case.get('name')}")
        elif case.find("skipped") is None:
            passed += 1
    return passed, failed


def run_one(kernel: str, threads: int, notebooks: list[str], numpy_simd: str = "match") -> Outcome:
    outcome = Outcome(kernel, threads, numpy_simd=numpy_simd)
    env = child_env(kernel, threads, numpy_simd)
    try:
        outcome.ran, outcome.ran_threads = probe(env)
    except CannotRun as exc:             # nbval would wait for kernels that die at once: don't start it
        outcome.ran, outcome.cannot_run = "-", str(exc)
        return outcome
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        junit = Path(tmp) / "nbval.xml"
        done = subprocess.run(nbval_command(notebooks, junit), env=env, cwd=REPO, capture_output=True, text=True)
        if junit.exists():
            outcome.passed, outcome.failed = read_junit(junit)
        else:
            tail = (done.stdout + done.stderr).strip().splitlines()[-3:]
            outcome.error = f"pytest exited {done.returncode} without a report: " + " | ".join(tail)
    outcome.seconds = time.perf_counter() - start
    return outcome


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="check_blas_kernels.py",
        description="Run nbval over the notebooks once per OpenBLAS kernel and thread count; print the matrix.",
        epilog="Each configuration runs in its own process with the variables set for it alone. "
               "Run by hand before committing notebooks; never from tests or CI.")
    parser.add_argument("--notebooks", nargs="+", metavar="PATH", default=["notebooks"],
                        help="notebooks or folders to check (default: notebooks)")
    parser.add_argument("--kernels", nargs="+", metavar="NAME", default=DEFAULT_KERNELS,
                        help="OPENBLAS_CORETYPE values; 'default' leaves the machine's setting alone "
                             f"(default: {' '.join(DEFAULT_KERNELS)})")
    parser.add_argument("--threads", nargs="+", type=int, metavar="N", default=DEFAULT_THREADS,
                        help="OPENBLAS_NUM_THREADS / OMP_NUM_THREADS values (default: 1 2)")
    parser.add_argument("--numpy-simd", choices=["match", "native"], default="match",
                        help="match: limit NumPy's own SIMD code to the kernel's CPU (AVX2 for Haswell/Zen, "
                             "AVX for Sandybridge); native: leave it alone (default: match)")
    parser.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                        help="configurations run at the same time (default: 1)")
    args = parser.parse_args(argv)
    by_lower = {k.lower(): k for k in KNOWN_KERNELS}
    unknown = [k for k in args.kernels if k.lower() not in by_lower]
    if unknown:
        parser.error(f"--kernels: unknown OpenBLAS kernel {', '.join(unknown)}; choose from {', '.join(KNOWN_KERNELS)}")
    args.kernels = list(dict.fromkeys(by_lower[k.lower()] for k in args.kernels))
    if any(n < 1 for n in args.threads):
        parser.error(f"--threads: thread counts must be at least 1; got {args.threads}")
    args.threads = list(dict.fromkeys(args.threads))
    if args.jobs < 1:
        parser.error(f"-j/--jobs must be at least 1; got {args.jobs}")
    missing = [p for p in args.notebooks if not (REPO / p).exists() and not Path(p).exists()]
    if missing:
        parser.error(f"--notebooks: no such file or folder: {', '.join(missing)}")
    return args


def print_matrix(outcomes: list[Outcome], kernels: list[str], threads: list[int]) -> None:
    cell = {(o.kernel, o.threads): o for o in outcomes}
    width = 22
    print()
    print(f"{'kernel asked -> ran':34s}" + "".join(f"{f'{n} thread' + ('s' if n > 1 else ''):>{width}s}" for n in threads))
    for kernel in kernels:
        ran = {cell[kernel, n].ran for n in threads}
        label = f"{kernel} -> {'/'.join(sorted(ran))}"
        if cell[kernel, threads[0]].numpy_simd == "match" and kernel in NUMPY_FEATURES:
            label += f", np {NUMPY_FEATURES[kernel].split()[-1]}"       # NumPy limited to AVX2, AVX, SSE42
        row = []
        for n in threads:
            o = cell[kernel, n]
            total = o.passed + len(o.failed)
            text = ("CPU can't" if o.cannot_run else "ERROR" if o.error else
                    f"ok {o.passed}/{total}" if not o.failed else f"FAIL {len(o.failed)}/{total}")
            if o.ran_threads not in (None, n):
                text += f" ({o.ran_threads} thr!)"
            row.append(f"{text:>{width}s}")
        print(f"{label:34s}" + "".join(row))
    print()
    for o in outcomes:
        if o.cannot_run:
            print(f"{o.kernel}, {o.threads} thread(s): not checked: {o.cannot_run}; check it on a CPU that has them.")
        if o.error:
            print(f"{o.kernel}, {o.threads} thread(s): {o.error}")
        for name in o.failed:
            print(f"{o.kernel}, {o.threads} thread(s): failed {name}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
        print("check_blas_kernels.py is run by hand: CI (CI=true) must not change the OpenBLAS variables.",
              file=sys.stderr)
        return 2
    configs = [(k, n) for k in args.kernels for n in args.threads]
    print(f"{len(configs)} configurations x nbval over {' '.join(args.notebooks)}; {args.jobs} at a time; "
          f"NumPy SIMD: {args.numpy_simd} "
          f"(load {Path('/proc/loadavg').read_text().split()[0] if Path('/proc/loadavg').exists() else '?'})",
          flush=True)

    def job(config):
        o = run_one(*config, args.notebooks, args.numpy_simd)
        status = o.cannot_run or o.error or f"{o.passed} passed, {len(o.failed)} failed"
        print(f"  {o.kernel:>12s} (ran {o.ran}), {o.threads} thread(s): {status}, {o.seconds:.0f} s", flush=True)
        return o

    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        outcomes = list(pool.map(job, configs))
    print_matrix(outcomes, args.kernels, args.threads)
    return 0 if all(not o.failed and not o.error for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
