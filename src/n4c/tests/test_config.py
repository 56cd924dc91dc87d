"""Settings are typed once in n4c.config: readers get parsed values, bad values are one sentence."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from n4c import config
from n4c.config import SettingError
from n4c.errors import N4CError


def test_a_whole_number_setting_is_read_as_a_number(monkeypatch) -> None:
    monkeypatch.setenv("N4C_ADVISER_MAX_AREAS", " 12 ")
    assert config.get("N4C_ADVISER_MAX_AREAS") == 12


def test_a_word_where_a_number_belongs_is_one_sentence_naming_the_setting(monkeypatch) -> None:
    monkeypatch.setenv("N4C_ADVISER_MAX_AREAS", "ten")
    with pytest.raises(N4CError) as raised:
        config.get("N4C_ADVISER_MAX_AREAS")
    assert str(raised.value) == (
        'N4C_ADVISER_MAX_AREAS must be a whole number from 1 to 100; it is "ten".'
    )
    assert isinstance(raised.value, SettingError)
    assert raised.value.name == "N4C_ADVISER_MAX_AREAS"


def test_a_number_out_of_bounds_is_refused(monkeypatch) -> None:
    monkeypatch.setenv("N4C_EMAIL_PORT", "70000")
    with pytest.raises(
        SettingError, match=r"N4C_EMAIL_PORT must be a whole number from 1 to 65,535"
    ):
        config.get("N4C_EMAIL_PORT")


@pytest.mark.parametrize(
    ("text", "value"), [("1", True), ("true", True), ("0", False), ("No", False)]
)
def test_flags_read_1_0_true_false(monkeypatch, text: str, value: bool) -> None:
    monkeypatch.setenv("N4C_DEBUG", text)
    assert config.get("N4C_DEBUG") is value


def test_a_flag_that_is_neither_is_refused(monkeypatch) -> None:
    monkeypatch.setenv("N4C_DEBUG", "maybe")
    with pytest.raises(SettingError) as raised:
        config.get("N4C_DEBUG")
    assert str(raised.value) == 'N4C_DEBUG must be 1 or 0 (or true or false); it is "maybe".'


def test_lists_of_days_are_numbers_and_a_bad_item_names_the_setting(monkeypatch) -> None:
    monkeypatch.setenv("N4C_REMINDER_LEAD_DAYS", "28, 7,1")
    assert config.get("N4C_REMINDER_LEAD_DAYS") == [28, 7, 1]
    monkeypatch.setenv("N4C_REMINDER_LEAD_DAYS", "28,seven")
    with pytest.raises(SettingError) as raised:
        config.get("N4C_REMINDER_LEAD_DAYS")
    assert str(raised.value) == (
        "N4C_REMINDER_LEAD_DAYS must be whole numbers from 0 to 365 separated by commas, "
        'like 28,7,1; it is "28,seven".'
    )


def test_host_names_are_a_list_without_blanks(monkeypatch) -> None:
    monkeypatch.setenv("N4C_ALLOWED_HOSTS", "example.org, ,localhost")
    assert config.get("N4C_ALLOWED_HOSTS") == ["example.org", "localhost"]


def test_a_url_with_the_wrong_scheme_is_refused_and_empty_means_unset(monkeypatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "mysql://db/n4c")
    with pytest.raises(
        SettingError, match="DATABASE_URL must be a web address starting postgres://"
    ):
        config.get("DATABASE_URL")
    monkeypatch.setenv("DATABASE_URL", "")
    assert config.get("DATABASE_URL") == ""


def test_paths_are_paths_and_an_empty_mirror_is_none(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("N4C_DATA_MIRROR", "")
    assert config.mirror_dir() is None
    monkeypatch.setenv("N4C_DATA_MIRROR", str(tmp_path))
    assert config.mirror_dir() == tmp_path
    monkeypatch.setenv(
        "N4C_RIGHTS_RULES", os.pathsep.join([str(tmp_path / "a"), str(tmp_path / "b")])
    )
    assert config.get("N4C_RIGHTS_RULES") == [tmp_path / "a", tmp_path / "b"]


def test_an_empty_data_folder_is_refused(monkeypatch) -> None:
    monkeypatch.setenv("N4C_DATA_DIR", " ")
    with pytest.raises(SettingError, match=r'N4C_DATA_DIR must be a folder path; it is " "\.'):
        config.data_dir()


def test_every_default_parses_to_its_kind() -> None:
    """A default that its own kind refuses would break every installation."""
    for setting in config.SETTINGS.values():
        setting.parse(setting.default)


def test_the_https_settings_are_off_by_default_for_the_local_demo(monkeypatch) -> None:
    for name in ("N4C_SECURE_COOKIES", "N4C_HSTS_SECONDS", "N4C_HSTS_INCLUDE_SUBDOMAINS"):
        monkeypatch.delenv(name, raising=False)
    for name in ("N4C_SSL_REDIRECT", "N4C_PROXY_SSL_HEADER", "N4C_CSRF_TRUSTED_ORIGINS"):
        monkeypatch.delenv(name, raising=False)
    assert config.get("N4C_SECURE_COOKIES") is False
    assert config.get("N4C_HSTS_SECONDS") == 0
    assert config.get("N4C_HSTS_INCLUDE_SUBDOMAINS") is False
    assert config.get("N4C_SSL_REDIRECT") is False
    assert config.get("N4C_PROXY_SSL_HEADER") == ""
    assert config.get("N4C_CSRF_TRUSTED_ORIGINS") == []


def test_trusted_origins_are_web_addresses_and_anything_else_is_named(monkeypatch) -> None:
    monkeypatch.setenv("N4C_CSRF_TRUSTED_ORIGINS", "https://n4c.example.org, https://*.example.org")
    assert config.get("N4C_CSRF_TRUSTED_ORIGINS") == [
        "https://n4c.example.org",
        "https://*.example.org",
    ]
    monkeypatch.setenv("N4C_CSRF_TRUSTED_ORIGINS", "n4c.example.org")
    with pytest.raises(SettingError) as raised:
        config.get("N4C_CSRF_TRUSTED_ORIGINS")
    assert str(raised.value) == (
        "N4C_CSRF_TRUSTED_ORIGINS must be web addresses starting https:// or http://, "
        'separated by commas; it is "n4c.example.org".'
    )


def test_the_proxy_header_is_a_header_name(monkeypatch) -> None:
    monkeypatch.setenv("N4C_PROXY_SSL_HEADER", "X-Forwarded-Proto")
    assert config.get("N4C_PROXY_SSL_HEADER") == "X-Forwarded-Proto"
    monkeypatch.setenv("N4C_PROXY_SSL_HEADER", "X-Forwarded-Proto: https")
    with pytest.raises(SettingError, match="must be an HTTP header name, like X-Forwarded-Proto"):
        config.get("N4C_PROXY_SSL_HEADER")


def test_hsts_seconds_are_bounded(monkeypatch) -> None:
    monkeypatch.setenv("N4C_HSTS_SECONDS", "-1")
    with pytest.raises(SettingError, match="from 0 to 63,072,000"):
        config.get("N4C_HSTS_SECONDS")
