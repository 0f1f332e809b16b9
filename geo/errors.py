"""One root exception for conflictmap; each subclass also inherits the builtin it means.

The command line turns any of these into one sentence on stderr and a non-zero exit.
"""


class ConflictmapError(Exception):
    """Root of every error this package raises on purpose."""


class InputError(ConflictmapError, ValueError):
    """An input (article, corpus line, imported row, option) is not what was expected."""


class ArticleReadError(ConflictmapError, OSError):
    """An article file cannot be read: missing, a folder, binary, undecodable, too large."""


class EmptyArticleError(InputError):
    """An article holds no text once whitespace and site boilerplate are dropped."""


class StoreError(ConflictmapError, OSError):
    """The event store cannot be opened, migrated or written."""


class ExportError(ConflictmapError, OSError):
    """An output file cannot be written."""


class FetchError(ConflictmapError, OSError):
    """A URL was refused (scheme, address, size, type) or could not be fetched."""


class UploadError(InputError):
    """An uploaded file was refused (type, size, count, or an unsafe or damaged archive)."""


class ModelUnavailableError(ConflictmapError, RuntimeError):
    """The pinned spaCy model is not installed, or the trained geoparser file is unreadable."""


class OfflineAssetError(ConflictmapError, ValueError):
    """A map needs a web asset (script, style, image) that is not bundled for offline use."""
