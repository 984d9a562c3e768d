"""People of one article: clusters of mentions with the title they hold and the state they represent."""

from __future__ import annotations

from ingest.article import Article
from ingest.gazetteer import Gazetteer
from ingest.models import Person, Role
from ingest.resolve import PeopleResolver, PersonCluster, person_mentions
from ingest.roles import person_role
from ingest.textutil import fold


class ArticlePeople:
    """Resolved people of an article: `state_of` (person id -> ISO3) and `titles` (id -> (title, represents))."""

    def __init__(self, article: Article, gaz: Gazetteer, bylines: list[str]) -> None:
        self.article = article
        self.resolver: PeopleResolver = person_mentions(article, gaz, {fold(b) for b in bylines})
        self.state_of: dict[str, str] = {}
        self.titles: dict[str, tuple[str, str | None]] = {}
        self._roles()

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
            if guess.state and cluster.id not in self.state_of:
                self.state_of[cluster.id] = guess.state
        for c in self.resolver.clusters:
            if c.entry and c.entry.nationality:
                self.state_of[c.id] = c.entry.nationality
            elif c.id not in self.state_of:
                title = self.titles.get(c.id, ("", None))
                if "ministre" in title[0].lower() and title[1] is None:
                    self.state_of[c.id] = "MLI"  # an unqualified minister in Malian news is Malian

    def persons(self) -> list[Person]:
        return [self._person(c) for c in self.resolver.clusters]

    def _person(self, c: PersonCluster) -> Person:
        roles = []
        if c.id in self.titles:
            title, rep = self.titles[c.id]
            roles.append(Role(title=title, represents=rep or self.state_of.get(c.id)))
        elif c.entry and c.entry.posts:
            post = c.entry.posts[0]
            roles.append(Role(title=post.title, represents=post.represents))
        return Person(
            id=c.id,
            name=self.resolver.canonical_name(c),
            aliases=c.aliases,
            roles=roles,
            nationality=self.state_of.get(c.id),
            wikidata=c.entry.wikidata if c.entry else None,
        )
