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
from collections.abc import AsyncIterator, Callable, Collection
import contextlib
from dataclasses import dataclass
from datetime import timedelta
import hashlib
import logging
import os
from pathlib import Path
import stat
from typing import Any, Final, cast

import aiohttp
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.event import async_track_time_interval
import zigpy.application
import zigpy.config as zigpy_conf
import zigpy.device
import zigpy.ota
from zigpy.ota.image import OTAImageHeader
import zigpy.ota.providers
from zigpy.zcl.clusters.general import QueryNextImageCommand

from .const import (
    CONF_OTA_FOLDER,
    CONF_OTA_Z2M_INDEX,
    CONF_OTA_Z2M_INDEX_URL,
    DEFAULT_OTA_FOLDER,
    DOMAIN,
)
from .lumi.const import LUMI_MANUFACTURER_CODE

_LOGGER = logging.getLogger(__name__)

# How often the folder is looked at for added, changed or removed files (a stat per file).
FOLDER_POLL_INTERVAL: Final = timedelta(seconds=15)
# How often every device is checked again (remote indexes refresh once a day in zigpy).
RECHECK_INTERVAL: Final = timedelta(hours=6)
# Files bigger than this are not firmware images (real Lumi images are ~100-300 KiB).
MAX_IMAGE_FILE_SIZE: Final = 8 * 1024 * 1024
RELEASE_NOTES_SUFFIX: Final = ".md"
# Subfolder levels looked into: a vendor/model layout needs two; /usr-like trees are not read.
MAX_FOLDER_DEPTH: Final = 4
# Directory entries looked at per scan: a firmware folder holds tens of files, not 100k.
MAX_FOLDER_ENTRIES: Final = 1000
# Bytes hashed per index of the folder: far more than every Lumi image ever released.
MAX_INDEX_BYTES: Final = 256 * 1024 * 1024
# Release notes are a few lines of Markdown; a bigger file is not read at all.
MAX_RELEASE_NOTES_SIZE: Final = 64 * 1024
# Files are hashed in chunks of this size: memory stays flat whatever the folder holds.
READ_CHUNK_SIZE: Final = 64 * 1024
# Enough for the longest OTA header (56 bytes plus every optional field, 69 bytes).
HEADER_READ_SIZE: Final = 128
# A sub-element's tag: id (2 bytes) and length (4 bytes).
TAG_HEADER_SIZE: Final = 6
# Open flags for files in the folder: never through a symlink, never stuck on a FIFO.
_OPEN_FLAGS: Final = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
ISSUE_INVALID_FOLDER: Final = "invalid_ota_folder"


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


class InvalidOtaFolderError(ValueError):
    """The configured image folder cannot be used."""


def ota_folder(config_dir: Path, options: dict[str, Any]) -> Path:
    """The image folder of an entry (relative paths are relative to HA's config dir)."""
    configured = str(options.get(CONF_OTA_FOLDER) or "").strip()
    path = Path(configured or DEFAULT_OTA_FOLDER)
    with contextlib.suppress(RuntimeError):  # "~nobody": no such user's home
        path = path.expanduser()
    return path if path.is_absolute() else config_dir / path


def validate_ota_folder(hass: HomeAssistant, configured: object) -> Path:
    """The resolved image folder ``configured`` names, or :class:`InvalidOtaFolderError` (blocking).

    Empty means the default folder, which is created when missing; any other folder must
    exist, be a directory and be allowed.
    """
    text = str(configured or "").strip()
    if "\0" in text:
        raise InvalidOtaFolderError("the folder name holds a NUL character")
    config_dir = Path(hass.config.config_dir).resolve()
    path = ota_folder(config_dir, {CONF_OTA_FOLDER: text})
    try:
        resolved = path.resolve(strict=text not in ("", DEFAULT_OTA_FOLDER))
    except (OSError, RuntimeError, ValueError) as err:  # missing, symlink loop, ...
        raise InvalidOtaFolderError(f"{path} cannot be resolved: {err}") from err
    # Confined like HA's own file access: the config folder, or what the user allow-listed
    # (allowlist_external_dirs, which also holds the media folders) - never /etc or /usr.
    if not (resolved.is_relative_to(config_dir) or hass.config.is_allowed_path(str(resolved))):
        raise InvalidOtaFolderError(
            f"{resolved} is outside the configuration folder and allowlist_external_dirs"
        )
    if resolved.exists() and not resolved.is_dir():
        raise InvalidOtaFolderError(f"{resolved} is not a folder")
    return resolved


