import type { ChainHistoryParameters } from './chainHistory'

/**
 * The histories the harness uses. `empty` (the e2e journeys on a real-like chain): 20,000 empty blocks between the deployment and the tests'
 * own activity — a scan from the deployment costs ten 2,000-block calls. `filled` (the bench): the same span
 * holding 10,000 listings (a library creator's 100 with 2,000 sales, an agent creator's 10 with
 * 100 undelivered purchases) and 2,000 more purchases; its delivery window is a year so the
 * agent's backlog stays deliverable however old the cached history is.
 */
export const chainHistoryPresets = {
  empty: { blocks: 20_000 },
  filled: {
    blocks: 20_000,
    windows: { delivery: 365 * 24 * 60 * 60 },
    fill: {
      listings: 10_000,
      purchases: 2_000,
      library: { listings: 100, sales: 2_000 },
      agent: { listings: 10, purchases: 100 },
    },
  },
} as const satisfies Record<string, ChainHistoryParameters>
