import type { DocumentEntity } from '../store/entities/document.entity';

export const Document = {
  /** Where the gateway serves the file, to whoever may read it (the same check as this API's). */
  downloadPath: (document: DocumentEntity) => `/documents/${document.id}`,
};
