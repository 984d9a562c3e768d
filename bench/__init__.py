"""Benchmarks and benchmark data generators (synthetic corpus)."""
