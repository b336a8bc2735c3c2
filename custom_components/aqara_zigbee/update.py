"""Firmware update entities: one per device whose definition supports OTA.

The installed version is the OTA file version the device last told: its Query Next Image
Request, or the OTA cluster's CurrentFileVersion attribute. The latest version comes from
the entry's image sources (``ota.py``): a local folder, and the Zigbee2MQTT index when the
user opted in. Known-bad releases are never offered; a repair issue says why. Nothing is
installed unless the user asks for it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
import contextlib
from functools import cache
import logging
from typing import Any

from homeassistant.components.update import (
    UpdateDeviceClass,
    UpdateEntity,
    UpdateEntityFeature,
)
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
import zigpy.device
import zigpy.ota
from zigpy.zcl import ClusterType, OtaQueryCacheUpdatedEvent, foundation
from zigpy.zcl.clusters.general import Ota, QueryNextImageCommand

from .const import DOMAIN, SIGNAL_NEW_DEVICE
from .devices.model import Definition
from .entity import AqaraDeviceEntity
from .gateway import AqaraConfigEntry, AqaraGateway
from .lumi.const import LUMI_MANUFACTURER_CODE
from .ota import FirmwareImages, KnownBadImage, known_bad

_LOGGER = logging.getLogger(__name__)

# One transfer at a time: OTA blocks are the heaviest traffic a Zigbee network carries.
PARALLEL_UPDATES = 1

CURRENT_FILE_VERSION = Ota.AttributeDefs.current_file_version
ISSUE_AVAILABLE = "known_bad_firmware_available"
ISSUE_INSTALLED = "known_bad_firmware_installed"
# Reading the installed version when nothing told it yet: one quick attempt.
READ_VERSION_TIMEOUT = 10.0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AqaraConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add an update entity for every OTA-capable device, now and as devices join."""
    gateway = entry.runtime_data
    assert gateway.app is not None  # the gateway started before the platforms
    images = FirmwareImages(hass, gateway.app, dict(entry.options), entry.entry_id)
    await images.async_start()
    entry.async_on_unload(images.async_stop)

    async def options_updated(hass: HomeAssistant, entry: AqaraConfigEntry) -> None:
        await images.async_options_updated(dict(entry.options))

    entry.async_on_unload(entry.add_update_listener(options_updated))

    @callback
    def add_device(ieee: object) -> None:
        key = str(ieee)
        handle = gateway.handles.get(key)
        if handle is None:
            return
        definition = handle.definition
        if definition is None or not definition.ota:
            return
        if not gateway.claim_entities(key, AqaraFirmwareUpdate):
            return
        async_add_entities([AqaraFirmwareUpdate(gateway, images, key, definition)])

    for ieee in list(gateway.handles):
        add_device(ieee)
    entry.async_on_unload(
        async_dispatcher_connect(hass, SIGNAL_NEW_DEVICE.format(entry.entry_id), add_device)
    )


@cache
def _new_device_signal(entry_id: str) -> str:
    """The entry's new-device signal: one string, not one per firmware entity following it
    (the dispatcher keeps it with each connection)."""
    return SIGNAL_NEW_DEVICE.format(entry_id)


def ota_client_cluster(device: zigpy.device.Device) -> Ota | None:
    """The device's OTA client cluster (the one that talks to our OTA server)."""
    try:
        cluster = device.find_cluster(cluster_id=Ota.cluster_id, cluster_type=ClusterType.Client)
    except ValueError, KeyError:
        return None
    return cluster if isinstance(cluster, Ota) else None


def _version_text(version: int) -> str:
    return str(version)


def _summary(notes: str | None) -> str | None:
    """The first line of release notes (Markdown heading marks dropped), at most 255."""
    for line in (notes or "").splitlines():
        text = line.strip().lstrip("#").strip()
        if text:
            return text[:255]
    return None