async def async_validate_ota_folder(hass: HomeAssistant, configured: object) -> bool:
    """Whether the options flow may save ``configured`` as the image folder."""
    try:
        await hass.async_add_executor_job(validate_ota_folder, hass, configured)
    except InvalidOtaFolderError as err:
        _LOGGER.debug("Refused firmware folder %r: %s", configured, err)
        return False
    return True


@dataclass(frozen=True, slots=True)
class FolderScan:
    """The regular files of an image folder, as far as the scan limits let it look."""

    files: tuple[tuple[str, int, int], ...]  # relative path, size, modification time (ns)
    truncated: bool


def scan_folder(root: Path) -> FolderScan:
    """Regular files under ``root`` (blocking), within the depth and entry limits.

    Symlinks are never followed (neither files nor folders), so nothing outside ``root``
    is looked at; ``root`` itself must be a real folder (not a symlink).
    """
    files: list[tuple[str, int, int]] = []
    seen = 0
    try:
        if not stat.S_ISDIR(os.lstat(root).st_mode):
            return FolderScan((), False)
    except OSError, ValueError:
        return FolderScan((), False)
    pending: list[tuple[str, int]] = [("", 0)]
    while pending:
        relative, depth = pending.pop()
        try:
            with os.scandir(root / relative if relative else root) as entries:
                for entry in entries:
                    seen += 1
                    if seen > MAX_FOLDER_ENTRIES:
                        return FolderScan(tuple(sorted(files)), True)
                    name = f"{relative}/{entry.name}" if relative else entry.name
                    try:
                        info = entry.stat(follow_symlinks=False)
                    except OSError:
                        continue
                    if stat.S_ISDIR(info.st_mode):
                        if depth < MAX_FOLDER_DEPTH:
                            pending.append((name, depth + 1))
                    elif stat.S_ISREG(info.st_mode):
                        files.append((name, info.st_size, info.st_mtime_ns))
        except OSError, ValueError:
            continue
    return FolderScan(tuple(sorted(files)), False)


