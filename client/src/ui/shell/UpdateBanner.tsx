import { useMessages } from '../i18n/i18n.ts';
import { useServices } from '../services-context.ts';
import { shellMessages } from './messages.ts';

/** The visible "new version" prompt: updates never reload the page behind the person's back. */
export function UpdateBanner() {
  const t = useMessages(shellMessages);
  const { updates } = useServices();
  if (updates.isUpdateReady.value) {
    return (
      <div class="banner" role="status">
        <span>{t.updateReady}</span>
        <button type="button" onClick={() => void updates.apply()}>
          {t.updateNow}
        </button>
        <button type="button" class="secondary" onClick={() => updates.dismiss()}>
          {t.dismiss}
        </button>
      </div>
    );
  }
  if (updates.isOfflineReady.value) {
    return (
      <div class="banner" role="status">
        <span>{t.offlineReady}</span>
        <button type="button" class="secondary" onClick={() => updates.dismiss()}>
          {t.dismiss}
        </button>
      </div>
    );
  }
  return null;
}
