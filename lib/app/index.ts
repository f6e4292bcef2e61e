// The composition above every layer: NetsecApp validates the construct tree, renders the charts,
// lints them and writes the iptables plan, so constructs never reach lint or the plan themselves.
export * from './netsec-app';
