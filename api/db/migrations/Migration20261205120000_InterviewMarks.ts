import { Migration } from '@mikro-orm/migrations';

/** Interviews marked kept or missed by staff (issue 17): who and when, on the booking. */
export class Migration20261205120000_InterviewMarks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "interview_booking" add column "marked_at" timestamptz null, add column "marked_by" uuid null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "interview_booking" drop column "marked_at", drop column "marked_by";`);
  }
}
