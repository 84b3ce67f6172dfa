import { defineMessages } from '../i18n/i18n.ts';

export const settingsMessages = defineMessages({
  en: {
    title: 'Settings',
    display: 'Display',
    language: 'Language',
    theme: 'Theme',
    themeSystem: 'Same as the device',
    themeLight: 'Light',
    themeDark: 'Dark',
    data: 'Your data',
    dataIntro:
      'Everything stays on this device. Export a copy whenever you like: JSON keeps everything and can be restored; CSV opens in a spreadsheet.',
    exportJson: 'Export JSON',
    exportCsv: 'Export CSV',
    exporting: 'Preparing the file…',
    exported: 'Saved {file}.',
    exportFailed:
      'The export could not be prepared. Try again; if it keeps failing, reload the page.',
    restore: 'Restore from JSON',
    restoreHint: 'Replaces everything on this device with a file made by “Export JSON”.',
    reading: 'Checking the file…',
    restoring: 'Restoring…',
    restoreTitle: 'Replace everything with this file?',
    restoreBody:
      'Restoring deletes every account, category and operation on this device and puts the file’s in their place. This cannot be undone: export a copy first if you may need what is here now.',
    restoreFile: 'File: {file}',
    compareCaption: 'What is replaced',
    onDevice: 'On this device now',
    inFile: 'In the file',
    accounts: 'Accounts',
    categories: 'Categories',
    operations: 'Operations',
    confirmRestore: 'Replace my data',
    cancel: 'Cancel',
    restored:
      'Restore complete. Accounts: {accounts} · categories: {categories} · operations: {operations}.',
    nothingChanged: 'Nothing was changed.',
    error_not_json:
      'This file is not a Tirelire export (it is not JSON). Choose the .json file that “Export JSON” saved.',
    error_not_tirelire:
      'This JSON file was not made by Tirelire. Choose a file saved with “Export JSON”.',
    error_unsupported_version:
      'This export comes from a newer version of Tirelire. Reload the app to update it, then try again.',
    error_invalid:
      'This export is damaged: some of its data cannot be read. Try another copy of the file.',
    error_inconsistent:
      'This export contradicts itself (for example, an operation whose account is missing). Try another copy of the file.',
    error_unreadable: 'The file could not be read. Check that it is still there and try again.',
    error_write:
      'Restoring stopped part-way, so your data may be incomplete. Restore the same file again.',
    storage: 'Storage on this device',
    used: 'Used',
    usedOf: '{used} of {quota} ({share}%)',
    unknown: 'The browser does not say.',
    protection: 'Protection',
    persisted: 'Protected: the browser will not clear your data to free up space.',
    notPersisted: 'Not protected: the browser may clear your data if the device runs low on space.',
    keepData: 'Keep my data on this device',
    asking: 'Asking the browser…',
    granted: 'Done: the browser promised to keep your data.',
    denied:
      'The browser said no for now. Browsers usually agree once Tirelire is installed or used often; until then, export a copy from time to time.',
    about: 'About',
    aboutLine:
      'Tirelire {version}. Free software under the GNU Affero General Public License, version 3 or later (AGPL-3.0-or-later).',
    privacyLine: 'Your ledger is stored on this device only.',
    categorisation: 'Categorisation',
    categorisationIntro:
      'Categories are suggested on this device, by your rules, your earlier choices and a small model. No operation leaves the device for this.',
    autoCategorize: 'Apply confident suggestions automatically',
    autoCategorizeHint:
      'Operations without a category get the suggestion when it is very likely right. They stay marked “auto” until you confirm them, in the account or in “To review”.',
    modelStatus: 'Model',
    modelLoading: 'Loading…',
    modelReady: 'Ready: version {version}, running on {backend}.',
    modelDegraded:
      'Not available ({reason}). Rules and your choices still work; only the model’s suggestions are missing.',
    manageRules: 'Manage rules',
  },
  fr: {
    title: 'Réglages',
    display: 'Affichage',
    language: 'Langue',
    theme: 'Thème',
    themeSystem: 'Comme l’appareil',
    themeLight: 'Clair',
    themeDark: 'Sombre',
    data: 'Vos données',
    dataIntro:
      'Tout reste sur cet appareil. Exportez-en une copie quand vous voulez : le JSON garde tout et peut être restauré ; le CSV s’ouvre dans un tableur.',
    exportJson: 'Exporter en JSON',
    exportCsv: 'Exporter en CSV',
    exporting: 'Préparation du fichier…',
    exported: '{file} enregistré.',
    exportFailed:
      'L’export n’a pas pu être préparé. Réessayez ; si cela persiste, rechargez la page.',
    restore: 'Restaurer depuis un JSON',
    restoreHint:
      'Remplace tout ce qui est sur cet appareil par un fichier créé par « Exporter en JSON ».',
    reading: 'Vérification du fichier…',
    restoring: 'Restauration…',
    restoreTitle: 'Tout remplacer par ce fichier ?',
    restoreBody:
      'La restauration supprime tous les comptes, catégories et opérations de cet appareil et les remplace par ceux du fichier. C’est définitif : exportez d’abord une copie si vous pourriez avoir besoin de ce qui s’y trouve.',
    restoreFile: 'Fichier : {file}',
    compareCaption: 'Ce qui est remplacé',
    onDevice: 'Sur cet appareil',
    inFile: 'Dans le fichier',
    accounts: 'Comptes',
    categories: 'Catégories',
    operations: 'Opérations',
    confirmRestore: 'Remplacer mes données',
    cancel: 'Annuler',
    restored:
      'Restauration terminée. Comptes : {accounts} · catégories : {categories} · opérations : {operations}.',
    nothingChanged: 'Rien n’a été modifié.',
    error_not_json:
      'Ce fichier n’est pas un export Tirelire (ce n’est pas du JSON). Choisissez le fichier .json enregistré par « Exporter en JSON ».',
    error_not_tirelire:
      'Ce fichier JSON n’a pas été créé par Tirelire. Choisissez un fichier enregistré avec « Exporter en JSON ».',
    error_unsupported_version:
      'Cet export vient d’une version plus récente de Tirelire. Rechargez l’application pour la mettre à jour, puis réessayez.',
    error_invalid:
      'Cet export est abîmé : une partie de ses données est illisible. Essayez une autre copie du fichier.',
    error_inconsistent:
      'Cet export se contredit (par exemple, une opération dont le compte manque). Essayez une autre copie du fichier.',
    error_unreadable: 'Le fichier n’a pas pu être lu. Vérifiez qu’il est toujours là et réessayez.',
    error_write:
      'La restauration s’est arrêtée en cours de route : vos données sont peut-être incomplètes. Restaurez à nouveau le même fichier.',
    storage: 'Stockage sur cet appareil',
    used: 'Utilisé',
    usedOf: '{used} sur {quota} ({share} %)',
    unknown: 'Le navigateur ne l’indique pas.',
    protection: 'Protection',
    persisted: 'Protégées : le navigateur n’effacera pas vos données pour libérer de la place.',
    notPersisted:
      'Non protégées : le navigateur peut effacer vos données si l’appareil manque de place.',
    keepData: 'Garder mes données sur cet appareil',
    asking: 'Demande au navigateur…',
    granted: 'C’est fait : le navigateur s’engage à garder vos données.',
    denied:
      'Le navigateur refuse pour l’instant. Il accepte en général une fois Tirelire installée ou utilisée souvent ; d’ici là, exportez une copie de temps en temps.',
    about: 'À propos',
    aboutLine:
      'Tirelire {version}. Logiciel libre sous licence publique générale GNU Affero, version 3 ou ultérieure (AGPL-3.0-or-later).',
    privacyLine: 'Vos comptes sont enregistrés uniquement sur cet appareil.',
    categorisation: 'Catégorisation',
    categorisationIntro:
      'Les catégories sont suggérées sur cet appareil, par vos règles, vos choix précédents et un petit modèle. Aucune opération ne quitte l’appareil pour cela.',
    autoCategorize: 'Appliquer automatiquement les suggestions sûres',
    autoCategorizeHint:
      'Les opérations sans catégorie reçoivent la suggestion quand elle est très probablement juste. Elles restent marquées « auto » jusqu’à ce que vous les confirmiez, dans le compte ou dans « À vérifier ».',
    modelStatus: 'Modèle',
    modelLoading: 'Chargement…',
    modelReady: 'Prêt : version {version}, exécuté avec {backend}.',
    modelDegraded:
      'Indisponible ({reason}). Les règles et vos choix fonctionnent toujours ; seules les suggestions du modèle manquent.',
    manageRules: 'Gérer les règles',
  },
});
