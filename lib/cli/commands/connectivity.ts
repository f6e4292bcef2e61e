// `netsec connectivity`: every workload, host endpoint and external address range to every other,
// with the whole set of allowed connections (netpol-analyzer's `src => dst : conn`).
import { CONNECTIVITY_FORMATS, computeConnectivity, writeConnectivity } from '../../connectivity';
import { ChunkWriter } from '../output/chunks';
import { noteLines } from '../output/notes';
import { defineCommand } from '../command';
import { loadModel } from './common';
import { CLUSTER, INPUT_FLAGS, MANIFESTS, formatFlag } from './flags';

export const command = defineCommand({
  name: 'connectivity',
  about: `Lists, for every pair of workloads (pods grouped by owner: ns/name[Kind]), host endpoints and
external address ranges (the address space cut where the policies, network sets and node
addresses draw a line), every protocol and port on which a new connection is allowed:
"All Connections", or e.g. "TCP 1-79,81-65535,UDP 53". Pairs with no connection are left out.
The sets are computed symbolically from the rules' protocol, port and address intervals, stage
by stage as check evaluates a flow, so the map agrees with check on every flow.`,
  flags: [
    MANIFESTS,
    CLUSTER,
    formatFlag('txt (default: src => dst : conn), json ([{"src","dst","conn"}]), csv, md or dot', [...CONNECTIVITY_FORMATS]),
    { name: 'focus', kind: 'single', value: 'NAME', help: 'only lines with this workload, pod, host endpoint or range at either end' },
    { name: 'explain', kind: 'switch', help: 'under each line (txt, json), what decided each group of connections' },
  ],
  inputFlags: INPUT_FLAGS,
  column: 22,
  run(parsed, io) {
    const model = loadModel(parsed, io);
    const result = computeConnectivity(model, { focus: parsed.value('focus'), explain: parsed.has('explain') });
    for (const line of noteLines(result.notes, '--focus NAME shows those of one workload or host endpoint')) io.stderr(line);
    const out = new ChunkWriter((text) => io.stdout(text));
    writeConnectivity(result.lines, parsed.get('format'), (text) => out.write(text));
    out.end();
    return 0;
  },
});
