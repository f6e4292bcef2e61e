import { JsonPatch } from 'cdk8s';

/** A JSON document: what an L1 object is synthesised as. */
export type RenderedBody = { [key: string]: unknown };

/** True once this cdk8s is known to apply a patch value's `toJSON()` (checked once per process). */
let deferredPatchesChecked = false;

/**
 * Throws unless cdk8s's `JsonPatch.apply` renders a patch value through its `toJSON()`: with a
 * cdk8s that did not, an L1 would synthesise the unrendered value instead of its resource.
 */
function requireDeferredPatches(): void {
  if (deferredPatchesChecked) return;
  const probe: unknown = JsonPatch.apply({}, JsonPatch.replace('', { toJSON: (): RenderedBody => ({ rendered: true }) }));
  if (typeof probe !== 'object' || probe === null || (probe as RenderedBody).rendered !== true) {
    const got = typeof probe === 'object' && probe !== null ? `an object with the keys [${Object.keys(probe).join(', ')}]` : String(probe);
    throw new Error('cdk8s-netsec: this cdk8s does not render a JSON patch value through its toJSON() when it applies the patch, '
      + `which the L1 constructs need to synthesise their resources (JsonPatch.apply gave ${got}); `
      + 'allowed: a cdk8s 2.x that copies patch operations through JSON, as the peer dependency range of cdk8s-netsec does');
  }
  deferredPatchesChecked = true;
}

/**
 * The JSON patch that makes an ApiObject synthesise as `render()`, called anew each time the object
 * is synthesised (so the chart's namespace and labels, and labels added later, are those of synth
 * time), in the key order `render` gives. Internal to the L1 constructs, which add it with
 * `super.addJsonPatch` (they refuse patches from their users).
 *
 * It replaces the whole document ('' is the root). cdk8s applies patches after it has resolved and
 * key-sorted the object's own props, and copies the patch operations with `JSON.stringify` first
 * (fast-json-patch's `deepClone`), which asks the value for its `toJSON()`: the rendering happens
 * there. So no `toJson()` override (typed `any` by cdk8s) is needed, and the body keeps its
 * canonical key order. An error thrown by `render` fails the synthesis of the object. A cdk8s that
 * would not call `toJSON()` is refused here, when the first L1 is constructed.
 */
export function renderedBodyPatch(render: () => RenderedBody): JsonPatch {
  requireDeferredPatches();
  return JsonPatch.replace('', { toJSON: render });
}
