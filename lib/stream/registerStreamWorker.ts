import { sitePath } from '../sitePath'
import type { ClaimMessage } from './protocol'

/** How long to wait for the worker to take control of this page. */
const CONTROL_TIMEOUT_MS = 10_000

let registration: Promise<ServiceWorkerRegistration | undefined> | undefined

/**
 * Registers the streaming service worker (`<base>/sw.js`, scope `<base>/`, where `<base>` is the
 * build's base path) once per tab and waits until it controls the page, so `<base>/stream/...` URLs
 * work right away. A page opened with a hard reload is
 * not controlled; the worker is asked to claim it. Resolves `undefined` where service workers
 * are unavailable (not a secure context, private mode in some browsers).
 */
export function registerStreamWorker(): Promise<ServiceWorkerRegistration | undefined> {
  registration ??= register()
  return registration
}

async function register(): Promise<ServiceWorkerRegistration | undefined> {
  const container = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker
  if (!container) return undefined
  const registered = await container.register(sitePath('/sw.js'), { scope: sitePath('/'), updateViaCache: 'none' })
  if (container.controller) return registered
  const ready = await container.ready
  const controlled = new Promise<void>((resolve) => {
    if (container.controller) return resolve()
    container.addEventListener('controllerchange', () => resolve(), { once: true })
  })
  ready.active?.postMessage({ type: 'keyswarm:claim' } satisfies ClaimMessage)
  await Promise.race([controlled, new Promise((resolve) => setTimeout(resolve, CONTROL_TIMEOUT_MS))])
  return registered
}
