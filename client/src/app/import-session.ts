import { batch, computed, signal } from '@preact/signals';
import {
  currency,
  decodeStatement,
  inspectCsv,
  MAX_STATEMENT_BYTES,
  matchAccount,
  mappingFitsLayout,
  planTargets,
  proposeAccount,
  type AccountId,
  type CsvLayout,
  type ImportBatch,
  type ImportPlan,
  type Operation,
  type ParsedStatement,
  type ReadStatement,
  type ReadStatementOptions,
  type StatementFormat,
} from '@tirelire/shared';
import type { StatementReader, StatementReadError } from '../ports/statement-reader.ts';
import type { LedgerDeps } from './deps.ts';
import type { LedgerState } from './ledger-state.ts';
import { addAccount } from './use-cases/accounts.ts';
import {
  commitImport,
  type ImportError,
  type ImportItem,
  type ImportSummary,
} from './use-cases/import.ts';

export type ImportFileState =
  | { readonly kind: 'reading' }
  | { readonly kind: 'failed'; readonly code: StatementReadError; readonly message: string }
  /** A CSV whose columns were not recognised: the person maps them (see CsvLayout). */
  | { readonly kind: 'needs_mapping'; readonly layout: CsvLayout }
  | { readonly kind: 'read'; readonly result: ReadStatement };

export interface ImportFile {
  readonly id: string;
  readonly name: string;
  /** Kept so the file can be read again with another encoding, date order or mapping. */
  readonly bytes: Uint8Array;
  readonly options: ReadStatementOptions;
  readonly state: ImportFileState;
}

/** Where a statement goes: an account, a new account made from the file, or nowhere yet. */
export type TargetAccount = AccountId | 'new' | null;

export interface TargetChoice {
  readonly account: TargetAccount;
  readonly matchedBy: 'statement_id' | 'only_account' | 'mapping' | null;
  /** Possible duplicates the person wants kept as separate operations (the default is merging). */
  readonly keepSeparate: ReadonlySet<number>;
  readonly skip: boolean;
}

export interface ImportTarget {
  readonly key: string;
  readonly file: ImportFile;
  readonly format: StatementFormat;
  readonly bank: string | null;
  readonly statement: ParsedStatement;
  readonly choice: TargetChoice;
  /** Null until an account is chosen. */
  readonly plan: ImportPlan | null;
}

export type ImportPhase =
  | { readonly kind: 'preview' }
  | { readonly kind: 'importing'; readonly written: number; readonly total: number }
  | { readonly kind: 'done'; readonly summaries: readonly ImportSummary[] }
  | {
      readonly kind: 'failed';
      readonly code: ImportError | 'write_failed';
      readonly message: string;
    };

/**
 * One import, from dropped files to the written batches: the state the import screen renders. Files
 * are read by the StatementReader (a worker in the app); plans follow the ledger live, so an
 * operation typed in another tab meanwhile is taken into account before anything is written.
 */
export class ImportSession {
  readonly files = signal<readonly ImportFile[]>([]);
  readonly choices = signal<ReadonlyMap<string, TargetChoice>>(new Map());
  readonly phase = signal<ImportPhase>({ kind: 'preview' });
  private nextFileId = 0;

  constructor(
    private readonly deps: LedgerDeps,
    private readonly state: LedgerState,
    private readonly reader: StatementReader,
  ) {}

  readonly targets = computed<readonly ImportTarget[]>(() => {
    const drafts: Omit<ImportTarget, 'plan'>[] = [];
    for (const file of this.files.value) {
      if (file.state.kind !== 'read') continue;
      const { file: parsed } = file.state.result;
      parsed.statements.forEach((statement, index) => {
        const key = `${file.id}:${index}`;
        drafts.push({
          key,
          file,
          format: parsed.format,
          bank: parsed.bank ?? null,
          statement,
          choice: this.choices.value.get(key) ?? EMPTY_CHOICE,
        });
      });
    }
    const byAccount = this.state.operationsByAccount.value;
    const plans = planTargets(
      drafts.map((draft) => ({
        statement: draft.statement,
        accountId:
          draft.choice.skip || draft.choice.account === null
            ? null
            : draft.choice.account === 'new'
              ? (`new-${draft.key}` as AccountId)
              : draft.choice.account,
      })),
      (accountId) => byAccount.get(accountId) ?? [],
    );
    return drafts.map((draft, index) => ({ ...draft, plan: plans[index] ?? null }));
  });

