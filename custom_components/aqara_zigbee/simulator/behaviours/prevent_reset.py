"""Prevent reset: a long press asks the hub before the unit forgets its network."""

from __future__ import annotations

from collections.abc import Callable
import logging

from ..clock import SimTimer
from ..clusters import BASIC, BASIC_LUMI_WRITE
from ..zcl import LUMI_MANUFACTURER_CODE, AttributeValue, DataType, Status
from ..zcl_server import Attribute, AttrTable
from .base import Behaviour

_LOGGER = logging.getLogger(__name__)

# genBasic 0xFFF0 frames of the "prevent reset" handshake (see reference/devices.md).
PREVENT_RESET_REPORT = bytes.fromhex("aa 10 05 41 87 01 01 10 00")
PREVENT_RESET_ANSWER = bytes.fromhex("aa 10 05 41 47 01 01 10 01")
PREVENT_RESET_WINDOW_S = 10.0


class PreventReset(Behaviour):
    """The firmware reports genBasic 0xFFF0; unanswered within 10 s, it resets."""

    def __init__(self) -> None:
        self.reports = 0
        #: None: never asked; False: asked, no answer yet
        self.answered: bool | None = None
        self._deadline: SimTimer | None = None

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster == BASIC:
            return {
                BASIC_LUMI_WRITE: Attribute(
                    DataType.OCTET_STRING,
                    lambda: PREVENT_RESET_ANSWER if self.answered else b"",
                    self._write,
                    manufacturer_specific=True,
                )
            }
        return {}

    def _write(self, value: object) -> Status:
        data = bytes(value) if isinstance(value, bytes | bytearray) else b""
        if data == PREVENT_RESET_ANSWER:
            if self.answered is False:
                self.answered = True
            return Status.SUCCESS
        return Status.INVALID_VALUE

    def ask(self, released: Callable[[], None]) -> None:
        """The reset gesture began: ask the hub; ``released`` runs when the window closes."""
        self.reports += 1
        self.answered = False
        self.device.send_report(
            1,
            BASIC,
            [AttributeValue(BASIC_LUMI_WRITE, DataType.OCTET_STRING, PREVENT_RESET_REPORT)],
            manufacturer=LUMI_MANUFACTURER_CODE,
        )
        if self._deadline is not None:
            self._deadline.cancel()
        self._deadline = self.device.clock.call_later(
            PREVENT_RESET_WINDOW_S, lambda: self._expired(released)
        )

    def _expired(self, released: Callable[[], None]) -> None:
        self._deadline = None
        released()
        if not self.answered:
            _LOGGER.info("%s: prevent-reset not answered, resetting", self.device.ieee_str)
            self.device.factory_reset()

    def stop_timers(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None
