/**
 * One glossary (shared/i18n/glossary.ts): every term names its Microsoft source, and no Japanese
 * text — engine, diagnostics, import/diff, diagram, analysis templates and every renderer locale
 * file (which the native menu reads too) — uses a variant the glossary replaces.
 */
import { describe, expect, it } from 'vitest';
import { GLOSSARY, replacedTerms } from '../../shared/i18n/glossary';
import { allTexts, LOCALE_FILES } from './allTexts';

describe('the Japanese glossary', () => {
  it('gives each term a Japanese and an English word and a Microsoft source', () => {
    for (const [k, t] of Object.entries(GLOSSARY)) {
      expect(t.ja.trim(), k).toBeTruthy();
      expect(t.en.trim(), k).toBeTruthy();
      expect(t.source, k).toMatch(/^https:\/\/(learn\.microsoft\.com\/ja-jp\/|technet\.microsoft\.com\/ja-jp\/|blogs\.technet\.microsoft\.com\/exchangeteamjp\/)/);
    }
  });

  it('flags a replaced variant (the check itself works)', () => {
    expect(replacedTerms('テナント間の中継')).not.toEqual([]);
    expect(replacedTerms('差出人 (From) ヘッダー')).toEqual([]);
    expect(replacedTerms('サーバ の設定')).not.toEqual([]);
    expect(replacedTerms('サーバーの設定')).toEqual([]);
  });

  it('scans the renderer locale files of every feature', () => {
    expect(LOCALE_FILES).toEqual(expect.arrayContaining(['renderer/i18n/ja.json', 'renderer/playback/i18n.ja.json', 'renderer/actions/i18n.ja.json']));
  });

  it('scans the Japanese edition of every gallery example (names and comments of its objects)', () => {
    const where = allTexts().map((t) => t.where);
    expect(where).toContain('examples/index.json hybrid-seed.mailflow.json contoso-ex01 name');
    expect(where).toContain('examples/index.json renewed-certificate.mailflow.json ex01 comment');
  });

  it('is followed by every Japanese text the user reads', () => {
    const bad = allTexts()
      .filter((t) => t.ja)
      .flatMap((t) => replacedTerms(t.text).map((r) => `${t.where}: ${r} — ${t.text.slice(0, 80)}`));
    expect(bad.join('\n')).toBe('');
  });
});
