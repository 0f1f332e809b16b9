#!/usr/bin/env bash
# The whole test suite, from a fresh machine: install, then pytest.
# The order of the tests is shuffled across the whole suite on every run (the seed is
# printed in pytest's header; `--random-order-seed=N` replays an order), so no test can
# lean on what ran before it.
# pytest's exit 5 ("no tests collected") is a failure here, never a pass.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --browser || exit $?
python3 -m pytest --random-order-bucket=global "$@"
status=$?
if [ "$status" = 5 ]; then
  echo "test.sh: pytest collected no tests; treating that as a failure" >&2
  exit 1
fi
exit "$status"
