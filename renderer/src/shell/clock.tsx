import { createContext, useContext } from 'react';
import type { AppInfo } from '../../../core/api/system';

export interface ClockState {
  /** The host's answer to app.info: the console's "now" and whether it is simulated. */
  info: AppInfo | undefined;
  /** Takes a newer answer (e.g. from settings.setClock) so the header follows at once. */
  setInfo: (info: AppInfo) => void;
}

export const ClockContext = createContext<ClockState>({ info: undefined, setInfo: () => {} });

/** The console's clock as the header shows it; settings change it. */
export function useClock(): ClockState {
  return useContext(ClockContext);
}
