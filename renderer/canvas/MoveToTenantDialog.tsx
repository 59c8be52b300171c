/**
 * "Move to tenant…": the keyboard way to do what dragging a connector or rule onto another tenant
 * does (in this model connectors and rules belong to a tenant; there are no free edges to draw).
 * A list of the other tenants; Enter moves, Escape cancels, focus returns to the moved node.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tenant } from '../../shared/model/schema';

export interface MoveToTenantRequest {
  childId: string;
  /** Kind and name, e.g. "Inbound connector From Contoso". */
  what: string;
  currentTenantId: string;
}

export function MoveToTenantDialog({
  request,
  tenants,
  onMove,
  onCancel,
}: {
  request: MoveToTenantRequest;
  tenants: readonly Tenant[];
  onMove(tenantId: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const listId = useId();
  const others = tenants.filter((x) => x.id !== request.currentTenantId);
  const [choice, setChoice] = useState(others[0]?.id ?? '');
  const list = useRef<HTMLSelectElement>(null);
  useEffect(() => list.current?.focus(), []);
  const submit = () => {
    if (choice) onMove(choice);
  };
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onCancel()}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(e) => {
          // Keys pressed here are not canvas or menu shortcuts.
          e.stopPropagation();
          if (e.key === 'Escape') onCancel();
        }}
      >
        <h2 id={titleId}>{t('canvas.moveToTenant.title')}</h2>
        <label htmlFor={listId}>{t('canvas.moveToTenant.label', { what: request.what })}</label>
        <select
          id={listId}
          ref={list}
          size={Math.min(8, Math.max(2, others.length))}
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              submit();
            }
          }}
          style={{ width: '100%', marginTop: 8 }}
        >
          {others.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
        <div className="dialog-buttons">
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn btn-primary" onClick={submit} disabled={!choice}>
            {t('canvas.moveToTenant.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
