import { ApiObject } from 'cdk8s';

/**
 * An ApiObject of a cluster-scoped kind: its rendered metadata never carries a namespace, not even
 * the one its chart would give every object. Internal to the inventory constructs.
 */
export class ClusterScopedObject extends ApiObject {
  public toJson(): { [key: string]: unknown } {
    const json = super.toJson() as { [key: string]: unknown };
    const metadata = json.metadata;
    if (typeof metadata !== 'object' || metadata === null || !('namespace' in metadata)) return json;
    const rest: { [key: string]: unknown } = { ...(metadata as { [key: string]: unknown }) };
    delete rest.namespace;
    return { ...json, metadata: rest };
  }
}
