import { registerEnumType } from 'type-graphql';

export enum ConsultationChannel {
  IN_PERSON = 'in-person', // 来所
  PHONE = 'phone', // 電話
  EMAIL = 'email', // メール
  HOME_VISIT = 'home-visit', // 訪問
  ONLINE = 'online', // オンライン
  CHAT = 'chat', // チャット
}
registerEnumType(ConsultationChannel, { name: 'ConsultationChannel' });
