"""Speed of course_lib's MLP on MNIST, and the same network in PyTorch (CPU) for comparison.

The lecture's network 784-128(ReLU)-10(softmax), Adam (lr 1e-3), batch 128, 5 epochs, on the real
MNIST (60 000 training images, float32 in [0, 1]), cross-entropy with label smoothing ε = 0.1 (the
targets 1/0 become 0.91/0.01, see ``course_lib.losses.smooth_targets``); test accuracy after every epoch.
Targets: test accuracy >= 97.5 % within 5 epochs; course_lib s/epoch <= PyTorch fused Adam's.

    python benchmarks/bench_mlp.py                  # both frameworks, 3 runs each (seeds 0, 1, 2)
    python benchmarks/bench_mlp.py --repeat 10      # 10 seeds: accuracy spread as well as speed
    python benchmarks/bench_mlp.py --label-smoothing 0   # plain one-hot targets (about 97.3 %)
    python benchmarks/bench_mlp.py --repeat 1 --threads 1
    python benchmarks/bench_mlp.py --wait-idle 120   # on a shared machine: wait for idle CPUs per run
    python benchmarks/bench_mlp.py --framework numpy    # one run in this process (what the children do)

Each run happens in a fresh subprocess (no warm caches, no memory left over from the other framework),
with the same number of threads for NumPy's BLAS and for PyTorch.  Run r uses seed ``--seed + r`` for
the initial weights and the shuffling, so the accuracy summary shows the spread over random starts.
"s/epoch" is the time of the training loop of one epoch (shuffle, forward, loss, backward, update,
running loss/accuracy as ``fit`` reports them); the test-set evaluation after each epoch is not
timed.  "torch-plain" is the same PyTorch loop without the running loss/accuracy (a lower bound for
PyTorch).  PyTorch is optional (``pip install torch==2.13.0``, the ``bench`` extra); without it only
course_lib is measured.  The load average and idle CPU share are printed, because other processes on
a shared machine make the numbers noisy (``--wait-idle`` waits for idle CPUs before each run).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))   # run from a checkout without installing


def run_numpy(args):
    from course_lib.datasets import load_mnist
    from course_lib.mlp import MLP
    from course_lib.optim import Adam
    from course_lib.train import fit

    X, y = load_mnist("train", flatten=True, normalize=True)        # float32 in [0, 1]
    X_test, y_test = load_mnist("test", flatten=True, normalize=True)
    net = MLP([784, 128, 10], ["relu", "softmax"], rng=args.seed, dtype=np.float32)   # as PyTorch
    start = time.perf_counter()
    history = fit(net, X, y, epochs=args.epochs, batch_size=args.batch_size, optimizer=Adam(lr=1e-3),
                  label_smoothing=args.label_smoothing, X_val=X_test, T_val=y_test, rng=args.seed,
                  progress=False)
    wall = time.perf_counter() - start
    for epoch, (s, acc) in enumerate(zip(history.seconds, history.val_acc), 1):
        print(f"course_lib  epoch {epoch}  {s:.3f} s  test acc {acc:.4f}", flush=True)
    return {"seconds": history.seconds, "test_acc": history.val_acc, "wall": wall, "variant": "course_lib Adam"}


def run_torch(args, metrics=True):
    import torch
    from course_lib.datasets import load_mnist

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    X, y = load_mnist("train", flatten=True, normalize=True)
    X_test, y_test = load_mnist("test", flatten=True, normalize=True)
    X, y, X_test, y_test = (torch.from_numpy(v) for v in (X, y, X_test, y_test))
    model = torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
    # softmax + cross-entropy on the logits, against the same smoothed targets (1 − ε)·T + ε/K
    loss_fn = torch.nn.CrossEntropyLoss(label_smoothing=args.label_smoothing)
    try:
        opt = torch.optim.Adam(model.parameters(), lr=1e-3, fused=True)   # one kernel for all parameters
        variant = "fused"
    except (RuntimeError, TypeError, ValueError):                         # older builds: no CPU fused Adam
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        variant = "default"
    gen = torch.Generator().manual_seed(args.seed)
    seconds, test_acc = [], []
    start_all = time.perf_counter()
    for epoch in range(1, args.epochs + 1):
        start = time.perf_counter()
        model.train()
        order = torch.randperm(X.shape[0], generator=gen)
        total_loss, correct = 0.0, 0
        for i in range(0, X.shape[0], args.batch_size):
            idx = order[i:i + args.batch_size]
            xb, yb = X[idx], y[idx]
            out = model(xb)
            loss = loss_fn(out, yb)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            if metrics:                                         # the same work as course_lib's fit:
                total_loss += loss.item() * len(idx)            # running loss and accuracy
                correct += (out.argmax(1) == yb).sum().item()
        seconds.append(time.perf_counter() - start)
        with torch.no_grad():
            model.eval()
            test_acc.append((model(X_test).argmax(1) == y_test).float().mean().item())
        print(f"{'pytorch' if metrics else 'torch-plain':<11} epoch {epoch}  {seconds[-1]:.3f} s  "
              f"test acc {test_acc[-1]:.4f}", flush=True)
    return {"seconds": seconds, "test_acc": test_acc, "wall": time.perf_counter() - start_all,
            "variant": f"torch Adam ({variant}){'' if metrics else ', no metrics'}"}


def child(args):
    result = {"numpy": run_numpy, "torch": run_torch,
              "torch-plain": lambda a: run_torch(a, metrics=False)}[args.framework](args)
    if args.framework == "numpy":
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        result["library"] = f"NumPy {np.__version__}, {blas['name']} {blas['version']}"
    else:
        import torch
        result["library"] = f"PyTorch {torch.__version__}, MKL {torch.backends.mkl.is_available()}, " \
                            f"threads {torch.get_num_threads()}"
    print("RESULT " + json.dumps(result), flush=True)


def cpu_idle(seconds=2.0):
    """Fraction of all CPUs' time that was idle during the next ``seconds`` (Linux); None elsewhere."""
    def sample():
        with open("/proc/stat") as fh:
            values = [int(v) for v in fh.readline().split()[1:9]]
        return sum(values), values[3] + values[4]              # total, idle + iowait
    try:
        total1, idle1 = sample()
        time.sleep(seconds)
        total2, idle2 = sample()
    except OSError:
        return None
    return (idle2 - idle1) / max(1, total2 - total1)


