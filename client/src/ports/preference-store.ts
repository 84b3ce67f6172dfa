import { z } from 'zod';
import { LANGUAGES } from '@tirelire/shared';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const preferencesSchema = z.object({
  language: z.enum(LANGUAGES),
  theme: z.enum(THEMES),
  /** Whether the welcome screen was dismissed (first run is over). */
  hasSeenWelcome: z.boolean(),
  /**
   * Whether confident suggestions are applied without asking (marked until confirmed). Saved
   * preferences from before this setting existed read as on.
   */
  autoCategorize: z.boolean().default(true),
});
export type Preferences = z.output<typeof preferencesSchema>;

/**
 * Device preferences. Read synchronously so the first paint already has the right language and
 * theme (no flash of the wrong one). Contract: preference-store.contract.ts.
 */
export interface PreferenceStore {
  /** Saved preferences, or null when none were saved or what was saved is unreadable. */
  read(): Preferences | null;
  write(preferences: Preferences): void;
}
