import { defineMessages } from '../i18n/i18n.ts';

/** The top bar's sync indicator: short texts, kept apart so the start-up bundle stays small. */
export const syncBadgeMessages = defineMessages({
  en: {
    off: 'Sync off',
    connecting: 'Connecting…',
    needsPassphrase: 'Sync passphrase needed',
    upToDate: 'Up to date',
    syncing: 'Syncing {n}…',
    offline: 'Offline — changes will sync later',
    error: 'Sync error',
    reason_token_revoked: 'Logged out from another tab or device: log in again in Settings.',
    reason_account_deleted: 'This account was deleted.',
    reason_protocol_mismatch: 'This version is out of date: reload the page to update the app.',
    reason_unauthenticated: 'The server did not accept your session: log in again in Settings.',
    reason_other: 'Sync failed: it will retry by itself. ({detail})',
  },
  fr: {
    off: 'Synchronisation désactivée',
    connecting: 'Connexion…',
    needsPassphrase: 'Phrase secrète de synchronisation requise',
    upToDate: 'À jour',
    syncing: 'Synchronisation ({n})…',
    offline: 'Hors ligne — les changements seront synchronisés plus tard',
    error: 'Erreur de synchronisation',
    reason_token_revoked:
      'Déconnecté depuis un autre onglet ou appareil : reconnectez-vous dans les Réglages.',
    reason_account_deleted: 'Ce compte a été supprimé.',
    reason_protocol_mismatch:
      'Cette version n’est plus à jour : rechargez la page pour mettre l’application à jour.',
    reason_unauthenticated:
      'Le serveur n’a pas accepté votre session : reconnectez-vous dans les Réglages.',
    reason_other: 'La synchronisation a échoué : elle réessaiera d’elle-même. ({detail})',
  },
});
