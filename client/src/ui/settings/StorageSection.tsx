import { useEffect, useState } from 'preact/hooks';
import type { StorageStatus } from '../../ports/device-storage.ts';
import { interpolate, useLanguage, useMessages } from '../i18n/i18n.ts';
import { useServices } from '../services-context.ts';
import { formatBytes, usageShare } from './bytes.ts';
import { settingsMessages } from './messages.ts';

/** How much room the ledger takes, and whether the browser promised not to evict it. */
export function StorageSection() {
  const t = useMessages(settingsMessages);
  const language = useLanguage();
  const { deviceStorage } = useServices();
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const [answer, setAnswer] = useState<'asking' | 'granted' | 'denied' | null>(null);

  useEffect(() => {
    let isCurrent = true;
    deviceStorage.status().then(
      (found) => {
        if (isCurrent) setStatus(found);
      },
      // No storage manager (private mode, old browser): the section says "unknown".
      () => {
        if (isCurrent) setStatus({ isPersisted: false, usageBytes: null, quotaBytes: null });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [deviceStorage, answer]);

  const ask = async () => {
    setAnswer('asking');
    try {
      setAnswer((await deviceStorage.requestPersistence()) ? 'granted' : 'denied');
    } catch {
      setAnswer('denied');
    }
  };

  const share = status ? usageShare(status.usageBytes, status.quotaBytes) : null;
  const used =
    status?.usageBytes != null && status.quotaBytes != null
      ? interpolate(t.usedOf, {
          used: formatBytes(status.usageBytes, language),
          quota: formatBytes(status.quotaBytes, language),
          share: share ?? '?',
        })
      : status?.usageBytes != null
        ? formatBytes(status.usageBytes, language)
        : t.unknown;

  return (
    <section
      class="card settings-section"
      aria-labelledby="settings-storage"
      aria-busy={status === null}
    >
      <h2 id="settings-storage">{t.storage}</h2>
      <dl class="settings-facts">
        <div>
          <dt>{t.used}</dt>
          <dd>
            {status ? used : '…'}
            {status?.usageBytes != null && status.quotaBytes != null && status.quotaBytes > 0 && (
              <meter
                class="settings-meter"
                min={0}
                max={status.quotaBytes}
                value={status.usageBytes}
                aria-label={t.used}
              />
            )}
          </dd>
        </div>
        <div>
          <dt>{t.protection}</dt>
          <dd>{status ? (status.isPersisted ? t.persisted : t.notPersisted) : '…'}</dd>
        </div>
      </dl>
      {status && !status.isPersisted && (
        <button
          type="button"
          class="secondary"
          disabled={answer === 'asking'}
          onClick={() => void ask()}
        >
          {t.keepData}
        </button>
      )}
      <p role="status" class="muted">
        {answer === 'asking'
          ? t.asking
          : answer === 'granted'
            ? t.granted
            : answer === 'denied'
              ? t.denied
              : ''}
      </p>
    </section>
  );
}
