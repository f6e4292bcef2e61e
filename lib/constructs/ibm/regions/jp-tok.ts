import { IbmRegionFacts } from '../region-facts';
import {
  GLOBAL_REGISTRY_PRIVATE, GLOBAL_REGISTRY_PUBLIC, IKS_REQUIRED_SYS_MGMT_CIDRS, MASTER_PROXY_IP,
  MASTER_PROXY_LEGACY_IP,
} from './shared/all-regions';
import {
  AP_NORTH_LOGGING_PUBLIC, AP_NORTH_REGISTRY_PRIVATE, AP_NORTH_SOUTH_REGISTRY_PUBLIC_HOSTS,
  AP_NORTH_SOUTH_REGISTRY_PUBLIC_SUBNETS, AP_SOUTH_REGISTRY_PRIVATE, JP_TOK_SYSLOG_TCP_PRIVATE,
  JP_TOK_SYSLOG_UDP_PRIVATE,
} from './shared/asia-pacific';

/**
 * IBM Cloud region `jp-tok` (control plane: ap-north: che01, sng01, tok02, tok04, tok05).
 *
 * Facts from IBM-Cloud/kube-samples `calico-policies/{public,private}-network-isolation/jp-tok/`
 * at commit 7057ed01e998; comments are IBM's. Lists that IBM writes the same for several regions
 * are named constants from `shared/`.
 */
