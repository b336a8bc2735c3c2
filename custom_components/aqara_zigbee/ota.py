"""Firmware images for the update entities, found through zigpy's OTA providers.

Sources, per config entry (options flow, "Firmware updates"):

* a local folder of Zigbee OTA files, ``<config>/aqara_zigbee/ota`` unless set otherwise:
  always on, works offline (:class:`LocalFolderProvider`; ``<file>.md`` next to an image
  holds its release notes);
* opt-in: the Zigbee2MQTT OTA index (Koenkk/zigbee-OTA), which carries Lumi images; zigpy's
  default providers do not.

zigpy's own OTA manager inside the ControllerApplication stays disabled (see
``radio.zigpy_config``): it would broadcast Image Notify on its own schedule. Instead
:class:`FirmwareImages` keeps a separate ``zigpy.ota.OTA`` holding our providers, asked by
the update entities with the device's last Query Next Image (or one built from the device's
definition). Nothing here installs anything: only the update entity's install action does.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
import contextlib
from dataclasses import dataclass
from datetime import timedelta
import hashlib
import logging
from pathlib import Path
from typing import Any, Final, cast

import aiohttp
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.event import async_track_time_interval
import zigpy.application
import zigpy.config as zigpy_conf
import zigpy.device
import zigpy.ota
from zigpy.ota.image import parse_ota_image
import zigpy.ota.providers
from zigpy.zcl.clusters.general import QueryNextImageCommand

from .const import CONF_OTA_FOLDER, CONF_OTA_Z2M_INDEX, CONF_OTA_Z2M_INDEX_URL, DEFAULT_OTA_FOLDER
from .lumi.const import LUMI_MANUFACTURER_CODE

_LOGGER = logging.getLogger(__name__)

# How often the folder is looked at for added, changed or removed files (a stat per file).
FOLDER_POLL_INTERVAL: Final = timedelta(seconds=15)
# How often every device is checked again (remote indexes refresh once a day in zigpy).
RECHECK_INTERVAL: Final = timedelta(hours=6)
# Files bigger than this are not firmware images (real Lumi images are ~100-300 KiB).
MAX_IMAGE_FILE_SIZE: Final = 8 * 1024 * 1024
RELEASE_NOTES_SUFFIX: Final = ".md"


@dataclass(frozen=True, slots=True)
class KnownBadImage:
    """A firmware release known to break a device: never offered, reported as an issue."""

    model_id: str
    image_type: int
    file_version: int
    problem: str


KNOWN_BAD_IMAGES: Final = (
    # Zigbee2MQTT pulled it from its index again: the plug stops reporting power and
    # answers group 0 (reference/devices.md; Koenkk/zigbee-OTA).
    KnownBadImage(
        "lumi.plug.mmeu01",
        0x4018,
        24,
        "it stops reporting power and answers group 0",
    ),
)


def known_bad(
    model_id: str | None, image_type: int | None, file_version: int
) -> KnownBadImage | None:
    """The known-bad entry for a model's firmware version, if it is one."""
    for bad in KNOWN_BAD_IMAGES:
        if (
            bad.model_id == model_id
            and bad.file_version == file_version
            and image_type in (None, bad.image_type)
        ):
            return bad
    return None


def ota_folder(config_dir: Path, options: dict[str, Any]) -> Path:
    """The image folder of an entry (relative paths are relative to HA's config dir)."""
    configured = str(options.get(CONF_OTA_FOLDER) or "").strip()
    path = Path(configured or DEFAULT_OTA_FOLDER).expanduser()
    return path if path.is_absolute() else config_dir / path


