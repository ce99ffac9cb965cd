import type { Page } from '@playwright/test'
import { expect } from '../fixtures'
import { type PublishPaidParameters, publishPaid } from '../paid-helpers/publishPaid'

/** Parameters of {@link publishWithAgentSecrets}. */
export type PublishWithAgentSecretsParameters = PublishPaidParameters & {
  /** Where the exported secrets file goes (a test output path). */
  secretsPath: string
}

/**
 * Publishes a paid listing through /publish, as {@link publishPaid}, then exports the delivery
 * agent's secrets for `npm run agent` into `secretsPath`: for journeys in which the creator's tab
 * closes and the daemon delivers. The file is saved outside the browser context, whose downloads
 * go when it closes. Returns the listing's content id.
 */
export async function publishWithAgentSecrets(
  creator: Page,
  { secretsPath, ...listing }: PublishWithAgentSecretsParameters,
): Promise<{ contentId: bigint }> {
  const { contentId } = await publishPaid(creator, listing)
  await expect(creator.getByTestId('agent-status')).toContainText('Delivery agent on')
  const exported = creator.waitForEvent('download')
  await creator.getByRole('button', { name: 'Export agent secrets for npm run agent' }).click()
  await (await exported).saveAs(secretsPath)
  return { contentId }
}
