// Runs Zigbee2MQTT's generateDefinition (zigbee-herdsman-converters lib/generateDefinition.js)
// on device signatures and writes the exposes it gives each one, the way Zigbee2MQTT builds a
// definition for a device it does not know. Run through script/z2m-generated-reference.
//
//   node generated.js <node_modules dir> <signatures.json> <output.json>
//
// signatures.json: a list of {name, source, signature, attributes}; `signature` is the JSON
// form ZHA shows as "Zigbee device signature" (manufacturer, model, node_descriptor,
// endpoints with profile_id, device_type, input_clusters, output_clusters), `attributes`
// what the device answers to the reads generateDefinition makes ({ep: {cluster: {attr: value}}},
// ids as "0x...." strings).
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const [modulesDir, signaturesPath, outputPath] = process.argv.slice(2);
if (!modulesDir || !signaturesPath || !outputPath) {
    console.error("usage: node generated.js <node_modules dir> <signatures.json> <output.json>");
    process.exit(2);
}
const modules = path.resolve(modulesDir);
const libraryDir = path.join(modules, "zigbee-herdsman-converters");
const library = require(path.join(libraryDir, "dist/index.js"));
const version = require(path.join(libraryDir, "package.json")).version;
const {Zcl} = require(path.join(modules, "zigbee-herdsman"));
const {generateDefinition} = require(path.join(libraryDir, "dist/lib/generateDefinition.js"));

let logged = [];
const keep = (level) => (message) => logged.push(`${level}: ${typeof message === "function" ? message() : message}`);
library.setLogger({debug: () => {}, info: () => {}, warning: keep("warning"), error: keep("error")});

const hex = (text) => Number.parseInt(text, 16);
const LOGICAL_TYPES = {0: "Coordinator", 1: "Router", 2: "EndDevice"};

// A herdsman Device/Endpoint look-alike holding only what the signature and the reads give
function makeDevice(entry) {
    const signature = entry.signature;
    const node = signature.node_descriptor ?? {};
    const manufacturerCode = node.manufacturer_code;
    const device = {
        ieeeAddr: "0x0000000000000001",
        networkAddress: 1,
        modelID: signature.model,
        manufacturerName: signature.manufacturer,
        manufacturerID: manufacturerCode,
        type: LOGICAL_TYPES[node.logical_type] ?? "Router",
        powerSource: entry.power_source,
        interviewCompleted: true,
        isDummyDevice: false,
        meta: {},
        customClusters: {},
        endpoints: [],
        getEndpoint(id) {
            return this.endpoints.find((endpoint) => endpoint.ID === id);
        },
    };
    const cluster = (id) => Zcl.Utils.getCluster(id, manufacturerCode, {});
    for (const [id, description] of Object.entries(signature.endpoints)) {
        const inputIds = description.input_clusters.map(hex);
        const outputIds = description.output_clusters.map(hex);
        const answers = (entry.attributes ?? {})[id] ?? {};
        const lookup = (clusterName, attributeName) => {
            const definition = Zcl.Utils.getCluster(clusterName, manufacturerCode, {});
            const attribute = definition.attributes[attributeName];
            const values = answers[`0x${definition.ID.toString(16).padStart(4, "0")}`] ?? {};
            if (!attribute) {
                return undefined;
            }
            return values[`0x${attribute.ID.toString(16).padStart(4, "0")}`];
        };
        const endpoint = {
            ID: Number(id),
            profileID: hex(description.profile_id),
            deviceID: hex(description.device_type),
            inputClusters: inputIds,
            outputClusters: outputIds,
            getDevice: () => device,
            getInputClusters: () => inputIds.map(cluster),
            getOutputClusters: () => outputIds.map(cluster),
            supportsInputCluster: (name) => inputIds.some((clusterId) => cluster(clusterId).name === name),
            supportsOutputCluster: (name) => outputIds.some((clusterId) => cluster(clusterId).name === name),
            // Nothing is cached before the reads: generateDefinition then reads from the device
            getClusterAttributeValue: () => undefined,
            read: async (clusterName, attributes) => {
                const result = {};
                for (const name of attributes) {
                    const value = lookup(clusterName, name);
                    if (value === undefined) {
                        throw new Error(`${clusterName}.${name}: unsupported attribute`);
                    }
                    result[name] = value;
                }
                return result;
            },
        };
        device.endpoints.push(endpoint);
    }
    return device;
}

