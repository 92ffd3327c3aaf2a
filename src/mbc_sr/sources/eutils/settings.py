"""The `[eutils]` table of the review config, checked, with its environment overrides.

Order, as for every setting: environment variable > config file > default. The API key is
read from `NCBI_API_KEY` only: a key written into `config/review.toml` would end up in
version control, so the config loader refuses one. Errors name the file and the key.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from mbc_sr.config import Config, ConfigError
from mbc_sr.sources.eutils.throttle import SAFETY

DEFAULT_BASE_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"
ENV_BASE_URL = "NCBI_EUTILS_BASE_URL"
ENV_API_KEY = "NCBI_API_KEY"
ENV_EMAIL = "NCBI_EMAIL"
ENV_TOOL = "NCBI_TOOL"

#: NCBI's published limits: requests per second without and with an API key
RATE_WITHOUT_KEY = 3.0
RATE_WITH_KEY = 10.0
MIN_KEY_LENGTH = 12


@dataclass(frozen=True, slots=True)
class EutilsSettings:
    """Everything the E-utilities source needs. `api_key` is never printed (see `__repr__`)."""

    base_url: str = DEFAULT_BASE_URL
    tool: str = "mbc-sr"
    email: str | None = None
    api_key: str | None = field(default=None, repr=False)
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    max_attempts: int = 8  # per request, the first try included
    max_wait_seconds: float = 300.0  # total back-off a request may spend before giving up
    backoff_base: float = 1.0
    backoff_max: float = 60.0
    requests_per_second: float | None = None  # None: NCBI's limit for this key (3 or 10)
    batch_size: int = 500  # ids per efetch POST (200-500)
    workers: int = 2  # efetch requests in flight (all share one throttle)
    overlap_days: int = 7  # Create Date window: days re-searched before the last window's end
    mdat_overlap_days: int = 0  # Modification Date window: days re-checked before the last window's end
    archive_dir: Path = Path("outputs/eutils-archive")
    allow_missing_phrases: tuple[str, ...] = ()
    reconcile_attempts: int = 3
    missing_retries: int = 2

    def __post_init__(self) -> None:
        if not isinstance(self.archive_dir, Path):
            object.__setattr__(self, "archive_dir", Path(self.archive_dir))
        if self.api_key is not None and (len(self.api_key) < MIN_KEY_LENGTH or not self.api_key.isprintable()):
            # the key is redacted from every body before it is archived (NCBI's 429 body echoes
            # it): a key this short could match ordinary text and mangle the records
            raise ConfigError(
                f"{ENV_API_KEY} does not look like an NCBI API key (they are 36 characters; "
                f"at least {MIN_KEY_LENGTH} are needed here)"
            )

    @property
    def rate(self) -> float:
        """Requests per second: the configured value, capped at 80% of NCBI's limit for this
        key (the head-room is explained in `throttle`)."""
        ceiling = (RATE_WITH_KEY if self.api_key else RATE_WITHOUT_KEY) * SAFETY
        return min(self.requests_per_second or ceiling, ceiling)

    @property
    def secrets(self) -> tuple[str, ...]:
        return (self.api_key,) if self.api_key else ()

    def endpoint_url(self, endpoint: str) -> str:
        return self.base_url.rstrip("/") + "/" + endpoint

    def public(self) -> dict:
        """The settings as recorded in a run's manifest: no key, only whether one was used."""
        return {
            "base_url": self.base_url,
            "tool": self.tool,
            "email_given": bool(self.email),
            "api_key_used": bool(self.api_key),
            "requests_per_second": self.rate,
            "connect_timeout": self.connect_timeout,
            "read_timeout": self.read_timeout,
            "max_attempts": self.max_attempts,
            "max_wait_seconds": self.max_wait_seconds,
            "batch_size": self.batch_size,
            "overlap_days": self.overlap_days,
            "mdat_overlap_days": self.mdat_overlap_days,
            "allow_missing_phrases": list(self.allow_missing_phrases),
        }



