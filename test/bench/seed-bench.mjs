// Fills a PostgreSQL database with N fictional records (with children, benefits and consultations)
// in a few set-based statements, on top of the demo municipality. Used by run.mjs.
export async function seedBenchRecords(client, count) {
  await client.query(`
    insert into personal_record (id, municipality_code, reference_number, version, owner_department, source, created_at, updated_at,
      identity_family_name, identity_given_name, identity_family_name_kana, identity_given_name_kana, identity_birth_date, search_name,
      address_postal_code, address_prefecture, address_city, address_street, contact_phone, contact_email, contact_contact_allowed,
      income_income_year, income_annual_employment_income, income_other_income, income_child_support_received_yearly,
      concerns_categories, concerns_note, shared_with, privacy_notice_version)
    select gen_random_uuid(), '999999', 'B' || lpad((g / 10000)::text, 3, '0') || '-' || lpad((g % 10000)::text, 4, '0'), 1, 'single-parent', 'staff',
      now() - (g || ' minutes')::interval, now(),
      '性' || g, '名', 'セイ', 'メイ', date '1985-01-01' + (g % 3000), '性' || g || '名|セイメイ',
      '999-0001', 'デモ県', 'デモ市', 'デモ町' || g, '0000-00-' || lpad((g % 10000)::text, 4, '0'), 'f' || g || '@example.jp', true,
      2025, 1500000 + (g % 200) * 10000, 0, case when g % 3 = 0 then 360000 else 0 end,
      case when g % 50 = 0 then array['dv','housing'] else array['work','finances'] end, 'ベンチマーク用の架空データ',
      case when g % 2 = 0 then array['livelihood-support','public-housing'] else array['livelihood-support'] end, 'bench'
    from generate_series(1, ${count}) g`);
  await client.query(`insert into child (id, municipality_code, record_id, position, birth_date, disability)
    select gen_random_uuid(), '999999', r.id, p, date '2012-04-01' + ((p * 700 + length(r.reference_number)) % 4000), false
    from personal_record r cross join generate_series(0, 1) p where r.privacy_notice_version = 'bench'`);
  await client.query(`insert into benefit_in_use (id, municipality_code, record_id, programme_id)
    select gen_random_uuid(), '999999', r.id, b from personal_record r cross join unnest(array['child-allowance','child-rearing-allowance']) b
    where r.privacy_notice_version = 'bench'`);
  await client.query(`insert into consultation (id, municipality_code, record_id, date, department_id, channel, summary, created_at)
    select gen_random_uuid(), '999999', r.id, current_date - 10, d.id, 'phone', '架空の相談記録', now()
    from personal_record r, department d where r.privacy_notice_version = 'bench' and d.municipality_code = '999999' and d.code = 'single-parent'`);
  await client.query('analyze');
}
