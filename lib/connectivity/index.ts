// Connectivity: who can reach whom on which protocols and ports, over the whole connection space.
export { computeConnectivity, Connectivity, ConnectivityLine, ConnectivityOptions } from './compute';
export { CONNECTIVITY_FORMATS, formatConnectivity } from './format';
