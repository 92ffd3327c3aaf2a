"""Prefect's offline-safe settings, applied in one place, before Prefect is imported.

This machine (and CI) reaches no network but the package registries, so Prefect must not
phone home and must be given time to start its ephemeral API server. Import this module
first in every flow module; values already set in the environment win.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

OFFLINE_SETTINGS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW": "ignore",
}


def apply_offline_settings(prefect_home: str | Path | None = None) -> dict[str, str]:
    """Set the offline settings unless already set; PREFECT_HOME defaults to a writable temp dir."""
    for name, value in OFFLINE_SETTINGS.items():
        os.environ.setdefault(name, value)
    if prefect_home is not None:
        os.environ["PREFECT_HOME"] = str(prefect_home)
    elif "PREFECT_HOME" not in os.environ:
        os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="mbc-sr-prefect-")
    return {name: os.environ[name] for name in [*OFFLINE_SETTINGS, "PREFECT_HOME"]}


apply_offline_settings()
