import { IConstruct } from 'constructs';

/** Runs `fn`, prefixing any error with the construct's path. Internal. */
export function withPath<T>(scope: IConstruct, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new Error(`${scope.node.path}: ${message}`);
  }
}