_NUMBER = (int, float)
_FLOAT_KEYS = {
    "connect_timeout", "read_timeout", "max_wait_seconds", "backoff_base", "backoff_max", "requests_per_second",
}  # fmt: skip
# key -> (accepted types, check)
_KEYS: dict[str, tuple[tuple[type, ...], str]] = {
    "base_url": ((str,), "url"),
    "tool": ((str,), "nonempty"),
    "email": ((str,), "any"),
    "connect_timeout": (_NUMBER, "positive"),
    "read_timeout": (_NUMBER, "positive"),
    "max_attempts": ((int,), "positive"),
    "max_wait_seconds": (_NUMBER, "nonnegative"),
    "backoff_base": (_NUMBER, "nonnegative"),
    "backoff_max": (_NUMBER, "nonnegative"),
    "requests_per_second": (_NUMBER, "positive"),
    "batch_size": ((int,), "batch"),
    "workers": ((int,), "positive"),
    "overlap_days": ((int,), "nonnegative"),
    "mdat_overlap_days": ((int,), "nonnegative"),
    "archive_dir": ((str,), "nonempty"),
    "allow_missing_phrases": ((list,), "strings"),
    "reconcile_attempts": ((int,), "positive"),
    "missing_retries": ((int,), "nonnegative"),
}


def load_settings(config: Config | None = None, env: Mapping[str, str] | None = None) -> EutilsSettings:
    """Settings from `config`'s `[eutils]` table and the environment; raises ConfigError."""
    env = os.environ if env is None else env
    where = str(config.path) if config is not None and config.path else "config"
    raw = (config.raw or {}) if config is not None else {}
    table = raw.get("eutils", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: [eutils] must be a table")
    if "api_key" in table:
        raise ConfigError(
            f"{where}: eutils.api_key must not be in the config file (it would end up in version "
            f"control); set the environment variable {ENV_API_KEY} instead"
        )
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        raise ConfigError(f"{where}: eutils.{unknown[0]} is not a known setting (known: {', '.join(sorted(_KEYS))})")
    values: dict = {}
    for key, value in table.items():
        types, check = _KEYS[key]
        _check(where, key, value, types, check)
        values[key] = value
    if "archive_dir" in values:
        values["archive_dir"] = Path(values["archive_dir"])
    elif config is not None:
        values["archive_dir"] = config.outputs_dir / "eutils-archive"
    if "allow_missing_phrases" in values:
        values["allow_missing_phrases"] = tuple(values["allow_missing_phrases"])
    if values.get("email") == "":
        values["email"] = None
    for name, variable in (("base_url", ENV_BASE_URL), ("email", ENV_EMAIL), ("tool", ENV_TOOL)):
        if env.get(variable):
            _check(variable, name, env[variable], (str,), "url" if name == "base_url" else "nonempty")
            values[name] = env[variable]
    values["api_key"] = env.get(ENV_API_KEY) or None
    for key in _FLOAT_KEYS & set(values):
        values[key] = float(values[key])
    return EutilsSettings(**values)


def _check(where: str, key: str, value, types: tuple[type, ...], check: str) -> None:
    name = key if where.startswith("NCBI_") else f"eutils.{key}"
    prefix = f"{where}: {name}" if not where.startswith("NCBI_") else f"environment variable {where}"
    if isinstance(value, bool) or not isinstance(value, types):
        wanted = " or ".join(t.__name__ for t in types)
        raise ConfigError(f"{prefix} must be a {wanted}, got {value!r}")
    if check == "url" and not value.startswith(("http://", "https://")):
        raise ConfigError(f"{prefix} must be an http:// or https:// URL, got {value!r}")
    if check == "nonempty" and not value.strip():
        raise ConfigError(f"{prefix} must not be empty")
    if check == "positive" and value <= 0:
        raise ConfigError(f"{prefix} must be greater than 0, got {value!r}")
    if check == "nonnegative" and value < 0:
        raise ConfigError(f"{prefix} must not be negative, got {value!r}")
    if check == "batch" and not 1 <= value <= 10_000:
        raise ConfigError(f"{prefix} must be between 1 and 10000 (NCBI advises 200-500 per POST), got {value!r}")
    if check == "strings" and not all(isinstance(item, str) and item.strip() for item in value):
        raise ConfigError(f"{prefix} must be a list of non-empty strings")
