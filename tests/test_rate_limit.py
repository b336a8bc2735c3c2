"""The radio libraries' frame loggers let a burst per message through, then count."""

from __future__ import annotations

import logging

from custom_components.aqara_zigbee.hardening import RateLimitFilter


def _record(
    at: float, level: int = logging.ERROR, name: str = "zigpy_znp.api"
) -> logging.LogRecord:
    record = logging.LogRecord(
        name, level, __file__, 1, "Received an unknown frame: %s", ("x",), None
    )
    record.created = at
    return record


def test_a_burst_per_message_then_a_count_in_the_next_interval() -> None:
    limiter = RateLimitFilter(burst=3, interval=10.0)
    passed = [limiter.filter(_record(at=0.001 * n)) for n in range(1000)]
    assert passed.count(True) == 3
    assert passed[:3] == [True, True, True]
    assert limiter.will_drop(_record(at=5.0))
    # The first record of the next interval goes through and says how many were dropped
    later = _record(at=10.5)
    assert not limiter.will_drop(later)
    assert limiter.filter(later)
    assert later.getMessage() == "Received an unknown frame: x (997 similar messages suppressed)"


def test_other_messages_levels_and_loggers_are_not_held_back() -> None:
    limiter = RateLimitFilter(burst=1, interval=10.0)
    assert limiter.filter(_record(at=0.0))
    assert not limiter.filter(_record(at=0.1))
    assert limiter.filter(_record(at=0.2, level=logging.DEBUG))  # below WARNING: never
    assert limiter.filter(_record(at=0.3, name="bellows.ash"))  # counted per logger
    other = _record(at=0.4)
    other.msg = "Another message: %s"
    assert limiter.filter(other)
