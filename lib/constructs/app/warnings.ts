import { IConstruct } from 'constructs';

/** Construct metadata type under which synth warnings are recorded. */
const WARNING_METADATA_TYPE = 'cdk8s-netsec:warning';

/**
 * Records a warning on a construct. `NetsecApp.synth()` prints every recorded warning to stderr,
 * prefixed with the construct path; warnings never stop synthesis.
 */
export function addSynthWarning(scope: IConstruct, message: string): void {
  scope.node.addMetadata(WARNING_METADATA_TYPE, message);
}

/** Every warning recorded under `root`, in construct order, as `<construct path>: <message>`. */
export function collectSynthWarnings(root: IConstruct): string[] {
  const out: string[] = [];
  for (const c of root.node.findAll()) {
    for (const entry of c.node.metadata) {
      if (entry.type === WARNING_METADATA_TYPE) out.push(`${c.node.path}: ${String(entry.data)}`);
    }
  }
  return out;
}
