import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useApp } from './fixture.ts';

// Our own small statements: an OFX 1.x (SGML) from one account, a French CSV from another,
// written in windows-1252 as French banks do, with two identical purchases on one day.
const OFX = `OFXHEADER:100
DATA:OFXSGML
VERSION:102
SECURITY:NONE
ENCODING:USASCII
CHARSET:1252
COMPRESSION:NONE
OLDFILEUID:NONE
NEWFILEUID:NONE

<OFX>
<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20260301120000<LANGUAGE>FRA</SONRS></SIGNONMSGSRSV1>
<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>
<STMTRS><CURDEF>EUR
<BANKACCTFROM><BANKID>30004<BRANCHID>00001<ACCTID>00012345678<ACCTTYPE>CHECKING</BANKACCTFROM>
<BANKTRANLIST><DTSTART>20260201<DTEND>20260228
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260203<TRNAMT>-42.50<FITID>E2E0001<NAME>CB CARREFOUR MARKET</STMTTRN>
<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20260205<TRNAMT>2150.00<FITID>E2E0002<NAME>VIR SALAIRE ACME &amp; CIE</STMTTRN>
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260210<TRNAMT>-19.99<FITID>E2E0003<NAME>PRLV FREE MOBILE</STMTTRN>
</BANKTRANLIST>
<LEDGERBAL><BALAMT>3087.51<DTASOF>20260228</LEDGERBAL>
</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>
`;
const CSV = [
  'Date;Libellé;Débit;Crédit',
  '02/02/2026;PAIEMENT CB BOULANGERIE DU MARCHÉ;-4,20;',
  '02/02/2026;PAIEMENT CB BOULANGERIE DU MARCHÉ;-4,20;',
  '15/02/2026;VIR LIVRET A;;1 500,00',
  '',
].join('\r\n');

const files = [
  { name: 'compte-courant.ofx', mimeType: 'application/x-ofx', buffer: Buffer.from(OFX, 'latin1') },
  { name: 'livret.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'latin1') },
];

async function drop(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await page.getByTestId('import-files').setInputFiles(files);
  await expect.poll(() => page.getByTestId('import-target').count()).toBe(2);
}

/** Waits until the accounts screen shows `name` with `balance`. */
async function expectBalance(page: Page, name: string, balance: string): Promise<void> {
  const item = page.locator('li.account-item').filter({ has: page.getByRole('link', { name }) });
  await expect.poll(() => item.locator('.account-balance-value').textContent()).toBe(balance);
}

const target = (page: Page, file: string) =>
  page.getByTestId('import-target').filter({ has: page.getByRole('heading', { name: file }) });

describe('importing statements', () => {
  const app = useApp();

  it('imports an OFX and a French CSV into two accounts, re-imports nothing, undoes one batch', async () => {
    const { page } = await app.newPage();
    await page.getByRole('button', { name: 'Import my bank file' }).click();
    await drop(page);
    for (const file of ['compte-courant.ofx', 'livret.csv'])
      await expect
        .poll(() => target(page, file).getByTestId('import-counts').textContent())
        .toBe('3 new · 0 already imported · 0 possible duplicates');
    // The parsers ran in the statement worker, not on the page's thread.
    expect(page.workers().some((worker) => worker.url().includes('statement'))).toBe(true);

    await page.getByRole('button', { name: 'Import 6 operations' }).click();
    await page.getByText('Import complete.').waitFor();

    // Two new accounts; the OFX one opens so that its balance is the bank's closing balance.
    await page.getByRole('link', { name: 'Accounts', exact: true }).click();
    await expectBalance(page, '…5678', '€3,087.51');
    await expectBalance(page, 'Imported account', '€1,491.60');

    // The same files again: the OFX finds its account by number; the CSV account is chosen.
    await drop(page);
    const csv = target(page, 'livret.csv');
    await csv.getByTestId('import-account').selectOption({ label: 'Imported account (EUR)' });
    for (const file of ['compte-courant.ofx', 'livret.csv'])
      await expect
        .poll(() => target(page, file).getByTestId('import-counts').textContent())
        .toBe('0 new · 3 already imported · 0 possible duplicates');
    await page.getByRole('button', { name: 'Import 0 operations' }).click();
    await page.getByText('Import complete.').waitFor();
    await expect
      .poll(() => page.getByTestId('import-done').textContent())
      .toMatch(/0 added.*0 added/);

    // Undo the OFX import: its three operations go, the CSV's stay.
    const history = page.getByRole('region', { name: 'Past imports' });
    await history
      .getByRole('listitem')
      .filter({ hasText: 'compte-courant.ofx' })
      .getByRole('button', { name: 'Undo' })
      .click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Undo the import' }).click();
    await history
      .getByRole('listitem')
      .filter({ hasText: 'compte-courant.ofx' })
      .getByText('undone')
      .waitFor();
    await page.getByRole('link', { name: 'Accounts', exact: true }).click();
    await expectBalance(page, '…5678', '€1,000.00');
    await expectBalance(page, 'Imported account', '€1,491.60');
  });

  it('explains a file it cannot read, and one that is too large, without changing anything', async () => {
    const { page } = await app.newPage();
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByTestId('import-files').setInputFiles([
      {
        name: 'photo.jpg',
        mimeType: 'image/jpeg',
        buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70]),
      },
    ]);
    await page.getByRole('alert').filter({ hasText: 'photo.jpg could not be read' }).waitFor();
    await page
      .getByTestId('import-files')
      .setInputFiles([
        { name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.alloc(21 * 1024 * 1024, 0x41) },
      ]);
    await page.getByRole('alert').filter({ hasText: 'huge.csv is larger than' }).waitFor();
    expect(await page.getByTestId('import-target').count()).toBe(0);
  });
});
