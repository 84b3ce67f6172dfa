import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useApp } from './fixture.ts';

interface ExportFile {
  format: string;
  accounts: { id: string; name: string }[];
  categories: unknown[];
  operations: { id: string }[];
}

async function exportJson(page: Page): Promise<{ text: string; data: ExportFile }> {
  await page.getByRole('link', { name: 'Settings' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^tirelire-\d{4}-\d{2}-\d{2}\.json$/);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return { text, data: JSON.parse(text) as ExportFile };
}

async function chooseRestoreFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Restore from JSON').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

/** What must survive a restore: the data, not the moment of export. */
const content = (file: ExportFile) => ({
  accounts: file.accounts,
  categories: file.categories,
  operations: [...file.operations].sort((a, b) => (a.id < b.id ? -1 : 1)),
});

describe('export and restore', () => {
  const app = useApp();

  it('restores exactly what was exported, replacing later changes', async () => {
    const { page } = await app.newPage();
    await page.getByRole('button', { name: 'Try with demo data' }).click();
    await page
      .getByRole('link', { name: /Compte courant/ })
      .first()
      .waitFor();

    const before = await exportJson(page);
    expect(before.data.format).toBe('tirelire-export');
    expect(before.data.operations.length).toBeGreaterThan(1000);

    // A change after the export, which the restore must undo.
    await page.getByRole('link', { name: 'Accounts', exact: true }).click();
    await page.getByRole('button', { name: /^Delete Livret A/ }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('link', { name: /^Livret A/ }).waitFor({ state: 'detached' });

    await chooseRestoreFile(page, 'backup.json', before.text);
    await page.getByRole('dialog').getByRole('button', { name: 'Replace my data' }).click();
    await page.getByText(/Restore complete/).waitFor();

    await page.getByRole('link', { name: 'Accounts', exact: true }).click();
    await page.getByRole('link', { name: /^Livret A/ }).waitFor();
    const after = await exportJson(page);
    expect(content(after.data)).toEqual(content(before.data));
  });

  it('refuses a foreign or malformed file and changes nothing', async () => {
    const { page } = await app.newPage();
    await page.getByRole('button', { name: 'Try with demo data' }).click();
    await page
      .getByRole('link', { name: /Compte courant/ })
      .first()
      .waitFor();
    const before = await exportJson(page);

    for (const [name, text] of [
      ['foreign.json', '{"foo": 1}'],
      ['broken.json', '{"format": "tirelire-export", "version": 1, "accou'],
      ['damaged.json', before.text.replace(/"amountMinor": -?\d+/, '"amountMinor": 12.5')],
    ] as const) {
      await chooseRestoreFile(page, name, text);
      await page.getByText(/Nothing was changed/).waitFor();
      expect(await page.getByRole('button', { name: 'Replace my data' }).count()).toBe(0);
    }

    const after = await exportJson(page);
    expect(content(after.data)).toEqual(content(before.data));
  });
});
