/** Tells this tab and the others that the library changed. */
export const libraryEvents = {
  channelName: 'keyswarm-library',
  target: typeof window === 'undefined' ? undefined : new EventTarget(),
} as const
