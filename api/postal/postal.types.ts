import { Field, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'One municipality and town a postal code covers.' })
export class PostalPlace {
  @Field(() => String, { description: '全国地方公共団体コード (6 digits, with the check digit).' }) municipalityCode!: string;
  @Field(() => String, { description: '都道府県, e.g. 東京都.' }) prefecture!: string;
  @Field(() => String, { description: '市区町村 (with 郡 or 政令市, as Japan Post writes it), e.g. 千代田区, 札幌市北区.' }) city!: string;
  @Field(() => String, { nullable: true, description: '町域, e.g. 千代田; null when Japan Post gives none.' }) town!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'What a postal code tells about an address (Japan Post data, see seeds/postal/README.md). A field is null when the code covers several values of it.',
})
export class PostalAddress {
  @Field(() => String, { description: 'Normalised, e.g. 100-0001.' }) postalCode!: string;
  @Field(() => String, { nullable: true, description: 'null only for the few codes that cross a prefecture border.' }) prefecture!: string | null;
  @Field(() => String, { nullable: true, description: 'null when the code covers several municipalities.' }) city!: string | null;
  @Field(() => String, { nullable: true, description: 'Six digits; null when the code covers several municipalities.' }) municipalityCode!: string | null;
  @Field(() => String, { nullable: true, description: 'null when the code covers several towns, or none is given.' }) town!: string | null;
  @Field(() => [PostalPlace], { description: 'Every municipality and town the code covers (one, mostly).' }) places!: PostalPlace[];
}
