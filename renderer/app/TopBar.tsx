/** The top bar: app name, menubar (browser), document title with the unsaved mark, toolbar. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { formatShortcut, getAction, getActionContext, isActionEnabled, performAction, type ActionId } from '../actions/registry';
import { applyLanguage } from './preferences';
import { LANGUAGES } from '../i18n';
import { getPlatform } from '../platform';
import { documentDisplayTitle } from '../../shared/i18n/gallery';
import { isDirty, useDocumentStore } from '../store/documentStore';
import { useUiStore, type Language } from '../store/uiStore';
import { AsOfControl } from './AsOfControl';
import { MenuBar } from './MenuBar';
import { ToolbarSlot } from './slots';

const Icon = ({ d }: { d: string }) => (
  <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
    <path d={d} />
  </svg>
);

const TOOLS: Array<{ id: ActionId; icon: ReactElement }> = [
  { id: 'file.new', icon: <Icon d="M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9l-6-6ZM14 3v6h6M12 12v6M9 15h6" /> },
  { id: 'file.open', icon: <Icon d="M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7Z" /> },
  { id: 'file.save', icon: <Icon d="M5 3h11l5 5v11a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2ZM7 3v6h8V3M7 21v-7h10v7" /> },
  { id: 'file.export', icon: <Icon d="M12 15V3M7 8l5-5 5 5M5 14v5a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-5" /> },
  { id: 'edit.undo', icon: <Icon d="M9 14 4 9l5-5M4 9h11a5 5 0 0 1 0 10h-3" /> },
  { id: 'edit.redo', icon: <Icon d="m15 14 5-5-5-5M20 9H9a5 5 0 0 0 0 10h3" /> },
  { id: 'view.autoLayout', icon: <Icon d="M4 4h6v6H4zM14 14h6v6h-6zM14 4h6v6h-6zM10 7h4M17 10v4" /> },
  { id: 'view.fitView', icon: <Icon d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" /> },
  { id: 'view.toggleTheme', icon: <Icon d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8Z" /> },
];

export function TopBar() {
  const { t, i18n } = useTranslation();
  const doc = useDocumentStore((s) => s.doc);
  const dirty = useDocumentStore(isDirty);
  const fileName = useDocumentStore((s) => s.file.name);
  const language = useUiStore((s) => s.language);
  useUiStore((s) => s.selection);
  useStore(useDocumentStore.temporal, (s) => s.pastStates.length * 100000 + s.futureStates.length);
  const ctx = getActionContext();
  return (
    <header className="topbar">
      <div className="brand">
        <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true">
          <rect x="2" y="5" width="20" height="14" rx="3" fill="var(--mf-accent)" />
          <path d="m4 8 8 5 8-5" stroke="#fff" strokeWidth="1.8" fill="none" strokeLinecap="round" />
        </svg>
        {/* The page's one heading of level 1 (present mode has its own in the caption). */}
        <h1 className="brand-name">Mailflow Studio</h1>
      </div>
      {getPlatform().kind === 'browser' && <MenuBar />}
      <div className="doc-title" title={fileName ?? doc.title} data-testid="document-title">
        <span className="doc-title-text">{documentDisplayTitle(doc, i18n.language) || t('file.untitled')}</span>
        {fileName && <span className="doc-file">{fileName}</span>}
        {dirty && (
          <span className="dirty-mark" title={t('status.unsaved')} aria-label={t('status.unsaved')}>
            •
          </span>
        )}
      </div>
      <AsOfControl />
      <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
        {TOOLS.map(({ id, icon }) => {
          const action = getAction(id);
          if (!action) return null;
          const label = t(action.labelKey);
          return (
            <button
              key={id}
              type="button"
              className="tool-button"
              onClick={() => performAction(id)}
              disabled={!isActionEnabled(action, ctx)}
              title={action.shortcut ? `${label} (${formatShortcut(action.shortcut)})` : label}
              aria-label={label}
              data-action={id}
            >
              {icon}
            </button>
          );
        })}
        <ToolbarSlot />
        <label className="language-select">
          <span className="visually-hidden">{t('toolbar.language')}</span>
          <select value={language} onChange={(e) => applyLanguage(e.target.value as Language)} aria-label={t('toolbar.language')}>
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}
