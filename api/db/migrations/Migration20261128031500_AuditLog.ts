import { Migration } from '@mikro-orm/migrations';

/**
 * The audit log is append-only in the database itself and hash-chained per municipality.
 * - audit_append(entries jsonb) is the only writer. One call (one request) is one batch: its entries
 *   are inserted in one statement, then the batch gets
 *     hash = sha256(previous batch hash || '|' || the canonical text of its entries, in order)
 *   under a lock on the municipality's chain head, so batches form one chain per municipality.
 * - Triggers refuse UPDATE, DELETE and TRUNCATE on entries and batches, whoever asks.
 * - audit_verify(code) recomputes every batch hash from the stored entries and returns the id of the
 *   first batch that does not match (null when intact), so a change made by someone who disabled
 *   the triggers still shows.
 */
export class Migration20261128031500_AuditLog extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "audit_chain_head" ("municipality_code" varchar(6) primary key, "last_hash" text not null);`);
    this.addSql(
      `create table "audit_batch" ("id" bigint primary key, "municipality_code" varchar(6) not null, "prev_hash" text not null, "hash" text not null, "entries" integer not null);`,
    );
    this.addSql(`create sequence "audit_batch_id_seq";`);
    this.addSql(`create index "audit_entry_batch_id_index" on "audit_entry" ("batch_id");`);
    this.addSql(`create function audit_canonical(e audit_entry) returns text language sql immutable as $$
      select concat_ws('|', e.municipality_code, to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        e.actor_kind, e.actor_id::text, e.actor_name, e.actor_department, e.record_id::text, e.action,
        array_to_string(e.sections, ','), coalesce(e.operation_name, ''))
    $$;`);
    this.addSql(`create function audit_batch_hash(prev text, batch bigint) returns text language sql stable as $$
      select encode(sha256(convert_to(prev || '|' || coalesce(string_agg(audit_canonical(e), E'\\n' order by e.seq), ''), 'UTF8')), 'hex')
      from audit_entry e where e.batch_id = batch
    $$;`);
    this.addSql(`create function audit_append(entries jsonb) returns integer language plpgsql as $$
      declare
        code varchar; prev text; bid bigint; n integer; total integer := 0;
      begin
        -- A request reads within one municipality; group defensively anyway, one batch per municipality.
        for code in select distinct value->>'municipality_code' from jsonb_array_elements(entries) loop
          insert into audit_chain_head values (code, 'genesis') on conflict do nothing;
          select last_hash into prev from audit_chain_head where municipality_code = code for update;
          bid := nextval('audit_batch_id_seq');
          insert into audit_entry (municipality_code, at, actor_kind, actor_id, actor_name, actor_department,
            record_id, action, sections, operation_name, batch_id)
          select code, clock_timestamp(), e.actor_kind, e.actor_id, e.actor_name, e.actor_department,
            e.record_id, e.action, e.sections, e.operation_name, bid
          from jsonb_to_recordset(entries) as e(municipality_code varchar, actor_kind varchar, actor_id uuid, actor_name varchar,
            actor_department varchar, record_id uuid, action varchar, sections text[], operation_name varchar)
          where e.municipality_code = code;
          get diagnostics n = row_count;
          insert into audit_batch values (bid, code, prev, audit_batch_hash(prev, bid), n);
          update audit_chain_head set last_hash = (select hash from audit_batch where id = bid) where municipality_code = code;
          total := total + n;
        end loop;
        return total;
      end
    $$;`);
    this.addSql(`create function audit_verify(code varchar) returns bigint language plpgsql as $$
      declare b audit_batch; prev text := 'genesis';
      begin
        for b in select * from audit_batch where municipality_code = code order by id loop
          if b.prev_hash <> prev or b.hash <> audit_batch_hash(prev, b.id)
             or b.entries <> (select count(*) from audit_entry where batch_id = b.id) then
            return b.id;
          end if;
          prev := b.hash;
        end loop;
        if prev <> coalesce((select last_hash from audit_chain_head where municipality_code = code), 'genesis') then
          return -1;
        end if;
        return null;
      end
    $$;`);
    this.addSql(`create function audit_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception 'the audit log is append-only' using errcode = 'insufficient_privilege';
      end
    $$;`);
    for (const table of ['audit_entry', 'audit_batch']) {
      this.addSql(`create trigger ${table}_no_update before update or delete on ${table} for each row execute function audit_refuse_change();`);
      this.addSql(`create trigger ${table}_no_truncate before truncate on ${table} for each statement execute function audit_refuse_change();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['audit_entry', 'audit_batch']) {
      this.addSql(`drop trigger if exists ${table}_no_truncate on ${table};`);
      this.addSql(`drop trigger if exists ${table}_no_update on ${table};`);
    }
    this.addSql(`drop function if exists audit_refuse_change();`);
    this.addSql(`drop function if exists audit_verify(varchar);`);
    this.addSql(`drop function if exists audit_append(jsonb);`);
    this.addSql(`drop function if exists audit_batch_hash(text, bigint);`);
    this.addSql(`drop function if exists audit_canonical(audit_entry);`);
    this.addSql(`drop sequence if exists "audit_batch_id_seq";`);
    this.addSql(`drop table if exists "audit_batch";`);
    this.addSql(`drop table if exists "audit_chain_head";`);
  }
}
