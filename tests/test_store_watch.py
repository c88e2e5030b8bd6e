from sqlalchemy import func, select
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.store import schema as S
from lagebild.store.db import make_session


def test_watch_ingests_only_new_files(tmp_path):
    folder = tmp_path / "eingang"
    folder.mkdir()
    for i in range(2):
        (folder / f"m{i}.txt").write_text(f"Meldung {i}\n\nDie Gespräche in Genf gehen weiter.")
    db = f"sqlite:///{tmp_path / 'w.db'}"
    runner = CliRunner()
    args = ["watch", str(folder), "--db", db, "--once"]
    assert runner.invoke(app, args).exit_code == 0
    res = runner.invoke(app, args)
    assert res.exit_code == 0 and "new" not in res.output  # nothing new, nothing printed
    (folder / "m2.txt").write_text("Meldung 2\n\nEin weiterer Bericht aus Genf.")
    res = runner.invoke(app, args)
    assert "1 new" in res.output
    s = make_session(db)
    assert s.scalar(select(func.count()).select_from(S.DocumentRow)) == 3
    assert s.scalar(select(func.count()).select_from(S.SeenRow)) == 3
