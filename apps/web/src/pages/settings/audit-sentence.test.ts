import type { AuditEntry, Member } from '@polku/contracts';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../locales/en';
import { fi } from '../../locales/fi';
import { sv } from '../../locales/sv';
import { auditSentence } from './audit-sentence';

const maija: Member = {
  userId: '11111111-2222-4333-8444-555555555555',
  email: 'maija@example.com',
  name: 'Maija Meikäläinen',
  role: 'analyst',
  joinedAt: Date.parse('2026-01-01T00:00:00.000Z'),
};

async function sentenceIn(language: 'fi' | 'sv' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: language,
    resources: { fi: { translation: fi }, sv: { translation: sv }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return auditSentence(i18n.t, [maija]);
}

const entry = (e: Partial<AuditEntry>): AuditEntry => ({
  id: '00000000-0000-4000-8000-000000000001',
  action: 'auth.login',
  actor: 'owner@example.com',
  actorName: 'Olli Omistaja',
  target: null,
  details: {},
  ip: null,
  createdAt: Date.parse('2026-03-28T10:00:00.000Z'),
  ...e,
});

describe('audit log sentences', () => {
  it('names who did what in Finnish, never the action code', async () => {
    const s = await sentenceIn('fi');
    expect(s(entry({}))).toBe('Olli Omistaja kirjautui sisään');
    expect(s(entry({ action: 'target.created', details: { name: 'NPS 30' } }))).toBe(
      'Olli Omistaja loi tavoitteen ”NPS 30”',
    );
  });

  it('names a member acted on by their name, and a removed one without their id', async () => {
    const s = await sentenceIn('fi');
    const changed = s(
      entry({
        action: 'member.role_changed',
        target: maija.userId,
        details: { from: 'analyst', to: 'admin' },
      }),
    );
    expect(changed).toContain('Maija Meikäläinen');
    expect(changed).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(changed).not.toContain('analyst');
    const removed = s(
      entry({ action: 'member.removed', target: '99999999-2222-4333-8444-555555555555' }),
    );
    expect(removed).toBe('Olli Omistaja poisti jäsenen poistettu jäsen');
  });

  it('falls back to the email and then to "system" for who, and reads unknown actions as "who: action"', async () => {
    const s = await sentenceIn('fi');
    expect(s(entry({ actorName: null }))).toBe('owner@example.com kirjautui sisään');
    expect(s(entry({ actorName: null, actor: null, action: 'auth.logout' }))).toBe(
      'Järjestelmä kirjautui ulos',
    );
    expect(s(entry({ action: 'future.thing' }))).toBe('Olli Omistaja: future.thing');
  });

  it('has words in Swedish and English too', async () => {
    for (const language of ['sv', 'en'] as const) {
      const s = await sentenceIn(language);
      const text = s(entry({}));
      expect(text).toContain('Olli Omistaja');
      expect(text).not.toContain('auth.login');
      expect(text).not.toContain('names.audit');
    }
  });
});
