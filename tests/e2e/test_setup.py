"""scripts/setup.sh's decisions, run in a copy of the project with fake apt-get, dpkg-query and Pythons on PATH.

The fakes log what they were asked to do; PATH holds nothing else but the few tools the script needs, so the
machine's own Pythons and packages cannot leak in. `make build` and `make test` run the real thing (CI).
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from helpers import REPO

TOOLS = ("bash", "dirname", "mktemp", "rm", "tail", "grep", "id", "sha256sum", "cut", "cat", "mkdir", "chmod", "env")

FAKE_PYTHON = """#!/bin/bash
# A Python {version} that can make a venv (unless NO_ENSUREPIP is set) whose python logs pip's arguments.
echo "$0 $*" >> "$FAKE_LOG"
case "$1" in
  -c)
    case "$2" in
      *"version_info < (3, 11)"*) {too_old} ;;
      *"print("*) echo {version} ;;
      *ensurepip*) [ -z "$NO_ENSUREPIP" ] ;;
      *) exit 0 ;;
    esac ;;
  -m)
    [ "$2" = venv ] || exit 3
    [ -z "$NO_ENSUREPIP" ] || {{ echo "ensurepip is not available"; exit 1; }}
    target="${{@: -1}}"
    mkdir -p "$target/bin"
    cat > "$target/bin/python" <<'VENV'
#!/bin/bash
echo "venv-python $*" >> "$FAKE_LOG"
if [ "$1 $2" = "-m pip" ]; then
  if [ -n "$PIP_FAILS" ]; then
    echo "Collecting weasyprint"
    echo "ERROR: No matching distribution found for weasyprint>=66"
    exit 1
  fi
  echo "Successfully installed fanzha"
fi
exit 0
VENV
    chmod +x "$target/bin/python" ;;
esac
"""

FAKE_DPKG = """#!/bin/bash
# Installed: the packages listed in $INSTALLED (space-separated); the package name is the last argument.
for p in $INSTALLED; do
  if [ "$p" = "${@: -1}" ]; then echo -n "install ok installed"; exit 0; fi
done
exit 1
"""

FAKE_APT = """#!/bin/bash
echo "apt-get $*" >> "$FAKE_LOG"
if [ -n "$APT_FAILS" ] && [ "$1" != update ]; then
  echo "E: Unable to locate package $APT_FAILS"
  exit 100
