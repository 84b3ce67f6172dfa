// Renders the PWA icons (client/public/icons/*.png) from the SVG drawings below, with the same
// headless Chromium the e2e tests use, so the PNGs match what browsers draw from the favicon.
//
//   node client/scripts/generate-icons.js
//
// The drawings follow client/public/favicon.svg (a piggy bank on green #1f6f5c). The maskable
// icon keeps the pig inside the central 80% circle (the W3C "safe zone") on a full-bleed
// background, so any launcher mask (circle, squircle, teardrop) leaves it whole.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '../public/icons');
const GREEN = '#1f6f5c';
const PINK = '#f6b7c1';
const DARK_PINK = '#e99aa7';
const SHADOW_PINK = '#c7707f';

/** The pig and its coin, drawn on a 512 grid around (256, 270). */
const PIG = `
  <circle cx="236" cy="158" r="44" fill="#f2c14e" stroke="#c98f17" stroke-width="8"/>
  <circle cx="236" cy="158" r="22" fill="none" stroke="#c98f17" stroke-width="6"/>
  <rect x="140" y="350" width="40" height="70" rx="14" fill="${DARK_PINK}"/>
  <rect x="196" y="360" width="40" height="66" rx="14" fill="${DARK_PINK}"/>
  <rect x="282" y="360" width="40" height="66" rx="14" fill="${DARK_PINK}"/>
  <rect x="336" y="350" width="40" height="70" rx="14" fill="${DARK_PINK}"/>
  <path d="M300 196 L338 128 L372 212 Z" fill="${DARK_PINK}"/>
  <path d="M96 272 c-34 -6 -44 30 -18 38 c22 7 30 -24 4 -28" fill="none" stroke="${DARK_PINK}"
    stroke-width="11" stroke-linecap="round"/>
  <ellipse cx="250" cy="290" rx="160" ry="118" fill="${PINK}"/>
  <rect x="198" y="196" width="80" height="15" rx="7.5" fill="${SHADOW_PINK}"/>
  <ellipse cx="408" cy="300" rx="40" ry="34" fill="${DARK_PINK}"/>
  <ellipse cx="396" cy="300" rx="6" ry="9" fill="${SHADOW_PINK}"/>
  <ellipse cx="420" cy="300" rx="6" ry="9" fill="${SHADOW_PINK}"/>
  <circle cx="344" cy="258" r="12" fill="#1d2321"/>
`;

/** "any" icons: a rounded green tile (transparent corners), the pig filling most of it. */
const ANY = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" rx="112" fill="${GREEN}"/>
  <g transform="translate(256 262) scale(0.86) translate(-256 -270)">${PIG}</g>
</svg>`;

/**
 * Maskable: full-bleed green. The pig reaches ~200 px from (256, 270) at scale 1 (the tail), so at
 * 0.82 it stays within ~170 px of the centre: inside the 0.4 × 512 = 205 px safe-zone radius.
 */
const MASKABLE = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" fill="${GREEN}"/>
  <g transform="translate(256 262) scale(0.82) translate(-256 -270)">${PIG}</g>
</svg>`;

const ICONS = [
  { file: 'icon-192.png', svg: ANY, size: 192 },
  { file: 'icon-512.png', svg: ANY, size: 512 },
  { file: 'maskable-512.png', svg: MASKABLE, size: 512 },
];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
});
try {
  await mkdir(OUT, { recursive: true });
  for (const icon of ICONS) {
    const page = await browser.newPage({
      viewport: { width: icon.size, height: icon.size },
      deviceScaleFactor: 1,
    });
    const html = `<!doctype html><style>html,body{margin:0;background:transparent}
      svg{display:block;width:${icon.size}px;height:${icon.size}px}</style>${icon.svg}`;
    await page.setContent(html);
    const png = await page.screenshot({ omitBackground: true, type: 'png' });
    await writeFile(join(OUT, icon.file), png);
    await page.close();
  }
} finally {
  await browser.close();
}
