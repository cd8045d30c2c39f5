"""A throwaway PostgreSQL cluster on a unix socket, for tests of the PostgreSQL dialect."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager

import pytest


def pg_bin() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return os.path.dirname(found[-1]) if found else None


def _as_postgres(cmd: list[str]) -> list[str]:
    # initdb refuses to run as root; the Debian package provides the postgres user.
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@contextmanager
def throwaway_cluster():
    """Yield a SQLAlchemy URL of a fresh database; the cluster is removed afterwards."""
    bindir = pg_bin()
    base = tempfile.mkdtemp(prefix="dyad-pg-")
    data, sock = os.path.join(base, "data"), os.path.join(base, "sock")
    os.makedirs(sock)
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        shutil.chown(sock, "postgres")
    run = lambda *c: subprocess.run(_as_postgres(list(c)), check=True, capture_output=True)
    try:
        run(f"{bindir}/initdb", "-A", "trust", "-U", "postgres", "-D", data)
        run(f"{bindir}/pg_ctl", "-D", data, "-w", "-o", f"-k {sock} -c listen_addresses=''", "-l",
            os.path.join(base, "log"), "start")
        yield f"postgresql+psycopg://postgres@/postgres?host={sock}"
    finally:
        subprocess.run(_as_postgres([f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def pg_url():
    """A throwaway cluster's URL for the test module (import this name to use it); skips without
    the PostgreSQL server binaries."""
    if pg_bin() is None:
        pytest.skip("PostgreSQL server binaries not installed")
    with throwaway_cluster() as url:
        yield url
