import { IbmRegionFacts } from '../region-facts';
import {
  GLOBAL_REGISTRY_PRIVATE, GLOBAL_REGISTRY_PUBLIC, IKS_REQUIRED_SYS_MGMT_CIDRS, MASTER_PROXY_IP,
} from './shared/all-regions';
import {
  AP_NORTH_LOGGING_PUBLIC, AP_NORTH_REGISTRY_PRIVATE, AP_NORTH_SOUTH_REGISTRY_PUBLIC_HOSTS,
  AP_NORTH_SOUTH_REGISTRY_PUBLIC_SUBNETS, AP_SOUTH_REGISTRY_PRIVATE, JP_TOK_SYSLOG_TCP_PRIVATE,
  JP_TOK_SYSLOG_UDP_PRIVATE,
} from './shared/asia-pacific';

/** IBM: "IBM Cloud Container Registry: Osaka, AP North, AP South registry subnets" (private). */
const OSAKA_AP_REGISTRY_PRIVATE: readonly string[] = [
  '166.9.247.39/32',
  '166.9.247.73/32',
  '166.9.247.105/32',
  ...AP_NORTH_REGISTRY_PRIVATE,
  ...AP_SOUTH_REGISTRY_PRIVATE,
];

/**
 * IBM Cloud region `jp-osa` (control plane: jp-osa: osa21, osa22, osa23).
 *
 * Facts from IBM-Cloud/kube-samples `calico-policies/{public,private}-network-isolation/jp-osa/`
 * at commit 7057ed01e998; comments are IBM's. Lists that IBM writes the same for several regions
 * are named constants from `shared/`.
 */
