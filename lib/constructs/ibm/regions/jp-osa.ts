import { IbmRegionFacts } from '../region-facts';

/**
 * IBM Cloud region `jp-osa` (control plane: jp-osa: osa21, osa22, osa23).
 *
 * Facts from IBM-Cloud/kube-samples `calico-policies/{public,private}-network-isolation/jp-osa/`
 * at commit 7057ed01e998; comments are IBM's.
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
  masterProxyNets: [
    '172.21.0.1/32',
  ],
  sysMgmtNets: [
    // Required nets for all clusters: dal01, dal10, wdc04
    '10.0.64.0/19',
    '10.200.80.0/20',
    '10.3.160.0/20',
    '10.201.0.0/20',
    // Nets for Osaka zones
    '10.202.112.0/20', // osa21
    '10.202.144.0/20', // osa22
    '10.202.160.0/20', // osa23
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
      // IBM Cloud Container Registry: AP North, Osaka, AP South nets for your own registry
      '163.68.67.32/28',
      '163.69.67.0/28',
      '163.73.67.64/28',
      '128.168.71.64/29',
      '161.202.146.80/29',
      '165.192.71.216/29',
      '130.198.88.128/29',
      '135.90.66.48/29',
      '168.1.1.240/29',
      '103.41.69.116/32',
      '103.41.69.120/32',
      '103.41.70.159/32',
      '103.41.70.143/32',
      '103.41.70.151/32',
      '103.41.70.155/32',
      '103.41.70.135/32',
      '103.41.70.139/32',
      '103.41.70.141/32',
      '103.41.70.142/32',
      '103.41.70.157/32',
      '103.41.70.158/32',
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
      // IBM Log Analysis with LogDNA: AP North nets
      '128.168.70.51/32',
      '128.168.70.53/32',
      '161.202.67.2/32',
      '161.202.93.253/32',
      '165.192.69.122/32',
      '165.192.71.226/32',
      '169.38.128.164/32',
      '169.38.82.170/32',
      '169.56.70.102/32',
      '169.56.70.98/32',
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
      // IBM Cloud Container Registry: Global (US East) registry subnets
      '166.9.251.82/32',
      '166.9.251.49/32',
      '166.9.251.113/32',
      // IBM Cloud Container Registry: Osaka, AP North, AP South registry subnets
      '166.9.247.39/32',
      '166.9.247.73/32',
      '166.9.247.105/32',
      '166.9.249.104/32',
      '166.9.249.157/32',
      '166.9.249.168/32',
      '166.9.244.106/32',
      '166.9.244.136/32',
      '166.9.244.170/32',
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
    loggingSyslogTcp: [
      // IBM Log Analysis with LogDNA: JP Tok nets
      '166.9.40.23/32',
      '166.9.42.26/32',
      '166.9.46.8/32',
      '166.9.60.9/32',
    ],
    loggingSyslogUdp: [
      // IBM Log Analysis with LogDNA: JP Tok nets
      '166.9.40.24/32',
      '166.9.42.27/32',
      '166.9.46.9/32',
      '166.9.60.10/32',
    ],
  },
  /** IBM lists the same addresses in another order in allow-private-services-pods.yaml. */
  privateServicesPodsOrder: {
    registry: [
      // IBM Cloud Container Registry: Global (US East) registry subnets
      '166.9.251.49/32',
      '166.9.251.82/32',
      '166.9.251.113/32',
      // IBM Cloud Container Registry: Osaka, AP North, AP South registry subnets
      '166.9.247.39/32',
      '166.9.247.73/32',
      '166.9.247.105/32',
      '166.9.249.104/32',
      '166.9.249.157/32',
      '166.9.249.168/32',
      '166.9.244.106/32',
      '166.9.244.136/32',
      '166.9.244.170/32',
    ],
  },
};
