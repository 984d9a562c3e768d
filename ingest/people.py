"""People of one article: clusters of mentions with the title they hold and the state they represent."""

from __future__ import annotations

import copy
import re
from dataclasses import replace

from core.text import fold, unify
from ingest.article import Article, Ent
from ingest.cues import alt, load_cues
from ingest.gazetteer import Gazetteer
from ingest.models import Person, Role
from ingest.resolve import PeopleResolver, PersonCluster, clean_name, person_mentions
from ingest.roles import GENERIC_TITLE, ROLE, CleanTitle, clean_title, person_role, title_kind

_ROTATING_CHAIR = re.compile(alt(load_cues().titles.rotating_chairs), re.IGNORECASE)


class ArticlePeople:
    """Resolved people of an article: `state_of` (person id -> ISO3, as stated) and `titles` (id -> (title,
    represents)). A minister whose country is not stated belongs to the article's home state (`state`)."""

    def __init__(self, article: Article, gaz: Gazetteer, bylines: list[str], home_state: str | None) -> None:
        self.article = article
        self.home_state = home_state
        self.gaz_states = set(gaz.state_by_iso3)
        self.org_forms = {o.id: [fold(f) for f in (o.name, o.acronym, *o.aliases) if f] for o in gaz.organisations}
        self.unqualified: set[str] = set()
        self.resolver: PeopleResolver = person_mentions(article, gaz, {fold(b) for b in bylines})
        self.entries = {c.id: c.entry for c in self.resolver.clusters if c.entry is not None}  # gazetteer entries
        self.state_of: dict[str, str] = {}
        self.titles: dict[str, tuple[str, str | None]] = {}
        self.clean: dict[str, CleanTitle] = {}  # the first usable printed title, else the first one
        self.kind_hint: dict[str, str] = {}  # "son homologue russe": the counterpart's post kind
        self._roles()

    def with_states(self, inferred: dict[str, str]) -> ArticlePeople:
        """A copy where people whose country the text did not state take the one inferred from a meeting (the
        one state of the meeting nobody else represents); this object is left as it is."""
        out = copy.copy(self)
        out.state_of = {**inferred, **self.state_of}
        return out

    def cluster(self, sentence: int, start: int) -> PersonCluster | None:
        """The person a PER mention (sentence index, start offset) resolved to."""
        return self.resolver.by_mention.get((sentence, start))

    def _roles(self) -> None:
        for (si, start), cluster in self.resolver.by_mention.items():
            sent = self.article.sentences[si]
            ent = next(e for e in sent.ents if e.start == start and e.label == "PER")
            guess = person_role(sent, ent)
            rep = guess.state or guess.org
            if cluster.id not in self.titles and guess.title:
                self.titles[cluster.id] = (guess.title, rep)
            ct = clean_title(guess.title)
            if guess.title and (cluster.id not in self.clean or (ct.title and not self.clean[cluster.id].title)):
                self.clean[cluster.id] = ct
                if ct.relational and (kind := self._counterpart_kind(si, start)):
                    self.kind_hint[cluster.id] = kind
            if guess.state and cluster.id not in self.state_of:
                self.state_of[cluster.id] = guess.state
        for c in self.resolver.clusters:
            if c.entry and c.entry.nationality:
                self.state_of[c.id] = c.entry.nationality
            elif c.id not in self.state_of:
                title = self.titles.get(c.id, ("", None))
                if "ministre" in title[0].lower() and title[1] is None:
                    self.unqualified.add(c.id)

    def _counterpart_kind(self, si: int, start: int) -> str | None:
        """Post kind of the other titled person of the sentence: "X, ministre des Affaires étrangères, ... avec
        son homologue malien, Y" -> foreign_minister."""
        sent = self.article.sentences[si]
        for e in sent.ents:
            if e.label != "PER" or e.start == start:
                continue
            if kind := title_kind(clean_title(person_role(sent, e).title).title):
                return kind
        return None

    def title(self, pid: str, date: str | None) -> tuple[str, str | None] | None:
        """(title, represented state or organisation) of a person on a date: the printed title when it is a real
        one; else (missing, relational, a bare rank) the gazetteer post held then, preferring the counterpart's
        kind ("son homologue russe"); else the usual title of that kind; else None."""
        ct = self.clean.get(pid)
        rep = self.titles[pid][1] if pid in self.titles else None
        posts = self.entries[pid].posts_at(date) if pid in self.entries else []
        if ct is not None and ct.title:
            # "secrétaire général" printed, "secrétaire général des Nations unies" in the gazetteer: its body
            same = [p for p in posts if fold(p.title).startswith(fold(ct.title))]
            return ct.title, rep or (same[0].represents if same else self.state(pid))
        hint = self.kind_hint.get(pid)
        posts = sorted(posts, key=lambda p: p.kind != hint)
        if posts:
            return clean_title(posts[0].title).title or posts[0].title, posts[0].represents
        if hint:
            return GENERIC_TITLE[hint], rep or self.state(pid)
        return None

    def state(self, pid: str) -> str | None:
        """The state a person represents: as stated, else the home state for an unqualified minister."""
        if pid in self.state_of:
            return self.state_of[pid]
        return self.home_state if pid in self.unqualified else None

    def represented_state(self, pid: str, date: str | None = None) -> str | None:
        """The state a person stands for at a meeting: none for an official of an organisation ("président de la
        Commission de l'Union africaine"), whatever his nationality; nor, at a meeting on `date`, for one whose
        posts then are all an organisation's ("l'ancien président du Nigeria X", "le médiateur de la Cédéao dans la
        crise malienne, X") unless a printed title names a state and not that organisation."""
        title = self.titles.get(pid)
        if title is not None and title[1] is not None and title[1] not in self.gaz_states:
            return self._chair_state(pid, title[0], date)
        posts = self.entries[pid].posts if pid in self.entries else []
        if (title is None or title[1] is None) and posts and all(p.represents not in self.gaz_states for p in posts):
            return None  # "son Secrétaire général, X": the gazetteer knows him only as an organisation's official
        held = self.entries[pid].posts_at(date) if date is not None and pid in self.entries else []
        if held and all(p.represents not in self.gaz_states for p in held):
            printed = fold(title[0]) if title is not None and title[1] is not None else None
            if printed is None or any(f in printed for p in held for f in self.org_forms.get(p.represents, [])):
                return None
        return self.state(pid)

    def _chair_state(self, pid: str, title: str, date: str | None) -> str | None:
        """A rotating chair of an organisation ("président en exercice de l'Union africaine", `titles.
        rotating_chairs`) stands for the state whose post the gazetteer gives him then (on `date`, else any he
        held); None for any other organisation's official."""
        if not _ROTATING_CHAIR.search(title) or pid not in self.entries:
            return None
        entry = self.entries[pid]
        held = entry.posts_at(date) if date is not None else entry.posts
        return next((p.represents for p in held if p.represents in self.gaz_states), None)

    def ids(self) -> list[str]:
        return [c.id for c in self.resolver.clusters]

    def kinds(self, pid: str) -> set[str]:
        """Post kinds of a person: from the printed title and from the gazetteer posts."""
        out = set()
        if pid in self.titles and (kind := title_kind(self.titles[pid][0])):
            out.add(kind)
        if pid in self.entries:
            out |= {post.kind for post in self.entries[pid].posts}
        if "ministre" in self.titles.get(pid, ("", None))[0].lower() or any(k.endswith("minister") for k in out):
            out.add("minister")  # "le ministre nigérien" may name any minister
        return out

    def persons(self) -> list[Person]:
        return [self._person(c) for c in self.resolver.clusters]

    def _person(self, c: PersonCluster) -> Person:
        published = self.article.published.isoformat() if self.article.published else None
        found = self.title(c.id, published)
        roles = [Role(title=found[0], represents=found[1])] if found else []
        return Person(
            id=c.id,
            name=self.resolver.canonical_name(c),
            aliases=c.aliases,
            roles=roles,
            nationality=self.state(c.id),
            wikidata=c.entry.wikidata if c.entry else None,
        )


