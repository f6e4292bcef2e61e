// Connectivity: who can reach whom on which protocols and ports, over the whole connection space.
export { computeConnectivity, connectionsBetween, Connectivity, ConnectivityLine, ConnectivityOptions } from './compute';
export { CONNECTIVITY_FORMATS, formatConnectivity, writeConnectivity } from './format';
export { ALL_CONNECTIONS, NO_CONNECTIONS, joinVersions } from './connection-set';
export { Party, endpointParties } from './parties';
export { connectionClasses } from './space';
