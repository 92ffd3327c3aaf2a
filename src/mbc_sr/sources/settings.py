"""The config tables of the offline sources, checked: `[pubmed_files]`, `[[imports]]`, `[refresh]`.

Paths are relative to the directory the command runs in (as `[outputs] dir` is). Every error
names the config file and the key, e.g. ``config/review.toml: pubmed_files.engine must be
one of serial, processes, dask, got 'threads'``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mbc_sr.config import DEFAULT_CONFIG, Config, ConfigError

ENGINES = ("serial", "processes", "dask")
SOURCE_KINDS = ("database", "register", "other")
IMPORT_FORMATS = ("ris", "medline", "endnote", "csv")
REFRESH_SOURCES = ("eutils", "pubmed_files", "imports")


@dataclass(frozen=True, slots=True)
class PubMedFilesSettings:
    """`[pubmed_files]`: where the local PubMed files are and how to search them."""

    paths: tuple[Path, ...] = ()
    search: str | None = None  # None: store every record (a mirror)
    source: str | None = None  # None: "PubMed (local search)" / "PubMed (local files)"
    mesh_tree: Path | None = None
    engine: str = "serial"
    workers: int = 2
    dask_address: str | None = None
    files_per_task: int = 8
    batch_size: int = 1000


@dataclass(frozen=True, slots=True)
class ImportSpec:
    """One `[[imports]]` entry: an export file and the source it is a search of."""

    file: Path
    source: str
    kind: str = "database"
    format: str | None = None
    columns: dict[str, str] = field(default_factory=dict)


def _where(config: Config) -> Path:
    return config.path or DEFAULT_CONFIG


def _table(config: Config, name: str) -> dict[str, Any]:
    table = (config.raw or {}).get(name, {})
    if not isinstance(table, dict):
        raise ConfigError(f"{_where(config)}: [{name}] must be a table")
    return table


def _check(config: Config, key: str, value: Any, expected: type | tuple[type, ...], what: str) -> Any:
    if not isinstance(value, expected) or isinstance(value, bool) and expected is not bool:
        raise ConfigError(f"{_where(config)}: {key} must be {what}, got {value!r}")
    return value


def _known_keys(config: Config, prefix: str, table: dict, known: tuple[str, ...]) -> None:
    unknown = sorted(set(table) - set(known))
    if unknown:
        raise ConfigError(f"{_where(config)}: {prefix}.{unknown[0]} is not a known key (known: {', '.join(known)})")


def pubmed_files_settings(config: Config) -> PubMedFilesSettings:
    table = _table(config, "pubmed_files")
    keys = ("paths", "search", "source", "mesh_tree", "engine", "workers", "dask_address", "files_per_task", "batch_size")
    _known_keys(config, "pubmed_files", table, keys)
    paths = _check(config, "pubmed_files.paths", table.get("paths", []), list, "a list of paths")
    for index, path in enumerate(paths):
        _check(config, f"pubmed_files.paths[{index}]", path, str, "a path (string)")
    search = _check(config, "pubmed_files.search", table.get("search", ""), str, "a saved search name or \"\"") or None
    if search is not None:
        names = [s.name for s in config.searches if s.database == "pubmed"]
        if search not in names:
            raise ConfigError(
                f"{_where(config)}: pubmed_files.search names no PubMed [[searches]] entry: {search!r} "
                f"(known: {', '.join(names) or 'none'})"
            )
    engine = _check(config, "pubmed_files.engine", table.get("engine", "serial"), str, "a string")
    if engine not in ENGINES:
        raise ConfigError(f"{_where(config)}: pubmed_files.engine must be one of {', '.join(ENGINES)}, got {engine!r}")
    numbers = {}
    for key, default in (("workers", 2), ("files_per_task", 8), ("batch_size", 1000)):
        value = _check(config, f"pubmed_files.{key}", table.get(key, default), int, "a whole number")
        if value < 1:
            raise ConfigError(f"{_where(config)}: pubmed_files.{key} must be at least 1, got {value}")
        numbers[key] = value
    mesh_tree = _check(config, "pubmed_files.mesh_tree", table.get("mesh_tree", ""), str, "a path or \"\"")
    return PubMedFilesSettings(
        paths=tuple(Path(path) for path in paths),
        search=search,
        source=_check(config, "pubmed_files.source", table.get("source", ""), str, "a string") or None,
        mesh_tree=Path(mesh_tree) if mesh_tree else None,
        engine=engine,
        dask_address=_check(config, "pubmed_files.dask_address", table.get("dask_address", ""), str, "a string") or None,
        **numbers,
    )


def import_specs(config: Config) -> tuple[ImportSpec, ...]:
    entries = (config.raw or {}).get("imports", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{_where(config)}: imports must be an array of tables ([[imports]])")
    specs = []
    for index, entry in enumerate(entries):
        prefix = f"imports[{index}]"
        _check(config, prefix, entry, dict, "a table")
        _known_keys(config, prefix, entry, ("file", "source", "kind", "format", "columns"))
        for key in ("file", "source"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise ConfigError(f"{_where(config)}: {prefix}.{key} is required and must be a non-empty string")
        kind = _check(config, f"{prefix}.kind", entry.get("kind", "database"), str, "a string")
        if kind not in SOURCE_KINDS:
            raise ConfigError(f"{_where(config)}: {prefix}.kind must be one of {', '.join(SOURCE_KINDS)}, got {kind!r}")
        fmt = _check(config, f"{prefix}.format", entry.get("format", ""), str, "a string") or None
        if fmt is not None and fmt not in IMPORT_FORMATS:
            raise ConfigError(f"{_where(config)}: {prefix}.format must be one of {', '.join(IMPORT_FORMATS)} or \"\", got {fmt!r}")
        columns = _check(config, f"{prefix}.columns", entry.get("columns", {}), dict, "a table of field = \"Column\"")
        for name, column in columns.items():
            _check(config, f"{prefix}.columns.{name}", column, str, "a column name (string)")
        specs.append(ImportSpec(Path(entry["file"]), entry["source"].strip(), kind, fmt, dict(columns)))
    return tuple(specs)


def refresh_sources(config: Config) -> tuple[str, ...]:
    """`[refresh] sources`: which kinds of source the refresh flow runs, in order."""
    table = _table(config, "refresh")
    sources = _check(config, "refresh.sources", table.get("sources", ["eutils"]), list, "a list")
    for index, name in enumerate(sources):
        if name not in REFRESH_SOURCES:
            raise ConfigError(
                f"{_where(config)}: refresh.sources[{index}] must be one of {', '.join(REFRESH_SOURCES)}, got {name!r}"
            )
    return tuple(sources)
