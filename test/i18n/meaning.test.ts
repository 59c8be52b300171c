/**
 * The six Japanese wordings that changed the meaning (issue 17): each is checked where the user
 * reads it — the exported diagram, the renderer locales, the engine's event texts, the
 * diagnostics.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../shared/diagnostics/messages';
import { diagramLabels } from '../../shared/diagram/labels';
import { renderDiagramSvg } from '../../shared/diagram/svg';
import { simulateScenario } from '../../shared/engine';
import { parseDocumentText } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';
import { LOCALE_BUNDLES } from '../renderer/localeBundles';

const EXAMPLES = join(__dirname, '../../examples');
function example(file: string): TopologyDocument {
  const r = parseDocumentText(readFileSync(join(EXAMPLES, file), 'utf8'));
  if (!r.ok) throw new Error(file);
  return r.document;
}

/** The renderer's Japanese strings as i18next resolves them (nesting `$t(…)` included). */
async function japanese(): Promise<(key: string) => string> {
  const i = i18next.createInstance();
  await i.init({ lng: 'ja', resources: {}, interpolation: { escapeValue: false } });
  for (const b of LOCALE_BUNDLES.ja) i.addResourceBundle('ja', 'translation', b.data, true, true);
  return (key) => i.t(key);
}

describe('Japanese wordings that changed the meaning', () => {
  it('1. the exported diagram counts 451 replies as 延べ … 回の遅延, computed from the run', () => {
    const doc = example('throttling.mailflow.json');
    const sim = simulateScenario(doc, 'surge-deferred');
    if (sim.type !== 'load') throw new Error('not a load scenario');
    const deferrals = sim.hours.reduce((n, h) => n + h.deferred, 0);
    const expired = sim.hours.reduce((n, h) => n + h.expired, 0);
    const g = (n: number) => new Intl.NumberFormat('ja-JP').format(n);
    const { svg } = renderDiagramSvg(doc, { lang: 'ja', simulation: sim });
    expect(svg).toContain(`延べ ${g(deferrals)} 回の遅延、${g(expired)} 通が期限切れ`);
    expect(svg).toContain('延べ 633,981 回の遅延、15,324 通が期限切れ');
    expect(svg).not.toMatch(/\d 通を遅延/);
  });

  it('2. instructions name the controls as the Japanese UI labels them', async () => {
    const t = await japanese();
    expect(t('playback.controls.notRun')).toContain(`[${t('playback.run')}]`);
    expect(t('playback.controls.notRun')).toContain('[実行]');
    expect(t('playback.form.expect')).toContain('[すべてチェック]');
    expect(t('canvas.a11yNode')).toContain('[プロパティ]');
    for (const key of ['playback.controls.notRun', 'playback.form.expect', 'canvas.a11yNode']) expect(t(key)).not.toMatch(/\bRun\b|Check all|インスペクター/);
  });

  it('3. a hand-off between tenants is 引き渡し, never 中継', () => {
    const ja = diagramLabels('ja');
    expect(ja.handoff).toBe('引き渡し');
    expect(ja.legendHandoff).toContain('引き渡し');
    expect(`${ja.handoff}${ja.legendHandoff}`).not.toContain('中継');
    const sim = simulateScenario(example('hybrid-seed.mailflow.json'), 'point1-handoff', { lang: 'ja' });
    const handoffs = sim.events.filter((e) => e.kind === 'handoff');
    expect(handoffs.length).toBeGreaterThan(0);
    for (const e of handoffs) {
      expect(e.text).toContain('引き渡されます');
      expect(e.text).not.toContain('中継');
    }
  });

  it('4. Originating is 組織内から送信 and Incoming 外部から受信', async () => {
    const t = await japanese();
    expect(t('playback.detail.originating')).toBe('組織内から送信 (Originating)');
    expect(t('playback.detail.incoming')).toBe('外部から受信 (Incoming)');
    const sim = simulateScenario(example('hybrid-seed.mailflow.json'), 'point1-handoff', { lang: 'ja' });
    const attributions = sim.events.filter((e) => e.kind === 'attribution').map((e) => e.text);
    expect(attributions.join('\n')).toMatch(/組織内から送信されたメール \(Originating\)|外部から受信したメール \(Incoming\)/);
    expect(attributions.join('\n')).not.toContain('(送信)');
  });

  it('5. the set-header action is メッセージ ヘッダーを設定 (it can overwrite), not 追加', async () => {
    const t = await japanese();
    expect(diagramLabels('ja').actionHeader).toContain('メッセージ ヘッダーを設定');
    expect(t('canvas.action.header')).toBe('メッセージ ヘッダーを設定');
  });

  it('6. the 2017 behaviour is a past conditional, and the seed is a support blog post', async () => {
    const text = MESSAGES['multiple-recipient-domains-ip-connector'].ja({ scenario: 's', server: 'EX', sender: 'a@x.example', tenant: 'T', domains: 'a, b', connector: 'C', outcome: 'accepted' });
    expect(text).toContain('2017 年当時の動作であれば 550 5.7.64 で拒否されていました');
    const t = await japanese();
    expect(t('enums.preset.2017-12')).toContain('サポート ブログの記事');
    expect(t('enums.preset.2017-12')).not.toContain('サポート技術情報');
  });
});
