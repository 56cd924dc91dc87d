"""Every setting of n4c, declared once: name, type, default and meaning.

Settings come from environment variables. The CLI, the Django settings and the docs all
read this module, so a default cannot drift between them. Defaults are safe to publish.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

__all__ = ["SETTINGS", "Setting", "data_dir", "get", "mirror_dir"]


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    meaning: str


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in [
        Setting(
            "N4C_DATA_DIR",
            platformdirs.user_data_dir("n4c"),
            "Folder where n4c keeps downloaded datasets, the grants database and the platform's SQLite file.",
        ),
        Setting(
            "N4C_DATA_MIRROR",
            "",
            "Folder holding a local mirror of the datasets (e.g. ../shared/data); used before downloading.",
        ),
        Setting(
            "N4C_DATA_BASE_URL",
            "",
            "Web address of the n4c data bundle that `n4c data fetch` downloads from (checked by SHA-256).",
        ),
        Setting(
            "DATABASE_URL",
            "",
            "Platform database URL; empty means an SQLite file in N4C_DATA_DIR.",
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
        ),
        Setting("N4C_DEBUG", "0", "1 turns on Django's debug pages; never in production."),
        Setting(
            "N4C_EMAIL_BACKEND",
            "django.core.mail.backends.console.EmailBackend",
            "Django e-mail backend for deadline reminders and set-password links; the console backend prints them. For real mail: django.core.mail.backends.smtp.EmailBackend.",
        ),
        Setting("N4C_EMAIL_FROM", "n4c@localhost", "Sender address of the platform's e-mails."),
        Setting("N4C_EMAIL_HOST", "localhost", "SMTP server, with the SMTP backend."),
        Setting("N4C_EMAIL_PORT", "25", "SMTP port, with the SMTP backend."),
        Setting("N4C_EMAIL_USER", "", "SMTP user name; empty means no log-in."),
        Setting("N4C_EMAIL_PASSWORD", "", "SMTP password."),
        Setting("N4C_EMAIL_TLS", "0", "1 uses STARTTLS with the SMTP server."),
        Setting(
            "N4C_ALLOWED_HOSTS",
            "127.0.0.1,localhost",
            "Comma-separated host names the platform answers to.",
        ),
        Setting(
            "N4C_ADVISER_MAX_AREAS",
            "10",
            "Most areas one adviser may hold at once; an assignment beyond it is refused.",
        ),
        Setting(
            "N4C_COMMUNITY_WORKER_MAX_AREAS",
            "5",
            "Most areas one community worker may hold at once; an assignment beyond it is refused.",
        ),
        Setting(
            "N4C_SUPPORT_DAYS_PER_MONTH",
            "2",
            "Days of support committed each month to each area by its adviser, and again by its community worker.",
        ),
        Setting(
            "N4C_LOGIN_MAX_FAILURES",
            "5",
            "Failed sign-ins allowed per user name and address before sign-in is paused.",
        ),
        Setting(
            "N4C_LOGIN_LOCKOUT_MINUTES",
            "15",
            "Minutes sign-in stays paused after too many failures.",
        ),
        Setting(
            "N4C_RIGHTS_RULES",
            "",
            "Extra statutory rule files or folders (TOML) read after the built-in ones, separated by the path separator; e.g. a reform not yet built in.",
        ),
        Setting(
            "N4C_REMINDER_LEAD_DAYS",
            "28,7,1",
            "Comma-separated days before a community-rights deadline on which reminder e-mails are sent.",
        ),
    ]
}


def get(name: str) -> str:
    """The value of setting ``name``: the environment if set, else its declared default."""
    setting = SETTINGS[name]
    return os.environ.get(name, setting.default)


def data_dir() -> Path:
    """The user's n4c data folder, created on first use."""
    path = Path(get("N4C_DATA_DIR")).expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path


def mirror_dir() -> Path | None:
    """The local data mirror, if one is configured."""
    value = get("N4C_DATA_MIRROR")
    return Path(value).expanduser() if value else None
