/**
 * The Calico `order` values the intent constructs use, chosen so that intents compose
 * predictably. Calico evaluates the policies of a tier by ascending order (ties by name); the
 * first `Allow` or `Deny` that matches decides, and a packet that no policy of the tier allows is
 * dropped at the end of the tier if any policy of the tier selects the endpoint.
 *
 * The bands, first to last:
 *
 * | order  | who                                                                  |
 * |--------|----------------------------------------------------------------------|
 * | 300    | {@link OrderBands.DENY}: DenyCidr, in its own tier `netsec-deny`      |
 * | 1000   | {@link OrderBands.KUBERNETES}: every Kubernetes NetworkPolicy         |
 * | 1100   | {@link OrderBands.PRE_DNAT}: RestrictNodePorts (preDNAT tier)         |
 * | 1200   | {@link OrderBands.ALLOW}: Calico allow intents                       |
 * | 1500-1950 | IBM Cloud's default and isolation policies (not emitted here)     |
 * | 100000 | {@link OrderBands.DEFAULT_DENY}: DefaultDeny                          |
 *
 * Why: denies must be seen before any allow, so they live in a tier evaluated before the default
 * tier (with defaultAction Pass, so that what they do not deny goes on to the default tier).
 * Calico gives converted Kubernetes NetworkPolicies order 1000 (libcalico-go conversion), so
 * Calico allow intents at 1200 sit beside them (allows commute) and before IBM's defaults at
 * 1500-1950 and IBM's deny-all policies at 1850 and 99900. RestrictNodePorts follows IBM's
 * tutorial (`deny-nodeports`, order 1100; IBM asks for less than 1800 on gateway clusters).
 * DefaultDeny comes last: it only isolates (no rules), so its order has no effect on what others
 * allow, and last is where a reader expects it.
 */
export class OrderBands {
  /** DenyCidr policies, in the `netsec-deny` tier. */
  public static readonly DENY = 300;
  /** Where Calico puts converted Kubernetes NetworkPolicies (fixed by Calico; for reference). */
  public static readonly KUBERNETES = 1000;
  /** RestrictNodePorts (preDNAT; IBM tutorial value, below IBM's 1800 limit). */
  public static readonly PRE_DNAT = 1100;
  /** Calico allow intents: after denies, before IBM's defaults (1500-1950). */
  public static readonly ALLOW = 1200;
  /** DefaultDeny: last. */
  public static readonly DEFAULT_DENY = 100000;
  /** Order of the `netsec-deny` tier itself: before the default tier (which Calico orders last). */
  public static readonly DENY_TIER = 100;

  private constructor() {}
}
