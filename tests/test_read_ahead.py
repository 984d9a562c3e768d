"""`core.read_ahead`: order, bounded look-ahead, the producer's exception in its place, an early stop closes the
producer."""

from __future__ import annotations

import threading
import time
from collections.abc import Generator, Iterator

import pytest

from core.read_ahead import read_ahead


def test_items_come_in_order() -> None:
    assert list(read_ahead(range(1000), 7)) == list(range(1000))


def test_producer_runs_ahead_while_the_consumer_is_busy_but_at_most_depth_items() -> None:
    produced: list[int] = []

    def numbers() -> Iterator[int]:
        for n in range(100):
            produced.append(n)
            yield n

    it = read_ahead(numbers(), 5)
    assert next(it) == 0
    deadline = time.monotonic() + 5
    while len(produced) < 7 and time.monotonic() < deadline:  # 1 taken + 5 queued + 1 waiting to be queued
        time.sleep(0.01)
    time.sleep(0.2)  # had it no bound, it would have produced all 100 by now
    assert len(produced) == 7
    assert list(it) == list(range(1, 100))


def test_the_producers_exception_is_raised_after_the_items_before_it() -> None:
    def failing() -> Iterator[int]:
        yield 1
        yield 2
        raise KeyError("broken input")

    got: list[int] = []
    with pytest.raises(KeyError, match="broken input"):
        for n in read_ahead(failing(), 10):
            got.append(n)
    assert got == [1, 2]


def test_a_consumer_that_stops_early_closes_the_producer_in_its_thread() -> None:
    closed = threading.Event()

    def endless() -> Iterator[int]:
        try:
            n = 0
            while True:
                yield n
                n += 1
        finally:
            closed.set()

    it = read_ahead(endless(), 3)
    assert isinstance(it, Generator)
    assert [next(it) for _ in range(10)] == list(range(10))
    it.close()  # what a `for` loop left by an exception does
    assert closed.wait(5)


def test_depth_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        read_ahead([1], 0)
