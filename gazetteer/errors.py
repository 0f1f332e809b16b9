"""One root exception for the package; each subclass also inherits the builtin it means."""


class GazetteerError(Exception):
    """Root of every error this package raises."""


class GazetteerDataError(GazetteerError, OSError):
    """The cache or a source file is missing, unreadable, truncated or corrupt."""


class GazetteerQueryError(GazetteerError, ValueError):
    """A query was malformed (empty name, coordinates out of range, ...)."""
