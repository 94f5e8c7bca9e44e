import type {
  BlueprintLane,
  JourneyTemplate,
  Language,
  SubExperience,
  TouchpointChannel,
  TouchpointOwnerType,
} from '@polku/contracts';

/*
 * Journey templates to start from, in fi, sv and en. A journey made from a template takes the
 * texts of one language (the workspace's default unless asked otherwise): journey content is
 * the team's own words from then on, edited like any other.
 */

type Text = Readonly<Record<Language, string>>;
const t = (fi: string, sv: string, en: string): Text => ({ fi, sv, en });

interface TemplateTouchpoint {
  name: Text;
  channel: TouchpointChannel;
  ownerType: TouchpointOwnerType;
  subExperience: SubExperience;
  partnerName?: Text;
  promise?: Text;
  promiseHours?: number;
  expectation?: Text;
}

interface TemplateStage {
  name: Text;
  touchpoints: readonly TemplateTouchpoint[];
  lanes?: Partial<Record<BlueprintLane, readonly Text[]>>;
}

interface TemplateDef {
  name: Text;
  description: Text;
  stages: readonly TemplateStage[];
}

const tp = (
  name: Text,
  channel: TouchpointChannel,
  subExperience: SubExperience,
  more: Partial<TemplateTouchpoint> = {},
): TemplateTouchpoint => ({ name, channel, subExperience, ownerType: 'company', ...more });

/** The chain from the articles: every link of it is a place where the experience can break. */
const chain: TemplateDef = {
  name: t('Asiakkuuden ketju', 'Kundrelationens kedja', 'The customer chain'),
  description: t(
    'Markkinoinnista myyntiin, tuotteeseen, laskutukseen, asiakaspalveluun, sosiaaliseen mediaan ja ylläpitoon: yksi heikko lenkki katkaisee ketjun.',
    'Från marknadsföring till försäljning, produkt, fakturering, kundtjänst, sociala medier och underhåll: en svag länk bryter kedjan.',
    'From marketing to sales, product, billing, customer service, social media and maintenance: one weak link breaks the chain.',
  ),
  stages: [
    {
      name: t('Markkinointi', 'Marknadsföring', 'Marketing'),
      touchpoints: [
        tp(t('Mainokset', 'Annonser', 'Ads'), 'brand_ads', 'brand'),
        tp(t('Verkkosivut', 'Webbplats', 'Website'), 'web', 'brand'),
      ],
      lanes: {
        customerActions: [
          t('Huomaa yrityksen', 'Lägger märke till företaget', 'Notices the company'),
        ],
      },
    },
    {
      name: t('Myynti', 'Försäljning', 'Sales'),
      touchpoints: [
        tp(t('Myyntitapaaminen', 'Säljmöte', 'Sales meeting'), 'physical', 'purchase'),
        tp(t('Tarjous', 'Offert', 'Quote'), 'email', 'purchase', {
          promise: t(
            'Tarjous kahden arkipäivän kuluessa',
            'Offert inom två arbetsdagar',
            'A quote within two working days',
          ),
          promiseHours: 48,
        }),
      ],
      lanes: {
        customerActions: [t('Vertailee vaihtoehtoja', 'Jämför alternativ', 'Compares options')],
      },
    },
    {
      name: t('Tuote tai palvelu', 'Produkt eller tjänst', 'Product or service'),
      touchpoints: [
        tp(t('Toimitus', 'Leverans', 'Delivery'), 'physical', 'use'),
        tp(t('Käyttöönotto', 'Ibruktagande', 'Getting started'), 'physical', 'use'),
      ],
      lanes: {
        customerActions: [
          t('Ottaa tuotteen käyttöön', 'Tar produkten i bruk', 'Starts using the product'),
        ],
      },
    },
    {
      name: t('Laskutus', 'Fakturering', 'Billing'),
      touchpoints: [
        tp(t('Lasku', 'Faktura', 'Invoice'), 'email', 'service', {
          expectation: t(
            'Lasku on selkeä ja vastaa sovittua',
            'Fakturan är tydlig och stämmer med det avtalade',
            'The invoice is clear and matches what was agreed',
          ),
        }),
      ],
      lanes: { customerActions: [t('Maksaa laskun', 'Betalar fakturan', 'Pays the invoice')] },
    },
    {
      name: t('Asiakaspalvelu', 'Kundtjänst', 'Customer service'),
      touchpoints: [
        tp(t('Puhelinpalvelu', 'Telefontjänst', 'Phone service'), 'phone', 'service'),
        tp(t('Sähköposti ja chat', 'E-post och chatt', 'Email and chat'), 'chat', 'service', {
          promise: t(
            'Vastaamme 24 tunnin kuluessa',
            'Vi svarar inom 24 timmar',
            'We answer within 24 hours',
          ),
          promiseHours: 24,
        }),
      ],
      lanes: {
        customerActions: [t('Kysyy tai reklamoi', 'Frågar eller reklamerar', 'Asks or complains')],
      },
    },
    {
      name: t('Sosiaalinen media', 'Sociala medier', 'Social media'),
      touchpoints: [
        tp(
          t('Arviot ja suosittelu', 'Omdömen och rekommendationer', 'Reviews and word of mouth'),
          'social',
          'brand',
          {
            ownerType: 'external_social',
          },
        ),
      ],
      lanes: {
        customerActions: [
          t('Kertoo kokemuksestaan', 'Berättar om sin upplevelse', 'Tells others about it'),
        ],
      },
    },
    {
      name: t('Ylläpito', 'Underhåll', 'Maintenance'),
      touchpoints: [
        tp(
          t('Huolto ja päivitykset', 'Service och uppdateringar', 'Service and updates'),
          'email',
          'use',
        ),
        tp(t('Sopimuksen uusiminen', 'Förnyelse av avtalet', 'Renewal'), 'email', 'purchase'),
      ],
      lanes: {
        customerActions: [t('Jatkaa asiakkuutta', 'Fortsätter som kund', 'Stays a customer')],
      },
    },
  ],
};

