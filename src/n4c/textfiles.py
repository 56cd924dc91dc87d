"""Reading the text files people give n4c (CSV, JSON, TOML): one way to decode them, and to say
which encoding was used.

Every importer calls :func:`decode_text` (bytes, such as an upload) or :func:`read_text` (a path),
so a file saved by Excel on Windows reads the same in the CLI and the platform:

- a byte-order mark says the encoding (UTF-8, UTF-16 or UTF-32) and is dropped;
- otherwise text that is valid UTF-8 is UTF-8;
- otherwise charset-normalizer guesses the encoding. When it finds a single-byte code page and
  the bytes are valid Windows-1252, Windows-1252 is used: that is what Excel in the UK saves as
  "CSV", and on a short file the detector cannot tell it from its Central European cousins
  (which read "£" as "Ł");
- compressed or binary files, bytes no encoding explains, and text holding a NUL character
  are refused with a sentence naming the file (and the row for a NUL).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from n4c.errors import InputError

__all__ = ["UserText", "decode_text", "detect_encoding", "read_bytes", "read_text"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY = (
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"PK\x03\x04", "a zip file (an Excel workbook is one)"),
    (b"%PDF", "a PDF"),
    (b"\x89PNG", "a PNG image"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_NAMES = {
    "utf-8": "UTF-8",
    "utf_8": "UTF-8",
    "utf-8-sig": "UTF-8 with a byte-order mark",
    "utf-16": "UTF-16",
    "utf-32": "UTF-32",
    "cp1252": "Windows-1252",
}
_MULTIBYTE = ("utf", "big5", "gb", "hz", "euc", "shift_jis", "cp932", "cp949", "cp950", "iso2022")
_HINT = "Save it as UTF-8 (in most editors: Save as, Encoding, UTF-8) and try again."


@dataclass(frozen=True)
class UserText:
    """A decoded file: its text and the encoding it was read with (a Python codec name)."""

    text: str
    encoding: str

    @property
    def encoding_name(self) -> str:
        """The encoding as a person knows it, e.g. "Windows-1252"."""
        return _NAMES.get(self.encoding, self.encoding)


def decode_text(content: bytes, *, name: str | Path | None = None, rows: bool = False) -> UserText:
    """Decode the bytes of a user's text file (see the module docstring for the rules).

    ``rows`` says the text is CSV with a header, so a NUL is reported by its data row (the
    header is row 0) rather than its line.

    Examples
    --------
    >>> decode_text("name\\nCafé £5\\n".encode("cp1252")).encoding_name
    'Windows-1252'
    >>> decode_text(b"\\xef\\xbb\\xbfname\\n").text
    'name\\n'
    >>> decode_text(b"name\\nRed\\x00Lion\\n", name="assets.csv", rows=True)
    Traceback (most recent call last):
    ...
    n4c.errors.InputError: assets.csv, row 1: holds a NUL character, which text never does; the file may be damaged. Remove the character, or export the file again.
    """
    decoded = _decode(content, name)
    position = decoded.text.find("\x00")
    if position >= 0:
        line = decoded.text.count("\n", 0, position) + 1
        raise InputError(
            "holds a NUL character, which text never does; the file may be damaged."
            + ("" if rows else f" It is on line {line:,}."),
            path=name,
            row=line - 1 if rows else None,
            hint="Remove the character, or export the file again.",
        )
    return decoded


def _decode(content: bytes, name: str | Path | None) -> UserText:
    encoding = detect_encoding(content, name=name)
    if encoding == "utf-8-sig" and not content.startswith(codecs.BOM_UTF8):
        encoding = "utf-8"
    try:
        return UserText(content.decode(encoding), encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            f"is not valid {_NAMES.get(encoding, encoding)} text (byte 0x"
            f"{content[error.start]:02x} at position {error.start:,}).",
            path=name,
            hint=_HINT,
        ) from None


def detect_encoding(sample: bytes, *, name: str | Path | None = None) -> str:
    """The codec to read a file with, judged from its first bytes (or all of them).

    A sample cut in the middle of a UTF-8 character still counts as UTF-8. Returns
    ``"utf-8-sig"`` for UTF-8, so that a byte-order mark, if any, is dropped.

    >>> detect_encoding("Café £5".encode("cp1252"))
    'cp1252'
    """
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding
    for magic, kind in _BINARY:
        if sample.startswith(magic):
            raise InputError(f"is {kind}, not a text file.", path=name, hint=_HINT)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8-sig"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None:
        raise InputError("is not text in any encoding n4c knows.", path=name, hint=_HINT)
    if not best.encoding.startswith(_MULTIBYTE):
        try:
            sample.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    return best.encoding


def read_text(path: str | Path, *, rows: bool = False) -> UserText:
    """Read and decode the file at ``path``; a missing file or a folder is an InputError."""
    return decode_text(read_bytes(path), name=path, rows=rows)


def read_bytes(path: str | Path) -> bytes:
    """The bytes of the file at ``path`` (a Word document, say); a missing file or a folder is
    an InputError."""
    path = Path(path)
    if path.is_dir():
        raise InputError("is a folder, not a file.", path=path, hint="Give the file's name.")
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"could not be read ({error.strerror}).", path=path) from None
