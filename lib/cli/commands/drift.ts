// `netsec drift --node N --iptables-save F [--ip6tables-save F] [--ipset-save F]`: a live node's rules and sets against its plan.
import { InputError, readTextFile } from '../../engine';
import { formatDriftJson, formatDriftText, hasDrift, nodeDrift } from '../../drift';
import { renderNodePlan } from '../../iptables';
import { defineCommand } from '../command';
import { loadModel } from './common';
import { CLUSTER, INPUT_FLAGS, INVENTORY_HELP, MANIFESTS, formatFlag } from './flags';

export const command = defineCommand({
  name: 'drift',
  about: `Compares what a node really holds (the output of iptables-save, ip6tables-save and ipset save
on that node; counters are ignored) with the node's plan, and reports per table and chain each
missing, extra and changed rule with the policy or profile it belongs to (or the Felix chain),
and each missing or extra IP set member. Only Calico's state is compared: the cali-* chains, the
rules in other chains that jump into them or carry a cali: hash comment, and the cali40/cali60
sets; kube-proxy's, Docker's and other rules are not Calico's.`,
  flags: [
    MANIFESTS,
    { ...CLUSTER, required: true, help: INVENTORY_HELP },
    { name: 'node', kind: 'single', value: 'NAME', required: true, help: 'the node whose plan the saved files are compared with' },
    { name: 'iptables-save', kind: 'single', value: 'FILE', required: true, help: 'iptables-save (or iptables-save -c) output of the node' },
    { name: 'ip6tables-save', kind: 'single', value: 'FILE', help: 'ip6tables-save output of the node (default: IPv6 rules not compared)' },
    { name: 'ipset-save', kind: 'single', value: 'FILE', help: 'ipset save output of the node (default: sets not compared)' },
    formatFlag('text or json', ['text', 'json']),
  ],
  inputFlags: INPUT_FLAGS,
  footer: 'Exit codes: 0 no drift, 1 drift found, 2 bad input (the file and line are named).',
  run(parsed, io) {
    const node = parsed.get('node');
    const saved = (flag: 'iptables-save' | 'ip6tables-save' | 'ipset-save'): { file: string; text: string } | undefined => {
      const file = parsed.value(flag);
      return file === undefined ? undefined : { file, text: readTextFile(file) };
    };
    const iptablesSave = saved('iptables-save');
    const model = loadModel(parsed, io);
    if (!model.nodes.some((n) => n.name === node)) {
      throw new InputError(`--node ${JSON.stringify(node)} is not in the inventory ${parsed.get('cluster')}; known nodes: ${model.nodes.map((n) => n.name).join(', ') || 'none'}`);
    }
    const plan = renderNodePlan(model, node);
    const report = nodeDrift({
      node, plan, iptablesSave: iptablesSave ?? { file: '', text: '' },
      ip6tablesSave: saved('ip6tables-save'), ipsetSave: saved('ipset-save'),
    });
    io.stdout(parsed.get('format') === 'json' ? formatDriftJson(report) : formatDriftText(report));
    return hasDrift(report) ? 1 : 0;
  },
});
