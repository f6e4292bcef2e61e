// The one base class of errors caused by what netsec was given rather than by netsec itself.

/**
 * An error in the input: a manifest, an inventory, a file, a setting or a command line. Each kind
 * extends this class and keeps its own `name`; the CLI prints the message of any of them and exits 2.
 */
export abstract class NetsecInputError extends Error {}