export const JP_TOK: IbmRegionFacts = {
  name: 'jp-tok',
  publicControlPlaneNets: [
    // Control plane IP addresses for ap-north: che01, sng01, tok02, tok04, tok05
    '104.94.220.124/32',
    '104.94.221.124/32',
    '104.94.222.132/32',
    '104.94.223.132/32',
    '104.96.176.124/32',
    '104.96.177.124/32',
    '104.96.178.126/32',
    '104.96.179.126/32',
    '104.96.180.123/32',
    '104.96.181.123/32',
    '119.81.194.90/32',
    '119.81.222.210/32',
    '128.168.71.117/32',
    '128.168.75.194/32',
    '128.168.85.154/32',
    '128.168.106.194/32',
    '161.202.126.210/32',
    '161.202.154.10/32',
    '161.202.186.226/32',
    '165.192.69.69/32',
    '165.192.80.146/32',
    '165.192.83.202/32',
    '165.192.95.90/32',
    '169.38.68.178/32',
    '169.38.70.10/32',
    '169.38.79.170/32',
    '169.56.1.162/32',
    '169.56.48.114/32',
  ],
  privateControlPlaneNets: [
    // Control plane IP addresses for ap-north: che01, sng01, tok02, tok04, tok05
    '166.9.40.6/32',
    '166.9.40.7/32',
    '166.9.40.8/32',
    '166.9.40.21/32',
    '166.9.40.22/32',
    '166.9.40.38/32',
    '166.9.40.39/32',
    '166.9.40.88/32',
    '166.9.40.89/32',
    '166.9.40.102/32',
    '166.9.42.6/32',
    '166.9.42.23/32',
    '166.9.42.24/32',
    '166.9.42.28/32',
    '166.9.42.54/32',
    '166.9.42.55/32',
    '166.9.42.97/32',
    '166.9.42.98/32',
    '166.9.44.4/32',
    '166.9.44.15/32',
    '166.9.44.16/32',
    '166.9.44.46/32',
    '166.9.44.47/32',
    '166.9.44.88/32',
    '166.9.44.89/32',
    '166.9.60.2/32',
    '166.9.60.4/32',
    '166.9.249.106/32',
    '166.9.249.136/32',
    '166.9.249.170/32',
  ],
  masterProxyNets: [MASTER_PROXY_IP, MASTER_PROXY_LEGACY_IP],
  sysMgmtNets: [
    ...IKS_REQUIRED_SYS_MGMT_CIDRS,
    // Nets for AP North zones
    '10.200.16.0/20', // che01
    '10.2.160.0/20', // hkg02
    '10.200.64.0/20', // seo01
    '10.2.32.0/20', // sng01
    '10.3.64.0/20', // tok02
    '10.201.176.0/20', // tok04
    '10.201.192.0/20', // tok05
  ],
  publicServices: {
    registry: [
      ...GLOBAL_REGISTRY_PUBLIC,
      // IBM Cloud Container Registry: AP North, AP South nets for your own registry
      ...AP_NORTH_SOUTH_REGISTRY_PUBLIC_SUBNETS,
      ...AP_NORTH_SOUTH_REGISTRY_PUBLIC_HOSTS,
    ],
    monitoring: [
      // IBM Cloud Monitoring with Sysdig: jp-tok
      // Taken from: https://cloud.ibm.com/docs/monitoring?topic=monitoring-endpoints
      '165.192.84.14/32',
      '128.168.75.14/32',
      '169.56.51.238/32',
      // backup pools IBM Cloud Monitoring with Sysdig: AP North nets
      '128.168.91.236/32',
      '128.168.91.238/32',
      '161.202.93.250/32',
      '161.202.93.252/32',
      '165.192.69.125/32',
      '165.192.71.227/32',
      '169.38.128.166/32',
      '169.38.82.173/32',
      '169.56.80.178/32',
      '169.56.80.182/32',
    ],
    logging: [
      ...AP_NORTH_LOGGING_PUBLIC,
      // New IP addresses added on 1/19/2023
      '161.202.231.186/32',
      '128.168.96.179/32',
      '165.192.111.36/32',
      // End new IP address list
      // CIDR Blocks added on 7/26/2023
      '128.168.83.96/27',
      '128.168.95.64/28',
      '161.202.78.192/27',
      '161.202.78.80/28',
      '165.192.107.32/27',
      '165.192.97.208/28',
      // End CIDR Blocks
    ],
  },
  privateServices: {
    registry: [
      ...GLOBAL_REGISTRY_PRIVATE,
      // IBM Cloud Container Registry: AP North, AP South registry subnets
      ...AP_NORTH_REGISTRY_PRIVATE,
      ...AP_SOUTH_REGISTRY_PRIVATE,
    ],
    monitoringIngest: [
      // IBM Cloud Monitoring ingest: jp-tok
      // Taken from: https://cloud.ibm.com/docs/monitoring?topic=monitoring-endpoints#endpoints_ingestion_private
      '166.9.40.35/32',
      '166.9.42.48/32',
      '166.9.44.38/32',
      '166.9.212.4/32',
      '166.9.214.5/32',
      '166.9.216.14/32',
    ],
    monitoringApi: [
      // IBM Cloud Monitoring API: jp-tok
      // Taken from: https://cloud.ibm.com/docs/monitoring?topic=monitoring-endpoints#endpoints_rest_api
      '166.9.249.112/32',
      '166.9.249.141/32',
      '166.9.249.177/32',
      '166.9.212.4/32',
      '166.9.214.5/32',
      '166.9.216.14/32',
    ],
    logging: [
      // IBM Log Analysis with LogDNA: jp-tok
      // Taken from: https://cloud.ibm.com/docs/log-analysis?topic=log-analysis-endpoints
      '166.9.40.2/32',
      '166.9.40.3/32',
      '166.9.42.4/32',
      '166.9.46.5/32',
      '166.9.46.6/32',
      '166.9.60.6/32',
      '166.9.60.7/32',
      // New IP addresses added on 1/19/2023
      '166.9.40.13/32',
      '166.9.42.72/32',
      '166.9.44.76/32',
      // New IP addresses added on 10/19/2023
      '166.9.249.108/32',
      '166.9.249.137/32',
      '166.9.249.173/32',
      // End new IP address list
    ],
    loggingSyslogTcp: [...JP_TOK_SYSLOG_TCP_PRIVATE],
    loggingSyslogUdp: [...JP_TOK_SYSLOG_UDP_PRIVATE],
  },
};
