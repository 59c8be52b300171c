/**
 * File ▸ New from example…: the examples of the repository's `examples/` folder, with their title
 * and description in the current language, a small picture drawn from the model (shared/diagram)
 * and what they contain. Choosing one opens it as a new untitled document, in the edition of the UI
 * language (shared/i18n/gallery.ts `localizeExample`: Japanese names and comments in Japanese); the
 * thumbnail is drawn from that edition.
 */
import { useEffect, useState } from 'react';
import { formatCount } from '../i18n';
import { useTranslation } from 'react-i18next';
import { renderDiagramSvg } from '../../shared/diagram/svg';
import { localizeExample } from '../../shared/i18n/gallery';
import type { TopologyDocument } from '../../shared/model/schema';
import { confirmDiscardChanges, openAsUntitled } from '../files/fileController';
import { useUiStore } from '../store/uiStore';
import { GALLERY, loadExampleDocument, type GalleryEntry } from './examples';
import { Modal } from './Modal';

interface Loaded {
  doc: TopologyDocument;
  thumbnail: string;
}

export function ExampleGallery({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language?.startsWith('ja') ? 'ja' : 'en';
  const theme = useUiStore((s) => s.theme);
  const [loaded, setLoaded] = useState<Record<string, Loaded>>({});
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const urls: string[] = [];
    void Promise.all(
      GALLERY.map(async (entry) => {
        try {
          const doc = localizeExample(await loadExampleDocument(entry.file), lang, entry.file);
          const drawn = renderDiagramSvg(doc, { theme, lang, padding: 8, embedDocument: false });
          const url = URL.createObjectURL(new Blob([drawn.svg], { type: 'image/svg+xml' }));
          urls.push(url);
          return [entry.file, { doc, thumbnail: url }] as const;
        } catch {
          return null;
        }
      }),
    ).then((pairs) => {
      if (!cancelled) setLoaded(Object.fromEntries(pairs.filter((p) => p !== null)));
    });
    return () => {
      cancelled = true;
      for (const url of urls) URL.revokeObjectURL(url);
    };
  }, [theme, lang]);

  const open = async (entry: GalleryEntry) => {
    setError(null);
    const title = entry.title[lang];
    try {
      const doc = loaded[entry.file]?.doc ?? localizeExample(await loadExampleDocument(entry.file), lang, entry.file);
      onClose();
      if (!(await confirmDiscardChanges())) return;
      await openAsUntitled(doc);
      useUiStore.getState().toast('success', t('integrations.gallery.opened', { title }));
    } catch (e) {
      setError(t('integrations.gallery.failed', { name: entry.file, reason: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <Modal title={t('integrations.gallery.title')} onClose={onClose} className="integration-wide">
      <p className="muted">{t('integrations.gallery.intro')}</p>
      <ul className="example-gallery">
        {GALLERY.map((entry) => {
          const item = loaded[entry.file];
          const title = entry.title[lang];
          return (
            <li key={entry.file} className="example-card">
              <button type="button" className="example-open" onClick={() => void open(entry)} aria-label={t('integrations.gallery.open', { title })} data-example={entry.file}>
                <span className="example-thumb">{item && <img src={item.thumbnail} alt={t('integrations.gallery.thumbnailAlt', { title })} />}</span>
                <span className="example-text">
                  <strong className="example-title">{title}</strong>
                  <span className="example-description">{entry.description[lang]}</span>
                  {item && (
                    <span className="example-summary">
                      {[formatCount('tenant', item.doc.tenants.length), formatCount('server', item.doc.servers.length), formatCount('scenario', item.doc.scenarios.length)].join(' · ')}
                    </span>
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {error && (
        <p role="alert" className="dialog-error">
          {error}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" className="btn" onClick={onClose}>
          {t('integrations.common.close')}
        </button>
      </div>
    </Modal>
  );
}
