/**
 * The canvas's context menu: the items of `CONTEXT_MENUS` for the clicked target, drawn like the
 * menubar's menus (same labels, same shortcuts) and performing the same registry actions. Arrow
 * keys move between items, Escape closes and gives focus back to where it was.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { addHereHeading, CONTEXT_MENUS, useContextMenu } from '../actions/contextActions';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { formatShortcut, getAction, getActionContext, isActionEnabled, performAction } from '../actions/registry';

export function ContextMenu() {
  const { t } = useTranslation();
  const open = useContextMenu((s) => s.open);
  // Enabled states follow the selection and document as they are when the menu shows.
  useUiStore((s) => s.selection);
  useDocumentStore((s) => s.doc);
  const box = useRef<HTMLDivElement>(null);
  const previous = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (!open) return;
    previous.current = document.activeElement as HTMLElement | null;
    box.current?.querySelector<HTMLElement>('[role="menuitem"]:not(:disabled)')?.focus();
    const onDown = (e: MouseEvent) => {
      if (!box.current?.contains(e.target as Node)) useContextMenu.getState().close();
    };
    window.addEventListener('mousedown', onDown, true);
    return () => window.removeEventListener('mousedown', onDown, true);
  }, [open]);

  if (!open) return null;
  const ctx = { ...getActionContext(), at: open.at };
  const close = (restore: boolean) => {
    useContextMenu.getState().close();
    if (restore) previous.current?.focus?.();
  };
  const heading = addHereHeading(open.target);
  const items = CONTEXT_MENUS[open.target];
  // Keep the menu on screen: open up/left of the pointer when it would run off the window.
  const left = Math.min(open.x, window.innerWidth - 280);
  const top = Math.min(open.y, window.innerHeight - 40 - items.length * 30);
  const what = open.target === 'pane' || open.target === 'selection' || open.target === 'step' ? t(`contextMenu.${open.target}`) : t(`kinds.${open.target}`);

  return (
    <div
      ref={box}
      className="menu-popup context-menu"
      role="menu"
      aria-label={t('contextMenu.label', { what })}
      style={{ position: 'fixed', left: Math.max(4, left), top: Math.max(4, top) }}
      data-target={open.target}
      onContextMenu={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') {
          e.preventDefault();
          close(true);
          return;
        }
        if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
        e.preventDefault();
        const all = [...(box.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? [])];
        const at = all.indexOf(document.activeElement as HTMLElement);
        all[(at + (e.key === 'ArrowDown' ? 1 : all.length - 1)) % all.length]?.focus();
      }}
    >
      {heading && <div className="menu-heading">{t(heading)}</div>}
      {items.map((id, i) => {
        if (id === '-') return <div key={`sep-${i}`} className="menu-separator" role="separator" />;
        const action = getAction(id);
        if (!action) return null;
        return (
          <button
            key={id}
            type="button"
            role="menuitem"
            className="menu-item"
            data-action={id}
            disabled={!isActionEnabled(action, ctx)}
            onClick={() => {
              close(false);
              performAction(id, ctx);
            }}
          >
            <span className="menu-check" aria-hidden="true" />
            <span className="menu-label">{t(action.labelKey)}</span>
            {action.shortcut && <kbd aria-hidden="true">{formatShortcut(action.shortcut)}</kbd>}
          </button>
        );
      })}
    </div>
  );
}
