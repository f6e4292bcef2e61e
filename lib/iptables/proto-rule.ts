// A Calico rule reduced to what iptables matches on, for one IP version (Felix's proto.Rule
// after FilterRuleToIPVersion). Selectors and named ports are already IP set names.
import { PortRange } from './ports';

/** ICMP type and optional code. */
export interface IcmpMatch {
  readonly type: number;
  readonly code?: number;
}

/** One side (source or destination) of a rule. */
export interface ProtoSide {
  readonly nets: readonly string[];
  readonly notNets: readonly string[];
  /** Selector IP set names (hash:net). */
  readonly ipSets: readonly string[];
  readonly notIpSets: readonly string[];
  readonly ports: readonly PortRange[];
  readonly notPorts: readonly PortRange[];
  /** Named-port IP set names (hash:ip,port). */
  readonly namedPortSets: readonly string[];
  readonly notNamedPortSets: readonly string[];
  /** Service IP set names (hash:ip,port; Felix's DstIpPortSetIds, destination only). @default - none */
  readonly ipPortSets?: readonly string[];
}

/** A rule ready to render. */
export interface ProtoRule {
  /** `allow`, `deny`, `pass` or `log`. */
  readonly action: string;
  /** `tcp`, `udp`, `icmp`, ... or a number as text. */
  readonly protocol?: string;
  readonly notProtocol?: string;
  readonly src: ProtoSide;
  readonly dst: ProtoSide;
  readonly icmp?: IcmpMatch;
  readonly notIcmp?: IcmpMatch;
}

export const EMPTY_SIDE: ProtoSide = {
  nets: [], notNets: [], ipSets: [], notIpSets: [], ports: [], notPorts: [], namedPortSets: [], notNamedPortSets: [],
};
