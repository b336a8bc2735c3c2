"""An emulated Silicon Labs EmberZNet 7.4 NCP (EZSP 13 over ASH) that bellows drives over TCP.

``EzspEmulator`` (``emulator.py``) is the coordinator; ``protocol.py`` holds the frame
identifiers and parameter codecs, ``state.py`` what the NCP keeps across resets.
"""

from __future__ import annotations

from .emulator import EzspEmulator

__all__ = ["EzspEmulator"]
