export { LabelSelector } from './label-selector';
export { Port, PortProtocol, NamedPortOptions, CalicoPortMatch } from './port';
export { Peer, CidrPeerOptions } from './peer';
export { IPeer, PeerContext } from './peer-types';
export { IPodWorkload } from './workload';
