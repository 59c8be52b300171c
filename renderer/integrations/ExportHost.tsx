/**
 * File ▸ Export…: the export dialog of renderer/export/, given the open document, the current
 * simulation (when it was made from this very document) and the platform's way of writing files.
 */
import { useMemo } from 'react';
import { ExportDialog, type ExportPlatform } from '../export';
import { usePlaybackStore } from '../playback/playbackStore';
import { getPlatform } from '../platform';
import { useDocumentStore } from '../store/documentStore';

export function ExportHost({ onClose }: { onClose: () => void }) {
  const doc = useDocumentStore((s) => s.doc);
  const documentPath = useDocumentStore((s) => s.file.path ?? s.file.name);
  const simulation = usePlaybackStore((s) => (s.simulatedDoc === doc ? s.simulation : null));
  const platform = useMemo<ExportPlatform>(() => {
    const host = getPlatform();
    return {
      async saveExport(name, format, data) {
        const result = await host.saveExport(name, format, data);
        if (!result.ok && result.reason === 'error') throw new Error(result.message);
      },
    };
  }, []);
  return (
    // Keys typed in the dialog stay there: the app's shortcuts must not edit the design meanwhile.
    <div onKeyDown={(e) => e.stopPropagation()}>
      <ExportDialog document={doc} simulation={simulation} onClose={onClose} platform={platform} documentPath={documentPath} />
    </div>
  );
}
