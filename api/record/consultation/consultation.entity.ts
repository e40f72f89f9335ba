import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Department } from '../../municipality';
import { StaffMember } from '../../staff';
import { ConsultationChannel } from './consultation-channel';
import { LocalDate } from '../../core';
import { RecordRow } from '../record-row';

/** 相談対応履歴: one consultation with the family. */
@ObjectType({ simpleResolvers: true, description: 'One consultation (相談対応履歴) with the family.' })
@Entity()
@Index({ properties: ['record', 'date'] })
@Index({ properties: ['municipality', 'date'] })
export class Consultation extends RecordRow {
  @Field(() => LocalDate)
  @Property({ type: 'date' })
  date!: string;

  @ManyToOne(() => Department)
  department!: Department;

  @ManyToOne(() => StaffMember, { nullable: true })
  staffMember?: StaffMember | null;

  @Field(() => ConsultationChannel)
  @Enum({ items: () => ConsultationChannel })
  channel!: ConsultationChannel;

  @Field(() => String)
  @Property({ type: 'text' })
  summary!: string;

  @Field(() => String, { nullable: true, description: 'What happens next (フォローアップ).' })
  @Property({ type: 'text', nullable: true })
  followUp?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When to follow up.' })
  @Property({ type: 'date', nullable: true })
  followUpDue?: string | null;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
