import { describe, expect, it } from 'vitest';
import { useApp } from './fixture.ts';

describe('the installable, offline PWA', () => {
  const app = useApp();

  it('is installable: a manifest with icons (maskable too) and a service worker in control', async () => {
    const { page } = await app.newPage();
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(manifestHref).toBeTruthy();
    const manifest = (await (
      await page.request.get(new URL(manifestHref!, app.url).href)
    ).json()) as {
      name: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string; purpose?: string }[];
    };
    expect(manifest.name).toBe('Tirelire');
    expect(manifest.display).toBe('standalone');
    expect(manifest.theme_color).toMatch(/^#/);
    expect(manifest.icons.map((icon) => icon.sizes)).toEqual(
      expect.arrayContaining(['192x192', '512x512']),
    );
    expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      const response = await page.request.get(new URL(icon.src, app.url).href);
      expect(response.headers()['content-type']).toBe('image/png');
    }
    const isControlled = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      return (
        navigator.serviceWorker.controller !== null ||
        (await navigator.serviceWorker.getRegistration()) !== undefined
      );
    });
    expect(isControlled).toBe(true);
  });

  it('opens with the network off after the first visit, deep links included', async () => {
    const { context, page } = await app.newPage();
    await page.getByRole('button', { name: 'Try with demo data' }).click();
    await page.getByRole('heading', { name: 'Accounts' }).waitFor();
    await page
      .getByRole('link', { name: /Compte courant/ })
      .first()
      .waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The page must be controlled (first visit installs, a reload is then served by the SW).
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Accounts' }).waitFor();
    await page
      .getByRole('link', { name: /Compte courant/ })
      .first()
      .waitFor();

    await page.goto(`${app.url}/categories?from=offline`);
    await page.getByRole('heading', { name: 'Categories' }).waitFor();
  });

  it('switches the whole UI between English and French', async () => {
    const { page } = await app.newPage();
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: 'Réglages' }).waitFor();
    await page.getByRole('link', { name: 'Comptes' }).click();
    await page.getByRole('heading', { name: 'Comptes' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');

    // The choice survives a reload.
    await page.reload();
    await page.getByRole('heading', { name: 'Comptes' }).waitFor();
    await page.getByRole('link', { name: 'Réglages' }).click();
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
  });
});
