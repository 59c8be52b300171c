/**
 * The web menubar (File, Edit, Insert, View, Simulation, Help). Every item is an action of the
 * registry; the desktop app shows the native menu instead, which dispatches the same ids.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShortcut, getActionContext, isActionEnabled, performAction, useActionRegistry, type Action, type ActionGroup } from '../actions/registry';
import { inMenuOrder } from '../actions/menuModel';
import { openRecent } from '../files/fileController';
import { getPlatform, type RecentEntry } from '../platform';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { CheckIcon } from '../ui/uiIcons';

/** "Shift+Mod+S" → "Shift+Control+S" (aria-keyshortcuts spells modifiers as KeyboardEvent does). */
function ariaShortcut(shortcut: string): string {
  const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? 'Meta' : 'Control';
  return shortcut
    .split('+')
    .map((p) => (p === 'Mod' ? mod : p === 'Ctrl' ? 'Control' : p))
    .join('+');
}

const GROUPS: ActionGroup[] = ['file', 'edit', 'insert', 'view', 'simulation', 'help'];

export function MenuBar() {
  const { t } = useTranslation();
  const actions = useActionRegistry((s) => s.actions);
  const [open, setOpen] = useState<ActionGroup | null>(null);
  const [recent, setRecent] = useState<RecentEntry[]>([]);
  const bar = useRef<HTMLDivElement>(null);
  // Re-render on document/selection changes so enabled states are current while a menu is open.
  useDocumentStore((s) => s.doc);
  useUiStore((s) => s.selection);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!bar.current?.contains(e.target as Node)) setOpen(null);
    };
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(null);
    };
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', key);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', key);
    };
  }, [open]);

  useEffect(() => {
    if (open === 'file') void getPlatform().listRecent().then(setRecent);
  }, [open]);

  const ctx = getActionContext();
  const byGroup = (g: ActionGroup) => inMenuOrder([...actions.values()].filter((a) => a.group === g && a.inMenu !== false));
  const run = (a: Action) => {
    setOpen(null);
    performAction(a.id);
  };

  return (
    <div className="menubar" role="menubar" aria-label={t('menu.label')} ref={bar}>
      {GROUPS.filter((g) => byGroup(g).length > 0).map((g) => (
        <div className="menu" key={g}>
          <button
            type="button"
            role="menuitem"
            aria-haspopup="menu"
            aria-expanded={open === g}
            className={`menu-button${open === g ? ' is-open' : ''}`}
            onClick={() => setOpen(open === g ? null : g)}
            onMouseEnter={() => open && open !== g && setOpen(g)}
          >
            {t(`menu.${g}`)}
          </button>
          {open === g && (
            <div className="menu-popup" role="menu" aria-label={t(`menu.${g}`)}>
              {byGroup(g).map((a) => {
                const checked = a.checked?.(ctx);
                return (
                  <button
                    key={a.id}
                    type="button"
                    role={checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
                    aria-checked={checked}
                    className="menu-item"
                    disabled={!isActionEnabled(a, ctx)}
                    onClick={() => run(a)}
                    data-action={a.id}
                    // The shortcut is announced as a shortcut, not read as part of the item's name.
                    aria-keyshortcuts={a.shortcut ? ariaShortcut(a.shortcut) : undefined}
                  >
                    <span className="menu-check" aria-hidden="true">
                      {checked ? <CheckIcon /> : null}
                    </span>
                    <span className="menu-label">{t(a.labelKey)}</span>
                    {a.shortcut && <kbd aria-hidden="true">{formatShortcut(a.shortcut)}</kbd>}
                  </button>
                );
              })}
              {g === 'file' && (
                <>
                  <div className="menu-separator" role="separator" />
                  <div className="menu-heading">{t('actions.file.openRecent')}</div>
                  {recent.length === 0 && <div className="menu-empty">{t('menu.noRecent')}</div>}
                  {recent.map((r) => (
                    <button
                      key={r.id}
                      type="button"
                      role="menuitem"
                      className="menu-item"
                      onClick={() => {
                        setOpen(null);
                        void openRecent(r);
                      }}
                      title={r.path ?? r.name}
                    >
                      <span className="menu-check" />
                      <span className="menu-label">{r.name}</span>
                    </button>
                  ))}
                </>
              )}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
