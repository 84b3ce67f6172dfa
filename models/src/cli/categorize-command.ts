import { readInputRows, type InputRow } from './categorize-input.ts';

/** One suggestion as the command prints it (exactly these keys: other tools rely on them). */
export interface PrintedSuggestion {
  readonly label: string;
  /** The model's top 3. */
  readonly predictions: readonly { readonly category: string; readonly p: number }[];
  readonly source: 'rule' | 'memory' | 'model' | null;
}

/** What the engine answers: the printed part, and the category the person would be shown. */
export interface EngineSuggestion extends PrintedSuggestion {
  readonly category: string | null;
}

/**
 * What the command needs from the categoriser: the same engine the app's worker runs (features,
 * default model, personal layer, blend, decision), seen through two calls.
 */
export interface CategorizeEngine {
  /** Top suggestion and the model's top 3 for each row, with what has been learnt so far. */
  suggest(rows: readonly InputRow[]): Promise<EngineSuggestion[]>;
  /** The person answered: remembered at once (merchant memory). */
  confirm(row: InputRow, category: string): void;
  /** The app retrains its personal layer after a pause; here, after each block of answers. */
  retrain(): Promise<void>;
  /** Forgets everything learnt (a new simulated person). */
  reset(): void;
}

export interface CommandOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: 0 | 2;
}

const USAGE =
  'usage: npm run -s categorize -- predict <ops.csv> | replay <ops.csv>   (CSV header: date,amount,label[,category[,user]])';
/** The replay's accuracy curve is per block of this many operations; retraining follows it too. */
export const REPLAY_BLOCK = 50;

const refuse = (message: string): CommandOutput => ({
  stdout: '',
  stderr: `${message.replace(/\s*\n\s*/g, ' ')}\n`,
  exitCode: 2,
});

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** `predict`: one JSON object per input row, in order, with nothing learnt. */
async function predict(rows: readonly InputRow[], engine: CategorizeEngine): Promise<string> {
  engine.reset();
  const suggestions = await engine.suggest(rows);
  return suggestions
    .map(({ label, predictions, source }) => `${JSON.stringify({ label, predictions, source })}\n`)
    .join('');
}

/**
 * `replay`: a person goes through their operations in date order (each `user` separately), sees
 * the top suggestion, then confirms or corrects it; the engine learns from every answer as the app
 * does. Accuracy is the share right before the answer.
 */
async function replay(rows: readonly InputRow[], engine: CategorizeEngine): Promise<string> {
  const byUser = new Map<string, InputRow[]>();
  for (const row of rows) {
    const user = row.user ?? '';
    byUser.set(user, [...(byUser.get(user) ?? []), row]);
  }
  const outcomes: boolean[] = [];
  for (const userRows of byUser.values()) {
    engine.reset();
    // Stable: rows of one day keep their file order.
    const ordered = [...userRows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (const [index, row] of ordered.entries()) {
      const [suggestion] = await engine.suggest([row]);
      outcomes.push(suggestion?.category === row.category);
      engine.confirm(row, row.category ?? '');
      if ((index + 1) % REPLAY_BLOCK === 0) await engine.retrain();
    }
  }
  const curve: number[] = [];
  for (let start = 0; start < outcomes.length; start += REPLAY_BLOCK) {
    const block = outcomes.slice(start, start + REPLAY_BLOCK);
    curve.push(round(block.filter(Boolean).length / block.length));
  }
  const right = outcomes.filter(Boolean).length;
  return `${JSON.stringify({
    operations: outcomes.length,
    accuracy: outcomes.length === 0 ? 0 : round(right / outcomes.length),
    corrections: outcomes.length - right,
    curve,
  })}\n`;
}

/** `npm run categorize`: argument checking and the two sub-commands, pure apart from the engine. */
export async function runCategorizeCommand(
  argv: readonly string[],
  readText: (path: string) => string,
  openEngine: () => Promise<CategorizeEngine>,
): Promise<CommandOutput> {
  const [command, file, ...rest] = argv;
  if ((command !== 'predict' && command !== 'replay') || file === undefined || rest.length > 0)
    return refuse(USAGE);
  let text: string;
  try {
    text = readText(file);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return refuse(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read`);
  }
  const input = readInputRows(text, command === 'replay' ? ['category'] : []);
  if ('error' in input) return refuse(`${file}: ${input.error}`);
  const engine = await openEngine();
  const stdout =
    command === 'predict' ? await predict(input.rows, engine) : await replay(input.rows, engine);
  return { stdout, stderr: '', exitCode: 0 };
}
