"""The one exception tree of lawcheck. Third-party errors are wrapped where they enter.

    LawcheckError                  every error the CLI turns into one line and exit code 2
    ├── InputError                 the bill cannot be read as given (names the file, says what to do)
    │   ├── UnsupportedFormat      an extension or content we do not read (.doc, OLE, images ...)
    │   ├── EncryptedFile          password-protected .docx or encrypted PDF
    │   ├── NeedsOCR               a PDF without a text layer
    │   ├── TooLarge               past a documented size limit (zip bombs included)
    │   └── EmptyBill              nothing to check
    ├── LanguageError              the bill's language is not one we support
    ├── CatalogueError             offences/ is malformed (names the file and the path inside it)
    ├── DecisionsError             a decisions file is malformed (names the file and the path inside it)
    └── OutputError                a report cannot be written where asked
"""

from __future__ import annotations


class LawcheckError(Exception):
    """Base class. ``str(error)`` is the one line shown to the user."""


class InputError(LawcheckError):
    def __init__(self, path: str, problem: str, advice: str = "") -> None:
        self.path = path
        self.problem = problem
        self.advice = advice
        message = f"{path}: {problem}"
        if advice:
            message += f"; {advice}"
        super().__init__(message)


class UnsupportedFormat(InputError):
    pass


class EncryptedFile(InputError):
    pass


class NeedsOCR(InputError):
    pass


class TooLarge(InputError):
    pass


class EmptyBill(InputError):
    pass


class LanguageError(LawcheckError):
    pass


class CatalogueError(LawcheckError):
    pass


class DecisionsError(LawcheckError):
    pass


class OutputError(LawcheckError):
    pass