class AqaraFirmwareUpdate(AqaraDeviceEntity, UpdateEntity):
    """The firmware of one device."""

    _attr_device_class = UpdateDeviceClass.FIRMWARE
    _attr_entity_category = EntityCategory.CONFIG
    _attr_supported_features = (
        UpdateEntityFeature.INSTALL
        | UpdateEntityFeature.PROGRESS
        | UpdateEntityFeature.RELEASE_NOTES
    )

    def __init__(
        self,
        gateway: AqaraGateway,
        images: FirmwareImages,
        ieee: str,
        definition: Definition,
    ) -> None:
        super().__init__(gateway, ieee)
        self._images = images
        self._definition = definition
        self._device: zigpy.device.Device | None = None
        self._cluster_unsub: Callable[[], Any] | None = None
        self._image: zigpy.ota.OtaImageWithMetadata | None = None
        self._installed: int | None = None
        self._installing = False
        self._check_lock = asyncio.Lock()
        self._check_task: asyncio.Task[None] | None = None
        self._check_again = False
        self._read_tried = False

    @property
    def unique_id(self) -> str:
        # Asked for only while the entity is added (the registry keeps its own copy)
        return f"{self._ieee}-firmware"

    # ------------------------------------------------------------------ lifecycle

    async def async_added_to_hass(self) -> None:
        await super().async_added_to_hass()
        self.async_on_remove(
            async_dispatcher_connect(
                self.hass,
                _new_device_signal(self._gateway.entry.entry_id),
                self._async_on_new_device,
            )
        )
        self.async_on_remove(self._images.async_add_listener(self._schedule_check))
        self.async_on_remove(self._unbind)
        self._bind()
        self._set_installed(self._device_version())
        self._schedule_check()

    async def async_will_remove_from_hass(self) -> None:
        await super().async_will_remove_from_hass()  # ends the availability subscription
        if self._check_task is not None:
            self._check_task.cancel()
        # The issues are about this entity's device: they go with it (and come back at the
        # next start if still true).
        for issue in (ISSUE_AVAILABLE, ISSUE_INSTALLED):
            ir.async_delete_issue(self.hass, DOMAIN, self._issue_id(issue))

    @callback
    def async_on_availability(self) -> None:
        self._bind()
        super().async_on_availability()

    @callback
    def _async_on_new_device(self, ieee: object) -> None:
        # Re-interviews (after a firmware update) and re-joins bring a new zigpy device.
        if str(ieee) == self._ieee:
            self._bind()
            self._schedule_check()

    # ------------------------------------------------------------ device binding

    def _bind(self) -> None:
        """Listen to the OTA cluster of the zigpy device the network currently has."""
        device = self._gateway.zigpy_device(self._ieee)
        if device is self._device:
            return
        self._unbind()
        self._device = device
        cluster = ota_client_cluster(device) if device is not None else None
        if cluster is not None:
            self._cluster_unsub = cluster.on_all_events(self._on_cluster_event)
        version = self._device_version()
        if version is not None and not self._installing:
            self._set_installed(version)

    def _unbind(self) -> None:
        if self._cluster_unsub is not None:
            self._cluster_unsub()
            self._cluster_unsub = None
        self._device = None

    def _on_cluster_event(self, event: object) -> None:
        """A query from the device, or the current file version read or reported."""
        if isinstance(event, OtaQueryCacheUpdatedEvent):
            version: object = event.current_file_version
        elif getattr(event, "attribute_id", None) == CURRENT_FILE_VERSION.id:
            version = getattr(event, "value", None)
        else:
            return
        if not isinstance(version, int) or self._installing:
            return
        changed = version != self._installed
        self._set_installed(version)
        self.async_write_ha_state()
        if changed:
            self._schedule_check()

    def _device_version(self) -> int | None:
        """The file version the device last told (its query, else the attribute cache)."""
        cluster = ota_client_cluster(self._device) if self._device is not None else None
        if cluster is None:
            return None
        if cluster.last_query_cmd is not None:
            return int(cluster.last_query_cmd.current_file_version)
        value = cluster.get(CURRENT_FILE_VERSION.id)
        return int(value) if isinstance(value, int) else None

    def _set_installed(self, version: int | None) -> None:
        self._installed = version
        self._attr_installed_version = None if version is None else _version_text(version)
        if self._image is not None and version is not None and self._image.version <= version:
            self._image = None
        self._apply_latest()

    def _apply_latest(self) -> None:
        image = self._image
        if image is None:
            self._attr_latest_version = self._attr_installed_version
            self._attr_release_summary = None
            self._attr_release_url = None
            return
        metadata = image.metadata
        self._attr_latest_version = _version_text(image.version)
        self._attr_release_summary = _summary(metadata.changelog or metadata.release_notes)
        self._attr_release_url = metadata.release_url

    # ------------------------------------------------------------------ checking

    @callback
    def _schedule_check(self) -> None:
        """Look for images in the background (coalesced; skipped while installing)."""
        if self.hass is None or self._installing:
            return
        if self._check_task is not None and not self._check_task.done():
            self._check_again = True
            return
        task = self.hass.async_create_background_task(
            self._async_check_loop(), f"{DOMAIN} firmware check {self._ieee}"
        )
        # Kept only while it runs (it may have finished already, started eagerly): a
        # finished task per device would be memory for nothing
        if not task.done():
            self._check_task = task

    async def _async_check_loop(self) -> None:
        try:
            while True:
                self._check_again = False
                try:
                    await self._async_check()
                except Exception:
                    _LOGGER.debug("Firmware check of %s failed", self._ieee, exc_info=True)
                if not self._check_again:
                    return
        finally:
            self._check_task = None

    async def async_update(self) -> None:
        """``homeassistant.update_entity``: re-read the image folder and look again."""
        await self._images.async_rescan()
        await self._async_check()

    async def _async_check(self) -> None:
        async with self._check_lock:
            if self._installing:
                return
            self._bind()
            device = self._device
            if device is None:
                return
            if self._installed is None and not self._read_tried and self.available:
                self._read_tried = True
                await self._async_read_version(device)
            version = self._installed
            if version is None:
                return
            result = await self._images.async_find(device, self._query(device, version))
            if self._installing or version != self._installed:
                return  # something newer happened meanwhile; that one decides
            offered = [
                image
                for image in result.upgrades
                if known_bad(device.model, image.metadata.image_type, image.version) is None
            ]
            withheld = [
                (image, bad)
                for image in result.upgrades
                if (bad := known_bad(device.model, image.metadata.image_type, image.version))
            ]
            self._image = offered[0] if offered else None
            self._apply_latest()
            self._update_issues(withheld, known_bad(device.model, None, version))
            self.async_write_ha_state()

    async def _async_read_version(self, device: zigpy.device.Device) -> None:
        cluster = ota_client_cluster(device)
        if cluster is None:
            return
        with contextlib.suppress(Exception):
            async with asyncio.timeout(READ_VERSION_TIMEOUT):
                await cluster.read_attributes([CURRENT_FILE_VERSION.name])
        version = self._device_version()
        if version is not None:
            self._set_installed(version)

    def _query(self, device: zigpy.device.Device, version: int) -> QueryNextImageCommand:
        """The device's own last query, or the one its definition says it would send."""
        cluster = ota_client_cluster(device)
        last = cluster.last_query_cmd if cluster is not None else None
        if last is not None and last.current_file_version == version:
            return last
        return QueryNextImageCommand(
            field_control=QueryNextImageCommand.FieldControl(0),  # type: ignore[no-untyped-call]
            manufacturer_code=(
                last.manufacturer_code if last is not None else LUMI_MANUFACTURER_CODE
            ),
            image_type=(
                last.image_type if last is not None else (self._definition.ota_image_type or 0xFFFF)
            ),
            current_file_version=version,
        )

    # ------------------------------------------------------------------ issues

    def _issue_id(self, issue: str) -> str:
        return f"{issue}_{self._ieee}"

    def _update_issues(
        self,
        withheld: list[tuple[zigpy.ota.OtaImageWithMetadata, KnownBadImage]],
        installed_bad: KnownBadImage | None,
    ) -> None:
        name = self._device_name()
        if withheld:
            image, bad = withheld[0]
            ir.async_create_issue(
                self.hass,
                DOMAIN,
                self._issue_id(ISSUE_AVAILABLE),
                is_fixable=False,
                severity=ir.IssueSeverity.WARNING,
                translation_key=ISSUE_AVAILABLE,
                translation_placeholders={
                    "device": name,
                    "model": self._definition.model,
                    "version": _version_text(image.version),
                    "problem": bad.problem,
                    "source": image.metadata.source,
                },
            )
        else:
            ir.async_delete_issue(self.hass, DOMAIN, self._issue_id(ISSUE_AVAILABLE))
        if installed_bad is not None:
            ir.async_create_issue(
                self.hass,
                DOMAIN,
                self._issue_id(ISSUE_INSTALLED),
                is_fixable=False,
                severity=ir.IssueSeverity.WARNING,
                translation_key=ISSUE_INSTALLED,
                translation_placeholders={
                    "device": name,
                    "model": self._definition.model,
                    "version": _version_text(installed_bad.file_version),
                    "problem": installed_bad.problem,
                },
            )
        else:
            ir.async_delete_issue(self.hass, DOMAIN, self._issue_id(ISSUE_INSTALLED))

    def _device_name(self) -> str:
        if self.device_entry is not None:
            return self.device_entry.name_by_user or self.device_entry.name or self._ieee
        return f"{self._definition.vendor} {self._definition.model}"

    # ------------------------------------------------------------------ install

    async def async_release_notes(self) -> str | None:
        image = self._image
        if image is None:
            return None
        return image.metadata.release_notes or image.metadata.changelog

    async def async_install(self, version: str | None, backup: bool, **kwargs: Any) -> None:
        """Send the offered image to the device; raises a translated error on failure."""
        self._bind()
        device = self._device
        if device is None or not self.available:
            raise HomeAssistantError(translation_domain=DOMAIN, translation_key="device_offline")
        image = self._image
        if image is None:
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="firmware_no_update",
                translation_placeholders={"entity": self.entity_id},
            )
        self._installing = True
        self._attr_in_progress = True
        self._attr_update_percentage = 0
        self.async_write_ha_state()
        try:
            status = await device.update_firmware(image, progress_callback=self._on_progress)
        except Exception as exc:
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="firmware_update_failed",
                translation_placeholders={
                    "entity": self.entity_id,
                    "error": str(exc) or type(exc).__name__,
                },
            ) from exc
        finally:
            self._installing = False
            self._attr_in_progress = False
            self._attr_update_percentage = None
        if status is None:  # zigpy refused: an update of this device is already running
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="firmware_update_running",
                translation_placeholders={"entity": self.entity_id},
            )
        if status != foundation.Status.SUCCESS:
            self._schedule_check()
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key=(
                    "firmware_rejected"
                    if status == foundation.Status.INVALID_IMAGE
                    else "firmware_update_failed"
                ),
                translation_placeholders={
                    "entity": self.entity_id,
                    "version": _version_text(image.version),
                    "error": getattr(status, "name", str(status)),
                },
            )
        # zigpy read the new version back and re-interviewed the device (a new object).
        self._bind()
        self._image = None
        installed = self._device_version()
        self._set_installed(image.version if installed is None else installed)
        self._schedule_check()

    def _on_progress(self, current: int, total: int, progress: float) -> None:
        percentage = int(progress)
        if not self._installing or percentage == self._attr_update_percentage:
            return
        self._attr_update_percentage = percentage
        self.async_write_ha_state()
