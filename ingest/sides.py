"""One-sided contacts completed from the article: a merged candidate that names one side only gets its other side
when the article tells it by a general construction (run after `meetings.merge`, before `has_counterpart`).

- A participant whose country no mention of his states ("le Président Hu Jintao s'est entretenu avec son
  homologue malien X", "Le ministre de l'Éducation nationale, X, a reçu une délégation russe"), in a contact whose
  other side is one state, printed for a participant or an unnamed representative, stands for the other state of
  the article: its home state when that is not the named side, else the state it names most after that one.
- An unnamed head office of the home state as a party of the contact ("était venu rendre une visite de courtoisie
  au chef de l'État", "a été reçu par le président de la République", "chez le Premier ministre") is the home
  state, and the one person of the article who holds that post (`_home_holder`).
"""

from __future__ import annotations

import re
from collections import Counter

from core.text import unify
from ingest.article import Article, Sentence
from ingest.cues import alt, load_cues
from ingest.meetings import Candidate, has_counterpart, sender_at
from ingest.people import ArticlePeople
from ingest.roles import title_kind

# "au chef de l'État", "par le Premier ministre", "chez le président de la République": a head office printed
# alone, with its article or a preposition that contracts it
_HOME_OFFICE = re.compile(
    rf"\b(?:le|la|au|du|chez le|par le|avec le|aupr[èe]s du) (?:{alt(load_cues().titles.home_offices)})\b",
    re.IGNORECASE,
)
# characters after the office in which a name, a country or a demonym (or one inside it: "le Président de la
# République de Guinée") makes it another's office
_QUALIFIED = 40
_QUALIFIERS = ("PER", "STATE", "DEMONYM", "CAPITAL")
# "nommé ambassadeur auprès de la République d'Angola": an ambassador's title that names where he is posted
_POSTED = re.compile(r"\bambassad\w*\b.*\b(?:aupr[èe]s d|en |au |aux )", re.IGNORECASE)
_MINISTRY = re.compile(r"\bminist[èe]re\b", re.IGNORECASE)
_POSTING_REACH = 150  # characters around a mention read for his posting
_LOCATIVE = re.compile(r"\b(?:à|en|au|aux|aupr[èe]s)\b", re.IGNORECASE)
# "directeur national des douanes": a post whose head noun is qualified as national, with no country printed
_NATIONAL = re.compile(r"^(?:(?:le|la|les|l') ?)?[\w-]+ nationa(?:l|le|ux|les)\b", re.IGNORECASE)


def complete_sides(cands: list[Candidate], article: Article, people: ArticlePeople, counts: Counter[str]) -> None:
    """Give one-sided candidates their other side, in place (see the module docstring)."""
    for c in cands:
        if has_counterpart(c) or c.type == "multilateral" or len(set(c.states)) != 1:
            continue
        if not _stateless_side(c, people, counts):
            _home_office_side(c, article.sentences[c.sentence], people)


def _stateless_side(c: Candidate, people: ArticlePeople, counts: Counter[str]) -> bool:
    """The one participant whose country the article never states takes the article's other state."""
    named = c.states[0]
    when = c.date.value if c.date else None
    cands = [p for p in c.participants if p not in c.company]
    printed = any(people.state_of.get(p) == named for p in c.participants)
    unknown = [p for p in cands if _stateless(people, p, when)]
    if len(unknown) != 1:  # else a minister whose home state was only a guess
        unknown = [p for p in cands if _stateless(people, p, when, guessed=True)]
    if len(unknown) != 1 or not (printed or named in c.rep_states):
        return False
    other = _other_state(named, people.home_state, counts)
    if other is None or _posted_to(people, unknown[0], other):
        return False
    c.party[unknown[0]] = other
    c.states.append(other)
    return True


def _stateless(people: ArticlePeople, pid: str, when: str | None, guessed: bool = False) -> bool:
    """No state printed or known for a person (with `guessed`, also a minister whose home state was only
    guessed), who is no official of an organisation."""
    if pid in people.state_of or (not guessed and people.state(pid) is not None):
        return False
    if not guessed and people.represented_state(pid, when) is not None:
        return False
    title = people.titles.get(pid)
    if title is not None and title[1] is not None:
        return False  # "médiateur de la CEDEAO": an organisation's official
    if title is not None and (_NATIONAL.match(title[0].strip()) or _MINISTRY.search(title[0])):
        return False  # "le directeur national des douanes", "Ministère de la Santé : X": a national post
    if title is not None and _POSTED.search(title[0]):
        return False  # "nommé ambassadeur auprès de la République d'Angola": posted there, sent by another state
    entry = people.entries.get(pid)
    return entry is None or not entry.posts


def _posted_to(people: ArticlePeople, pid: str, iso: str) -> bool:
    """Whether a mention of the person names him an ambassador posted to that state ("le nouvel ambassadeur du Mali
    à Doha (Qatar), Mme X", "X, nommé ambassadeur auprès de la République d'Angola"): he is sent there by the other
    side, a courtesy call before taking up his post is no contact with that state."""
    for (si, start), cluster in people.resolver.by_mention.items():
        if cluster.id != pid:
            continue
        sent = people.article.sentences[si]
        text = unify(sent.text)
        lo, hi = max(0, start - _POSTING_REACH), start + _POSTING_REACH
        for e in sent.ents:
            if not (lo <= e.start < hi and e.ident == f"state:{iso}"):
                continue
            amb = text.rfind("mbassad", lo, e.start)
            if amb >= 0 and _LOCATIVE.search(text, max(amb, e.start - 20), e.start):
                return True
    return False


def _other_state(named: str, home: str | None, counts: Counter[str]) -> str | None:
    """The article's home state when it is not the named side, else the state it names most after that side
    (None when two states tie)."""
    if home is not None and home != named:
        return home
    ranked = [(n, iso) for iso, n in counts.most_common() if iso != named]
    if not ranked or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return None
    return ranked[0][1]


def _home_office_side(c: Candidate, sent: Sentence, people: ArticlePeople) -> None:
    """A foreign side alone, and the sentence names a head office of the home state with no name or country; not
    for a contact with no date at all, which is mostly a remark about a contact told elsewhere."""
    home = people.home_state
    if home is None or home in c.states or c.date is None:
        return  # undated ("À sa sortie d'audience, X a confié avoir discuté avec le chef de l'État"): a remark
    text = unify(sent.text)
    for m in _HOME_OFFICE.finditer(text):
        if sender_at(sent, m.start()) or any(
            e.label in _QUALIFIERS and e.end > m.start() and e.start <= m.end() + _QUALIFIED for e in sent.ents
        ):
            continue
        c.states.append(home)
        c.rep_states.append(home)
        holder = _home_holder(people, home, title_kind(m.group(0)))
        if holder is not None and holder not in c.participants:
            c.participants.append(holder)
            c.party[holder] = home
        return


def _home_holder(people: ArticlePeople, home: str, kind: str | None) -> str | None:
    """The one person of the article who holds a post of this kind for the home state."""
    if kind is None:
        return None
    found = [pid for pid in people.ids() if people.state(pid) == home and kind in people.kinds(pid)]
    return found[0] if len(found) == 1 else None
