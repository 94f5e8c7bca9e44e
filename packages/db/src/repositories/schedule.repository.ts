import type { ScheduleRepository } from '@polku/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export function createScheduleRepository(db: Kysely<Database>): ScheduleRepository {
  return {
    async claimDue(name, now, nextRunAt) {
      await db
        .insertInto('recurringSchedules')
        .values({ name, nextRunAt: now })
        .onConflict((oc) => oc.doNothing())
        .execute();
      const r = await db
        .updateTable('recurringSchedules')
        .set({ nextRunAt })
        .where('name', '=', name)
        .where('nextRunAt', '<=', now)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
