// `netsec validate`: an offline `calicoctl validate` (and Kubernetes' validation) of manifest files.
import { invalidDocumentLine, invalidDocumentsOf, loadEngineInputs } from '../../engine';
import { escapeUnsafe } from '../../model/quote';
import { defineCommand } from '../command';
import { MANIFESTS } from './flags';

export const command = defineCommand({
  name: 'validate',
  about: `Reads every document of the manifests as the API servers would (defaults filled in) and checks it
with Calico's validation (libcalico-go lib/validator/v3) and Kubernetes' validation of
networking.k8s.io/v1. Every other command runs the same checks and refuses invalid input with the
same lines.`,
  flags: [{ ...MANIFESTS, help: 'manifest files or folders (YAML, JSON, Lists, kubectl and calicoctl exports)' }],
  footer: `Prints one line per invalid document: <file>#<document index>: <field>: <problem> (got <value>;
allowed: <what is allowed>). Files that hold no Kubernetes object are skipped with a warning.

Exit codes: 0 every document is valid, 2 at least one is not (or a usage error).`,
  run(parsed, io) {
    const manifests = parsed.getList('manifests');
    try {
      const inputs = loadEngineInputs({ manifests });
      for (const w of inputs.warnings) io.stderr(`warning: ${w}\n`);
      const counted = inputs.resources.length + inputs.pods.length + inputs.namespaces.length + inputs.nodes.length;
      io.stdout(`valid: ${counted} document${counted === 1 ? '' : 's'} (${inputs.resources.length} policy resources)`
        + `${inputs.notes.length > 0 ? `, ${inputs.notes.length} of kinds not checked (see notes)` : ''}\n`);
      for (const n of inputs.notes) io.stderr(`note: ${n}\n`);
      return 0;
    } catch (e) {
      const documents = invalidDocumentsOf(e);
      if (documents === undefined) throw e;
      for (const d of documents) io.stdout(`${escapeUnsafe(invalidDocumentLine(d))}\n`);
      io.stderr(`netsec validate: ${documents.length} invalid document${documents.length === 1 ? '' : 's'}\n`);
      return 2;
    }
  },
});
