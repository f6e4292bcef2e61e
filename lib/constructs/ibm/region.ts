import { quote } from '../../model/quote';
import { IbmRegionFacts } from './region-facts';
import { IBM_REGION_FACTS } from './regions';

/**
 * An IBM Cloud region that IBM publishes network isolation policies for.
 *
 * Use the constants (`IbmRegion.US_SOUTH`) or `IbmRegion.of('us-south')`. An unknown name is
 * accepted here and reported by the construct that uses it, with the construct path and the list
 * of known regions.
 */
export class IbmRegion {
  /** Sydney (ap-south). */
  public static readonly AU_SYD = new IbmRegion('au-syd');
  /** Sao Paulo. */
  public static readonly BR_SAO = new IbmRegion('br-sao');
  /** Toronto. */
  public static readonly CA_TOR = new IbmRegion('ca-tor');
  /** Frankfurt (eu-central). */
  public static readonly EU_DE = new IbmRegion('eu-de');
  /** Madrid. */
  public static readonly EU_ES = new IbmRegion('eu-es');
  /** London (uk-south). */
  public static readonly EU_GB = new IbmRegion('eu-gb');
  /** Osaka. */
  public static readonly JP_OSA = new IbmRegion('jp-osa');
  /** Tokyo (ap-north). */
  public static readonly JP_TOK = new IbmRegion('jp-tok');
  /** Washington DC. */
  public static readonly US_EAST = new IbmRegion('us-east');
  /** Dallas. */
  public static readonly US_SOUTH = new IbmRegion('us-south');

  /** A region by name, e.g. `us-south`. */
  public static of(name: string): IbmRegion {
    return new IbmRegion(name);
  }

  /** Every known region, in name order. */
  public static all(): IbmRegion[] {
    return IBM_REGION_FACTS.map(f => new IbmRegion(f.name));
  }

  /** The region's facts, or undefined when the name is not a known region. */
  public static tryFacts(region: IbmRegion): IbmRegionFacts | undefined {
    return IBM_REGION_FACTS.find(f => f.name === region.name);
  }

  private constructor(
    /** The region name as given. */
    public readonly name: string,
  ) {}
}

/**
 * The facts of a region; throws naming the construct path, what was given and the allowed names
 * when it is not a known region (also when JavaScript passes a plain name instead of an IbmRegion).
 */
export function requireRegionFacts(path: string, field: string, region: IbmRegion): IbmRegionFacts {
  const allowed = IBM_REGION_FACTS.map(f => f.name).join(', ');
  const given: unknown = region;
  if (typeof given !== 'object' || given === null || typeof (given as { name?: unknown }).name !== 'string') {
    const use = typeof given === 'string' ? `IbmRegion.of(${quote(given)})` : 'IbmRegion.of(<name>) or a constant like IbmRegion.US_SOUTH';
    throw new Error(`${path}: ${field}: expected an IbmRegion, got ${quote(given)}; allowed: ${use} (regions: ${allowed})`);
  }
  const facts = IbmRegion.tryFacts(region);
  if (!facts) throw new Error(`${path}: ${field}: unknown IBM Cloud region ${quote(region.name)}; allowed: ${allowed}`);
  return facts;
}
