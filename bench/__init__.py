"""``make bench``: performance figures for the integration (see docs/benchmarks.md)."""
