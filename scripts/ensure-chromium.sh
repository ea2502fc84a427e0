#!/bin/sh
# Make sure Debian's chromium is installed for the browser tests (tests/browser/).
# Playwright drives it through executable_path=/usr/bin/chromium; no browser is downloaded.
set -eu
CHROMIUM="${PARLEY_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "error: $CHROMIUM missing; run: sudo apt-get update && sudo apt-get install -y chromium" >&2
    exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
test -x "$CHROMIUM"
