import { Migration } from '@mikro-orm/migrations';

/**
 * The audit log is append-only in the database itself and hash-chained per municipality.
 * - audit_append(entries jsonb) is the only writer: it locks the municipality's chain head, and for
 *   each entry stores hash = sha256(prev_hash || '|' || canonical text of the row).
 * - Triggers refuse UPDATE, DELETE and TRUNCATE, whoever asks.
 * - audit_verify(code) recomputes the chain and returns the seq of the first row that does not match
 *   (null when the chain is intact), so tampering by someone who disabled the triggers still shows.
 */
export class Migration20261128031500_AuditLog extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "audit_chain_head" ("municipality_code" varchar(6) primary key, "last_hash" text not null);`);
    this.addSql(`create function audit_canonical(e audit_entry) returns text language sql immutable as $$
      select concat_ws('|', e.municipality_code, to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        e.actor_kind, e.actor_id::text, e.actor_name, e.actor_department, e.record_id::text, e.action,
        array_to_string(e.sections, ','), coalesce(e.operation_name, ''))
    $$;`);
    this.addSql(`create function audit_append(entries jsonb) returns integer language plpgsql as $$
      declare
        e jsonb; ent audit_entry; code varchar; prev text; n integer := 0;
      begin
        -- One request appends for one municipality; group defensively anyway, locking each chain head once.
        for code in select distinct value->>'municipality_code' from jsonb_array_elements(entries) loop
          insert into audit_chain_head values (code, 'genesis') on conflict do nothing;
          select last_hash into prev from audit_chain_head where municipality_code = code for update;
          for e in select value from jsonb_array_elements(entries) where value->>'municipality_code' = code loop
            ent.municipality_code := code;
            ent.at := clock_timestamp();
            ent.actor_kind := e->>'actor_kind';
            ent.actor_id := (e->>'actor_id')::uuid;
            ent.actor_name := e->>'actor_name';
            ent.actor_department := e->>'actor_department';
            ent.record_id := (e->>'record_id')::uuid;
            ent.action := e->>'action';
            ent.sections := array(select jsonb_array_elements_text(e->'sections'));
            ent.operation_name := e->>'operation_name';
            ent.prev_hash := prev;
            ent.hash := encode(sha256(convert_to(prev || '|' || audit_canonical(ent), 'UTF8')), 'hex');
            insert into audit_entry (municipality_code, at, actor_kind, actor_id, actor_name, actor_department,
              record_id, action, sections, operation_name, prev_hash, hash)
            values (ent.municipality_code, ent.at, ent.actor_kind, ent.actor_id, ent.actor_name, ent.actor_department,
              ent.record_id, ent.action, ent.sections, ent.operation_name, ent.prev_hash, ent.hash);
            prev := ent.hash;
            n := n + 1;
          end loop;
          update audit_chain_head set last_hash = prev where municipality_code = code;
        end loop;
        return n;
      end
    $$;`);
    this.addSql(`create function audit_verify(code varchar) returns bigint language plpgsql as $$
      declare r audit_entry; prev text := 'genesis';
      begin
        for r in select * from audit_entry where municipality_code = code order by seq loop
          if r.prev_hash <> prev or r.hash <> encode(sha256(convert_to(prev || '|' || audit_canonical(r), 'UTF8')), 'hex') then
            return r.seq;
          end if;
          prev := r.hash;
        end loop;
        if prev <> coalesce((select last_hash from audit_chain_head where municipality_code = code), 'genesis') then
          return -1;
        end if;
        return null;
      end
    $$;`);
    this.addSql(`create function audit_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_entry is append-only' using errcode = 'insufficient_privilege';
      end
    $$;`);
    this.addSql(`create trigger audit_entry_no_update before update or delete on audit_entry for each row execute function audit_refuse_change();`);
    this.addSql(`create trigger audit_entry_no_truncate before truncate on audit_entry for each statement execute function audit_refuse_change();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists audit_entry_no_truncate on audit_entry;`);
    this.addSql(`drop trigger if exists audit_entry_no_update on audit_entry;`);
    this.addSql(`drop function if exists audit_refuse_change();`);
    this.addSql(`drop function if exists audit_verify(varchar);`);
    this.addSql(`drop function if exists audit_append(jsonb);`);
    this.addSql(`drop function if exists audit_canonical(audit_entry);`);
    this.addSql(`drop table if exists "audit_chain_head";`);
  }
}
