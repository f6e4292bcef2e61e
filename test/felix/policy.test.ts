// Cases of Felix's felix/rules/policy_test.go (calico master): "Deny (REJECT) rules should be
// correctly rendered" (flow logs off): a deny rule is the match setting the drop mark, then the
// deny action on that mark; with FilterDenyAction REJECT that is a bare REJECT (RejectAction{}, no
// --reject-with). The engine reports such a deny as a rejection. The flow-log variant (an NFLOG
// between the two rules) is in flow-logs.test.ts. The other tables of policy_test.go are in
// policy-match.test.ts, policy-blocks.test.ts and policy-chains.test.ts (staged policies there).
import { buildFlow, evaluateFlow } from '../../lib/engine';
import { hex } from '../../lib/iptables/marks';
import { DEFAULT_MARKS } from '../helpers/marks';
import { chainRules, felixWorld, nodePlan } from './world';

const PODS = [{ name: 'a', ip: '192.0.2.11', labels: { app: 'a' } }, { name: 'b', ip: '192.0.2.12', labels: { app: 'b' } }];
const DENY_81 = {
  apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'deny-81' },
  spec: {
    selector: "app == 'b'", types: ['Ingress'],
    ingress: [{ action: 'Deny', protocol: 'TCP', destination: { ports: [81] } }, { action: 'Allow' }],
  },
};
const DROP_MARK = `${hex(DEFAULT_MARKS.drop)}/${hex(DEFAULT_MARKS.drop)}`;

describe('policy_test.go: Deny (REJECT) rules should be correctly rendered', () => {
  it.each([
    ['Deny rules (FilterDenyAction DROP)', undefined, '--jump DROP'],
    ['Deny (REJECT) rules', { iptablesFilterDenyAction: 'Reject' }, '--jump REJECT'],
  ])('%s: set the drop mark, then the deny action', (_name, spec, action) => {
    const plan = nodePlan(felixWorld(PODS, [DENY_81], spec, '198.51.100.10'));
    const rules = chainRules(plan.iptables, 'cali-pi-gnp/deny-81');
    expect(rules.slice(0, 2)).toEqual([
      `-p tcp -m multiport --destination-ports 81 --jump MARK --set-mark ${DROP_MARK}`,
      `-m mark --mark ${DROP_MARK} ${action}`,
    ]);
  });

  it('the engine reports a REJECT deny as denied, with "rejected" in the reason; a DROP deny without it', () => {
    const reject = felixWorld(PODS, [DENY_81], { iptablesFilterDenyAction: 'Reject' }, '198.51.100.10');
    const v = evaluateFlow(reject, buildFlow(reject, { from: 'app/a', to: 'app/b', protocol: 'TCP', port: 81 }));
    expect(v.allowed).toBe(false);
    expect(v.ingress.stages.map((s) => [s.stage, s.verdict])).toEqual([['workload', 'deny']]);
    expect(v.reason).toBe("denied at the destination's ingress: deny-81 rule 0 (Deny) in tier default; rejected (iptablesFilterDenyAction Reject: ICMP port unreachable)");
    expect(evaluateFlow(reject, buildFlow(reject, { from: 'app/a', to: 'app/b', protocol: 'TCP', port: 80 })).allowed).toBe(true);
    const drop = felixWorld(PODS, [DENY_81], undefined, '198.51.100.10');
    expect(evaluateFlow(drop, buildFlow(drop, { from: 'app/a', to: 'app/b', protocol: 'TCP', port: 81 })).reason).not.toContain('reject');
  });
});
