import { IbmRegionFacts } from '../region-facts';

/**
 * IBM Cloud region `br-sao` (control plane: br-sao: sao01, sao04, sao05).
 *
 * Facts from IBM-Cloud/kube-samples `calico-policies/{public,private}-network-isolation/br-sao/`
 * at commit 7057ed01e998; comments are IBM's.
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
  masterProxyNets: [
    '172.21.0.1/32',
  ],
  sysMgmtNets: [
    // Required nets for all clusters: dal01, dal10, wdc04
    '10.0.64.0/19',
    '10.200.80.0/20',
    '10.3.160.0/20',
    '10.201.0.0/20',
    // Nets for São Paulo zones: sao01, sao04, sao05
    '10.200.0.0/20',
    '10.202.208.0/20',
    '10.202.240.0/20',
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
      // IBM Cloud Container Registry: US South, US East, and São Paulo nets for your own registry
      '163.107.68.16/29',
      '163.109.67.96/29',
      '169.57.158.16/29',
      '169.61.46.80/29',
      '169.61.135.160/29',
      '169.61.234.224/29',
      '103.41.69.118/32',
      '103.41.69.122/32',
      '103.41.69.124/32',
      '103.41.70.140/32',
      '103.41.70.138/32',
      '103.41.70.137/32',
      '103.41.70.148/32',
      '103.41.70.146/32',
      '103.41.70.145/32',
    ],
    monitoring: [
      // IBM Cloud Monitoring with Sysdig: br-sao
      // Taken from: https://cloud.ibm.com/docs/monitoring?topic=monitoring-endpoints
      '163.107.66.98/32',
      '163.109.67.242/32',
      '169.57.141.43/32',
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
      // IBM Log Analysis with LogDNA: US South nets
      '169.47.224.74/32',
      '169.47.224.77/32',
      '169.48.237.107/32',
      '169.48.237.109/32',
      '169.60.166.44/32',
      '169.60.166.45/32',
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
      // IBM Cloud Container Registry: Global (US East) registry subnets
      '166.9.251.49/32',
      '166.9.251.82/32',
      '166.9.251.113/32',
      // IBM Cloud Container Registry: US South and São Paulo subnets
      '166.9.250.214/32',
      '166.9.250.246/32',
      '166.9.251.21/32',
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
    loggingSyslogTcp: [
      // IBM Log Analysis with LogDNA: US South nets
      '166.9.12.15/32',
      '166.9.14.5/32',
      '166.9.16.14/32',
    ],
    loggingSyslogUdp: [
      // IBM Log Analysis with LogDNA: US South nets
      '166.9.12.16/32',
      '166.9.14.6/32',
      '166.9.16.15/32',
    ],
  },
};
