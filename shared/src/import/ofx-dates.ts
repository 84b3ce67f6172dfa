import { isIsoDate, type IsoDate } from '../ledger/dates.ts';

// "YYYYMMDD", then optionally "HHMMSS", ".XXX" and a zone "[-5:EST]" (OFX 1.x and 2.x).
// Dashes are tolerated ("2023-05-09"), as a few converters write them.
const OFX_DATE = /^(\d{4})-?(\d{2})-?(\d{2})(?:$|[\d.:\s[])/;

/**
 * The calendar day an OFX date-time names, taken as written: "20230509120000.000[-5:EST]" is
 * 2023-05-09 whatever the zone, because the bank meant its own day, and shifting by the zone
 * would move late-evening operations to the next day. The time part is read past, not checked:
 * Capital One writes "20230310048208.398" (minute 82) and its day is still good. Null when the
 * first eight digits are no calendar day ("20120231", "201120000000").
 */
export function ofxDate(text: string | undefined): IsoDate | null {
  const match = OFX_DATE.exec(text?.trim() ?? '');
  if (!match) return null;
  const iso = `${match[1]}-${match[2]}-${match[3]}`;
  return isIsoDate(iso) ? iso : null;
}
