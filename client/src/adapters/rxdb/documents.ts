/** A stored document that failed validation: skipped, and reported so it can be looked into. */
export interface CorruptDocument {
  readonly collection:
    'accounts' | 'categories' | 'operations' | 'importBatches' | 'rules' | 'cache';
  /** Its primary key, when it has a readable one. */
  readonly id: string | null;
  readonly reason: string;
}

export type CorruptDocumentListener = (report: CorruptDocument) => void;

/** The part of a zod schema we use (the shared schemas), so the client needs no zod of its own. */
export interface DocumentSchema<T> {
  safeParse(value: unknown):
    | { readonly success: true; readonly data: T }
    | {
        readonly success: false;
        readonly error: {
          readonly issues: readonly { readonly path: readonly PropertyKey[]; message: string }[];
        };
      };
}

/**
 * Turns what IndexedDB returned into domain values. IndexedDB is an untrusted boundary (older app
 * versions, extensions, devtools and disk faults all write there), so every document is checked.
 * The shared zod object schemas drop unknown keys, which strips RxDB's `_rev`, `_meta`, `_deleted`
 * and `_attachments` in the same pass. A document that fails is skipped and reported, never
 * thrown: one bad row must not keep someone from their ledger.
 */
export function toDomain<T>(
  collection: CorruptDocument['collection'],
  schema: DocumentSchema<T>,
  stored: readonly unknown[],
  onCorrupt: CorruptDocumentListener,
): T[] {
  const valid: T[] = [];
  for (const document of stored) {
    const parsed = schema.safeParse(document);
    if (parsed.success) {
      valid.push(parsed.data);
    } else {
      const issue = parsed.error.issues[0];
      const where = issue?.path.map(String).join('.') || '(document)';
      onCorrupt({ collection, id: idOf(document), reason: `${where}: ${issue?.message ?? '?'}` });
    }
  }
  return valid;
}

/** Reads a cache entry's JSON text; corrupt text counts as a missing entry. */
export function parseCacheJson(
  key: string,
  stored: unknown,
  onCorrupt: CorruptDocumentListener,
): unknown {
  if (typeof stored === 'string') {
    try {
      return JSON.parse(stored) as unknown;
    } catch {
      // Reported below.
    }
  }
  onCorrupt({ collection: 'cache', id: key, reason: 'json: not JSON text' });
  return undefined;
}

function idOf(document: unknown): string | null {
  if (typeof document !== 'object' || document === null) return null;
  const id = 'id' in document ? document.id : 'key' in document ? document.key : null;
  return typeof id === 'string' ? id : null;
}
