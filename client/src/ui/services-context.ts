import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AppServices } from '../app/services.ts';

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() outside <ServicesContext.Provider>');
  return services;
}
