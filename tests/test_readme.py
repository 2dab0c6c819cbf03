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


# ---------------------------------------------------------------- README.ja.md, the Japanese edition's README
JA_OPEN = f"{SETUP} && .venv/bin/jupyter lab notebooks/ja/00_start_here.ipynb"


def test_readme_links_the_japanese_readme_at_the_top():
    head = (ROOT / "README.md").read_text(encoding="utf-8").split("\n## ", 1)[0]
    assert "README.ja.md" in head


def test_japanese_readme_shows_the_same_two_commands():
    readme = (ROOT / "README.ja.md").read_text(encoding="utf-8")
    assert JA_OPEN in readme
    assert re.search(rf"^{re.escape(TEST)}$", readme, re.M)


def test_japanese_readme_lists_every_japanese_chapter():
    readme = (ROOT / "README.ja.md").read_text(encoding="utf-8")
    chapters = sorted((ROOT / "notebooks" / "ja").glob("*.ipynb"))
    assert chapters
    for notebook in chapters:
        assert notebook.name in readme, f"README.ja.md does not list {notebook.name}"


def test_japanese_readme_covers_language_pack_fonts_and_instructors():
    readme = (ROOT / "README.ja.md").read_text(encoding="utf-8")
    for words in ("Settings", "Language", "日本語", "fonts-ipaexfont-gothic", "set_language",
                  "projector_mode", "course_lib.slides"):
        assert words in readme, f"README.ja.md should mention {words}"
