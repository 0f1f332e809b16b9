"""``python -m geo.cli``: the same as the ``conflictmap`` command."""

from geo.cli.main import main

main()
