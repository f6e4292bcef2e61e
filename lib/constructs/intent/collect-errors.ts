import { IConstruct } from 'constructs';

/**
 * Problems found while building one construct, reported together (`cidrs[0]: ...`, `cidrs[2]: ...`).
 * Internal: thrown by the intents' helpers and taken apart by {@link collectErrors}.
 */
export class IntentProblems extends Error {
  constructor(public readonly problems: readonly string[]) {
    super(problems.join('; '));
    this.name = 'IntentProblems';
  }
}

/**
 * Runs `fn`, the building of an intent. What it throws does not stop construction: each problem
 * becomes a validation error of `scope`, prefixed with its construct path, that synth lists with
 * every other problem of the app (as the L1 validation does). Internal.
 */
export function collectErrors(scope: IConstruct, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    const path = scope.node.path;
    const problems = e instanceof IntentProblems ? [...e.problems] : [e.message];
    const messages = problems.map((m) => (m.startsWith(`${path}: `) ? m : `${path}: ${m}`));
    scope.node.addValidation({ validate: () => messages });
  }
}
