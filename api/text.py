"""User text turned into safe Lucene queries, and names folded for accent- and case-insensitive comparison."""

from __future__ import annotations

import re

from core.text import search_fold

# Every character the classic Lucene query parser treats specially (`&&`/`||` are covered by & and |).
_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
_WORD = re.compile(r"[^\s]+")
_MAX_TERMS = 8


def escape_lucene(term: str) -> str:
    """Escape one term so the parser reads it literally; operators (AND/OR/NOT) are disarmed by lowercasing."""
    return _SPECIAL.sub(r"\\\1", term.lower())


def _terms(text: str) -> list[str]:
    # Folded here too: the index folds what it stores, but Lucene does not fold prefix and fuzzy terms.
    return [escape_lucene(t) for t in _WORD.findall(search_fold(text))[:_MAX_TERMS]]


def all_terms_query(text: str, prefix_last: bool = False) -> str:
    """Every word of `text` must match; with `prefix_last`, the last one may be the start of a word."""
    terms = _terms(text)
    if not terms:
        return ""
    if prefix_last:
        terms[-1] = f"({terms[-1]} OR {terms[-1]}*)"
    return " AND ".join(terms)


def fuzzy_query(text: str) -> str:
    """Any word of `text` within edit distance 2: for "did you mean" suggestions."""
    return " OR ".join(f"{t}~2" for t in _terms(text))
