/** Modal dialogs (confirm, choice, load errors, about) and toasts. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../store/uiStore';
import { CloseIcon } from '../ui/uiIcons';

export function DialogHost() {
  const { t } = useTranslation();
  const dialog = useUiStore((s) => s.dialog);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!dialog) return;
    const previous = document.activeElement as HTMLElement | null;
    const first = box.current?.querySelector<HTMLElement>('[data-autofocus]') ?? box.current?.querySelector<HTMLElement>('button');
    first?.focus();
    return () => previous?.focus?.();
  }, [dialog]);
  if (!dialog) return null;
  const cancel = () => {
    if (dialog.kind === 'confirm') dialog.resolve(false);
    else if (dialog.kind === 'choice') dialog.resolve(null);
    else dialog.resolve();
  };
  const titleId = 'mf-dialog-title';
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && cancel()}>
      <div
        className="dialog"
        role={dialog.kind === 'loadErrors' ? 'alertdialog' : 'dialog'}
        aria-modal="true"
        aria-labelledby={titleId}
        ref={box}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            cancel();
          }
        }}
      >
        {dialog.kind === 'confirm' && (
          <>
            <h2 id={titleId}>{dialog.title}</h2>
            <p>{dialog.message}</p>
            {dialog.details && dialog.details.length > 0 && (
              <ul className="dialog-details">
                {dialog.details.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            )}
            <div className="dialog-buttons">
              <button type="button" className="btn" onClick={() => dialog.resolve(false)}>
                {t('common.cancel')}
              </button>
              <button type="button" className={`btn ${dialog.danger ? 'btn-danger' : 'btn-primary'}`} onClick={() => dialog.resolve(true)} data-autofocus>
                {dialog.confirmLabel}
              </button>
            </div>
          </>
        )}
        {dialog.kind === 'choice' && (
          <>
            <h2 id={titleId}>{dialog.title}</h2>
            <p>{dialog.message}</p>
            <div className="dialog-buttons">
              {dialog.choices.map((c) => (
                <button
                  key={c.id}
                  type="button"
                  className={`btn${c.primary ? ' btn-primary' : ''}`}
                  onClick={() => dialog.resolve(c.id)}
                  data-autofocus={c.primary ? true : undefined}
                >
                  {c.label}
                </button>
              ))}
            </div>
          </>
        )}
        {dialog.kind === 'loadErrors' && (
          <>
            <h2 id={titleId}>{dialog.title}</h2>
            <p>{t('dialog.loadErrors.message', { name: dialog.fileName })}</p>
            <table className="load-errors">
              <thead>
                <tr>
                  <th>{t('dialog.loadErrors.path')}</th>
                  <th>{t('dialog.loadErrors.found')}</th>
                  <th>{t('dialog.loadErrors.expected')}</th>
                </tr>
              </thead>
              <tbody>
                {dialog.errors.map((e, i) => (
                  <tr key={i}>
                    <td>
                      <code>{e.line !== undefined ? `${e.path} (${t('dialog.loadErrors.lineColumn', { line: e.line, column: e.column })})` : e.path}</code>
                    </td>
                    <td>{e.found}</td>
                    <td>{e.expected}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted small">{t('dialog.loadErrors.unchanged')}</p>
            <div className="dialog-buttons">
              <button type="button" className="btn btn-primary" onClick={() => dialog.resolve()} data-autofocus>
                {t('common.close')}
              </button>
            </div>
          </>
        )}
        {dialog.kind === 'about' && (
          <>
            <h2 id={titleId}>Mailflow Studio</h2>
            <p>{t('dialog.about.text')}</p>
            <div className="dialog-buttons">
              <button type="button" className="btn btn-primary" onClick={() => dialog.resolve()} data-autofocus>
                {t('common.close')}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}

export function Toasts() {
  const { t } = useTranslation();
  const toasts = useUiStore((s) => s.toasts);
  const dismiss = useUiStore((s) => s.dismissToast);
  return (
    <div className="toasts">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
          <span>{toast.text}</span>
          <button type="button" className="toast-close" onClick={() => dismiss(toast.id)} aria-label={t('common.dismiss')}>
            <CloseIcon />
          </button>
        </div>
      ))}
    </div>
  );
}
