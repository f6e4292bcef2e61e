// The committed API report (api/cdk8s-netsec.api.md) is what the package root exports now, so that
// every change to the construct API shows in review. After an intended change: `npm run api-report`.
import * as fs from 'fs';
import { API_REPORT_FILE, renderApiReport } from '../../scripts/api-report';

describe('the API report', () => {
  let rendered = '';
  beforeAll(() => {
    rendered = renderApiReport();
  });

  test('the committed report matches the package root (regenerate with `npm run api-report`)', () => {
    expect(rendered).toContain('\nclass NetsecApp extends App\n'); // the exports really were read
    expect(fs.readFileSync(API_REPORT_FILE, 'utf8')).toBe(rendered);
  });

  test('the report lists no engine, lint or iptables export (those are cdk8s-netsec/engine)', () => {
    for (const name of ['buildEngineModel', 'evaluateFlow', 'lintFiles', 'renderNodePlan', 'splitPortList', 'vethNameForWorkload', 'ClusterPod']) {
      expect(rendered).not.toMatch(new RegExp(`\\b${name}\\b`));
    }
  });
});
