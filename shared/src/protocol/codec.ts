import { fail, ok, type Result } from '../util/result.ts';
import { clientMessageSchema, type ClientMessage } from './client-messages.ts';
import { SYNC_LIMITS } from './limits.ts';
import { serverMessageSchema, type ServerMessage } from './server-messages.ts';

export type DecodeFailure = 'too_large' | 'not_json' | 'invalid';

/**
 * Reads one WebSocket text message from an untrusted peer. Never throws: anything that is not
 * exactly a message of this protocol is a failure with a reason a log can show (P-LIMIT-1).
 * Unknown keys (`__proto__` included) are dropped by the schemas, never copied.
 */
export function decodeClientMessage(text: string): Result<ClientMessage, DecodeFailure> {
  return decode(text, clientMessageSchema);
}

/** The client's side of the same boundary: a server is not trusted to be well-formed either. */
export function decodeServerMessage(text: string): Result<ServerMessage, DecodeFailure> {
  return decode(text, serverMessageSchema);
}

export function encodeMessage(message: ClientMessage | ServerMessage): string {
  return JSON.stringify(message);
}

interface MessageSchema<T> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } };
}

function decode<T>(text: string, schema: MessageSchema<T>): Result<T, DecodeFailure> {
  // Checked before parsing, in bytes of UTF-8 as the limit is (a text of 1.5M "é" is 3 MiB).
  if (isOverUtf8Bytes(text, SYNC_LIMITS.maxMessageBytes)) {
    return fail('too_large', `message over ${SYNC_LIMITS.maxMessageBytes} bytes`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('not_json', 'message is not JSON');
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const where = issue?.path.map(String).join('.') || '(message)';
  return fail('invalid', `${where}: ${issue?.message ?? 'invalid'}`);
}

/**
 * Whether `text` takes more than `limit` bytes in UTF-8. A UTF-16 code unit is one to three
 * bytes (a surrogate pair, two units, is four), so the length alone settles most texts; only a
 * long one has its bytes counted, and only until it is over. A lone surrogate counts as the
 * three bytes of the U+FFFD a WebSocket sends in its place.
 */
function isOverUtf8Bytes(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  let bytes = 0;
  for (let index = 0; index < text.length && bytes <= limit; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit < 0xdc00 && isLowSurrogate(text.charCodeAt(index + 1))) {
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes > limit;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit < 0xe000;
}
