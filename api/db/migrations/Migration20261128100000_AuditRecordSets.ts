import { Migration } from '@mikro-orm/migrations';

/**
 * An audit entry names the set of records one request read or wrote with the same sections
 * (`record_ids`), instead of one row per record: a page of 50 records was 50 rows, three indexes
 * each, and the append cost the database more than the page itself (test/bench/RESULTS.md, #2).
 * "Who saw this record?" is a GIN look-up on record_ids.
 *
 * The hash chain is unchanged in form: a batch's hash covers its entries' canonical text in order,
 * where the record field is now the ids joined by ',' — for an entry with one id that is the text it
 * was before, so batches written before this migration still verify (test/audit/audit-record-sets-migration.test.ts).
 * audit_append now hashes the rows it has just inserted (RETURNING) instead of reading them back.
 */
export class Migration20261128100000_AuditRecordSets extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "audit_entry" add column "record_ids" uuid[] null;`);
    // The log refuses updates; this one-time change of shape is the migration's, inside its transaction.
    this.addSql(`alter table "audit_entry" disable trigger "audit_entry_no_update";`);
    this.addSql(`update "audit_entry" set "record_ids" = array["record_id"];`);
    this.addSql(`alter table "audit_entry" enable trigger "audit_entry_no_update";`);
    this.addSql(`alter table "audit_entry" alter column "record_ids" set not null;`);
    this.addSql(`drop index if exists "audit_entry_record_id_at_index";`);
    this.addSql(`create index "audit_entry_record_ids_index" on "audit_entry" using gin ("record_ids");`);
    this
      .addSql(`create or replace function audit_canonical_text(municipality_code varchar, at timestamptz, actor_kind varchar, actor_id uuid, actor_name varchar,
        actor_department varchar, record_ids uuid[], action varchar, sections text[], operation_name varchar) returns text language sql immutable as $$
      select concat_ws('|', municipality_code, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        actor_kind, actor_id::text, actor_name, actor_department, array_to_string(record_ids, ','), action,
        array_to_string(sections, ','), coalesce(operation_name, ''))
    $$;`);
    this.addSql(`create or replace function audit_canonical(e audit_entry) returns text language sql immutable as $$
      select audit_canonical_text(e.municipality_code, e.at, e.actor_kind, e.actor_id, e.actor_name, e.actor_department, e.record_ids, e.action, e.sections, e.operation_name)
    $$;`);
    this.addSql(`alter table "audit_entry" drop column "record_id";`);
    this.addSql(`create or replace function audit_append(entries jsonb) returns integer language plpgsql as $$
      declare
        code varchar; prev text; next_hash text; bid bigint; n integer; canonical text; total integer := 0;
      begin
        -- A request reads within one municipality; group defensively anyway, one batch per municipality.
        for code in select distinct value->>'municipality_code' from jsonb_array_elements(entries) loop
          insert into audit_chain_head values (code, 'genesis') on conflict do nothing;
          select last_hash into prev from audit_chain_head where municipality_code = code for update;
          bid := nextval('audit_batch_id_seq');
          with inserted as (
            insert into audit_entry (municipality_code, at, actor_kind, actor_id, actor_name, actor_department,
              record_ids, action, sections, operation_name, batch_id)
            select code, clock_timestamp(), e.actor_kind, e.actor_id, e.actor_name, e.actor_department,
              e.record_ids, e.action, e.sections, e.operation_name, bid
            from rows from (jsonb_to_recordset(entries) as (municipality_code varchar, actor_kind varchar, actor_id uuid, actor_name varchar,
              actor_department varchar, record_ids uuid[], action varchar, sections text[], operation_name varchar)) with ordinality
              as e(municipality_code, actor_kind, actor_id, actor_name, actor_department, record_ids, action, sections, operation_name, ord)
            where e.municipality_code = code
            order by e.ord
            returning *
          )
          select count(*), string_agg(audit_canonical_text(i.municipality_code, i.at, i.actor_kind, i.actor_id, i.actor_name, i.actor_department,
              i.record_ids, i.action, i.sections, i.operation_name), E'\\n' order by i.seq)
            into n, canonical from inserted i;
          -- The same text audit_batch_hash(prev, bid) computes from the stored rows (audit_verify).
          next_hash := encode(sha256(convert_to(prev || '|' || coalesce(canonical, ''), 'UTF8')), 'hex');
          insert into audit_batch values (bid, code, prev, next_hash, n);
          update audit_chain_head set last_hash = next_hash where municipality_code = code;
          total := total + n;
        end loop;
        return total;
      end
    $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "audit_entry" add column "record_id" uuid null;`);
    this.addSql(`alter table "audit_entry" disable trigger "audit_entry_no_update";`);
    // An entry naming several records cannot become one row per record without breaking its batch's hash:
    // keep the first id (the log then verifies only for entries of one record).
    this.addSql(`update "audit_entry" set "record_id" = "record_ids"[1];`);
    this.addSql(`alter table "audit_entry" enable trigger "audit_entry_no_update";`);
    this.addSql(`alter table "audit_entry" alter column "record_id" set not null;`);
    this.addSql(`create index "audit_entry_record_id_at_index" on "audit_entry" ("record_id", "at");`);
    this.addSql(`create or replace function audit_canonical(e audit_entry) returns text language sql immutable as $$
      select concat_ws('|', e.municipality_code, to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        e.actor_kind, e.actor_id::text, e.actor_name, e.actor_department, e.record_id::text, e.action,
        array_to_string(e.sections, ','), coalesce(e.operation_name, ''))
    $$;`);
    this.addSql(`drop index if exists "audit_entry_record_ids_index";`);
    this.addSql(`alter table "audit_entry" drop column "record_ids";`);
    this.addSql(`drop function if exists audit_canonical_text(varchar, timestamptz, varchar, uuid, varchar, varchar, uuid[], varchar, text[], varchar);`);
    this.addSql(`create or replace function audit_append(entries jsonb) returns integer language plpgsql as $$
      declare
        code varchar; prev text; bid bigint; n integer; total integer := 0;
      begin
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
  }
}
