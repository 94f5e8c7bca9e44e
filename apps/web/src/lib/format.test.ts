import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../locales/en';
import { fi } from '../locales/fi';
import { sv } from '../locales/sv';
import { formatBucket, formatDay, formatDayRange, formatFixed, formatNumber } from './format';

const i18n = i18next.createInstance();
await i18n.init({
  lng: 'fi',
  resources: { fi: { translation: fi }, sv: { translation: sv }, en: { translation: en } },
  interpolation: { escapeValue: false },
});
const bucket = (language: string, name: string) =>
  formatBucket(language, i18n.getFixedT(language), name);

describe('numbers', () => {
  it('write a negative with the real minus sign in every language', () => {
    expect(formatFixed('en', -0.09, 2)).toBe('\u22120.09');
    expect(formatFixed('fi', -0.09, 2)).toBe('\u22120,09');
    expect(formatFixed('sv', -0.09, 2)).toBe('\u22120,09');
    expect(formatNumber('en', -3, { signDisplay: 'exceptZero' })).toBe('\u22123');
    expect(formatNumber('en', 3, { signDisplay: 'exceptZero' })).toBe('+3');
    expect(formatFixed('en', -8.95, 1)).not.toContain('-');
  });

  it('group thousands as each language does', () => {
    expect(formatNumber('fi', 1056)).toBe('1\u00a0056');
    expect(formatNumber('en', 1056)).toBe('1,056');
  });
});

describe('dates', () => {
  it('write a day as its readers do, not ISO', () => {
    expect(formatDay('fi', '2026-12-02')).toBe('2.12.2026');
    expect(formatDay('sv', '2026-12-02')).toBe('2 dec. 2026');
    expect(formatDay('en', '2026-12-02')).toBe('Dec 2, 2026');
  });

  it('write a range once: "1.11.–2.12.2026"', () => {
    expect(formatDayRange('fi', '2026-11-01', '2026-12-02')).toBe('1.11.–2.12.2026');
    expect(formatDayRange('en', '2025-12-01', '2026-12-02')).toMatch(
      /^Dec 1, 2025\s–\sDec 2, 2026$/,
    );
  });

  it('name weeks, months and quarters in each language', () => {
    expect(bucket('fi', '2026-W49')).toBe('vk 49/2026');
    expect(bucket('sv', '2026-W49')).toBe('v. 49 2026');
    expect(bucket('en', '2026-W09')).toBe('wk 9 2026');
    expect(bucket('fi', '2026-12')).toBe('joulukuu 2026');
    expect(bucket('sv', '2026-12')).toBe('december 2026');
    expect(bucket('fi', '2026-Q4')).toBe('4. neljännes 2026');
    expect(bucket('en', '2026-Q4')).toBe('Q4 2026');
    expect(bucket('fi', '2026-12-02')).toBe('2.12.2026');
    expect(bucket('fi', '2026')).toBe('2026');
  });
});
