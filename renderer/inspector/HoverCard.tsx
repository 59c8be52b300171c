/**
 * Hover cards (draw.io's and Visio's tooltips, but ours): resting the pointer on a canvas node for
 * half a second — or focusing it with the keyboard — shows its key settings, with the inspector's
 * labels and values (the kind descriptors of kinds.tsx), and its diagnostics; resting on a playback
 * mark (first receipt, hand-off, rule acted, delivered, NDR, stop…) explains it in plain words.
 * The card is placed beside what it describes (never over it) and inside the window, closes on
 * Escape, when the pointer leaves or a drag starts, and is not shown in present mode. It is a
 * `role="tooltip"` the hovered node names with `aria-describedby`. Mounted over the canvas by the
 * shell (it reads the descriptors of inspector/, which canvas/ may not import).
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getHoverExtras } from '../canvas/canvasApi';
import { SeverityIcon } from '../canvas/icons';
import { placeHoverCard } from '../canvas/hoverPlacement';
import { locateEntity } from '../model/entities';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { KINDS, type EntityOf } from './kinds';
import type { FieldSpec, Translate } from './spec';

export const HOVER_DELAY_MS = 500;
const CARD_ID = 'mf-hover-card';

/** The settings a card shows per kind, in this order (keys of the inspector's fields). */
const KEY_SETTINGS: Record<keyof EntityOf, readonly string[]> = {
  server: ['ipAddress', 'tls', 'subject', 'subjectAlternativeNames', 'tlsVersion', 'exchangeVersion', 'comment'],
  external: ['ipAddress', 'tls', 'subject', 'tlsVersion', 'comment'],
  tenant: ['acceptedDomains', 'rejectDirectSend', 'recipients', 'comment'],
  inbound: ['connectorType', 'enabled', 'senderIPAddresses', 'tlsSenderCertificateName', 'requireTls', 'senderDomains', 'comment'],
  outbound: ['connectorType', 'enabled', 'recipientDomains', 'allAcceptedDomains', 'useMXRecord', 'smartHosts', 'routeAllMessagesViaOnPremises', 'comment'],
  rule: [
    'priority',
    'enabled',
    'sentToScope',
    'fromScope',
    'recipientDomainIs',
    'senderDomainIs',
    'exceptIfRecipientDomainIs',
    'exceptIfSenderDomainIs',
    'rejectMessageEnhancedStatusCode',
    'rejectMessageReasonText',
    'deleteMessage',
    'redirectMessageTo',
    'setHeaderName',
    'stopRuleProcessing',
    'comment',
  ],
};
/** Yes/no settings shown only when set (a rule's actions). */
const ONLY_WHEN_ON = new Set(['deleteMessage', 'stopRuleProcessing']);
const LIST_MAX = 4;

interface Row {
  key: string;
  label: string;
  value: string;
  mono?: boolean;
}

/** The card's rows for an entity: its descriptor's fields, as the inspector labels and shows them. */
export function settingRows<K extends keyof EntityOf>(kind: K, entity: EntityOf[K], t: Translate): Row[] {
  const fields = new Map<string, FieldSpec<EntityOf[K]>>();
  for (const section of KINDS[kind].sections as ReadonlyArray<{ fields: Array<FieldSpec<EntityOf[K]>> }>) for (const f of section.fields) fields.set(f.key, f);
  const list = (items: readonly string[]) => (items.length > LIST_MAX ? `${items.slice(0, LIST_MAX).join(', ')} +${items.length - LIST_MAX}` : items.join(', '));
  const rows: Row[] = [];
  for (const key of KEY_SETTINGS[kind]) {
    const label = t(`fields.${key}`);
    if (key === 'acceptedDomains' && 'acceptedDomains' in entity) {
      const domains = entity.acceptedDomains.map((d) => d.domainName);
      rows.push({ key, label, value: domains.length ? list(domains) : t('canvas.noDomains'), mono: true });
      continue;
    }
    const f = fields.get(key);
    if (!f || (f.when && !f.when(entity))) continue;
    const fieldLabel = f.label ? t(f.label) : label;
    if (f.type === 'text') {
      const v = f.get(entity);
      if (v) rows.push({ key, label: fieldLabel, value: v, mono: f.mono });
    } else if (f.type === 'list') {
      const v = f.get(entity);
      if (v.length) rows.push({ key, label: fieldLabel, value: list(v), mono: true });
    } else if (f.type === 'check') {
      const on = f.get(entity);
      if (on || !ONLY_WHEN_ON.has(key)) rows.push({ key, label: fieldLabel, value: t(on ? 'common.yes' : 'common.no') });
    } else if (f.type === 'select') {
      const v = f.get(entity);
      if (v) rows.push({ key, label: fieldLabel, value: f.options(t, entity).find((o) => o.value === v)?.label ?? v });
    }
  }
  return rows;
}

