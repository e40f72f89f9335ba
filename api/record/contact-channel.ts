import { registerEnumType } from 'type-graphql';

export enum ContactChannel {
  PHONE = 'phone',
  EMAIL = 'email',
  LETTER = 'letter',
}
registerEnumType(ContactChannel, { name: 'ContactChannel' });
