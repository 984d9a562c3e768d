"""Boilerplate removal: keep the article's own paragraphs, drop menus, teasers, bylines and footers.

Rules are generic page-structure cues (navigation prefixes, "Lire aussi" teaser runs, "Les articles de
l'auteur"/"Autres articles" lists, tags and share buttons, subscription and comment footers, bylines,
"Source :" and "Publié ..." lines, crawler headers such as " date 2023-12"); nothing is tied to one site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.text import fold, unify
from ingest.wire import split_dateline

# A line starting one of these ends the article: what follows is related content or page furniture.
_CUT = re.compile(
    r"^(les articles de l'auteur|autres articles|articles similaires|articles li[ée]s|sur le m[êe]me sujet"
    r"|dans la m[êe]me rubrique|[àa] lire [ée]galement|tags?\s*:|mots[- ]cl[ée]s\s*:|partager(\s|$)|partagez"
    r"|laisser un commentaire|laissez un commentaire|commentaires? via facebook|votre adresse e-?mail"
    r"|l'espace des contributions|abonnez-vous|s'abonner|[àa] propos de nous|©|copyright|newsletter"
    r"|lire la suite|voir aussi\s*:|related|share this|partagez ceci)",
    re.IGNORECASE,
)
_TEASER = re.compile(r"^\s*(?:[àa] )?lire aussi\b\s*:?", re.IGNORECASE)
_CUT_SHORT = re.compile(r"(\.\.|…)\s*$")  # a teaser snippet cut short
_HEADER = re.compile(r"^\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?\s*")
_PUBLISHED = re.compile(r"^\s*(publi[ée]\w*|mis à jour)\b.{0,60}\d{4}", re.IGNORECASE)
_SOURCE = re.compile(r"^\s*(source|sources|cr[ée]dit photo|photo)\s*:", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*(par|by|de notre (envoy[ée] sp[ée]cial|correspondant))\s+\S", re.IGNORECASE)
# "Avec notre correspondant à Conakry, Mamadou Diallo": the reporter, after the last comma.
_CORRESPONDENT = re.compile(
    r"^\s*(?:avec|de|par) (?:notre|nos|leur|son) (?:correspondante?s?|envoy[ée]e?s? sp[ée]cia(?:l|le|ux))\b",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*[•·▪►»\-*]\s+")
_SENTENCE_END = re.compile(r"[.!?»”\"…)]\s*$")
# A paragraph of this many words is a story's, even cut short with no final stop ("..., par le président X" at the
# end of the page, "... venir à"): headlines, captions and teaser lines of the real sets stay below it.
_LONG_PARAGRAPH = 35
_NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$")
# "M.Lamamra", "Mme.Touré": an abbreviated honorific glued to the name it precedes (a missing space), spaced so the
# name is read as the same person as "Ramtane Lamamra" and the honorific is stripped
_GLUED_HONORIFIC = re.compile(r"\b(M|Mme|Mlle|Mgr|Dr|Pr)\.(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ])")


@dataclass
class CleanText:
    """The article body as paragraphs, plus what the page furniture told us."""

    paragraphs: list[str]
    header_date: str | None = None  # "2023-12" from a crawler header
    dateline: str | None = None  # first "Publié ..." line, for the publication date
    bylines: list[str] = field(default_factory=list)  # journalist names found and removed
    wire_dateline: str | None = None  # "Bamako, 12 mars 2025 (AMAP) –", cut from the first story paragraph

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def _words(line: str) -> list[str]:
    return line.split()


def is_sentence(line: str) -> bool:
    """A running-text paragraph (as opposed to a headline, menu item or caption): it ends a sentence, or holds
    two full sentences before a cut ending ("... accueillie à Ouagadougou par le chef … Lire la suite"; a sentence
    may open with a quote), or is long and in mixed case: a story paragraph cut short (`_LONG_PARAGRAPH`)."""
    words = _words(line)
    if len(words) < 8:
        return False
    if _SENTENCE_END.search(line) or len(re.findall(r"\w[.!?]\s+[«\"“A-ZÀ-Ý]", line)) >= 2:
        return True
    return len(words) >= _LONG_PARAGRAPH and sum(c.islower() for c in line) > sum(c.isupper() for c in line)


def _credit_above_story(line: str, before: list[str], after: list[str]) -> bool:
    """A photo credit between the headline (or its caption) and the story ("© aBamako.com par AS", "© AFP par
    YURI KOCHETKOV"), not the page's copyright footer: no story paragraph before it, and one after it."""
    return (
        line.startswith("©") and not any(_is_story_paragraph(x) for x in before) and any(is_sentence(x) for x in after)
    )


def _is_story_paragraph(line: str) -> bool:
    """A long paragraph ending a sentence: a headline may be long ("... Publié le 5 octobre 2022 | Le Matin") but
    does not end with a full stop."""
    return len(_words(line)) >= _LONG_PARAGRAPH and bool(_SENTENCE_END.search(line))


def _is_name_only(line: str) -> bool:
    """A line that is only a person's or desk's name: a byline ('Souleymane SIDIBE', 'Rédaction Lessor', 'RGL')."""
    words = _words(line.strip(" -–—.,"))
    if not 1 <= len(words) <= 4 or any(ch.isdigit() for ch in line):
        return False
    if len(words) == 1:
        return words[0].isupper() and 2 <= len(words[0]) <= 6
    return all(_NAME_TOKEN.match(w) for w in words)


def _dated_pipe_line(line: str) -> list[str] | None:
    """A short 'Outlet | Par Name - 17 Octobre 2024' or 'Name | 11.03.2024' line: the bylines in it, else None."""
    if "|" not in line or len(_words(line)) > 14 or not re.search(r"\d", line):
        return None
    names = []
    for part in re.split(r"\s*\|\s*|\s+[-–]\s+", line):
        part = re.sub(r"^(?:par|by)\s+", "", part.strip(), flags=re.IGNORECASE)
        if part and not re.search(r"\d", part) and _is_name_only(part) and len(_words(part)) >= 2:
            names.append(part)
    return names


def _strip_nav_prefix(lines: list[str]) -> list[str]:
    """Drop a leading navigation block (menus of bullets and short links before any running text)."""
    first_text = next((i for i, line in enumerate(lines) if is_sentence(line)), len(lines))
    prefix = lines[:first_text]
    if sum(1 for line in prefix if _BULLET.match(line)) < 3:
        return lines
    last_nav = max(i for i, line in enumerate(prefix) if _BULLET.match(line) or len(_words(line)) <= 4)
    return lines[last_nav + 1 :]


def _drop_teasers(lines: list[str]) -> list[str]:
    """Remove "Lire aussi" lines; a run of them ending the article (teaser list) is cut with its snippets."""
    idx = [i for i, line in enumerate(lines) if _TEASER.match(line)]
    if not idx:
        return lines
    keep = [True] * len(lines)
    for i in idx:
        keep[i] = False
        # The teaser's title on the next line ("Lire aussi :" alone), or a snippet cut short ("..", "…").
        bare_label = _TEASER.sub("", lines[i]).strip() == ""
        if i + 1 < len(lines) and (bare_label or _CUT_SHORT.search(lines[i + 1])):
            keep[i + 1] = False
    # A chain of teasers (at most two paragraphs apart) that runs to the end of the text is a related list.
    start = idx[-1]
    for j in reversed(idx[:-1]):
        if start - j <= 3:
            start = j
        else:
            break
    # A related-articles list: three or more teasers, or snippets cut short; two teasers around full
    # paragraphs of the story (inserted mid-article) are not one.
    chain = [j for j in idx if j >= start]
    cut_snippets = [j for j in range(start, len(lines)) if j not in idx and _CUT_SHORT.search(lines[j])]
    is_list = len(chain) >= 3 or bool(cut_snippets)
    if len(lines) - idx[-1] <= 3 and start != idx[-1] and is_list:
        keep[start:] = [False] * (len(lines) - start)
    return [line for line, k in zip(lines, keep, strict=True) if k]


def clean(raw: str) -> CleanText:
    """Split a captured page into the article's paragraphs."""
    text = unify(raw).replace("\r\n", "\n").replace("\r", "\n")
    header_date = None
    m = _HEADER.match(text)
    if m:
        header_date = "-".join(g for g in m.groups() if g)
        text = text[m.end() :]
    lines = [_GLUED_HONORIFIC.sub(r"\1. ", " ".join(line.split())) for line in text.split("\n")]
    lines = [line for line in lines if line]
    lines = _strip_nav_prefix(lines)
    out: list[str] = []
    bylines: list[str] = []
    dateline = None
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if _CUT.match(line):
            if any(is_sentence(x) for x in out) and not _credit_above_story(line, out, lines[i + 1 :]):
                break
            continue  # share buttons or a photo credit above the story ("Partager", "© Outlet - 12 octobre"): furniture
        out.append(line)
    out = _drop_teasers(out)
    kept: list[str] = []
    first: dict[str, int] = {}  # folded line -> its index in `kept` (fold drops the punctuation)
    for line in out:
        key = fold(line)
        if key in first and is_sentence(line) and not is_sentence(kept[first[key]]):
            kept[first[key]] = line  # the title repeated as the story's lead sentence: running text
            continue
        if _PUBLISHED.match(line):
            dateline = dateline or line
            continue
        if _BULLET.match(line) or _SOURCE.match(line) or key in seen or not key:
            continue
        if (names := _dated_pipe_line(line)) is not None:
            bylines.extend(names)
            continue
        if _CORRESPONDENT.match(line) and len(_words(line)) <= 12:
            bylines.append(line.rsplit(",", 1)[-1].strip())
            continue
        if _BYLINE.match(line) and len(_words(line)) <= 6:
            bylines.append(re.sub(r"^\s*\S+\s+", "", line))
            continue
        if _is_name_only(line) or re.match(r"^r[ée]daction\b", key):
            bylines.append(line)
            continue
        seen.add(key)
        first.setdefault(key, len(kept))
        kept.append(line)
    kept = _join_broken(kept)
    wire = None
    for i, para in enumerate(kept[:6]):
        wire, rest = split_dateline(para)
        if wire is not None:
            kept[i] = rest
            break
    return CleanText(paragraphs=kept, header_date=header_date, dateline=dateline, bylines=bylines, wire_dateline=wire)


_WRAP_WIDTH = 50  # a long line that ends mid-sentence, in a text where many do, is hard-wrapped


def _join_broken(lines: list[str]) -> list[str]:
    """Rejoin a sentence broken across lines ("... dans la lutte contre le" / "terrorisme et ...")."""
    out: list[str] = []
    open_lines = [line for line in lines if len(line) >= _WRAP_WIDTH and not _SENTENCE_END.search(line)]
    hard_wrapped = len(open_lines) >= 3 and len(open_lines) >= 0.3 * len(lines)
    for line in lines:
        if hard_wrapped and out and len(out[-1]) >= _WRAP_WIDTH and not _SENTENCE_END.search(out[-1]):
            out[-1] = out[-1] + " " + line  # a text wrapped at a fixed width: lines end mid-sentence
        elif out and line[:1].islower() and not _SENTENCE_END.search(out[-1]) and len(_words(out[-1])) >= 5:
            out[-1] = out[-1] + " " + line
        elif out and re.search(r"\b(Monsieur|Madame|M\.|Mme)$", out[-1]):
            out[-1] = out[-1] + " " + line
        else:
            out.append(line)
    return out
