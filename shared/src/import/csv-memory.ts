import { foldText } from '../util/text.ts';
import { allRefs, type CsvColumnMapping, type CsvLayout } from './csv-mapping.ts';

/** Header names compared the way people see them: no case, accents, spacing or punctuation. */
function headerKey(name: string): string {
  return foldText(name).replace(/[^a-z0-9]/g, '');
}

/**
 * Whether a mapping remembered from an earlier import can read a file of this layout: every column
 * it names is there (by header name, or by position for a table without header). This is how a
 * mapping made once for a bank's CSV is reused for its next file, with no question asked.
 */
export function mappingFitsLayout(mapping: CsvColumnMapping, layout: CsvLayout): boolean {
  const refs = allRefs(mapping);
  if (!mapping.hasHeader) {
    const width = layout.sampleRows[0]?.length ?? 0;
    return (
      layout.headers.length === 0 && refs.every((ref) => typeof ref === 'number' && ref < width)
    );
  }
  const headers = new Set(layout.headers.map(headerKey));
  return refs.every((ref) =>
    typeof ref === 'number' ? ref < layout.headers.length : headers.has(headerKey(ref)),
  );
}
