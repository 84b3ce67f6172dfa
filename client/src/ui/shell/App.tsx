import { useEffect } from 'preact/hooks';
import type { AppServices } from '../../app/services.ts';
import { AccountsScreen } from '../accounts/AccountsScreen.tsx';
import { LanguageContext } from '../i18n/i18n.ts';
import { currentRoute } from '../router.ts';
import { ServicesContext } from '../services-context.ts';
import { Navigation } from './Navigation.tsx';
import { UpdateBanner } from './UpdateBanner.tsx';
import { NotFound } from './NotFound.tsx';
import { lazyScreen } from './lazy.tsx';

const AccountScreen = lazyScreen(() =>
  import('../operations/AccountScreen.tsx').then((module) => module.AccountScreen),
);
const ActivityScreen = lazyScreen(() =>
  import('../activity/ActivityScreen.tsx').then((module) => module.ActivityScreen),
);
const CategoriesScreen = lazyScreen(() =>
  import('../categories/CategoriesScreen.tsx').then((module) => module.CategoriesScreen),
);
const ImportScreen = lazyScreen(() =>
  import('../import/ImportScreen.tsx').then((module) => module.ImportScreen),
);
const ReviewScreen = lazyScreen(() =>
  import('../review/ReviewScreen.tsx').then((module) => module.ReviewScreen),
);
const RulesScreen = lazyScreen(() =>
  import('../rules/RulesScreen.tsx').then((module) => module.RulesScreen),
);
const SettingsScreen = lazyScreen(() =>
  import('../settings/SettingsScreen.tsx').then((module) => module.SettingsScreen),
);

export function App({ services }: { readonly services: AppServices }) {
  const preferences = services.preferences.value.value;

  useEffect(() => {
    document.documentElement.lang = preferences.language;
    document.documentElement.dataset['theme'] = preferences.theme;
  }, [preferences.language, preferences.theme]);

  const route = currentRoute.value;
  return (
    <ServicesContext.Provider value={services}>
      <LanguageContext.Provider value={preferences.language}>
        <div class="app">
          <Navigation route={route} />
          <main class="screen" id="main">
            {route.name === 'home' && <AccountsScreen />}
            {route.name === 'account' && <AccountScreen accountId={route.accountId} />}
            {route.name === 'categories' && <CategoriesScreen />}
            {route.name === 'activity' && <ActivityScreen />}
            {route.name === 'settings' && <SettingsScreen />}
            {route.name === 'import' && <ImportScreen />}
            {route.name === 'review' && <ReviewScreen />}
            {route.name === 'rules' && <RulesScreen />}
            {route.name === 'not-found' && <NotFound />}
          </main>
          <UpdateBanner />
        </div>
      </LanguageContext.Provider>
    </ServicesContext.Provider>
  );
}
