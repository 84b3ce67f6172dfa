import {
  DATE_ORDERS,
  readStatement,
  STATEMENT_FORMATS,
  type DateOrder,
  type StatementFile,
  type StatementFormat,
} from '@tirelire/shared';

/** What the command prints: the contract other tools rely on (README, docs/import.md). */
export interface CommandOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: 0 | 2;
}

const USAGE =
  'usage: npm run -s statement -- <file> [--format csv|ofx|qif|camt|mt940] [--date-order dmy|mdy|ymd]';

interface Arguments {
  readonly file: string;
  readonly format?: StatementFormat;
  readonly dateOrder?: DateOrder;
}

function refuse(message: string): CommandOutput {
  // One line, no stack trace: callers show it to people as it is.
  return { stdout: '', stderr: `${message.replace(/\s*\n\s*/g, ' ')}\n`, exitCode: 2 };
}

function isOneOf<T extends string>(values: readonly T[], value: string | undefined): value is T {
  return value !== undefined && (values as readonly string[]).includes(value);
}

export function parseArguments(argv: readonly string[]): Arguments | string {
  let file: string | undefined;
  let format: StatementFormat | undefined;
  let dateOrder: DateOrder | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [flag, inline] = arg?.startsWith('--') ? arg.split('=', 2) : [arg, undefined];
    if (flag === '--format' || flag === '--date-order') {
      const value = inline ?? argv[(i += 1)];
      if (flag === '--format') {
        if (!isOneOf(STATEMENT_FORMATS, value))
          return `--format must be one of ${STATEMENT_FORMATS.join(', ')}`;
        format = value;
      } else {
        if (!isOneOf(DATE_ORDERS, value))
          return `--date-order must be one of ${DATE_ORDERS.join(', ')}`;
        dateOrder = value;
      }
    } else if (arg?.startsWith('--')) {
      return `unknown option ${arg}`;
    } else if (file === undefined && arg !== undefined) {
      file = arg;
    } else {
      return 'give exactly one file';
    }
  }
  if (file === undefined) return 'give the statement file to read';
  return { file, ...(format ? { format } : {}), ...(dateOrder ? { dateOrder } : {}) };
}

/** The JSON document of the contract: the parsers' result, with every field named explicitly. */
function toJson(file: StatementFile): unknown {
  return {
    format: file.format,
    bank: file.bank ?? null,
    statements: file.statements.map((statement) => ({
      account: { id: statement.account.id, currency: statement.account.currency },
      operations: statement.operations.map((op) => ({
        date: op.date,
        valueDate: op.valueDate,
        amountMinor: op.amountMinor,
        currency: op.currency,
        label: op.label,
        externalId: op.externalId,
        line: op.line,
      })),
      balances: statement.balances.map((b) => ({
        kind: b.kind,
        date: b.date,
        amountMinor: b.amountMinor,
      })),
    })),
    warnings: file.warnings.map((w) => ({ code: w.code, message: w.message, line: w.line })),
  };
}

/**
 * `npm run statement`: reads one file with exactly the code the app's import worker runs
 * (`readStatement`), and prints the contract's JSON. Pure apart from the file read, for tests.
 */
export function runStatementCommand(
  argv: readonly string[],
  readBytes: (path: string) => Uint8Array,
): CommandOutput {
  const args = parseArguments(argv);
  if (typeof args === 'string') return refuse(`${args}\n${USAGE}`);
  let bytes: Uint8Array;
  try {
    bytes = readBytes(args.file);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return refuse(
      code === 'ENOENT'
        ? `${args.file}: no such file`
        : code === 'EISDIR'
          ? `${args.file}: is a directory`
          : `${args.file}: cannot be read (${String(code ?? error)})`,
    );
  }
  const result = readStatement(bytes, {
    ...(args.format ? { format: args.format } : {}),
    ...(args.dateOrder ? { dateOrder: args.dateOrder } : {}),
  });
  if (!result.ok) return refuse(`${args.file}: ${result.message}`);
  if (result.value.file.statements.length === 0)
    return refuse(`${args.file}: no statement found in this file`);
  return {
    stdout: `${JSON.stringify(toJson(result.value.file), null, 2)}\n`,
    stderr: '',
    exitCode: 0,
  };
}
