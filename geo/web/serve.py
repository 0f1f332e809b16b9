"""``python -m geo.web.serve run PAGE [flags]``: ``streamlit run`` that prepares the first page.

The same command line as ``streamlit run`` (its arguments are handed over unchanged); before
the server starts listening it works out what the page's first run needs (``geo.web.warmup``)
for the event store the page will open, so that the first visitor after a start does not
wait for it: a few seconds for 100,000 events, said on the terminal, and nothing for a
small store. Done before the server starts, the work has both cores to itself instead of
sharing the interpreter with a server already answering.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from geo.store.store import default_db_path
from geo.web.warmup import prepare_first_view


def main(argv: Sequence[str] | None = None) -> None:
    """Start the warm-up, then Streamlit's command line with ``argv`` (by default this
    process's arguments); Streamlit exits the process when it stops."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    prepare_first_view(str(default_db_path()))
    from streamlit.web.cli import main as streamlit_main

    streamlit_main(args=arguments, prog_name="streamlit")


if __name__ == "__main__":
    main()
