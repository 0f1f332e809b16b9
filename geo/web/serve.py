"""``python -m geo.web.serve run PAGE [flags]``: ``streamlit run`` that prepares the first page.

The same command line as ``streamlit run`` (its arguments are handed over unchanged); before
the server starts, a background thread begins working out what the page's first run needs
(``geo.web.warmup``) for the event store the page will open, so that the first visitor
after a start does not wait for it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from geo.store.store import default_db_path
from geo.web.warmup import start_warm_up


def main(argv: Sequence[str] | None = None) -> None:
    """Start the warm-up, then Streamlit's command line with ``argv`` (by default this
    process's arguments); Streamlit exits the process when it stops."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    start_warm_up(str(default_db_path()))
    from streamlit.web.cli import main as streamlit_main

    streamlit_main(args=arguments, prog_name="streamlit")


if __name__ == "__main__":
    main()
