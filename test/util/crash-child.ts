// Child process of crash-safety.test.ts: synthesises a small app into argv[2] under the umask
// argv[4] (octal). With argv[3] = 'hang' it stops after the second file written, prints
// `mid-write` and waits to be killed.
import fs = require('fs');
import { Chart } from 'cdk8s';
import { NetsecApp } from '../../lib/app';
import { CalicoGlobalNetworkSet, KubeNetworkPolicy } from '../../lib/constructs/l1';

const [outdir, mode, umask] = process.argv.slice(2);
process.umask(parseInt(umask, 8));
const app = new NetsecApp({ outdir, iptablesPlan: false });
const chart = new Chart(app, mode === 'old' ? 'old' : 'web');
new KubeNetworkPolicy(chart, 'np', { metadata: { name: 'deny', namespace: 'shop' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } });
new CalicoGlobalNetworkSet(chart, 'set', { metadata: { name: 'partners' }, spec: { nets: ['203.0.113.0/24'] } });

if (mode === 'hang') {
  // the module object itself (what lib/util/atomic-write.ts reaches through its import), not a copy
  const write = fs.writeFileSync;
  let count = 0;
  const hanging = (...args: Parameters<typeof fs.writeFileSync>): void => {
    write(...args);
    if (++count === 2) {
      process.stdout.write('mid-write\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60000);
    }
  };
  Object.defineProperty(fs, 'writeFileSync', { value: hanging, writable: true, configurable: true });
}
app.synth();
