"""Where to sync and as whom: addresses, plain http, community code, privacy, credentials."""

from __future__ import annotations

import pytest
from county_meetings import write_config

from meeting_tui.config import Config
from meeting_tui.county.errors import SettingsError
from meeting_tui.county.settings import community_code, parse_target, privacy


@pytest.mark.parametrize(
    "url", ["http://localhost:5984/county", "http://127.0.0.1/county", "http://[::1]:5984/county"]
)
def test_plain_http_is_allowed_to_this_machine(url: str) -> None:
    assert parse_target(url, Config()).database == "county"


def test_plain_http_elsewhere_is_refused_unless_insecure(tmp_path, cli, laptop) -> None:
    with pytest.raises(SettingsError):
        parse_target("http://couch.example.org/county", Config())
    assert parse_target("http://couch.example.org/county", Config(), insecure=True).port == 80
    write_config(laptop, community_code="nanyuan")
    result = cli(
        "--data-dir", str(tmp_path / "data"), "sync", "--to", "http://10.0.0.5:5984/county"
    )
    assert result.status == 2 and "--insecure" in result.err and len(result.err.splitlines()) == 1


def test_https_defaults_to_port_443_and_keeps_credentials_out_of_the_display() -> None:
    target = parse_target("https://admin:pw@couch.example.org/county", Config())
    assert (target.port, target.user, target.password) == (443, "admin", "pw")
    assert target.display == "https://couch.example.org:443/county"
    assert "pw" not in repr(target)


def test_environment_credentials_win_over_the_config_file(monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = Config(county_user="file-user", county_password="file-pw")
    assert parse_target("https://h/county", cfg).password == "file-pw"
    monkeypatch.setenv("MEETING_TUI_COUNTY_USER", "env-user")
    monkeypatch.setenv("MEETING_TUI_COUNTY_PASSWORD", "env-pw")
    target = parse_target("https://h/county", cfg)
    assert (target.user, target.password) == ("env-user", "env-pw")


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("", "county.settings.no_url"),
        ("ftp://h/county", "county.settings.bad_url"),
        ("https://h:99999/county", "county.settings.bad_url"),
        ("https://h/", "county.settings.bad_database"),
        ("https://h/County", "county.settings.bad_database"),
    ],
)
def test_unusable_addresses_are_named(url: str, key: str) -> None:
    with pytest.raises(SettingsError) as refused:
        parse_target(url, Config())
    assert refused.value.key == key


def test_community_code_and_privacy_are_checked() -> None:
    with pytest.raises(SettingsError):
        community_code(Config())
    with pytest.raises(SettingsError):
        community_code(Config(community_code="南苑"))
    assert community_code(Config(community_code="410105001001")) == "410105001001"
    assert privacy(Config()) == "redacted"
    assert privacy(Config(county_privacy="full")) == "full"
    with pytest.raises(SettingsError):
        privacy(Config(county_privacy="public"))


def test_sync_without_settings_says_which_key_to_set(tmp_path, cli, laptop) -> None:
    no_url = cli("--data-dir", str(tmp_path / "data"), "sync")
    assert no_url.status == 2 and "county_url" in no_url.err
    no_code = cli("--data-dir", str(tmp_path / "data"), "sync", "--to", "http://localhost:9/c")
    assert no_code.status == 2 and "community_code" in no_code.err
