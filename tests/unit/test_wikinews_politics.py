"""``scripts/wikinews_politics.py``: titles from page names and the overlap check that keeps
the politics sets apart from every other text (invented inputs; the source file itself is
not in the repository)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from wikinews_politics import OverlapIndex, title_from_source_name


@pytest.mark.parametrize(
    ("name", "title"),
    [
        (
            "https_de.wikinews.org_wiki_Stadtrat_beschlie_C3_9Ft_Haushalt",
            "Stadtrat beschließt Haushalt",
        ),
        ("https_de.wikinews.org_wiki_Wahl_2005_verschoben", "Wahl 2005 verschoben"),  # no escape
        ("https_de.wikinews.org_wiki_Neue_Steuer_3F", "Neue Steuer?"),
        ("https_de.wikinews.org_wiki_Abschied_von_M_C3_BCller", "Abschied von Müller"),
    ],
)
def test_title_from_source_name(name, title):
    assert title_from_source_name(name) == title


BASE = (
    "Der Gemeinderat von Musterstadt hat am Dienstag mit knapper Mehrheit beschlossen, das "
    "alte Hallenbad am Stadtpark zu schließen und an seiner Stelle eine Bibliothek zu bauen. "
    "Die Opposition kündigte an, dagegen ein Bürgerbegehren zu starten."
)


def test_overlap_copy_and_near_copy():
    index = OverlapIndex([BASE])
    assert index.overlaps(BASE)  # a copy
    assert index.overlaps("Vorspann.  " + BASE.replace("Dienstag", "Mittwoch"))  # near copy
    other = (
        "Im Nachbarort wurde ein neuer Bürgermeister gewählt; er will die Schulen sanieren "
        "und die Buslinien ausbauen, sagte er nach der Auszählung der Stimmen am Abend."
    )
    assert not index.overlaps(other)
