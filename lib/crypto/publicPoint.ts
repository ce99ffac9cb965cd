import { secp256k1 } from '@noble/curves/secp256k1'
import type { Hex } from 'viem'
import { secretScalar } from './secretScalar'
import type { Point } from './types'

/**
 * The public point `secret·G` of a secp256k1 secret (a delivery key `C` or a session key `B`).
 * @example
 * const B = publicPoint(session.secret) // { x, y } for purchase(contentId, B.x, B.y, maxPrice)
 */
export function publicPoint(secret: Hex): Point {
  const { x, y } = secp256k1.ProjectivePoint.BASE.multiply(secretScalar(secret)).toAffine()
  return { x, y }
}