const EXPOSE_FIELDS = [
    "type",
    "name",
    "label",
    "property",
    "access",
    "unit",
    "value_min",
    "value_max",
    "value_step",
    "values",
    "value_on",
    "value_off",
    "endpoint",
    "category",
    "description",
];

function flatten(expose) {
    const out = {};
    for (const field of EXPOSE_FIELDS) {
        if (expose[field] !== undefined && expose[field] !== null) {
            out[field] = Array.isArray(expose[field]) ? [...expose[field]] : expose[field];
        }
    }
    if (Array.isArray(expose.presets) && expose.presets.length) {
        out.presets = expose.presets.map((preset) => ({name: preset.name, value: preset.value}));
    }
    if (Array.isArray(expose.features)) {
        out.features = expose.features.map(flatten);
    }
    return out;
}

async function describe(entry) {
    logged = [];
    const device = makeDevice(entry);
    const {definition: raw, externalDefinitionSource} = await generateDefinition(device);
    const definition = library.prepareDefinition(raw);
    const exposes = typeof definition.exposes === "function" ? definition.exposes(device, {}) : definition.exposes;
    const extend = /extend: \[(.*)\],/.exec(externalDefinitionSource);
    const result = {
        name: entry.name,
        source: entry.source,
        manufacturer: device.manufacturerName,
        model: device.modelID,
        vendor: definition.vendor,
        generated: Boolean(raw.generated),
        extend: extend ? extend[1] : undefined,
        exposes: exposes.map(flatten),
        options: definition.options.map((option) => option.name ?? option.property).sort(),
        from_zigbee: [...new Set(definition.fromZigbee.flatMap((converter) => [converter.cluster].flat()))].sort(),
        to_zigbee_keys: [...new Set(definition.toZigbee.flatMap((converter) => converter.key ?? []))].sort(),
    };
    if (logged.length) {
        result.library_log = logged;
    }
    return result;
}

// As dump.js: indented down to each expose, which stays on one line
const isPlain = (value) => value === null || typeof value !== "object";
function render(value, indent = "", depth = 0) {
    const inner = `${indent} `;
    if (depth >= 4 || isPlain(value) || Object.values(value).every(isPlain)) {
        return JSON.stringify(value);
    }
    const items = Array.isArray(value)
        ? value.map((item) => render(item, inner, depth + 1))
        : Object.entries(value)
              .filter(([, item]) => item !== undefined)
              .map(([key, item]) => `${JSON.stringify(key)}: ${render(item, inner, depth + 1)}`);
    const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
    return `${open}\n${inner}${items.join(`,\n${inner}`)}\n${indent}${close}`;
}

async function main() {
    const entries = JSON.parse(fs.readFileSync(signaturesPath, "utf8"));
    const devices = [];
    for (const entry of entries) {
        devices.push({...(await describe(entry)), signature: entry.signature, attributes: entry.attributes});
    }
    const document = {
        library: "zigbee-herdsman-converters",
        version: version,
        generated_by: "script/z2m-generated-reference",
        what: "generateDefinition (lib/generateDefinition.js) run on the signature of each simulated non-Aqara twin",
        access_bits: {state: 1, set: 2, get: 4},
        devices: devices,
    };
    fs.writeFileSync(outputPath, `${render(document)}\n`);
    console.log(`${devices.length} generated definitions → ${outputPath}`);
}

main().catch((error) => {
    console.error(error);
    process.exit(1);
});
