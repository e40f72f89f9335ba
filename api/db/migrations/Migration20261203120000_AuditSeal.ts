import { Migration } from '@mikro-orm/migrations';

const APPEND_BODY = (withSeal: boolean) => `
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
            select code, ${withSeal ? 'coalesce(e.at, clock_timestamp())' : 'clock_timestamp()'}, e.actor_kind, e.actor_id, e.actor_name, e.actor_department,
              e.record_ids, e.action, e.sections, e.operation_name, bid
            from rows from (jsonb_to_recordset(entries) as (municipality_code varchar, ${withSeal ? 'at timestamptz, ' : ''}actor_kind varchar, actor_id uuid, actor_name varchar,
              actor_department varchar, record_ids uuid[], action varchar, sections text[], operation_name varchar)) with ordinality
              as e(municipality_code, ${withSeal ? 'at, ' : ''}actor_kind, actor_id, actor_name, actor_department, record_ids, action, sections, operation_name, ord)
            where e.municipality_code = code
            order by e.ord
            returning *
          )
          select count(*), string_agg(audit_canonical_text(i.municipality_code, i.at, i.actor_kind, i.actor_id, i.actor_name, i.actor_department,
              i.record_ids, i.action, i.sections, i.operation_name), E'\\n' order by i.seq)
            into n, canonical from inserted i;
          next_hash := encode(sha256(convert_to(prev || '|' || coalesce(canonical, ''), 'UTF8')), 'hex');
          insert into audit_batch (id, municipality_code, prev_hash, hash, entries${withSeal ? ', seal' : ''}) values (bid, code, prev, next_hash, n${withSeal ? ', seals->>code' : ''});
          update audit_chain_head set last_hash = next_hash where municipality_code = code;
          total := total + n;
        end loop;
        return total;
      end`;

/** The project's internal audit functions: no one but their owner calls them (the app's role gets audit_append alone, npm run db:app-role). */
const INTERNAL = [
  'audit_batch_hash(text, bigint)',
  'audit_canonical(audit_entry)',
  'audit_canonical_text(varchar, timestamptz, varchar, uuid, varchar, varchar, uuid[], varchar, text[], varchar)',
  'audit_refuse_change()',
  'audit_verify(varchar)',
];

/**
 * The audit chain sealed with a key the database does not hold (issue 14, finding 5; api/audit/audit-seal.ts).
 * - audit_batch.seal: the API's HMAC of the batch's entries, passed in the same audit_append call
 *   (`seals`: municipality code → seal). Batches written before this migration have none.
 * - audit_append takes each entry's time from the API (`at`), which the seal covers; the database's
 *   clock only when none is given.
 * - audit_append runs as its owner (SECURITY DEFINER, fixed search_path), so the app's own role needs no
 *   write privilege on the audit tables; the internal functions are no longer executable by PUBLIC.
 */
export class Migration20261203120000_AuditSeal extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "audit_batch" add column "seal" text null;`);
    this.addSql(`drop function audit_append(jsonb);`);
    this.addSql(`create function audit_append(entries jsonb, seals jsonb default null) returns integer language plpgsql
      security definer set search_path = public, pg_catalog as $$${APPEND_BODY(true)}
    $$;`);
    this.addSql(`revoke execute on function audit_append(jsonb, jsonb) from public;`);
    for (const f of INTERNAL) this.addSql(`revoke execute on function ${f} from public;`);
  }

  override async down(): Promise<void> {
    for (const f of INTERNAL) this.addSql(`grant execute on function ${f} to public;`);
    this.addSql(`drop function audit_append(jsonb, jsonb);`);
    this.addSql(`create function audit_append(entries jsonb) returns integer language plpgsql as $$${APPEND_BODY(false)}
    $$;`);
    this.addSql(`alter table "audit_batch" drop column "seal";`);
  }
}
