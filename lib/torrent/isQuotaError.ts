import { StorageFullError } from './errors'

/** Whether an error (or any of its causes) says the browser's storage quota is used up. */
export function isQuotaError(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof StorageFullError) return true
    const name = (e as { name?: unknown }).name
    const message = String((e as { message?: unknown }).message ?? '')
    if (name === 'QuotaExceededError' || /quota/i.test(message)) return true
  }
  return false
}
