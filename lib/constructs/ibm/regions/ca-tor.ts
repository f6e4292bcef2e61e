import { IbmRegionFacts } from '../region-facts';
import {
  GLOBAL_REGISTRY_PRIVATE, GLOBAL_REGISTRY_PUBLIC, IKS_REQUIRED_SYS_MGMT_CIDRS, MASTER_PROXY_IP,
} from './shared/all-regions';
import {
  CA_TOR_MONITORING_PUBLIC, US_EAST_LOGGING_PUBLIC, US_EAST_SYSLOG_TCP_PRIVATE, US_EAST_SYSLOG_UDP_PRIVATE,
  US_REGISTRY_PUBLIC_HOSTS_SAO_TOR_ORDER, US_REGISTRY_PUBLIC_SUBNETS, US_SOUTH_REGISTRY_PRIVATE,
} from './shared/americas';

/**
 * IBM Cloud region `ca-tor` (control plane: ca-tor: tor01, tor04, tor05).
 *
 * Facts from IBM-Cloud/kube-samples `calico-policies/{public,private}-network-isolation/ca-tor/`
 * at commit 7057ed01e998; comments are IBM's. Lists that IBM writes the same for several regions
 * are named constants from `shared/`.
 */
export const CA_TOR: IbmRegionFacts = {
  name: 'ca-tor',
  publicControlPlaneNets: [
    // Control plane IP addresses for ca-tor: tor01, tor04, tor05
    '104.94.220.132/32',
    '104.94.221.132/32',
    '104.94.222.140/32',
    '104.94.223.140/32',
    '104.96.176.132/32',
    '104.96.177.132/32',
    '104.96.178.134/32',
    '104.96.179.134/32',
    '104.96.180.131/32',
    '104.96.181.131/32',
    '158.85.65.194/32',
    '158.85.77.114/32',
    '158.85.110.18/32',
    '163.74.65.18/32',
    '163.74.65.242/32',
    '163.74.65.250/32',
    '163.75.64.114/32',
    '163.75.64.122/32',
    '163.75.64.162/32',
  ],
  privateControlPlaneNets: [
    // Control plane IP addresses for ca-tor: tor01, tor04, tor05
    '166.9.76.3/32',
    '166.9.76.4/32',
    '166.9.76.5/32',
    '166.9.76.6/32',
    '166.9.76.7/32',
    '166.9.76.8/32',
    '166.9.77.3/32',
    '166.9.77.4/32',
    '166.9.77.5/32',
    '166.9.77.6/32',
    '166.9.77.7/32',
    '166.9.77.8/32',
    '166.9.78.3/32',
    '166.9.78.4/32',
    '166.9.78.5/32',
    '166.9.78.6/32',
    '166.9.78.7/32',
    '166.9.78.8/32',
    '166.9.247.139/32',
    '166.9.247.172/32',
    '166.9.247.209/32',
  ],
  masterProxyNets: [MASTER_PROXY_IP],
  sysMgmtNets: [
    ...IKS_REQUIRED_SYS_MGMT_CIDRS,
    // Nets for Toronto zones
    '10.2.48.0/20', // tor01
    '10.202.176.0/20', // tor04
    '10.202.192.0/20', // tor05
  ],
  publicServices: {
    registry: [
      ...GLOBAL_REGISTRY_PUBLIC,
      // IBM Cloud Container Registry: US South, US East, Toronto nets for your own registry
      '158.85.100.0/29',
      '163.74.65.192/29',
      '163.75.66.88/29',
      ...US_REGISTRY_PUBLIC_SUBNETS,
      '103.41.69.117/32',
      '103.41.69.121/32',
      '103.41.69.126/32',
      ...US_REGISTRY_PUBLIC_HOSTS_SAO_TOR_ORDER,
    ],
    monitoring: [
      ...CA_TOR_MONITORING_PUBLIC,
      // IBM Cloud Monitoring with Sysdig: US East nets
      '169.47.136.237/32',
      '169.47.35.174/32',
      '169.55.109.114/32',
      '169.60.112.74/32',
      '169.61.109.59/32',
      '169.61.65.234/32',
      '169.62.3.82/32',
      '169.63.158.254/32',
      '169.63.163.50/32',
    ],
    logging: [
      ...US_EAST_LOGGING_PUBLIC,
      // New IP addresses added on 1/19/2023
      '169.53.161.75/32',
      '163.74.65.133/32',
      '163.75.73.42/32',
      // End new IP addresses
      // CIDR Blocks added on 7/26/2023
      '163.74.71.224/27',
      '163.75.69.160/28',
      '163.75.75.128/27',
      '169.53.180.32/28',
      '169.55.136.192/27',
      // End CIDR Blocks
    ],
  },
  privateServices: {
    registry: [
      ...GLOBAL_REGISTRY_PRIVATE,
      // IBM Cloud Container Registry: US South, Toronto subnets
      ...US_SOUTH_REGISTRY_PRIVATE,
      '166.9.247.143/32',
      '166.9.247.170/32',
      '166.9.247.207/32',
    ],
    monitoringIngest: [
      // IBM Cloud Monitoring ingest: ca-tor
      // Taken from: https://cloud.ibm.com/docs/monitoring?topic=monitoring-endpoints#endpoints_ingestion_private
      '166.9.76.23/32',
      '166.9.77.20/32',
      '166.9.78.21/32',
      '166.9.209.13/32',
      '166.9.209.42/32',
      '166.9.209.72/32',
    ],
    monitoringApi: [
      // IBM Cloud Monitoring API: ca-tor
      // Taken from: https://cloud.ibm.com/docs/monitoring?topic=monitoring-endpoints#endpoints_rest_api
      '166.9.247.153/32',
      '166.9.247.185/32',
      '166.9.247.205/32',
      '166.9.209.13/32',
      '166.9.209.42/32',
      '166.9.209.72/32',
    ],
    logging: [
      // IBM Log Analysis with LogDNA: ca-tor
      // Taken from: https://cloud.ibm.com/docs/log-analysis?topic=log-analysis-endpoints
      '166.9.76.26/32',
      '166.9.76.29/32',
      '166.9.77.23/32',
      '166.9.77.26/32',
      '166.9.78.24/32',
      // New IPs added on 1/20/2023
      '166.9.78.10/32',
      '166.9.76.10/32',
      '166.9.77.10/32',
      // New IP addresses added on 10/19/2023
      '166.9.247.151/32',
      '166.9.247.182/32',
      '166.9.247.201/32',
      // End New IP list
    ],
    loggingSyslogTcp: [...US_EAST_SYSLOG_TCP_PRIVATE],
    loggingSyslogUdp: [...US_EAST_SYSLOG_UDP_PRIVATE],
  },
};
