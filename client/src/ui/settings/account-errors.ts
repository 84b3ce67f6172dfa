import type { AccountError } from '../../ports/account-api.ts';
import { interpolate, type Messages } from '../i18n/i18n.ts';
import type { accountMessages } from './account-messages.ts';

type AccountMessages = Messages<keyof (typeof accountMessages)['en']>;

/** Every error code of the accounts API as a sentence in the person's language. */
export function describeAccountError(t: AccountMessages, error: AccountError): string {
  switch (error.code) {
    case 'invalid_email':
      return t.error_invalid_email;
    case 'weak_password':
      return error.reason === 'too_short'
        ? t.error_too_short
        : error.reason === 'too_long'
          ? t.error_too_long
          : error.reason === 'too_common'
            ? t.error_too_common
            : t.error_weak_password;
    case 'email_taken':
      return t.error_email_taken;
    case 'invalid_credentials':
      return t.error_invalid_credentials;
    case 'rate_limited':
      return interpolate(t.error_rate_limited, { seconds: error.retryAfterSeconds ?? 60 });
    case 'network':
      return t.error_network;
    case 'invalid_request':
    case 'payload_too_large':
    case 'method_not_allowed':
      return t.error_invalid_request;
    case 'unauthorized':
    case 'invalid_token':
    case 'token_reused':
      return t.error_session;
    case 'not_found':
    case 'unexpected':
      return t.error_unexpected;
  }
}
