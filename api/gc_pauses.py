"""Python's garbage collector in the API process: start-up objects are frozen out of its full passes.

Under load, the objects of in-flight requests outlive the young collections and are promoted, so CPython starts a
full collection every few seconds, and a full pass walks every tracked object of the process (the app, its
routes and models, the driver, the gazetteers: about 100,000 objects, 35-220 ms each on the bench machine). It
holds the GIL, so every request in flight waits: these pauses were most of the warm API's tail at 16 clients
(docs/benchmarks.md, "Warm tail"). `gc.freeze()` moves the objects that exist at that moment to a permanent
generation that collections skip; what requests create is still collected as before. Objects loaded later in
the background (the writer's reference data) are frozen once loaded, by `freeze_after`."""

from __future__ import annotations

import gc
from collections.abc import Callable


def freeze_long_lived() -> None:
    """Collect what is garbage now, then leave every surviving object out of future collections."""
    gc.collect()
    gc.freeze()


def freeze_after(load: Callable[[], object]) -> Callable[[], None]:
    """`load`, then `freeze_long_lived` (for loads run in a background thread at start-up)."""

    def run() -> None:
        load()
        freeze_long_lived()

    return run
