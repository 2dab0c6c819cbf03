"""Re-execute chapter notebooks in place, top to bottom in one fresh kernel, the way they are committed.

    python tools/run_notebooks.py                      # every notebook in notebooks/
    python tools/run_notebooks.py notebooks/05_*.ipynb # some of them

Stored outputs then come from one clean run (execution counts 1..N) and nbval can compare them.
Per-cell timestamps are not recorded, so re-running an unchanged notebook changes nothing but
images.  Widget state is stored, so JupyterLab shows the explorers before anything is run.
"""
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def run(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    start = time.perf_counter()
    # coalesce_streams: one stdout block per cell, however the kernel happened to flush it (a busy machine
    # splits a print into several stream messages, and the stored notebook would depend on the load).
    NotebookClient(nb, timeout=900, kernel_name="python3", record_timing=False, store_widget_state=True,
                   coalesce_streams=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    nbformat.write(nb, path)
    return time.perf_counter() - start


if __name__ == "__main__":
    paths = [Path(p) for p in sys.argv[1:]] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    for path in paths:
        print(f"{path.name:40s} {run(path):6.1f} s", flush=True)
