import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useApp } from './fixture.ts';

const PASSWORD = 'correct horse battery staple';
const PASSPHRASE = 'our shared sync passphrase';

async function settings(page: Page) {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('region', { name: 'Your account (optional)' }).waitFor();
}

async function signIn(page: Page, email: string, isNew: boolean) {
  await settings(page);
  const account = page.getByRole('region', { name: 'Your account (optional)' });
  await account.getByLabel('Email').fill(email);
  await account.getByLabel('Password').fill(PASSWORD);
  await account.getByRole('button', { name: isNew ? 'Create an account' : 'Log in' }).click();
  await account.getByText(`Signed in as ${email}.`).waitFor();
}

const badge = (page: Page, state: string) =>
  page.locator(`[data-testid=sync-status][data-state=${state}]`).waitFor({ timeout: 20_000 });

async function addOperation(page: Page, label: string, amount: string) {
  await page.getByRole('link', { name: 'Accounts', exact: true }).click();
  await page
    .getByRole('link', { name: /^Checking/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Add operation' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: 'Expense' }).check();
  await dialog.getByLabel(/^Amount/).fill(amount);
  await dialog.getByLabel(/^Date/).fill('2026-11-20');
  await dialog.getByLabel(/^Label/).fill(label);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
}

async function openChecking(page: Page) {
  await page.getByRole('link', { name: 'Accounts', exact: true }).click();
  await page
    .getByRole('link', { name: /^Checking/ })
    .first()
    .click();
}

async function setOffline(context: BrowserContext, page: Page, isOffline: boolean) {
  await context.setOffline(isOffline);
  await badge(page, isOffline ? 'offline' : 'up_to_date');
}

describe('sync between two devices (P-LIVE-1, P-MERGE-1)', () => {
  const app = useApp();

  it('shows on one device what the other adds, live, and merges offline edits', async () => {
    const email = `sync-${Date.now()}@example.org`;
    const laptop = await app.newPage();
    const phone = await app.newPage();

    // Laptop: an account with a checking account in it, then sign up and set the passphrase.
    await laptop.page.getByRole('link', { name: 'Accounts', exact: true }).click();
    await laptop.page.getByRole('button', { name: 'Add account' }).first().click();
    const dialog = laptop.page.getByRole('dialog');
    await dialog.getByLabel(/^Name/).fill('Checking');
    await dialog.getByLabel(/^Opening balance/).fill('1000');
    await dialog.getByLabel(/^Opening date/).fill('2026-01-01');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await addOperation(laptop.page, 'Bakery', '4.20');

    await signIn(laptop.page, email, true);
    await badge(laptop.page, 'needs_passphrase');
    const sync = laptop.page.getByRole('region', { name: 'Sync between your devices' });
    await sync.getByLabel('Sync passphrase').fill(PASSPHRASE);
    await sync.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
    await sync.getByRole('button', { name: 'Turn on sync' }).click();
    await badge(laptop.page, 'up_to_date');

    // Phone: log in, unlock with the passphrase: everything appears.
    await signIn(phone.page, email, false);
    const phoneSync = phone.page.getByRole('region', { name: 'Sync between your devices' });
    await phoneSync.getByLabel('Sync passphrase').fill('not the passphrase at all');
    await phoneSync.getByRole('button', { name: 'Unlock sync' }).click();
    await phoneSync.getByText('This passphrase does not unlock your data.').waitFor();
    await phoneSync.getByLabel('Sync passphrase').fill(PASSPHRASE);
    await phoneSync.getByRole('button', { name: 'Unlock sync' }).click();
    await badge(phone.page, 'up_to_date');
    await openChecking(phone.page);
    await phone.page.getByRole('row', { name: /Bakery/ }).waitFor();

    // Live: added on the laptop, on the phone's screen within a blink.
    await addOperation(laptop.page, 'Bookshop', '12.00');
    const started = Date.now();
    await phone.page.getByRole('row', { name: /Bookshop/ }).waitFor({ timeout: 5_000 });
    expect(Date.now() - started).toBeLessThan(5_000);

    // Both offline: each adds its own operation, then they reconnect and converge.
    await setOffline(laptop.context, laptop.page, true);
    await setOffline(phone.context, phone.page, true);
    await addOperation(laptop.page, 'Cinema', '9.50');
    await addOperation(phone.page, 'Pharmacy', '7.30');
    await setOffline(laptop.context, laptop.page, false);
    await setOffline(phone.context, phone.page, false);
    for (const page of [laptop.page, phone.page]) {
      await openChecking(page);
      for (const label of ['Bakery', 'Bookshop', 'Cinema', 'Pharmacy']) {
        await page.getByRole('row', { name: new RegExp(label) }).waitFor({ timeout: 15_000 });
      }
    }
  });
});
