#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests (installs it when absent).
set -eu
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null; then
  echo "Chromium is missing: install Debian's package 'chromium' (apt-get install -y chromium) as root" >&2
  exit 1
fi
SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
echo "installing Chromium (Debian package) for the browser tests..." >&2
$SUDO apt-get update >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium >/dev/null
