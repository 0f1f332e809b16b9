"""Articles in, events out: reading, geoparsing, event typing, storage, exports, the CLI.

Importing this package loads no model and opens no file.
"""
