// TypeScript declarations of the matchers on Jest's `expect(...)`.
import { NetsecFlowExpectation } from './flow';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface Matchers<R, T = {}> {
      /**
       * Passes when the flow is allowed. `received` is a cdk8s Chart or App (synthesised in
       * memory), manifest objects, or manifest file/folder paths; `inventory` a file path or
       * Namespace/Pod/Node objects. A failure prints the explain trace of both directions.
       */
      toAllow(flow: NetsecFlowExpectation, inventory?: unknown): R;
      /** Passes when the flow is denied; same arguments as `toAllow`. */
      toDeny(flow: NetsecFlowExpectation, inventory?: unknown): R;
    }
  }
}
