"""One Prefect test harness for all flow tests: starting it costs ~12 s, a flow run ~1 s.

Package scope, not session: the harness's server keeps running background services that draw from
the global `random` module (measured: six changes of `random.getstate()` in 90 s while idle, none
after the harness exits). Left running through the rest of the session, that made Hypothesis warn
now and then that a strategy had used `random` (HypothesisDeprecationWarning in a query-parser
property test). Torn down after the last test of `tests/flows`, it cannot reach the other tests.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="package")
def prefect_harness(tmp_path_factory):
    from flows.offline import apply_offline_settings

    apply_offline_settings(prefect_home=tmp_path_factory.mktemp("prefect-home"))
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=None):  # None: use the 90 s offline setting
        yield
