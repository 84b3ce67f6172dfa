/**
 * The conflict rule (SPEC P-MERGE-1). When a push finds that another device wrote the document
 * first, the pushing device decides between its own state and the server's, and every device
 * must decide the same way whichever side it is on, or replicas would never agree. So the rule
 * is a pure function of the two states, symmetric in its arguments:
 *
 * 1. Equal content (sync bookkeeping aside): nothing to decide.
 * 2. A deletion beats an edit. Deleting is deliberate and rare; an edit racing it (a category
 *    set on another device) must not bring the operation back.
 * 3. Otherwise the later `updatedAt` wins (every edit in the app stamps it).
 * 4. Same `updatedAt`: the larger canonical JSON wins. Arbitrary, but the same on every device.
 */
export interface MergeableDocument {
  readonly updatedAt: number;
  readonly _deleted: boolean;
}

/** Fields that describe where a copy stands, not what the document says. */
const BOOKKEEPING_KEYS: ReadonlySet<string> = new Set([
  '_rev',
  '_meta',
  '_attachments',
  'syncVersion',
]);

export function chooseWinner<T extends MergeableDocument>(local: T, remote: T): T {
  if (local._deleted !== remote._deleted) return local._deleted ? local : remote;
  if (local.updatedAt !== remote.updatedAt) {
    return local.updatedAt > remote.updatedAt ? local : remote;
  }
  return canonicalJson(local) >= canonicalJson(remote) ? local : remote;
}

/** Same document content, whatever the sync bookkeeping says (rule 1). */
export function isSameContent(a: object, b: object): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * JSON with keys sorted at every level and bookkeeping keys left out at the top. Like
 * `JSON.stringify`, it leaves out keys whose value is undefined and writes undefined in an array
 * as null, so a document and its copy after a JSON round trip (every remote copy) compare equal.
 */
export function canonicalJson(document: object): string {
  return canonicalObject(Object.entries(document).filter(([key]) => !BOOKKEEPING_KEYS.has(key)));
}

function canonicalObject(entries: readonly (readonly [string, unknown])[]): string {
  const written = entries
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${written.map(([key, value]) => `${JSON.stringify(key)}:${canonicalValue(value)}`).join(',')}}`;
}

function canonicalValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalValue).join(',')}]`;
  if (value !== null && typeof value === 'object') return canonicalObject(Object.entries(value));
  return value === undefined ? 'null' : JSON.stringify(value);
}
