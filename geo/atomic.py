"""Atomic file output lives in the lowest layer, ``gazetteer.files``; this name stays
for the callers not yet moved to it."""

from gazetteer.files import atomic_path, atomic_text

__all__ = ["atomic_path", "atomic_text"]
