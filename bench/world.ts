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
 * Which members each write scenario touches (positions in `org.memberIds`): the HTTP run and the floors
 * get disjoint ranges, so neither changes what the other expects. Positions 0 and 1 are the owner
 * and the manager.
 */
export const RANGES = {
  roleChange: { http: [2, 1602], floor: [1602, 3202] },
  teamAssignment: { http: [3202, 4802], floor: [4802, 6402] },
  addToTeam: { http: [6402, 8002], floor: [8002, 9602] },
} as const;

export type RangeName = keyof typeof RANGES;
