import { IbmRegionFacts } from '../region-facts';
import { AU_SYD } from './au-syd';
import { BR_SAO } from './br-sao';
import { CA_TOR } from './ca-tor';
import { EU_DE } from './eu-de';
import { EU_ES } from './eu-es';
import { EU_GB } from './eu-gb';
import { JP_OSA } from './jp-osa';
import { JP_TOK } from './jp-tok';
import { US_EAST } from './us-east';
import { US_SOUTH } from './us-south';

/** The facts of every region IBM publishes isolation policies for, in name order. */
export const IBM_REGION_FACTS: readonly IbmRegionFacts[] = [
  AU_SYD, BR_SAO, CA_TOR, EU_DE, EU_ES, EU_GB, JP_OSA, JP_TOK, US_EAST, US_SOUTH,
];
