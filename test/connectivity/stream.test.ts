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

  test.each(['txt', 'json'])('%s: lines from a generator are written as they come', (format) => {
    const pieces: string[] = [];
    const seenBefore: number[] = [];
    function* lazily(): Generator<(typeof lines)[number]> {
      for (const l of lines) {
        // how much was written before this line was asked for: it grows, so no line waits for the last
        seenBefore.push(pieces.length);
        yield l;
      }
    }
    writeConnectivity(lazily(), format, (t) => pieces.push(t));
    expect(pieces.join('')).toBe(formatConnectivity(lines, format));
    expect(seenBefore[seenBefore.length - 1]).toBe(lines.length - 1);
    const none: string[] = [];
    writeConnectivity((function* (): Generator<(typeof lines)[number]> {})(), format, (t) => none.push(t));
    expect(none.join('')).toBe(formatConnectivity([], format));
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
