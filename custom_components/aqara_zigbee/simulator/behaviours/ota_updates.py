"""The OTA Upgrade client (0x0019): the unit queries for, downloads and boots new images."""

from __future__ import annotations

import logging
from typing import Any

from ..clock import SimTimer
from ..clusters import OTA
from ..ota_client import OtaClient, OtaIdentity
from ..zcl import LUMI_MANUFACTURER_CODE, DataType, FrameType, Status, ZclHeader
from ..zcl_server import Attribute, AttrTable, Reply
from .base import NOT_MINE, Behaviour, CommandResult

_LOGGER = logging.getLogger(__name__)

OTA_QUERY_INTERVAL_S = 86400.0
OTA_REBOOT_S = 3.0
# Right after joining or booting the firmware is busy and ignores Image Notify (it
# queries on its own schedule later). This also keeps the interview's Image Notify
# from making the device talk while a freshly started test tears the network down.
OTA_NOTIFY_QUIET_S = 10.0


class OtaUpdates(Behaviour):
    """Queries for images of ``image_type`` and installs them (the Lumi OTA index's type)."""

    def __init__(self, image_type: int, *, manufacturer_code: int = LUMI_MANUFACTURER_CODE):
        self.image_type = image_type
        self.manufacturer_code = manufacturer_code
        self.reboot_s = OTA_REBOOT_S
        self._query_timer: SimTimer | None = None
        self.client: OtaClient

    def attach(self, device: Any) -> None:
        super().attach(device)
        twin = device.twin
        self.client = OtaClient(
            OtaIdentity(
                device.zigbee_model, self.manufacturer_code, self.image_type, twin.hw_version
            ),
            device.clock,
            send=self._send,
            current_version=lambda: self.device.file_version,
            apply=self._apply,
            jitter_seed=int.from_bytes(device.ieee[2:4], "little"),
        )

    def client_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster != OTA:
            return {}
        ota = self.client
        return {
            0x0006: Attribute(DataType.ENUM8, lambda: int(ota.status)),
            0x0001: Attribute(DataType.UINT32, lambda: ota.file_offset),
            0x0004: Attribute(DataType.UINT32, lambda: ota.downloaded_version),
            0x0007: Attribute(DataType.UINT16, lambda: self.manufacturer_code),
            0x0008: Attribute(DataType.UINT16, lambda: ota.identity.image_type),
        }

    def cluster_command(
        self, ep: int, cluster: int, header: ZclHeader, payload: bytes, reply: Reply
    ) -> CommandResult:
        if cluster != OTA or not header.server_to_client:
            return NOT_MINE
        if ep != 1:
            return None
        status = self.client.handle(header.command, payload)
        return None if status is None else Status(status)

    def query(self) -> None:
        """Send Query Next Image Request now (a powered unit on a network)."""
        if self.device.powered and self.device.joined:
            self.client.query()

    def _started(self) -> None:
        """After joining or booting: quiet for a while, then query on schedule."""
        self.client.quiet_until = self.device.clock.now + OTA_NOTIFY_QUIET_S
        # Some minutes after boot or joining, spread over devices like heartbeats.
        self._schedule(120.0 + (int.from_bytes(self.device.ieee[2:4], "little") % 600))

    def _schedule(self, delay: float) -> None:
        if self._query_timer is not None:
            self._query_timer.cancel()
        self._query_timer = self.device.clock.call_later(delay, self._due)

    def _due(self) -> None:
        self._query_timer = None
        self.query()
        self._schedule(OTA_QUERY_INTERVAL_S)

    def _send(self, command: int, payload: bytes) -> None:
        header = ZclHeader(
            command=command,
            tsn=self.device.next_tsn(),
            frame_type=FrameType.CLUSTER,
            server_to_client=False,
            disable_default_response=True,
        )
        self.device.send_zcl(1, OTA, header.encode() + payload)

    def _apply(self, version: int) -> None:
        """Flash the downloaded image: the device is silent, then boots the new version."""
        device = self.device
        _LOGGER.info(
            "%s: upgrading firmware %s -> %s", device.ieee_str, device.file_version, version
        )
        device.power_off()
        device.file_version = version
        device.state_changed()
        device.clock.call_later(self.reboot_s, device.power_on)

    def joined(self) -> None:
        self._started()

    def booted(self) -> None:
        self._started()

    def stop_timers(self) -> None:
        if self._query_timer is not None:
            self._query_timer.cancel()
            self._query_timer = None
        self.client.reset()  # a download in RAM does not survive a power loss

    def left(self) -> None:
        self.client.reset()
