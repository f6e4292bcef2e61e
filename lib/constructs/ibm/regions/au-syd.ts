import { IbmRegionFacts } from '../region-facts';

/**
 * IBM Cloud region `au-syd` (control plane: ap-south: syd01, syd04, syd05).
 *
 * Facts from IBM-Cloud/kube-samples `calico-policies/{public,private}-network-isolation/au-syd/`
 * at commit 7057ed01e998; comments are IBM's.
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
  masterProxyNets: [
    '172.21.0.1/32', // For clusters created <3 years ago
    '10.10.10.1/32', // For clusters created >3 years ago
  ],
  sysMgmtNets: [
    // Required nets for all clusters: dal01, dal10, wdc04
    '10.0.64.0/19',
    '10.200.80.0/20',
    '10.3.160.0/20',
    '10.201.0.0/20',
    // Nets for AP South zones
    '10.3.96.0/20', // syd01
    '10.201.16.0/20', // syd04
    '10.202.16.0/20', // syd05
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
      // IBM Cloud Container Registry: AP South nets for your own registry
      '168.1.1.240/29',
      '130.198.88.128/29',
      '135.90.66.48/29',
      '103.41.70.135/32',
      '103.41.70.139/32',
      '103.41.70.141/32',
      '103.41.70.142/32',
      '103.41.70.157/32',
      '103.41.70.158/32',
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
    registry: [
      // IBM Cloud Container Registry: Global (US East) registry subnets
      '166.9.251.49/32',
      '166.9.251.82/32',
      '166.9.251.113/32',
      // IBM Cloud Container Registry: AP South registry subnets
      '166.9.244.106/32',
      '166.9.244.136/32',
      '166.9.244.170/32',
    ],
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
    logging: [
      // IBM Log Analysis with LogDNA: au-syd
      // Taken from: https://cloud.ibm.com/docs/log-analysis?topic=log-analysis-endpoints
      '166.9.52.2/32',
      '166.9.52.5/32',
      '166.9.56.3/32',
      '166.9.56.20/32',
      // New IP addresses added on 1/20/2023
      '166.9.56.79/32',
      '166.9.52.82/32',
      '166.9.54.129/32',
      // New IP addresses added on 10/19/2023
      '166.9.244.111/32',
      '166.9.244.141/32',
      '166.9.244.175/32',
      // End new IP address list
    ],
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
    logging: [
      // IBM Log Analysis with LogDNA: au-syd
      // Taken from: https://cloud.ibm.com/docs/log-analysis?topic=log-analysis-endpoints
      // New IP addresses added on 1/19/2023
      '166.9.56.79/32',
      '166.9.52.82/32',
      '166.9.54.129/32',
      // New IP addresses added on 10/19/2023
      '166.9.244.111/32',
      '166.9.244.141/32',
      '166.9.244.175/32',
      // End new IP address list
      '166.9.52.2/32',
      '166.9.52.5/32',
      '166.9.56.3/32',
      '166.9.56.20/32',
    ],
  },
};