export const JP_OSA: IbmRegionFacts = {
  name: 'jp-osa',
  publicControlPlaneNets: [
    // Control plane IP addresses for jp-osa: osa21, osa22, osa23
    '104.94.220.131/32',
    '104.94.221.131/32',
    '104.94.222.139/32',
    '104.94.223.139/32',
    '104.96.176.131/32',
    '104.96.177.131/32',
    '104.96.178.133/32',
    '104.96.179.133/32',
    '104.96.180.130/32',
    '104.96.181.130/32',
    '163.68.69.2/32',
    '163.68.69.114/32',
    '163.68.69.122/32',
    '163.69.64.250/32',
    '163.69.65.114/32',
    '163.69.65.122/32',
    '163.73.64.250/32',
    '163.73.65.154/32',
    '163.73.65.194/32',
  ],
  privateControlPlaneNets: [
    // Control plane IP addresses for jp-osa: osa21, osa22, osa23
    '166.9.70.2/32',
    '166.9.70.5/32',
    '166.9.70.6/32',
    '166.9.70.7/32',
    '166.9.70.8/32',
    '166.9.70.9/32',
    '166.9.71.2/32',
    '166.9.71.3/32',
    '166.9.71.7/32',
    '166.9.71.8/32',
    '166.9.71.9/32',
    '166.9.71.10/32',
    '166.9.72.2/32',
    '166.9.72.3/32',
    '166.9.72.5/32',
    '166.9.72.8/32',
    '166.9.72.9/32',
    '166.9.72.10/32',
    '166.9.247.41/32',
    '166.9.247.75/32',
    '166.9.247.107/32',
  ],
  masterProxyNets: [MASTER_PROXY_IP],
  sysMgmtNets: [
    ...IKS_REQUIRED_SYS_MGMT_CIDRS,
    // Nets for Osaka zones
    '10.202.112.0/20', // osa21
    '10.202.144.0/20', // osa22
    '10.202.160.0/20', // osa23
  ],
  publicServices: {
    registry: [
      ...GLOBAL_REGISTRY_PUBLIC,
      // IBM Cloud Container Registry: AP North, Osaka, AP South nets for your own registry
      '163.68.67.32/28',
      '163.69.67.0/28',
      '163.73.67.64/28',
      ...AP_NORTH_SOUTH_REGISTRY_PUBLIC_SUBNETS,
      '103.41.69.116/32',
      '103.41.69.120/32',
      '103.41.70.159/32',
      ...AP_NORTH_SOUTH_REGISTRY_PUBLIC_HOSTS,
    ],
    monitoring: [
      // IBM Cloud Monitoring with Sysdig: jp-osa
      // Taken from: https://cloud.ibm.com/docs/monitoring?topic=monitoring-endpoints
      '163.68.67.98/32',
      '163.69.66.170/32',
      '163.73.67.180/32',
      // backup pools IBM Cloud Monitoring with Sysdig: AP North nets
      '128.168.75.14/32',
      '128.168.91.236/32',
      '128.168.91.238/32',
      '161.202.93.250/32',
      '161.202.93.252/32',
      '165.192.69.125/32',
      '165.192.71.227/32',
      '165.192.84.14/32',
      '169.38.128.166/32',
      '169.38.82.173/32',
      '169.56.51.238/32',
      '169.56.80.178/32',
      '169.56.80.182/32',
    ],
    logging: [
      ...AP_NORTH_LOGGING_PUBLIC,
      // New IP addresses added on 1/19/2023
      '163.68.75.68/32',
      '163.69.70.155/32',
      '163.73.70.118/32',
      // End new IP address list
      // CIDR Blocks added on 7/26/2023
      '163.68.68.160/27',
      '163.68.73.240/28',
      '163.69.68.48/28',
      '163.69.72.96/27',
      '163.73.65.176/28',
      '163.73.72.0/27',
      // End CIDR Blocks
    ],
  },
  privateServices: {
    registry: [
      // IBM Cloud Container Registry: Global (US East) registry subnets, in IBM's order for this
      // file (the addresses of GLOBAL_REGISTRY_PRIVATE)
      '166.9.251.82/32',
      '166.9.251.49/32',
      '166.9.251.113/32',
      ...OSAKA_AP_REGISTRY_PRIVATE,
    ],
    monitoringIngest: [
      // IBM Cloud Monitoring ingest: jp-osa
      // Taken from: https://cloud.ibm.com/docs/monitoring?topic=monitoring-endpoints#endpoints_ingestion_private
      '166.9.70.14/32',
      '166.9.71.15/32',
      '166.9.72.14/32',
      '166.9.247.59/32',
      '166.9.247.89/32',
      '166.9.247.123/32',
    ],
    monitoringApi: [
      // IBM Cloud Monitoring API: jp-osa
      // Taken from: https://cloud.ibm.com/docs/monitoring?topic=monitoring-endpoints#endpoints_rest_api
      '166.9.247.44/32',
      '166.9.247.77/32',
      '166.9.247.109/32',
      '166.9.247.59/32',
      '166.9.247.89/32',
      '166.9.247.123/32',
    ],
    logging: [
      // IBM Log Analysis with LogDNA: jp-osa
      // Taken from: https://cloud.ibm.com/docs/log-analysis?topic=log-analysis-endpoints
      '166.9.70.19/32',
      '166.9.70.21/32',
      '166.9.71.20/32',
      '166.9.71.21/32',
      '166.9.72.19/32',
      '166.9.72.21/32',
      // New IPs added on 1/20/2023
      '166.9.70.13/32',
      '166.9.71.14/32',
      '166.9.72.13/32',
      // New IP addresses added on 10/19/2023
      '166.9.247.106/32',
      '166.9.247.37/32',
      '166.9.247.72/32',
      // End New IP list
    ],
    loggingSyslogTcp: [...JP_TOK_SYSLOG_TCP_PRIVATE],
    loggingSyslogUdp: [...JP_TOK_SYSLOG_UDP_PRIVATE],
  },
  /** IBM lists the same addresses in another order in allow-private-services-pods.yaml. */
  privateServicesPodsOrder: {
    registry: [...GLOBAL_REGISTRY_PRIVATE, ...OSAKA_AP_REGISTRY_PRIVATE],
  },
};
