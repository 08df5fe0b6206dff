#!/usr/bin/env bash
# Set up .venv if needed, run rasad on the shared seed reports, and say where the output is.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup_env.sh
out="${1:-out/seeds}"
.venv/bin/rasad run ../shared/corpus/seeds --out "$out"
echo "open $out/report.html in a browser; the export is $out/rasad.json"
