/** Props every intent construct takes. */
export interface IntentProps {
  /**
   * The name of the emitted policy: a DNS-1123 label (at most 63 lower-case letters, digits and
   * "-"), so that it is valid for every kind the intent may choose and stays stable when the
   * kind changes.
   * @default - the construct id (which must then be a DNS-1123 label)
   */
  readonly name?: string;
}

/** Props of intents that can be written as a Kubernetes NetworkPolicy. */
export interface EngineChoiceProps extends IntentProps {
  /**
   * Emit a Calico policy even when a Kubernetes NetworkPolicy could express the intent (for
   * example to give it an explicit order, or to keep all policies in one API).
   * @default false - a Kubernetes NetworkPolicy whenever the intent is expressible in one
   */
  readonly forceCalico?: boolean;
}
