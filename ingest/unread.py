"""Contact sentences that gave no meeting: where the graph may be silent, listed for researchers (GET /unread).

The rules keep a contact only when both of its sides are identified (`ingest.meetings.has_counterpart`). A sentence
whose contact cue found one side only ("le ministre a reçu une délégation", a counterpart whose state the article
never gives) yields no meeting, and nothing in the graph shows it. Such sentences are kept as *unread contacts*,
with the side that was found, so that a researcher sees where the graph may be silent and reads the article:

- `one_side_named`: a contact cue, and a candidate whose other side the rules could not identify;
- `undated_earlier_contact`: an earlier contact told without any date ("X avait rencontré Y").

Sentences set aside on purpose (announced, negated or historical contacts, headlines, a visit recalled in passing
and reported from its own sentence) are not listed, nor is a sentence that gave a meeting. On the 895 public real
articles about one such sentence in four holds a gold meeting the rules missed (docs/review.md, *Unread contacts*).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ingest.article import Article
from ingest.meetings import Candidate, meeting_cue
from ingest.models import UnreadContact, UnreadReason

# The gates of `CandidateFinder` (its `gates`) that leave a contact unread rather than rejected.
_UNREAD_GATES: Mapping[str, UnreadReason] = {"undated pluperfect": "undated_earlier_contact"}


def unread_contacts(
    article: Article, kept: Sequence[Candidate], dropped: Sequence[Candidate], gates: Mapping[int, str]
) -> list[UnreadContact]:
    """The article's unread contacts in sentence order: the sentences of `dropped` candidates (merged, without a
    counterpart) that no `kept` candidate comes from, and the sentences of the gates in `_UNREAD_GATES`."""
    read = {c.sentence for c in kept}
    found: dict[int, UnreadContact] = {}
    for c in dropped:
        if c.sentence in read or c.sentence in found:
            continue
        found[c.sentence] = UnreadContact(
            type=c.type,
            reason="one_side_named",
            participants=c.participants,
            states=c.states,
            evidence=c.evidence,
        )
    for i, gate in gates.items():
        if (reason := _UNREAD_GATES.get(gate)) is None or i in read or i in found:
            continue
        text = article.sentences[i].text
        cue = meeting_cue(text)
        found[i] = UnreadContact(type=cue[0] if cue else "other", reason=reason, evidence=text.strip())
    return [found[i] for i in sorted(found)]
