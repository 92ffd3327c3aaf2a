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
class Config:
    path: Path | None = None
    review_title: str = "untitled review"
    database_url: str | None = None
    outputs_dir: Path = DEFAULT_OUTPUTS

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
    config = Config(path=config_path)
    config.review_title = data.get("review", {}).get("title", config.review_title)
    config.database_url = data.get("store", {}).get("database_url") or None
    outputs = data.get("outputs", {}).get("dir")
    config.outputs_dir = Path(os.environ.get("MBC_SR_OUTPUTS") or outputs or DEFAULT_OUTPUTS)
    return config
