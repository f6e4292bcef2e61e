import {
  ADMIN_POLICY_V1ALPHA1_API_VERSION, CALICO_API_VERSION, CALICO_CRD_API_VERSION, CLUSTER_NETWORK_POLICY_API_VERSION, K8S_NETWORKING_API_VERSION,
  NetsecResource,
} from '../resources';
import { ManifestError, describeValue } from './errors';
import { isRecord, readValue } from './read';
import { documentSchema, findKindSchema } from './schema';

/** Kinds that change what is enforced: reading past one of them would give wrong (fail-open) answers. */
const ENFORCING_KINDS = [
  'NetworkPolicy', 'GlobalNetworkPolicy', 'HostEndpoint', 'GlobalNetworkSet', 'NetworkSet', 'Tier', 'FelixConfiguration', 'IPPool',
  'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy',
];

const READ_API_VERSIONS = `${K8S_NETWORKING_API_VERSION} NetworkPolicy, or a ${CALICO_API_VERSION} (or ${CALICO_CRD_API_VERSION}) `
  + 'NetworkPolicy, GlobalNetworkPolicy, HostEndpoint, GlobalNetworkSet, NetworkSet, Tier, FelixConfiguration or IPPool, '
  + `a ${ADMIN_POLICY_V1ALPHA1_API_VERSION} AdminNetworkPolicy or BaselineAdminNetworkPolicy, or a ${CLUSTER_NETWORK_POLICY_API_VERSION} ClusterNetworkPolicy`;

/**
 * Parses one manifest document into a typed resource, checking shape only (types, required and
 * unknown fields; semantic checks are validation). Calico's CRD form (`crd.projectcalico.org/v1`)
 * is read as `projectcalico.org/v3`: the spec is the same. Returns undefined for kinds that do not
 * decide what is enforced (a Deployment, a staged policy). A kind that does, in a form the model does
 * not read (an AdminNetworkPolicy of another version, `extensions/v1beta1` NetworkPolicy), is an error, never skipped.
 * Throws ManifestError naming `location`, the field and the bad value.
 */
export function parseResource(doc: unknown, location: string): NetsecResource | undefined {
  if (!isRecord(doc)) throw new ManifestError(location, '', describeValue(doc), 'a mapping with apiVersion and kind');
  for (const key of ['apiVersion', 'kind']) {
    if (typeof doc[key] !== 'string' || doc[key] === '') {
      throw new ManifestError(location, key, describeValue(doc[key]), 'a non-empty string');
    }
  }
  const source = doc.apiVersion === CALICO_CRD_API_VERSION && findKindSchema(CALICO_API_VERSION, doc.kind)
    ? { ...doc, apiVersion: CALICO_API_VERSION } : doc;
  const kind = findKindSchema(source.apiVersion, source.kind);
  if (!kind) {
    if (ENFORCING_KINDS.includes(source.kind as string)) {
      throw new ManifestError(location, 'kind', `${String(doc.apiVersion)}/${String(doc.kind)}`,
        `a kind the engine reads (${READ_API_VERSIONS}); skipping this one would give wrong answers`);
    }
    return undefined;
  }
  const parsed = readValue(documentSchema(kind), source, '', location);
  if (isRecord(parsed) && parsed.spec === undefined) return { ...parsed, spec: {} } as unknown as NetsecResource;
  // The schema table mirrors the resource interfaces field for field, so the shape is checked.
  return parsed as NetsecResource;
}
