#!/usr/bin/env bash
# Runs the map on the embedded demo data, from a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
. scripts/python.sh
choose_python
# streamlit run, with the first page prepared as the server starts (geo/web/serve.py).
exec python3 -m geo.web.serve run app.py --server.headless true "$@"
