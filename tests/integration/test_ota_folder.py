"""Hostile firmware folders (issue #21): refused by the options flow, ignored when saved
before, and a bounded scan of what a valid folder holds.

Only names that existed before the fix are used outside the limit checks, so that every
case can be run against the unfixed code and seen to fail there.
"""

from __future__ import annotations

from collections.abc import Callable
import hashlib
import os
from pathlib import Path
import threading
import tracemalloc
from typing import Any
from unittest.mock import patch

from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import entity_registry as er, issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aqara_zigbee import ota
from custom_components.aqara_zigbee.const import DOMAIN
from custom_components.aqara_zigbee.gateway import AqaraConfigEntry

from ..ota_image import lumi_image, write_image

# Every image is Lumi's (the folder provider only keeps Lumi images).
LUMI_ONLY = [0x115F]
TWO_GIB = 2 * 1024**3


def _nul(config: Path, outside: Path) -> str:
    return "a\u0000b"


def _etc(config: Path, outside: Path) -> str:
    return "/etc"


def _up(config: Path, outside: Path) -> str:
    return "../../.."


def _dev_zero(config: Path, outside: Path) -> str:
    return "/dev/zero"


def _usr(config: Path, outside: Path) -> str:
    return "/usr"


def _a_file(config: Path, outside: Path) -> str:
    (config / "firmware.ota").write_bytes(lumi_image("lumi.plug", 93))
    return "firmware.ota"


def _missing(config: Path, outside: Path) -> str:
    return "no/such/folder"


def _symlink_loop(config: Path, outside: Path) -> str:
    (config / "loop_a").symlink_to(config / "loop_b")
    (config / "loop_b").symlink_to(config / "loop_a")
    return "loop_a"


def _symlink_outside(config: Path, outside: Path) -> str:
    (config / "firmware").symlink_to(outside, target_is_directory=True)
    return "firmware"


def _absolute_outside(config: Path, outside: Path) -> str:
    return str(outside)


def _dotdot_out(config: Path, outside: Path) -> str:
    (config / "firmware").mkdir()
    return "firmware/../../" + outside.name


def _unknown_home(config: Path, outside: Path) -> str:
    return "~no-such-user-f21b/firmware"


HOSTILE_FOLDERS: dict[str, Callable[[Path, Path], str]] = {
    "nul": _nul,
    "etc": _etc,
    "dotdot": _up,
    "dev-zero": _dev_zero,
    "usr": _usr,
    "a-file": _a_file,
    "missing": _missing,
    "symlink-loop": _symlink_loop,
    "symlink-outside": _symlink_outside,
    "absolute-outside": _absolute_outside,
    "dotdot-out-of-a-subfolder": _dotdot_out,
    "unknown-home": _unknown_home,
}


@pytest.fixture
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder outside the config folder (which is the test's tmp_path), with an image."""
    folder = tmp_path_factory.mktemp("outside")
    write_image(folder, "plug-95.ota", lumi_image("lumi.plug", 95))
    return folder


async def _ota_form(hass: HomeAssistant, entry: MockConfigEntry) -> str:
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "ota"}
    )
    assert result["step_id"] == "ota"
    return str(result["flow_id"])


