import { Field, ObjectType } from 'type-graphql';
import { DepartmentCode } from '../core';
import { StaffRole } from '../core';

@ObjectType({ simpleResolvers: true })
export class LoginResult {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`.' }) token!: string;
  @Field(() => Date) expiresAt!: Date;
}

@ObjectType({ simpleResolvers: true, description: 'Who is signed in.' })
export class Me {
  @Field(() => String) kind!: 'staff' | 'partner';
  @Field(() => String) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) municipalityCode!: string;
  @Field(() => DepartmentCode, { nullable: true }) department!: DepartmentCode | null;
  @Field(() => String, { nullable: true, description: 'The department’s name in Japanese.' }) departmentName!: string | null;
  @Field(() => StaffRole, { nullable: true }) role!: StaffRole | null;
}
