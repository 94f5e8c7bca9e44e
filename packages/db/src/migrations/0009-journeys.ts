import type { Kysely } from 'kysely';

// Designed journeys: journeys of ordered stages, touchpoints placed on stages, the service
// blueprint's lane items per stage, personas (attached to journeys through journey_personas),
// and pain-point / delight markers on touchpoints. Children go with their parent through
// composite foreign keys (workspace_id, parent id) that cascade; SQLite has foreign keys on.
// Surveys, links and responses keep their plain nullable touchpoint_id: the service checks it
// (a foreign key there would tie response history to the map's edits).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('journeys')
    .addColumn('workspace_id', 'varchar(64)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'varchar(64)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('journeys_pk', ['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('personas')
    .addColumn('workspace_id', 'varchar(64)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'varchar(64)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // JSON arrays of strings.
    .addColumn('goals', 'text', (c) => c.notNull())
    .addColumn('needs', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('personas_pk', ['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('journey_personas')
    .addColumn('workspace_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('journey_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('persona_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('journey_personas_pk', ['workspace_id', 'journey_id', 'persona_id'])
    .addForeignKeyConstraint(
      'journey_personas_journey',
      ['workspace_id', 'journey_id'],
      'journeys',
      ['workspace_id', 'id'],
      (f) => f.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'journey_personas_persona',
      ['workspace_id', 'persona_id'],
      'personas',
      ['workspace_id', 'id'],
      (f) => f.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('journey_stages')
    .addColumn('workspace_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('id', 'varchar(64)', (c) => c.notNull())
    .addColumn('journey_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // 0-based, dense within the journey (the service keeps it so).
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('journey_stages_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint(
      'journey_stages_journey',
      ['workspace_id', 'journey_id'],
      'journeys',
      ['workspace_id', 'id'],
      (f) => f.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('journey_stages_journey')
    .on('journey_stages')
    .columns(['workspace_id', 'journey_id'])
    .execute();

  await db.schema
    .createTable('touchpoints')
    .addColumn('workspace_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('id', 'varchar(64)', (c) => c.notNull())
    .addColumn('journey_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('stage_id', 'varchar(64)', (c) => c.notNull())
    // 0-based, dense within the stage.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    .addColumn('owner_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('partner_name', 'varchar(200)')
    .addColumn('sub_experience', 'varchar(16)', (c) => c.notNull())
    .addColumn('team', 'varchar(200)')
    .addColumn('promise', 'text')
    .addColumn('promise_hours', 'double precision')
    .addColumn('expectation', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('touchpoints_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint(
      'touchpoints_journey',
      ['workspace_id', 'journey_id'],
      'journeys',
      ['workspace_id', 'id'],
      (f) => f.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'touchpoints_stage',
      ['workspace_id', 'stage_id'],
      'journey_stages',
      ['workspace_id', 'id'],
      (f) => f.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('touchpoints_journey')
    .on('touchpoints')
    .columns(['workspace_id', 'journey_id'])
    .execute();
  await db.schema
    .createIndex('touchpoints_stage')
    .on('touchpoints')
    .columns(['workspace_id', 'stage_id'])
    .execute();

  await db.schema
    .createTable('blueprint_items')
    .addColumn('workspace_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('stage_id', 'varchar(64)', (c) => c.notNull())
    // customerActions | frontstage | backstage | supportProcesses | physicalEvidence
    .addColumn('lane', 'varchar(32)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('blueprint_items_pk', ['workspace_id', 'stage_id', 'lane', 'position'])
    .addForeignKeyConstraint(
      'blueprint_items_stage',
      ['workspace_id', 'stage_id'],
      'journey_stages',
      ['workspace_id', 'id'],
      (f) => f.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('touchpoint_markers')
    .addColumn('workspace_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('id', 'varchar(64)', (c) => c.notNull())
    .addColumn('touchpoint_id', 'varchar(64)', (c) => c.notNull())
    // pain | delight
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    // Evidence: a response of the workspace (no foreign key: responses may be erased later).
    .addColumn('response_id', 'varchar(64)')
    .addColumn('comment', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('touchpoint_markers_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint(
      'touchpoint_markers_touchpoint',
      ['workspace_id', 'touchpoint_id'],
      'touchpoints',
      ['workspace_id', 'id'],
      (f) => f.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('touchpoint_markers_touchpoint')
    .on('touchpoint_markers')
    .columns(['workspace_id', 'touchpoint_id'])
    .execute();

  // The map's volume per touchpoint: complete responses by touchpoint over a period.
  await db.schema
    .createIndex('responses_touchpoint_day')
    .on('responses')
    .columns(['workspace_id', 'touchpoint_id', 'day'])
    .execute();
  // Whether surveys and links point at a touchpoint (refusing its deletion).
  await db.schema
    .createIndex('surveys_touchpoint')
    .on('surveys')
    .columns(['workspace_id', 'touchpoint_id'])
    .execute();
  await db.schema
    .createIndex('survey_links_touchpoint')
    .on('survey_links')
    .columns(['workspace_id', 'touchpoint_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['survey_links_touchpoint', 'surveys_touchpoint', 'responses_touchpoint_day'])
    await db.schema.dropIndex(index).execute();
  for (const table of [
    'touchpoint_markers',
    'blueprint_items',
    'touchpoints',
    'journey_stages',
    'journey_personas',
    'personas',
    'journeys',
  ])
    await db.schema.dropTable(table).execute();
}
