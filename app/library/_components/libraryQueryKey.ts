/** The query key prefix of everything /library reads from the chain, to refresh it after an action. */
export const libraryQueryKey = ['keyswarm', 'library'] as const
