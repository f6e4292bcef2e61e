import { IbmRegionFacts } from '../region-facts';

/**
 * IBM Cloud region `eu-es` (control plane: eu-es: mad02, mad04, mad05).
 *
 * Facts from IBM-Cloud/kube-samples `calico-policies/{public,private}-network-isolation/eu-es/`
 * at commit 7057ed01e998; comments are IBM's.
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
  masterProxyNets: [
    '172.21.0.1/32',
  ],
  sysMgmtNets: [
    // Required nets for all clusters: dal01, dal10, wdc04
    '10.0.64.0/19',
    '10.200.80.0/20',
    '10.3.160.0/20',
    '10.201.0.0/20',
    // Required net for clusters in Europe: ams01
    '10.2.64.0/20',
    // Nets for EU Central zones
    '10.3.128.0/20', // ams03
    '10.3.80.0/20', // fra02
    '10.201.112.0/20', // fra04
    '10.201.128.0/20', // fra05
    '10.3.144.0/20', // mil01
    '10.2.144.0/20', // par01
    '10.200.96.0/20', // osl01
  ],
  publicServices: {
    registry: [
      // IBM Cloud Container Registry: Global registry
      '169.60.98.80/29',
      '169.62.37.240/29',
      '169.63.104.232/29',
      '169.47.153.160/28',
      '103.41.69.127/32',
      '103.41.69.114/32',
      '103.41.69.115/32',
      // IBM Cloud Container Registry: EU Central nets for your own registry
      '149.81.79.152/29',
      '161.156.93.16/29',
      '169.50.58.104/29',
      '103.41.70.147/32',
      '103.41.70.149/32',
      '103.41.70.150/32',
      '103.41.70.153/32',
      '103.41.70.154/32',
      '103.41.70.156/32',
    ],
    monitoring: [
      // IBM Cloud Monitoring with Sysdig: eu-de
      // Taken from: https://cloud.ibm.com/docs/monitoring?topic=monitoring-endpoints
      '149.81.77.78/32',
      '161.156.102.206/32',
      '159.122.102.38/32',
      // backup pools IBM Cloud Monitoring with Sysdig: EU Central nets
      '149.81.96.226/32',
      '149.81.96.229/32',
      '158.177.136.58/32',
      '158.177.136.59/32',
      '161.156.75.98/32',
      '161.156.75.99/32',
    ],
    logging: [
      // IBM Log Analysis with LogDNA: EU Central nets
      '149.81.86.66/32',
      '149.81.86.68/32',
      '158.177.129.34/32',
      '158.177.129.36/32',
      '161.156.89.11/32',
      '161.156.89.12/32',
      // New IP addresses added on 1/19/2023
      '158.177.133.235/32',
      '161.156.28.220/32',
      '149.81.169.206/32',
      // End new IP address list
    ],
  },
  privateServices: {
    registry: [
      // IBM Cloud Container Registry: Global (US East) registry subnets
      '166.9.251.49/32',
      '166.9.251.82/32',
      '166.9.251.113/32',
      // IBM Cloud Container Registry: EU Central registry subnets
      '166.9.248.76/32',
      '166.9.248.105/32',
      '166.9.248.136/32',
    ],
    monitoringIngest: [
      // IBM Cloud Monitoring ingest: eu-de
      // The eu-de IPs were put here to support services in the eu-es region which were available before Monitoring was deployed to eu-es
      // The eu-de IPs should be removed from the eu-es policies eventually
      // Taken from: https://cloud.ibm.com/docs/monitoring?topic=monitoring-endpoints#endpoints_ingestion_private
      '166.9.28.71/32',
      '166.9.30.53/32',
      '166.9.32.51/32',
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
      // IBM Log Analysis with LogDNA: eu-de
      // Taken from: https://cloud.ibm.com/docs/log-analysis?topic=log-analysis-endpoints
      '166.9.28.2/32',
      '166.9.28.3/32',
      '166.9.30.231/32',
      '166.9.30.238/32',
      '166.9.32.21/32',
      '166.9.32.7/32',
      // New IP addresses added on 1/20/2023
      '166.9.30.45/32',
      '166.9.28.159/32',
      '166.9.32.117/32',
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
    loggingSyslogTcp: [
      // IBM Log Analysis with LogDNA: EU DE nets
      '166.9.28.5/32',
      '166.9.32.23/32',
    ],
    loggingSyslogUdp: [
      // IBM Log Analysis with LogDNA: EU DE nets
      '166.9.28.7/32',
      '166.9.32.24/32',
    ],
  },
};
