/** Colours of the exported diagram, per theme. Plain hex values so every SVG renderer agrees. */
export type DiagramThemeName = 'light' | 'dark';

export interface DiagramPalette {
  background: string;
  text: string;
  muted: string;
  title: string;
  onPremZone: string;
  onPremZoneStroke: string;
  internetZone: string;
  internetZoneStroke: string;
  cloudZone: string;
  cloudZoneStroke: string;
  tenantFill: string;
  tenantStroke: string;
  tenantHeader: string;
  card: string;
  cardStroke: string;
  serverAccent: string;
  connectorAccent: string;
  ruleAccent: string;
  outboundAccent: string;
  mailboxAccent: string;
  eopFill: string;
  eopStroke: string;
  edge: string;
  path: string;
  pathHalo: string;
  handoff: string;
  ndr: string;
  stop: string;
  stopText: string;
  /** Text on coloured pills other than the stop mark (dark in the dark theme, for contrast). */
  pillText: string;
  ok: string;
  firstReceipt: string;
  disabled: string;
}

export const PALETTES: Record<DiagramThemeName, DiagramPalette> = {
  light: {
    background: '#ffffff',
    text: '#1f2937',
    muted: '#5b6472',
    title: '#111827',
    onPremZone: '#f3f6f9',
    onPremZoneStroke: '#9aa8b8',
    internetZone: '#f6f4fb',
    internetZoneStroke: '#aca3c4',
    cloudZone: '#eef5fc',
    cloudZoneStroke: '#7fa7d3',
    tenantFill: '#ffffff',
    tenantStroke: '#5b8fc9',
    tenantHeader: '#e3eefa',
    card: '#ffffff',
    cardStroke: '#c5ced9',
    serverAccent: '#4b5563',
    connectorAccent: '#0f6cbd',
    ruleAccent: '#8a5a00',
    outboundAccent: '#0e7a5f',
    mailboxAccent: '#6b4fa8',
    eopFill: '#dbe9f8',
    eopStroke: '#4a7fbf',
    edge: '#8b98a9',
    path: '#d9480f',
    pathHalo: '#ffe3d3',
    handoff: '#7b2cbf',
    ndr: '#b42318',
    stop: '#c62828',
    stopText: '#ffffff',
    pillText: '#ffffff',
    ok: '#1a7f37',
    firstReceipt: '#d9480f',
    disabled: '#9ca3af',
  },
  dark: {
    background: '#16191f',
    text: '#e5e7eb',
    muted: '#a3acb9',
    title: '#f9fafb',
    onPremZone: '#1f242c',
    onPremZoneStroke: '#7b8594',
    internetZone: '#221f2b',
    internetZoneStroke: '#8a7fa8',
    cloudZone: '#17283b',
    cloudZoneStroke: '#3d6a9c',
    tenantFill: '#1d2733',
    tenantStroke: '#5b95d6',
    tenantHeader: '#22364d',
    card: '#242c37',
    cardStroke: '#46505e',
    serverAccent: '#b6c0cc',
    connectorAccent: '#62a8f0',
    ruleAccent: '#e0b35a',
    outboundAccent: '#4cc9a4',
    mailboxAccent: '#b59cf0',
    eopFill: '#1f3a58',
    eopStroke: '#5b95d6',
    edge: '#6b7686',
    path: '#ff8a4c',
    pathHalo: '#4a2a1a',
    handoff: '#c38cf5',
    ndr: '#ff6b6b',
    stop: '#e53935',
    stopText: '#ffffff',
    pillText: '#14171c',
    ok: '#4ade80',
    firstReceipt: '#ff8a4c',
    disabled: '#6b7280',
  },
};

/**
 * Latin first, then Japanese, then generic fallbacks. "Noto Sans CJK JP" also covers Latin, so on a
 * machine with only the CJK family (a Linux CI box) both scripts render from one font.
 */
export const DEFAULT_FONT_FAMILY =
  "'Noto Sans', 'Noto Sans CJK JP', 'Segoe UI', 'Hiragino Sans', 'Yu Gothic UI', Meiryo, 'DejaVu Sans', Arial, sans-serif";
