// The face of chat/: what other modules may import. Everything else in the folder is private to it.
export * from './chat-texts';
export * from './chat.docs';
export * from './chat.entity';
export * from './chat.resolver';
export * from './chat.service';
export * from './chat.services';
export * from './chat.types';
export * from './language';
export * from './masking';
