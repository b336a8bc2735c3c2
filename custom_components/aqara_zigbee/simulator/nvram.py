"""NVRAM of an emulated Z-Stack 3.30 coordinator (CC2652, aligned structs).

Z-Stack 3.30 keeps everything in one "extended" NV store addressed by
``(item_id, sub_id)``. The old OSAL items live under ``item_id == ExItem.LEGACY`` with
the OSAL id as ``sub_id``; tables (address manager, TC link keys, ...) are items with one
sub id per row. Hosts walk tables until a row is missing, so the table capacities below
matter: they are those of a stock CC2652 build. Ids and row layouts: ``nv_items.py``.

Persistence uses the NVRAM backup JSON format of zigpy-znp's ``nvram_read`` tool (items
by their TI names), so a state file can also be written to real hardware.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import pathlib
import random
import threading
from typing import Any, Final

from .nv_items import (
    ADDRMGR_ENTRY,
    ADDRMGR_USER_ASSOC,
    ADDRMGR_USER_SECURITY,
    NWK_SEC_MATERIAL,
    OSAL_IDS,
    OSAL_NAMES,
    TCLK_ENTRY,
    TCLK_KEY_DEFAULT,
    TCLK_KEY_VERIFIED,
    ExItem,
    OsalItem,
)

_LOGGER = logging.getLogger(__name__)

LEGACY: Final = int(ExItem.LEGACY)
ADDRMGR: Final = int(ExItem.ADDRMGR)
TCLK_TABLE: Final = int(ExItem.TCLK_TABLE)
APS_KEY_DATA_TABLE: Final = int(ExItem.APS_KEY_DATA_TABLE)
NWK_SEC_MATERIAL_TABLE: Final = int(ExItem.NWK_SEC_MATERIAL_TABLE)

# Rows per table on a stock CC2652 Z-Stack 3.30 build.
TABLE_ROWS: Final[dict[int, int]] = {
    ADDRMGR: 257,
    int(ExItem.BINDING_TABLE): 1,
    int(ExItem.DEVICE_LIST): 51,
    TCLK_TABLE: 200,
    APS_KEY_DATA_TABLE: 3,
    NWK_SEC_MATERIAL_TABLE: 5,
}

# Rows that are network state: emptied by a ClearState/ClearConfig reset. The frame
# counter table survives resets, exactly like on the real stack.
_NETWORK_TABLES: Final = frozenset(TABLE_ROWS) - {NWK_SEC_MATERIAL_TABLE}

# A free address manager row is all 0xFF (no user, no addresses).
EMPTY_ADDRMGR_ROW: Final = b"\xff" * ADDRMGR_ENTRY.size
EMPTY_TCLK_ROW: Final = TCLK_ENTRY.pack(
    {
        "tx_counter": 0,
        "rx_counter": 0,
        "ieee": bytes(8),
        "key_attributes": TCLK_KEY_DEFAULT,
        "key_type": 0,
        "seed_shift": 0,
    }
)
_EMPTY_ROWS: Final[dict[int, bytes]] = {
    ADDRMGR: EMPTY_ADDRMGR_ROW,
    int(ExItem.BINDING_TABLE): b"\xff" * 14,
    int(ExItem.DEVICE_LIST): b"\xff" * 16,
    TCLK_TABLE: EMPTY_TCLK_ROW,
    APS_KEY_DATA_TABLE: bytes(24),
    NWK_SEC_MATERIAL_TABLE: bytes(NWK_SEC_MATERIAL.size),
}

_TCLK_IEEE: Final = slice(TCLK_ENTRY.offset("ieee"), TCLK_ENTRY.offset("ieee") + 8)
# IEEE / extended PAN id values that mean "none".
NO_IEEE: Final = frozenset({bytes(8), b"\xff" * 8})

# Items that describe the formed network (or the host's bookkeeping about it): a
# ClearState reset removes them, the next formation recreates them.
_NETWORK_ITEMS: Final = frozenset(
    {
        int(OsalItem.NIB),
        int(OsalItem.HAS_CONFIGURED_ZSTACK1),
        int(OsalItem.HAS_CONFIGURED_ZSTACK3),
        int(OsalItem.ZIGPY_ZNP_MIGRATION_ID),
    }
)


def _osal_defaults(hardware_ieee: bytes) -> dict[int, bytes]:
    """OSAL items of a blank CC2652 (factory configuration, no network).

    The pre-configured network key and TC link key seed are random per reset, as on a
    freshly flashed stick: the emulator never hands out a well-known key by itself.
    """
    hexes = {
        "STARTUP_OPTION": "00",
        "START_DELAY": "0a",
        "DATA_RETRIES": "02",
        "POLL_FAILURE_RETRIES": "03",
        "STACK_PROFILE": "02",
        "INDIRECT_MSG_TIMEOUT": "07",
        "ROUTE_EXPIRY_TIME": "1e",
        "BCAST_RETRIES": "02",
        "PASSIVE_ACK_TIMEOUT": "05",
        "BCAST_DELIVERY_TIME": "1e",
        "CONCENTRATOR_ENABLE": "01",
        "CONCENTRATOR_DISCOVERY": "78",
        "CONCENTRATOR_RADIUS": "0a",
        "POLL_RATE": "00" * 40,
        "CONCENTRATOR_RC": "01",
        "NWK_MGR_MODE": "01",
        "SRC_RTG_EXPIRY_TIME": "ff",
        "ROUTE_DISCOVERY_TIME": "0d",
        "NWK_ACTIVE_KEY_INFO": "00" * 17,
        "NWK_ALTERN_KEY_INFO": "00" * 17,
        "ROUTER_OFF_ASSOC_CLEANUP": "01",
        "NWK_LEAVE_REQ_ALLOWED": "01",
        "NWK_CHILD_AGE_ENABLE": "00",
        "GROUP_TABLE": "0000" + "ff" * 20,
        "APS_FRAME_RETRIES": "03",
        "APS_ACK_WAIT_DURATION": "f401",
        "APS_ACK_WAIT_MULTIPLIER": "02",
        "BINDING_TIME": "803e",
        "APS_USE_EXT_PANID": "00" * 8,
        "APS_USE_INSECURE_JOIN": "01",
        "COMMISSIONED_NWK_ADDR": "feff",
        "APS_NONMEMBER_RADIUS": "02",
        # uint16 row count + 3 rows of (addr mgr index, key nv id, auth state) + padding
        "APS_LINK_KEY_TABLE": "00" * 20,
        "APS_DUPREJ_TIMEOUT_INC": "e803",
        "APS_DUPREJ_TIMEOUT_COUNT": "0a",
        "APS_DUPREJ_TABLE_SIZE": "0500",
        "NWK_PARENT_INFO": "01",
        "NWK_ENDDEV_TIMEOUT_DEF": "08",
        "END_DEV_TIMEOUT_VALUE": "08",
        "END_DEV_CONFIGURATION": "00",
        "BDBNODEISONANETWORK": "00",
        "PRECFGKEY": os.urandom(16).hex(),
        "PRECFGKEYS_ENABLE": "00",
        "SECURE_PERMIT_JOIN": "01",
        "APS_LINK_KEY_TYPE": "01",
        "APS_ALLOW_R19_SECURITY": "00",
        "USE_DEFAULT_TCLK": "01",
        "TRUSTCENTER_ADDR": "00" * 8,
        "USERDESC": "00" * 17,
        "NWKKEY": "00" * 24,
        "PANID": "ffff",
        "CHANLIST": "00080000",  # channel 11
        "LEAVE_CTRL": "00",
        "SCAN_DURATION": "04",
        "LOGICAL_TYPE": "00",
        "NWKMGR_MIN_TX": "14",
        "ZDO_DIRECT_CB": "01",
        "SAPI_ENDPOINT": "e0",
        "TCLK_SEED": os.urandom(16).hex(),
    }
    items = {OSAL_IDS[name]: bytes.fromhex(value) for name, value in hexes.items()}
    items[OsalItem.EXTADDR] = hardware_ieee
    items[OsalItem.EXTENDED_PAN_ID] = hardware_ieee
    return items


class NvRam:
    """Byte-exact NV store with the semantics zigpy-znp relies on."""

    def __init__(self, hardware_ieee: bytes) -> None:
        self.hardware_ieee = hardware_ieee
        self._items: dict[tuple[int, int], bytearray] = {}
        # Set by every mutation; the emulator persists and clears it.
        self.dirty = False
        self.factory_reset(keep_frame_counters=False)

    # -- raw access (SYS.NV* / SYS.OSALNV* commands) -------------------------------

    def length(self, item_id: int, sub_id: int) -> int:
        value = self._items.get((item_id, sub_id))
        return 0 if value is None else len(value)

    def get(self, item_id: int, sub_id: int) -> bytes | None:
        value = self._items.get((item_id, sub_id))
        return None if value is None else bytes(value)

    def set(self, item_id: int, sub_id: int, value: bytes) -> None:
        """Create or replace a whole item."""
        self._items[item_id, sub_id] = bytearray(value)
        self.dirty = True

    def create(self, item_id: int, sub_id: int, length: int, init: bytes = b"") -> bool:
        """Create an item if missing; returns whether it was created (NV_ITEM_UNINIT)."""
        if (item_id, sub_id) in self._items:
            return False
        self._items[item_id, sub_id] = bytearray(init[:length].ljust(length, b"\xff"))
        self.dirty = True
        return True

    def write(self, item_id: int, sub_id: int, offset: int, data: bytes) -> bool:
        """Overwrite part of an existing item; it never grows (like the real store)."""
        value = self._items.get((item_id, sub_id))
        if value is None or offset + len(data) > len(value):
            return False
        value[offset : offset + len(data)] = data
        self.dirty = True
        return True

    def delete(self, item_id: int, sub_id: int) -> bool:
        if self._items.pop((item_id, sub_id), None) is None:
            return False
        self.dirty = True
        return True

    # -- OSAL convenience ------------------------------------------------------------

    def osal(self, nvid: int) -> bytes | None:
        return self.get(LEGACY, nvid)

    def set_osal(self, nvid: int, value: bytes) -> None:
        self.set(LEGACY, nvid, value)

    def table(self, item_id: int) -> list[bytes]:
        """Rows of a table, in order, up to the first missing one (as zigpy-znp reads)."""
        rows: list[bytes] = []
        while (row := self._items.get((item_id, len(rows)))) is not None:
            rows.append(bytes(row))
        return rows

    # -- device tables: what a join, a leave and a sent frame change ------------------

    def joined_devices(self) -> dict[bytes, int]:
        """IEEE (little-endian) -> NWK of devices in the address manager."""
        joined = {}
        for row in self.table(ADDRMGR):
            kind, nwk, ieee = _addrmgr_row(row)
            if not _is_free(kind, ieee) and kind & (ADDRMGR_USER_ASSOC | ADDRMGR_USER_SECURITY):
                joined[ieee] = nwk
        return joined

    def record_join(self, ieee: bytes, nwk: int, *, child: bool) -> bool:
        """Store a joined device and its (seed-hashed, verified) TC link key.

        Returns False when the address manager is full and the device was not stored.
        """
        entries = [_addrmgr_row(row) for row in self.table(ADDRMGR)]
        index = next((i for i, (_k, _n, known) in enumerate(entries) if known == ieee), None)
        if index is None:
            index = next(
                (i for i, (kind, _n, known) in enumerate(entries) if _is_free(kind, known)), None
            )
        if index is None:
            return False
        user = ADDRMGR_USER_SECURITY | (ADDRMGR_USER_ASSOC if child else 0)
        self.set(ADDRMGR, index, ADDRMGR_ENTRY.pack({"user": user, "nwk": nwk, "ieee": ieee}))

        keys = self.table(TCLK_TABLE)
        if any(row[_TCLK_IEEE] == ieee for row in keys):
            return True
        free = next((i for i, row in enumerate(keys) if row[_TCLK_IEEE] == bytes(8)), None)
        if free is None:
            _LOGGER.warning("TC link key table full, %s is stored without a key", ieee.hex())
            return True
        key = TCLK_ENTRY.pack(
            {
                "tx_counter": 0,
                "rx_counter": 0,
                "ieee": ieee,
                "key_attributes": TCLK_KEY_VERIFIED,
                "key_type": 0,  # derived from the TC link key seed
                "seed_shift": random.randrange(16),
            }
        )
        self.set(TCLK_TABLE, free, key)
        return True

    def forget(self, ieee: bytes) -> None:
        """Drop a device that left from the address manager and the TC link key table."""
        for index, row in enumerate(self.table(ADDRMGR)):
            if _addrmgr_row(row)[2] == ieee:
                self.set(ADDRMGR, index, EMPTY_ADDRMGR_ROW)
        for index, row in enumerate(self.table(TCLK_TABLE)):
            if row[_TCLK_IEEE] == ieee:
                self.set(TCLK_TABLE, index, EMPTY_TCLK_ROW)

    def frame_counter_row(self, ext_pan_id: bytes, *, create: bool = False) -> int | None:
        """Row of the NWK security material table holding this network's frame counter.

        Without a network (no extended PAN id) there is no such row: a free row, whose
        PAN id is all zeros too, belongs to nobody.
        """
        if ext_pan_id in NO_IEEE:
            return None
        rows = self.table(NWK_SEC_MATERIAL_TABLE)
        for index, row in enumerate(rows):
            if row[4:12] == ext_pan_id:
                return index
        if not create:
            return None
        free = next((i for i, row in enumerate(rows) if row[4:12] in NO_IEEE), 0)
        self.set(NWK_SEC_MATERIAL_TABLE, free, bytes(4) + ext_pan_id)
        return free

    def set_frame_counter(self, row: int, value: int) -> bool:
        return self.write(
            NWK_SEC_MATERIAL_TABLE, row, 0, (value & 0xFFFFFFFF).to_bytes(4, "little")
        )

    def increment_frame_counter(self, row: int) -> bool:
        value = self.get(NWK_SEC_MATERIAL_TABLE, row)
        return value is not None and self.set_frame_counter(
            row, int.from_bytes(value[:4], "little") + 1
        )

    # -- resets ------------------------------------------------------------------------

    def factory_reset(self, *, keep_frame_counters: bool = True) -> None:
        """ClearConfig: back to the factory image (hardware IEEE, random keys)."""
        kept = {
            key: value
            for key, value in self._items.items()
            if keep_frame_counters and key[0] == NWK_SEC_MATERIAL_TABLE
        }
        self._items = {
            (LEGACY, nvid): bytearray(value)
            for nvid, value in _osal_defaults(self.hardware_ieee).items()
        }
        for item_id, rows in TABLE_ROWS.items():
            for sub_id in range(rows):
                self._items[item_id, sub_id] = bytearray(_EMPTY_ROWS[item_id])
        self._items.update(kept)
        self.dirty = True

    def clear_network_state(self) -> None:
        """ClearState: forget the network (NIB, keys, device tables), keep the config."""
        for nvid in _NETWORK_ITEMS:
            self._items.pop((LEGACY, nvid), None)
        self.set_osal(OsalItem.BDBNODEISONANETWORK, b"\x00")
        for nvid in (OsalItem.NWK_ACTIVE_KEY_INFO, OsalItem.NWK_ALTERN_KEY_INFO):
            self.set_osal(nvid, bytes(17))
        self.set_osal(OsalItem.NWKKEY, bytes(24))
        self.set_osal(OsalItem.APS_LINK_KEY_TABLE, bytes(20))
        for item_id in _NETWORK_TABLES:
            for sub_id in range(TABLE_ROWS[item_id]):
                self._items[item_id, sub_id] = bytearray(_EMPTY_ROWS[item_id])
        self.dirty = True

    def restore_missing_defaults(self) -> None:
        """What Z-Stack's init does on every boot: recreate deleted default items.

        Deleting EXTADDR is how zigpy-znp asks for the hardware address back.
        """
        for nvid, value in _osal_defaults(self.hardware_ieee).items():
            if (LEGACY, nvid) not in self._items:
                self._items[LEGACY, nvid] = bytearray(value)
                self.dirty = True
        for item_id, rows in TABLE_ROWS.items():
            for sub_id in range(rows):
                if (item_id, sub_id) not in self._items:
                    self._items[item_id, sub_id] = bytearray(_EMPTY_ROWS[item_id])
                    self.dirty = True

    # -- persistence (zigpy-znp NVRAM backup JSON) -----------------------------------

    def to_json(self) -> dict[str, dict[str, str]]:
        data: dict[str, dict[str, str]] = {"LEGACY": {}}
        for (item_id, sub_id), value in sorted(self._items.items()):
            if item_id == LEGACY:
                data["LEGACY"][_osal_name(sub_id)] = value.hex()
            else:
                data.setdefault(_ex_name(item_id), {})[f"0x{sub_id:04X}"] = value.hex()
        return data

    def load_json(self, data: dict[str, Any]) -> None:
        """Replace the whole store with a zigpy-znp NVRAM backup."""
        items: dict[tuple[int, int], bytearray] = {}
        for item_name, entries in data.items():
            item_id = _parse_ex_name(item_name)
            for sub_name, value in entries.items():
                sub_id = _parse_osal_name(sub_name) if item_id == LEGACY else int(sub_name, 16)
                items[item_id, sub_id] = bytearray.fromhex(value)
        self._items = items
        self.dirty = True

    def snapshot(self) -> str:
        """The store as JSON text, and mark it clean (the caller persists the text)."""
        self.dirty = False
        return json.dumps(self.to_json(), indent=1)

    def load(self, path: pathlib.Path) -> bool:
        """Load a saved store; returns False (keeping the factory image) if unusable.

        The file holds the network key: one left readable by others is made private.
        """
        try:
            with contextlib.suppress(FileNotFoundError):
                path.chmod(0o600)
            data = json.loads(path.read_text())
            self.load_json(data)
        except FileNotFoundError:
            return False
        except ValueError, KeyError, AttributeError, TypeError:
            _LOGGER.warning("Ignoring unreadable NVRAM state %s", path, exc_info=True)
            self.factory_reset(keep_frame_counters=False)
            return False
        self.restore_missing_defaults()
        self.dirty = False
        return True


def _addrmgr_row(row: bytes) -> tuple[int, int, bytes]:
    """User bits, short address and IEEE address of an address manager row."""
    return (
        ADDRMGR_ENTRY.get_int(row, "user"),
        ADDRMGR_ENTRY.get_int(row, "nwk"),
        ADDRMGR_ENTRY.get_bytes(row, "ieee"),
    )


def _is_free(kind: int, ieee: bytes) -> bool:
    """An address manager row that holds no device."""
    return kind == 0xFF or ieee in NO_IEEE


def _osal_name(nvid: int) -> str:
    return OSAL_NAMES.get(nvid, f"0x{nvid:04X}")


def _parse_osal_name(name: str) -> int:
    """An OSAL id from its name, ``0xNNNN``, or ``NAME+offset`` (rows of a legacy table)."""
    if name.startswith("0x"):
        return int(name, 16)
    base, _, offset = name.partition("+")
    return OSAL_IDS[base] + (int(offset) if offset else 0)


def _ex_name(item_id: int) -> str:
    with contextlib.suppress(ValueError):
        return ExItem(item_id).name
    return f"0x{item_id:04X}"


def _parse_ex_name(name: str) -> int:
    return int(name, 16) if name.startswith("0x") else int(ExItem[name])


def write_private(path: pathlib.Path, text: str) -> None:
    """Replace ``path`` atomically with ``text``, readable by its owner only (0600).

    The NVRAM holds the network key, the TC link key seed and every device's link key.
    """
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as file:
        os.fchmod(file.fileno(), 0o600)  # a stale .tmp keeps its mode through O_CREAT
        file.write(text)
    tmp.replace(path)  # atomic: never a truncated state file


class StateWriter:
    """Persists snapshots off the event loop; the newest snapshot always wins.

    NV writes arrive by the hundred while zigpy-znp forms a network: writing the file
    on the loop would stall it (and trips Home Assistant's blocking-I/O detector).
    """

    def __init__(self, path: pathlib.Path) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._submitted = 0
        self._written = 0
        self._pending: set[asyncio.Future[None]] = set()

    def submit(self, text: str) -> None:
        self._submitted += 1
        sequence = self._submitted
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self._write(sequence, text)
            return
        future = loop.run_in_executor(None, self._write, sequence, text)
        self._pending.add(future)
        future.add_done_callback(self._pending.discard)

    async def drain(self) -> None:
        """Wait until every submitted snapshot is on disk."""
        if self._pending:
            await asyncio.gather(*self._pending)

    def _write(self, sequence: int, text: str) -> None:
        with self._lock:
            if sequence <= self._written:
                return  # a newer snapshot is already on disk
            try:
                write_private(self._path, text)
            except OSError:
                _LOGGER.exception("Could not persist the emulator NVRAM to %s", self._path)
                return
            self._written = sequence
