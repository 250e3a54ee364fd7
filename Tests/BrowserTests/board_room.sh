#!/usr/bin/env bash
# The board room in a real browser: installs Debian's chromium and chromium-driver and PyPI's
# selenium when missing, then runs board_room.py against the built binary.
# Usage: Tests/BrowserTests/board_room.sh [path/to/symbiosis]   (default .build/debug/symbiosis)
set -euo pipefail
cd "$(dirname "$0")/../.."
binary="${1:-.build/debug/symbiosis}"
if ! command -v chromedriver >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1; then
  apt-get install -y -qq chromium chromium-driver >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null; }
fi
python3 -c "import selenium" >/dev/null 2>&1 || python3 -m pip install -q selenium
exec python3 Tests/BrowserTests/board_room.py "$binary"
