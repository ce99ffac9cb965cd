import type { PurchaseClock } from './unlockTypes'

/**
 * The waiting line under a paid purchase, from the chain's clock and the time now (milliseconds):
 * "Waiting 0:42 since your purchase; the creator's agent has until 23:41 (58 min left) to deliver,
 * else you can take a refund."
 */
export function describeWait(
  { purchasedAt, deliveryDeadline }: PurchaseClock,
  { now, refundable }: { now: number; refundable?: boolean },
): string {
  const seconds = Math.floor(now / 1000)
  const elapsed = Math.max(0, seconds - purchasedAt)
  const left = deliveryDeadline - seconds
  const clock = new Date(deliveryDeadline * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
  const since = `Waiting ${Math.floor(elapsed / 60)}:${String(elapsed % 60).padStart(2, '0')} since your purchase`
  if (refundable || left <= 0) return `${since}; the delivery deadline (${clock}) has passed: you can take a refund.`
  const remaining = left >= 120 ? `${Math.floor(left / 60)} min left` : `${left} s left`
  return `${since}; the creator’s agent has until ${clock} (${remaining}) to deliver, else you can take a refund.`
}
