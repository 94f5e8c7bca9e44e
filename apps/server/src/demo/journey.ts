/**
 * The flower shop's designed journey, "Kukkalahjan polku": eight stages from inspiration to the
 * flower subscription, touchpoints with their owners, promises and expectations, blueprint
 * lanes, two personas, and pain points and delights whose evidence is real demo responses.
 * Built through the journey service and found by name at every level, so a second run changes
 * nothing and a run after an interrupted one completes it. The shop's team writes in Finnish.
 */
import type { BlueprintLane, CreateTouchpointBody, JourneyMap, MarkerKind } from '@polku/contracts';
import type { IntakeInput, WorkspaceContext } from '@polku/core';
import type { Runtime } from '../runtime.js';

export const DEMO_JOURNEY_NAME = 'Kukkalahjan polku';

/** Touchpoints the demo's survey links point at (DemoLink.touchpoint). */
export type DemoTouchpointKey =
  | 'social'
  | 'ads'
  | 'webshop'
  | 'window'
  | 'checkout'
  | 'counter'
  | 'courier'
  | 'recipient'
  | 'invoice'
  | 'complaints'
  | 'subscription'
  | 'reviews';

type TouchpointSpec = Omit<CreateTouchpointBody, 'stageId' | 'position'> & {
  key: DemoTouchpointKey;
};

interface StageSpec {
  name: string;
  description: string;
  touchpoints: TouchpointSpec[];
  lanes: Record<BlueprintLane, string[]>;
}

