import { fail, ok, type Result } from '@tirelire/shared';

/** RFC 5321 limits: 64 for the local part, 254 for a whole address that fits in a path. */
const MAX_LOCAL_LENGTH = 64;
const MAX_ADDRESS_LENGTH = 254;
const MAX_LABEL_LENGTH = 63;

// Deliberately narrower than RFC 5322: no quoted local parts, comments or IP literals, which
// are legal but in practice only show up in attacks on parsers. Non-ASCII letters are allowed
// (EAI addresses, IDN domains); controls, spaces and the specials that need quoting are not.
const LOCAL_PART = /^[^\s\p{C}@"(),:;<>[\]\\]+$/u;
const DOMAIN_LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?$/u;
const ALL_DIGITS = /^\d+$/;

/**
 * One account per mailbox, however it is typed: trim, NFC (composed and decomposed accents
 * compare equal), lower case. Lower-casing the local part is not RFC-exact, but no mainstream
 * provider distinguishes case, and two accounts differing only by case would be a trap.
 */
export function normaliseEmail(input: string): Result<string, 'invalid_email'> {
  const email = input.trim().normalize('NFC').toLowerCase();
  const invalid = () => fail('invalid_email', 'enter an email address like name@example.org');
  if (email.length > MAX_ADDRESS_LENGTH) return invalid();
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (at <= 0 || local.length > MAX_LOCAL_LENGTH || !LOCAL_PART.test(local)) return invalid();
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return invalid();
  const labels = domain.split('.');
  // A dotless domain is only reachable inside a private network; a sign-up needs a real one.
  if (labels.length < 2) return invalid();
  if (!labels.every((label) => label.length <= MAX_LABEL_LENGTH && DOMAIN_LABEL.test(label)))
    return invalid();
  if (ALL_DIGITS.test(labels[labels.length - 1] ?? '')) return invalid();
  return ok(email);
}
