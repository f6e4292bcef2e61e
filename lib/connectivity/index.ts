// Connectivity: who can reach whom on which protocols and ports, over the whole connection space.
export { computeConnectivity, connectionsBetween, Connectivity, ConnectivityLine, ConnectivityOptions } from './compute';
export { CONNECTIVITY_FORMATS, formatConnectivity, writeConnectivity } from './format';
export { NO_CONNECTIONS } from './connection-set';
export { connectionClasses } from './space';
