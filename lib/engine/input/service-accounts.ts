// Service account labels the engine cannot know. A service account selector (a policy's
// serviceAccountSelector, a rule's serviceAccounts.selector) matches the labels of the pod's
// ServiceAccount plus projectcalico.org/name; a plain selector sees them as `pcsa.<key>`
// (libcalico-go conversion.go ServiceAccountToProfile, v3.32.1). Without the ServiceAccount objects
// only the name is known: a selector reading any other key would match as if the account had no
// labels, so an Allow fails closed and a Deny fails open. That is refused, never guessed.
import { CALICO_API_VERSION, CalicoRule, EntityRule, NetsecResource } from '../../model/resources';
import { CALICO_NAMESPACE_NAME_LABEL, SERVICE_ACCOUNT_LABEL_PREFIX } from '../../model/convert';
import { Selector } from '../../model/selector';
import { quote } from '../../model/quote';
import { InvalidDocument } from './invalid';
import { InventoryPod, InventoryServiceAccount } from './inventory';

/** Where the ServiceAccounts come from: the remedy every refusal names. */
const REMEDY = 'add the ServiceAccounts to --cluster: kubectl get serviceaccounts -A -o yaml';

/** The one service account label always known. */
const KNOWN_PLAIN_KEY = `${SERVICE_ACCOUNT_LABEL_PREFIX}${CALICO_NAMESPACE_NAME_LABEL}`;

/** A selector field and whether it reads the service account's labels unprefixed. */
interface SelectorField {
  readonly field: string;
  readonly text: string | undefined;
  readonly serviceAccount: boolean;
}

/** The label keys of a selector whose values only the ServiceAccount objects give; validated selectors only. */
function unknownKeys(f: SelectorField): string[] {
  if (f.text === undefined || f.text.trim() === '') return [];
  let keys: string[];
  try {
    keys = Selector.parse(f.text).labelKeys();
  } catch {
    return []; // validation reports it
  }
  return f.serviceAccount
    ? keys.filter((k) => k !== CALICO_NAMESPACE_NAME_LABEL)
    : keys.filter((k) => k.startsWith(SERVICE_ACCOUNT_LABEL_PREFIX) && k !== KNOWN_PLAIN_KEY);
}

function entityFields(field: string, e: EntityRule | undefined): SelectorField[] {
  if (e === undefined) return [];
  return [
    { field: `${field}.selector`, text: e.selector, serviceAccount: false },
    { field: `${field}.notSelector`, text: e.notSelector, serviceAccount: false },
    { field: `${field}.serviceAccounts.selector`, text: e.serviceAccounts?.selector, serviceAccount: true },
  ];
}

function ruleFields(field: string, rules: readonly CalicoRule[] | undefined): SelectorField[] {
  return (rules ?? []).flatMap((r, i) => [...entityFields(`${field}[${i}].source`, r.source), ...entityFields(`${field}[${i}].destination`, r.destination)]);
}

/** The selector fields of a Calico NetworkPolicy or GlobalNetworkPolicy (the kinds with service account selectors). */
function selectorFields(r: NetsecResource): SelectorField[] {
  if (r.apiVersion !== CALICO_API_VERSION || (r.kind !== 'NetworkPolicy' && r.kind !== 'GlobalNetworkPolicy')) return [];
  const spec = r.spec;
  return [
    { field: 'spec.selector', text: spec.selector, serviceAccount: false },
    { field: 'spec.serviceAccountSelector', text: spec.serviceAccountSelector, serviceAccount: true },
    ...ruleFields('spec.ingress', spec.ingress),
    ...ruleFields('spec.egress', spec.egress),
  ];
}

/**
 * The documents whose selectors read service account labels other than the name, when the inputs
 * hold no ServiceAccount but pods that name one (without such pods no answer depends on them).
 */
export function unknownServiceAccountLabels(
  resources: readonly { readonly resource: NetsecResource; readonly location: string }[],
  serviceAccounts: readonly InventoryServiceAccount[], pods: readonly InventoryPod[],
): InvalidDocument[] {
  if (serviceAccounts.length > 0 || !pods.some((p) => p.serviceAccount !== undefined)) return [];
  const out: InvalidDocument[] = [];
  for (const { resource, location } of resources) {
    const problems = selectorFields(resource).flatMap((f) => {
      const keys = unknownKeys(f);
      if (keys.length === 0) return [];
      const known = f.serviceAccount ? CALICO_NAMESPACE_NAME_LABEL : KNOWN_PLAIN_KEY;
      return [`${f.field}: reads service account label${keys.length === 1 ? '' : 's'} ${keys.map(quote).join(', ')}, but the inputs hold no ServiceAccount, `
        + `so the engine cannot know which pods it matches (got ${quote(f.text)}; allowed: a selector on ${known} alone, or ${REMEDY})`];
    });
    if (problems.length > 0) out.push({ location, problems });
  }
  return out;
}

/** A note per pod naming a service account that is not among those read (only when some were read). */
export function missingServiceAccountNotes(serviceAccounts: readonly InventoryServiceAccount[], pods: readonly InventoryPod[]): string[] {
  if (serviceAccounts.length === 0) return [];
  const known = new Set(serviceAccounts.map((sa) => `${sa.namespace}/${sa.name}`));
  return pods.filter((p) => p.serviceAccount !== undefined && !known.has(`${p.namespace}/${p.serviceAccount}`)).map((p) =>
    `pod ${p.namespace}/${p.name} names service account ${p.serviceAccount}, which is not among the ServiceAccounts read: `
    + `assumed to exist with no labels but ${CALICO_NAMESPACE_NAME_LABEL} (kube-apiserver refuses such a pod only at admission, with the ServiceAccount admission plugin)`);
}
