// Sound coverage between rules and policies: "every packet B matches, A matches first".
import { protocolNumber } from '../../model/net';
import { CalicoRule, EntityRule } from '../../model/resources';
import { CompiledPolicy } from '../../engine';
import { LintContext } from '../context';
import { isAdminPolicy } from '../finding';
import { netsCover } from './nets';
import { portsCover } from './ports';
import { nonEmpty } from './lists';
import { namespaceSelectorImplies, selectorImplies, selectsAll } from './selector-implies';

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
    const usable = isAdminPolicy(a)
      ? ctx.adminNamespaceSelector(a) === 'all()'
      : ctx.rawSpecString(a, 'serviceAccountSelector') === undefined
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
  const [aNets, bNets, aPorts, bPorts] = [nonEmpty(a.nets), nonEmpty(b.nets), nonEmpty(a.ports), nonEmpty(b.ports)];
  if (aNets !== undefined && (bNets === undefined || !netsCover(aNets, bNets))) return false;
  if (aPorts !== undefined && (bPorts === undefined || !portsCover(aPorts, bPorts))) return false;
  if (nonEmpty(a.notNets) !== undefined && !same(a.notNets, b.notNets)) return false;
  if (nonEmpty(a.notPorts) !== undefined && !same(a.notPorts, b.notPorts)) return false;
  if (a.notSelector && !same(a.notSelector, b.notSelector)) return false;
  if (a.serviceAccounts !== undefined && !same(a.serviceAccounts, b.serviceAccounts)) return false;
  if (a.services !== undefined && !same(a.services, b.services)) return false;
  // Empty selector texts are unset, as the engine reads them.
  const aSelector = a.selector || undefined;
  const aNamespaces = a.namespaceSelector || undefined;
  if (aSelector === undefined && aNamespaces === undefined) return true;
  // `a` matches endpoints (and network sets) only: `b` must too.
  if (!matchesOnlyEndpoints(b, pb)) return false;
  // A selector of a namespaced policy means its own namespace unless a namespaceSelector says otherwise.
  if (pa.namespace !== pb.namespace) return false;
  if (!namespaceScopeCovers(aNamespaces, pa, b.namespaceSelector || undefined, pb)) return false;
  const bSelector = b.selector || undefined;
  return aSelector === undefined || (bSelector !== undefined && selectorImplies(bSelector, aSelector));
}

/** True when the entity has a label part, so it never matches an address outside every endpoint and network set. */
function matchesOnlyEndpoints(e: EntityRule, p: CompiledPolicy): boolean {
  return Boolean(e.selector) || Boolean(e.namespaceSelector) || e.serviceAccounts !== undefined
    || (p.namespace !== undefined && Boolean(e.notSelector));
}

/**
 * The namespaces `a` may match cover those of `b` (both of policies of one namespace, or both global).
 * Unset means the policy's own namespace for a namespaced policy and no constraint at all for a
 * global one; a namespaceSelector, even `all()`, never matches host endpoints or global network sets.
 */
function namespaceScopeCovers(a: string | undefined, pa: CompiledPolicy, b: string | undefined, pb: CompiledPolicy): boolean {
  if (a === undefined) return pa.namespace === undefined || b === undefined;
  if (b === undefined) return pb.namespace !== undefined && selectsAll(a);
  return namespaceSelectorImplies(b, a);
}
