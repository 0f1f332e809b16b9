# shellcheck shell=bash
# Sourced by install.sh, app.sh and test.sh: which Python conflictmap is installed into and run with.
#
# Inside an active virtualenv, or with CONFLICTMAP_USE_CURRENT_PYTHON=1 (an image that already
# has everything), the scripts use `python3` as it is. Otherwise they use the project's own
# virtualenv, .venv, so that a system Python whose pip refuses to install anything
# (PEP 668: "externally-managed-environment", as Debian's) works as well as any other.

PROJECT_VENV=.venv

in_virtualenv() {
  [ -n "${VIRTUAL_ENV:-}" ] && return 0
  python3 -c 'import sys; sys.exit(sys.prefix == sys.base_prefix)' 2>/dev/null
}

use_current_python() {
  [ "${CONFLICTMAP_USE_CURRENT_PYTHON:-0}" = 1 ] || in_virtualenv
}

# What `activate` does: the project's virtualenv first on PATH, so python3, the conflictmap
# command and streamlit come from it, here and in every process the script starts.
enter_project_venv() {
  export VIRTUAL_ENV="$PWD/$PROJECT_VENV"
  export PATH="$VIRTUAL_ENV/bin:$PATH"
  unset PYTHONHOME
}

# Uses the current Python or enters the project's virtualenv, as the rules above say.
choose_python() {
  if ! use_current_python; then
    enter_project_venv
  fi
}
