import { IbmRegionFacts } from '../region-facts';

/**
 * IBM Cloud region `ca-tor` (control plane: ca-tor: tor01, tor04, tor05).
 *
 * Facts from IBM-Cloud/kube-samples `calico-policies/{public,private}-network-isolation/ca-tor/`
 * at commit 7057ed01e998; comments are IBM's.
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
  masterProxyNets: [
    '172.21.0.1/32',
  ],
  sysMgmtNets: [
    // Required nets for all clusters: dal01, dal10, wdc04
    '10.0.64.0/19',
    '10.200.80.0/20',
    '10.3.160.0/20',
    '10.201.0.0/20',
    // Nets for Toronto zones
    '10.2.48.0/20', // tor01
    '10.202.176.0/20', // tor04
    '10.202.192.0/20', // tor05
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
      // IBM Cloud Container Registry: US South, US East, Toronto nets for your own registry
      '158.85.100.0/29',
      '163.74.65.192/29',
      '163.75.66.88/29',
      '169.61.46.80/29',
      '169.61.135.160/29',
      '169.61.234.224/29',
      '103.41.69.117/32',
      '103.41.69.121/32',
      '103.41.69.126/32',
      '103.41.70.140/32',
      '103.41.70.138/32',
      '103.41.70.137/32',
      '103.41.70.148/32',
      '103.41.70.146/32',
      '103.41.70.145/32',
    ],
    monitoring: [
      // IBM Cloud Monitoring with Sysdig: ca-tor
      // Taken from: https://cloud.ibm.com/docs/monitoring?topic=monitoring-endpoints
      '163.74.69.186/32',
      '158.85.94.130/32',
      '163.75.65.237/32',
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
      // IBM Log Analysis with LogDNA: US East nets
      '169.47.43.67/32',
      '169.47.52.83/32',
      '169.60.95.75/32',
      '169.61.65.235/32',
      '169.62.55.212/32',
      '169.63.163.51/32',
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
      // IBM Cloud Container Registry: Global (US East) registry subnets
      '166.9.251.49/32',
      '166.9.251.82/32',
      '166.9.251.113/32',
      // IBM Cloud Container Registry: US South, Toronto subnets
      '166.9.250.214/32',
      '166.9.250.246/32',
      '166.9.251.21/32',
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
    loggingSyslogTcp: [
      // IBM Log Analysis with LogDNA: US East nets
      '166.9.20.76/32',
      '166.9.22.38/32',
    ],
    loggingSyslogUdp: [
      // IBM Log Analysis with LogDNA: US East nets
      '166.9.20.77/32',
      '166.9.22.39/32',
    ],
  },
};
