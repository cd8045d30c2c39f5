"""The event rollups and the v1 → v2 migration on PostgreSQL (upserts, the SQL rebuild, ALTER TABLE)."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import create_engine, text

from dyad.store import Store
from tests.pg import pg_bin, throwaway_cluster
from tests.test_store_migration import check_v1_upgrade
from tests.test_store_rollup import ACTORS, DATES, SCORES, TEXT, _apply, assert_rollups_exact

pytestmark = pytest.mark.skipif(pg_bin() is None, reason="PostgreSQL server binaries not installed")


@pytest.fixture(scope="module")
def pg_url():
    with throwaway_cluster() as url:
        yield url


def _reset(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def _random_plan(rng: random.Random) -> list:
    from dyad.models import Event

    def event():
        side = lambda: tuple(rng.sample(ACTORS, rng.randint(1, 2)))
        modality = rng.choice(("asserted", "reported", "denied", "hypothetical"))
        return Event(rng.choice(sorted(SCORES)), side(), side(), 0, 0, len(TEXT), "did", date=rng.choice(DATES),
                     negated=rng.random() < 0.3, modality=modality)

    return [(rng.randint(0, 5), [event() for _ in range(rng.randint(0, 4))]) for _ in range(14)]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_store_rollup_postgres_exact_after_random_ingest_and_reanalysis(pg_url, seed):
    _reset(pg_url)
    with Store(pg_url) as store:
        _apply(store, _random_plan(random.Random(seed)))
        assert_rollups_exact(store)


def test_store_rollup_postgres_migrates_a_v1_store(pg_url):
    _reset(pg_url)
    check_v1_upgrade(pg_url)
