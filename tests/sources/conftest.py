"""The store fixtures of tests/store (SQLite and PostgreSQL backends), for the source tests."""

from tests.store.conftest import (  # noqa: F401 - imported fixtures register here
    backend,
    dump_tables,
    make_store,
    make_store_url,
    postgres_url,
    pubmed_file,
    store,
    store_url,
)