def wait_for_idle(max_wait):
    """Wait (up to max_wait s) until the CPUs are >= 90 % idle, so that another process does not
    share the cores with the measurement; returns the idle fraction seen last."""
    deadline = time.monotonic() + max_wait
    idle = cpu_idle()
    while idle is not None and idle < 0.9 and time.monotonic() < deadline:
        idle = cpu_idle()
    return idle


def parent(args):
    frameworks = ["numpy", "torch", "torch-plain"] if importlib.util.find_spec("torch") else ["numpy"]
    if len(frameworks) == 1:
        print("PyTorch is not installed: measuring course_lib only (pip install torch==2.13.0 to compare).")
    env = dict(os.environ, OMP_NUM_THREADS=str(args.threads), OPENBLAS_NUM_THREADS=str(args.threads),
               MKL_NUM_THREADS=str(args.threads))
    print(f"threads: {args.threads} (NumPy BLAS and PyTorch)   cores: {os.cpu_count()}   "
          f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')}")
    print(f"784-128(ReLU)-10(softmax), Adam lr 1e-3, batch {args.batch_size}, label smoothing "
          f"{args.label_smoothing:g}, {args.epochs} epochs, {args.repeat} fresh process(es) per framework "
          f"(seeds {args.seed}…{args.seed + args.repeat - 1})")
    runs = {f: [] for f in frameworks}
    loads = []
    for r in range(args.repeat):
        for f in frameworks:               # alternate, so that a busy moment hurts both alike
            idle = wait_for_idle(args.wait_idle) if args.wait_idle else cpu_idle()
            load = os.getloadavg()[0]
            loads.append(load)
            idle_text = "" if idle is None else f", CPUs {100 * idle:.0f} % idle"
            print(f"--- run {r + 1}/{args.repeat}: {f}  (load average {load:.2f}{idle_text})", flush=True)
            cmd = [sys.executable, __file__, "--framework", f, "--epochs", str(args.epochs),
                   "--batch-size", str(args.batch_size), "--threads", str(args.threads),
                   "--seed", str(args.seed + r), "--label-smoothing", str(args.label_smoothing)]
            proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
            lines = proc.stdout.splitlines()
            print("\n".join(line for line in lines if not line.startswith("RESULT ")), flush=True)
            if proc.returncode != 0:
                sys.exit(f"{f} run failed:\n{proc.stderr}")
            runs[f].append(json.loads(next(line for line in lines if line.startswith("RESULT "))[7:]))
    # Per-epoch times from all runs: the median is robust to a moment when another process took the
    # cores; the minimum is what the code does on a quiet machine.  Epoch 1 includes one-time set-up.
    print()
    print(f"{'':<34}{'s/epoch':>9}{'min':>8}{'mean':>8}   test acc after epochs 1..{args.epochs} (run 1)")
    median, best = {}, {}
    for f, rs in runs.items():
        times = [t for r in rs for t in r["seconds"]]
        median[f], best[f] = statistics.median(times), min(times)
        accs = " ".join(f"{a:.4f}" for a in rs[0]["test_acc"])
        print(f"{rs[0]['variant']:<34}{median[f]:>9.3f}{best[f]:>8.3f}{statistics.mean(times):>8.3f}   {accs}")
    print(f"(s/epoch: median over {args.repeat} run(s) x {args.epochs} epochs; min: fastest epoch)")
    for f, rs in runs.items():
        print(f"{f}: {rs[0]['library']}")
    print(f"load average (1 min) before the runs: {min(loads):.2f} … {max(loads):.2f}; now {os.getloadavg()[0]:.2f}")
    for f in ("torch", "torch-plain"):
        if f in median:
            print(f"ratio course_lib / {runs[f][0]['variant']}:  median {median['numpy'] / median[f]:.2f}   "
                  f"min {best['numpy'] / best[f]:.2f}   (<= 1.0: course_lib is at least as fast)")
    print()
    print(f"test accuracy after epoch {args.epochs}, seeds {args.seed}…{args.seed + args.repeat - 1}:")
    for f in ("numpy", "torch"):
        if f in runs:
            print("  " + accuracy_summary(runs[f][0]["variant"], [r["test_acc"] for r in runs[f]]))


def accuracy_summary(name, test_acc, target=0.975):
    """One line: final test accuracy (mean, min, max over runs) and in how many runs some epoch reached target."""
    final = [acc[-1] for acc in test_acc]
    reached = sum(max(acc) >= target for acc in test_acc)
    return (f"{name:<20} mean {100 * statistics.mean(final):.2f} %  min {100 * min(final):.2f} %  "
            f"max {100 * max(final):.2f} %   >= {100 * target:.1f} % within {len(test_acc[0])} epochs: "
            f"{reached}/{len(test_acc)} runs")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--framework", choices=["numpy", "torch", "torch-plain"],
                   help="run one framework in this process (torch-plain: no running loss/accuracy)")
    p.add_argument("--epochs", type=int, default=5)
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--seed", type=int, default=0, help="seed of the first run; run r uses seed + r")
    p.add_argument("--label-smoothing", type=float, default=0.1, metavar="EPS",
                   help="ε of the smoothed targets (1 - ε)·T + ε/K; 0 for plain one-hot targets")
    p.add_argument("--wait-idle", type=float, default=0, metavar="SECONDS",
                   help="before each run wait up to SECONDS for >= 90%% idle CPUs (shared machines)")
    args = p.parse_args(argv)
    if args.framework:
        child(args)
    else:
        parent(args)


if __name__ == "__main__":
    main()
