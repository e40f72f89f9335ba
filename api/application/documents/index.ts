// Application documents: content checks, metadata removal, sealed storage, upload/download routes.
export { documentRoutes, MAX_DOCUMENTS_PER_APPLICATION } from './document.routes';
export { ApplicationDocument } from './document.entity';
export { cleaned, MAX_DOCUMENT_BYTES, sniff, type DocumentType } from './content';
export { DiskDocumentStore, type DocumentStore } from './store';