type Target = { kind: 'node'; id: string; el: HTMLElement } | { kind: 'mark'; el: HTMLElement };
const keyOf = (target: Target | null) => (target ? (target.kind === 'node' ? `node:${target.id}` : `mark:${target.el.dataset.explain}:${target.el.dataset.explainAt ?? ''}:${target.el.dataset.explainDetail ?? ''}`) : null);

/** The entity node under an element (not zones, landmarks or notes: they have no settings). */
function nodeTarget(el: Element | null): Target | null {
  const node = el?.closest<HTMLElement>('.react-flow__node');
  const id = node?.dataset.id;
  if (!node || !id || !locateEntity(useDocumentStore.getState().doc, id)) return null;
  return { kind: 'node', id, el: node };
}

/** A playback mark under the pointer (the overlay takes no pointer events, so by its drawn box). */
function markTarget(wrapper: Element, x: number, y: number): Target | null {
  for (const el of wrapper.querySelectorAll<HTMLElement>('[data-explain]')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return { kind: 'mark', el };
  }
  return null;
}

export function HoverCard() {
  const [shown, setShown] = useState<Target | null>(null);
  const current = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const card = useRef<HTMLDivElement>(null);

  const hide = useCallback(() => {
    clearTimeout(timer.current);
    setShown(null);
  }, []);
  const schedule = useCallback((target: Target | null) => {
    const key = keyOf(target);
    if (key === current.current) return;
    current.current = key;
    clearTimeout(timer.current);
    setShown(null);
    if (!target) return;
    timer.current = setTimeout(() => {
      if (getHoverExtras()?.hidden() || useUiStore.getState().dragging.length || !target.el.isConnected) return;
      setShown(target);
    }, HOVER_DELAY_MS);
  }, []);

  useEffect(() => {
    const inCanvas = (e: Event) => (e.target instanceof Element ? e.target.closest('.canvas-wrapper') : null);
    const onMove = (e: PointerEvent) => {
      // The card takes no pointer events (it never blocks a click or a drag on the canvas), yet the
      // pointer may rest on it without it closing (WCAG 1.4.13, hoverable).
      const r = card.current?.getBoundingClientRect();
      if (r && e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom) return;
      const wrapper = inCanvas(e);
      if (!wrapper || e.buttons) {
        if (!wrapper) schedule(null);
        else hide();
        return;
      }
      schedule(markTarget(wrapper, e.clientX, e.clientY) ?? nodeTarget(e.target as Element));
    };
    const onDown = () => hide();
    const onFocus = (e: FocusEvent) => {
      if (inCanvas(e)) schedule(nodeTarget(e.target as Element));
    };
    const onBlur = (e: FocusEvent) => {
      if (inCanvas(e) && !(e.relatedTarget instanceof Element && nodeTarget(e.relatedTarget))) schedule(null);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') hide();
    };
    const onLeave = () => schedule(null);
    const onWheel = () => {
      current.current = null;
      hide();
    };
    document.addEventListener('pointermove', onMove, true);
    document.addEventListener('pointerdown', onDown, true);
    document.addEventListener('focusin', onFocus);
    document.addEventListener('focusout', onBlur);
    document.addEventListener('wheel', onWheel, { capture: true, passive: true });
    window.addEventListener('keydown', onKey, true);
    document.documentElement.addEventListener('pointerleave', onLeave);
    return () => {
      document.documentElement.removeEventListener('pointerleave', onLeave);
      clearTimeout(timer.current);
      document.removeEventListener('pointermove', onMove, true);
      document.removeEventListener('pointerdown', onDown, true);
      document.removeEventListener('focusin', onFocus);
      document.removeEventListener('focusout', onBlur);
      document.removeEventListener('wheel', onWheel, { capture: true });
      window.removeEventListener('keydown', onKey, true);
    };
  }, [hide, schedule]);

  // The hovered node names the card (aria-describedby), beside React Flow's own description.
  useEffect(() => {
    if (shown?.kind !== 'node') return;
    const el = shown.el;
    const before = el.getAttribute('aria-describedby');
    el.setAttribute('aria-describedby', [before, CARD_ID].filter(Boolean).join(' '));
    return () => {
      if (before === null) el.removeAttribute('aria-describedby');
      else el.setAttribute('aria-describedby', before);
    };
  }, [shown]);

  // Placed once its size is known: beside the target, inside the window.
  const [place, setPlace] = useState<{ x: number; y: number } | null>(null);
  useLayoutEffect(() => {
    if (!shown || !card.current) {
      setPlace(null);
      return;
    }
    const r = shown.el.getBoundingClientRect();
    const size = { w: card.current.offsetWidth, h: card.current.offsetHeight };
    const p = placeHoverCard({ x: r.left, y: r.top, w: r.width, h: r.height }, size, { w: window.innerWidth, h: window.innerHeight });
    setPlace({ x: p.x, y: p.y });
  }, [shown]);

  if (!shown) return null;
  return (
    <div
      ref={card}
      id={CARD_ID}
      role="tooltip"
      className="hover-card"
      data-testid="hover-card"
      data-for={shown.kind === 'node' ? shown.id : shown.el.dataset.explain}
      style={{ left: place?.x ?? 0, top: place?.y ?? 0, visibility: place ? 'visible' : 'hidden' }}
    >
      {shown.kind === 'node' ? <NodeCard id={shown.id} /> : <MarkCard el={shown.el} />}
    </div>
  );
}

function NodeCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const doc = useDocumentStore((s) => s.doc);
  const diagnostics = useUiStore((s) => s.diagnostics).filter((d) => d.entity === id);
  const found = locateEntity(doc, id);
  if (!found) return null;
  const rows = settingRows(found.kind, found.entity as EntityOf[typeof found.kind], (key, values) => t(key, values ?? {}));
  const extra = getHoverExtras()?.lines(id) ?? [];
  return (
    <>
      <div className="hover-card-head">
        <span className="hover-card-kind">{t(KINDS[found.kind].labelKey)}</span>
        <strong className="hover-card-name">{found.entity.name}</strong>
      </div>
      {rows.length > 0 && (
        <dl className="hover-card-settings">
          {rows.map((r) => (
            <Setting key={r.key} label={r.label} mono={r.mono} k={r.key}>
              {r.value}
            </Setting>
          ))}
        </dl>
      )}
      <div className="hover-card-section">{t('hoverCard.diagnostics')}</div>
      {diagnostics.length ? (
        <ul className="hover-card-diagnostics">
          {diagnostics.slice(0, 4).map((d, i) => (
            <li key={i} className={`severity-${d.severity}`} data-testid="hover-card-diagnostic">
              <SeverityIcon severity={d.severity} size={12} />
              <span>{d.message}</span>
            </li>
          ))}
          {diagnostics.length > 4 && <li className="muted">{t('hoverCard.more', { count: diagnostics.length - 4 })}</li>}
        </ul>
      ) : (
        <p className="hover-card-muted">{t('hoverCard.noDiagnostics')}</p>
      )}
      {extra.length > 0 && (
        <>
          <div className="hover-card-section">{t('hoverCard.inSimulation')}</div>
          <ul className="hover-card-simulation">
            {extra.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function Setting({ label, mono, k, children }: { label: string; mono?: boolean; k: string; children: ReactNode }) {
  return (
    <div className="hover-card-row" data-setting={k}>
      <dt>{label}</dt>
      <dd className={mono ? 'mono' : undefined}>{children}</dd>
    </div>
  );
}

function MarkCard({ el }: { el: HTMLElement }) {
  const { t } = useTranslation();
  const doc = useDocumentStore((s) => s.doc);
  const kind = el.dataset.explain ?? '';
  const at = el.dataset.explainAt ?? '';
  const name = (at && locateEntity(doc, at)?.entity.name) || at;
  return (
    <>
      <div className="hover-card-head">
        <strong className="hover-card-name">{el.dataset.explainTitle || el.textContent}</strong>
      </div>
      <p className="hover-card-text">{t(`hoverCard.mark.${kind}`, { name, detail: el.dataset.explainDetail ?? '' })}</p>
    </>
  );
}