def relabel_surnames(article: Article) -> Article:
    """The article with mentions the NER labelled as a place or organisation that are people relabelled PER: a
    full name or surname of a PER found elsewhere in the article ("le général Tiani" as LOC), or a name in
    apposition to a title ("l'ambassadeur d'Algérie au Mali, El Haouès Riache," as LOC)."""
    names: set[str] = set()
    for s in article.sentences:
        for e in s.ents:
            if e.label == "PER" and (name := clean_name(e.text)) and len(name.split()) >= 2:
                names |= {fold(name), fold(name).split()[-1]}
    sentences = []
    for s in article.sentences:
        text = unify(s.text)
        ents = [
            replace(e, label="PER") if _is_person(e, names, text) else (_titled_name(e) or e) for e in s.ents
        ]  # "Ministre des Mines Amadou Keita" taken as an ORG: the name at its end
        sentences.append(replace(s, ents=ents) if ents != s.ents else s)
    return replace(article, sentences=sentences)


def _titled_name(e: Ent) -> Ent | None:
    """A title and a name taken together as one ORG/MISC/LOC span by the NER ("ministre d'État Téné Birahima
    Ouattara", "Ministre des Mines Amadou Keita"): a PER span for the capitalised words at its end (a first
    capitalised word right after "de/des/du" names the ministry's domain and belongs to the title)."""
    if e.label not in ("LOC", "MISC", "ORG") or e.ident or not ROLE.match(e.text):
        return None
    words = list(re.finditer(r"\S+", e.text))
    run: list[re.Match[str]] = []
    for w in reversed(words):
        if not w.group(0)[:1].isupper() or ROLE.fullmatch(w.group(0)):
            break
        run.insert(0, w)
    if run and len(run) < len(words) and words[len(words) - len(run) - 1].group(0).lower() in ("de", "des", "du"):
        run = run[1:]
    if len(run) < 2 or len(run) == len(words):
        return None
    return Ent(e.text[run[0].start() :], "PER", "", e.start + run[0].start(), e.end)


def _is_person(e: Ent, names: set[str], text: str) -> bool:
    if e.label not in ("LOC", "MISC", "ORG") or e.ident or not (name := clean_name(e.text)):
        return False
    words = fold(name).split()
    if fold(name) in names or (len(words) >= 2 and words[-1] in names and len(words[-1]) >= 4):
        return True  # a full name or surname of the article's people ("Annanela Baerbock" after "Annalena ...")
    return len(words) >= 2 and _after_title(text, e.start)


def _after_title(text: str, start: int) -> bool:
    """'..., ambassadeur de Turquie au Mali, <here>': a title clause right before, ended by a comma."""
    before = text[max(0, start - 80) : start]
    if not before.rstrip().endswith(","):
        return False
    clause = before.rstrip()[:-1].rsplit(",", 1)[-1]
    roles = list(ROLE.finditer(clause))
    return bool(roles) and not re.search(r"\b(?:a|ont|est|sont)\b", clause[roles[-1].start() :])
