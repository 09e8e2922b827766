/** The typed details' fields that are references: the rest are read as recorded. */
export const HandlerDetail = {
  handler: (detail: Record<string, unknown>) => ({ __typename: 'Official', id: detail.handlerId }),
};
