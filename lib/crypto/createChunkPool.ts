import { CryptoError } from './errors'

/** AES-GCM over consecutive pieces of `data`, each with its own nonce: one batch of chunks. */
export type ChunkJob = {
  mode: 'encrypt' | 'decrypt'
  key: CryptoKey
  /** Authenticated with every piece (the file's header). */
  additionalData: Uint8Array
  /** 12 bytes per piece, in order. */
  nonces: Uint8Array
  /** The pieces, back to back. Copied: the caller keeps it (unless `handOver`). */
  data: Uint8Array
  /** `data` is the caller's to give away: when it spans its whole buffer, that buffer is transferred, not copied. */
  handOver?: boolean
  /** Length of each piece in `data`. */
  lengths: readonly number[]
  /** One output holding every piece's, back to back, joined on the worker (for one big write). */
  join?: boolean
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

/** Jobs on a worker at once: one running, one waiting, so it never idles between messages. */
const PER_WORKER = 2

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
  // Jobs wait here, uncopied, while every worker has PER_WORKER: the buffers in flight stay few.
  let queue: (Pending & { job: ChunkJob })[] = []
  let free: ArrayBuffer[] = []
  let nextId = 0
  let idle: ReturnType<typeof setTimeout> | undefined
  let unavailable = false
  let proven = false

  const stop = (member: Member, error: Error) => {
    member.worker.terminate()
    members = members.filter((other) => other !== member)
    for (const { reject } of member.pending.values()) reject(error)
    member.pending.clear()
  }

  const stopAll = (error: Error) => {
    clearTimeout(idle)
    for (const member of [...members]) stop(member, error)
    for (const { reject } of queue) reject(error)
    queue = []
    free = []
  }

  const start = (): Member => {
    const member: Member = { worker: startWorker(), pending: new Map(), answered: false }
    member.worker.onmessage = ({ data }: MessageEvent<Reply>) => {
      member.answered = true
      proven = true
      const pending = member.pending.get(data.id)
      member.pending.delete(data.id)
      // The newest buffers are the ones of the size in use now (encrypting and decrypting differ by
      // a tag per chunk): the oldest goes, or a switch from one to the other would never reuse any.
      free.push(data.buffer)
      if (free.length > size * PER_WORKER) free.shift()
      if ('outputs' in data) pending?.resolve({ outputs: data.outputs })
      else pending?.resolve({ piece: data.piece, cause: Object.assign(new Error(data.error.message), data.error) })
      dispatch()
      if (!members.some((other) => other.pending.size > 0)) {
        clearTimeout(idle)
        idle = setTimeout(() => stopAll(new CryptoError('The encryption workers were stopped.')), idleMs)
      }
    }
    const fail = (event: Event) => {
      event.preventDefault?.()
      const error = new CryptoError('A background encryption worker stopped unexpectedly.', {
        cause: event instanceof ErrorEvent ? event.message : event.type,
      })
      stop(member, error)
      // One that never answered says workers cannot run here: every waiting job goes back to its caller.
      if (!member.answered) {
        unavailable = true
        stopAll(error)
      } else dispatch()
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

  const send = (member: Member, { job, resolve, reject }: Pending & { job: ChunkJob }) => {
    const { data } = job
    // Only once a worker has answered: until then workers may turn out forbidden, and the caller
    // then runs the job itself, on `data`, which a transfer would have emptied.
    const whole =
      proven &&
      job.handOver &&
      data.byteOffset === 0 &&
      data.byteLength === data.buffer.byteLength &&
      data.buffer instanceof ArrayBuffer
    const buffer = whole ? (data.buffer as ArrayBuffer) : take(data.length)
    if (!whole) new Uint8Array(buffer, 0, data.length).set(data)
    const id = nextId++
    const { mode, key, lengths, join = false } = job
    // Copies, so that structured cloning never takes along a large buffer they are views of.
    const [additionalData, nonces] = [job.additionalData.slice(), job.nonces.slice()]
    try {
      member.worker.postMessage({ id, mode, key, additionalData, nonces, buffer, lengths, join }, [buffer])
      member.pending.set(id, { resolve, reject })
    } catch (error) {
      reject(error as Error)
    }
  }

  const dispatch = () => {
    while (queue.length > 0) {
      let member = members.reduce<Member | undefined>(
        (best, candidate) => (!best || candidate.pending.size < best.pending.size ? candidate : best),
        undefined,
      )
      if (!member || (member.pending.size > 0 && members.length < size)) member = start()
      if (member.pending.size >= PER_WORKER) return
      send(member, queue.shift()!)
    }
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
      return new Promise<ChunkJobResult>((resolve, reject) => {
        queue.push({ job, resolve, reject })
        dispatch()
      })
    },
    terminate() {
      stopAll(new CryptoError('The encryption workers were stopped before this part was done.'))
    },
  }
}