const stages: StageSpec[] = [
  {
    name: 'Inspiraatio',
    description: 'Merkkipäivä lähestyy tai kaunis kimppu osuu silmään.',
    touchpoints: [
      {
        key: 'social',
        name: 'Instagram ja Facebook',
        channel: 'social',
        subExperience: 'brand',
        team: 'Markkinointi',
      },
      {
        key: 'ads',
        name: 'Sesonkimainokset',
        channel: 'brand_ads',
        subExperience: 'brand',
        team: 'Markkinointi',
        expectation: 'Mainoksen kimppu on saatavilla ja samannäköinen',
      },
    ],
    lanes: {
      customerActions: ['Selaa kimppukuvia', 'Muistaa merkkipäivän'],
      frontstage: ['Kausikimppujen julkaisut', 'Ystävänpäivän ja äitienpäivän kampanjat'],
      backstage: ['Sisältökalenteri', 'Kimppujen kuvaus'],
      supportProcesses: ['Somemainonnan työkalu', 'Kuvapankki'],
      physicalEvidence: ['Julkaisut ja mainokset'],
    },
  },
  {
    name: 'Valinta',
    description: 'Asiakas valitsee kimpun verkossa tai ikkunan äärellä.',
    touchpoints: [
      { key: 'webshop', name: 'Verkkokauppa', channel: 'web', subExperience: 'purchase' },
      {
        key: 'window',
        name: 'Näyteikkuna',
        channel: 'physical',
        subExperience: 'brand',
        team: 'Myymälä',
      },
    ],
    lanes: {
      customerActions: ['Vertailee kimppuja ja hintoja', 'Kysyy neuvoa myyjältä'],
      frontstage: ['Tuotekuvat ja -kuvaukset', 'Myyjän neuvot'],
      backstage: ['Valikoiman päivitys sesongin mukaan'],
      supportProcesses: ['Verkkokauppa-alusta', 'Tukkutilaukset'],
      physicalEvidence: ['Verkkosivu', 'Ikkunan asetelma'],
    },
  },
  {
    name: 'Ostos',
    description: 'Maksu verkkokassalla tai myymälän tiskillä.',
    touchpoints: [
      {
        key: 'checkout',
        name: 'Verkkokassa',
        channel: 'web',
        subExperience: 'purchase',
        promise: 'Tilausvahvistus sähköpostiin heti',
        expectation: 'Toimitusaika valitaan ja vahvistetaan kassalla',
      },
      {
        key: 'counter',
        name: 'Myymälän tiski',
        channel: 'physical',
        subExperience: 'purchase',
        team: 'Myymälä',
        expectation: 'Kimppu sidotaan odottaessa',
      },
    ],
    lanes: {
      customerActions: ['Maksaa', 'Kirjoittaa kortin tervehdyksen'],
      frontstage: ['Kassa ja tilausvahvistus', 'Kimpun sidonta tiskillä'],
      backstage: ['Tilauksen kirjaus', 'Sidontajono'],
      supportProcesses: ['Maksupalvelu', 'Kassajärjestelmä'],
      physicalEvidence: ['Tilausvahvistus', 'Kuitti', 'Lahjakortti'],
    },
  },
  {
    name: 'Toimitus',
    description: 'Kuriirikumppani vie kukat perille.',
    touchpoints: [
      {
        key: 'courier',
        name: 'Kukkakuriiri',
        channel: 'physical',
        ownerType: 'partner',
        partnerName: 'Kaupunkikuriirit Oy',
        subExperience: 'service',
        team: 'Logistiikka',
        promise: 'Perillä samana päivänä, kun tilaat klo 12 mennessä',
        expectation: 'Kukat perille ajallaan ja hyväkuntoisina',
      },
    ],
    lanes: {
      customerActions: ['Odottaa tietoa toimituksesta'],
      frontstage: ['Kuljettaja soittaa saajalle', 'Toimitusvahvistus sähköpostiin'],
      backstage: ['Noutojen ja reittien suunnittelu', 'Sesonkiviikkojen lisäautot'],
      supportProcesses: ['Kuriirin reittijärjestelmä', 'Kumppanisopimus ja palvelutaso'],
      physicalEvidence: ['Toimitusvahvistus', 'Kukkalaatikko'],
    },
  },
  {
    name: 'Vastaanotto',
    description: 'Lahjan saaja avaa oven.',
    touchpoints: [
      {
        key: 'recipient',
        name: 'Lahjan saaja',
        channel: 'physical',
        ownerType: 'customer',
        subExperience: 'use',
        expectation: 'Kimppu on kuvan näköinen ja kestää viikon',
      },
    ],
    lanes: {
      customerActions: ['Saaja ottaa kukat vastaan', 'Lähettäjä kuulee, että lahja tuli perille'],
      frontstage: ['Kortti ja hoito-ohje'],
      backstage: ['Kukkien esikäsittely kestävyyden vuoksi'],
      supportProcesses: ['Kylmävarasto'],
      physicalEvidence: ['Kimppu', 'Kortti', 'Hoito-ohje'],
    },
  },
  {
    name: 'Laskutus',
    description: 'Yritysasiakkaat maksavat laskulla.',
    touchpoints: [
      {
        key: 'invoice',
        name: 'Lasku yritysasiakkaille',
        channel: 'email',
        subExperience: 'service',
        team: 'Talous',
        promise: 'Yksi kuukausilasku, maksuaika 14 päivää',
        expectation: 'Laskulta näkee, mitä lähetettiin kenelle',
      },
    ],
    lanes: {
      customerActions: ['Tarkistaa ja maksaa laskun'],
      frontstage: ['Verkkolasku'],
      backstage: ['Kuukauden tilausten kokoaminen'],
      supportProcesses: ['Taloushallinnon ohjelmisto'],
      physicalEvidence: ['Lasku'],
    },
  },
  {
    name: 'Asiakaspalvelu',
    description: 'Kysymykset ja reklamaatiot.',
    touchpoints: [
      {
        key: 'complaints',
        name: 'Reklamaatiot ja kysymykset',
        channel: 'email',
        subExperience: 'service',
        team: 'Asiakaspalvelu',
        promise: 'Vastaamme 24 tunnin kuluessa',
        promiseHours: 24,
        expectation: 'Asia korjataan ilman todisteluja',
      },
    ],
    lanes: {
      customerActions: ['Ottaa yhteyttä sähköpostilla tai puhelimella'],
      frontstage: ['Vastaus ja hyvitys', 'Uusi kimppu tilalle'],
      backstage: ['Selvitys kuriirin kanssa'],
      supportProcesses: ['Asiakaspalvelun postilaatikko', 'Hyvityskäytäntö'],
      physicalEvidence: ['Vastausviesti', 'Hyvityskoodi'],
    },
  },
  {
    name: 'Kanta-asiakkuus',
    description: 'Asiakas palaa ja kertoo muille.',
    touchpoints: [
      {
        key: 'subscription',
        name: 'Kukkatilaus',
        channel: 'web',
        subExperience: 'use',
        promise: 'Kausikimppu joka toinen viikko, tauon voi pitää milloin vain',
      },
      {
        key: 'reviews',
        name: 'Google-arviot',
        channel: 'social',
        ownerType: 'external_social',
        subExperience: 'brand',
      },
    ],
    lanes: {
      customerActions: ['Tilaa kukkatilauksen', 'Suosittelee ystävälle'],
      frontstage: ['Muistutus merkkipäivästä', 'Kiitosviesti'],
      backstage: ['Tilausten ajoitus'],
      supportProcesses: ['Tilausten hallinta'],
      physicalEvidence: ['Kausikimppu', 'Arviot'],
    },
  },
];

const personas = [
  {
    name: 'Lahjan lähettäjä Laura',
    description:
      '34-vuotias, lähettää kukkia äidille ja ystäville merkkipäivinä, tilaa puhelimella.',
    goals: ['Muistaa läheisiä oikeana päivänä', 'Lahja, joka ilahduttaa'],
    needs: ['Varmuus siitä, että kukat ovat perillä ajallaan', 'Tieto siitä, missä toimitus menee'],
  },
  {
    name: 'Toimistopäällikkö Timo',
    description: 'Tilaa kukat toimiston aulaan ja asiakkaille yrityksen laskulla.',
    goals: ['Kukat toimistoon vaivatta joka viikko', 'Asiakaslahjat hoituvat yhdellä viestillä'],
    needs: ['Yksi selkeä kuukausilasku', 'Luotettava toimitus sovittuna aikana'],
  },
];