@pytest.mark.parametrize("make", HOSTILE_FOLDERS.values(), ids=HOSTILE_FOLDERS.keys())
async def test_options_refuse_hostile_folders(
    hass: HomeAssistant, outside: Path, make: Callable[[Path, Path], str]
) -> None:
    """The options step says which field is wrong and saves nothing."""
    entry = MockConfigEntry(domain=DOMAIN, data={"radio_type": "simulated"}, options={})
    entry.add_to_hass(hass)
    folder = make(Path(hass.config.config_dir), outside)
    flow_id = await _ota_form(hass, entry)
    result = await hass.config_entries.options.async_configure(
        flow_id, {"ota_folder": folder, "ota_z2m_index": False}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"ota_folder": "invalid_ota_folder"}
    assert entry.options == {}
    # The user's input stays in the form, and a valid folder is then accepted.
    suggested = {
        str(key): (key.description or {}).get("suggested_value")
        for key in result["data_schema"].schema
    }
    assert suggested["ota_folder"] == folder
    result = await hass.config_entries.options.async_configure(
        flow_id, {"ota_folder": "", "ota_z2m_index": False}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options == {"ota_z2m_index": False}


async def test_options_accept_allowlisted_folder(hass: HomeAssistant, outside: Path) -> None:
    """A folder outside the config folder is fine once the user allow-listed it, as for
    every other file access of Home Assistant (allowlist_external_dirs)."""
    entry = MockConfigEntry(domain=DOMAIN, data={"radio_type": "simulated"}, options={})
    entry.add_to_hass(hass)
    hass.config.allowlist_external_dirs.add(str(outside))
    flow_id = await _ota_form(hass, entry)
    result = await hass.config_entries.options.async_configure(
        flow_id, {"ota_folder": str(outside), "ota_z2m_index": False}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options["ota_folder"] == str(outside)


# -- a bad folder saved before the fix --------------------------------------------------------


@pytest.mark.parametrize(
    "make",
    [_nul, _etc, _dev_zero, _a_file, _symlink_loop, _symlink_outside],
    ids=["nul", "etc", "dev-zero", "a-file", "symlink-loop", "symlink-outside"],
)
async def test_saved_bad_folder_is_ignored_with_a_repair_issue(
    hass: HomeAssistant,
    simulated_entry: AqaraConfigEntry,
    outside: Path,
    make: Callable[[Path, Path], str],
) -> None:
    """The update platform still loads (every update entity available) after a reload."""
    folder = make(Path(hass.config.config_dir), outside)
    hass.config_entries.async_update_entry(simulated_entry, options={"ota_folder": folder})
    assert await hass.config_entries.async_reload(simulated_entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    updates = [
        entity.entity_id
        for entity in er.async_entries_for_config_entry(
            er.async_get(hass), simulated_entry.entry_id
        )
        if entity.domain == "update"
    ]
    assert updates
    for entity_id in updates:
        state = hass.states.get(entity_id)
        assert state is not None, entity_id
        assert state.state != STATE_UNAVAILABLE, entity_id
        assert state.attributes["latest_version"] != "95"  # nothing from outside
    issue = ir.async_get(hass).async_get_issue(
        DOMAIN, f"invalid_ota_folder_{simulated_entry.entry_id}"
    )
    assert issue is not None
    assert issue.translation_key == "invalid_ota_folder"
    # Choosing a good folder again clears the issue.
    hass.config_entries.async_update_entry(simulated_entry, options={})
    await hass.async_block_till_done(wait_background_tasks=True)
    assert (
        ir.async_get(hass).async_get_issue(DOMAIN, f"invalid_ota_folder_{simulated_entry.entry_id}")
        is None
    )


# -- what a valid folder holds ------------------------------------------------------------------


async def _index(folder: Path) -> list[Any]:
    provider = ota.LocalFolderProvider(folder, manufacturer_ids=LUMI_ONLY)
    found = await provider.load_index()
    assert found is not None
    return found


def _symlinked_image_outside(folder: Path, outside: Path) -> None:
    (folder / "plug-95.ota").symlink_to(outside / "plug-95.ota")


def _symlinked_folder_outside(folder: Path, outside: Path) -> None:
    (folder / "elsewhere").symlink_to(outside, target_is_directory=True)


def _symlink_loop_inside(folder: Path, outside: Path) -> None:
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "a").symlink_to(folder / "b")
    (folder / "b").symlink_to(folder / "a")


def _too_deep(folder: Path, outside: Path) -> None:
    deep = folder.joinpath(*(f"level{n}" for n in range(12)))
    write_image(deep, "plug-95.ota", lumi_image("lumi.plug", 95))


def _fifo(folder: Path, outside: Path) -> None:
    os.mkfifo(folder / "plug-95.ota")


HOSTILE_CONTENTS: dict[str, Callable[[Path, Path], None]] = {
    "symlinked-image-outside": _symlinked_image_outside,
    "symlinked-folder-outside": _symlinked_folder_outside,
    "symlink-loops-inside": _symlink_loop_inside,
    "too-deep": _too_deep,
    "fifo": _fifo,
}


@pytest.mark.parametrize("make", HOSTILE_CONTENTS.values(), ids=HOSTILE_CONTENTS.keys())
async def test_scan_stays_in_the_folder(
    tmp_path: Path, outside: Path, make: Callable[[Path, Path], None]
) -> None:
    """Only the folder's own image is found; nothing outside or too deep is read."""
    folder = tmp_path / "firmware"
    write_image(folder, "plug-93.ota", lumi_image("lumi.plug", 93))
    make(folder, outside)
    found = await _index(folder)
    assert [meta.file_version for meta in found] == [93]
    assert all(Path(meta.path).parent == folder for meta in found)
    assert [name for name, _, _ in ota.folder_signature(folder)] == ["plug-93.ota"]


async def test_scan_stops_at_the_entry_limit(hass: HomeAssistant, tmp_path: Path) -> None:
    """5,000 files: the scan stops at the limit, in the executor; the loop runs meanwhile."""
    folder = tmp_path / "firmware"
    folder.mkdir()
    for index in range(5000):
        (folder / f"f{index:05}").touch()
    scandir = os.scandir
    loop_thread = threading.get_ident()
    looked_at: list[int] = []
    ticks: list[int] = []

    class CountingScandir:
        def __init__(self, path: Any) -> None:
            assert threading.get_ident() != loop_thread, "folder listed in the event loop"
            self._it = scandir(path)

        def __enter__(self) -> CountingScandir:
            return self

        def __exit__(self, *exc: object) -> None:
            self._it.close()

        def __iter__(self) -> CountingScandir:
            return self

        def __next__(self) -> os.DirEntry[str]:
            entry = next(self._it)
            looked_at.append(1)
            if len(looked_at) == 1:
                # Scheduled from the scan: it must run while the scan goes on.
                hass.loop.call_soon_threadsafe(ticks.append, len(looked_at))
            return entry

    with patch.object(os, "scandir", CountingScandir):
        signature = await hass.async_add_executor_job(ota.folder_signature, folder)
    assert len(signature) <= 1000
    assert len(looked_at) <= 1001
    assert ticks


async def test_no_file_work_in_the_event_loop(tmp_path: Path) -> None:
    """Reading and hashing images happen in the executor, not in the event loop."""
    folder = tmp_path / "firmware"
    for version in range(90, 96):
        write_image(folder, f"plug-{version}.ota", lumi_image("lumi.plug", version))
    loop_thread = threading.get_ident()
    sha1 = hashlib.sha1
    threads: list[int] = []

    def spy(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.get_ident())
        return sha1(*args, **kwargs)

    with patch.object(hashlib, "sha1", spy):
        found = await _index(folder)
    assert sorted(meta.file_version for meta in found) == list(range(90, 96))
    assert threads
    assert loop_thread not in threads


async def test_huge_sparse_files_are_not_read(tmp_path: Path) -> None:
    """A 2 GiB image and 2 GiB of release notes: memory stays flat, the image next to them is
    still offered (without those notes)."""
    folder = tmp_path / "firmware"
    write_image(folder, "plug-93.ota", lumi_image("lumi.plug", 93))
    huge_image = folder / "huge.ota"
    huge_image.write_bytes(lumi_image("lumi.plug", 99)[:64])
    os.truncate(huge_image, TWO_GIB)
    huge_notes = folder / "plug-93.ota.md"
    huge_notes.touch()
    os.truncate(huge_notes, TWO_GIB)
    tracemalloc.start()
    try:
        found = await _index(folder)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [(meta.file_version, meta.release_notes) for meta in found] == [(93, None)]
    assert peak < 16 * 1024 * 1024, f"{peak / 1e6:.0f} MB"


async def test_valid_images_and_notes_still_offered(tmp_path: Path) -> None:
    """The bounded scan still finds images in subfolders, with their notes and checksum."""
    folder = tmp_path / "firmware"
    image = lumi_image("lumi.plug", 93)
    write_image(folder / "lumi" / "plug", "plug-93.ota", image, notes="# Fixes\nmore")
    write_image(folder, "truncated.ota", lumi_image("lumi.plug", 99)[:-100])
    write_image(folder, "trailing.ota", lumi_image("lumi.plug", 98) + b"x")
    write_image(folder, "other-vendor.ota", lumi_image("lumi.plug", 97, manufacturer=0x1037))
    found, trailing = sorted(await _index(folder), key=lambda meta: meta.file_version)
    assert trailing.file_version == 98  # zigpy tolerates data after the image, so do we
    assert found.file_version == 93
    assert found.release_notes == "# Fixes\nmore"
    assert found.checksum == "sha1:" + hashlib.sha1(image).hexdigest()
    assert found.file_size == len(image)