def folder_signature(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and modification times of the folder's files (blocking)."""
    entries: list[tuple[str, int, int]] = []
    with contextlib.suppress(OSError):
        for path in folder.rglob("*"):
            with contextlib.suppress(OSError):
                stat = path.stat()
                if path.is_file():
                    entries.append((str(path.relative_to(folder)), stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(entries))


def _read_images(folder: Path) -> list[tuple[Path, bytes, str | None]]:
    """Every file of the folder that may be an image, with its release notes (blocking)."""
    found: list[tuple[Path, bytes, str | None]] = []
    with contextlib.suppress(OSError):
        paths = sorted(path for path in folder.rglob("*") if path.is_file())
        for path in paths:
            if path.suffix == RELEASE_NOTES_SUFFIX:
                continue
            try:
                if path.stat().st_size > MAX_IMAGE_FILE_SIZE:
                    continue
                data = path.read_bytes()
            except OSError:
                continue
            notes_path = path.with_name(path.name + RELEASE_NOTES_SUFFIX)
            notes: str | None = None
            with contextlib.suppress(OSError, UnicodeDecodeError):
                notes = notes_path.read_text(encoding="utf-8").strip() or None
            found.append((path, data, notes))
    return found


class LocalFolderProvider(zigpy.ota.providers.AdvancedFileProvider):
    """zigpy's folder provider, re-read only when the folder changed (:meth:`mark_stale`).

    zigpy's version lists and reads the folder partly in the event loop and only every
    24 hours; this one does all file work in the executor and re-reads on demand.
    """

    def __init__(self, path: Path, manufacturer_ids: list[int] | None = None) -> None:
        super().__init__(path=path, manufacturer_ids=manufacturer_ids)
        self._stale = True

    def mark_stale(self) -> None:
        """Re-read the folder at the next lookup."""
        self._stale = True

    async def load_index(self) -> list[zigpy.ota.providers.BaseOtaImageMetadata] | None:
        if not self._stale:
            return None  # zigpy keeps the images it has
        self._stale = False
        # The folder provider needs no HTTP session.
        return [meta async for meta in self._load_index(cast(aiohttp.ClientSession, None))]

    async def _load_index(
        self, session: aiohttp.ClientSession
    ) -> AsyncIterator[zigpy.ota.providers.BaseOtaImageMetadata]:
        loop = asyncio.get_running_loop()
        for path, data, notes in await loop.run_in_executor(None, _read_images, self.path):
            try:
                image, _ = parse_ota_image(data)
            except Exception:  # any unparsable file is just not an image
                _LOGGER.debug("%s is not a Zigbee OTA image", path)
                continue
            header = getattr(image, "header", None)
            if header is None:
                continue
            yield zigpy.ota.providers.LocalOtaImageMetadata(
                path=path,
                file_version=header.file_version,
                manufacturer_id=header.manufacturer_id,
                image_type=header.image_type,
                # Guards against the file being swapped between lookup and install.
                checksum="sha1:" + hashlib.sha1(data, usedforsecurity=False).hexdigest(),
                file_size=len(data),
                min_hardware_version=header.minimum_hardware_version,
                max_hardware_version=header.maximum_hardware_version,
                release_notes=notes,
                source=f"Local folder ({self.path})",
            )


def build_providers(
    folder: Path, options: dict[str, Any]
) -> tuple[LocalFolderProvider, list[zigpy.ota.providers.BaseOtaProvider]]:
    """The folder provider, and every provider (folder first) the options ask for."""
    lumi_only = [LUMI_MANUFACTURER_CODE]
    local = LocalFolderProvider(folder, manufacturer_ids=lumi_only)
    providers: list[zigpy.ota.providers.BaseOtaProvider] = [local]
    if options.get(CONF_OTA_Z2M_INDEX):
        url = str(options.get(CONF_OTA_Z2M_INDEX_URL) or "").strip() or None
        providers.append(zigpy.ota.providers.RemoteZ2MProvider(url, manufacturer_ids=lumi_only))
    return local, providers


class FirmwareImages:
    """The firmware images known to one config entry, and when to look again."""

    def __init__(
        self,
        hass: HomeAssistant,
        app: zigpy.application.ControllerApplication,
        options: dict[str, Any],
    ) -> None:
        self.hass = hass
        self._app = app  # only used by zigpy for broadcasts, which we never ask for
        self._options: dict[str, Any] | None = None
        self._signature: tuple[tuple[str, int, int], ...] | None = None
        self._listeners: list[Callable[[], None]] = []
        self._unsubs: list[CALLBACK_TYPE] = []
        self._polling = False
        self.folder = Path()
        self._local, providers = build_providers(self.folder, {})
        self._ota = self._new_manager(providers)
        self.apply_options(options)

    def _new_manager(self, providers: list[zigpy.ota.providers.BaseOtaProvider]) -> zigpy.ota.OTA:
        # Disabled: zigpy registers none of its default providers; ours are added by hand.
        manager = zigpy.ota.OTA({zigpy_conf.CONF_OTA_ENABLED: False}, self._app)
        for provider in providers:
            manager.register_provider(provider)
        return manager

    async def async_start(self) -> None:
        """Create the default folder and watch the folder."""
        await self._async_prepare_folder()
        self._unsubs.append(
            async_track_time_interval(
                self.hass, self._async_poll_folder, FOLDER_POLL_INTERVAL, cancel_on_shutdown=True
            )
        )
        self._unsubs.append(
            async_track_time_interval(
                self.hass, self._async_recheck, RECHECK_INTERVAL, cancel_on_shutdown=True
            )
        )

    async def _async_prepare_folder(self) -> None:
        if not (self._options or {}).get(CONF_OTA_FOLDER):
            await self.hass.async_add_executor_job(self._create_folder)
        self._signature = await self.hass.async_add_executor_job(folder_signature, self.folder)

    async def async_options_updated(self, options: dict[str, Any]) -> None:
        """New options: new providers, and every device looks again."""
        if self.apply_options(options):
            await self._async_prepare_folder()
            self.async_notify()

    def _create_folder(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            _LOGGER.warning("Cannot create the firmware folder %s: %s", self.folder, err)

    @callback
    def async_stop(self) -> None:
        """Stop watching."""
        for unsub in self._unsubs:
            unsub()
        self._unsubs.clear()
        self._listeners.clear()

    def apply_options(self, options: dict[str, Any]) -> bool:
        """Use the providers the options name; True when they changed."""
        relevant = {
            key: options.get(key)
            for key in (CONF_OTA_FOLDER, CONF_OTA_Z2M_INDEX, CONF_OTA_Z2M_INDEX_URL)
        }
        if relevant == self._options:
            return False
        self._options = relevant
        self.folder = ota_folder(Path(self.hass.config.config_dir), relevant)
        self._local, providers = build_providers(self.folder, relevant)
        self._ota = self._new_manager(providers)
        self._signature = None
        return True

    @callback
    def async_add_listener(self, listener: Callable[[], None]) -> CALLBACK_TYPE:
        """Call ``listener`` whenever the images may have changed."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    @callback
    def async_notify(self) -> None:
        """Tell every listener to look for images again."""
        for listener in list(self._listeners):
            listener()

    async def _async_poll_folder(self, _now: object = None) -> None:
        if self._polling:
            return
        self._polling = True
        try:
            signature = await self.hass.async_add_executor_job(folder_signature, self.folder)
        finally:
            self._polling = False
        if signature != self._signature:
            self._signature = signature
            self._local.mark_stale()
            self.async_notify()

    @callback
    def _async_recheck(self, _now: object = None) -> None:
        self.async_notify()

    async def async_rescan(self) -> None:
        """Re-read the folder at the next lookup (a user asked to check for updates)."""
        self._signature = await self.hass.async_add_executor_job(folder_signature, self.folder)
        self._local.mark_stale()

    async def async_find(
        self, device: zigpy.device.ZigbeeDevice, query: QueryNextImageCommand
    ) -> zigpy.ota.OtaImagesResult:
        """Images compatible with ``device`` as its ``query`` describes it."""
        return await self._ota.get_ota_images(device, query)
