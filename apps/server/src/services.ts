import {
  AnalysisService,
  ApiKeyService,
  IncidentService,
  JourneyService,
  JourneyMetricsService,
  PersonaService,
  AuthService,
  EventService,
  InvitationService,
  MetricService,
  ResponseService,
  SurveyInvitationService,
  SurveyService,
  TargetService,
  WebhookService,
  WorkspaceService,
  defaultAccountsConfig,
  systemClock,
  type Clock,
  type PasswordHasher,
  type Store,
  type WebhookSender,
} from '@polku/core';
import type { AppConfig } from './config.js';

export interface Services {
  auth: AuthService;
  workspaces: WorkspaceService;
  invitations: InvitationService;
  apiKeys: ApiKeyService;
  surveys: SurveyService;
  responses: ResponseService;
  surveyInvitations: SurveyInvitationService;
  metrics: MetricService;
  analyses: AnalysisService;
  incidents: IncidentService;
  targets: TargetService;
  webhooks: WebhookService;
  journeys: JourneyService;
  personas: PersonaService;
  journeyMetrics: JourneyMetricsService;
  events: EventService;
}

/** Wires the domain services to their ports. */
export function createServices(deps: {
  store: Store;
  hasher: PasswordHasher;
  config: AppConfig;
  webhookSender: WebhookSender;
  clock?: Clock;
}): Services {
  const clock = deps.clock ?? systemClock;
  const accounts = {
    ...defaultAccountsConfig,
    publicUrl: deps.config.http.publicUrl,
    sessionIdleMs: deps.config.session.idleMs,
    sessionMaxMs: deps.config.session.maxMs,
  };
  const surveys = new SurveyService({
    store: deps.store,
    clock,
    publicUrl: deps.config.http.publicUrl,
  });
  const metrics = new MetricService({
    surveys: deps.store.surveys,
    metrics: deps.store.metrics,
    clock,
  });
  const auth = new AuthService({ store: deps.store, hasher: deps.hasher, clock, config: accounts });
  return {
    auth,
    workspaces: new WorkspaceService({ store: deps.store, clock }),
    invitations: new InvitationService({
      store: deps.store,
      clock,
      hasher: deps.hasher,
      config: accounts,
      auth,
    }),
    apiKeys: new ApiKeyService({ store: deps.store, clock }),
    surveys,
    analyses: new AnalysisService({ surveys: deps.store.surveys, analyses: deps.store.analyses }),
    incidents: new IncidentService({ store: deps.store, clock }),
    metrics,
    targets: new TargetService({
      store: deps.store,
      clock,
      metrics,
      publicUrl: deps.config.http.publicUrl,
    }),
    webhooks: new WebhookService({
      store: deps.store,
      clock,
      sender: deps.webhookSender,
      allowLoopback: deps.config.webhooks.allowLoopback,
    }),
    journeys: new JourneyService({ store: deps.store, clock }),
    personas: new PersonaService({ store: deps.store, clock }),
    journeyMetrics: new JourneyMetricsService({ store: deps.store, metrics }),
    responses: new ResponseService({ store: deps.store, clock }),
    events: new EventService({ store: deps.store, clock }),
    surveyInvitations: new SurveyInvitationService({
      store: deps.store,
      clock,
      publicUrl: deps.config.http.publicUrl,
      surveys,
    }),
  };
}
