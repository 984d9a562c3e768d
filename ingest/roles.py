"""Roles from context: the title printed around a person's name and the state or organisation it represents.

"le ministre nigérien des affaires étrangères, Bakary Yaou Sangaré" (title on the left, demonym),
"Murat M. Onart, ambassadeur de Turquie au Mali" (apposition on the right, "de <État>"),
"son homologue russe, Serguei Lavrov". Unnamed representatives ("l'ambassadeur d'Algérie",
"les ambassadeurs de Russie et d'Algérie", "le président russe") give states without people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.text import unify
from ingest.article import Ent, Sentence
from ingest.cues import alt, load_cues

_CUES = load_cues()
ROLE_WORDS = alt(_CUES.titles.role_words)
# A finite verb between a role word and a name: the role belongs to another clause ("le chef de la diplomatie
# malienne a reçu le coordonnateur ..., X").
_CLAUSE_VERB = re.compile(rf"\b(?:{alt(_CUES.markers.clause_verbs)})\b", re.IGNORECASE)
_CUT = re.compile(r" avec | par | à | et (?=(?:le|la|l'|les|son|sa|ses|M\.|Mme)\b)")
ROLE = re.compile(rf"\b({ROLE_WORDS})\b", re.IGNORECASE)
_KIND = [(re.compile("|".join(k.alternatives), re.I), k.kind) for k in _CUES.title_kinds]
_LOC_PREP = re.compile(r"(?:\bau|\baux|\ben|\bà|\bdans|\bsur|\bvers|\bpour)\s+(?:la\s+|le\s+|l')?$", re.I)
_OF_PREP = re.compile(r"(?:\bde|\bdu|\bdes|\bd')\s*(?:la\s+|le\s+|l')?$", re.I)


@dataclass
class RoleGuess:
    title: str | None
    state: str | None  # ISO3
    org: str | None  # organisation id


def _state(e: Ent) -> str | None:
    return e.ident.split(":", 1)[1] if e.ident.startswith("state:") else None


def title_kind(title: str | None) -> str | None:
    """'ministre des Affaires étrangères' -> 'foreign_minister'."""
    if not title:
        return None
    for rx, kind in _KIND:
        if rx.search(title):
            return kind
    return None


def _rep_state(sent: Sentence, e: Ent) -> bool:
    """Whether a state mention reads as 'of <state>' (or a demonym), not 'in <state>'."""
    before = unify(sent.text[max(0, e.start - 12) : e.start])
    if e.label == "DEMONYM":
        return True
    return e.label == "STATE" and bool(_OF_PREP.search(before)) and not _LOC_PREP.search(before)


def person_role(sent: Sentence, per: Ent) -> RoleGuess:
    """Title and represented state/organisation of a named person, from its sentence."""
    text = unify(sent.text)
    # right apposition: ", ambassadeur de Turquie au Mali," / ", Directrice des opérations de la Banque mondiale"
    after = text[per.end :]
    m = re.match(r"\s*[,(]\s*((?:le |la |l')?(?:" + ROLE_WORDS + r")\b[^,;.()]*)", after, re.I)
    if m:
        lo, hi = per.end + m.start(1), per.end + m.end(1)
        window = [e for e in sent.ents if lo <= e.start < hi]
        states = [s for e in window if (s := _state(e)) and (e.label == "DEMONYM" or _rep_state(sent, e))]
        orgs = [e.ident.split(":", 1)[1] for e in window if e.ident.startswith("org:")]
        return RoleGuess(m.group(1).strip(), states[0] if states else None, orgs[0] if orgs else None)
    # left title: from the previous person (or sentence start) to the name
    prev_end = max([e.end for e in sent.ents if e.label == "PER" and e.end <= per.start] + [0])
    left = text[prev_end : per.start]
    cuts = [m.end() - 1 for m in _CUT.finditer(left)]
    lo = prev_end + (cuts[-1] + 1 if cuts else 0)
    roles = [r for r in ROLE.finditer(text, lo, per.start) if not _CLAUSE_VERB.search(text, r.end(), per.start)]
    attached = _attached_state(sent, per)
    if not roles:
        prev_per = _previous_per(sent, per)
        if attached is None and prev_per is not None and _attached_state(sent, prev_per) is not None:
            return RoleGuess(None, None, None)  # "X du Maroc, Y, ...": the state before Y is X's
        return RoleGuess(None, attached or _enumerated_state(sent, prev_end, per.start), None)
    lo = roles[0].start()
    window = [e for e in sent.ents if lo <= e.start and e.end <= per.start]
    states = [s for e in window if (s := _state(e)) and (e.label == "DEMONYM" or _rep_state(sent, e))]
    orgs = [e.ident.split(":", 1)[1] for e in window if e.ident.startswith("org:")]
    title = text[lo : per.start].strip(" ,:")
    return RoleGuess(title or None, attached or (states[-1] if states else None), orgs[-1] if orgs else None)


_ATTACHED = re.compile(r"\s+(?:du|des|de la|de l'|d'|de)\s*")


def _previous_per(sent: Sentence, per: Ent) -> Ent | None:
    before = [e for e in sent.ents if e.label == "PER" and e.end <= per.start]
    return before[-1] if before else None


def _attached_state(sent: Sentence, per: Ent) -> str | None:
    """'Les ambassadeurs Driss Isbayen du Maroc, Tarek Noueldin de l'Égypte et Hideki Uezono du Japon': a name
    followed directly by 'du / de (la) / d'<État>' stands for that state."""
    m = _ATTACHED.match(unify(sent.text), per.end)
    if m is None:
        return None
    for e in sent.ents:
        if e.start == m.end() and e.label == "STATE" and (iso := _state(e)):
            return iso
    return None


