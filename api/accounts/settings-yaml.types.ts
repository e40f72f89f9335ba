import { Field, InputType, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true })
export class MunicipalitySettingChange {
  @Field(() => String) path!: string;
  @Field(() => String, { nullable: true }) before!: string | null;
  @Field(() => String, { nullable: true }) after!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class MunicipalitySettingsImport {
  @Field(() => [MunicipalitySettingChange]) changes!: MunicipalitySettingChange[];
  @Field(() => Boolean) applied!: boolean;
}

@InputType()
export class ImportMunicipalitySettingsInput {
  @Field(() => String) yaml!: string;
  @Field(() => Boolean, { defaultValue: false }) apply!: boolean;
}
