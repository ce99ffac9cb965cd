import { browserSessionId } from './browserSessionId'
import { createKeystore } from './createKeystore'
import { idbStorage } from './idbStorage'
import type { Keystore } from './Keystore'

let keystore: Keystore | undefined

/**
 * This browser's keystore, on the IndexedDB databases earlier versions wrote
 * (`keyswarm-paywall`/`secrets`, `keyswarm-publish`/`state`): made once per tab, on first use.
 * Components hand it to the lib functions that keep or read secrets.
 */
export function browserKeystore(): Keystore {
  keystore ??= createKeystore({
    secrets: idbStorage({ database: 'keyswarm-paywall', store: 'secrets' }),
    salts: idbStorage({ database: 'keyswarm-publish', store: 'state' }),
    sessionId: browserSessionId,
  })
  return keystore
}
