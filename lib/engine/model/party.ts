// The label view of an endpoint or network set, as rule selectors see it.
import { StringMap } from '../../model/resources';
import { CALICO_NAMESPACE_NAME_LABEL, namespaceProfileLabels, serviceAccountLabels, serviceAccountProfileLabels } from '../../model/convert';
import { CidrMatcher } from './address-match';
import { Endpoint, NetworkSetInfo } from './types';

/** Something a rule selector can match: a Calico endpoint or a network set. */
export interface Party {
  /** Stable key of everything label matching reads (same key, same selector results). */
  readonly labelKey: string;
  /** Own labels plus inherited `pcns.*` and `pcsa.*` profile labels. */
  readonly selectorLabels: StringMap;
  readonly namespace?: string;
  /** Namespace labels plus `projectcalico.org/name`; empty when not namespaced. */
  readonly namespaceLabels: StringMap;
  readonly serviceAccount?: string;
  /** What a service account selector sees: the service account's labels; empty without one. */
  readonly serviceAccountLabels: StringMap;
}

const NO_LABELS: StringMap = {};

const NAMESPACE_LABEL = 'projectcalico.org/namespace';

/** The party of an endpoint (cached per endpoint object). */
export function endpointParty(e: Endpoint): Party {
  let p = endpointParties.get(e);
  if (!p) {
    p = makeParty(`ep|${e.kind}`, e.labels, e.namespace, e.namespaceLabels ?? {}, e.serviceAccount, e.serviceAccountLabels ?? NO_LABELS);
    endpointParties.set(e, p);
  }
  return p;
}

/** What selectors read of an endpoint, as one key: endpoints with the same key are selected alike. */
export function endpointLabelKey(e: Endpoint): string {
  return endpointParty(e).labelKey;
}

/** A network set with its party and parsed nets. */
export interface NetworkSetParty {
  readonly set: NetworkSetInfo;
  readonly party: Party;
  readonly nets: readonly CidrMatcher[];
}

/** The party of a network set; NetworkSets get `projectcalico.org/namespace` and their namespace's labels. */
export function networkSetParty(set: NetworkSetInfo, namespaceLabels: StringMap | undefined): NetworkSetParty {
  const labels = set.namespace ? { ...set.labels, [NAMESPACE_LABEL]: set.namespace } : set.labels;
  return {
    set,
    party: makeParty(`ns|${set.id}`, labels, set.namespace, namespaceLabels ?? {}, undefined, NO_LABELS),
    nets: set.nets.map((n) => CidrMatcher.parse(n)),
  };
}

const endpointParties = new WeakMap<Endpoint, Party>();

/** What a party reads of its namespace: derived once per namespace labels object (parties of a namespace share it). */
interface NamespaceView {
  readonly namespace: string | undefined;
  readonly inherited: StringMap;
  readonly namespaceLabels: StringMap;
  readonly json: string;
  /** Per service account (`=<name>`, '' for none): the labels its parties inherit (namespace then service account profile) and what a service account selector sees. */
  readonly accounts: Map<string, AccountView>;
}

interface AccountView {
  /** The ServiceAccount's own labels the view was derived from (compared by identity). */
  readonly labels: StringMap;
  /** Their stable JSON (part of the label key). */
  readonly json: string;
  readonly inherited: StringMap;
  readonly serviceAccountLabels: StringMap;
}

const namespaceViews = new WeakMap<StringMap, NamespaceView>();

function namespaceView(namespace: string | undefined, nsLabels: StringMap): NamespaceView {
  const known = namespaceViews.get(nsLabels);
  if (known && known.namespace === namespace) return known;
  const view: NamespaceView = {
    namespace,
    inherited: namespace !== undefined ? namespaceProfileLabels(namespace, nsLabels) : {},
    namespaceLabels: namespace !== undefined ? { ...nsLabels, [CALICO_NAMESPACE_NAME_LABEL]: namespace } : {},
    json: stableJson(nsLabels),
    accounts: new Map(),
  };
  namespaceViews.set(nsLabels, view);
  return view;
}

function makeParty(kind: string, labels: StringMap, namespace: string | undefined, nsLabels: StringMap,
  serviceAccount: string | undefined, saLabels: StringMap): Party {
  const ns = namespaceView(namespace, nsLabels);
  const account = accountView(ns, serviceAccount, saLabels);
  const labelKey = [kind, namespace ?? '', serviceAccount ?? '', stableJson(labels), ns.json, account.json].join('\u0000');
  return {
    labelKey, selectorLabels: { ...account.inherited, ...labels }, namespace, namespaceLabels: ns.namespaceLabels, serviceAccount,
    serviceAccountLabels: account.serviceAccountLabels,
  };
}

/**
 * What parties of the namespace with the service account (and its labels) inherit: derived once per
 * namespace, account and labels object (the endpoints of one ServiceAccount share its labels object).
 */
function accountView(ns: NamespaceView, serviceAccount: string | undefined, saLabels: StringMap): AccountView {
  const key = serviceAccount === undefined ? '' : `=${serviceAccount}`;
  let view = ns.accounts.get(key);
  if (!view || view.labels !== saLabels) {
    const saInherited = serviceAccount !== undefined ? serviceAccountProfileLabels(serviceAccount, saLabels) : NO_LABELS;
    view = {
      labels: saLabels,
      json: stableJson(saLabels),
      inherited: { ...ns.inherited, ...saInherited },
      serviceAccountLabels: serviceAccount !== undefined ? serviceAccountLabels(serviceAccount, saLabels) : NO_LABELS,
    };
    ns.accounts.set(key, view);
  }
  return view;
}

/** JSON of a string map with sorted keys. */
function stableJson(m: StringMap): string {
  return JSON.stringify(Object.keys(m).sort().map((k) => [k, m[k]]));
}
