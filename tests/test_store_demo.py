import io

from rich.console import Console
from sqlalchemy import func, select

from lagebild.demo import run_demo, sample_documents
from lagebild.store import schema as S
from lagebild.store.db import make_session


def test_samples_have_metadata_and_page_noise():
    docs = sample_documents()
    assert len(docs) >= 5
    assert all(d.source.outlet and d.published.value and d.title for d in docs)
    assert any("Kommentare" in d.text for d in docs)
    assert any("Teilen" in d.text for d in docs)


def test_demo_ingests_once_and_links_the_syndicated_copy(tmp_path):
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    out = io.StringIO()
    run_demo(db, console=Console(file=out, width=120))
    run_demo(db, console=Console(file=out, width=120))  # second run: nothing new
    s = make_session(db)
    n = len(sample_documents())
    assert s.scalar(select(func.count()).select_from(S.DocumentRow)) == n
    dups = s.scalars(select(S.DocumentRow).where(S.DocumentRow.duplicate_of.is_not(None))).all()
    assert len(dups) == 1 and dups[0].outlet == "Küstenkurier"
    assert f"0 new, {n} already stored" in out.getvalue()
