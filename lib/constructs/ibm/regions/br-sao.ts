import { IbmRegionFacts } from '../region-facts';
import {
  GLOBAL_REGISTRY_PRIVATE, GLOBAL_REGISTRY_PUBLIC, IKS_REQUIRED_SYS_MGMT_CIDRS, MASTER_PROXY_IP,
} from './shared/all-regions';
import {
  BR_SAO_MONITORING_PUBLIC, US_REGISTRY_PUBLIC_HOSTS_SAO_TOR_ORDER, US_REGISTRY_PUBLIC_SUBNETS,
  US_SOUTH_LOGGING_PUBLIC, US_SOUTH_REGISTRY_PRIVATE, US_SOUTH_SYSLOG_TCP_PRIVATE,
  US_SOUTH_SYSLOG_UDP_PRIVATE,
} from './shared/americas';

/**
 * IBM Cloud region `br-sao` (control plane: br-sao: sao01, sao04, sao05).
 *
 * Facts from IBM-Cloud/kube-samples `calico-policies/{public,private}-network-isolation/br-sao/`
 * at commit 7057ed01e998; comments are IBM's. Lists that IBM writes the same for several regions
 * are named constants from `shared/`.
 */
export const BR_SAO: IbmRegionFacts = {
  name: 'br-sao',
  publicControlPlaneNets: [
    // Control plane IP addresses for br-sao: sao01, sao04, sao05
    '104.94.220.129/32',
    '104.94.221.129/32',
    '104.94.222.137/32',
    '104.94.223.137/32',
    '104.96.176.129/32',
    '104.96.177.129/32',
    '104.96.178.131/32',
    '104.96.179.131/32',
    '104.96.180.128/32',
    '104.96.181.128/32',
    '163.107.65.74/32',
    '163.107.65.194/32',
    '163.107.65.202/32',
    '163.109.65.146/32',
    '163.109.65.154/32',
    '163.109.65.242/32',
    '169.57.159.130/32',
    '169.57.161.130/32',
    '169.57.254.50/32',
  ],
  privateControlPlaneNets: [
    // Control plane IP addresses for br-sao: sao01, sao04, sao05
    '166.9.82.3/32',
    '166.9.82.4/32',
    '166.9.82.6/32',
    '166.9.82.7/32',
    '166.9.82.8/32',
    '166.9.82.9/32',
    '166.9.83.3/32',
    '166.9.83.4/32',
    '166.9.83.6/32',
    '166.9.83.7/32',
    '166.9.83.8/32',
    '166.9.83.9/32',
    '166.9.84.3/32',
    '166.9.84.4/32',
    '166.9.84.6/32',
    '166.9.84.7/32',
    '166.9.84.8/32',
    '166.9.84.9/32',
    '166.9.246.74/32',
    '166.9.246.106/32',
    '166.9.246.132/32',
  ],
  masterProxyNets: [MASTER_PROXY_IP],
  sysMgmtNets: [
    ...IKS_REQUIRED_SYS_MGMT_CIDRS,
    // Nets for São Paulo zones: sao01, sao04, sao05
    '10.200.0.0/20',
    '10.202.208.0/20',
    '10.202.240.0/20',
  ],
  publicServices: {
    registry: [
      ...GLOBAL_REGISTRY_PUBLIC,
      // IBM Cloud Container Registry: US South, US East, and São Paulo nets for your own registry
      '163.107.68.16/29',
      '163.109.67.96/29',
      '169.57.158.16/29',
      ...US_REGISTRY_PUBLIC_SUBNETS,
      '103.41.69.118/32',
      '103.41.69.122/32',
      '103.41.69.124/32',
      ...US_REGISTRY_PUBLIC_HOSTS_SAO_TOR_ORDER,
    ],
    monitoring: [
      ...BR_SAO_MONITORING_PUBLIC,
      // IBM Cloud Monitoring with Sysdig: US South nets
      '169.46.0.70/32',
      '169.47.102.30/32',
      '169.47.227.243/32',
      '169.48.214.70/32',
      '169.60.151.174/32',
      '169.62.255.114/32',
      '169.62.255.116/32',
    ],
    logging: [
      ...US_SOUTH_LOGGING_PUBLIC,
      // New IP addresses added on 1/20/2023
      '163.107.67.3/32',
      '163.107.68.196/32',
      '163.109.68.98/32',
      // End new IP address list
      // CIDR Blocks added on 7/26/2023
      '163.107.65.208/28',
      '163.107.74.32/27',
      '163.109.67.224/28',
      '163.109.74.0/27',
      '169.57.178.32/27',
      '169.57.222.224/28',
      // End CIDR Blocks
    ],
  },
  privateServices: {
    registry: [
      ...GLOBAL_REGISTRY_PRIVATE,
      // IBM Cloud Container Registry: US South and São Paulo subnets
      ...US_SOUTH_REGISTRY_PRIVATE,
      '166.9.246.72/32',
      '166.9.246.104/32',
      '166.9.246.130/32',
    ],
    monitoringIngest: [
      // IBM Cloud Monitoring ingest: br-sao
      // Taken from: https://cloud.ibm.com/docs/monitoring?topic=monitoring-endpoints#endpoints_ingestion_private
      '166.9.82.19/32',
      '166.9.83.18/32',
      '166.9.84.19/32',
      '166.9.246.87/32',
      '166.9.246.120/32',
      '166.9.246.144/32',
    ],
    monitoringApi: [
      // IBM Cloud Monitoring API: br-sao
      // Taken from: https://cloud.ibm.com/docs/monitoring?topic=monitoring-endpoints#endpoints_rest_api
      '166.9.246.77/32',
      '166.9.246.108/32',
      '166.9.246.133/32',
      '166.9.246.87/32',
      '166.9.246.120/32',
      '166.9.246.144/32',
    ],
    logging: [
      // IBM Log Analysis with LogDNA: br-sao
      // Taken from: https://cloud.ibm.com/docs/log-analysis?topic=log-analysis-endpoints
      '166.9.82.23/32',
      '166.9.82.25/32',
      '166.9.83.24/32',
      '166.9.83.25/32',
      '166.9.84.25/32',
      '166.9.84.27/32',
      // New IPs added on 1/20/2023
      '166.9.83.12/32',
      '166.9.82.12/32',
      '166.9.84.12/32',
      // New IP addresses added on 10/19/2023
      '166.9.246.105/32',
      '166.9.246.156/32',
      '166.9.246.75/32',
      // End New IP list
    ],
    loggingSyslogTcp: [...US_SOUTH_SYSLOG_TCP_PRIVATE],
    loggingSyslogUdp: [...US_SOUTH_SYSLOG_UDP_PRIVATE],
  },
};
