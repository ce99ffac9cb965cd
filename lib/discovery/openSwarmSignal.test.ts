import { describe, expect, test } from 'vitest'
import { openSwarmSignal } from './openSwarmSignal'
import { sealSwarmSignal } from './sealSwarmSignal'
import { swarmSecrets } from './swarmSecrets'

const infoHash = '08ada5a7a6183aae1e09d831df6748d566095a10'
const from = 'ab'.repeat(20)

describe('Nostr swarm signals', () => {
  test('a signal sealed for a torrent opens only with that torrent, and names it nowhere', async () => {
    const secrets = await swarmSecrets(infoHash)
    const content = await sealSwarmSignal(secrets, { type: 'offer', from, to: 'cd'.repeat(20), sdp: 'v=0 offer' })
    expect(secrets.topic).toMatch(/^[0-9a-f]{64}$/)
    expect(secrets.topic).not.toContain(infoHash)
    expect(content).not.toContain('offer')
    expect(await openSwarmSignal(secrets, content)).toEqual({ type: 'offer', from, to: 'cd'.repeat(20), sdp: 'v=0 offer' })
    const other = await swarmSecrets('f'.repeat(40))
    expect(await openSwarmSignal(other, content)).toBeUndefined()
  })

  test('ignores content that is not a well-formed signal', async () => {
    const secrets = await swarmSecrets(infoHash)
    expect(await openSwarmSignal(secrets, 'not base64 at all!')).toBeUndefined()
    const noAddressee = await sealSwarmSignal(secrets, { type: 'answer', from, sdp: 'v=0' })
    expect(await openSwarmSignal(secrets, noAddressee)).toBeUndefined()
    const badId = await sealSwarmSignal(secrets, { type: 'hello', from: 'me' })
    expect(await openSwarmSignal(secrets, badId)).toBeUndefined()
  })
})
