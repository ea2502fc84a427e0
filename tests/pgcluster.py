"""A throwaway PostgreSQL server for the tests and benchmarks: Debian's initdb/pg_ctl in a temp dir.

``PARLEY_TEST_PG`` (a server URL whose user may create databases) skips all this. Otherwise the
cluster runs as the ``postgres`` user when we are root (initdb refuses root), listens on a free
loopback port and is deleted on :meth:`Cluster.stop`. Also a script, for manual runs::

    .venv/bin/python tests/pgcluster.py   # prints the URL, stops on Ctrl-C
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg

ENV_VAR = "PARLEY_TEST_PG"
BIN_GLOB = "/usr/lib/postgresql/*/bin"
USER = "postgres"
# Throwaway data: durability buys nothing here and costs seconds per test session.
FAST = ("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")


class PgUnavailable(RuntimeError):
    """No PostgreSQL could be started; the message says what was missing."""


@dataclass(slots=True)
class Cluster:
    url: str  # server URL, ending in the maintenance database ``postgres``
    directory: Path | None = None  # None when the server is external (PARLEY_TEST_PG)
    pg_ctl: str = ""

    def database_url(self, name: str) -> str:
        return self.url.rsplit("/", 1)[0] + "/" + name

    def create_database(self, name: str) -> str:
        _admin(self.url, f'CREATE DATABASE "{name}"')
        return self.database_url(name)

    def drop_database(self, name: str) -> None:
        _admin(self.url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        if self.directory is None:
            return
        _run_as_owner([self.pg_ctl, "stop", "-D", str(self.directory / "data"), "-m", "immediate", "-w"])
        shutil.rmtree(self.directory, ignore_errors=True)


def start(fast: bool = True) -> Cluster:
    """The external server from ``PARLEY_TEST_PG``, else a fresh local cluster."""
    external = os.environ.get(ENV_VAR)
    if external:
        _admin(external, "SELECT 1")
        return Cluster(url=external)
    return _start_local(fast)


def _start_local(fast: bool) -> Cluster:
    bindir = find_bindir()
    directory = Path(tempfile.mkdtemp(prefix="parley-pg-"))
    if os.geteuid() == 0:
        shutil.chown(directory, USER, USER)
    data, port = directory / "data", _free_port()
    try:
        _run_as_owner([f"{bindir}/initdb", "-D", str(data), "-U", USER, "--auth=trust", "-E", "UTF8", "--no-sync"])
        options = " ".join(["-h 127.0.0.1", f"-p {port}", f"-k {directory}", *(FAST if fast else ())])
        _run_as_owner([f"{bindir}/pg_ctl", "start", "-D", str(data), "-o", options, "-l", str(directory / "log"),
                       "-w", "-t", "30"])
    except PgUnavailable:
        shutil.rmtree(directory, ignore_errors=True)
        raise
    return Cluster(url=f"postgresql://{USER}@127.0.0.1:{port}/postgres", directory=directory,
                   pg_ctl=f"{bindir}/pg_ctl")


def find_bindir() -> str:
    """Debian's versioned bin directory (newest version first), else initdb on PATH."""
    for bindir in sorted(glob.glob(BIN_GLOB), key=_version, reverse=True):
        if Path(bindir, "initdb").exists():
            return bindir
    initdb = shutil.which("initdb")
    if initdb:
        return str(Path(initdb).parent)
    raise PgUnavailable("no initdb found (apt-get install -y postgresql, or set PARLEY_TEST_PG)")


def _version(bindir: str) -> int:
    name = Path(bindir).parent.name
    return int(name) if name.isdigit() else 0


def _run_as_owner(argv: list[str]) -> None:
    if os.geteuid() == 0:
        argv = ["runuser", "-u", USER, "--", *argv]
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PgUnavailable(f"{argv[0]}: {error}") from None
    if done.returncode != 0:
        raise PgUnavailable(f"{' '.join(argv)} failed: {(done.stderr or done.stdout).strip()[-500:]}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _admin(url: str, sql: str) -> None:
    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=10) as conn:
            conn.execute(sql.encode())
    except psycopg.OperationalError as error:
        raise PgUnavailable(f"{url}: {error}".strip()) from None


if __name__ == "__main__":
    cluster = start(fast=False)
    print(cluster.url, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        cluster.stop()
