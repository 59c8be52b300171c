/**
 * The keyboard reference (`?`): every action with a key, generated from the registry by
 * `shortcutList`, so a new shortcut appears here by itself (test/renderer/actions.test.ts checks
 * that every key of every action is listed).
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import { shortcutList, useActionRegistry, type ActionScope } from './registry';

export const useShortcutsDialog = create<{ open: boolean }>()(() => ({ open: false }));

export function ShortcutsDialog() {
  const { t } = useTranslation();
  const open = useShortcutsDialog((s) => s.open);
  const actions = useActionRegistry((s) => s.actions);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const previous = document.activeElement as HTMLElement | null;
    box.current?.querySelector<HTMLElement>('button')?.focus();
    return () => previous?.focus?.();
  }, [open]);
  if (!open) return null;
  const close = () => useShortcutsDialog.setState({ open: false });
  const list = shortcutList(actions.values(), (k) => t(k));
  const scopes = [...new Set(list.map((e) => e.scope))] as ActionScope[];
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        className="dialog shortcuts-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="mf-shortcuts-title"
        ref={box}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') close();
        }}
      >
        <h2 id="mf-shortcuts-title">{t('shortcuts.title')}</h2>
        <div className="shortcuts-body">
          {scopes.map((scope) => (
            <table key={scope} className="shortcuts-table">
              <caption>{t(`shortcuts.scope.${scope}`)}</caption>
              <tbody>
                {list
                  .filter((e) => e.scope === scope)
                  .map((e) => (
                    <tr key={e.id} data-action={e.id}>
                      <th scope="row">{e.label}</th>
                      <td>
                        {e.keys.map((k, i) => (
                          <span key={k}>
                            {i > 0 && ' / '}
                            <kbd>{k}</kbd>
                          </span>
                        ))}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          ))}
        </div>
        <div className="dialog-buttons">
          <button type="button" className="btn btn-primary" onClick={close}>
            {t('shortcuts.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
