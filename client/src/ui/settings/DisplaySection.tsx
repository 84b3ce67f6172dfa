import { LANGUAGES, type Language } from '@tirelire/shared';
import { THEMES, type Theme } from '../../ports/preference-store.ts';
import { useMessages } from '../i18n/i18n.ts';
import { useServices } from '../services-context.ts';
import { settingsMessages } from './messages.ts';

/** Each language is named in itself, so someone who cannot read the current one finds theirs. */
const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français' };
const THEME_LABELS = { system: 'themeSystem', light: 'themeLight', dark: 'themeDark' } as const;

/** Language and theme: applied at once (the whole app re-renders from the preferences signal). */
export function DisplaySection() {
  const t = useMessages(settingsMessages);
  const { preferences } = useServices();
  const current = preferences.value.value;
  return (
    <section class="card settings-section" aria-labelledby="settings-display">
      <h2 id="settings-display">{t.display}</h2>
      <div class="form-grid">
        <label>
          {t.language}
          <select
            value={current.language}
            onChange={(event) => {
              const chosen = event.currentTarget.value;
              const language = LANGUAGES.find((code) => code === chosen);
              if (language) preferences.update({ language });
            }}
          >
            {LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.theme}
          <select
            value={current.theme}
            onChange={(event) => {
              const chosen = event.currentTarget.value;
              const theme: Theme | undefined = THEMES.find((value) => value === chosen);
              if (theme) preferences.update({ theme });
            }}
          >
            {THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {t[THEME_LABELS[theme]]}
              </option>
            ))}
          </select>
        </label>
      </div>
    </section>
  );
}
