"""The README's two commands are the contract: .ci/run must run exactly them."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETUP = ('python3 -m venv .venv && .venv/bin/pip install -e ".[test]"'
         " && .venv/bin/python tools/install_jupyter_settings.py")
TEST = ".venv/bin/python -m pytest"


def test_readme_shows_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"{SETUP} && .venv/bin/jupyter lab" in readme
    assert re.search(rf"^{re.escape(TEST)}$", readme, re.M)


def test_ci_runs_the_readme_commands():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    lines = [line.strip() for line in ci.splitlines()]
    assert SETUP in lines and TEST in lines
    assert lines.index(SETUP) < lines.index(TEST)


def test_readme_lists_every_chapter():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        assert notebook.name in readme, f"README does not list {notebook.name}"
