import { defineMessages } from '../i18n/i18n.ts';

export const shellMessages = defineMessages({
  en: {
    skipToContent: 'Skip to content',
    navigation: 'Main',
    accounts: 'Accounts',
    categories: 'Categories',
    activity: 'Activity',
    settings: 'Settings',
    notFoundTitle: 'Page not found',
    notFoundBody: 'This page does not exist.',
    backHome: 'Back to accounts',
    updateReady: 'A new version of Tirelire is ready.',
    updateNow: 'Update now',
    offlineReady: 'Tirelire now works offline.',
    dismiss: 'Dismiss',
  },
  fr: {
    skipToContent: 'Aller au contenu',
    navigation: 'Principale',
    accounts: 'Comptes',
    categories: 'Catégories',
    activity: 'Activité',
    settings: 'Réglages',
    notFoundTitle: 'Page introuvable',
    notFoundBody: "Cette page n'existe pas.",
    backHome: 'Retour aux comptes',
    updateReady: 'Une nouvelle version de Tirelire est prête.',
    updateNow: 'Mettre à jour',
    offlineReady: 'Tirelire fonctionne maintenant hors ligne.',
    dismiss: 'Fermer',
  },
});
