/** Shows the integration dialog that is open (one at a time). App renders this once. */
import { DiffDialog } from './DiffDialog';
import { ExampleGallery } from './ExampleGallery';
import { ExportHost } from './ExportHost';
import { ImportExoDialog } from './ImportExoDialog';
import { PowerShellDialog } from './PowerShellDialog';
import { useIntegrationStore } from './store';

export function IntegrationDialogs() {
  const open = useIntegrationStore((s) => s.open);
  const close = useIntegrationStore((s) => s.close);
  switch (open) {
    case 'export':
      return <ExportHost onClose={close} />;
    case 'examples':
      return <ExampleGallery onClose={close} />;
    case 'importExo':
      return <ImportExoDialog onClose={close} />;
    case 'powershell':
      return <PowerShellDialog onClose={close} />;
    case 'diff':
      return <DiffDialog onClose={close} />;
    default:
      return null;
  }
}
