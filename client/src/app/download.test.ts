import { describe, expect, it } from 'vitest';
import { exportFileName, MIME_TYPES, saveTextFile, type DownloadTarget } from './download.ts';

describe('exportFileName', () => {
  it('uses the local calendar day, zero-padded', () => {
    expect(exportFileName('json', new Date(2025, 2, 7, 23, 59))).toBe('tirelire-2025-03-07.json');
    expect(exportFileName('csv', new Date(2024, 11, 31, 0, 1))).toBe('tirelire-2024-12-31.csv');
  });
});

/** A contract-sized fake of the page: records what a real browser would be asked to do. */
function fakeTarget() {
  const blobs = new Map<string, Blob>();
  const revoked: string[] = [];
  const pending: (() => void)[] = [];
  const clicked: { href: string; download: string; wasAttached: boolean }[] = [];
  const attached = new Set<unknown>();
  const target: DownloadTarget = {
    document: {
      body: { append: (node: unknown) => attached.add(node) } as unknown as HTMLElement,
      createElement: (() => {
        const link = {
          href: '',
          download: '',
          hidden: false,
          click: () =>
            clicked.push({
              href: link.href,
              download: link.download,
              wasAttached: attached.has(link),
            }),
          remove: () => attached.delete(link),
        };
        return link;
      }) as unknown as Document['createElement'],
    },
    urls: {
      createObjectURL: (blob: Blob) => {
        const url = `blob:${blobs.size}`;
        blobs.set(url, blob);
        return url;
      },
      revokeObjectURL: (url: string) => revoked.push(url),
    },
    later: (task) => pending.push(task),
  };
  return { target, blobs, revoked, pending, clicked, attached };
}

describe('saveTextFile', () => {
  it('clicks an attached download link, removes it, and revokes the URL later', async () => {
    const page = fakeTarget();
    saveTextFile('{"a":1}', 'tirelire-2025-01-01.json', MIME_TYPES.json, page.target);
    expect(page.clicked).toEqual([
      { href: 'blob:0', download: 'tirelire-2025-01-01.json', wasAttached: true },
    ]);
    expect(page.attached.size).toBe(0);
    expect(page.revoked).toEqual([]);
    page.pending.forEach((task) => task());
    expect(page.revoked).toEqual(['blob:0']);
    expect(await page.blobs.get('blob:0')!.text()).toBe('{"a":1}');
  });

  it('starts CSV files with a byte-order mark for spreadsheet apps', async () => {
    const page = fakeTarget();
    saveTextFile('date;label\n', 'x.csv', MIME_TYPES.csv, page.target);
    const bytes = new Uint8Array(await page.blobs.get('blob:0')!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
