/**
 * Integrations: diagram export (File ▸ Export…, Ctrl/Cmd+E), the example gallery (File ▸ New from
 * example…), Exchange Online import (File ▸ Import from Exchange Online…), Export as PowerShell and
 * the comparison with a real tenant (View ▸ Compare with Exchange Online…). Importing this module
 * registers the strings; main.tsx installs the actions right after the designer's own (so the File
 * menu lists New/Open/Save first); App renders `IntegrationDialogs`.
 */
import './i18n';
import './integrations.css';

export { installIntegrationActions } from './actions';
export { IntegrationDialogs } from './IntegrationDialogs';
export { useIntegrationStore } from './store';
