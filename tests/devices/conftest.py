"""Fixtures for device-level tests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from .fakes import FakeApp


@pytest.fixture
async def app() -> AsyncIterator[FakeApp]:
    application = FakeApp()
    yield application
    for device in list(application.devices.values()):
        device.on_remove()
