// Application documents: content checks, metadata removal, sealed storage (disk or S3), upload/download routes.
export { documentRoutes, MAX_DOCUMENTS_PER_APPLICATION } from './document.routes';
export { ApplicationDocument } from './document.entity';
export { cleaned, MAX_DOCUMENT_BYTES, sniff, type DocumentType } from './content';
export { DiskDocumentStore, type DocumentStore } from './store';
export { S3DocumentStore, type S3StoreSettings } from './s3-store';
export { documentStoreFromEnv, DocumentStoreConfigError } from './store-config';
export { documentIdsOfRecord, removeErasedDocuments } from './erasure';
