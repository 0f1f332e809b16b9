"""The ``conflictmap`` command: the argument parser and one function per command.

The only package that sees ``argparse``; the library below it takes typed arguments.
"""