/** A retail shop with a web shop. */
const retail: TemplateDef = {
  name: t('Vähittäiskauppa ja verkkokauppa', 'Detaljhandel och webbutik', 'Retail and web shop'),
  description: t(
    'Asiakkaan polku inspiraatiosta ostokseen, toimitukseen ja uuteen ostokseen.',
    'Kundens resa från inspiration till köp, leverans och nästa köp.',
    "The customer's path from inspiration to purchase, delivery and the next purchase.",
  ),
  stages: [
    {
      name: t('Inspiraatio', 'Inspiration', 'Inspiration'),
      touchpoints: [
        tp(t('Sosiaalinen media', 'Sociala medier', 'Social media'), 'social', 'brand'),
        tp(t('Mainokset', 'Annonser', 'Ads'), 'brand_ads', 'brand'),
      ],
      lanes: { customerActions: [t('Saa idean', 'Får en idé', 'Gets an idea')] },
    },
    {
      name: t('Valinta', 'Val', 'Choosing'),
      touchpoints: [
        tp(t('Verkkokauppa', 'Webbutik', 'Web shop'), 'web', 'purchase'),
        tp(t('Myymälä', 'Butik', 'Shop'), 'physical', 'purchase'),
      ],
      lanes: {
        customerActions: [t('Vertailee tuotteita', 'Jämför produkter', 'Compares products')],
      },
    },
    {
      name: t('Ostos', 'Köp', 'Purchase'),
      touchpoints: [
        tp(t('Verkkokassa', 'Kassan på webben', 'Web checkout'), 'web', 'purchase'),
        tp(t('Kassa', 'Kassa', 'Till'), 'physical', 'purchase'),
      ],
      lanes: { customerActions: [t('Maksaa', 'Betalar', 'Pays')] },
    },
    {
      name: t('Toimitus', 'Leverans', 'Delivery'),
      touchpoints: [
        tp(t('Kuljetus', 'Transport', 'Shipping'), 'physical', 'service', {
          ownerType: 'partner',
          partnerName: t('Kuljetusyhtiö', 'Transportföretag', 'Carrier'),
        }),
        tp(t('Tilausvahvistus', 'Orderbekräftelse', 'Order confirmation'), 'email', 'service'),
      ],
      lanes: {
        customerActions: [
          t('Odottaa ja vastaanottaa', 'Väntar och tar emot', 'Waits and receives'),
        ],
      },
    },
    {
      name: t('Käyttö', 'Användning', 'Use'),
      touchpoints: [tp(t('Tuote', 'Produkten', 'The product'), 'physical', 'use')],
      lanes: { customerActions: [t('Käyttää tuotetta', 'Använder produkten', 'Uses the product')] },
    },
    {
      name: t('Palautukset ja asiakaspalvelu', 'Returer och kundtjänst', 'Returns and service'),
      touchpoints: [
        tp(t('Asiakaspalvelu', 'Kundtjänst', 'Customer service'), 'email', 'service', {
          promise: t(
            'Vastaamme 24 tunnin kuluessa',
            'Vi svarar inom 24 timmar',
            'We answer within 24 hours',
          ),
          promiseHours: 24,
        }),
      ],
      lanes: {
        customerActions: [t('Palauttaa tai kysyy', 'Returnerar eller frågar', 'Returns or asks')],
      },
    },
    {
      name: t('Uskollisuus', 'Lojalitet', 'Loyalty'),
      touchpoints: [
        tp(t('Kanta-asiakasviestit', 'Kundklubbsutskick', 'Loyalty messages'), 'email', 'brand'),
        tp(t('Arvostelut', 'Recensioner', 'Reviews'), 'social', 'brand', {
          ownerType: 'external_social',
        }),
      ],
      lanes: { customerActions: [t('Ostaa uudelleen', 'Köper igen', 'Buys again')] },
    },
  ],
};

