import { defineMessages } from '../i18n/i18n.ts';

export const welcomeMessages = defineMessages({
  en: {
    title: 'Welcome to Tirelire',
    lead: 'Your accounts, on your device, sorted for you.',
    whatTitle: 'Follow your money',
    what: 'Add your accounts and bank files; Tirelire categorises operations and charts your balance and spending.',
    privateTitle: 'Your data stays here',
    private:
      'Everything is stored on this device. Nothing is sent anywhere, and you can export it all at any time.',
    offlineTitle: 'Works offline',
    offline:
      'Once opened, Tirelire works without a connection: on the train, on a plane, anywhere.',
    installTitle: 'Install it',
    install: 'Add it to your home screen or desktop from your browser’s menu, like any app.',
    tryDemo: 'Try with demo data',
    addAccount: 'Add my first account',
    importFile: 'Import my bank file',
    demoHint: 'Three example accounts over two years. You can delete them later.',
    loadingDemo: 'Creating the demo accounts…',
    demoFailed:
      'The demo data could not be created. Try again; if it keeps failing, reload the page.',
    demoReady: 'Demo data ready: {count} operations.',
  },
  fr: {
    title: 'Bienvenue dans Tirelire',
    lead: 'Vos comptes, sur votre appareil, bien rangés.',
    whatTitle: 'Suivez votre argent',
    what: 'Ajoutez vos comptes et vos relevés bancaires ; Tirelire catégorise les opérations et trace vos soldes et vos dépenses.',
    privateTitle: 'Vos données restent ici',
    private:
      'Tout est enregistré sur cet appareil. Rien n’est envoyé ailleurs, et vous pouvez tout exporter à tout moment.',
    offlineTitle: 'Fonctionne hors ligne',
    offline:
      'Une fois ouverte, Tirelire fonctionne sans connexion : dans le train, dans l’avion, partout.',
    installTitle: 'Installez-la',
    install:
      'Ajoutez-la à votre écran d’accueil ou à votre bureau depuis le menu du navigateur, comme une application.',
    tryDemo: 'Essayer avec des données de démo',
    addAccount: 'Ajouter mon premier compte',
    importFile: 'Importer mon relevé bancaire',
    demoHint: 'Trois comptes d’exemple sur deux ans. Vous pourrez les supprimer ensuite.',
    loadingDemo: 'Création des comptes de démo…',
    demoFailed:
      'Les données de démo n’ont pas pu être créées. Réessayez ; si cela persiste, rechargez la page.',
    demoReady: 'Données de démo prêtes : {count} opérations.',
  },
});
