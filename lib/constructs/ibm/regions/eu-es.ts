import { IbmRegionFacts } from '../region-facts';
import {
  GLOBAL_REGISTRY_PRIVATE, GLOBAL_REGISTRY_PUBLIC, IKS_REQUIRED_SYS_MGMT_CIDRS, MASTER_PROXY_IP,
} from './shared/all-regions';
import {
  EUROPE_SYS_MGMT, EU_CENTRAL_LOGGING_PUBLIC, EU_CENTRAL_REGISTRY_PRIVATE, EU_CENTRAL_REGISTRY_PUBLIC,
  EU_CENTRAL_SYS_MGMT, EU_DE_LOGGING_PRIVATE, EU_DE_MONITORING_INGEST_PRIVATE, EU_DE_MONITORING_PUBLIC,
  EU_DE_SYSLOG_TCP_PRIVATE, EU_DE_SYSLOG_UDP_PRIVATE,
} from './shared/europe';

/**
 * IBM Cloud region `eu-es` (control plane: eu-es: mad02, mad04, mad05).
 *
 * Facts from IBM-Cloud/kube-samples `calico-policies/{public,private}-network-isolation/eu-es/`
 * at commit 7057ed01e998; comments are IBM's. Lists that IBM writes the same for several regions
 * are named constants from `shared/`.
 */
export const EU_ES: IbmRegionFacts = {
  name: 'eu-es',
  publicControlPlaneNets: [
    // Control plane IP addresses for eu-es: mad02, mad04, mad05
    '2.18.48.89/32',
    '2.18.49.89/32',
    '2.18.50.89/32',
    '2.18.51.89/32',
    '2.18.52.89/32',
    '2.18.53.89/32',
    '2.18.54.89/32',
    '2.18.55.89/32',
    '13.120.65.98/32',
    '13.120.127.26/32',
    '13.120.127.250/32',
    '13.121.64.26/32',
    '13.121.64.178/32',
    '13.121.64.186/32',
    '13.122.64.138/32',
    '13.122.65.10/32',
    '13.122.65.34/32',
    '23.7.244.89/32',
    '23.40.100.89/32',
  ],
  privateControlPlaneNets: [
    // Control plane IP addresses for eu-es: mad02, mad04, mad05
    '166.9.28.61/32',
    '166.9.28.62/32',
    '166.9.30.94/32',
    '166.9.30.105/32',
    '166.9.32.31/32',
    '166.9.32.83/32',
    '166.9.94.4/32',
    '166.9.94.5/32',
    '166.9.94.6/32',
    '166.9.94.7/32',
    '166.9.94.54/32',
    '166.9.94.55/32',
    '166.9.95.4/32',
    '166.9.95.5/32',
    '166.9.95.6/32',
    '166.9.95.7/32',
    '166.9.95.54/32',
    '166.9.95.55/32',
    '166.9.96.4/32',
    '166.9.96.5/32',
    '166.9.96.6/32',
    '166.9.96.7/32',
    '166.9.96.53/32',
    '166.9.96.54/32',
    '166.9.225.3/32',
    '166.9.226.2/32',
    '166.9.227.2/32',
  ],
  masterProxyNets: [MASTER_PROXY_IP],
  sysMgmtNets: [...IKS_REQUIRED_SYS_MGMT_CIDRS, ...EUROPE_SYS_MGMT, ...EU_CENTRAL_SYS_MGMT],
  publicServices: {
    registry: [...GLOBAL_REGISTRY_PUBLIC, ...EU_CENTRAL_REGISTRY_PUBLIC],
    monitoring: [...EU_DE_MONITORING_PUBLIC],
    logging: [...EU_CENTRAL_LOGGING_PUBLIC],
  },
  privateServices: {
    registry: [...GLOBAL_REGISTRY_PRIVATE, ...EU_CENTRAL_REGISTRY_PRIVATE],
    monitoringIngest: [
      ...EU_DE_MONITORING_INGEST_PRIVATE,
      // IBM Cloud Monitoring ingest: eu-es
      '166.9.94.31/32',
      '166.9.95.31/32',
      '166.9.96.31/32',
      '166.9.226.56/32',
      '166.9.227.143/32',
      '166.9.225.35/32',
    ],
    monitoringApi: [
      // IBM Cloud Monitoring API: eu-es
      // Taken from: https://cloud.ibm.com/docs/monitoring?topic=monitoring-endpoints#endpoints_rest_api
      '166.9.226.17/32',
      '166.9.227.16/32',
      '166.9.225.16/32',
      '166.9.226.56/32',
      '166.9.227.143/32',
      '166.9.225.35/32',
    ],
    logging: [
      ...EU_DE_LOGGING_PRIVATE,
      // IPs for eu-es
      '166.9.94.33/32',
      '166.9.95.35/32',
      '166.9.96.34/32',
      // New IP addresses added on 10/19/2023
      '166.9.225.13/32',
      '166.9.226.14/32',
      '166.9.227.13/32',
      // End new IP address list
    ],
    loggingSyslogTcp: [...EU_DE_SYSLOG_TCP_PRIVATE],
    loggingSyslogUdp: [...EU_DE_SYSLOG_UDP_PRIVATE],
  },
};
