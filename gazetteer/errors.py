"""One root exception for the package; each subclass also inherits the builtin it means."""


class GazetteerError(Exception):
    """Root of every error this package raises."""


class GazetteerDataError(GazetteerError, OSError):
    """The cache or a source file is missing, unreadable, truncated or corrupt."""


class GazetteerQueryError(GazetteerError, ValueError):
    """A query was malformed (empty name, coordinates out of range, ...)."""


class GazetteerServiceError(GazetteerError, ConnectionError):
    """An online geocoding service failed or answered with an error."""


class GazetteerServiceUnavailable(GazetteerServiceError, TimeoutError):
    """An online geocoding service did not answer in time or could not be reached."""


class GazetteerRateLimited(GazetteerServiceError):
    """An online geocoding service refused more queries for now (quota or rate limit)."""


class GazetteerServiceRefused(GazetteerServiceError, PermissionError):
    """An online geocoding service refused the credentials or the request."""
