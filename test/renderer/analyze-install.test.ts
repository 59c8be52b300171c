/**
 * Analyze is wired at start-up like the other features (main.tsx calls `installAnalyze()`):
 * importing the module registers nothing and starts no sync; installing registers the action once
 * and makes a document change refresh the view.
 */
import { describe, expect, it, vi } from 'vitest';
import { useActionRegistry } from '../../renderer/actions/registry';
import { emptyDocument } from '../../shared/model/edit';

describe('Analyze start-up wiring', () => {
  it('registers its action and sync only when installed, once', async () => {
    const { installAnalyze, useAnalyzeStore } = await import('../../renderer/analyze');
    const { useDocumentStore } = await import('../../renderer/store/documentStore');
    const refresh = vi.spyOn(useAnalyzeStore.getState(), 'refresh').mockImplementation(() => undefined);
    expect(useActionRegistry.getState().actions.has('simulation.analyze')).toBe(false);
    useDocumentStore.getState().load(emptyDocument('before'), {});
    expect(refresh).not.toHaveBeenCalled();

    installAnalyze();
    installAnalyze();
    expect(useActionRegistry.getState().actions.get('simulation.analyze')?.shortcut).toBe('Shift+Mod+A');
    useDocumentStore.getState().load(emptyDocument('after'), {});
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});
