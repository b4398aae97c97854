import { useCallback, useMemo } from 'react';
import { navigate, useLocation } from './navigation';
import { type ExplorerState, parseExplorerState, serializeExplorerState } from './url-state';

export type UpdateExplorerState = (change: Partial<ExplorerState>, options?: { replace?: boolean }) => void;

/** The explorer's state, read from and written to the URL. */
export function useExplorerState(): [ExplorerState, UpdateExplorerState] {
  const { search } = useLocation();
  const state = useMemo(() => parseExplorerState(search), [search]);
  const update = useCallback<UpdateExplorerState>((change, options) => {
    const current = parseExplorerState(window.location.search);
    navigate(`${window.location.pathname}${serializeExplorerState({ ...current, ...change })}`, options);
  }, []);
  return [state, update];
}
