/**
 * The integrations' actions in the app's one action registry (web menubar, native menu through
 * `onMenuAction`, toolbar, shortcuts). `file.export` and `file.import` are ids of MENU_ACTION_IDS,
 * so the desktop's native File menu reaches the same dialogs.
 */
import { registerActions, type Action } from '../actions/registry';
import { useIntegrationStore, type IntegrationDialog } from './store';

const show = (dialog: IntegrationDialog) => () => useIntegrationStore.getState().show(dialog);

export function integrationActions(): Action[] {
  return [
    { id: 'file.newFromExample', labelKey: 'integrations.actions.newFromExample', group: 'file', perform: show('examples') },
    {
      id: 'file.export',
      labelKey: 'integrations.actions.export',
      group: 'file',
      shortcut: 'Mod+E',
      worksInTextFields: true,
      perform: show('export'),
    },
    { id: 'file.import', labelKey: 'integrations.actions.importExo', group: 'file', perform: show('importExo') },
    {
      id: 'file.exportPowerShell',
      labelKey: 'integrations.actions.exportPowerShell',
      group: 'file',
      enabled: (c) => c.doc.tenants.length > 0,
      perform: show('powershell'),
    },
    {
      id: 'view.compareExo',
      labelKey: 'integrations.actions.compareExo',
      group: 'view',
      enabled: (c) => c.doc.tenants.length > 0,
      perform: show('diff'),
    },
  ];
}

let registered = false;

/** Registers the actions once (module import time). */
export function installIntegrationActions(): void {
  if (registered) return;
  registered = true;
  registerActions(integrationActions());
}
