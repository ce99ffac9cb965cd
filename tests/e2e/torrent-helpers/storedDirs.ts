import type { Page } from '@playwright/test'

/** Names of the page origin's top-level OPFS entries (each torrent's pieces live in one directory). */
export function storedDirs(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const names: string[] = []
    for await (const name of (
      (await navigator.storage.getDirectory()) as unknown as { keys(): AsyncIterable<string> }
    ).keys())
      names.push(name)
    return names
  })
}
