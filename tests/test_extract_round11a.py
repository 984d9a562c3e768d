"""Round 11a (issue 14), the participants of a found contact: who took part and who is only named. One test per
general French construction on an invented text; every text goes through the whole extraction."""

from __future__ import annotations

from extraction_text import participant_names, run
from spacy.language import Language


def test_the_inviter_of_a_visit_is_its_host(nlp: Language) -> None:
    # "a effectué une visite à Niamey à l'invitation de son homologue X": X received the visitor
    x = run(
        "Le Premier ministre malien, Moussa Diarra, a effectué le lundi 9 avril 2018 une visite de travail à Niamey "
        "à l'invitation de son homologue du Niger, M. Brigi Rafini.",
        published="2018-04-10",
    )
    (visit,) = x.meetings
    assert participant_names(x, visit.participants) == {"Moussa Diarra", "Brigi Rafini"}
