"""Re-execute chapter notebooks in place, top to bottom in one fresh kernel, the way they are committed.

    python tools/run_notebooks.py                      # every chapter of both editions: notebooks/, notebooks/ja/
    python tools/run_notebooks.py notebooks/05_*.ipynb # some of them

Stored outputs then come from one clean run (execution counts 1..N) and nbval can compare them.
Per-cell timestamps are not recorded, so re-running an unchanged notebook changes nothing but
images.  Widget state is stored, so JupyterLab shows the explorers before anything is run — only the
models of widgets an output displays (see ``prune_widget_state``).
"""
import json
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def chapters() -> list[Path]:
    """Every chapter of both editions: notebooks/*.ipynb (English), then notebooks/ja/*.ipynb (日本語)."""
    return sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "notebooks" / "ja").glob("*.ipynb"))


WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
_MODEL_REF = re.compile(r"IPY_MODEL_([0-9a-f]{32})")


def shown_widget_models(nb) -> set[str]:
    """The widget models a student can see: those displayed in an output, and every model they refer to
    (children, layouts, styles: "IPY_MODEL_<id>" in their state)."""
    models = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    todo = [output["data"][WIDGET_VIEW]["model_id"] for cell in nb.cells for output in cell.get("outputs", [])
            if WIDGET_VIEW in output.get("data", {})]
    keep = set()
    while todo:
        model_id = todo.pop()
        if model_id in keep or model_id not in models:
            continue
        keep.add(model_id)
        todo += _MODEL_REF.findall(json.dumps(models[model_id]))
    return keep


def prune_widget_state(nb) -> None:
    """Keep only the saved widget models that a displayed widget needs.  nbclient saves every model the
    kernel ever made — e.g. explorers built only to compute a table — and their pictures made a chapter
    megabytes larger to open, with nothing more to see."""
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE)
    if state:
        keep = shown_widget_models(nb)
        state["state"] = {k: v for k, v in state["state"].items() if k in keep}


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
    prune_widget_state(nb)
    nbformat.write(nb, path)
    return time.perf_counter() - start


if __name__ == "__main__":
    paths = [Path(p) for p in sys.argv[1:]] or chapters()
    for path in paths:
        name = path.resolve().relative_to(ROOT / "notebooks").as_posix() if path.resolve().is_relative_to(
            ROOT / "notebooks") else path.name
        print(f"{name:40s} {run(path):6.1f} s", flush=True)
