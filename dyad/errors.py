"""Dyad's one exception tree. Every error Dyad raises on purpose is a ``DyadError``.

::

    DyadError                      base; ``str(err)`` is a one-line message that says what to do next
    ├── InputError                 one input (file, URL, line, feed entry) cannot be read
    │   ├── UnsupportedInput       binary, empty, too large, unknown format
    │   ├── DecodeError            bytes that decode to no usable text
    │   └── FetchError             a URL could not be fetched (timeout, status, size, content type)
    │       └── BlockedAddress     a URL resolves to a private/loopback/link-local address
    ├── StoreError                 the database cannot be opened, migrated or written
    │   └── SchemaVersionError     the file was written by a newer Dyad
    ├── NotFound                   a document, actor or event id that is not in the store
    ├── OntologyError              a registry or lexicon file that does not match its schema
    ├── EvalError                  a gold folder that Dyad does not recognise, or a floor that fails
    └── ConfigError                a setting with an invalid value

Foreign exceptions (httpx, sqlalchemy, lxml, yaml ...) are mapped to these at the
boundary of the package that calls the foreign library, so callers catch ``DyadError``.
"""

from __future__ import annotations


class DyadError(Exception):
    """Base of every error Dyad raises on purpose."""

    status = 500  # HTTP status used by the API envelope

    def __init__(self, message: str, *, subject: str | None = None):
        super().__init__(message)
        self.message = message
        self.subject = subject

    def __str__(self) -> str:
        return f"{self.subject}: {self.message}" if self.subject else self.message


class InputError(DyadError):
    status = 400


class UnsupportedInput(InputError):
    pass


class DecodeError(InputError):
    pass


class FetchError(InputError):
    status = 502


class BlockedAddress(FetchError):
    status = 403


class StoreError(DyadError):
    pass


class SchemaVersionError(StoreError):
    pass


class NotFound(DyadError):
    status = 404


class OntologyError(DyadError):
    pass


class EvalError(DyadError):
    status = 400


class ConfigError(DyadError):
    status = 400
