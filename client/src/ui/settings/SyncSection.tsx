import { useEffect, useId, useRef, useState } from 'preact/hooks';
import {
  MIN_PASSPHRASE_LENGTH,
  type PassphraseResult,
  type SyncStatus,
} from '../../app/sync/sync-model.ts';
import { interpolate, useLanguage, useMessages, type Messages } from '../i18n/i18n.ts';
import { useServices } from '../services-context.ts';
import { syncMessages } from './sync-messages.ts';
import {
  describePassphraseError,
  describeSyncStatus,
  isStoppedReason,
  type PassphraseAction,
} from './sync-status-text.ts';

type SyncTexts = Messages<keyof (typeof syncMessages)['en']>;
type Mode = 'off' | 'create' | 'unlock' | 'running';

/** Runs one passphrase action; resolves true on success. */
type Run = (
  action: PassphraseAction,
  attempt: () => Promise<PassphraseResult>,
  done: string,
) => Promise<boolean>;

interface FormProps {
  readonly t: SyncTexts;
  readonly isBusy: boolean;
  readonly run: Run;
  /** Shows a problem found before asking the model (the two passphrases differ). */
  readonly fail: (message: string) => void;
}

function modeOf(status: SyncStatus): Mode {
  if (status.kind === 'off') return 'off';
  if (status.kind === 'needs_passphrase') return status.hasKey ? 'unlock' : 'create';
  return 'running';
}

/** End-to-end encrypted sync: set the passphrase, enter it on another device, see the status. */
export function SyncSection() {
  const t = useMessages(syncMessages);
  const language = useLanguage();
  const { sync } = useServices();
  const status = sync.status.value;
  const mode = modeOf(status);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  // An error belongs to the form that showed it; the notice outlives the form (it says "done").
  useEffect(() => setError(null), [mode]);

  const run: Run = async (action, attempt, done) => {
    setError(null);
    setNotice('');
    setBusy(true);
    try {
      const result = await attempt();
      if (!result.ok) {
        setError(describePassphraseError(t, result.code, action));
        return false;
      }
      setNotice(done);
      // Creating or unlocking removes the form that had focus: keep keyboard users in place.
      if (action !== 'change') headingRef.current?.focus();
      return true;
    } catch {
      setError(t.error_unexpected);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const formProps: FormProps = { t, isBusy, run, fail: setError };

  return (
    <section class="card settings-section" aria-labelledby="settings-sync" aria-busy={isBusy}>
      <h2 id="settings-sync" ref={headingRef} tabIndex={-1}>
        {t.title}
      </h2>
      {mode === 'off' && <p class="muted">{t.off}</p>}
      {mode === 'create' && <CreateForm {...formProps} />}
      {mode === 'unlock' && <UnlockForm {...formProps} />}
      {mode === 'running' && (
        <SyncState {...describeSyncStatus(t, status, language)} isError={status.kind === 'error'} />
      )}
      {/* A stopped session cannot reach the key: the person must log in or reload first. */}
      {mode === 'running' && !(status.kind === 'error' && isStoppedReason(status.reason)) && (
        <ChangeForm {...formProps} />
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <p role="status" class="settings-success">
        {notice}
      </p>
    </section>
  );
}

/** Where sync stands, in words; the detail of an unexplained failure in small print. */
function SyncState(props: {
  readonly text: string;
  readonly detail: string | null;
  readonly isError: boolean;
}) {
  return (
    <>
      <p class={props.isError ? 'error' : undefined}>{props.text}</p>
      {props.detail !== null && (
        <p class="muted">
          <small>{props.detail}</small>
        </p>
      )}
    </>
  );
}

/** First device: choose the passphrase that wraps the new data key. */
function CreateForm({ t, isBusy, run, fail }: FormProps) {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const { sync } = useServices();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (passphrase !== repeat) return fail(t.mismatch);
        void run('create', () => sync.createPassphrase(passphrase), t.created);
      }}
    >
      <p>{t.createIntro}</p>
      <p>
        <strong>{t.createWarning}</strong>
      </p>
      <div class="form-grid">
        <PassphraseField
          label={t.passphrase}
          autocomplete="new-password"
          value={passphrase}
          onInput={setPassphrase}
          hint={minimumHint(t)}
        />
        <PassphraseField
          label={t.repeat}
          autocomplete="new-password"
          value={repeat}
          onInput={setRepeat}
        />
      </div>
      <div class="actions">
        <button type="submit" disabled={isBusy}>
          {isBusy ? t.encrypting : t.turnOn}
        </button>
      </div>
    </form>
  );
}

/** Another device: the passphrase chosen on the first one unwraps the stored key. */
function UnlockForm({ t, isBusy, run }: FormProps) {
  const [passphrase, setPassphrase] = useState('');
  const { sync } = useServices();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void run('unlock', () => sync.unlock(passphrase), t.unlocked);
      }}
    >
      <p>{t.unlockIntro}</p>
      <PassphraseField
        label={t.passphrase}
        autocomplete="current-password"
        value={passphrase}
        onInput={setPassphrase}
      />
      <div class="actions">
        <button type="submit" disabled={isBusy}>
          {isBusy ? t.unlocking : t.unlock}
        </button>
      </div>
    </form>
  );
}

/** Rewraps the same data key under a new passphrase (nothing is re-encrypted). */
function ChangeForm({ t, isBusy, run, fail }: FormProps) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const { sync } = useServices();
  const submit = async (): Promise<void> => {
    if (!(await run('change', () => sync.changePassphrase(current, next), t.changed))) return;
    setCurrent('');
    setNext('');
    setRepeat('');
  };
  return (
    <details>
      <summary>{t.changeTitle}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (next !== repeat) return fail(t.mismatch);
          void submit();
        }}
      >
        <div class="form-grid">
          <PassphraseField
            label={t.currentPassphrase}
            autocomplete="current-password"
            value={current}
            onInput={setCurrent}
          />
          <PassphraseField
            label={t.newPassphrase}
            autocomplete="new-password"
            value={next}
            onInput={setNext}
            hint={minimumHint(t)}
          />
          <PassphraseField
            label={t.repeatNew}
            autocomplete="new-password"
            value={repeat}
            onInput={setRepeat}
          />
        </div>
        <div class="actions">
          <button type="submit" disabled={isBusy}>
            {isBusy ? t.changing : t.change}
          </button>
        </div>
      </form>
    </details>
  );
}

function minimumHint(t: SyncTexts): string {
  return interpolate(t.passphraseHint, { min: MIN_PASSPHRASE_LENGTH });
}

function PassphraseField(props: {
  readonly label: string;
  readonly autocomplete: 'new-password' | 'current-password';
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly hint?: string;
}) {
  const id = useId();
  const hintId = useId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="password"
        autocomplete={props.autocomplete}
        required
        aria-describedby={props.hint === undefined ? undefined : hintId}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      {props.hint !== undefined && (
        <span id={hintId} class="field-hint">
          {props.hint}
        </span>
      )}
    </div>
  );
}
