"""Engines, sessions and schema migrations for SQLite (default) and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_DB = "sqlite:///lagebild.db"


def normalise_url(url: str) -> str:
    """Accept the usual spellings: a bare path means SQLite, ``postgresql://`` means psycopg 3."""
    if "://" not in url:
        return f"sqlite:///{url}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    # WAL: readers (the API, queries) never block the single writer; NORMAL sync is safe in WAL
    # (a crash loses at most the last commits, never corrupts), and it is far faster than FULL.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


_ENGINES: dict[str, Engine] = {}


def get_engine(url: str = DEFAULT_DB) -> Engine:
    """An engine for ``url`` (one per URL and process), schema migrated to the newest revision."""
    url = normalise_url(url)
    engine = _ENGINES.get(url)
    if engine is None:
        engine = create_engine(url, future=True)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        migrate(engine)
        _ENGINES[url] = engine
    return engine


def dispose_engines() -> None:
    """Close every pooled connection (before a database server goes away, e.g. in tests)."""
    for engine in _ENGINES.values():
        engine.dispose()
    _ENGINES.clear()


def alembic_config() -> Config:
    cfg = Config()
    location = resources.files("lagebild.store") / "migrations"
    cfg.set_main_option("script_location", str(location))
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision (a no-op when it already is)."""
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def make_session(url: str = DEFAULT_DB) -> Session:
    return sessionmaker(get_engine(url), expire_on_commit=False)()


@contextmanager
def session_scope(url: str = DEFAULT_DB) -> Iterator[Session]:
    session = make_session(url)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def table_names(engine: Engine) -> list[str]:
    return sorted(inspect(engine).get_table_names())
