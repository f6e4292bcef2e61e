import { ApiObject, JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';
import { applyServiceDefaults } from '../../model/defaults';
import { renderServiceResource } from '../../model/parse';
import { K8S_CORE_API_VERSION, Service, ServiceSpec } from '../../model/resources';
import { formatIssue, validateServiceResource } from '../../model/validate';
import { NamespacedResourceMetadata } from './metadata';
import { renderedBodyPatch } from './rendered-body';
import { renderedMetadata, unsupportedMetadataErrors } from './rendered-metadata';

/** Props of {@link KubeService}. */
export interface KubeServiceProps {
  /** Name, namespace and labels of the Service (its name is a DNS-1035 label). */
  readonly metadata: NamespacedResourceMetadata;
  /** The Service spec, as typed model data (target ports as strings: digits are a port number). */
  readonly spec: ServiceSpec;
}

/**
 * A Kubernetes `v1` Service.
 *
 * Namespaced: takes the chart's namespace when metadata.namespace is omitted. Rendered through the
 * model's renderer and checked at synth with Kubernetes' Service validation (after kube-apiserver's
 * defaults), each problem naming the construct path, the field, the value and what is allowed.
 * The spec only: what the cluster assigns (status, such as a LoadBalancer's address) is inventory.
 */
export class KubeService extends ApiObject {
  /** The Service spec as given. */
  public readonly spec: ServiceSpec;

  constructor(scope: Construct, id: string, props: KubeServiceProps) {
    super(scope, id, { apiVersion: K8S_CORE_API_VERSION, kind: 'Service', metadata: props.metadata });
    this.spec = props.spec;
    this.node.addValidation({ validate: () => this.validateService() });
    super.addJsonPatch(renderedBodyPatch(() => renderServiceResource(this.service())));
  }

  /** Not supported: the typed spec is what gets validated, so patches that bypass it are refused. */
  public addJsonPatch(...ops: JsonPatch[]): void {
    void ops;
    throw new Error(`${this.node.path}: addJsonPatch is not supported on Service '${this.name}' `
      + '(the typed spec is validated and rendered as is); set the field in the spec instead');
  }

  private service(): Service {
    return { apiVersion: K8S_CORE_API_VERSION, kind: 'Service', metadata: renderedMetadata(this, false), spec: this.spec };
  }

  private validateService(): string[] {
    const path = this.node.path;
    const errors = unsupportedMetadataErrors(this, path);
    for (const issue of validateServiceResource(applyServiceDefaults(this.service()).resource)) errors.push(formatIssue(path, issue));
    return errors;
  }
}
