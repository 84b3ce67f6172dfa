import { defineMessages } from '../i18n/i18n.ts';

export const activityMessages = defineMessages({
  en: {
    title: 'Activity',
    loading: 'Loading your operations…',
    emptyTitle: 'Nothing to chart yet',
    emptyBody:
      'Your balance curve and monthly income and spending appear here once you have operations. Add an account and its operations, or try the demo data.',
    goToAccounts: 'Go to accounts',
    period: 'Period',
    last12: 'Last 12 months',
    last24: 'Last 24 months',
    allTime: 'All time',
    balanceTitle: 'Balance over time',
    balanceIntro: 'Each account’s balance at the end of every month, and their total.',
    balanceChart: 'Balance in {currency}',
    balanceCaption: 'End-of-month balances in {currency}',
    total: 'Total {currency}',
    showSeries: 'Lines shown',
    balanceSummary:
      '{name} went from {from} in {fromMonth} to {to} in {toMonth}. Lowest: {min} in {minMonth}; highest: {max} in {maxMonth}.',
    flowsTitle: 'Income and spending',
    flowsIntro: 'Money in and out each month. Transfers between your own accounts are left out.',
    flowsChart: 'Income and spending in {currency}',
    flowsCaption: 'Monthly income and spending in {currency}',
    income: 'Income',
    spending: 'Spending',
    net: 'Net',
    flowsSummary:
      'Over {months} months: income {income}, spending {spending}, net {net}. Highest spending: {maxSpending} in {maxSpendingMonth}.',
    flowsTotals: 'Over this period',
    categoryTitle: 'Spending by category',
    categoryIntro:
      'What you spent each month over the last 12 months, by category. Transfers between your own accounts are left out; sub-categories count in their parent category.',
    categoryChart: 'Spending by category in {currency}',
    categoryCaption: 'Monthly spending by category in {currency}, last 12 months',
    categorySummary:
      'Over the last {months} months, spending of {total}. Largest categories: {largest}.',
    categoryEmpty: 'No spending in the last 12 months.',
    otherCategories: 'Other categories',
    uncategorised: 'Uncategorised',
    monthTotal: 'Total',
  },
  fr: {
    title: 'Activité',
    loading: 'Chargement de vos opérations…',
    emptyTitle: 'Rien à afficher pour l’instant',
    emptyBody:
      'La courbe de vos soldes et vos revenus et dépenses mensuels apparaîtront ici dès que vous aurez des opérations. Ajoutez un compte et ses opérations, ou essayez les données de démo.',
    goToAccounts: 'Aller aux comptes',
    period: 'Période',
    last12: '12 derniers mois',
    last24: '24 derniers mois',
    allTime: 'Depuis le début',
    balanceTitle: 'Évolution des soldes',
    balanceIntro: 'Le solde de chaque compte à la fin de chaque mois, et leur total.',
    balanceChart: 'Soldes en {currency}',
    balanceCaption: 'Soldes de fin de mois en {currency}',
    total: 'Total {currency}',
    showSeries: 'Courbes affichées',
    balanceSummary:
      '{name} : de {from} en {fromMonth} à {to} en {toMonth}. Plus bas : {min} en {minMonth} ; plus haut : {max} en {maxMonth}.',
    flowsTitle: 'Revenus et dépenses',
    flowsIntro:
      'L’argent entré et sorti chaque mois. Les virements entre vos propres comptes ne sont pas comptés.',
    flowsChart: 'Revenus et dépenses en {currency}',
    flowsCaption: 'Revenus et dépenses mensuels en {currency}',
    income: 'Revenus',
    spending: 'Dépenses',
    net: 'Solde net',
    flowsSummary:
      'Sur {months} mois : revenus {income}, dépenses {spending}, solde net {net}. Dépenses les plus fortes : {maxSpending} en {maxSpendingMonth}.',
    flowsTotals: 'Sur la période',
    categoryTitle: 'Dépenses par catégorie',
    categoryIntro:
      'Ce que vous avez dépensé chaque mois sur les 12 derniers mois, par catégorie. Les virements entre vos propres comptes ne sont pas comptés ; les sous-catégories comptent dans leur catégorie parente.',
    categoryChart: 'Dépenses par catégorie en {currency}',
    categoryCaption: 'Dépenses mensuelles par catégorie en {currency}, 12 derniers mois',
    categorySummary:
      'Sur les {months} derniers mois, {total} de dépenses. Catégories principales : {largest}.',
    categoryEmpty: 'Aucune dépense sur les 12 derniers mois.',
    otherCategories: 'Autres catégories',
    uncategorised: 'Sans catégorie',
    monthTotal: 'Total',
  },
});
