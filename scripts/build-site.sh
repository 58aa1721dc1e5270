#!/usr/bin/env bash
# Install the project into .venv, draft facts for any new article in seeds/
# (files an editor changed or reviewed are kept as they are), and build site/.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
.venv/bin/python -m generator extract --seeds seeds --facts facts
.venv/bin/python -m generator check --facts facts --seeds seeds
.venv/bin/mkdocs build --strict
echo "built site/ — open site/index.html, or preview with: .venv/bin/mkdocs serve"
