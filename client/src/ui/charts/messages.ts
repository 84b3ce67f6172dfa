import { defineMessages } from '../i18n/i18n.ts';

export const chartMessages = defineMessages({
  en: {
    explore: '{chart}. Use the left and right arrow keys to read each month.',
    showTable: 'Show the figures as a table',
    month: 'Month',
  },
  fr: {
    explore: '{chart}. Utilisez les flèches gauche et droite pour lire chaque mois.',
    showTable: 'Afficher les chiffres dans un tableau',
    month: 'Mois',
  },
});
