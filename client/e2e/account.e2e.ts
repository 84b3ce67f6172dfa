import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useApp } from './fixture.ts';

const PASSWORD = 'correct horse battery staple';
let counter = 0;
const uniqueEmail = () => `e2e-${Date.now()}-${++counter}@example.org`;

async function openAccountSection(page: Page) {
  await page.getByRole('link', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Your account (optional)' });
  await section.waitFor();
  return section;
}

async function fillForm(page: Page, email: string, password: string) {
  const section = await openAccountSection(page);
  await section.getByLabel('Email').fill(email);
  await section.getByLabel('Password').fill(password);
  return section;
}

describe('optional account', () => {
  const app = useApp();

  it('signs up, survives a reload, logs out and in, and deletes the account', async () => {
    const { page } = await app.newPage();
    const email = uniqueEmail();

    // A password the server refuses gets a clear message.
    let section = await fillForm(page, email, 'short');
    await section.getByRole('button', { name: 'Create an account' }).click();
    await section.getByRole('alert').getByText('at least 10 characters').waitFor();

    section = await fillForm(page, email, PASSWORD);
    await section.getByRole('button', { name: 'Create an account' }).click();
    await section.getByText(`Signed in as ${email}.`).waitFor();

    await page.reload();
    section = await openAccountSection(page);
    await section.getByText(`Signed in as ${email}.`).waitFor();
    // The stored refresh token was rotated by the restore.
    await page.waitForFunction(() => localStorage.getItem('tirelire.session') !== null);

    await section.getByRole('button', { name: 'Log out' }).click();
    await section.getByRole('button', { name: 'Log in' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('tirelire.session'))).toBeNull();

    section = await fillForm(page, email, 'wrong password!!');
    await section.getByRole('button', { name: 'Log in' }).click();
    await section.getByRole('alert').getByText('Wrong email or password.').waitFor();

    section = await fillForm(page, email, PASSWORD);
    await section.getByRole('button', { name: 'Log in' }).click();
    await section.getByText(`Signed in as ${email}.`).waitFor();

    await section.getByRole('button', { name: 'Delete my account' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('everything the server holds').waitFor();
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await dialog.waitFor({ state: 'detached' });
    await section.getByText('Your account was deleted.').waitFor();

    section = await fillForm(page, email, PASSWORD);
    await section.getByRole('button', { name: 'Log in' }).click();
    await section.getByRole('alert').getByText('Wrong email or password.').waitFor();
  });
});
