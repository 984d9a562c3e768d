"""Input normalisation, applied where a document's text enters the pipeline (`normalise_document`).

The rules downstream (cleaning, sentences, meetings) read NFC text with one paragraph per line, so the same article
must give the same facts however it was encoded or laid out:

- Unicode NFC ("é" as one code point, not "e" + U+0301);
- every line break is "\\n": CRLF, CR, U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR, U+0085 NEXT LINE,
  vertical tab and form feed;
- lone surrogates (from JSON "\\ud800" escapes) become U+FFFD; NUL and the other control characters are dropped;
- a double quote mark between two letters ("s”entretenir", "l”aéroport": an apostrophe mis-encoded by the outlet)
  is the apostrophe "’";
- a text with no paragraph break ("flat": breaks collapsed to spaces) is cut into paragraphs at sentence ends,
  and any line longer than MAX_PARAGRAPH_CHARS is cut the same way (at a space when it has no sentence end), which
  also bounds what one spaCy call receives (time and memory per document: docs/reliability.md).
"""

from __future__ import annotations

import re
import unicodedata

from ingest.models import Document

# Longest paragraph handed to the NLP; the twelve dev articles' longest is 821 characters.
MAX_PARAGRAPH_CHARS = 1000
# A text at least this long with no line break is "flat".
FLAT_MIN_CHARS = 300

_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x85\x0b\x0c]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_QUOTE_APOSTROPHE = re.compile(r"(?<=[^\W\d_])[”“](?=[^\W\d_])")
# A sentence end: ., ! or ? (optionally closed by a quote, "Merci. »") after a lowercase letter, a digit or a
# closing mark (so "M. Diop" and "S.E.M." are not cut), then spaces and a capital, a digit or an opening quote.
_SENTENCE_END = re.compile(r"(?<=[a-zà-ÿ0-9)\]][.!?…])((?:\s?[»”\"])?)\s+(?=[«“\"(]?[A-ZÀ-Þ0-9])")


def clean_string(value: str) -> str:
    """NFC, lone surrogates as U+FFFD, no NUL or other control character (tab and line breaks stay)."""
    value = _SURROGATE.sub("\ufffd", value)
    return unicodedata.normalize("NFC", _CONTROLS.sub("", value))


def normalise_text(text: str) -> str:
    """The text in NFC with "\\n" line breaks and no line longer than MAX_PARAGRAPH_CHARS (see the module doc)."""
    text = _QUOTE_APOSTROPHE.sub("’", _BREAKS.sub("\n", clean_string(text)))
    flat = "\n" not in text.strip() and len(text) >= FLAT_MIN_CHARS
    lines = []
    for line in text.split("\n"):
        if flat:
            lines.extend(split_paragraph(line, MAX_PARAGRAPH_CHARS, pack=False))
        elif len(line) > MAX_PARAGRAPH_CHARS:
            lines.extend(split_paragraph(line, MAX_PARAGRAPH_CHARS))
        else:
            lines.append(line)
    return "\n".join(lines)


def split_paragraph(paragraph: str, max_chars: int, pack: bool = True) -> list[str]:
    """Whole sentences packed into pieces of at most `max_chars` (a longer sentence is cut at spaces, a longer
    word at `max_chars`); with `pack=False`, one sentence per piece."""
    pieces: list[str] = []
    current = ""
    for sentence in _sentences(paragraph):
        for part in _cut(sentence, max_chars):
            if current and (not pack or len(current) + 1 + len(part) > max_chars):
                pieces.append(current)
                current = part
            else:
                current = f"{current} {part}" if current else part
    if current:
        pieces.append(current)
    return pieces


def _sentences(paragraph: str) -> list[str]:
    out = []
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        out.append(paragraph[start : match.start()] + match.group(1))
        start = match.end()
    out.append(paragraph[start:])
    return [s.strip() for s in out if s.strip()]


def _cut(sentence: str, max_chars: int) -> list[str]:
    """`sentence` itself, or pieces of at most `max_chars` cut at the last space before the limit."""
    parts = []
    while len(sentence) > max_chars:
        cut = sentence.rfind(" ", 0, max_chars + 1)
        if cut <= 0:
            cut = max_chars
        parts.append(sentence[:cut].strip())
        sentence = sentence[cut:].strip()
    if sentence:
        parts.append(sentence)
    return parts


def clean_metadata(doc: Document) -> Document:
    """`doc` with its id, url, title, outlet, author and published cleaned (`clean_string`); the text is left as it is
    (`check_document` counts its control characters to recognise binary content)."""
    update: dict[str, str | None] = {"id": clean_string(doc.id) or "\ufffd"}
    for name in ("url", "title", "outlet", "author", "published"):
        value = getattr(doc, name)
        update[name] = None if value is None else clean_string(value)
    return doc.model_copy(update=update)


def normalise_document(doc: Document) -> Document:
    """`doc` with its metadata cleaned and its text normalised (`normalise_text`)."""
    return clean_metadata(doc).model_copy(update={"text": normalise_text(doc.text)})
