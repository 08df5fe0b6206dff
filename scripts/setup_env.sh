#!/usr/bin/env bash
# Create .venv at the repository root (once) and install rasad into it with the given extras.
# usage: scripts/setup_env.sh [EXTRAS]     e.g. scripts/setup_env.sh test
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "rasad needs Python 3.11 or newer; $python is $("$python" --version 2>&1). Set PYTHON=…" >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$python" -m venv .venv
spec="."; [ -n "$extras" ] && spec=".[$extras]"
stamp=".venv/.installed-${extras:-base}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e "$spec"
  touch "$stamp"
fi
