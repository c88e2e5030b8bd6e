"""A definite meeting noun of setting is the meeting told before; dated events rank higher.
(Whole pipeline: the time stage's expressions and the KB's persons are part of it.)"""

from __future__ import annotations

from lagebild.ingest.base import document_from_text
from lagebild.model import Event
from lagebild.pipeline import process


def _meetings(text: str) -> list[Event]:
    doc = process(document_from_text("Bericht\n\n" + text + "\n", published="2025-06-04"))
    return [e for e in doc.events if e.type == "CONSULT"]


def test_bei_dem_treffen_is_the_meeting_already_reported() -> None:
    meetings = _meetings("Andrij Sybiha traf am Montag in Paris Jean-Noël Barrot. Bei dem Treffen "
                         "bat Sybiha die französische Regierung um weitere Luftabwehr.")
    assert len(meetings) == 1 and meetings[0].status == "occurred"
    assert len(set(meetings[0].actors) | set(meetings[0].recipients)) == 2


def test_the_setting_noun_joins_the_latest_meeting_only() -> None:
    meetings = _meetings("Andrij Sybiha traf am Montag in Paris Jean-Noël Barrot. Am Mittwoch "
                         "traf Sybiha in Warschau Radosław Sikorski. Bei dem Treffen bat Sybiha "
                         "um weitere Luftabwehr.")
    assert len(meetings) == 2  # Paris and Warsaw; "dem Treffen" is the Warsaw one


def test_without_an_earlier_meeting_the_setting_noun_is_the_meeting() -> None:
    # near miss: nothing to refer back to, so the meeting named is reported here
    meetings = _meetings("Bei dem Treffen mit Radosław Sikorski in Warschau bat Andrij Sybiha "
                         "um weitere Luftabwehr.")
    assert len(meetings) == 1 and meetings[0].status == "occurred"


def test_an_event_dated_in_its_sentence_ranks_above_an_undated_one() -> None:
    dated = _meetings("Andrij Sybiha traf am Montag in Paris Jean-Noël Barrot.")
    undated = _meetings("Andrij Sybiha traf in Paris Jean-Noël Barrot.")
    assert dated and undated and dated[0].confidence > undated[0].confidence
