import { useCallback, useSyncExternalStore } from 'react';
import { storedName, storedToken, storeToken } from '../lib/writeToken.js';

const subscribe = (onChange: () => void) => {
  window.addEventListener('write-token', onChange);
  return () => window.removeEventListener('write-token', onChange);
};

/** The session's write token (null until the person gives it), and a setter. */
export function useWriteToken() {
  const token = useSyncExternalStore(subscribe, storedToken, () => null);
  const name = useSyncExternalStore(subscribe, storedName, () => '');
  const set = useCallback((next: string | null, who?: string) => storeToken(next, who), []);
  return { token, name, setToken: set };
}
