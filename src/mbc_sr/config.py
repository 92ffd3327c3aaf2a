"""The review's configuration: `config/review.toml`, with environment overrides.

Resolution order for every setting: command-line flag > environment variable > config file >
built-in default. A config error names the file and the key, so a reviewer can fix it
without reading code.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

DEFAULT_CONFIG = Path("config/review.toml")
DEFAULT_OUTPUTS = Path("outputs")


class ConfigError(ValueError):
    """A config file that cannot be read or has a wrong key/value; names the file and key."""


@dataclass(slots=True)
class SavedSearch:
    """A search as the protocol states it. `query` is white-space collapsed: the exact string sent."""

    name: str
    database: str
    query: str


@dataclass(slots=True)
class Config:
    path: Path | None = None
    review_title: str = "untitled review"
    database_url: str | None = None
    outputs_dir: Path = DEFAULT_OUTPUTS
    searches: tuple[SavedSearch, ...] = ()
    raw: dict | None = None  # the whole parsed file, for stages that read their own tables

    def search(self, name: str | None = None) -> SavedSearch:
        """The saved search called `name` (the first one when no name is given)."""
        if not self.searches:
            raise ConfigError(f"{self.path or DEFAULT_CONFIG}: no [[searches]] defined")
        if name is None:
            return self.searches[0]
        for search in self.searches:
            if search.name == name:
                return search
        known = ", ".join(s.name for s in self.searches)
        raise ConfigError(f"{self.path or DEFAULT_CONFIG}: no search named {name!r} (known: {known})")

    def resolved_database_url(self, flag: str | None = None) -> str:
        """--db flag > MBC_SR_DATABASE_URL > [store] database_url > SQLite under outputs/."""
        return (
            flag
            or os.environ.get("MBC_SR_DATABASE_URL")
            or self.database_url
            or str(self.outputs_dir / "mbc-sr.sqlite")
        )


_KNOWN = {
    "review": {"title": str},
    "store": {"database_url": str},
    "outputs": {"dir": str},
}


def load_config(path: str | Path | None = None) -> Config:
    """Read the config file: `path`, else $MBC_SR_CONFIG, else config/review.toml if it exists."""
    explicit = path or os.environ.get("MBC_SR_CONFIG")
    config_path = Path(explicit) if explicit else DEFAULT_CONFIG
    if not config_path.exists():
        if explicit:
            raise ConfigError(f"{config_path}: config file not found")
        return Config()
    try:
        data = tomllib.loads(config_path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{config_path}: not valid TOML: {exc}") from exc
    except OSError as exc:
        raise ConfigError(f"{config_path}: cannot read: {exc.strerror or exc}") from exc
    for table, keys in _KNOWN.items():
        section = data.get(table, {})
        if not isinstance(section, dict):
            raise ConfigError(f"{config_path}: [{table}] must be a table")
        for key, expected in keys.items():
            if key in section and not isinstance(section[key], expected):
                raise ConfigError(
                    f"{config_path}: {table}.{key} must be a {expected.__name__}, got {section[key]!r}"
                )
    config = Config(path=config_path, raw=data)
    config.searches = _searches(data.get("searches", []), config_path)
    config.review_title = data.get("review", {}).get("title", config.review_title)
    config.database_url = data.get("store", {}).get("database_url") or None
    outputs = data.get("outputs", {}).get("dir")
    config.outputs_dir = Path(os.environ.get("MBC_SR_OUTPUTS") or outputs or DEFAULT_OUTPUTS)
    return config


def _searches(entries, config_path: Path) -> tuple[SavedSearch, ...]:
    if not isinstance(entries, list):
        raise ConfigError(f"{config_path}: searches must be an array of tables ([[searches]])")
    searches = []
    for index, entry in enumerate(entries):
        where = f"{config_path}: searches[{index}]"
        if not isinstance(entry, dict):
            raise ConfigError(f"{where} must be a table")
        for key in ("name", "query"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise ConfigError(f"{where}.{key} is required and must be a non-empty string")
        database = entry.get("database", "pubmed")
        if not isinstance(database, str):
            raise ConfigError(f"{where}.database must be a string")
        searches.append(SavedSearch(entry["name"].strip(), database, " ".join(entry["query"].split())))
    names = [search.name for search in searches]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ConfigError(f"{config_path}: search names must be unique; repeated: {', '.join(duplicates)}")
    return tuple(searches)
