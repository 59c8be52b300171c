/**
 * The palette: each kind can be dragged onto the canvas (HTML5 drag and drop) or clicked (added at a
 * sensible place, or into the selected tenant). Button names are the kinds' names.
 */
import type { CSSProperties, DragEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { addEntity } from '../actions/editing';
import { PALETTE_MIME } from '../canvas/Canvas';
import { KIND_LIST, PALETTE_SECTIONS } from '../inspector/kinds';
import type { PaletteKind } from '../model/entities';
import { CollapseIcon } from '../ui/uiIcons';

/** `rail`: icons only (a narrow window, or collapsed by the user); every item still drags and clicks. */
export function Palette({ rail = false, onToggle, resizer }: { rail?: boolean; onToggle?: () => void; resizer?: ReactNode }) {
  const { t } = useTranslation();
  const onDragStart = (event: DragEvent, kind: PaletteKind) => {
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <nav className={`palette${rail ? ' is-rail' : ''}`} aria-label={t('palette.title')}>
      <div className="panel-head">
        {!rail && <h2 className="panel-title">{t('palette.title')}</h2>}
        {onToggle && (
          <button
            type="button"
            className="panel-toggle"
            onClick={onToggle}
            aria-expanded={!rail}
            aria-label={t(rail ? 'panels.expandPalette' : 'panels.collapsePalette')}
            title={t(rail ? 'panels.expandPalette' : 'panels.collapsePalette')}
          >
            <CollapseIcon side={rail ? 'right' : 'left'} />
          </button>
        )}
      </div>
      {PALETTE_SECTIONS.map((section) => (
        <section key={section} className="palette-section" aria-label={rail ? t(`palette.section.${section}`) : undefined}>
          {!rail && <h3>{t(`palette.section.${section}`)}</h3>}
          {KIND_LIST.filter((k) => k.palette.section === section).map((item) => (
            <button
              key={item.kind}
              type="button"
              className={`palette-item kind-${item.kind}`}
              draggable
              onDragStart={(e) => onDragStart(e, item.kind)}
              onClick={() => addEntity(item.kind)}
              title={rail ? `${t(item.labelKey)}: ${t(item.hintKey)}` : t(item.hintKey)}
              aria-label={t(item.labelKey)}
              data-kind={item.kind}
            >
              <span className="palette-icon" style={{ background: `var(${item.color})` } as CSSProperties}>
                <item.icon />
              </span>
              <span className={rail ? 'visually-hidden' : 'palette-label'}>{t(item.labelKey)}</span>
            </button>
          ))}
        </section>
      ))}
      {!rail && <p className="palette-tip">{t('palette.tip')}</p>}
      {resizer}
    </nav>
  );
}