def folder_signature(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and modification times of the folder's files (blocking)."""
    return scan_folder(folder).files


@dataclass(frozen=True, slots=True)
class FolderImage:
    """What the index needs of one image file: its header, size, checksum and notes."""

    path: Path
    header: OTAImageHeader
    size: int
    checksum: str
    notes: str | None


def _open_regular(path: Path) -> tuple[int, os.stat_result] | None:
    """A descriptor of ``path`` if it is a regular file (not through a symlink)."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError, ValueError:
        return None
    try:
        info = os.fstat(fd)
    except OSError:
        os.close(fd)
        return None
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        return None
    return fd, info


def _read_notes(path: Path) -> str | None:
    opened = _open_regular(path)
    if opened is None:
        return None
    fd, info = opened
    with os.fdopen(fd, "rb") as file:
        if info.st_size > MAX_RELEASE_NOTES_SIZE:
            return None
        try:
            return file.read(MAX_RELEASE_NOTES_SIZE).decode("utf-8").strip() or None
        except OSError, UnicodeDecodeError:
            return None


def _read_image(path: Path, manufacturer_ids: Collection[int] | None) -> FolderImage | None:
    """The image in ``path``: header read, structure checked and file hashed in chunks.

    Only plain Zigbee OTA files (what Lumi publishes) are images here; a file is read whole
    only if its header says it is one, for one of ``manufacturer_ids``. Like zigpy, data
    after the image's declared size is tolerated.
    """
    opened = _open_regular(path)
    if opened is None:
        return None
    fd, info = opened
    with os.fdopen(fd, "rb") as file:
        size = info.st_size
        if size > MAX_IMAGE_FILE_SIZE:
            return None
        head = file.read(HEADER_READ_SIZE)
        if not head.startswith(OTAImageHeader.OTA_HEADER):
            return None
        try:
            header, _ = OTAImageHeader.deserialize(head)
        except Exception:  # any malformed header is just not an image
            return None
        end = int(header.image_size)
        if end > size or (manufacturer_ids and header.manufacturer_id not in manufacturer_ids):
            return None
        # The sub-elements must tile the declared image exactly (as zigpy parses it).
        offset = int(header.header_length)
        while offset < end:
            file.seek(offset)
            tag = file.read(TAG_HEADER_SIZE)
            if len(tag) != TAG_HEADER_SIZE:
                return None
            offset += TAG_HEADER_SIZE + int.from_bytes(tag[2:6], "little")
        if offset != end:
            return None
        file.seek(0)
        digest = hashlib.sha1(usedforsecurity=False)
        while chunk := file.read(READ_CHUNK_SIZE):
            digest.update(chunk)
    notes = _read_notes(path.with_name(path.name + RELEASE_NOTES_SUFFIX))
    return FolderImage(path, header, size, "sha1:" + digest.hexdigest(), notes)


def _read_images(
    folder: Path, manufacturer_ids: Collection[int] | None = None
) -> list[FolderImage]:
    """Every image of the folder, with its release notes (blocking, bounded)."""
    scan = scan_folder(folder)
    if scan.truncated:
        _LOGGER.warning(
            "The firmware folder %s has more than %d entries: only the first are looked at",
            folder,
            MAX_FOLDER_ENTRIES,
        )
    found: list[FolderImage] = []
    budget = MAX_INDEX_BYTES
    for name, size, _mtime in scan.files:
        if name.endswith(RELEASE_NOTES_SUFFIX) or size > MAX_IMAGE_FILE_SIZE:
            continue
        if size > budget:
            _LOGGER.warning("The firmware folder %s holds too much data: not all read", folder)
            break
        image = _read_image(folder / name, manufacturer_ids)
        if image is not None:
            budget -= image.size
            found.append(image)
    return found


class LocalFolderProvider(zigpy.ota.providers.AdvancedFileProvider):
    """zigpy's folder provider, re-read only when the folder changed (:meth:`mark_stale`).

    zigpy's version lists and reads the folder partly in the event loop and only every
    24 hours; this one does all file work in the executor and re-reads on demand.
    """

    def __init__(self, path: Path, manufacturer_ids: list[int] | None = None) -> None:
        super().__init__(path=path, manufacturer_ids=manufacturer_ids)
        self._stale = True
        self.enabled = True  # False while the configured folder is not a valid one

    def mark_stale(self) -> None:
        """Re-read the folder at the next lookup."""
        self._stale = True

    async def load_index(self) -> list[zigpy.ota.providers.BaseOtaImageMetadata] | None:
        if not self._stale:
            return None  # zigpy keeps the images it has
        self._stale = False
        if not self.enabled:
            return []
        # The folder provider needs no HTTP session.
        return [meta async for meta in self._load_index(cast(aiohttp.ClientSession, None))]

    async def _load_index(
        self, session: aiohttp.ClientSession
    ) -> AsyncIterator[zigpy.ota.providers.BaseOtaImageMetadata]:
        loop = asyncio.get_running_loop()
        # All file work (listing, reading, hashing) happens in the executor.
        found = await loop.run_in_executor(None, _read_images, self.path, self.manufacturer_ids)
        for image in found:
            header = image.header
            yield zigpy.ota.providers.LocalOtaImageMetadata(
                path=image.path,
                file_version=header.file_version,
                manufacturer_id=header.manufacturer_id,
                image_type=header.image_type,
                # Guards against the file being swapped between lookup and install.
                checksum=image.checksum,
                file_size=image.size,
                min_hardware_version=header.minimum_hardware_version,
                max_hardware_version=header.maximum_hardware_version,
                release_notes=image.notes,
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
        entry_id: str = "",
    ) -> None:
        self.hass = hass
        self._issue_id = f"{ISSUE_INVALID_FOLDER}_{entry_id}"
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
        configured = (self._options or {}).get(CONF_OTA_FOLDER)
        if not configured:
            await self.hass.async_add_executor_job(self._create_folder)
        try:
            # Checked again when used: a folder saved before validation existed, or one that
            # became a symlink since, is ignored (the update entities still load).
            folder = await self.hass.async_add_executor_job(
                validate_ota_folder, self.hass, configured
            )
        except InvalidOtaFolderError as err:
            _LOGGER.warning("The firmware folder %r is not used: %s", configured, err)
            self._local.enabled = False
            ir.async_create_issue(
                self.hass,
                DOMAIN,
                self._issue_id,
                is_fixable=False,
                severity=ir.IssueSeverity.WARNING,
                translation_key=ISSUE_INVALID_FOLDER,
                translation_placeholders={"folder": str(configured)},
            )
            self._signature = ()
            return
        ir.async_delete_issue(self.hass, DOMAIN, self._issue_id)
        self.folder = self._local.path = folder
        self._local.enabled = True
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
        ir.async_delete_issue(self.hass, DOMAIN, self._issue_id)

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
        self._local.enabled = False  # until _async_prepare_folder validated the folder
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
        if self._polling or not self._local.enabled:
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
        if self._local.enabled:
            self._signature = await self.hass.async_add_executor_job(folder_signature, self.folder)
        self._local.mark_stale()

    async def async_find(
        self, device: zigpy.device.ZigbeeDevice, query: QueryNextImageCommand
    ) -> zigpy.ota.OtaImagesResult:
        """Images compatible with ``device`` as its ``query`` describes it."""
        return await self._ota.get_ota_images(device, query)