/** A service business: coaching. */
const coaching: TemplateDef = {
  name: t('Valmennuspalvelu', 'Coachningstjänst', 'Coaching service'),
  description: t(
    'Palveluyrityksen polku ensikosketuksesta valmennukseen, tuloksiin ja suositteluun.',
    'En tjänsteföretags resa från första kontakt till coachning, resultat och rekommendation.',
    "A service business's path from first contact to coaching, results and referral.",
  ),
  stages: [
    {
      name: t('Tietoisuus', 'Kännedom', 'Awareness'),
      touchpoints: [
        tp(t('Suosittelu', 'Rekommendation', 'Referral'), 'social', 'brand', {
          ownerType: 'external_social',
        }),
        tp(t('Verkkosivut ja blogi', 'Webbplats och blogg', 'Website and blog'), 'web', 'brand'),
      ],
      lanes: { customerActions: [t('Etsii apua', 'Söker hjälp', 'Looks for help')] },
    },
    {
      name: t('Ensikontakti', 'Första kontakt', 'First contact'),
      touchpoints: [
        tp(t('Tutustumispuhelu', 'Introduktionssamtal', 'Discovery call'), 'phone', 'purchase', {
          promise: t(
            'Soitamme takaisin saman päivän aikana',
            'Vi ringer tillbaka samma dag',
            'We call back the same day',
          ),
          promiseHours: 8,
        }),
      ],
      lanes: {
        customerActions: [t('Kertoo tavoitteistaan', 'Berättar om sina mål', 'Shares their goals')],
      },
    },
    {
      name: t('Sopimus', 'Avtal', 'Agreement'),
      touchpoints: [
        tp(t('Tarjous ja sopimus', 'Offert och avtal', 'Offer and contract'), 'email', 'purchase'),
      ],
      lanes: { customerActions: [t('Päättää aloittaa', 'Bestämmer sig', 'Decides to start')] },
    },
    {
      name: t('Valmennus', 'Coachning', 'Coaching'),
      touchpoints: [
        tp(t('Valmennustapaaminen', 'Coachningsmöte', 'Coaching session'), 'physical', 'use'),
        tp(t('Etätapaaminen', 'Distansmöte', 'Online session'), 'web', 'use'),
      ],
      lanes: {
        customerActions: [
          t('Osallistuu ja harjoittelee', 'Deltar och övar', 'Takes part and practises'),
        ],
      },
    },
    {
      name: t('Tapaamisten välillä', 'Mellan mötena', 'Between sessions'),
      touchpoints: [
        tp(
          t('Tehtävät ja muistutukset', 'Uppgifter och påminnelser', 'Tasks and reminders'),
          'email',
          'use',
        ),
        tp(
          t('Kysymykset valmentajalle', 'Frågor till coachen', 'Questions to the coach'),
          'chat',
          'service',
          {
            promise: t(
              'Vastaamme 24 tunnin kuluessa',
              'Vi svarar inom 24 timmar',
              'We answer within 24 hours',
            ),
            promiseHours: 24,
          },
        ),
      ],
      lanes: { customerActions: [t('Tekee harjoituksia', 'Gör övningar', 'Does the exercises')] },
    },
    {
      name: t('Tulokset', 'Resultat', 'Results'),
      touchpoints: [
        tp(t('Loppukeskustelu', 'Avslutande samtal', 'Closing review'), 'physical', 'service'),
        tp(t('Lasku', 'Faktura', 'Invoice'), 'email', 'service'),
      ],
      lanes: {
        customerActions: [t('Arvioi edistymisensä', 'Bedömer sina framsteg', 'Reviews progress')],
      },
    },
    {
      name: t('Suosittelu', 'Rekommendation', 'Referral'),
      touchpoints: [
        tp(
          t('Suosittelu ystävälle', 'Rekommendation till en vän', 'Recommending to a friend'),
          'social',
          'brand',
          {
            ownerType: 'customer',
          },
        ),
      ],
      lanes: {
        customerActions: [
          t('Suosittelee tai palaa', 'Rekommenderar eller återkommer', 'Refers or returns'),
        ],
      },
    },
  ],
};

