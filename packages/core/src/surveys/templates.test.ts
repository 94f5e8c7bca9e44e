import { languages, surveyTemplates } from '@polku/contracts';
import { describe, expect, it } from 'vitest';
import { buildTemplate } from './templates.js';

// Words of a promise to get in touch, in the three languages: the product has no contact
// field and no follow-up rule, so no template may say someone will call or write back.
const contactPromise =
  /yhteyttä|yhteystie|arkipäiv|kontakt|hör vi av|vardag|contact|working day|get back to you/i;

describe('survey templates', () => {
  it.each(surveyTemplates)('%s promises no call-back in any language', (template) => {
    const d = buildTemplate(template, {
      languages: [...languages],
      defaultLanguage: 'fi',
      features: ['Kotiinkuljetus'],
    });
    const texts = [d.thankYou.message, ...d.thankYou.rules.map((r) => r.message)].flatMap((m) =>
      Object.values(m),
    );
    expect(texts.length).toBeGreaterThanOrEqual(3);
    for (const text of texts) expect(text).not.toMatch(contactPromise);
  });
});
