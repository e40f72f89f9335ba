import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DepartmentCode } from '../core';
import { MunicipalityRow } from './municipality-row';

@ObjectType({ simpleResolvers: true, description: 'A department (部署・担当課) of one municipality.' })
@Entity()
@Unique({ properties: ['municipality', 'code'] })
export class Department extends MunicipalityRow {
  @Field(() => DepartmentCode)
  @Enum({ items: () => DepartmentCode, nativeEnumName: 'department_code' })
  code!: DepartmentCode;

  @Field(() => String)
  @Property({ type: 'string' })
  name!: string;
}