const templates: Record<JourneyTemplate, TemplateDef> = { chain, retail, coaching };

/** A template in one language, ready to become a journey. */
export interface LocalizedTemplate {
  key: JourneyTemplate;
  language: Language;
  name: string;
  description: string;
  stages: {
    name: string;
    lanes: Partial<Record<BlueprintLane, string[]>>;
    touchpoints: {
      name: string;
      channel: TouchpointChannel;
      ownerType: TouchpointOwnerType;
      subExperience: SubExperience;
      partnerName: string | null;
      promise: string | null;
      promiseHours: number | null;
      expectation: string | null;
    }[];
  }[];
}

export function journeyTemplate(key: JourneyTemplate, language: Language): LocalizedTemplate {
  const def = templates[key];
  return {
    key,
    language,
    name: def.name[language],
    description: def.description[language],
    stages: def.stages.map((s) => ({
      name: s.name[language],
      lanes: Object.fromEntries(
        Object.entries(s.lanes ?? {}).map(([lane, items]) => [lane, items.map((i) => i[language])]),
      ),
      touchpoints: s.touchpoints.map((p) => ({
        name: p.name[language],
        channel: p.channel,
        ownerType: p.ownerType,
        subExperience: p.subExperience,
        partnerName: p.partnerName?.[language] ?? null,
        promise: p.promise?.[language] ?? null,
        promiseHours: p.promiseHours ?? null,
        expectation: p.expectation?.[language] ?? null,
      })),
    })),
  };
}
