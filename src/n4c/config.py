"""Every setting of n4c, declared once: name, type, default and meaning.

Settings come from environment variables. The CLI, the Django settings and the docs all
read this module, so a default cannot drift between them. Defaults are safe to publish.
Each setting has a kind, and :func:`get` returns the value already parsed to it (a whole
number, a flag, a path, a list...); a value that does not parse is a :class:`SettingError`,
one sentence naming the setting and what it expects, never a traceback from deep inside.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import platformdirs

from n4c.errors import N4CError

__all__ = ["SETTINGS", "Setting", "SettingError", "data_dir", "get", "mirror_dir"]

Kind = Literal[
    "text",
    "whole_number",
    "flag",
    "path",
    "paths",
    "words",
    "whole_numbers",
    "url",
    "urls",
    "header",
]

_TRUE = ("1", "true", "yes", "on")
# An HTTP header's name: letters, digits and hyphens (RFC 9110 allows more; no proxy uses them).
_HEADER_NAME = re.compile(r"[A-Za-z0-9]+(-[A-Za-z0-9]+)*")
_FALSE = ("0", "false", "no", "off")


class SettingError(N4CError):
    """A setting holds a value that is not of its kind; the message names it and the kind."""

    def __init__(self, name: str, value: str, expected: str) -> None:
        self.name = name
        self.value = value
        self.expected = expected
        super().__init__(f'{name} must be {expected}; it is "{value}".')


@dataclass(frozen=True)
class Setting:
    """One setting: its environment variable, default (as written there), meaning and kind.

    ``minimum``/``maximum`` bound whole numbers (and each of a list of them); ``schemes`` lists
    the URL schemes a ``url`` (or each of ``urls``) accepts. An empty value is allowed for text, URLs, optional paths
    and lists, and means "not set".
    """

    name: str
    default: str
    meaning: str
    kind: Kind = "text"
    minimum: int | None = None
    maximum: int | None = None
    schemes: tuple[str, ...] = ()
    #: for ``kind="paths"``, ``"words"``, ``"urls"`` and ``"whole_numbers"``: what separates the items
    separator: str = ","
    #: an empty path means "not set" (None) rather than the current folder
    optional: bool = False
    #: for ``kind="text"``: a regular expression a non-empty value must match, and its words
    pattern: str = ""
    pattern_words: str = ""

    @property
    def expected(self) -> str:
        """What the setting accepts, in words that finish "must be ..."."""
        if self.kind == "whole_number":
            return f"a whole number{self._bounds()}"
        if self.kind == "whole_numbers":
            return f"whole numbers{self._bounds()} separated by commas, like 28,7,1"
        if self.kind == "flag":
            return "1 or 0 (or true or false)"
        if self.kind == "url":
            schemes = " or ".join(f"{s}://" for s in self.schemes)
            return f"a web address starting {schemes}, or empty"
        if self.kind == "urls":
            schemes = " or ".join(f"{s}://" for s in self.schemes)
            return f"web addresses starting {schemes}, separated by commas"
        if self.kind == "header":
            return "an HTTP header name, like X-Forwarded-Proto, or empty"
        if self.kind == "paths":
            return "folder or file paths separated by the path separator"
        if self.kind == "words":
            return "words separated by commas"
        if self.kind == "path":
            return "a folder path" + (", or empty" if self.optional else "")
        return self.pattern_words or "text"

    @property
    def kind_in_words(self) -> str:
        """The kind of value, for the docs' settings table."""
        return {
            "text": self.pattern_words or "text",
            "whole_number": f"whole number{self._bounds()}",
            "whole_numbers": f"whole numbers{self._bounds()}, comma-separated",
            "flag": "1 or 0",
            "path": "path",
            "paths": "paths, separated by the path separator",
            "words": "words, comma-separated",
            "url": " or ".join(f"{s}://" for s in self.schemes) + " address",
            "urls": " or ".join(f"{s}://" for s in self.schemes) + " addresses, comma-separated",
            "header": "HTTP header name",
        }[self.kind]

    def _bounds(self) -> str:
        if self.minimum is not None and self.maximum is not None:
            return f" from {self.minimum:,} to {self.maximum:,}"
        if self.minimum is not None:
            return f" of at least {self.minimum:,}"
        return ""

    def parse(self, text: str) -> Any:
        """``text`` as this setting's kind; :class:`SettingError` when it is not one."""
        value = text.strip()
        if self.kind == "whole_number":
            return self._whole_number(value, text)
        if self.kind == "whole_numbers":
            return [self._whole_number(part.strip(), text) for part in _items(value, ",")]
        if self.kind == "flag":
            if value.lower() in _TRUE:
                return True
            if value.lower() in _FALSE:
                return False
            raise SettingError(self.name, text, self.expected)
        if self.kind == "url":
            if value and urlsplit(value).scheme not in self.schemes:
                raise SettingError(self.name, text, self.expected)
            return value
        if self.kind == "urls":
            items = [part.strip() for part in _items(value, self.separator)]
            if any(urlsplit(item).scheme not in self.schemes for item in items):
                raise SettingError(self.name, text, self.expected)
            return items
        if self.kind == "header":
            if value and not _HEADER_NAME.fullmatch(value):
                raise SettingError(self.name, text, self.expected)
            return value
        if self.kind == "path":
            if not value:
                if self.optional:
                    return None
                raise SettingError(self.name, text, self.expected)
            return Path(value).expanduser()
        if self.kind == "paths":
            return [Path(part.strip()).expanduser() for part in _items(value, self.separator)]
        if self.kind == "words":
            return [part.strip() for part in _items(value, self.separator)]
        if self.pattern and value and not re.fullmatch(self.pattern, value):
            raise SettingError(self.name, text, self.expected)
        return text

    def _whole_number(self, value: str, text: str) -> int:
        try:
            number = int(value.replace("_", ""))
        except ValueError:
            raise SettingError(self.name, text, self.expected) from None
        too_small = self.minimum is not None and number < self.minimum
        too_large = self.maximum is not None and number > self.maximum
        if too_small or too_large:
            raise SettingError(self.name, text, self.expected)
        return number


