#!/usr/bin/env bash
# Install what the Neo4j Browser end-to-end test (tests/e2e) needs: Debian's Chromium and its chromedriver.
# Nothing is downloaded from anywhere but the Debian archive; the Python driver (selenium) is a dev extra of
# the project and is pointed at /usr/bin/chromedriver, so Selenium Manager never fetches a browser.
# Idempotent: a second run only checks. Needs root (or sudo) for apt-get.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  echo "== chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo 'version unknown')"
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "malikg: run as root, or install sudo, to apt-get chromium" >&2; exit 2; }
  sudo="sudo"
fi
echo "== installing Debian's chromium and chromium-driver"
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends chromium chromium-driver fonts-liberation
/usr/bin/chromium --version
