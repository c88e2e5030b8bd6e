"""A throwaway PostgreSQL server for tests, started from Debian's binaries.

Usage in a test module::

    from tests.pg import pg_url  # noqa: F401  (the session fixture)

``pg_url`` yields a ``postgresql+psycopg://`` URL of a fresh database. Without server binaries it
skips with a visible reason (or fails under ``LAGEBILD_REQUIRE_ALL=1``, via ``require``). As root,
the server runs as the ``postgres`` user (PostgreSQL refuses to run as root).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import require

__all__ = ["pg_server", "pg_url", "db_url"]  # fixtures; test modules star-import them


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", "postgres", "--", *cmd]
    return ["su", "postgres", "-c", " ".join(cmd)]


class PgServer:
    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.tmp = Path(tempfile.mkdtemp(prefix="lagebild-pg-"))
        self.data = self.tmp / "data"
        self.port = _free_port()
        if os.geteuid() == 0:
            shutil.chown(self.tmp, "postgres")
            os.chmod(self.tmp, 0o700)

    def _run(self, *args: str) -> None:
        subprocess.run(_as_server_user([str(self.bindir / args[0]), *args[1:]]), check=True,
                       capture_output=True, timeout=120)

    def start(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust",
                  "-E", "UTF8", "--locale=C.UTF-8")
        opts = f"-p {self.port} -k {self.tmp} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run("pg_ctl", "-D", str(self.data), "-o", opts, "-l", str(self.tmp / "log"),
                  "-w", "start")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "stop")
        finally:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def create_database(self) -> str:
        import psycopg

        name = "lb_" + uuid.uuid4().hex[:12]
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    bindir = _bin_dir()
    require(bindir is not None,
            "PostgreSQL server binaries not found (apt-get install postgresql)")
    assert bindir is not None
    server = PgServer(bindir)
    try:
        server.start()
    except (subprocess.CalledProcessError, OSError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        server.stop()
        require(False, f"PostgreSQL could not start: {exc} {detail.decode(errors='replace')}")
    yield server
    import gc

    from lagebild.store.db import dispose_engines

    gc.collect()  # connections of engines the tests dropped go back to their pools first
    dispose_engines()
    server.stop()


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """A fresh, empty database on the session's server."""
    return pg_server.create_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each test using this runs once on a SQLite file and once on a real PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return request.getfixturevalue("pg_url")
