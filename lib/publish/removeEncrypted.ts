/**
 * Deletes the ciphertext `encryptToOpfs` wrote into an OPFS folder (one per listing attempt),
 * for an attempt that will not be listed. A folder that is not there is not an error.
 */
export async function removeEncrypted({ folder }: { folder: string }): Promise<void> {
  const root = await navigator.storage.getDirectory()
  const parent = await root.getDirectoryHandle('keyswarm-publish', { create: true })
  await parent.removeEntry(folder, { recursive: true }).catch((error: unknown) => {
    if ((error as DOMException)?.name !== 'NotFoundError') throw error
  })
}
