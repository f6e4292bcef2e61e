// Sound coverage between rules and policies: "every packet B matches, A matches first".
import { protocolNumber } from '../../model/net';
import { CalicoRule, EntityRule } from '../../model/resources';
import { CompiledPolicy } from '../../engine';
import { LintContext } from '../context';
import { netsCover } from './nets';
import { portsCover } from './ports';
import { selectorImplies, selectsAll } from './selector-implies';

/** What policyScopeCovers reads of a covering policy, worked out once per policy. */
interface CoverScope {
  /** False when a serviceAccountSelector, or a namespaceSelector of a global policy, narrows it unprovably. */
  readonly usable: boolean;
  readonly selectsAll: boolean;
}

const scopes = new WeakMap<CompiledPolicy, CoverScope>();

function coverScope(ctx: LintContext, a: CompiledPolicy): CoverScope {
  let s = scopes.get(a);
  if (!s) {
    const usable = ctx.rawSpecString(a, 'serviceAccountSelector') === undefined
      && (a.namespace !== undefined || ctx.rawSpecString(a, 'namespaceSelector') === undefined);
    s = { usable, selectsAll: usable && selectsAll(a.selector) };
    scopes.set(a, s);
  }
  return s;
}

/** True when policy `a` is known to apply to every endpoint (and traffic kind) that `b` applies to. */
export function policyScopeCovers(ctx: LintContext, a: CompiledPolicy, b: CompiledPolicy): boolean {
  if (a === b) return true;
  if (a.tier !== b.tier || a.preDNAT !== b.preDNAT || a.doNotTrack !== b.doNotTrack) return false;
  if (b.applyOnForward && !a.applyOnForward) return false;
  const scope = coverScope(ctx, a);
  if (!scope.usable) return false;
  if (a.namespace !== undefined && b.namespace !== a.namespace) return false;
  return scope.selectsAll || selectorImplies(b.selector, a.selector);
}

const same = (x: unknown, y: unknown): boolean => JSON.stringify(x) === JSON.stringify(y);

/** True when rule `a` matches every packet rule `b` matches (protocol, ICMP, ipVersion, both entities). */
export function ruleCovers(a: CalicoRule, pa: CompiledPolicy, b: CalicoRule, pb: CompiledPolicy): boolean {
  if (a.ipVersion !== undefined && a.ipVersion !== b.ipVersion) return false;
  if (a.protocol !== undefined && (b.protocol === undefined || protocolNumber(a.protocol) !== protocolNumber(b.protocol))) return false;
  if (a.notProtocol !== undefined && !same(a.notProtocol, b.notProtocol)) return false;
  if (a.icmp !== undefined && !same(a.icmp, b.icmp)) return false;
  if (a.notICMP !== undefined && !same(a.notICMP, b.notICMP)) return false;
  return entityCovers(a.source ?? {}, pa, b.source ?? {}, pb) && entityCovers(a.destination ?? {}, pa, b.destination ?? {}, pb);
}

function entityCovers(a: EntityRule, pa: CompiledPolicy, b: EntityRule, pb: CompiledPolicy): boolean {
  if (a.nets !== undefined && (b.nets === undefined || !netsCover(a.nets, b.nets))) return false;
  if (a.ports !== undefined && (b.ports === undefined || !portsCover(a.ports, b.ports))) return false;
  if (a.notNets !== undefined && !same(a.notNets, b.notNets)) return false;
  if (a.notPorts !== undefined && !same(a.notPorts, b.notPorts)) return false;
  if (a.notSelector !== undefined && !same(a.notSelector, b.notSelector)) return false;
  if (a.serviceAccounts !== undefined && !same(a.serviceAccounts, b.serviceAccounts)) return false;
  if (a.services !== undefined && !same(a.services, b.services)) return false;
  const labelled = a.selector !== undefined || a.namespaceSelector !== undefined;
  if (!labelled) return true;
  // A selector of a namespaced policy means its own namespace unless a namespaceSelector says otherwise.
  if (pa.namespace !== pb.namespace) return false;
  if (a.namespaceSelector !== undefined && !selectorImplies(b.namespaceSelector, a.namespaceSelector)) return false;
  if (a.namespaceSelector === undefined && b.namespaceSelector !== undefined) return false;
  if (a.selector !== undefined && (b.selector === undefined || !selectorImplies(b.selector, a.selector))) {
    return false;
  }
  return true;
}