  /** Ready when every statement is either skipped or has an account, and something is to be read. */
  readonly canImport = computed(
    () =>
      this.targets.value.some((t) => !t.choice.skip) &&
      this.targets.value.every((t) => t.choice.skip || t.choice.account !== null) &&
      !this.files.value.some((f) => f.state.kind === 'reading'),
  );

  async addFiles(
    files: readonly { readonly name: string; readonly bytes: Uint8Array }[],
  ): Promise<void> {
    if (this.phase.value.kind === 'done') this.reset();
    const added = files.map((file): ImportFile => ({
      id: `f${(this.nextFileId += 1)}`,
      name: file.name,
      bytes: file.bytes,
      options: {},
      state:
        file.bytes.byteLength > MAX_STATEMENT_BYTES
          ? { kind: 'failed', code: 'too_large', message: 'too large' }
          : { kind: 'reading' },
    }));
    this.files.value = [...this.files.value, ...added];
    await Promise.all(added.filter((f) => f.state.kind === 'reading').map((f) => this.read(f)));
  }

  /** Reads a file again with other options: an encoding, a date order or a CSV mapping. */
  async reread(fileId: string, options: ReadStatementOptions): Promise<void> {
    const file = this.files.value.find((f) => f.id === fileId);
    if (!file) return;
    const next: ImportFile = {
      ...file,
      options: { ...file.options, ...options },
      state: { kind: 'reading' },
    };
    this.replaceFile(next);
    await this.read(next);
  }

  removeFile(fileId: string): void {
    this.files.value = this.files.value.filter((f) => f.id !== fileId);
  }

  choose(key: string, change: Partial<TargetChoice>): void {
    const current = this.choices.value.get(key) ?? EMPTY_CHOICE;
    const next = new Map(this.choices.value);
    next.set(key, { ...current, ...change });
    this.choices.value = next;
  }

  toggleMerge(key: string, rowIndex: number): void {
    const current = this.choices.value.get(key) ?? EMPTY_CHOICE;
    const keep = new Set(current.keepSeparate);
    if (keep.has(rowIndex)) keep.delete(rowIndex);
    else keep.add(rowIndex);
    this.choose(key, { keepSeparate: keep });
  }

  reset(): void {
    batch(() => {
      this.files.value = [];
      this.choices.value = new Map();
      this.phase.value = { kind: 'preview' };
    });
  }

  /** Writes every statement not skipped; new accounts are created first. */
  async commit(options: { readonly newAccountName?: string } = {}): Promise<void> {
    if (!this.canImport.value || this.phase.value.kind === 'importing') return;
    const targets = this.targets.value.filter((t) => !t.choice.skip);
    this.phase.value = { kind: 'importing', written: 0, total: 0 };
    try {
      const accountIds: AccountId[] = [];
      for (const target of targets) {
        const chosen = target.choice.account;
        if (chosen !== 'new' && chosen !== null) {
          accountIds.push(chosen);
          continue;
        }
        const draft = proposeAccount(
          target.statement,
          target.bank,
          this.defaultCurrency(),
          options.newAccountName,
        );
        const created = await addAccount(this.deps, draft);
        if (!created.ok) throw new Error(created.message);
        accountIds.push(created.value.id);
      }
      // Planned again against what the store holds now, so nothing written meanwhile (another
      // tab, a sync) is duplicated.
      const accounts = new Map((await this.deps.store.listAccounts()).map((a) => [a.id, a]));
      const existing = new Map<AccountId, Operation[]>();
      for (const id of new Set(accountIds))
        existing.set(id, await this.deps.store.listOperationsOfAccount(id));
      const plans = planTargets(
        targets.map((target, index) => ({
          statement: target.statement,
          accountId: accountIds[index] ?? null,
        })),
        (id) => existing.get(id) ?? [],
      );
      const items = targets.map((target, index): ImportItem => {
        const account = accounts.get(accountIds[index] as AccountId);
        const plan = plans[index];
        if (!account || !plan) throw new Error('The chosen account no longer exists.');
        const merges = new Set<number>();
        plan.rows.forEach((row, rowIndex) => {
          if (row.status === 'possible_duplicate' && !target.choice.keepSeparate.has(rowIndex))
            merges.add(rowIndex);
        });
        return {
          fileName: target.file.name,
          format: target.format,
          bank: target.bank,
          statement: target.statement,
          account,
          plan,
          merges,
          csvMapping: target.file.options.mapping ?? null,
        };
      });
      const result = await commitImport(this.deps, items, (written, total) => {
        this.phase.value = { kind: 'importing', written, total };
      });
      this.phase.value = result.ok
        ? { kind: 'done', summaries: result.value }
        : { kind: 'failed', code: result.code, message: result.message };
      if (result.ok) {
        this.files.value = [];
        this.choices.value = new Map();
      }
    } catch (error) {
      this.phase.value = { kind: 'failed', code: 'write_failed', message: String(error) };
    }
  }

