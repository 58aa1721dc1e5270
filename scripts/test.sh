#!/usr/bin/env bash
# Install the project with its test dependencies into .venv and run every test.
# The browser tests drive Debian's chromium; as root (CI) it is installed here,
# elsewhere they are skipped when no chromium is present (and fail under CI=true).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null
  else
    echo "note: no chromium found: the browser tests will be skipped"
  fi
fi
exec .venv/bin/python -m pytest "$@"
