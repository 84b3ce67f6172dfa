import type { BrowserContext, Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useApp } from './fixture.ts';

// Our own statement lines, as a French bank writes them; none is categorised.
const CSV = (lines: string[]) => ['Date;Libellé;Montant', ...lines, ''].join('\r\n');
const MARCH = CSV([
  '02/03/2026;CB CARREFOUR MARKET 01/03 PARIS;-54,20',
  '03/03/2026;PRLV SEPA FREE MOBILE;-19,99',
  '04/03/2026;CB BOULANGERIE DUPAIN 04/03;-4,20',
]);
const APRIL = CSV([
  '02/04/2026;CB CARREFOUR CITY 02/04;-12,30',
  '05/04/2026;CB BOULANGERIE DUPAIN 05/04;-3,90',
  '06/04/2026;CB BOULANGERIE DUPAIN 06/04;-5,10',
]);

async function importCsv(page: Page, name: string, text: string, account: string | null) {
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await page
    .getByTestId('import-files')
    .setInputFiles([{ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'latin1') }]);
  const target = page.getByTestId('import-target');
  await target.waitFor();
  if (account) await target.getByTestId('import-account').selectOption({ label: account });
  await page.getByRole('button', { name: /^Import \d+ operations$/ }).click();
  await page.getByText('Import complete.').waitFor();
}

/**
 * Every request any page, worker or service worker of the context makes from now on, except the
 * tab icon, which the browser itself asks for again on some navigations (no app code is involved).
 */
function recordRequests(context: BrowserContext): Request[] {
  const requests: Request[] = [];
  context.on('request', (request) => {
    if (new URL(request.url()).pathname !== '/favicon.svg') requests.push(request);
  });
  return requests;
}

const reviewItem = (page: Page, label: RegExp) =>
  page.getByTestId('review-item').filter({ hasText: label });

describe('on-device categorisation', () => {
  const app = useApp();

  it('suggests, learns from one correction at once, and makes no network request doing it', async () => {
    const { context, page } = await app.newPage();
    await importCsv(page, 'mars.csv', MARCH, null);

    // The model loads in its worker (fetching its files from this origin, once).
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect
      .poll(() => page.getByTestId('model-status-setting').getAttribute('data-status'), {
        timeout: 30_000,
      })
      .toBe('ready');
    // Load the review screen's code before counting requests: screens are fetched on first use.
    await page.getByRole('link', { name: /To review/ }).click();
    await page.getByTestId('review-total').waitFor();
    // Code chunks the earlier screens asked for may still be arriving (AccountScreen after the
    // import, seen in CI): let them land, so only what categorising does is counted.
    await page.waitForLoadState('networkidle');

    const requests = recordRequests(context);
    // Suggestions for the March operations, with a confidence and a reason.
    const carrefour = reviewItem(page, /CARREFOUR MARKET/);
    await expect.poll(() => carrefour.textContent()).toMatch(/Groceries.*\d+\s?%/);

    // One correction: this bakery is "Eating out" for this person.
    await reviewItem(page, /BOULANGERIE DUPAIN 04/)
      .getByTestId('review-correct')
      .selectOption('eating_out');
    await reviewItem(page, /BOULANGERIE DUPAIN 04/).waitFor({ state: 'detached' });

    // April's bakery operations come in already suggested from that one answer.
    await page.getByRole('link', { name: 'Accounts', exact: true }).click();
    await importCsv(page, 'avril.csv', APRIL, 'Imported account (EUR)');
    await page.getByRole('link', { name: /To review/ }).click();
    for (const day of ['05', '06']) {
      const item = reviewItem(page, new RegExp(`BOULANGERIE DUPAIN ${day}`));
      await expect.poll(() => item.textContent()).toMatch(/Eating out/);
      await expect.poll(() => item.textContent()).toMatch(/You chose this for/);
    }
    // Accepting moves an operation out of the queue.
    await reviewItem(page, /BOULANGERIE DUPAIN 05/)
      .getByTestId('review-accept')
      .click();
    await reviewItem(page, /BOULANGERIE DUPAIN 05/).waitFor({ state: 'detached' });

    // Nothing left the device while categorising: not one request, to anywhere.
    expect(requests.map((request) => request.url())).toEqual([]);
  });
});
