/**
 * Saving a file the app made (exports) on the person's device, the way every browser supports:
 * a Blob behind an object URL, clicked through a temporary <a download>.
 */

/** "tirelire-2025-03-17.json": the person's local calendar day, so the name matches their diary. */
export function exportFileName(extension: 'json' | 'csv', at: Date): string {
  const day = [
    String(at.getFullYear()).padStart(4, '0'),
    String(at.getMonth() + 1).padStart(2, '0'),
    String(at.getDate()).padStart(2, '0'),
  ].join('-');
  return `tirelire-${day}.${extension}`;
}

export const MIME_TYPES = {
  json: 'application/json',
  // A byte-order mark is prepended to CSV (see saveTextFile) so spreadsheet apps read accents right.
  csv: 'text/csv;charset=utf-8',
} as const;

/** What saveTextFile needs from the page; the real `document`, `URL` and timers in the app. */
export interface DownloadTarget {
  readonly document: Pick<Document, 'createElement' | 'body'>;
  readonly urls: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'>;
  readonly later: (task: () => void) => void;
}

/**
 * The object URL is released later rather than right after click(): some browsers (older
 * Firefox, Safari) start reading the Blob asynchronously and fail the download if it is already
 * revoked. FileSaver.js waits 40 s for the same reason.
 */
const browserTarget = (): DownloadTarget => ({
  document,
  urls: URL,
  later: (task) => void setTimeout(task, 40_000),
});

export function saveTextFile(
  text: string,
  fileName: string,
  mimeType: string,
  target: DownloadTarget = browserTarget(),
): void {
  // Excel opens a UTF-8 CSV as Windows-1252 unless it starts with a BOM ("Ã©" instead of "é").
  const parts = mimeType.startsWith('text/csv') ? ['\ufeff', text] : [text];
  const url = target.urls.createObjectURL(new Blob(parts, { type: mimeType }));
  const link = target.document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  target.document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    target.later(() => target.urls.revokeObjectURL(url));
  }
}