def _enumerated_state(sent: Sentence, lo: int, hi: int) -> str | None:
    """'..., d'Afrique du Sud et d'Allemagne, Andreas Schneider': in an enumeration of representatives, a name
    right after ", de <État>," stands for that state."""
    text = unify(sent.text)
    states = [e for e in sent.ents if lo <= e.start and e.end <= hi and _state(e) and _rep_state(sent, e)]
    if not states or not re.fullmatch(r"\s*,\s*", text[states[-1].end : hi]):
        return None
    return _state(states[-1])


_FORMER = re.compile(r"\b(?:anciens?|anciennes?|ex)\s*-?\s*$", re.IGNORECASE)


def unnamed_representatives(sent: Sentence, lo: int, hi: int) -> list[tuple[str, str, int]]:
    """(ISO3, role word, its offset) for states represented by an unnamed person in text[lo:hi]:
    'les ambassadeurs de Russie et d'Algérie', 'son homologue russe', 'l'ambassadeur d'Algérie au Mali'."""
    text = unify(sent.text)
    out: list[tuple[str, str, int]] = []
    pers = [e for e in sent.ents if e.label == "PER"]
    for role in ROLE.finditer(text, lo, hi):
        if _FORMER.search(text, max(0, role.start() - 12), role.start()):
            continue  # "X, ancien ministre des Affaires étrangères du Tchad, ...": a former post stands for no state
        # the represented states follow the role word, chained by "et"/","; stop at a clause break
        end = min(hi, role.end() + 90)
        for e in sorted(sent.ents, key=lambda x: x.start):
            if e.start < role.end() or e.start >= end:
                continue
            named = [p for p in pers if role.end() <= p.start < e.start]
            if named and not re.match(r"\s*,\s*(?:d'|(?:de|du|des)\s)", text[named[-1].end : e.start]):
                break  # past a name, only the enumeration goes on: "d'Iran, Majid Hosseini, d'Afrique du Sud"
            between = text[role.end() : e.start]
            if re.search(r"[;:.]|\b(qui|que|a|ont|pour|dans|sur|son|sa|ses|leurs?)\b", between):  # a new phrase
                break
            iso = _state(e)
            if iso and _rep_state(sent, e):
                nxt = [p for p in pers if e.end <= p.start <= e.end + 4]
                if not nxt:  # "homologue russe, Serguei Lavrov" is a named person, handled elsewhere
                    out.append((iso, role.group(1).lower(), role.start()))
    return out


# Honorifics printed around names, never part of a title ("Son Excellence Monsieur", "S.E.M.", "Mme", "Dr").
_HONORIFIC = re.compile(alt(_CUES.titles.honorifics), re.IGNORECASE)
# Military and police ranks: a title of their own only when nothing else is printed.
_RANK = f"(?:{alt(_CUES.titles.ranks)})"
_DET = r"(?:(?:les|leurs|leur|le|la|son|sa|ses)\s+|l')"  # with its space
# "..., le colonel" / "... le général": a rank after a comma or a determiner ("secrétaire général" keeps its word).
_TRAILING_RANK = re.compile(rf"(?:\s*,\s*(?:{_DET})?|\s+{_DET})\b{_RANK}\s*$", re.IGNORECASE)
_BARE_RANK = re.compile(rf"(?:{_DET})?{_RANK}", re.IGNORECASE)
# A title word in the plural, an institution, or a word relating the person to someone else: no title.
_PLURAL_HEAD = re.compile(rf"(?:{alt(_CUES.titles.plural_heads)})\b", re.IGNORECASE)
_INSTITUTION_HEAD = re.compile(rf"(?:{alt(_CUES.titles.institution_heads)})\b", re.IGNORECASE)
_RELATIONAL_HEAD = re.compile(rf"(?:{alt(_CUES.titles.relational_heads)})\b", re.IGNORECASE)
# The usual French title of a post kind, for a person known only as "son homologue russe".
GENERIC_TITLE: dict[str, str] = {str(k): v for k, v in _CUES.generic_titles.titles.items()}


@dataclass(frozen=True)
class CleanTitle:
    """A printed title made fit for the graph: `title` is None when nothing usable is left; `relational` when the
    text only relates the person to someone else ("son homologue russe", "celui de la Défense")."""

    title: str | None
    relational: bool = False
    rank_only: bool = False


def clean_title(raw: str | None) -> CleanTitle:
    """'homologue de la Fédération de Russie, Son Excellence Monsieur' -> relational, no title;
    'Ministre des Affaires étrangères du Mali' -> 'ministre des Affaires étrangères du Mali'; 'le colonel' -> none
    (a bare rank); 'ministres' -> none (a plural); 'celui de la Défense, le colonel' -> relational."""
    if not raw:
        return CleanTitle(None)
    t = re.sub(r"\s+", " ", _HONORIFIC.sub(" ", unify(raw))).strip(" ,;:.-–(")
    if _BARE_RANK.fullmatch(t):
        return CleanTitle(None, rank_only=True)
    t = _TRAILING_RANK.sub("", t).strip(" ,;:.-–(")
    t = re.sub(rf"^{_DET}", "", t, flags=re.IGNORECASE).strip(" ,;:.-–(")
    t = re.sub(r"[\s,]+(?:les|leurs|leur|le|la|son|sa|ses|l')$", "", t, flags=re.IGNORECASE).strip(" ,;:.-–(")
    if not t:
        return CleanTitle(None)
    if _RELATIONAL_HEAD.match(t):
        return CleanTitle(None, relational=True)
    if _PLURAL_HEAD.match(t) or _INSTITUTION_HEAD.match(t):
        return CleanTitle(None)
    if len(t) > 1 and t[0].isupper() and t[1].islower():
        t = t[0].lower() + t[1:]
    return CleanTitle(t)
