#!/usr/bin/env bash
# 准备运行环境：缺少的 Debian/Ubuntu 软件包用 apt-get 安装，项目装进 .venv/。
# 用法：scripts/setup.sh build   （生成网站和 PDF 所需）
#       scripts/setup.sh test    （另加运行测试所需的 chromium 和测试用的 Python 包）
# 环境变量：PYTHON=python3.12 指定用哪个 Python。
# 第二次运行什么也不装：系统软件包已齐、pyproject.toml 没变时直接结束。
set -euo pipefail
cd "$(dirname "$0")/.."

purpose="${1:-build}"
case "$purpose" in
  build | test) ;;
  *) echo "用法：scripts/setup.sh build 或 scripts/setup.sh test" >&2; exit 2 ;;
esac

# The tail of a failed step's output, with what to do, instead of a silent stop under set -e.
log="$(mktemp "${TMPDIR:-/tmp}/fanzha-setup.XXXXXX")"
trap 'rm -f "$log"' EXIT

fail() {  # fail "what failed" "what to do"
  echo "安装失败：$1。" >&2
  if [ -s "$log" ]; then
    echo "---- 输出的最后 25 行 ----" >&2
    tail -n 25 "$log" >&2
    echo "--------------------------" >&2
  fi
  echo "怎么办：$2" >&2
  exit 1
}

# --- Python: PYTHON if given, else python3.11, else python3 when it is 3.11 or newer ---------------------------------

usable() {  # a Python 3.11 or newer
  command -v "$1" >/dev/null 2>&1 && "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1
}

if [ -n "${PYTHON:-}" ]; then
  usable "$PYTHON" || fail "PYTHON=$PYTHON 不是可用的 Python 3.11 或更新版本" \
    "把 PYTHON 设成已安装的 python3.11、python3.12 或更新版本，或者去掉 PYTHON= 让本脚本自己找"
  python="$PYTHON"
else
  python=""
  for candidate in python3.11 python3 python3.13 python3.12; do
    if usable "$candidate"; then python="$candidate"; break; fi
  done
  [ -n "$python" ] || fail "找不到 Python 3.11 或更新版本（python3.11、python3 都不行）" \
    "安装 Python 3.11 或更新版本（Debian 12：sudo apt-get install python3 python3-venv），或用 PYTHON=python3.x make build 指定"
fi
python_version="$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"

# --- system packages ----------------------------------------------------------------------------------------------

# libharfbuzz-subset0: without it WeasyPrint falls back to fontTools and is ~65x slower.
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-cjk)
if [ "$purpose" = test ]; then
  # Ubuntu ships Chromium as a snap, reached through the chromium-browser package; Debian as the chromium package.
  if grep -qs '^ID=ubuntu' /etc/os-release; then packages+=(chromium-browser); else packages+=(chromium); fi
fi
# A Python without ensurepip (Debian's and Ubuntu's own, before python3.X-venv is installed) cannot make a venv.
needs_venv_package=""
if [ ! -x .venv/bin/python ] && ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  needs_venv_package="python${python_version}-venv"
  packages+=("$needs_venv_package")
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
elif [ -n "$needs_venv_package" ]; then
  fail "$python 不能创建虚拟环境（缺少 ensurepip）" "用系统的包管理器安装 Python 的 venv 模块，或用 PYTHON= 指定另一个 Python"
else
  # Not Debian or Ubuntu: nothing to ask the package manager; fanzha itself says what is missing when it runs.
  echo "本机不是 Debian/Ubuntu，跳过系统软件包检查；需要 Pango、libharfbuzz-subset、Noto CJK 字体$([ "$purpose" = test ] && echo "、chromium")。"
fi

if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    fail "缺少系统软件包：${missing[*]}" "本机没有 apt-get，请用系统的包管理器安装它们后再运行"
  fi
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "缺少系统软件包：${missing[*]}，而当前用户不是 root、也没有 sudo" \
      "请管理员运行：apt-get install ${missing[*]}"
    sudo="sudo"
  fi
  echo "正在安装缺少的系统软件包：${missing[*]}"
  $sudo apt-get update -qq >"$log" 2>&1 || fail "apt-get update 出错" \
    "检查网络和 /etc/apt/sources.list 里的软件源，然后重新运行"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    >"$log" 2>&1 || fail "apt-get install ${missing[*]} 出错" \
    "按上面的输出处理（软件包名不对时换成本系统的名称），或手工安装这些软件包后重新运行"
fi

# --- the virtual environment and the project in it ----------------------------------------------------------------

if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys' >/dev/null 2>&1; then
  echo "正在用 $(command -v "$python")（Python $python_version）创建虚拟环境 .venv/"
  "$python" -m venv --clear .venv >"$log" 2>&1 || fail "用 $python 创建虚拟环境出错" \
    "安装 python${python_version}-venv，或用 PYTHON=python3.x 换一个 Python，然后重新运行"
fi

# Reinstall only when pyproject.toml changed since the last install; a test install also satisfies a build.
stamp=.venv/.fanzha-installed
hash="$(sha256sum pyproject.toml | cut -c1-64)"
if [ ! -f "$stamp" ] || ! grep -qxF "$hash $purpose" "$stamp"; then
  extras=""
  [ "$purpose" = test ] && extras="[test,bench]"
  echo "正在把 fanzha 安装进 .venv/（第一次需要几分钟）"
  .venv/bin/python -m pip install --disable-pip-version-check -e ".$extras" >"$log" 2>&1 || fail \
    "pip 没能把 fanzha$extras 装进 .venv/" \
    "按上面的输出处理（常见原因：没有网络、磁盘已满）；改好后重新运行，已下载的包不会重复下载"
  if [ "$purpose" = test ]; then
    printf '%s test\n%s build\n' "$hash" "$hash" >"$stamp"
  else
    printf '%s build\n' "$hash" >"$stamp"
  fi
fi
