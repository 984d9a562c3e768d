"""`malikg export gexf|graphml`: the network of people, states and organisations (networkx, for Gephi and networkx).

Nodes: every actor taking part in an exported meeting, with its kind, name, Wikidata QID and meeting count.
Edges: two actors of the same meeting, weighted by the meetings they share, with the first and last date.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations
from typing import Literal

import networkx as nx

from graph.export.core import Record
from graph.export.names import Names

NetworkFormat = Literal["gexf", "graphml"]


def _actors(m: Record) -> list[tuple[str, str]]:
    return sorted(
        {("people", a["person"]) for a in m["attendees"]}
        | {("states", s["state"]) for s in m["states"]}
        | {("organisations", o) for o in m["organisations"]}
    )


_KIND = {"people": "person", "states": "state", "organisations": "organisation"}


def build_network(pages: Iterable[tuple[str, list[Record]]]) -> nx.Graph[str]:
    """The co-participation network of the meetings in the export core's pages."""
    names = Names()
    graph: nx.Graph[str] = nx.Graph()
    for section, records in pages:
        if names.add(section, records) or section != "meetings":
            continue
        for m in records:
            actors = _actors(m)
            for section_name, key in actors:
                node = f"{_KIND[section_name]}:{key}"
                if node not in graph:
                    record = names.get(section_name, key)
                    graph.add_node(
                        node,
                        label=names.name(section_name, key),
                        kind=_KIND[section_name],
                        wikidata=record.get("wikidata") or "",
                        meetings=0,
                    )
                graph.nodes[node]["meetings"] += 1
            for (ka, a), (kb, b) in combinations(actors, 2):
                u, v = f"{_KIND[ka]}:{a}", f"{_KIND[kb]}:{b}"
                date = m["date"] or ""
                if graph.has_edge(u, v):
                    edge = graph.edges[u, v]
                    edge["weight"] += 1
                    if date:
                        edge["first"] = min(filter(None, (edge["first"], date)))
                        edge["last"] = max(edge["last"], date)
                else:
                    graph.add_edge(u, v, weight=1, first=date, last=date)
    return graph


def write_network(graph: nx.Graph[str], fmt: NetworkFormat, path: str) -> None:
    """Write GEXF 1.2 or GraphML."""
    if fmt == "gexf":
        nx.write_gexf(graph, path)
    else:
        nx.write_graphml(graph, path)
