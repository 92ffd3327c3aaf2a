"""One Prefect test harness for the whole session: starting it costs ~12 s, a flow run ~1 s."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory):
    from flows.offline import apply_offline_settings

    apply_offline_settings(prefect_home=tmp_path_factory.mktemp("prefect-home"))
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=None):  # None: use the 90 s offline setting
        yield