fi
exit 0
"""

# Ubuntu reaches its Chromium snap through the chromium-browser package.
UBUNTU = "ID=ubuntu" in Path("/etc/os-release").read_text().splitlines() if Path("/etc/os-release").exists() else False
CHROMIUM_PACKAGE = "chromium-browser" if UBUNTU else "chromium"
ALL_PACKAGES = f"libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-cjk {CHROMIUM_PACKAGE}"


class Machine:
    """A copy of setup.sh and pyproject.toml, and a PATH of fakes."""

    def __init__(self, tmp: Path):
        self.root = tmp / "project"
        (self.root / "scripts").mkdir(parents=True)
        shutil.copy(REPO / "scripts" / "setup.sh", self.root / "scripts" / "setup.sh")
        shutil.copy(REPO / "pyproject.toml", self.root / "pyproject.toml")
        self.bin = tmp / "bin"
        self.bin.mkdir()
        for tool in TOOLS:
            os.symlink(shutil.which(tool), self.bin / tool)
        self.log = tmp / "calls.log"
        self.log.touch()
        self.fake("dpkg-query", FAKE_DPKG)
        self.fake("apt-get", FAKE_APT)
        self.fake("sudo", '#!/bin/bash\nexec "$@"\n')
        self.env = {"PATH": str(self.bin), "FAKE_LOG": str(self.log), "INSTALLED": ALL_PACKAGES,
                    "HOME": str(tmp), "TMPDIR": str(tmp)}

    def fake(self, name: str, text: str) -> None:
        path = self.bin / name
        path.write_text(text)
        path.chmod(path.stat().st_mode | stat.S_IXUSR)

    def python(self, name: str, version: str) -> None:
        too_old = "exit 1" if tuple(map(int, version.split("."))) < (3, 11) else "exit 0"
        self.fake(name, FAKE_PYTHON.format(version=version, too_old=too_old))

    def setup(self, purpose: str, **env: str) -> subprocess.CompletedProcess:
        self.log.write_text("")
        return subprocess.run(["/bin/bash", "scripts/setup.sh", purpose], cwd=self.root, capture_output=True,
                              text=True, env={**self.env, **env}, timeout=60)

    @property
    def calls(self) -> list[str]:
        return self.log.read_text().splitlines()

    def pip_installs(self) -> list[str]:
        return [line for line in self.calls if line.startswith("venv-python -m pip install")]


@pytest.fixture
def machine(tmp_path: Path) -> Machine:
    m = Machine(tmp_path)
    m.python("python3.11", "3.11")
    return m


def test_build_then_test_then_again_installs_each_once(machine):
    first = machine.setup("build")
    assert first.returncode == 0, first.stderr  # the first run on a fresh clone used to stop after pip, exit 2
    assert machine.pip_installs() == ["venv-python -m pip install --disable-pip-version-check -e ."]
    assert machine.setup("build").returncode == 0 and machine.pip_installs() == []
    test = machine.setup("test")
    assert test.returncode == 0, test.stderr
    assert machine.pip_installs() == ["venv-python -m pip install --disable-pip-version-check -e .[test,bench]"]
    for purpose in ("test", "build"):
        again = machine.setup(purpose)
        assert again.returncode == 0 and machine.pip_installs() == []
        assert again.stdout == "" and again.stderr == ""  # a no-op says nothing


def test_test_first_also_covers_a_later_build(machine):
    assert machine.setup("test").returncode == 0
    assert machine.setup("build").returncode == 0
    assert machine.pip_installs() == []


def test_a_changed_pyproject_reinstalls(machine):
    machine.setup("build")
    with open(machine.root / "pyproject.toml", "a") as handle:
        handle.write("\n# changed\n")
    assert machine.setup("build").returncode == 0
    assert len(machine.pip_installs()) == 1


def test_python3_is_taken_when_python311_is_absent_and_the_choice_is_said(tmp_path):
    machine = Machine(tmp_path)
    machine.python("python3", "3.12")  # Ubuntu 24.04
    result = machine.setup("build")
    assert result.returncode == 0, result.stderr
    assert "Python 3.12" in result.stdout and str(machine.bin / "python3") in result.stdout
    assert any(line.startswith(f"{machine.bin}/python3 -m venv") for line in machine.calls)


def test_an_old_python3_is_refused_in_chinese(tmp_path):
    machine = Machine(tmp_path)
    machine.python("python3", "3.9")
    result = machine.setup("build")
    assert result.returncode == 1
    assert "找不到 Python 3.11 或更新版本" in result.stderr and "PYTHON=" in result.stderr
    assert not (machine.root / ".venv").exists()


def test_PYTHON_overrides_and_a_bad_one_is_named(machine):
    machine.python("python3.13", "3.13")
    result = machine.setup("build", PYTHON="python3.13")
    assert result.returncode == 0 and "Python 3.13" in result.stdout
    shutil.rmtree(machine.root / ".venv")
    bad = machine.setup("build", PYTHON="python2.7")
    assert bad.returncode == 1 and "PYTHON=python2.7" in bad.stderr


def test_pip_failure_shows_its_tail_and_exits_nonzero(machine):
    result = machine.setup("build", PIP_FAILS="1")
    assert result.returncode == 1
    assert "安装失败" in result.stderr and "No matching distribution found for weasyprint" in result.stderr
    assert "怎么办" in result.stderr
    assert not (machine.root / ".venv" / ".fanzha-installed").exists()  # the next run tries again
    assert machine.setup("build").returncode == 0 and len(machine.pip_installs()) == 1


def test_missing_packages_are_installed_and_an_apt_failure_is_shown(machine):
    result = machine.setup("test", INSTALLED="libpango-1.0-0 libpangoft2-1.0-0")
    assert result.returncode == 0, result.stderr
    install = [line for line in machine.calls if line.startswith("apt-get") and " install " in line]
    assert install and install[0].endswith(f"libharfbuzz-subset0 fonts-noto-cjk {CHROMIUM_PACKAGE}")
    failed = machine.setup("build", INSTALLED="", APT_FAILS="libharfbuzz-subset0")
    assert failed.returncode == 1
    assert "apt-get install" in failed.stderr and "Unable to locate package" in failed.stderr


def test_a_python_without_ensurepip_gets_its_venv_package(tmp_path):
    machine = Machine(tmp_path)
    machine.python("python3", "3.12")
    result = machine.setup("build", NO_ENSUREPIP="1")
    install = [line for line in machine.calls if line.startswith("apt-get") and " install " in line]
    assert install and install[0].endswith("python3.12-venv")
    assert result.returncode == 1  # the fake python still has no ensurepip: the venv step fails, and says so
    assert "python3.12-venv" in result.stderr
