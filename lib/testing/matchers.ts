// `toAllow` / `toDeny`: evaluate one flow over synthesised manifests with the engine; failures
// print the explain trace of both directions.
import { FlowVerdict, buildEngineModel, buildFlow, evaluateFlow, explainText, parseEngineDocuments, protocolName } from '../engine';
import { NetsecFlowExpectation, toFlowSpec } from './flow';
import { inventoryDocuments, manifestDocuments } from './sources';

/** What a Jest matcher returns. */
export interface NetsecMatcherResult {
  readonly pass: boolean;
  message(): string;
}

function verdictOf(received: unknown, flow: NetsecFlowExpectation, inventory: unknown): FlowVerdict {
  const spec = toFlowSpec(flow);
  const inv = inventoryDocuments(inventory);
  const model = buildEngineModel(parseEngineDocuments([...manifestDocuments(received), ...inv]));
  return evaluateFlow(model, buildFlow(model, spec));
}

function check(expectAllowed: boolean, received: unknown, flow: NetsecFlowExpectation, inventory: unknown): NetsecMatcherResult {
  const v = verdictOf(received, flow, inventory);
  const what = `${v.source} -> ${v.destination} ${protocolName(v.protocol)}${v.port !== undefined ? `/${v.port}` : ''}`;
  const pass = v.allowed === expectAllowed;
  const want = `${pass ? 'not ' : ''}to be ${expectAllowed ? 'allowed' : 'denied'}`;
  const got = v.allowed ? 'allowed' : 'denied';
  return { pass, message: () => `expected ${what} ${want}, but it is ${got}.\n\n${explainText(v)}` };
}

/** The matchers, for `expect.extend(netsecMatchers)`. */
export const netsecMatchers = {
  /** Passes when the flow is allowed (both the source's egress and the destination's ingress). */
  toAllow(received: unknown, flow: NetsecFlowExpectation, inventory?: unknown): NetsecMatcherResult {
    return check(true, received, flow, inventory);
  },
  /** Passes when the flow is denied in at least one direction. */
  toDeny(received: unknown, flow: NetsecFlowExpectation, inventory?: unknown): NetsecMatcherResult {
    return check(false, received, flow, inventory);
  },
};
