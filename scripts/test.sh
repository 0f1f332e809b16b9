#!/usr/bin/env bash
# The whole test suite, from a fresh machine: install, then pytest.
# pytest's exit 5 ("no tests collected") is a failure here, never a pass.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --browser || exit $?
python3 -m pytest "$@"
status=$?
if [ "$status" = 5 ]; then
  echo "test.sh: pytest collected no tests; treating that as a failure" >&2
  exit 1
fi
exit "$status"
