"""The CLI starts fast: importing it loads neither the engine nor pandas, numpy or scipy."""

from __future__ import annotations

import subprocess
import sys

from airshield.cli.report import FORMAT_NAMES
from airshield.cli.wta import SOLVERS

HEAVY = ("numpy", "pandas", "scipy", "pyproj", "pydantic", "matplotlib", "airshield.engine", "airshield.world", "rich")


def test_importing_the_cli_loads_nothing_heavy():
    code = ("import sys, airshield, airshield.cli.main\n"
            f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "", f"airshield --help would import: {loaded}"


def test_version_and_help_run_without_the_api():
    code = ("import sys\nfrom airshield.cli.main import main\n"
            "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
            "print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "version" in out and out.strip().endswith("False")


def test_lists_kept_in_the_cli_match_the_packages():
    from airshield.report.exports import FORMATS
    from airshield.wta import SOLVER_NAMES
    assert FORMAT_NAMES == tuple(sorted(FORMATS))
    assert SOLVERS == SOLVER_NAMES[:3]
