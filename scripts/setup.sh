#!/usr/bin/env bash
# 准备运行环境：缺少的 Debian 软件包用 apt-get 安装，项目装进 .venv/。
# 用法：scripts/setup.sh build   （生成网站和 PDF 所需）
#       scripts/setup.sh test    （另加运行测试所需的 chromium）
set -euo pipefail
cd "$(dirname "$0")/.."

purpose="${1:-build}"
python="${PYTHON:-python3.11}"

# libharfbuzz-subset0: without it WeasyPrint falls back to fontTools and is ~65x slower.
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-cjk)
if [ "$purpose" = test ]; then
  packages+=(chromium)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "正在安装缺少的系统软件包：${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "缺少系统软件包：${missing[*]}" >&2
    echo "本机没有 apt-get，请用系统的包管理器安装它们（Pango、libharfbuzz-subset、Noto CJK 字体${purpose:+、chromium}），" >&2
    echo "例如在 Fedora 上：dnf install pango harfbuzz google-noto-sans-cjk-fonts google-noto-serif-cjk-fonts chromium" >&2
    exit 1
  fi
fi

if ! command -v "$python" >/dev/null 2>&1; then
  echo "找不到 $python：请安装 Python 3.11 或更新版本，或用 PYTHON=python3.x make build 指定。" >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  echo "正在创建虚拟环境 .venv/"
  "$python" -m venv .venv
fi

# Reinstall only when pyproject.toml changed since the last install.
stamp=.venv/.fanzha-installed
want="$(sha256sum pyproject.toml | cut -c1-64) $purpose"
if [ ! -f "$stamp" ] || ! grep -qxF "$want" "$stamp"; then
  extras=""
  [ "$purpose" = test ] && extras="[test,bench]"
  echo "正在把 fanzha 安装进 .venv/"
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".$extras"
  # A test install also satisfies a later build; keep both lines.
  { echo "$want"; [ "$purpose" = test ] && echo "${want% test} build"; } > "$stamp"
fi
