import { useEffect } from 'preact/hooks';
import type { AppServices } from '../../app/services.ts';
import { AccountsScreen } from '../accounts/AccountsScreen.tsx';
import { ActivityScreen } from '../activity/ActivityScreen.tsx';
import { CategoriesScreen } from '../categories/CategoriesScreen.tsx';
import { LanguageContext } from '../i18n/i18n.ts';
import { AccountScreen } from '../operations/AccountScreen.tsx';
import { currentRoute } from '../router.ts';
import { ServicesContext } from '../services-context.ts';
import { SettingsScreen } from '../settings/SettingsScreen.tsx';
import { Navigation } from './Navigation.tsx';
import { UpdateBanner } from './UpdateBanner.tsx';
import { NotFound } from './NotFound.tsx';

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
            {route.name === 'not-found' && <NotFound />}
          </main>
          <UpdateBanner />
        </div>
      </LanguageContext.Provider>
    </ServicesContext.Provider>
  );
}
