/** What setup made and every scenario builds its requests and floors from (sent to the driver as JSON). */
export interface Actor {
  userId: string;
  memberId: string;
  /** Display name, as audit entries record it. */
  label: string;
  token: string;
  tokenHash: string;
}

export interface OrgWorld {
  slug: string;
  id: string;
  members: number;
  teams: number;
  owner: Actor;
  manager: Actor;
  /** The id of the member 75% of the way down the list: a deep page's cursor continues after it. */
  deepAfterId: string;
}

export interface World {
  /** Unique per run, so that invite emails never collide with an earlier run's. */
  runId: string;
  /** The 10,000-member organization, with its member ids in list order. */
  org: OrgWorld & { memberIds: string[]; maxSeedMemberTeamId: string };
  /** The 1,000,000-member organization (smaller with --quick), list scenarios only. */
  large: OrgWorld;
}

/**
 * Which members each write scenario touches (positions in `org.memberIds`): Roster's HTTP run, the
 * floors and the peers (bench/peers/) get disjoint ranges, so none changes what another expects.
 * Positions 0 and 1 are the owner and the manager. (better-auth's organization is its own, and uses
 * the peer range there too.)
 */
export const RANGES = {
  roleChange: { http: [2, 1202], floor: [1202, 2402], peer: [2402, 3202] },
  teamAssignment: { http: [3202, 4802], floor: [4802, 6402] },
  addToTeam: { http: [6402, 7602], floor: [7602, 8802], peer: [8802, 10_000] },
} as const;

export type RangeName = keyof typeof RANGES;

/** Who a request rotation is for: Roster's own run, or a peer (only role change and add-to-team have a peer range). */
export type RangeUser = 'http' | 'peer';
