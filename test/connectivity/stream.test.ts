// The streamed connectivity output is the same text as the whole output, in every format.
import { clusterYaml, generateCluster } from '../../bench/generator';
import { CONNECTIVITY_FORMATS, computeConnectivity, formatConnectivity, writeConnectivity } from '../../lib/connectivity';
import { buildEngineModel, parseEngineInputs } from '../../lib/engine';

describe('streamed connectivity output', () => {
  const cluster = generateCluster({ seed: 11, pods: 60, policies: 24, nodes: 3, hostEndpoints: true });
  const yaml = clusterYaml(cluster);
  const model = buildEngineModel(parseEngineInputs([
    { file: 'manifests.yaml', text: yaml.manifests },
    { file: 'inventory.yaml', text: yaml.inventory },
  ]));
  const { lines } = computeConnectivity(model);

  test.each([...CONNECTIVITY_FORMATS])('%s: same text as formatConnectivity, in pieces', (format) => {
    const pieces: string[] = [];
    writeConnectivity(lines, format, (t) => pieces.push(t));
    expect(lines.length).toBeGreaterThan(10);
    expect(pieces.join('')).toBe(formatConnectivity(lines, format));
    if (format === 'json' || format === 'txt') expect(pieces.length).toBeGreaterThan(lines.length - 1);
  });

  test('json: valid, and an empty map is []', () => {
    const pieces: string[] = [];
    writeConnectivity(lines, 'json', (t) => pieces.push(t));
    expect(JSON.parse(pieces.join(''))).toHaveLength(lines.length);
    const empty: string[] = [];
    writeConnectivity([], 'json', (t) => empty.push(t));
    expect(empty.join('')).toBe('[]\n');
    expect(formatConnectivity([], 'json')).toBe('[]\n');
  });
});
