/** One range read's place among the reads of its file: see {@link createReadTurns}. */
export type ReadTurn = {
  /** `undefined` when this read may go on now; else resolves when it may (a newer read had its head start). */
  blocked(): Promise<void> | undefined
  /** Counts bytes this read sent: its head start ends once it sent `headStartBytes`. */
  sent(bytes: number): void
  /** This read is over (ended, failed or cancelled): older reads go on. */
  end(): void
}

/** Parameters of {@link createReadTurns}. */
export type CreateReadTurnsParameters = {
  /** Bytes the newest read of a file sends before older reads of that file go on. */
  headStartBytes?: number
  /** Older reads go on after this long at most, whatever the newest one sent. */
  headStartMs?: number
}

/** What {@link createReadTurns} returns. */
export type ReadTurns = {
  /** Starts a read of the file named by `key` (e.g. `<infohash>/<index>`): it becomes the newest. */
  begin(key: string): ReadTurn
}

type Head = { release: () => void; released: Promise<void>; done: boolean }

/**
 * Gives the newest range read of a file a head start over the older ones. A player that seeks
 * opens a new range while the old one is still open (Chromium keeps it, and the service worker
 * keeps filling it ahead): the old read would keep pieces near the old position selected and
 * critical in the engine, ahead of the seek's target. Older reads wait until the newest sent its
 * first `headStartBytes` (enough for the frames at the target), ended, or `headStartMs` passed,
 * then go on: a player that comes back to an older range is never left waiting on it.
 *
 * @example
 * const turn = turns.begin(`${id}/${file}`)
 * await turn.blocked() // before each read of the engine
 * turn.sent(chunk.byteLength)
 * turn.end()
 */
export function createReadTurns({
  headStartBytes = 1024 * 1024,
  headStartMs = 1500,
}: CreateReadTurnsParameters = {}): ReadTurns {
  const newest = new Map<string, Head>()
  return {
    begin(key) {
      let release = () => {}
      const head: Head = {
        release: () => release(),
        released: new Promise<void>((resolve) => {
          const timer = setTimeout(() => release(), headStartMs)
          release = () => {
            clearTimeout(timer)
            head.done = true
            resolve()
          }
        }),
        done: false,
      }
      newest.set(key, head)
      let sent = 0
      return {
        blocked: () => {
          const latest = newest.get(key)
          return latest && latest !== head && !latest.done ? latest.released : undefined
        },
        sent: (bytes) => {
          sent += bytes
          if (sent >= headStartBytes) head.release()
        },
        end: () => {
          head.release()
          if (newest.get(key) === head) newest.delete(key)
        },
      }
    },
  }
}
