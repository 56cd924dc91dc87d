"""From plain text, Markdown, HTML or a Word document to the text a reader sees, one block per
paragraph.

Markdown is rendered by markdown-it-py (CommonMark) and HTML is read by the standard library's
``html.parser``, so markup is parsed, not guessed at with patterns. Blocks (paragraphs,
headings, list items, table cells) are separated by a blank line, so no sentence runs from a
heading into the paragraph under it. Code, scripts and styles are not prose and are left out.
A Word document (.docx) is read by python-docx, a paragraph or table cell to a block; every other
file is decoded by :mod:`n4c.textfiles`.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal

from n4c.errors import InputError
from n4c.textfiles import decode_text

__all__ = ["FORMATS", "KINDS", "Document", "Kind", "detect_kind", "extract_text", "read_document"]

Kind = Literal["text", "markdown", "html"]
KINDS: tuple[Kind, ...] = ("text", "markdown", "html")
#: What ``read_document`` may be told a file is; ``auto`` tells by its name, else its content.
FORMATS = ("auto", *KINDS, "docx")
_ZIP = b"PK\x03\x04"


@dataclass(frozen=True)
class Document:
    """The text a reader sees of one file, and what kind of file it was."""

    text: str
    kind: str


def read_document(
    content: bytes, *, name: str | Path | None = None, kind: str = "auto"
) -> Document:
    """The visible text of a file's bytes: plain text, Markdown, HTML or Word (.docx).

    >>> read_document(b"<p>Come along.</p>", name="page.html")
    Document(text='Come along.', kind='html')
    """
    is_docx = name is not None and Path(name).suffix.lower() == ".docx"
    if kind == "docx" or (kind == "auto" and (is_docx or content.startswith(_ZIP))):
        return Document(_docx_text(content, name), "docx")
    text = decode_text(content, name=name).text
    found: Kind = detect_kind(text, name=name) if kind == "auto" else kind  # type: ignore[assignment]
    return Document(extract_text(text, kind=found), found)


def _docx_text(content: bytes, name: str | Path | None) -> str:
    from docx import Document as WordDocument

    try:
        document = WordDocument(io.BytesIO(content))
    except Exception:  # python-docx raises zip, XML and package errors alike for a bad file
        raise InputError(
            "is not a Word document (.docx) n4c can read; it may be damaged or another kind of "
            "file.",
            path=name,
            hint="Open it in Word and save it again as a Word document (.docx).",
        ) from None
    blocks = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        blocks += [cell.text for row in table.rows for cell in row.cells]
    return _tidy("\n\n".join(blocks))


_EXTENSIONS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
_HTML_HINT = re.compile(r"<(html|body|p|div|h[1-6]|ul|ol|li|br|a|span|table|section)\b", re.I)
_MARKDOWN_HINT = re.compile(
    r"^(#{1,6} |\s*[-*+] |\s*\d+\. |> )|\*\*[^*]+\*\*|\[[^\]]+\]\([^)]+\)", re.M
)
_BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hr", "label", "legend", "li", "main", "nav", "ol", "option",
    "p", "section", "summary", "table", "td", "th", "tr", "ul",
}  # fmt: skip
_HIDDEN = {"script", "style", "template", "head", "pre", "code", "noscript", "svg", "textarea"}


def detect_kind(text: str, *, name: str | Path | None = None) -> Kind:
    """The kind of text: by the file's extension if it has a known one, else by its content.

    >>> detect_kind("<p>Hello.</p>")
    'html'
    >>> detect_kind("# Title\\n\\nHello.", name="notes.md")
    'markdown'
    >>> detect_kind("Hello.")
    'text'
    """
    if name is not None:
        kind = _EXTENSIONS.get(Path(name).suffix.lower())
        if kind is not None:
            return kind
    if _HTML_HINT.search(text):
        return "html"
    if _MARKDOWN_HINT.search(text):
        return "markdown"
    return "text"


def extract_text(text: str, *, kind: Kind) -> str:
    """The words a reader sees, blocks separated by blank lines.

    >>> extract_text("# Apply\\n\\nFill in **the form**.", kind="markdown")
    'Apply\\n\\nFill in the form.'
    >>> extract_text("<h1>Apply</h1><p>Fill in<br>the form &amp; send it.</p>", kind="html")
    'Apply\\n\\nFill in\\n\\nthe form & send it.'
    """
    if kind == "markdown":
        from markdown_it import MarkdownIt

        text = MarkdownIt("commonmark").render(text)
        kind = "html"
    if kind == "html":
        reader = _VisibleText()
        reader.feed(text)
        reader.close()
        text = "".join(reader.parts)
    return _tidy(text)


def _tidy(text: str) -> str:
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n\n".join(" ".join(block.split()) for block in blocks if block.strip())


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)
