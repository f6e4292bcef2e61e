import { IbmRegionFacts } from '../region-facts';
import {
  GLOBAL_REGISTRY_PRIVATE, GLOBAL_REGISTRY_PUBLIC, IKS_REQUIRED_SYS_MGMT_CIDRS, MASTER_PROXY_IP,
  MASTER_PROXY_LEGACY_IP,
} from './shared/all-regions';
import { AP_SOUTH_REGISTRY_PRIVATE, AP_SOUTH_REGISTRY_PUBLIC_HOSTS } from './shared/asia-pacific';

/**
 * IBM: "IBM Log Analysis with LogDNA: au-syd" (private), first part
 * (https://cloud.ibm.com/docs/log-analysis?topic=log-analysis-endpoints).
 */
const AU_SYD_LOGGING_PRIVATE: readonly string[] = [
  '166.9.52.2/32',
  '166.9.52.5/32',
  '166.9.56.3/32',
  '166.9.56.20/32',
];

/**
 * IBM: the addresses of au-syd's private logging list added in 2023. `allow-private-services`
 * dates the first three "1/20/2023", `allow-private-services-pods` "1/19/2023".
 */
const AU_SYD_LOGGING_PRIVATE_2023: readonly string[] = [
  '166.9.56.79/32',
  '166.9.52.82/32',
  '166.9.54.129/32',
  // New IP addresses added on 10/19/2023
  '166.9.244.111/32',
  '166.9.244.141/32',
  '166.9.244.175/32',
];

/**
 * IBM Cloud region `au-syd` (control plane: ap-south: syd01, syd04, syd05).
 *
 * Facts from IBM-Cloud/kube-samples `calico-policies/{public,private}-network-isolation/au-syd/`
 * at commit 7057ed01e998; comments are IBM's. Lists that IBM writes the same for several regions
 * are named constants from `shared/`.
 */
export const AU_SYD: IbmRegionFacts = {
  name: 'au-syd',
  publicControlPlaneNets: [
    // Control plane IP addresses for ap-south: syd01, syd04, syd05
    '104.94.220.125/32',
    '104.94.221.125/32',
    '104.94.222.133/32',
    '104.94.223.133/32',
    '104.96.176.125/32',
    '104.96.177.125/32',
    '104.96.178.127/32',
    '104.96.179.127/32',
    '104.96.180.124/32',
    '104.96.181.124/32',
    '130.198.64.19/32',
    '130.198.66.26/32',
    '130.198.79.170/32',
    '130.198.83.34/32',
    '130.198.102.82/32',
    '135.90.66.2/32',
    '135.90.68.114/32',
    '135.90.69.66/32',
    '135.90.69.82/32',
    '135.90.89.234/32',
    '168.1.6.106/32',
    '168.1.8.195/32',
    '168.1.12.98/32',
    '168.1.39.34/32',
    '168.1.58.66/32',
  ],
  privateControlPlaneNets: [
    // Control plane IP addresses for ap-south: syd01, syd04, syd05
    '166.9.52.14/32',
    '166.9.52.15/32',
    '166.9.52.22/32',
    '166.9.52.23/32',
    '166.9.52.28/32',
    '166.9.52.30/32',
    '166.9.52.31/32',
    '166.9.52.32/32',
    '166.9.54.11/32',
    '166.9.54.13/32',
    '166.9.54.20/32',
    '166.9.54.21/32',
    '166.9.54.31/32',
    '166.9.54.32/32',
    '166.9.54.33/32',
    '166.9.54.34/32',
    '166.9.56.10/32',
    '166.9.56.11/32',
    '166.9.56.15/32',
    '166.9.56.16/32',
    '166.9.56.24/32',
    '166.9.56.33/32',
    '166.9.56.35/32',
    '166.9.56.36/32',
    '166.9.244.107/32',
    '166.9.244.137/32',
    '166.9.244.171/32',
  ],
  masterProxyNets: [MASTER_PROXY_IP, MASTER_PROXY_LEGACY_IP],
  sysMgmtNets: [
    ...IKS_REQUIRED_SYS_MGMT_CIDRS,
    // Nets for AP South zones
    '10.3.96.0/20', // syd01
    '10.201.16.0/20', // syd04
    '10.202.16.0/20', // syd05
  ],
  publicServices: {
    registry: [
      ...GLOBAL_REGISTRY_PUBLIC,
      // IBM Cloud Container Registry: AP South nets for your own registry
      '168.1.1.240/29',
      '130.198.88.128/29',
      '135.90.66.48/29',
      ...AP_SOUTH_REGISTRY_PUBLIC_HOSTS,
    ],
    monitoring: [
      // IBM Cloud Monitoring with Sysdig: au-syd
      // Taken from: https://cloud.ibm.com/docs/monitoring?topic=monitoring-endpoints
      '135.90.73.100/32',
      '130.198.80.155/32',
      '168.1.213.78/32',
      // backup pools IBM Cloud Monitoring with Sysdig: AU Syd nets
      '130.198.79.42/32',
      '130.198.89.46/32',
      '135.90.70.74/32',
      '135.90.70.77/32',
      '168.1.30.131/32',
      '168.1.38.93/32',
    ],
    logging: [
      // IBM Log Analysis with LogDNA: AU Syd nets
      '130.198.89.43/32',
      '130.198.89.45/32',
      '135.90.67.187/32',
      '135.90.70.75/32',
      '168.1.38.90/32',
      '168.1.38.92/32',
      // New IP Addresses added on 1/13/2023
      '135.90.92.246/32',
      '130.198.1.212/32',
      '135.90.89.221/32',
      // End new IP address list
      // CIDR Blocks added on 7/26/2023
      '130.198.83.0/27',
      '130.198.92.144/28',
      '135.90.82.32/27',
      '135.90.90.240/28',
      '168.1.31.192/27',
      '168.1.40.48/28',
      // End CIDR Blocks
    ],
  },
  privateServices: {
    registry: [...GLOBAL_REGISTRY_PRIVATE, ...AP_SOUTH_REGISTRY_PRIVATE],
    monitoringIngest: [
      // IBM Cloud Monitoring ingest: au-syd
      // Taken from: https://cloud.ibm.com/docs/monitoring?topic=monitoring-endpoints#endpoints_ingestion_private
      '166.9.52.27/32',
      '166.9.54.27/32',
      '166.9.56.32/32',
      '166.9.244.121/32',
      '166.9.244.153/32',
      '166.9.244.185/32',
    ],
    monitoringApi: [
      // IBM Cloud Monitoring API: au-syd
      // Taken from: https://cloud.ibm.com/docs/monitoring?topic=monitoring-endpoints#endpoints_rest_api
      '166.9.244.114/32',
      '166.9.244.144/32',
      '166.9.244.177/32',
      '166.9.244.121/32',
      '166.9.244.153/32',
      '166.9.244.185/32',
    ],
    logging: [...AU_SYD_LOGGING_PRIVATE, ...AU_SYD_LOGGING_PRIVATE_2023],
    loggingSyslogTcp: [
      // IBM Log Analysis with LogDNA: AU Syd nets
      '166.9.56.22/32',
      '166.9.52.8/32',
    ],
    loggingSyslogUdp: [
      // IBM Log Analysis with LogDNA: AU Syd nets
      '166.9.56.23/32',
      '166.9.52.9/32',
    ],
  },
  /** IBM lists the same addresses in another order in allow-private-services-pods.yaml. */
  privateServicesPodsOrder: {
    logging: [...AU_SYD_LOGGING_PRIVATE_2023, ...AU_SYD_LOGGING_PRIVATE],
  },
};
