import { IbmRegionFacts } from '../region-facts';
import {
  GLOBAL_REGISTRY_PRIVATE, GLOBAL_REGISTRY_PUBLIC, IKS_REQUIRED_SYS_MGMT_CIDRS, MASTER_PROXY_IP,
  MASTER_PROXY_LEGACY_IP,
} from './shared/all-regions';
import { EUROPE_SYS_MGMT } from './shared/europe';

/**
 * IBM Cloud region `eu-gb` (control plane: uk-south: lon02, lon04, lon05, lon06).
 *
 * Facts from IBM-Cloud/kube-samples `calico-policies/{public,private}-network-isolation/eu-gb/`
 * at commit 7057ed01e998; comments are IBM's. Lists that IBM writes the same for several regions
 * are named constants from `shared/`.
 */
export const EU_GB: IbmRegionFacts = {
  name: 'eu-gb',
  publicControlPlaneNets: [
    // Control plane IP addresses for uk-south: lon02, lon04, lon05, lon06
    '104.94.220.126/32',
    '104.94.221.126/32',
    '104.94.222.134/32',
    '104.94.223.134/32',
    '104.96.176.126/32',
    '104.96.177.126/32',
    '104.96.178.128/32',
    '104.96.179.128/32',
    '104.96.180.125/32',
    '104.96.181.125/32',
    '141.125.66.26/32',
    '141.125.67.34/32',
    '141.125.77.58/32',
    '141.125.91.138/32',
    '141.125.102.106/32',
    '158.175.65.170/32',
    '158.175.77.178/32',
    '158.175.82.50/32',
    '158.175.111.42/32',
    '158.175.125.194/32',
    '158.175.139.130/32',
    '158.175.150.122/32',
    '158.176.71.242/32',
    '158.176.94.26/32',
    '158.176.95.146/32',
    '158.176.123.130/32',
    '158.176.135.242/32',
    '158.176.142.26/32',
    '158.176.149.154/32',
    '159.122.224.242/32',
    '159.122.242.78/32',
  ],
  privateControlPlaneNets: [
    // Control plane IP addresses for uk-south: lon02, lon04, lon05, lon06
    '166.9.34.5/32',
    '166.9.34.6/32',
    '166.9.34.16/32',
    '166.9.34.17/32',
    '166.9.34.41/32',
    '166.9.34.42/32',
    '166.9.34.45/32',
    '166.9.34.49/32',
    '166.9.34.50/32',
    '166.9.34.54/32',
    '166.9.34.76/32',
    '166.9.34.77/32',
    '166.9.36.10/32',
    '166.9.36.11/32',
    '166.9.36.22/32',
    '166.9.36.23/32',
    '166.9.36.30/32',
    '166.9.36.52/32',
    '166.9.36.53/32',
    '166.9.36.54/32',
    '166.9.36.64/32',
    '166.9.36.65/32',
    '166.9.36.95/32',
    '166.9.36.96/32',
    '166.9.38.6/32',
    '166.9.38.7/32',
    '166.9.38.17/32',
    '166.9.38.18/32',
    '166.9.38.28/32',
    '166.9.38.46/32',
    '166.9.38.47/32',
    '166.9.38.50/32',
    '166.9.38.53/32',
    '166.9.38.54/32',
    '166.9.38.75/32',
    '166.9.38.77/32',
    '166.9.244.12/32',
    '166.9.244.48/32',
    '166.9.244.75/32',
  ],
  masterProxyNets: [MASTER_PROXY_IP, MASTER_PROXY_LEGACY_IP],
  sysMgmtNets: [
    ...IKS_REQUIRED_SYS_MGMT_CIDRS,
    ...EUROPE_SYS_MGMT,
    // Nets for UK South zones
    '10.1.208.0/20', // lon02
    '10.201.32.0/20', // lon04
    '10.201.48.0/20', // lon05
    '10.201.64.0/20', // lon06
  ],
  publicServices: {
    registry: [
      ...GLOBAL_REGISTRY_PUBLIC,
      // IBM Cloud Container Registry: UK South nets for your own registry
      '141.125.71.136/29',
      '158.175.97.184/29',
      '158.176.105.64/29',
      '103.41.70.131/32',
      '103.41.70.133/32',
      '103.41.70.134/32',
    ],
    monitoring: [
      // IBM Cloud Monitoring with Sysdig: eu-gb
      // Taken from: https://cloud.ibm.com/docs/monitoring?topic=monitoring-endpoints
      '158.175.98.206/32',
      '141.125.73.118/32',
      '159.122.210.174/32',
      // backup pools IBM Cloud Monitoring with Sysdig: UK South nets
      '141.125.78.188/32',
      '141.125.78.211/32',
      '158.175.125.163/32',
      '158.175.82.235/32',
      '158.176.135.131/32',
      '158.176.85.107/32',
      '169.62.37.240/29',
    ],
    logging: [
      // IBM Log Analysis with LogDNA: EU GB nets
      '141.125.78.186/32',
      '141.125.78.213/32',
      '158.175.125.165/32',
      '158.175.82.238/32',
      '158.176.135.132/32',
      '158.176.135.133/32',
      // New IP addresses added on 1/19/2023
      '158.175.91.91/32',
      '141.125.86.131/32',
      '158.176.142.2/32',
      // End new IP address list
      // CIDR Blocks added on 7/26/2023
      '141.125.139.144/28',
      '141.125.139.160/27',
      '141.125.144.192/26',
      '158.175.167.48/28',
      '158.175.168.32/27',
      '158.176.67.64/26',
      '158.176.89.32/27',
      '161.156.205.0/26',
      // End CIDR Blocks
    ],
  },
  privateServices: {
    registry: [
      ...GLOBAL_REGISTRY_PRIVATE,
      // IBM Cloud Container Registry: UK South registry subnets
      '166.9.244.9/32',
      '166.9.244.45/32',
      '166.9.244.73/32',
    ],
    monitoringIngest: [
      // IBM Cloud Monitoring ingest: eu-gb
      // Taken from: https://cloud.ibm.com/docs/monitoring?topic=monitoring-endpoints#endpoints_ingestion_private
      '166.9.34.56/32',
      '166.9.36.71/32',
      '166.9.245.189/32',
      '166.9.245.221/32',
      '166.9.245.253/32',
    ],
    monitoringApi: [
      // IBM Cloud Monitoring API: eu-gb
      // Taken from: https://cloud.ibm.com/docs/monitoring?topic=monitoring-endpoints#endpoints_rest_api
      '166.9.244.29/32',
      '166.9.244.59/32',
      '166.9.245.189/32',
      '166.9.245.221/32',
      '166.9.245.253/32',
    ],
    logging: [
      // IBM Log Analysis with LogDNA: eu-gb
      // Taken from: https://cloud.ibm.com/docs/log-analysis?topic=log-analysis-endpoints
      '166.9.34.2/32',
      '166.9.34.4/32',
      '166.9.36.2/32',
      '166.9.36.3/32',
      '166.9.38.4/32',
      '166.9.38.5/32',
      // New IPs added on 1/20/2023
      '166.9.36.105/32',
      '166.9.34.79/32',
      '166.9.38.84/32',
      // New IP addresses added on 10/19/2023
      '166.9.244.22/32',
      '166.9.244.53/32',
      '166.9.244.85/32',
      // End New IP list
    ],
    loggingSyslogTcp: [
      // IBM Log Analysis with LogDNA: EU GB nets
      '166.9.34.18/32',
      '166.9.36.5/32',
      '166.9.38.20/32',
    ],
    loggingSyslogUdp: [
      // IBM Log Analysis with LogDNA: EU GB nets
      '166.9.34.19/32',
      '166.9.36.6/32',
      '166.9.38.21/32',
    ],
  },
};
