"use strict";
// zigbee-herdsman (Zigbee2MQTT's Zigbee stack) pairs a simulated home for the migration
// fixtures (script/migrate-fixtures): form a network on the Z-Stack emulator, let every
// twin join and be interviewed, stop. herdsman writes WORK_DIR/database.db and
// WORK_DIR/coordinator_backup.json itself, as it does under Zigbee2MQTT.
//
// Usage: node pair_home.js tcp://127.0.0.1:PORT WORK_DIR EXPECTED_DEVICES

const fs = require("node:fs");
const path = require("node:path");
const { Controller, setLogger } = require("zigbee-herdsman");

const [url, workDir, expectedArg] = process.argv.slice(2);
const expectedDevices = Number(expectedArg);

const logFile = fs.createWriteStream(path.join(workDir, "herdsman.log"));
const logAt = (level) => (message, namespace) => {
    const text = typeof message === "function" ? message() : message;
    logFile.write(`${new Date().toISOString()} ${level} ${namespace}: ${text}\n`);
};
setLogger({ debug: logAt("debug"), info: logAt("info"), warning: logAt("warning"), error: logAt("error") });

function emit(event, fields = {}) {
    process.stdout.write(`${JSON.stringify({ event, ...fields })}\n`);
}

async function main() {
    const controller = new Controller({
        // Zigbee2MQTT's "GENERATE" settings end up as concrete values like these
        network: {
            panID: 0x2b7c,
            extendedPanID: [0x4a, 0x1e, 0x93, 0x07, 0xc2, 0x55, 0x10, 0x6d],
            channelList: [20],
            networkKey: [0x3f, 0x81, 0x0c, 0x5a, 0x77, 0x2e, 0xd4, 0x19, 0xb6, 0x02, 0xe8, 0x4d, 0x91, 0x6c, 0x25, 0xaf],
        },
        serialPort: { path: url, adapter: "zstack" },
        databasePath: path.join(workDir, "database.db"),
        databaseBackupPath: path.join(workDir, "database.db.backup"),
        backupPath: path.join(workDir, "coordinator_backup.json"),
        adapter: { disableLED: false },
        acceptJoiningDeviceHandler: async () => true,
    });
    const interviewed = new Map();
    controller.on("deviceInterview", ({ status, device }) => {
        if (status === "successful") {
            interviewed.set(device.ieeeAddr, device.modelID);
        } else if (status === "failed") {
            emit("interview_failed", { ieee: device.ieeeAddr });
        }
    });
    emit("started", { result: await controller.start() });
    await controller.permitJoin(60);
    const deadline = Date.now() + 60000;
    while (interviewed.size < expectedDevices) {
        if (Date.now() > deadline) {
            throw new Error(`only ${interviewed.size} of ${expectedDevices} interviewed`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await controller.permitJoin(0);
    emit("interviewed", { models: Object.fromEntries(interviewed) });
    await controller.stop(); // saves database.db and writes coordinator_backup.json
    emit("done");
}

logFile.on("error", () => {});
main()
    .catch((error) => {
        emit("error", { message: String(error?.stack ?? error) });
        process.exitCode = 1;
    })
    .finally(() => logFile.end(() => process.exit()));
