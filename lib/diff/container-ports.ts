// Container ports of the inventory's pods, named or not (the engine keeps only named ones).
import { loadYamlDocuments } from '../model/parse';
import { protocolNumber } from '../model/net';
import { expandManifestPaths, readTextFile } from '../engine/input/files';
import { protocolName } from '../engine';
import { PortKey } from './ports';

type Rec = { readonly [key: string]: unknown };

function rec(v: unknown): Rec | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : undefined;
}

function list(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Every containerPort (TCP by default) of every v1 Pod in the files; malformed entries are left to the engine's reader. */
export function inventoryContainerPorts(paths: readonly string[]): PortKey[] {
  const out: PortKey[] = [];
  for (const file of expandManifestPaths(paths)) {
    for (const { doc } of loadYamlDocuments(readTextFile(file), file)) {
      const d = rec(doc);
      if (!d || d.apiVersion !== 'v1' || d.kind !== 'Pod') continue;
      const spec = rec(d.spec);
      for (const c of [...list(spec?.containers), ...list(spec?.initContainers)]) {
        for (const p of list(rec(c)?.ports)) {
          const pr = rec(p);
          const port = pr?.containerPort;
          const proto = typeof pr?.protocol === 'string' ? pr.protocol : 'TCP';
          const n = protocolNumber(proto);
          if (typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535 && n !== undefined) {
            out.push({ protocol: protocolName(n), port });
          }
        }
      }
    }
  }
  return out;
}
