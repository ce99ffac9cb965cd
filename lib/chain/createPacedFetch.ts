/** A `fetch` for viem's `http` transport (its `fetchFn`), with what it learned of the endpoint's rate. */
export type PacedFetch = ((input: string | URL | Request, init?: RequestInit) => Promise<Response>) & {
  /** JSON-RPC calls per window the endpoint allows, as given or learned from its first HTTP 429; undefined while unknown. */
  readonly limit: number | undefined
}

/** Parameters of {@link createPacedFetch}. */
export type CreatePacedFetchParameters = {
  /** Calls per window the endpoint allows, when known ahead; otherwise learned from its first HTTP 429. */
  limit?: number
  /** Milliseconds of the endpoint's sliding window (default 1000: "requests per second"). */
  window?: number
}

/** One request sent: when, how many calls it carried, when its answer came, whether it was refused. */
type Sent = { at: number; calls: number; answered?: number; refused: boolean }

/**
 * A `fetch` that sends JSON-RPC requests no faster than the endpoint allows, instead of bursting
 * into its rate limit and backing off: public endpoints cap calls per second (a batch counts each
 * call) and a refused call still costs a request and a wait. Until the endpoint first answers
 * HTTP 429 everything goes at once; that answer tells how many calls it admitted in the window
 * before, and from then on requests wait for room, in order. A request counts from when it is sent
 * until a window after its answer came (the endpoint saw it somewhere in between), so the time a
 * request takes to arrive never makes a paced one land in a full window. One per endpoint URL,
 * shared by every client of the tab (wagmi's and the readers'), so all of them spend one budget.
 * @example
 * http(url, { fetchFn: createPacedFetch(fetch) })
 */
export function createPacedFetch(
  fetchFn: (input: string | URL | Request, init?: RequestInit) => Promise<Response>,
  { limit: known, window = 1000 }: CreatePacedFetchParameters = {},
): PacedFetch {
  let limit = known
  // Requests that still count (in flight, or answered within the last window), oldest first.
  let sent: Sent[] = []
  let turn: Promise<unknown> = Promise.resolve()
  // Wakes a request waiting for room when an answer comes (an answer starts its request's last window).
  // One waker is enough: admissions run one at a time through `turn`, so at most one request waits.
  let answered: () => void = () => {}

  const counting = (now: number) => {
    sent = sent.filter((one) => !one.refused && (one.answered === undefined || now - one.answered < window))
    return sent.reduce((sum, one) => sum + one.calls, 0)
  }
  /** Waits, behind every request before it, until `calls` more fit in the window; then counts them as sent. */
  const admit = (calls: number): Promise<Sent> => {
    const mine = turn.then(async () => {
      for (;;) {
        const now = Date.now()
        const used = counting(now)
        // A request bigger than the whole budget still goes, alone in its window.
        if (limit === undefined || used + calls <= limit || used === 0) {
          const one: Sent = { at: now, calls, refused: false }
          sent.push(one)
          return one
        }
        // The earliest moment enough calls leave the window, if their answers are in; else the next answer.
        let free = used + calls - limit
        let until: number | undefined
        for (const one of [...sent].sort((a, b) => (a.answered ?? Infinity) - (b.answered ?? Infinity))) {
          if (one.answered === undefined) break
          until = one.answered + window
          if ((free -= one.calls) <= 0) break
        }
        await new Promise<void>((resolve) => {
          const timer = free <= 0 && until !== undefined ? setTimeout(resolve, Math.max(1, until - now)) : undefined
          answered = () => {
            clearTimeout(timer)
            resolve()
          }
        })
      }
    })
    turn = mine.catch(() => undefined)
    return mine
  }

  const paced = async (input: string | URL | Request, init?: RequestInit) => {
    const one = await admit(callsIn(init?.body))
    try {
      const response = await fetchFn(input, init)
      if (response.status === 429) {
        // What the endpoint admitted in the window before this one is its budget (at least one call).
        one.refused = true
        const admitted = sent
          .filter((other) => other !== one && !other.refused && other.at <= one.at && (other.answered ?? one.at) > one.at - window)
          .reduce((sum, other) => sum + other.calls, 0)
        limit = Math.max(1, Math.min(limit ?? Number.POSITIVE_INFINITY, admitted))
      }
      return response
    } finally {
      one.answered = Date.now()
      answered()
    }
  }
  return Object.defineProperty(paced, 'limit', { get: () => limit }) as PacedFetch
}

/** JSON-RPC calls in a request body: a batch counts each member, as endpoints count them. */
function callsIn(body: unknown): number {
  if (typeof body !== 'string' || !body.startsWith('[')) return 1
  try {
    const parsed: unknown = JSON.parse(body)
    return Array.isArray(parsed) ? Math.max(1, parsed.length) : 1
  } catch {
    return 1
  }
}
