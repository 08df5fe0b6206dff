#!/usr/bin/env bash
# Set up .venv with the test tools (and headless Chromium for the report test), then run the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup_env.sh test
if [ -x scripts/install_browser.sh ]; then scripts/install_browser.sh; fi
exec .venv/bin/python -m pytest "$@"
