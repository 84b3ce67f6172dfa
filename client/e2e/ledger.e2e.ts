import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useApp } from './fixture.ts';

async function addAccount(page: Page, name: string, openingBalance: string): Promise<void> {
  await page.getByRole('link', { name: 'Accounts', exact: true }).click();
  await page.getByRole('button', { name: 'Add account' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^Name/).fill(name);
  await dialog.getByLabel(/^Opening balance/).fill(openingBalance);
  await dialog.getByLabel(/^Opening date/).fill('2026-01-01');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function openAccount(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Accounts', exact: true }).click();
  await page
    .getByRole('link', { name: new RegExp(`^${name}`) })
    .first()
    .click();
  await page
    .getByRole('heading', { name: new RegExp(name) })
    .first()
    .waitFor();
}

async function addOperation(
  page: Page,
  operation: { date: string; label: string; amount: string; isIncome?: boolean },
): Promise<void> {
  await page.getByRole('button', { name: 'Add operation' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: operation.isIncome ? 'Income' : 'Expense' }).check();
  await dialog.getByLabel(/^Amount/).fill(operation.amount);
  await dialog.getByLabel(/^Date/).fill(operation.date);
  await dialog.getByLabel(/^Label/).fill(operation.label);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** The table's rows as text, header excluded: [date, label, category, amount, balance]. */
async function rows(page: Page): Promise<string[][]> {
  const table = page.getByRole('table', { name: 'Operations' });
  await table.waitFor();
  return table.evaluate((element) =>
    [...element.querySelectorAll('[role="row"]')]
      .filter((row) => row.querySelector('[role="cell"]'))
      .map((row) =>
        [...row.querySelectorAll('[role="cell"]')].map((cell) =>
          (cell.textContent ?? '').replace(/\s+/g, ' ').trim(),
        ),
      ),
  );
}

describe('accounts and operations', () => {
  const app = useApp();

  it('round-trips accounts and operations through IndexedDB, with the right running balance', async () => {
    const { page } = await app.newPage();
    await addAccount(page, 'Main', '100.00');
    await openAccount(page, 'Main');
    await addOperation(page, { date: '2026-11-01', label: 'Bakery', amount: '12.50' });
    await addOperation(page, {
      date: '2026-11-02',
      label: 'Salary',
      amount: '1000',
      isIncome: true,
    });
    await addOperation(page, { date: '2026-11-03', label: 'Supermarket', amount: '30.25' });

    const expected = [
      ['Supermarket', '-€30.25', '€1,057.25'],
      ['Salary', '+€1,000.00', '€1,087.50'],
      ['Bakery', '-€12.50', '€87.50'],
    ];
    const summarise = (table: string[][]) =>
      table.map((cells) => [cells[1]!.split(' ')[0]!, cells[3]!, cells[4]!]);
    expect(summarise(await rows(page))).toEqual(expected);

    await page.reload();
    await page.getByRole('heading', { name: /Main/ }).first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[role="cell"]').length >= 15);
    expect(summarise(await rows(page))).toEqual(expected);

    // The accounts screen shows the same balance.
    await page.getByRole('link', { name: 'Accounts', exact: true }).click();
    await page.getByText('€1,057.25').first().waitFor();

    // Edit then delete an operation: the running balance follows.
    await openAccount(page, 'Main');
    await page.getByRole('row', { name: /Bakery/ }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Amount/).fill('2.50');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('€1,067.25').first().waitFor();

    await page.getByRole('row', { name: /Supermarket/ }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('row', { name: /Supermarket/ }).waitFor({ state: 'detached' });
    expect(summarise(await rows(page))).toEqual([
      ['Salary', '+€1,000.00', '€1,097.50'],
      ['Bakery', '-€2.50', '€97.50'],
    ]);
  });

  it('records a transfer as a linked pair in both accounts', async () => {
    const { page } = await app.newPage();
    await addAccount(page, 'Checking', '500.00');
    await addAccount(page, 'Savings', '0');
    await openAccount(page, 'Checking');
    await page.getByRole('button', { name: 'Transfer' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('From account').selectOption({ label: 'Checking (EUR)' });
    await dialog.getByLabel('To account').selectOption({ label: 'Savings (EUR)' });
    await dialog.getByLabel(/^Amount sent/).fill('200');
    await dialog.getByLabel(/^Date/).fill('2026-11-05');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const checking = await rows(page);
    expect(checking).toHaveLength(1);
    expect(checking[0]![3]).toBe('-€200.00');
    expect(checking[0]![4]).toBe('€300.00');

    await openAccount(page, 'Savings');
    const savings = await rows(page);
    expect(savings).toHaveLength(1);
    expect(savings[0]![3]).toBe('+€200.00');
    expect(savings[0]![4]).toBe('€200.00');

    // Deleting one half deletes the pair.
    await page.getByRole('row', { name: /Transfer/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByText(/No operations yet/).waitFor();
    await openAccount(page, 'Checking');
    await page.getByText(/No operations yet/).waitFor();
  });
});
