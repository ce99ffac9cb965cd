/**
 * The worker's code, as plain JavaScript text rather than a module of its own: every bundler that
 * ships lib/crypto (Next's webpack, Vite in the browser tests, esbuild in the bench) carries a
 * string unchanged, while `new Worker(new URL(...))` is understood by some of them only.
 *
 * One message is one job: AES-GCM over consecutive pieces of `buffer` (`lengths`), each with its
 * own 12-byte nonce out of `nonces` and the same associated data. It answers with one output per
 * piece (or, with `join`, one output holding them all back to back: the copy is made here, off the
 * caller's thread), or with the first (lowest) piece that failed, and always hands `buffer` back for
 * reuse. WebCrypto copies its input when called, so the buffer is free again once every call has been made.
 */
const source = /* js */ `
'use strict'
self.onmessage = function (event) {
  var job = event.data
  var offset = 0
  var calls = job.lengths.map(function (length, piece) {
    var input = new Uint8Array(job.buffer, offset, length)
    offset += length
    var params = { name: 'AES-GCM', iv: job.nonces.subarray(piece * 12, piece * 12 + 12), additionalData: job.additionalData }
    return crypto.subtle[job.mode](params, job.key, input).then(
      function (output) { return { output: output } },
      function (error) { return { error: error || new Error('failed') } }
    )
  })
  // Every piece settles first, so a failure names the first bad piece, not the first to fail.
  Promise.all(calls).then(function (results) {
    for (var piece = 0; piece < results.length; piece++) {
      var error = results[piece].error
      if (!error) continue
      var described = { name: error.name || 'Error', message: error.message || String(error) }
      self.postMessage({ id: job.id, buffer: job.buffer, piece: piece, error: described }, [job.buffer])
      return
    }
    var outputs = results.map(function (result) { return result.output })
    if (job.join) {
      var joined = new Uint8Array(outputs.reduce(function (sum, output) { return sum + output.byteLength }, 0))
      for (var i = 0, at = 0; i < outputs.length; at += outputs[i].byteLength, i++) joined.set(new Uint8Array(outputs[i]), at)
      outputs = [joined.buffer]
    }
    self.postMessage({ id: job.id, buffer: job.buffer, outputs: outputs }, [job.buffer].concat(outputs))
  })
}
`

let url: string | undefined

/**
 * Starts a dedicated worker that runs AES-GCM jobs for {@link createChunkPool}. Chromium runs
 * WebCrypto's AES-GCM on the calling thread (measured: the promise is already settled when
 * `encrypt` returns), so a worker is how encryption gets a core of its own.
 */
export function startChunkWorker(): Worker {
  // One object URL for the page's lifetime: workers started later (after an idle stop) reuse it.
  url ??= URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))
  return new Worker(url, { name: 'keyswarm-aes-gcm' })
}
