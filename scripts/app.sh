#!/usr/bin/env bash
# Runs the map on the embedded demo data, from a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
. scripts/python.sh
choose_python
exec python3 -m streamlit run app.py --server.headless true "$@"
