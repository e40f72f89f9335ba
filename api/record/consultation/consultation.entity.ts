import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { Department } from '../../municipality';
import { Municipality } from '../../municipality';
import { PersonalRecord } from '../personal-record.entity';
import { StaffMember } from '../../staff';
import { ConsultationChannel } from './consultation-channel';
import { LocalDate } from '../../core';

/** 相談対応履歴: one consultation with the family. */
@ObjectType({ simpleResolvers: true, description: 'One consultation (相談対応履歴) with the family.' })
@Entity()
@Index({ properties: ['record', 'date'] })
@Index({ properties: ['municipality', 'date'] })
export class Consultation {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Municipality, { fieldName: 'municipality_code' })
  municipality!: Municipality;

  @ManyToOne(() => PersonalRecord, { deleteRule: 'cascade' })
  record!: PersonalRecord;

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
