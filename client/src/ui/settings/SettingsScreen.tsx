import { version } from '../../../package.json';
import { interpolate, useMessages } from '../i18n/i18n.ts';
import { AccountSection } from './AccountSection.tsx';
import { CategorisationSection } from './CategorisationSection.tsx';
import { DisplaySection } from './DisplaySection.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { settingsMessages } from './messages.ts';
import { RestoreFromFile } from './RestoreFromFile.tsx';
import { StorageSection } from './StorageSection.tsx';
import { SyncSection } from './SyncSection.tsx';
import './settings.css';

/** Display, categorisation, export and restore, storage, account and sync, and the licence. */
export function SettingsScreen() {
  const t = useMessages(settingsMessages);
  return (
    <section class="settings">
      <h1 tabIndex={-1}>{t.title}</h1>
      <DisplaySection />
      <CategorisationSection />
      <section class="card settings-section" aria-labelledby="settings-data">
        <h2 id="settings-data">{t.data}</h2>
        <p class="muted">{t.dataIntro}</p>
        <ExportButtons />
        <RestoreFromFile />
      </section>
      <StorageSection />
      <AccountSection />
      <SyncSection />
      <section class="settings-section settings-about" aria-labelledby="settings-about">
        <h2 id="settings-about">{t.about}</h2>
        <p>{interpolate(t.aboutLine, { version })}</p>
        <p class="muted">{t.privacyLine}</p>
      </section>
    </section>
  );
}