  private defaultCurrency() {
    return this.state.accounts.value[0]?.currency ?? currency('EUR');
  }

  private replaceFile(file: ImportFile): void {
    this.files.value = this.files.value.map((f) => (f.id === file.id ? file : f));
  }

  private async read(file: ImportFile): Promise<void> {
    const result = await this.reader.read(file.bytes, file.options);
    let state: ImportFileState;
    let options = file.options;
    let remembered: ImportBatch | null = null;
    if (result.ok) {
      state = { kind: 'read', result: result.value };
    } else if (result.code === 'needs_mapping') {
      const inspected = inspectCsv(decodeStatement(file.bytes, null, file.options.encoding).text);
      remembered = inspected.ok ? this.rememberedMapping(inspected.value) : null;
      if (remembered?.csvMapping && !file.options.mapping) {
        // This layout was mapped before (for some account): read it the same way again.
        options = { ...file.options, mapping: remembered.csvMapping };
        const again = await this.reader.read(file.bytes, options);
        state = again.ok
          ? { kind: 'read', result: again.value }
          : { kind: 'failed', code: again.code, message: again.message };
      } else {
        state = inspected.ok
          ? { kind: 'needs_mapping', layout: inspected.value }
          : { kind: 'failed', code: inspected.code, message: inspected.message };
      }
    } else {
      state = { kind: 'failed', code: result.code, message: result.message };
    }
    // The file may have been removed or re-read meanwhile: only the latest read counts.
    const current = this.files.value.find((f) => f.id === file.id);
    if (!current || current.options !== file.options || current.state.kind !== 'reading') return;
    batch(() => {
      this.replaceFile({ ...file, options, state });
      if (state.kind === 'read') this.preselectAccounts(file.id, state.result, remembered);
    });
  }

  private preselectAccounts(
    fileId: string,
    result: ReadStatement,
    remembered: ImportBatch | null,
  ): void {
    result.file.statements.forEach((statement, index) => {
      const key = `${fileId}:${index}`;
      // A file read again (another encoding or date order) keeps what the person chose for it.
      if (this.choices.value.has(key)) return;
      const match = matchAccount(
        statement,
        this.state.accounts.value,
        this.state.importBatches.value,
      );
      const fromMapping =
        match.matchedBy !== 'statement_id' &&
        remembered &&
        this.state.accountsById.value.has(remembered.accountId)
          ? remembered.accountId
          : null;
      this.choose(key, {
        account:
          fromMapping ?? match.accountId ?? (this.state.accounts.value.length === 0 ? 'new' : null),
        matchedBy: fromMapping ? 'mapping' : match.matchedBy,
        keepSeparate: new Set(),
        skip: false,
      });
    });
  }

  /** The newest import whose CSV mapping fits this layout's columns. */
  private rememberedMapping(layout: CsvLayout): ImportBatch | null {
    return (
      this.state.importBatches.value.find(
        (b) => b.csvMapping !== null && mappingFitsLayout(b.csvMapping, layout),
      ) ?? null
    );
  }
}

const EMPTY_CHOICE: TargetChoice = {
  account: null,
  matchedBy: null,
  keepSeparate: new Set(),
  skip: false,
};
