import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A screen whose code is fetched the first time it is shown. Only the accounts screen is in the
 * start-up bundle, so less JavaScript runs before the first paint; the service worker precaches
 * every chunk, so later screens still open offline and without a network wait.
 */
export function lazyScreen<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
): ComponentType<Props> {
  let loaded: ComponentType<Props> | null = null;
  let loading: Promise<ComponentType<Props>> | null = null;
  return function LazyScreen(props: Props) {
    const [Screen, setScreen] = useState(() => loaded);
    useEffect(() => {
      if (Screen) return;
      let isCurrent = true;
      loading ??= load().then((component) => (loaded = component));
      void loading.then((component) => {
        if (isCurrent) setScreen(() => component);
      });
      return () => {
        isCurrent = false;
      };
    }, [Screen]);
    return Screen ? <Screen {...props} /> : <div class="screen-loading" aria-busy="true" />;
  };
}
