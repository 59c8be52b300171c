/**
 * The frame of an integration dialog: modal, labelled by its heading, focus moved in on open and
 * back on close, Escape and the backdrop close it. Keys pressed inside never reach the app's global
 * shortcuts (Ctrl+Z must not undo the design while a dialog is open).
 */
import { useEffect, useRef, type ReactNode } from 'react';

interface ModalProps {
  title: string;
  onClose: () => void;
  /** Extra class, e.g. a wider dialog. */
  className?: string;
  /** While busy, Escape and the backdrop do nothing. */
  busy?: boolean;
  children: ReactNode;
}

let modalCounter = 0;

export function Modal({ title, onClose, className, busy = false, children }: ModalProps) {
  const box = useRef<HTMLDivElement>(null);
  const titleId = useRef(`mf-integration-title-${++modalCounter}`).current;
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first = box.current?.querySelector<HTMLElement>('[data-autofocus]') ?? box.current?.querySelector<HTMLElement>('input, select, button, textarea');
    first?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <div
        className={`dialog integration-dialog${className ? ` ${className}` : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        ref={box}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape' && !busy) onClose();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
