#!/usr/bin/env bash
# The whole test suite, from a fresh machine: install, then the linters (ruff check,
# ruff format --check, mypy), then pytest. Any of them failing fails the run; pytest runs
# even when a linter failed, so one run tells everything.
# The order of the tests is shuffled across the whole suite on every run (the seed is
# printed in pytest's header; `--random-order-seed=N` replays an order), so no test can
# lean on what ran before it.
# pytest's exit 5 ("no tests collected") is a failure here, never a pass.
# The tests run on two workers (pytest-xdist), as CI has two cores; arguments go to pytest after
# that: `bash scripts/test.sh -n 0` runs one process, `bash scripts/test.sh tests/test_dates.py` one file.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
bash scripts/install.sh --browser --train || exit $?
. scripts/python.sh
choose_python

failed=()
python3 -m ruff check --quiet . || failed+=("ruff check")
python3 -m ruff format --check --quiet . || failed+=("ruff format --check")
python3 -m mypy || failed+=("mypy")

# One test at a time to each worker (not a quarter of the suite up front): with the slow tests
# first (tests/conftest.py), whichever worker is free takes the next, and both end together.
python3 -m pytest -n 2 --maxschedchunk=1 --random-order-bucket=global "$@"
status=$?
if [ "$status" = 5 ]; then
  echo "test.sh: pytest collected no tests; treating that as a failure" >&2
  status=1
fi
if [ "${#failed[@]}" -gt 0 ]; then
  echo "test.sh: failed: ${failed[*]}" >&2
  [ "$status" = 0 ] && status=1
fi
exit "$status"
