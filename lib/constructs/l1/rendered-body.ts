import { JsonPatch } from 'cdk8s';

/** A JSON document: what an L1 object is synthesised as. */
export type RenderedBody = { [key: string]: unknown };

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
 * canonical key order. An error thrown by `render` fails the synthesis of the object.
 */
export function renderedBodyPatch(render: () => RenderedBody): JsonPatch {
  return JsonPatch.replace('', { toJSON: render });
}
