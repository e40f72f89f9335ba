import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MunicipalitySettingChange } from './settings-yaml.types';

@ObjectType({ simpleResolvers: true })
export class ProgrammeText {
  @Field(() => String) ja!: string;
  @Field(() => String) en!: string;
  @Field(() => String) jaEasy!: string;
}

@ObjectType({ simpleResolvers: true })
export class ProgrammeAmountSetting {
  @Field(() => String) key!: string;
  @Field(() => Int) value!: number;
  @Field(() => Int) fileValue!: number;
}

@ObjectType({ simpleResolvers: true })
export class ProgrammeSetting {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) level!: string;
  @Field(() => Boolean) enabled!: boolean;
  @Field(() => ProgrammeText) contact!: ProgrammeText;
  @Field(() => [ProgrammeAmountSetting]) amounts!: ProgrammeAmountSetting[];
  @Field(() => [String]) changedHere!: string[];
}

@ObjectType({ simpleResolvers: true })
export class ProgrammeSettingsView {
  @Field(() => Int) version!: number;
  @Field(() => [ProgrammeSetting]) programmes!: ProgrammeSetting[];
}

@ObjectType({ simpleResolvers: true })
export class ProgrammeSettingsResult {
  @Field(() => Boolean) applied!: boolean;
  @Field(() => [MunicipalitySettingChange]) changes!: MunicipalitySettingChange[];
  @Field(() => ProgrammeSettingsView) settings!: ProgrammeSettingsView;
}

@InputType()
export class ProgrammeTextInput {
  @Field(() => String) ja!: string;
  @Field(() => String) en!: string;
  @Field(() => String) jaEasy!: string;
}

@InputType()
export class ProgrammeAmountInput {
  @Field(() => String) key!: string;
  @Field(() => Int) value!: number;
}

@InputType()
export class ProgrammeChangeInput {
  @Field(() => String) programmeId!: string;
  @Field(() => Boolean, { nullable: true }) enabled?: boolean | null;
  @Field(() => ProgrammeTextInput, { nullable: true }) contact?: ProgrammeTextInput | null;
  @Field(() => [ProgrammeAmountInput], { nullable: true }) amounts?: ProgrammeAmountInput[] | null;
}

@InputType()
export class ProgrammeSettingsInput {
  @Field(() => String) municipalityCode!: string;
  @Field(() => Int) version!: number;
  @Field(() => [ProgrammeChangeInput]) programmes!: ProgrammeChangeInput[];
  @Field(() => Boolean, { defaultValue: false }) apply!: boolean;
}
