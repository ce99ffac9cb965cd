import { beforeEach, expect, test } from 'vitest'
import { EMBED_SOURCE } from './protocol'
import { type BridgeWindow, startPlayerBridge } from './startPlayerBridge'

type Posted = { message: Record<string, unknown>; targetOrigin: string }

/** A parent window that records what the frame posts to it. */
function fakeParent() {
  const posted: Posted[] = []
  return {
    posted,
    postMessage: (message: Record<string, unknown>, targetOrigin: string) => posted.push({ message, targetOrigin }),
  }
}

/** The frame's window: its message listener can be called as the browser would. */
function fakeFrame(parent: ReturnType<typeof fakeParent>) {
  let listener: ((event: unknown) => void) | undefined
  const win = {
    parent,
    addEventListener: (_: string, fn: (event: unknown) => void) => (listener = fn),
    removeEventListener: () => (listener = undefined),
  } as unknown as BridgeWindow
  const send = (data: unknown, { source = parent as unknown, origin = 'https://host.example' } = {}) =>
    listener?.({ data, source, origin })
  return { win, send, listening: () => !!listener }
}

/** Enough of an HTMLMediaElement for the bridge: state, play/pause, events. */
class FakeMedia extends EventTarget {
  currentTime = 0
  duration = 30
  paused = true
  ended = false
  muted = false
  volume = 1
  readyState = 4
  play() {
    this.paused = false
    this.dispatchEvent(new Event('play'))
    return Promise.resolve()
  }
  pause() {
    this.paused = true
    this.dispatchEvent(new Event('pause'))
  }
}

let parent: ReturnType<typeof fakeParent>
let frame: ReturnType<typeof fakeFrame>
beforeEach(() => {
  parent = fakeParent()
  frame = fakeFrame(parent)
})
const types = () => parent.posted.map((p) => p.message.type)

test('drives the media element from namespaced commands and reports its events to the parent', async () => {
  const bridge = startPlayerBridge(frame.win, { timeupdateMs: 0 })
  const media = new FakeMedia()
  bridge.attach(media as unknown as HTMLMediaElement)
  bridge.ready()
  frame.send({ source: EMBED_SOURCE, type: 'play' })
  await Promise.resolve()
  frame.send({ source: EMBED_SOURCE, type: 'seek', time: 12 })
  frame.send({ source: EMBED_SOURCE, type: 'setVolume', volume: 0.5 })
  frame.send({ source: EMBED_SOURCE, type: 'setMuted' })
  media.dispatchEvent(new Event('timeupdate'))
  frame.send({ source: EMBED_SOURCE, type: 'pause' })
  frame.send({ source: EMBED_SOURCE, type: 'getState', requestId: 7 })
  expect(types()).toEqual(['ready', 'play', 'timeupdate', 'pause', 'state'])
  expect(parent.posted.every((p) => p.message.source === EMBED_SOURCE && p.targetOrigin === '*')).toBe(true)
  expect(parent.posted.at(-1)!.message).toMatchObject({
    requestId: 7,
    state: { currentTime: 12, duration: 30, paused: true, muted: true, volume: 0.5 },
  })
})

test('keeps commands that come before anything is playable and applies them once it is', () => {
  const bridge = startPlayerBridge(frame.win)
  frame.send({ source: EMBED_SOURCE, type: 'seek', time: 50 })
  frame.send({ source: EMBED_SOURCE, type: 'play' })
  frame.send({ source: EMBED_SOURCE, type: 'setMuted', muted: true })
  const media = new FakeMedia()
  bridge.attach(media as unknown as HTMLMediaElement)
  expect(media.currentTime).toBe(30) // clamped to the duration
  expect(media.muted).toBe(true)
  expect(media.paused).toBe(false)
})

test('ignores messages from other windows, other origins when restricted, and other namespaces', () => {
  const bridge = startPlayerBridge(frame.win, { origin: 'https://host.example' })
  const media = new FakeMedia()
  bridge.attach(media as unknown as HTMLMediaElement)
  frame.send({ source: EMBED_SOURCE, type: 'play' }, { source: {} })
  frame.send({ source: EMBED_SOURCE, type: 'play' }, { origin: 'https://evil.example' })
  frame.send({ source: 'other', type: 'play' })
  frame.send('play')
  expect(media.paused).toBe(true)
  frame.send({ source: EMBED_SOURCE, type: 'getState' })
  expect(parent.posted).toHaveLength(1)
  expect(parent.posted[0]!.targetOrigin).toBe('https://host.example')
})

test('answers a bad command with an error event naming it', () => {
  startPlayerBridge(frame.win)
  frame.send({ source: EMBED_SOURCE, type: 'seek', time: -3 })
  frame.send({ source: EMBED_SOURCE, type: 'setVolume', volume: 2 })
  frame.send({ source: EMBED_SOURCE, type: 'explode' })
  expect(parent.posted.map((p) => p.message)).toEqual([
    expect.objectContaining({ type: 'error', command: 'seek', message: expect.stringMatching(/seconds/) }),
    expect.objectContaining({ type: 'error', command: 'setVolume' }),
    expect.objectContaining({ type: 'error', message: 'The player has no command "explode".' }),
  ])
})

test('throttles timeupdate, sends progress only on change and the same error only once', () => {
  const bridge = startPlayerBridge(frame.win, { timeupdateMs: 10_000 })
  const media = new FakeMedia()
  bridge.attach(media as unknown as HTMLMediaElement)
  for (let i = 0; i < 5; i++) media.dispatchEvent(new Event('timeupdate'))
  bridge.setProgress({ downloaded: 1, total: 2, peers: 1 })
  bridge.setProgress({ downloaded: 1, total: 2, peers: 1 })
  bridge.error('No peers.')
  bridge.error('No peers.')
  bridge.unlocked(3n)
  expect(types()).toEqual(['timeupdate', 'progress', 'error', 'unlocked'])
  expect(parent.posted.at(-1)!.message).toEqual({ source: EMBED_SOURCE, type: 'unlocked', contentId: '3' })
})

test('stays silent in a page opened on its own, and stops listening when stopped', () => {
  const win = {
    addEventListener: () => {},
    removeEventListener: () => {},
  } as unknown as BridgeWindow & { parent: unknown }
  win.parent = win as unknown as Window
  startPlayerBridge(win).ready()
  const bridge = startPlayerBridge(frame.win)
  bridge.stop()
  expect(frame.listening()).toBe(false)
})
