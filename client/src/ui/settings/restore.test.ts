import { generateDemoLedger, isoDate, serializeSnapshot } from '@tirelire/shared';
import { describe, expect, it } from 'vitest';
import { settingsMessages } from './messages.ts';
import { previewRestore, RESTORE_PROBLEM_MESSAGES } from './restore.ts';

describe('previewRestore', () => {
  it('counts what an export holds', () => {
    const demo = generateDemoLedger({
      seed: 1,
      until: isoDate('2025-01-31'),
      years: 1,
      targetOperations: 200,
      accountCount: 2,
      now: 0,
    });
    const preview = previewRestore(serializeSnapshot(demo, new Date(0)));
    expect(preview).toEqual({
      ok: true,
      value: {
        accounts: 2,
        categories: demo.categories.length,
        operations: demo.operations.length,
      },
    });
  });

  it.each([
    ['{not json', 'not_json'],
    ['{"hello":"world"}', 'not_tirelire'],
    ['{"format":"tirelire-export","version":99}', 'unsupported_version'],
    ['{"format":"tirelire-export","version":1,"accounts":"oops"}', 'invalid'],
  ])('refuses %s with code %s', (text, code) => {
    const preview = previewRestore(text);
    expect(preview.ok ? null : preview.code).toBe(code);
  });
});

describe('restore messages', () => {
  it('exist in both languages for every problem', () => {
    for (const key of Object.values(RESTORE_PROBLEM_MESSAGES)) {
      expect(settingsMessages.en[key].length).toBeGreaterThan(10);
      expect(settingsMessages.fr[key].length).toBeGreaterThan(10);
    }
  });
});
