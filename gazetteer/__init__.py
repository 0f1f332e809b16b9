"""The offline place database: build, normalise, look up, geocode.

Importing this package does no work; the cache is opened or built only when
``open_gazetteer`` is called.
"""
