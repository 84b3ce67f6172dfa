import { defineMessages, type Messages } from '../i18n/i18n.ts';

/** How suggestions and automatic categories are put into words, wherever they are shown. */
export const suggestionMessages = defineMessages({
  en: {
    reasonRule: 'Rule: {name}',
    reasonMemory: 'You chose this for “{merchant}”',
    reasonModel: 'Model, {percent}',
    reasonModelPersonal: 'Model, {percent}, with what you taught it',
    accept: 'Accept',
    /** Accessible name of the one-click chip of an uncategorised operation. */
    acceptSuggestion: 'Accept suggested category {category} ({reason})',
    autoBadge: 'auto',
    /** Accessible name of the chip of a category applied for the person, not yet confirmed. */
    confirmAuto: 'Confirm {category}, applied automatically ({reason})',
    sourceRule: 'by a rule',
    sourceMemory: 'from your earlier choices',
    sourceModel: 'by the model',
    suggestedHint: 'Suggested: {category} ({reason})',
    autoHint: 'Applied automatically ({reason}), not confirmed yet.',
  },
  fr: {
    reasonRule: 'Règle : {name}',
    reasonMemory: 'Vous l’avez choisie pour « {merchant} »',
    reasonModel: 'Modèle, {percent}',
    reasonModelPersonal: 'Modèle, {percent}, avec ce que vous lui avez appris',
    accept: 'Accepter',
    acceptSuggestion: 'Accepter la catégorie suggérée {category} ({reason})',
    autoBadge: 'auto',
    confirmAuto: 'Confirmer {category}, appliquée automatiquement ({reason})',
    sourceRule: 'par une règle',
    sourceMemory: 'd’après vos choix précédents',
    sourceModel: 'par le modèle',
    suggestedHint: 'Suggestion : {category} ({reason})',
    autoHint: 'Appliquée automatiquement ({reason}), pas encore confirmée.',
  },
});

export type SuggestionMessages = Messages<keyof (typeof suggestionMessages)['en']>;
