"""Install the course's default Jupyter settings into this Python environment.

    python tools/install_jupyter_settings.py            # copy them in (idempotent), say where
    python tools/install_jupyter_settings.py --check    # exit 1 if they are missing or out of date
    python tools/install_jupyter_settings.py --prefix P # another environment (default: sys.prefix)

What it installs: tools/jupyter_settings/course_lib.json5 as
<prefix>/share/jupyter/lab/settings/overrides.d/course_lib.json5, where JupyterLab and Jupyter
Notebook 7 read default settings for everybody using that environment.  The file lets the arrow keys
reach a focused slider in Notebook 7 (it explains why, with the upstream issue).

Why a script: pyproject.toml lists the file as data-files, which `pip install .` installs, but an
editable install (`pip install -e .`, what the README does) skips data files (setuptools
installs only the package), so the README's set-up runs this script after pip.
"""
from __future__ import annotations

import argparse
import filecmp
import shutil
import sys
from pathlib import Path

SOURCE = Path(__file__).resolve().parent / "jupyter_settings" / "course_lib.json5"
TARGET_DIR = Path("share", "jupyter", "lab", "settings", "overrides.d")


def target(prefix: str | Path = sys.prefix) -> Path:
    """Where the settings file goes in the environment at ``prefix``."""
    return Path(prefix) / TARGET_DIR / SOURCE.name


def is_installed(prefix: str | Path = sys.prefix) -> bool:
    """True when ``prefix`` holds an up-to-date copy of the settings file."""
    path = target(prefix)
    return path.is_file() and filecmp.cmp(SOURCE, path, shallow=False)


def install(prefix: str | Path = sys.prefix) -> Path:
    """Copy the settings file into ``prefix`` (creating the folders); return where it went."""
    path = target(prefix)
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, path)
    return path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prefix", default=sys.prefix,
                        help="the environment to install into (default: this Python's, %(default)s)")
    parser.add_argument("--check", action="store_true",
                        help="only check: exit 1 if the settings are missing or out of date")
    args = parser.parse_args(argv)
    if args.check:
        if is_installed(args.prefix):
            print(f"up to date: {target(args.prefix)}")
            return 0
        print(f"missing or out of date: {target(args.prefix)} "
              f"(run: {Path(sys.executable).name} tools/install_jupyter_settings.py)", file=sys.stderr)
        return 1
    print(f"Jupyter settings installed: {install(args.prefix)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
