import { expect, test } from 'vitest'
import { chainName } from './chainName'
import { notDeployedError } from './notDeployedError'

test('names the app’s chains and the ones wallets are often on, and numbers any other', () => {
  expect(chainName(31337)).toBe('Anvil')
  expect(chainName(1)).toBe('Ethereum')
  expect(chainName(8453)).toBe('Base')
  expect(chainName(987654)).toBe('chain 987654')
})

test('a chain without Keyswarm is said in one sentence that names where to switch', () => {
  expect(notDeployedError(1).shortMessage).toBe('Keyswarm is not deployed on Ethereum; switch to Anvil to use it.')
  expect(notDeployedError(987654).shortMessage).toBe(
    'Keyswarm is not deployed on chain 987654; switch to Anvil to use it.',
  )
})
