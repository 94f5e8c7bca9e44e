import { systemClock, type Clock, type Repositories, type Store } from '@polku/core';
import type { Kysely } from 'kysely';
import type { DatabaseHandle } from './connection.js';
import type { Database } from './schema.js';
import {
  createMembershipRepository,
  createPasswordResetRepository,
  createSessionRepository,
  createUserRepository,
  createWorkspaceRepository,
} from './repositories/accounts.repository.js';
import {
  createApiKeyRepository,
  createAuditRepository,
  createInvitationRepository,
} from './repositories/access.repository.js';
import { createEmailRepository } from './repositories/email.repository.js';
import { createJobRepository } from './repositories/job.repository.js';
import { createScheduleRepository } from './repositories/schedule.repository.js';
import { createSurveyRepository } from './repositories/survey.repository.js';
import { createResponseRepository } from './repositories/response.repository.js';
import { createDistributionRepository } from './repositories/distribution.repository.js';
import { createMetricsRepository } from './repositories/metrics.repository.js';
import { createAnalysisRepository } from './repositories/analysis.repository.js';
import { createIncidentRepository } from './repositories/incident.repository.js';
import { RollupBuffer } from './rollups.js';
import { createJourneyRepository } from './repositories/journey.repository.js';
import { createEventRepository } from './repositories/events.repository.js';
import {
  createTargetRepository,
  createWebhookRepository,
} from './repositories/targets.repository.js';

function createRepositories(
  db: Kysely<Database>,
  dialect: DatabaseHandle['dialect'],
  clock: Clock,
  rollups?: RollupBuffer,
): Repositories {
  return {
    users: createUserRepository(db),
    sessions: createSessionRepository(db),
    workspaces: createWorkspaceRepository(db),
    memberships: createMembershipRepository(db),
    invitations: createInvitationRepository(db),
    apiKeys: createApiKeyRepository(db),
    passwordResets: createPasswordResetRepository(db),
    audit: createAuditRepository(db),
    emails: createEmailRepository(db),
    jobs: createJobRepository(db, dialect, clock),
    schedules: createScheduleRepository(db),
    surveys: createSurveyRepository(db),
    responses: createResponseRepository(db, rollups),
    distribution: createDistributionRepository(db),
    metrics: createMetricsRepository(db),
    analyses: createAnalysisRepository(db),
    incidents: createIncidentRepository(db),
    targets: createTargetRepository(db),
    webhooks: createWebhookRepository(db),
    journeys: createJourneyRepository(db),
    events: createEventRepository(db),
  };
}

/**
 * The repositories of core's ports over one database, with transactions. `clock` stamps what
 * the repositories date themselves (a job's enqueue time).
 */
export function createStore(handle: DatabaseHandle, clock: Clock = systemClock): Store {
  return {
    ...createRepositories(handle.db, handle.dialect, clock),
    transaction: (fn) =>
      handle.db.transaction().execute(async (trx) => {
        // Rollup changes are written once, just before commit (see RollupBuffer).
        const rollups = new RollupBuffer();
        const result = await fn(createRepositories(trx, handle.dialect, clock, rollups));
        await rollups.flush(trx);
        return result;
      }),
  };
}