def _items(text: str, separator: str) -> list[str]:
    return [part for part in text.split(separator) if part.strip()]


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in [
        Setting(
            "N4C_DATA_DIR",
            platformdirs.user_data_dir("n4c"),
            "Folder where n4c keeps downloaded datasets, the grants database and the platform's SQLite file.",
            kind="path",
        ),
        Setting(
            "N4C_DATA_MIRROR",
            "",
            "Folder holding a local mirror of the datasets (e.g. ../shared/data); used before downloading.",
            kind="path",
            optional=True,
        ),
        Setting(
            "N4C_DATA_BASE_URL",
            "",
            "Web address of the n4c data bundle that `n4c data fetch` downloads from (checked by SHA-256).",
            kind="url",
            schemes=("https", "http", "ftp"),
        ),
        Setting(
            "DATABASE_URL",
            "",
            "Platform database URL; empty means an SQLite file in N4C_DATA_DIR.",
            kind="url",
            schemes=("postgres", "postgresql", "pgsql", "postgis", "sqlite"),
        ),
        Setting(
            "N4C_SECRET_KEY",
            "",
            "Django secret key; empty means a key generated once and kept in N4C_DATA_DIR.",
        ),
        Setting(
            "N4C_CACHE_URL",
            "",
            "Cache the platform's processes share, e.g. redis://127.0.0.1:6379/0; empty means memory in each process (one worker only).",
            kind="url",
            schemes=("redis", "rediss", "unix"),
        ),
        Setting(
            "N4C_DEBUG", "0", "1 turns on Django's debug pages; never in production.", kind="flag"
        ),
        Setting(
            "N4C_EMAIL_BACKEND",
            "django.core.mail.backends.console.EmailBackend",
            "Django e-mail backend for deadline reminders and set-password links; the console backend prints them. For real mail: django.core.mail.backends.smtp.EmailBackend.",
        ),
        Setting("N4C_EMAIL_FROM", "n4c@localhost", "Sender address of the platform's e-mails."),
        Setting("N4C_EMAIL_HOST", "localhost", "SMTP server, with the SMTP backend."),
        Setting(
            "N4C_EMAIL_PORT",
            "25",
            "SMTP port, with the SMTP backend.",
            kind="whole_number",
            minimum=1,
            maximum=65535,
        ),
        Setting("N4C_EMAIL_USER", "", "SMTP user name; empty means no log-in."),
        Setting("N4C_EMAIL_PASSWORD", "", "SMTP password."),
        Setting("N4C_EMAIL_TLS", "0", "1 uses STARTTLS with the SMTP server.", kind="flag"),
        Setting(
            "N4C_MACHINE_TRANSLATION",
            "",
            "Dotted path of a callable (text, language code) -> text that machine-translates staff-written content with no human translation, e.g. mypackage.translate.deepl; empty means off (English is shown).",
        ),
        Setting(
            "N4C_ALLOWED_HOSTS",
            "127.0.0.1,localhost",
            "Comma-separated host names the platform answers to.",
            kind="words",
        ),
        Setting(
            "N4C_SECURE_COOKIES",
            "0",
            "1 sends the session and CSRF cookies over HTTPS only; turn on when the platform is served over HTTPS.",
            kind="flag",
        ),
        Setting(
            "N4C_HSTS_SECONDS",
            "0",
            "Seconds a browser keeps to HTTPS for the platform's host (Strict-Transport-Security); 0 sends no such header. 31536000 (a year) once HTTPS works.",
            kind="whole_number",
            minimum=0,
            maximum=63_072_000,
        ),
        Setting(
            "N4C_HSTS_INCLUDE_SUBDOMAINS",
            "0",
            "1 makes Strict-Transport-Security cover every subdomain of the host too (with N4C_HSTS_SECONDS above 0).",
            kind="flag",
        ),
        Setting(
            "N4C_SSL_REDIRECT",
            "0",
            "1 redirects every http:// request to https://.",
            kind="flag",
        ),
        Setting(
            "N4C_PROXY_SSL_HEADER",
            "",
            "Header the proxy in front sets to https when a request came over HTTPS, e.g. X-Forwarded-Proto; empty trusts no header. Set it only if the proxy removes that header from what clients send.",
            kind="header",
        ),
        Setting(
            "N4C_CSRF_TRUSTED_ORIGINS",
            "",
            "Comma-separated origins, like https://n4c.example.org, from which forms are accepted when they differ from the host a request names (as behind some proxies).",
            kind="urls",
            schemes=("https", "http"),
        ),
        Setting(
            "N4C_ADVISER_MAX_AREAS",
            "10",
            "Most areas one adviser may hold at once; an assignment beyond it is refused.",
            kind="whole_number",
            minimum=1,
            maximum=100,
        ),
        Setting(
            "N4C_COMMUNITY_WORKER_MAX_AREAS",
            "5",
            "Most areas one community worker may hold at once; an assignment beyond it is refused.",
            kind="whole_number",
            minimum=1,
            maximum=100,
        ),
        Setting(
            "N4C_SUPPORT_DAYS_PER_MONTH",
            "2",
            "Days of support committed each month to each area by its adviser, and again by its community worker.",
            kind="whole_number",
            minimum=1,
            maximum=31,
        ),
        Setting(
            "N4C_LOGIN_MAX_FAILURES",
            "5",
            "Failed sign-ins allowed per user name and address before sign-in is paused.",
            kind="whole_number",
            minimum=1,
            maximum=100,
        ),
        Setting(
            "N4C_LOGIN_LOCKOUT_MINUTES",
            "15",
            "Minutes sign-in stays paused after too many failures.",
            kind="whole_number",
            minimum=1,
            maximum=1440,
        ),
        Setting(
            "N4C_PASSWORD_LINK_HOURS",
            "72",
            "Hours a link to set a password works for; it also stops working once used.",
            kind="whole_number",
            minimum=1,
            maximum=168,
        ),
        Setting(
            "N4C_360GIVING_PREFIX",
            "360G-n4c",
            "The identifier prefix 360Giving gave the publisher; every published grant's id starts with it.",
            pattern=r"360G-[A-Za-z0-9][A-Za-z0-9-]*",
            pattern_words="a 360Giving prefix like 360G-example",
        ),
        Setting(
            "N4C_FUNDER_ID",
            "",
            "Organisation identifier of the funder named on published grants, like GB-CHC-1234567; empty means the 360Giving prefix followed by -network.",
            pattern=r"[A-Za-z]{2,}-[A-Za-z0-9]+-[A-Za-z0-9-]+",
            pattern_words="an organisation identifier like GB-CHC-1234567, or empty",
        ),
        Setting(
            "N4C_FUNDER_NAME",
            "Network for Communities",
            "Name of the funder named on published grants.",
        ),
        Setting(
            "N4C_RIGHTS_RULES",
            "",
            "Extra statutory rule files or folders (TOML) read after the built-in ones, separated by the path separator; e.g. a reform not yet built in.",
            kind="paths",
            separator=os.pathsep,
        ),
        Setting(
            "N4C_REMINDER_LEAD_DAYS",
            "28,7,1",
            "Comma-separated days before a community-rights deadline on which reminder e-mails are sent.",
            kind="whole_numbers",
            minimum=0,
            maximum=365,
        ),
    ]
}


def get(name: str) -> Any:
    """The value of setting ``name``, parsed to its kind: the environment if set, else the default.

    Raises
    ------
    SettingError
        If the value is not of the setting's kind, e.g.
        ``N4C_ADVISER_MAX_AREAS must be a whole number from 1 to 100; it is "ten".``

    Examples
    --------
    >>> get("N4C_EMAIL_PORT") if "N4C_EMAIL_PORT" not in os.environ else 25
    25
    """
    setting = SETTINGS[name]
    return setting.parse(os.environ.get(name, setting.default))


def data_dir() -> Path:
    """The user's n4c data folder, created on first use."""
    path: Path = get("N4C_DATA_DIR")
    path.mkdir(parents=True, exist_ok=True)
    return path


def mirror_dir() -> Path | None:
    """The local data mirror, if one is configured."""
    value: Path | None = get("N4C_DATA_MIRROR")
    return value
