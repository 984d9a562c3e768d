"""Incremental RDF writers: a header once, then one chunk of text per batch of triples, then a footer.

Each batch is written on its own, so memory stays bounded by the batch size whatever the graph's size:
N-Triples line by line; Turtle with every prefix declared once at the top and one block per subject;
JSON-LD as one top-level object whose `@graph` array is streamed node object by node object.
Within a batch, output is sorted so that the same graph always gives the same bytes.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, Protocol
from typing import Literal as TypingLiteral

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import BNode, Node

from graph.rdf.vocab import PREFIXES

Format = TypingLiteral["turtle", "json-ld", "nt"]
FORMATS: tuple[Format, ...] = ("turtle", "json-ld", "nt")
MEDIA_TYPES: dict[Format, str] = {
    "turtle": "text/turtle; charset=utf-8",
    "json-ld": "application/ld+json",
    "nt": "application/n-triples",
}
EXTENSIONS: dict[Format, str] = {"turtle": "ttl", "json-ld": "jsonld", "nt": "nt"}

Triple = tuple[Node, Node, Node]
# A conservative PN_LOCAL: anything else is written as a full <IRI>, which is always valid.
_LOCAL = re.compile(r"^([A-Za-z0-9_]|%[0-9A-F]{2})(([A-Za-z0-9_.\-]|%[0-9A-F]{2})*([A-Za-z0-9_\-]|%[0-9A-F]{2}))?$")
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: len(kv[1]), reverse=True)


@lru_cache(maxsize=8192)
def _compact(iri: str) -> str:
    """A compact IRI (`prefix:local`) when a prefix matches and the rest is plainly safe, else the IRI itself."""
    for prefix, ns in _BY_LENGTH:
        if iri.startswith(ns) and _LOCAL.match(iri[len(ns) :]):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


class RdfWriter(Protocol):
    """Turns batches of triples into text, incrementally."""

    def header(self) -> str: ...
    def batch(self, triples: Iterable[Triple]) -> str: ...
    def footer(self) -> str: ...


_NT_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_NT_SPECIAL = re.compile(r'[\\"\x00-\x1f\x7f]')


def _nt_escape(text: str) -> str:
    """Escape a string for an N-Triples literal (STRING_LITERAL_QUOTE); other characters stay UTF-8."""
    return _NT_SPECIAL.sub(lambda m: _NT_ESCAPES.get(m.group(), f"\\u{ord(m.group()):04X}"), text)


def nt_term(node: Node) -> str:
    """A term in N-Triples: `<IRI>`, `_:b`, `"text"@lang` or `"lexical"^^<datatype>`."""
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        quoted = f'"{_nt_escape(str(node))}"'
        if node.language is not None:
            return f"{quoted}@{node.language}"
        if node.datatype is not None:
            return f"{quoted}^^<{node.datatype}>"
        return quoted
    if isinstance(node, BNode):
        return f"_:{node}"
    raise TypeError(f"not an RDF term: {node!r}")


class NTriplesWriter:
    """One triple a line; no header or footer, so any prefix of the output is valid N-Triples."""

    def header(self) -> str:
        return ""

    def batch(self, triples: Iterable[Triple]) -> str:
        lines = sorted({f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n" for s, p, o in triples})
        return "".join(lines)

    def footer(self) -> str:
        return ""


def turtle_term(node: Node) -> str:
    """A term in Turtle: prefixed name when the local part is plainly safe, else a full IRI or a literal."""
    if isinstance(node, URIRef):
        iri = str(node)
        short = _compact(iri)
        return short if short != iri else f"<{iri}>"
    if isinstance(node, Literal):
        if node.datatype is not None:
            return f"{Literal(str(node)).n3()}^^{turtle_term(node.datatype)}"
        return node.n3()
    if isinstance(node, BNode):
        return node.n3()
    raise TypeError(f"not an RDF term: {node!r}")


class TurtleWriter:
    """Prefixes once at the top, then one `subject p o ; p o .` block per subject, sorted."""

    def header(self) -> str:
        return "".join(f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in PREFIXES.items()) + "\n"

    def batch(self, triples: Iterable[Triple]) -> str:
        by_subject: dict[Node, set[tuple[Node, Node]]] = defaultdict(set)
        for s, p, o in triples:
            by_subject[s].add((p, o))
        blocks = []
        for s in sorted(by_subject, key=str):
            objects: dict[str, list[str]] = defaultdict(list)
            for p, o in by_subject[s]:
                objects["a" if p == RDF.type else turtle_term(p)].append(turtle_term(o))
            # `a` first, then predicates in alphabetical order; each predicate once, its objects sorted.
            keys = sorted(objects, key=lambda k: (k != "a", k))
            body = " ;\n    ".join(f"{k} " + ", ".join(sorted(objects[k])) for k in keys)
            blocks.append(f"{turtle_term(s)}\n    {body} .\n\n")
        return "".join(blocks)

    def footer(self) -> str:
        return ""


def _jsonld_value(node: Node) -> Any:
    if isinstance(node, URIRef):
        return {"@id": _compact(str(node))}
    if isinstance(node, Literal):
        if node.language is not None:
            return {"@value": str(node), "@language": node.language}
        if node.datatype is not None and node.datatype != XSD.string:
            return {"@value": str(node), "@type": _compact(str(node.datatype))}
        return {"@value": str(node)}
    if isinstance(node, BNode):
        return {"@id": f"_:{node}"}
    raise TypeError(f"not an RDF term: {node!r}")


class JsonLdWriter:
    """`{"@context": {...}, "@graph": [` + one node object per subject, batch by batch + `]}`.

    Node objects are written in expanded-value form (`{"@id"}`, `{"@value", "@language"|"@type"}`) with
    compact IRIs from the context, so every value round-trips exactly.
    """

    def __init__(self) -> None:
        self._first = True

    def header(self) -> str:
        context = json.dumps(PREFIXES, ensure_ascii=False, indent=1)
        return '{"@context": ' + context + ',\n "@graph": [\n'

    def batch(self, triples: Iterable[Triple]) -> str:
        by_subject: dict[Node, set[tuple[Node, Node]]] = defaultdict(set)
        for s, p, o in triples:
            by_subject[s].add((p, o))
        parts = []
        for s in sorted(by_subject, key=str):
            node: dict[str, Any] = {"@id": _jsonld_value(s)["@id"]}
            types = sorted(_compact(str(o)) for p, o in by_subject[s] if p == RDF.type)
            if types:
                node["@type"] = types
            values: dict[str, list[Any]] = defaultdict(list)
            for p, o in by_subject[s]:
                if p != RDF.type:
                    values[_compact(str(p))].append(_jsonld_value(o))
            for key in sorted(values):
                node[key] = sorted(values[key], key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
            parts.append(("" if self._first else ",\n") + json.dumps(node, ensure_ascii=False, sort_keys=True))
            self._first = False
        return "".join(parts)

    def footer(self) -> str:
        return "\n]}\n"


def writer_for(fmt: Format) -> RdfWriter:
    """A fresh writer for one export in the given format."""
    if fmt == "turtle":
        return TurtleWriter()
    if fmt == "json-ld":
        return JsonLdWriter()
    if fmt == "nt":
        return NTriplesWriter()
    raise ValueError(f"unknown RDF format {fmt!r}; use one of {', '.join(FORMATS)}")
