/** A labelled choice of one of the design's tenants, shown as "Name (id)". */
import type { Tenant } from '../../shared/model/schema';

export function TenantSelect({
  id,
  label,
  tenants,
  value,
  onChange,
}: {
  id: string;
  label: string;
  tenants: readonly Tenant[];
  value: string;
  onChange: (tenantId: string) => void;
}) {
  return (
    <div className="integration-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {tenants.map((x) => (
          <option key={x.id} value={x.id}>
            {x.name} ({x.id})
          </option>
        ))}
      </select>
    </div>
  );
}
