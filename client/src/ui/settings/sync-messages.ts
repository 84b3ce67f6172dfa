import { defineMessages } from '../i18n/i18n.ts';

export const syncMessages = defineMessages({
  en: {
    title: 'Sync between your devices',
    off: 'Sign in above to sync your ledger between your devices. Sync is end-to-end encrypted: the server only ever sees ciphertext, never your amounts, labels or names.',
    createIntro:
      'Choose a sync passphrase. It encrypts everything before it leaves this device, and the server never sees it.',
    createWarning:
      'It cannot be recovered: write it down somewhere safe. If you lose it, the data on the server cannot be read any more, but each of your devices keeps its own copy.',
    unlockIntro:
      'Enter the sync passphrase you chose on your other device. Your data will then appear here.',
    passphrase: 'Sync passphrase',
    repeat: 'Repeat the passphrase',
    passphraseHint:
      'At least {min} characters. A few unrelated words are easy to remember and hard to guess.',
    turnOn: 'Turn on sync',
    encrypting: 'Encrypting…',
    unlock: 'Unlock sync',
    unlocking: 'Unlocking…',
    created: 'Sync is on. Your data is encrypted on this device, then sent.',
    unlocked: 'Sync is unlocked. The data from your other devices is on its way.',
    changeTitle: 'Change the sync passphrase',
    currentPassphrase: 'Current passphrase',
    newPassphrase: 'New passphrase',
    repeatNew: 'Repeat the new passphrase',
    change: 'Change the passphrase',
    changing: 'Changing…',
    changed:
      'The sync passphrase was changed. Nothing was re-encrypted and your other devices keep working; use the new passphrase on any new device.',
    mismatch: 'The two passphrases are not the same. Type them again.',
    status_off: 'Sync is off: sign in above to sync between your devices.',
    status_connecting: 'Connecting… Tirelire is reaching the sync server.',
    status_needs_new: 'Sync passphrase needed: choose one below to turn on sync.',
    status_needs_existing: 'Sync passphrase needed: enter it below to start syncing.',
    status_up_to_date: 'Up to date: this device and the server hold the same data.',
    status_syncing: 'Syncing {n}… Changes are being encrypted and exchanged with the server.',
    status_offline:
      'Offline — changes will sync later. Keep working: everything is saved on this device and sent once the connection is back.',
    error_token_revoked:
      'Sync stopped: this session was logged out, from another tab or device. Log in again above to resume.',
    error_account_deleted:
      'Sync stopped: this account was deleted. Your data stays on this device; create an account above to sync again.',
    error_protocol_mismatch:
      'Sync stopped: this version of Tirelire no longer matches the sync server. Reload the page to update the app.',
    error_unauthenticated:
      'Sync stopped: the server did not accept your session. Log in again above to resume.',
    error_generic:
      'Sync failed: it will retry by itself. Your changes are safe on this device meanwhile.',
    error_too_short:
      'This passphrase is too short: use at least {min} characters. A few unrelated words make a good one.',
    error_not_connected:
      'The sync server cannot be reached, so nothing was changed. Check your connection and try again in a moment.',
    error_unsupported_record:
      'The key on the server was saved by a newer version of Tirelire. Reload the page to update the app, then try again.',
    error_wrong_passphrase: 'This passphrase does not unlock your data. Check it and try again.',
    error_wrong_current:
      'The current passphrase is not right, so nothing was changed. Check it and try again.',
    error_unexpected:
      'Something went wrong on this device while handling the passphrase. Reload the page and try again.',
    error_passphrase_taken:
      'Another of your devices has just set a sync passphrase, and this one does not match it. Enter the passphrase chosen on that device.',
  },
  fr: {
    title: 'Synchronisation entre vos appareils',
    off: 'Connectez-vous ci-dessus pour synchroniser vos comptes entre vos appareils. La synchronisation est chiffrée de bout en bout : le serveur ne voit que des données chiffrées, jamais vos montants, libellés ou noms.',
    createIntro:
      'Choisissez une phrase secrète de synchronisation. Elle chiffre tout avant que cela ne quitte cet appareil, et le serveur ne la voit jamais.',
    createWarning:
      'Elle ne peut pas être récupérée : notez-la en lieu sûr. Si vous la perdez, les données du serveur ne pourront plus être lues, mais chacun de vos appareils garde sa propre copie.',
    unlockIntro:
      'Saisissez la phrase secrète de synchronisation choisie sur votre autre appareil. Vos données apparaîtront ensuite ici.',
    passphrase: 'Phrase secrète de synchronisation',
    repeat: 'Répétez la phrase secrète',
    passphraseHint:
      'Au moins {min} caractères. Quelques mots sans rapport entre eux sont faciles à retenir et difficiles à deviner.',
    turnOn: 'Activer la synchronisation',
    encrypting: 'Chiffrement…',
    unlock: 'Déverrouiller la synchronisation',
    unlocking: 'Déverrouillage…',
    created:
      'La synchronisation est activée. Vos données sont chiffrées sur cet appareil, puis envoyées.',
    unlocked: 'La synchronisation est déverrouillée. Les données de vos autres appareils arrivent.',
    changeTitle: 'Changer la phrase secrète de synchronisation',
    currentPassphrase: 'Phrase secrète actuelle',
    newPassphrase: 'Nouvelle phrase secrète',
    repeatNew: 'Répétez la nouvelle phrase secrète',
    change: 'Changer la phrase secrète',
    changing: 'Modification…',
    changed:
      'La phrase secrète a été changée. Rien n’a été rechiffré et vos autres appareils continuent de fonctionner ; utilisez la nouvelle phrase secrète sur tout nouvel appareil.',
    mismatch: 'Les deux phrases secrètes ne sont pas identiques. Saisissez-les à nouveau.',
    status_off:
      'La synchronisation est désactivée : connectez-vous ci-dessus pour synchroniser vos appareils.',
    status_connecting: 'Connexion… Tirelire contacte le serveur de synchronisation.',
    status_needs_new:
      'Phrase secrète requise : choisissez-en une ci-dessous pour activer la synchronisation.',
    status_needs_existing:
      'Phrase secrète requise : saisissez-la ci-dessous pour commencer la synchronisation.',
    status_up_to_date: 'À jour : cet appareil et le serveur ont les mêmes données.',
    status_syncing:
      'Synchronisation ({n})… Les changements sont chiffrés et échangés avec le serveur.',
    status_offline:
      'Hors ligne — les changements seront synchronisés plus tard. Continuez : tout est enregistré sur cet appareil et sera envoyé au retour de la connexion.',
    error_token_revoked:
      'Synchronisation arrêtée : cette session a été déconnectée, depuis un autre onglet ou appareil. Reconnectez-vous ci-dessus pour reprendre.',
    error_account_deleted:
      'Synchronisation arrêtée : ce compte a été supprimé. Vos données restent sur cet appareil ; créez un compte ci-dessus pour synchroniser à nouveau.',
    error_protocol_mismatch:
      'Synchronisation arrêtée : cette version de Tirelire ne correspond plus au serveur. Rechargez la page pour mettre l’application à jour.',
    error_unauthenticated:
      'Synchronisation arrêtée : le serveur n’a pas accepté votre session. Reconnectez-vous ci-dessus pour reprendre.',
    error_generic:
      'La synchronisation a échoué : elle réessaiera d’elle-même. Vos changements restent en sécurité sur cet appareil.',
    error_too_short:
      'Cette phrase secrète est trop courte : au moins {min} caractères. Quelques mots sans rapport entre eux font l’affaire.',
    error_not_connected:
      'Le serveur de synchronisation est injoignable, rien n’a donc été changé. Vérifiez votre connexion et réessayez dans un instant.',
    error_unsupported_record:
      'La clé du serveur a été enregistrée par une version plus récente de Tirelire. Rechargez la page pour mettre l’application à jour, puis réessayez.',
    error_wrong_passphrase:
      'Cette phrase secrète ne déverrouille pas vos données. Vérifiez-la et réessayez.',
    error_wrong_current:
      'La phrase secrète actuelle n’est pas la bonne, rien n’a donc été changé. Vérifiez-la et réessayez.',
    error_unexpected:
      'Un problème est survenu sur cet appareil avec la phrase secrète. Rechargez la page et réessayez.',
    error_passphrase_taken:
      'Un autre de vos appareils vient de choisir une phrase secrète, et celle-ci ne lui correspond pas. Saisissez la phrase secrète choisie sur cet appareil.',
  },
});
