import { ApiObject, ApiObjectMetadata, JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';
import { formatIssue, validateResource } from '../../model/validate';
import { renderResource } from '../../model/parse';
import { NetsecResource, ObjectMeta } from '../../model/resources';
import { RenderedBody, renderedBodyPatch } from './rendered-body';
import { renderedMetadata, unsupportedMetadataErrors } from './rendered-metadata';

/** What a concrete L1 class tells its base, {@link NetsecApiObject}. */
export interface NetsecApiObjectInit {
  /** The resource's apiVersion, e.g. `projectcalico.org/v3`. */
  readonly apiVersion: string;
  /** The resource's kind, e.g. `GlobalNetworkPolicy`. */
  readonly kind: string;
  /** True for cluster-scoped kinds, which never carry a namespace (not even the chart's). */
  readonly clusterScoped: boolean;
  /** The metadata as given to the construct (the chart's namespace and labels are added by cdk8s). */
  readonly metadata: ApiObjectMetadata;
}

/** Marks instances, so that detection works across copies of this package (like cdk8s does). */
const NETSEC_API_OBJECT = Symbol.for('cdk8s-netsec.NetsecApiObject');

/**
 * Base of every cdk8s-netsec L1 construct: one Kubernetes or Calico resource, held as typed
 * model data, rendered through the model's canonical renderer and validated at synth.
 */
export abstract class NetsecApiObject extends ApiObject {
  /** True when `x` is a cdk8s-netsec L1 construct. */
  public static isNetsecApiObject(x: unknown): x is NetsecApiObject {
    return typeof x === 'object' && x !== null && NETSEC_API_OBJECT in x;
  }

  /** True for cluster-scoped kinds, which never carry a namespace (not even the chart's). */
  public readonly clusterScoped: boolean;

  protected constructor(scope: Construct, id: string, init: NetsecApiObjectInit) {
    super(scope, id, { apiVersion: init.apiVersion, kind: init.kind, metadata: init.metadata });
    this.clusterScoped = init.clusterScoped;
    Object.defineProperty(this, NETSEC_API_OBJECT, { value: true });
    this.node.addValidation({ validate: () => this.validateNetsec() });
    super.addJsonPatch(renderedBodyPatch(() => this.render()));
  }

  /** The resource as typed model data, with its final metadata (chart namespace and labels applied). */
  public abstract toResource(): NetsecResource;

  /**
   * Not supported: the typed spec is what gets validated, so patches that bypass it are refused.
   */
  public addJsonPatch(...ops: JsonPatch[]): void {
    void ops;
    throw new Error(`${this.node.path}: addJsonPatch is not supported on ${this.kind} '${this.name}' `
      + '(the typed spec is validated and rendered as is); set the field in the spec instead');
  }

  /** The metadata of the synthesised resource. */
  protected resourceMetadata(): ObjectMeta {
    return renderedMetadata(this, this.clusterScoped);
  }

  /** The resource through the model's canonical renderer: what the object is synthesised as. */
  private render(): RenderedBody {
    try {
      return renderResource(this.toResource());
    } catch (e) {
      throw new Error(`${this.node.path}: cannot render ${this.kind} '${this.name}': ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private validateNetsec(): string[] {
    const path = this.node.path;
    const errors = unsupportedMetadataErrors(this, path);
    for (const issue of validateResource(this.toResource())) {
      errors.push(formatIssue(path, issue));
    }
    return errors;
  }
}
