/** The typed details' fields that are renamed: the rest are read as recorded. */
export const ReceptionDetail = {
  appointmentAt: (detail: Record<string, unknown>) => detail.dueAt ?? null,
  documentCount: (detail: Record<string, unknown>) => (typeof detail.documents === 'number' ? detail.documents : null),
};
