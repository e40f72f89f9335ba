import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { DepartmentCode } from '../core';
import { Municipality } from './municipality.entity';

@ObjectType({ simpleResolvers: true, description: 'A department (部署・担当課) of one municipality.' })
@Entity()
@Unique({ properties: ['municipality', 'code'] })
export class Department {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Municipality, { fieldName: 'municipality_code' })
  municipality!: Municipality;

  @Field(() => DepartmentCode)
  @Enum({ items: () => DepartmentCode, nativeEnumName: 'department_code' })
  code!: DepartmentCode;

  @Field(() => String)
  @Property({ type: 'string' })
  name!: string;
}
