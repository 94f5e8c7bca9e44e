import { sql, type Kysely } from 'kysely';

// Figures say how many test responses they leave out (MetricsRepository.testResponses). Test
// responses are few among millions of real ones: a partial index finds a workspace's without
// reading the rest. Both dialects have partial indexes; SQLite uses one only when the query
// names the same literal condition (`is_test = 1`, not a bound parameter).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('responses_test')
    .on('responses')
    .columns(['workspace_id', 'id'])
    .where(sql.ref('is_test'), '=', sql.lit(1))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('responses_test').execute();
}
