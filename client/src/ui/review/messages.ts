import { defineMessages, type Messages } from '../i18n/i18n.ts';

export const reviewMessages = defineMessages({
  en: {
    title: 'To review',
    intro:
      'Operations whose category was suggested or applied for you. Accept what is right, correct what is not: each choice teaches the next suggestions.',
    loading: 'Loading your operations…',
    countOne: '1 operation to review',
    countOther: '{count} operations to review',
    showing: 'Showing the first {shown}.',
    showMore: 'Show {count} more',
    acceptAllShownCount: 'Accept all shown ({count})',
    rules: 'Rules',
    emptyTitle: 'All caught up',
    emptyBody: 'Every operation has a category you confirmed. New ones will appear here.',
    keysHelp: 'Keys: J or ↓ next, K or ↑ previous, Enter or A accepts, 1 to 3 pick an alternative.',
    listLabel: 'Operations to review',
    merchantCountOne: '1 operation',
    merchantCountOther: '{count} operations',
    createRule: 'Create a rule from this',
    createRuleFor: 'Create a rule for “{merchant}”',
    accept: 'Accept',
    acceptItem: 'Accept {category} for {label}',
    nothingToAccept: 'No suggestion yet: choose a category.',
    alternatives: 'Other likely categories',
    chooseAlternative: 'Choose {category} ({percent}), key {key}',
    correct: 'Correct the category',
    correctPlaceholder: 'Another category…',
    accepted: '{label}: {category}.',
    acceptedMany: '{count} operations confirmed.',
    failed: 'The category could not be saved: {reason}. Try again.',
    ruleSaved: 'Rule “{name}” saved: it now suggests for matching operations.',
    modelLoading: 'The model is still loading: rules and your earlier choices already suggest.',
    modelDegraded:
      'The model could not load ({reason}): rules and your choices still work, the model’s suggestions are missing.',
  },
  fr: {
    title: 'À vérifier',
    intro:
      'Les opérations dont la catégorie a été suggérée ou appliquée pour vous. Acceptez ce qui est juste, corrigez le reste : chaque choix améliore les suggestions suivantes.',
    loading: 'Chargement de vos opérations…',
    countOne: '1 opération à vérifier',
    countOther: '{count} opérations à vérifier',
    showing: 'Affichage des {shown} premières.',
    showMore: 'En afficher {count} de plus',
    acceptAllShownCount: 'Tout accepter ({count})',
    rules: 'Règles',
    emptyTitle: 'Tout est à jour',
    emptyBody:
      'Chaque opération a une catégorie que vous avez confirmée. Les nouvelles apparaîtront ici.',
    keysHelp:
      'Touches : J ou ↓ suivante, K ou ↑ précédente, Entrée ou A accepte, 1 à 3 choisissent une autre proposition.',
    listLabel: 'Opérations à vérifier',
    merchantCountOne: '1 opération',
    merchantCountOther: '{count} opérations',
    createRule: 'Créer une règle à partir de ceci',
    createRuleFor: 'Créer une règle pour « {merchant} »',
    accept: 'Accepter',
    acceptItem: 'Accepter {category} pour {label}',
    nothingToAccept: 'Pas encore de suggestion : choisissez une catégorie.',
    alternatives: 'Autres catégories probables',
    chooseAlternative: 'Choisir {category} ({percent}), touche {key}',
    correct: 'Corriger la catégorie',
    correctPlaceholder: 'Autre catégorie…',
    accepted: '{label} : {category}.',
    acceptedMany: '{count} opérations confirmées.',
    failed: 'La catégorie n’a pas pu être enregistrée : {reason}. Réessayez.',
    ruleSaved:
      'Règle « {name} » enregistrée : elle fait désormais des suggestions pour les opérations concernées.',
    modelLoading:
      'Le modèle est encore en cours de chargement : les règles et vos choix précédents font déjà des suggestions.',
    modelDegraded:
      'Le modèle n’a pas pu se charger ({reason}) : les règles et vos choix fonctionnent toujours, seules les suggestions du modèle manquent.',
  },
});

export type ReviewMessages = Messages<keyof (typeof reviewMessages)['en']>;