interface MarkerSpec {
  touchpoint: DemoTouchpointKey;
  kind: MarkerKind;
  note: string;
  /** Picks the evidence among the demo's generated responses. */
  evidence?: { template: 'nps' | 'csat'; pick: (input: IntakeInput) => boolean };
}

const answer = (input: IntakeInput, key: string) => input.answers[key];
const comment = (input: IntakeInput) => {
  const reason = answer(input, 'reason');
  return typeof reason === 'string' ? reason : '';
};

const markers: MarkerSpec[] = [
  {
    touchpoint: 'courier',
    kind: 'pain',
    note: 'Kuriiri myöhästyy sesonkiviikoilla (ystävänpäivä, äitienpäivä, joulu): kukat tulevat juhlien jälkeen.',
    evidence: {
      template: 'csat',
      pick: (r) =>
        r.language === 'fi' && Number(answer(r, 'csat')) === 1 && /myöhä/i.test(comment(r)),
    },
  },
  {
    touchpoint: 'checkout',
    kind: 'pain',
    note: 'Kassalla ei voi valita toimitusaikaa: lähettäjä ei tiedä, milloin kukat ovat perillä.',
  },
  {
    touchpoint: 'counter',
    kind: 'delight',
    note: 'Myyjän neuvot kimpun valinnassa ilahduttavat.',
    evidence: {
      template: 'nps',
      pick: (r) => r.language === 'fi' && Number(answer(r, 'nps')) === 10 && comment(r) !== '',
    },
  },
  {
    touchpoint: 'subscription',
    kind: 'delight',
    note: 'Kukkatilaus yllättää vaihtuvilla kausikukilla.',
  },
];

export interface DemoJourney {
  journeyId: string;
  touchpoints: Record<DemoTouchpointKey, string>;
}

/** The journey, stages, touchpoints, lanes and personas; markers come after the responses. */
export async function ensureDemoJourney(
  { services }: Runtime,
  ctx: WorkspaceContext,
): Promise<DemoJourney> {
  const journeys = services.journeys;
  const existingPersonas = await services.personas.list(ctx);
  const personaIds: string[] = [];
  for (const p of personas)
    personaIds.push(
      (existingPersonas.find((x) => x.name === p.name) ?? (await services.personas.create(ctx, p)))
        .id,
    );
  const found = (await journeys.list(ctx)).find((j) => j.name === DEMO_JOURNEY_NAME);
  const journeyId =
    found?.id ??
    (
      await journeys.create(ctx, {
        name: DEMO_JOURNEY_NAME,
        description:
          'Kukkalahja inspiraatiosta kanta-asiakkuuteen: verkossa ja myymälässä, kuriirikumppanin kautta lahjan saajalle.',
        status: 'active',
        personaIds,
      })
    ).id;
  let map = await journeys.map(ctx, journeyId);
  const touchpoints = {} as Record<DemoTouchpointKey, string>;
  for (const spec of stages) {
    const stage =
      map.stages.find((s) => s.name === spec.name) ??
      (await journeys.createStage(ctx, journeyId, {
        name: spec.name,
        description: spec.description,
      }));
    const current = map.stages.find((s) => s.id === stage.id);
    for (const { key, ...tp } of spec.touchpoints) {
      const existing = current?.touchpoints.find((x) => x.name === tp.name);
      touchpoints[key] =
        existing?.id ??
        (await journeys.createTouchpoint(ctx, journeyId, { ...tp, stageId: stage.id })).id;
    }
    const emptyLanes = Object.fromEntries(
      Object.entries(spec.lanes).filter(([lane]) => !current?.lanes[lane as BlueprintLane].length),
    );
    if (Object.keys(emptyLanes).length)
      await journeys.updateLanes(ctx, journeyId, stage.id, emptyLanes);
  }
  map = await journeys.map(ctx, journeyId);
  return { journeyId: map.journey.id, touchpoints };
}

/** Pain points and delights, each found by its note; evidence from the generated responses. */
export async function ensureDemoMarkers(
  { services }: Runtime,
  ctx: WorkspaceContext,
  journey: DemoJourney,
  generated: Partial<Record<'nps' | 'csat' | 'ces', IntakeInput[]>>,
): Promise<number> {
  const map: JourneyMap = await services.journeys.map(ctx, journey.journeyId);
  const notes = new Set(
    map.stages.flatMap((s) => s.touchpoints.flatMap((t) => t.markers.map((m) => m.note))),
  );
  let created = 0;
  for (const spec of markers) {
    if (notes.has(spec.note)) continue;
    // The most recent fitting response: the evidence a team would pick from this season.
    const evidence = spec.evidence
      ? [...(generated[spec.evidence.template] ?? [])].reverse().find(spec.evidence.pick)
      : undefined;
    await services.journeys.createMarker(
      ctx,
      journey.journeyId,
      journey.touchpoints[spec.touchpoint],
      {
        kind: spec.kind,
        note: spec.note,
        responseId: evidence?.id ?? null,
        comment: evidence ? comment(evidence) || null : null,
      },
    );
    created++;
  }
  return created;
}
