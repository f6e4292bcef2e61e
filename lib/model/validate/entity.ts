import { Cidr } from '../net';
import { EntityRule } from '../resources';
import { checkCidr, checkCidrList } from './addresses';
import { Issues, report } from './issue';
import { checkPortEntry } from './ports';
import { checkSelector } from './selectors';

/**
 * Checks a rule's source or destination. Returns the CIDRs of `nets` and `notNets`, which the
 * rule check needs for its IP-version checks.
 */
export function checkEntity(issues: Issues, field: string, e: EntityRule): Cidr[] {
  const nets = checkCidrList(issues, `${field}.nets`, e.nets, true);
  const notNets: Cidr[] = [];
  (e.notNets ?? []).forEach((text, i) => {
    const cidr = checkCidr(issues, `${field}.notNets[${i}]`, text, true);
    if (!cidr) return;
    notNets.push(cidr);
    if (cidr.isCatchAll()) {
      report(issues, `${field}.notNets[${i}]`, text, 'a catch-all CIDR in notNets matches no traffic',
        'a CIDR narrower than /0 (leave the rule out instead)');
    }
  });
  checkSelector(issues, `${field}.selector`, e.selector, false);
  checkSelector(issues, `${field}.notSelector`, e.notSelector, false);
  checkSelector(issues, `${field}.namespaceSelector`, e.namespaceSelector, true);
  checkSelector(issues, `${field}.serviceAccounts.selector`, e.serviceAccounts?.selector, false);
  (e.ports ?? []).forEach((p, i) => checkPortEntry(issues, `${field}.ports[${i}]`, p));
  (e.notPorts ?? []).forEach((p, i) => checkPortEntry(issues, `${field}.notPorts[${i}]`, p));
  if (e.services) checkServices(issues, field, e);
  return [...nets, ...notNets];
}

function checkServices(issues: Issues, field: string, e: EntityRule): void {
  const where = `${field}.services`;
  if (!e.services?.name) report(issues, `${where}.name`, e.services?.name, 'must specify a service name', 'a Service name');
  const others: [boolean, string][] = [
    [e.namespaceSelector !== undefined, 'namespaceSelector'],
    [e.selector !== undefined || e.notSelector !== undefined, 'selector/notSelector'],
    [e.serviceAccounts !== undefined, 'serviceAccounts'],
    [(e.nets ?? []).length > 0 || (e.notNets ?? []).length > 0, 'nets/notNets'],
  ];
  for (const [present, what] of others) {
    if (present) report(issues, where, e.services, `cannot specify ${what} and services on the same rule`, `services alone, or ${what} without services`);
  }
}
