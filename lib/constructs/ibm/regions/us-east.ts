import { IbmRegionFacts } from '../region-facts';
import {
  GLOBAL_REGISTRY_PRIVATE, GLOBAL_REGISTRY_PUBLIC, IKS_REQUIRED_SYS_MGMT_CIDRS, MASTER_PROXY_IP,
  MASTER_PROXY_LEGACY_IP,
} from './shared/all-regions';
import {
  CA_TOR_MONITORING_PUBLIC, US_EAST_LOGGING_PUBLIC, US_EAST_SYSLOG_TCP_PRIVATE, US_EAST_SYSLOG_UDP_PRIVATE,
  US_REGISTRY_PUBLIC_HOSTS, US_REGISTRY_PUBLIC_SUBNETS, US_SOUTH_REGISTRY_PRIVATE,
} from './shared/americas';

/**
 * IBM Cloud region `us-east` (control plane: us-east: mon01, tor01, wdc04, wdc06, wdc07).
 *
 * Facts from IBM-Cloud/kube-samples `calico-policies/{public,private}-network-isolation/us-east/`
 * at commit 7057ed01e998; comments are IBM's. Lists that IBM writes the same for several regions
 * are named constants from `shared/`.
 */
export const US_EAST: IbmRegionFacts = {
  name: 'us-east',
  publicControlPlaneNets: [
    // Control plane IP addresses for us-east: mon01, tor01, wdc04, wdc06, wdc07
    '52.117.88.42/32',
    '104.94.220.128/32',
    '104.94.221.128/32',
    '104.94.222.136/32',
    '104.94.223.136/32',
    '104.96.176.128/32',
    '104.96.177.128/32',
    '104.96.178.130/32',
    '104.96.179.130/32',
    '104.96.180.127/32',
    '104.96.181.127/32',
    '158.85.97.34/32',
    '169.47.162.130/32',
    '169.47.174.106/32',
    '169.53.167.50/32',
    '169.53.171.210/32',
    '169.54.80.106/32',
    '169.54.94.26/32',
    '169.54.126.219/32',
    '169.60.73.142/32',
    '169.60.92.50/32',
    '169.60.92.66/32',
    '169.60.100.242/32',
    '169.60.101.42/32',
    '169.61.74.210/32',
    '169.61.83.62/32',
    '169.61.109.34/32',
    '169.61.110.66/32',
    '169.62.9.250/32',
    '169.62.10.2/32',
    '169.62.10.162/32',
    '169.63.75.82/32',
    '169.63.88.178/32',
    '169.63.88.186/32',
    '169.63.94.210/32',
    '169.63.106.50/32',
    '169.63.111.82/32',
    '169.63.149.122/32',
    '169.63.158.82/32',
    '169.63.160.130/32',
  ],
  privateControlPlaneNets: [
    // Control plane IP addresses for us-east: mon01, tor01, wdc04, wdc06, wdc07
    '166.9.20.11/32',
    '166.9.20.12/32',
    '166.9.20.13/32',
    '166.9.20.37/32',
    '166.9.20.38/32',
    '166.9.20.42/32',
    '166.9.20.63/32',
    '166.9.20.79/32',
    '166.9.20.80/32',
    '166.9.20.116/32',
    '166.9.20.117/32',
    '166.9.20.118/32',
    '166.9.20.187/32',
    '166.9.20.188/32',
    '166.9.22.8/32',
    '166.9.22.9/32',
    '166.9.22.10/32',
    '166.9.22.25/32',
    '166.9.22.26/32',
    '166.9.22.42/32',
    '166.9.22.43/32',
    '166.9.22.51/32',
    '166.9.22.52/32',
    '166.9.22.54/32',
    '166.9.22.55/32',
    '166.9.22.109/32',
    '166.9.22.110/32',
    '166.9.22.215/32',
    '166.9.22.216/32',
    '166.9.24.4/32',
    '166.9.24.5/32',
    '166.9.24.18/32',
    '166.9.24.19/32',
    '166.9.24.22/32',
    '166.9.24.35/32',
    '166.9.24.36/32',
    '166.9.24.44/32',
    '166.9.24.45/32',
    '166.9.24.46/32',
    '166.9.24.47/32',
    '166.9.24.90/32',
    '166.9.24.91/32',
    '166.9.24.198/32',
    '166.9.24.199/32',
    '166.9.68.34/32',
    '166.9.68.47/32',
    '166.9.68.134/32',
    '166.9.68.135/32',
    '166.9.231.217/32',
    '166.9.232.15/32',
    '166.9.251.118/32',
  ],
  masterProxyNets: [MASTER_PROXY_IP, MASTER_PROXY_LEGACY_IP],
  sysMgmtNets: [
    ...IKS_REQUIRED_SYS_MGMT_CIDRS,
    // Nets for US East zones
    '10.3.112.0/20', // mon01
    '10.2.48.0/20', // tor01
    '10.200.160.0/20', // wdc06
    '10.200.176.0/20', // wdc07
  ],
  publicServices: {
    registry: [
      ...GLOBAL_REGISTRY_PUBLIC,
      // IBM Cloud Container Registry: US South & US East nets for your own registry
      ...US_REGISTRY_PUBLIC_SUBNETS,
      ...US_REGISTRY_PUBLIC_HOSTS,
    ],
    monitoring: [
      // IBM Cloud Monitoring with Sysdig: us-east
      // Taken from: https://cloud.ibm.com/docs/monitoring?topic=monitoring-endpoints
      '169.60.112.74/32',
      '169.55.109.114/32',
      '169.62.3.82/32',
      // backup pools IBM Cloud Monitoring with Sysdig: US East nets
      '169.47.136.237/32',
      '169.47.35.174/32',
      '169.61.109.59/32',
      '169.61.65.234/32',
      '169.63.158.254/32',
      '169.63.163.50/32',
      ...CA_TOR_MONITORING_PUBLIC,
    ],
    logging: [
      ...US_EAST_LOGGING_PUBLIC,
      // New IP addresses added on 1/19/2023
      '169.47.134.86/32',
      '169.60.72.62/32',
      '169.61.107.10/32',
      // End new IP address list
      // CIDR Blocks added on 7/26/2023
      '52.117.100.16/28',
      '52.117.81.128/26',
      '150.239.98.0/26',
      '169.47.188.0/27',
      '169.47.54.16/28',
      '169.59.154.128/26',
      '169.60.120.32/27',
      '169.60.83.144/28',
      '169.62.40.192/27',
      // End CIDR Blocks
    ],
  },
  privateServices: {
    registry: [...GLOBAL_REGISTRY_PRIVATE, ...US_SOUTH_REGISTRY_PRIVATE],
    monitoringIngest: [
      // IBM Cloud Monitoring ingest: us-east
      // Taken from: https://cloud.ibm.com/docs/monitoring?topic=monitoring-endpoints#endpoints_ingestion_private
      '166.9.20.53/32',
      '166.9.22.50/32',
      '166.9.24.43/32',
      '166.9.231.19/32',
      '166.9.232.40/32',
      '166.9.233.36/32',
    ],
    monitoringApi: [
      // IBM Cloud Monitoring API: us-east
      // Taken from: https://cloud.ibm.com/docs/monitoring?topic=monitoring-endpoints#endpoints_rest_api
      '166.9.231.240/32',
      '166.9.232.28/32',
      '166.9.233.17/32',
      '166.9.231.19/32',
      '166.9.232.40/32',
      '166.9.233.36/32',
    ],
    logging: [
      // IBM Log Analysis with LogDNA: us-east
      // Taken from: https://cloud.ibm.com/docs/log-analysis?topic=log-analysis-endpoints
      '166.9.20.72/32',
      '166.9.20.73/32',
      '166.9.22.35/32',
      '166.9.22.36/32',
      // New IP addresses added on 1/19/2023
      '166.9.24.171/32',
      '166.9.22.194/32',
      '166.9.68.157/32',
      // New IP addresses added on 10/19/2023
      '166.9.231.235/32',
      '166.9.232.23/32',
      '166.9.233.10/32',
      // End new IP address list
    ],
    loggingSyslogTcp: [...US_EAST_SYSLOG_TCP_PRIVATE],
    loggingSyslogUdp: [...US_EAST_SYSLOG_UDP_PRIVATE],
  },
};
