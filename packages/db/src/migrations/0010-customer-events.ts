import type { Kysely } from 'kysely';

// Customer events (purchases, visits, contacts, deliveries, complaints…): the minimal model the
// observed journeys count. The id is the client's (an idempotency key); the touchpoint is an id
// without a foreign key, as touchpoints live in the journey model. A later issue adds the
// customer directory that `customer_ref` will point into.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customer_events')
    .addColumn('workspace_id', 'varchar(64)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'varchar(64)', (c) => c.notNull())
    .addColumn('customer_ref', 'varchar(200)', (c) => c.notNull())
    .addColumn('type', 'varchar(64)', (c) => c.notNull())
    .addColumn('touchpoint_id', 'varchar(64)')
    .addColumn('occurred_at', 'bigint', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_events_pk', ['workspace_id', 'id'])
    .execute();
  // A customer's sequence in time order: the observed flow's window functions run over it.
  await db.schema
    .createIndex('customer_events_customer')
    .on('customer_events')
    .columns(['workspace_id', 'customer_ref', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('customer_events_day')
    .on('customer_events')
    .columns(['workspace_id', 'day'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('customer_events').execute();
}
