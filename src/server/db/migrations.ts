/**
 * Schema migrations, in code so that the server carries them (no migration folder to ship). Kysely's Migrator runs
 * each once, in name order, under its lock (a Postgres advisory lock), so two instances starting together on one
 * PostgreSQL migrate once. Never edit a migration that has shipped; add the next one.
 */
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const migrations: Record<string, Migration> = {
  '0001-initial': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull())
        .addColumn('battery', 'text', (c) => c.notNull())
        .addColumn('norm_group', 'text', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('pilot', 'text')
        .addColumn('consent', 'jsonb', (c) => c.notNull())
        .addColumn('server_start', 'bigint', (c) => c.notNull())
        .addColumn('ack_seq', 'integer', (c) => c.notNull().defaultTo(-1))
        .addColumn('head_hash', 'text', (c) => c.notNull())
        .addColumn('finished', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('keep_raw', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('events_deleted_at', 'bigint')
        .addColumn('issuing_since', 'bigint')
        .execute();
      await db.schema
        .createTable('seed_handouts')
        .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
        .addColumn('ord', 'integer', (c) => c.notNull())
        .addColumn('game', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('seed', 'bigint', (c) => c.notNull())
        .addColumn('handed_out_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('seed_handouts_pk', ['session_id', 'game'])
        .addUniqueConstraint('seed_handouts_ord', ['session_id', 'ord'])
        .execute();
      await db.schema
        .createTable('event_batches')
        .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
        .addColumn('from_seq', 'integer', (c) => c.notNull())
        .addColumn('to_seq', 'integer', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('received_at', 'bigint', (c) => c.notNull())
        .addColumn('events', 'jsonb', (c) => c.notNull())
        .addPrimaryKeyConstraint('event_batches_pk', ['session_id', 'from_seq'])
        .execute();
      for (const [table, key] of [
        ['offers', 'code'],
        ['nonces', 'nonce'],
        ['grants', 'id'],
      ] as const) {
        await db.schema
          .createTable(table)
          .addColumn(key, 'text', (c) => c.primaryKey())
          .addColumn('value', 'jsonb', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema.createIndex(`${table}_expires`).on(table).column('expires_at').execute();
      }
      await db.schema
        .createTable('status_entries')
        .addColumn('idx', 'integer', (c) => c.primaryKey())
        .addColumn('revoked', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('revoked_at', 'bigint')
        .execute();
      await db.schema
        .createTable('credentials')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('status_idx', 'integer', (c) => c.notNull().references('status_entries.idx'))
        .addColumn('token_hash', 'text', (c) => c.notNull())
        // No foreign key: a credential record outlives its session (revocation must still work after a delete).
        .addColumn('session_id', 'text')
        .addColumn('issued_at', 'bigint', (c) => c.notNull().defaultTo(sql`(extract(epoch from now()) * 1000)::bigint`))
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('credentials_session').on('credentials').column('session_id').execute();
      await db.schema
        .createTable('session_credentials')
        .addColumn('session_id', 'text', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
        .addColumn('credential_id', 'text', (c) => c.notNull())
        .addColumn('issued_at', 'bigint', (c) => c.notNull())
        .addColumn('response', 'jsonb', (c) => c.notNull())
        .execute();
    },
  },
  // The authorization-code flow's short-lived state (issuer_state, pushed authorization requests, codes): one table
  // keyed by namespace, so a new kind of single-use value needs no new table.
  '0002-issuer-values': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('issuer_values')
        .addColumn('ns', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('value', 'jsonb', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('issuer_values_pk', ['ns', 'key'])
        .execute();
      await db.schema.createIndex('issuer_values_expires').on('issuer_values').column('expires_at').execute();
    },
  },
  // xAPI statements on their way to a pilot's LRS (xapi-forwarder.ts): each row is one statement, kept until the
  // session is deleted, with where its delivery stands, so a failed send is retried and never silently dropped.
  '0003-xapi-outbox': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('xapi_outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
        .addColumn('pilot', 'text', (c) => c.notNull())
        .addColumn('activity', 'text', (c) => c.notNull())
        .addColumn('statement', 'jsonb', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
        .addColumn('sent_at', 'bigint')
        .addColumn('last_error', 'text')
        .addUniqueConstraint('xapi_outbox_activity', ['session_id', 'activity'])
        .execute();
      await db.schema.createIndex('xapi_outbox_due').on('xapi_outbox').columns(['state', 'next_attempt_at']).execute();
    },
  },
  // Pilot start tokens (start-token.ts): what vouched for a session, and the tokens already used (single use).
  '0004-start-tokens': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('sessions').addColumn('start_token', 'jsonb').execute();
      await db.schema
        .createTable('start_token_uses')
        .addColumn('pilot', 'text', (c) => c.notNull())
        .addColumn('jti', 'text', (c) => c.notNull())
        // No foreign key: the use outlives a deleted session, or deleting a session would make its token usable again.
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('start_token_uses_pk', ['pilot', 'jti'])
        .execute();
      await db.schema.createIndex('start_token_uses_expires').on('start_token_uses').column('expires_at').execute();
      // Retention per pilot (witness-store.ts purgeRawEvents) selects issued sessions by pilot.
      await db.schema.createIndex('sessions_pilot').on('sessions').column('pilot').execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
