import type { Kysely } from 'kysely';

// Targets per metric, scope and period, each tied to a business goal and an owner; alert
// webhooks with their signing secrets; and the alert log, whose unique key (target,
// condition, period) is what keeps the recurring job from raising the same alert twice.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('metric_targets')
    .addColumn('workspace_id', 'varchar(64)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'varchar(64)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    // The metric spec (contracts' metricSpecSchema) as JSON text.
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('scope_kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('scope_id', 'varchar(64)')
    // 'fixed' with period_from..period_to, or 'recurring' with period_every month|quarter|year.
    .addColumn('period_kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('period_from', 'varchar(10)')
    .addColumn('period_to', 'varchar(10)')
    .addColumn('period_every', 'varchar(16)')
    .addColumn('target', 'double precision', (c) => c.notNull())
    .addColumn('goal', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('alert_on_miss', 'integer', (c) => c.notNull())
    .addColumn('alert_on_drop', 'integer', (c) => c.notNull())
    .addColumn('notify_admins', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('metric_targets_pk', ['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('webhook_endpoints')
    .addColumn('workspace_id', 'varchar(64)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'varchar(64)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('url', 'varchar(2000)', (c) => c.notNull())
    // Kept as is: an HMAC needs the secret itself, unlike a password or API key.
    .addColumn('secret', 'varchar(128)', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('last_delivery_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('webhook_endpoints_pk', ['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('metric_alerts')
    .addColumn('workspace_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('id', 'varchar(64)', (c) => c.notNull())
    .addColumn('target_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('condition', 'varchar(16)', (c) => c.notNull())
    .addColumn('period_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('period_to', 'varchar(10)', (c) => c.notNull())
    .addColumn('score', 'double precision')
    .addColumn('ci_low', 'double precision')
    .addColumn('ci_high', 'double precision')
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('target', 'double precision', (c) => c.notNull())
    .addColumn('previous_score', 'double precision')
    .addColumn('difference', 'double precision')
    .addColumn('p_value', 'double precision')
    .addColumn('chart_url', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('metric_alerts_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint(
      'metric_alerts_target',
      ['workspace_id', 'target_id'],
      'metric_targets',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    // One alert per target, condition and period: the "no repeat" rule, kept by the database.
    .addUniqueConstraint('metric_alerts_once', [
      'workspace_id',
      'target_id',
      'condition',
      'period_from',
      'period_to',
    ])
    .execute();

  await db.schema
    .createTable('alert_deliveries')
    .addColumn('workspace_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('id', 'varchar(64)', (c) => c.notNull())
    .addColumn('alert_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    // The email address, or the webhook URL at the time of the alert.
    .addColumn('recipient', 'varchar(2000)', (c) => c.notNull())
    .addColumn('email_id', 'varchar(64)')
    .addColumn('webhook_id', 'varchar(64)')
    // The exact JSON a webhook receives, so every retry sends (and signs) the same bytes.
    .addColumn('body', 'text')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('response_status', 'integer')
    .addColumn('error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('alert_deliveries_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint(
      'alert_deliveries_alert',
      ['workspace_id', 'alert_id'],
      'metric_alerts',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('alert_deliveries_alert')
    .on('alert_deliveries')
    .columns(['workspace_id', 'alert_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['alert_deliveries', 'metric_alerts', 'webhook_endpoints', 'metric_targets'])
    await db.schema.dropTable(table).execute();
}
