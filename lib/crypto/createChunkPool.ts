import { CryptoError } from './errors'

/** AES-GCM over consecutive pieces of `data`, each with its own nonce: one batch of chunks. */
export type ChunkJob = {
  mode: 'encrypt' | 'decrypt'
  key: CryptoKey
  /** Authenticated with every piece (the file's header). */
  additionalData: Uint8Array
  /** 12 bytes per piece, in order. */
  nonces: Uint8Array
  /** The pieces, back to back. Copied: the caller keeps it. */
  data: Uint8Array
  /** Length of each piece in `data`. */
  lengths: readonly number[]
}

/** What a job gave: one output per piece, or the first piece WebCrypto refused and why. */
export type ChunkJobResult = { outputs: ArrayBuffer[] } | { piece: number; cause: Error }

/** Dedicated workers running {@link ChunkJob}s in parallel; see {@link createChunkPool}. */
export type ChunkPool = {
  /** Runs a job on the least busy worker, starting workers as needed. */
  run(job: ChunkJob): Promise<ChunkJobResult>
  /** Workers running now (0 before the first job and after an idle stop). */
  readonly workers: number
  /** True once a worker failed before it ever answered (a policy forbids them...): run jobs elsewhere. */
  readonly unavailable: boolean
  /** Stops every worker now; pending jobs reject. A later `run` starts workers again. */
  terminate(): void
}

/** Parameters of {@link createChunkPool}. */
export type CreateChunkPoolParameters = {
  /** Most workers at once. */
  size: number
  /** Workers stop after this long without a job, so an idle tab holds no threads or buffers. */
  idleMs?: number
}

type Pending = { resolve: (result: ChunkJobResult) => void; reject: (error: Error) => void }
type Member = { worker: Worker; pending: Map<number, Pending>; answered: boolean }
type Reply = { id: number; buffer: ArrayBuffer } & (
  { outputs: ArrayBuffer[] } | { piece: number; error: { name: string; message: string } }
)

/**
 * A pool of AES-GCM workers. The main thread only copies each batch into a buffer it transfers
 * to a worker and gets back (measured: copying into fresh buffers instead, page faults and all,
 * cost the main thread as much as the encryption); the outputs come back transferred, not copied.
 * @param startWorker starts one worker ({@link startChunkWorker}).
 */
export function createChunkPool(
  startWorker: () => Worker,
  { size, idleMs = 10_000 }: CreateChunkPoolParameters,
): ChunkPool {
  let members: Member[] = []
  let free: ArrayBuffer[] = []
  let nextId = 0
  let idle: ReturnType<typeof setTimeout> | undefined
  let unavailable = false

  const stop = (member: Member, error: Error) => {
    member.worker.terminate()
    members = members.filter((other) => other !== member)
    for (const { reject } of member.pending.values()) reject(error)
    member.pending.clear()
  }

  const stopAll = (error: Error) => {
    clearTimeout(idle)
    for (const member of [...members]) stop(member, error)
    free = []
  }

  const busy = () => members.some((member) => member.pending.size > 0)

  const start = (): Member => {
    const member: Member = { worker: startWorker(), pending: new Map(), answered: false }
    member.worker.onmessage = ({ data }: MessageEvent<Reply>) => {
      member.answered = true
      const pending = member.pending.get(data.id)
      member.pending.delete(data.id)
      // A handful of buffers is all the pipeline ever has out at once.
      if (free.length < size * 4) free.push(data.buffer)
      if ('outputs' in data) pending?.resolve({ outputs: data.outputs })
      else pending?.resolve({ piece: data.piece, cause: Object.assign(new Error(data.error.message), data.error) })
      if (!busy()) {
        clearTimeout(idle)
        idle = setTimeout(() => stopAll(new CryptoError('The encryption workers were stopped.')), idleMs)
      }
    }
    const fail = (event: Event) => {
      event.preventDefault?.()
      if (!member.answered) unavailable = true
      const reason = event instanceof ErrorEvent ? event.message : event.type
      stop(member, new CryptoError('A background encryption worker stopped unexpectedly.', { cause: reason }))
    }
    member.worker.onerror = fail
    member.worker.onmessageerror = fail
    members.push(member)
    return member
  }

  const take = (length: number): ArrayBuffer => {
    // Buffers of one size come and go (one batch); a bigger one serves a short last batch too.
    const index = free.findIndex((buffer) => buffer.byteLength >= length && buffer.byteLength <= 2 * length + 1024)
    return index >= 0 ? free.splice(index, 1)[0]! : new ArrayBuffer(length)
  }

  return {
    get workers() {
      return members.length
    },
    get unavailable() {
      return unavailable
    },
    run(job) {
      clearTimeout(idle)
      let member = members.reduce<Member | undefined>(
        (best, candidate) => (!best || candidate.pending.size < best.pending.size ? candidate : best),
        undefined,
      )
      if (!member || (member.pending.size > 0 && members.length < size)) member = start()
      const buffer = take(job.data.length)
      new Uint8Array(buffer, 0, job.data.length).set(job.data)
      const id = nextId++
      const chosen = member
      return new Promise<ChunkJobResult>((resolve, reject) => {
        chosen.pending.set(id, { resolve, reject })
        const { mode, key, nonces, lengths } = job
        // Copies, so that structured cloning never takes along a large buffer they are views of.
        const message = {
          id,
          mode,
          key,
          additionalData: job.additionalData.slice(),
          nonces: nonces.slice(),
          buffer,
          lengths,
        }
        try {
          chosen.worker.postMessage(message, [buffer])
        } catch (error) {
          chosen.pending.delete(id)
          throw error
        }
      })
    },
    terminate() {
      stopAll(new CryptoError('The encryption workers were stopped before this part was done.'))
    },
  }
}
