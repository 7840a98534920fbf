"""The code stays as pyproject.toml's [tool.ruff] settings ask (line length, pyflakes, pycodestyle)."""

import subprocess
import sys

from helpers import REPO


def test_ruff_check_is_clean():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--quiet", str(REPO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
