#!/usr/bin/env bash
# Install Debian's Chromium (headless, for the report page test) and Noto fonts (Arabic glyphs for
# the screenshots), if they are not there yet. Called by scripts/test.sh; safe to run again.
set -euo pipefail

PACKAGES=(chromium fonts-noto-core)

missing=()
for package in "${PACKAGES[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -eq 0 ]; then
    echo "browser ready: $(chromium --version 2>/dev/null || echo chromium)"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "installed ${missing[*]}: $(chromium --version 2>/dev/null || echo chromium)"
