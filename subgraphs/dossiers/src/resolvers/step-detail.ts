/** The typed details' fields that are references: the rest are read as recorded. */
export const StepDetail = {
  handedTo: (detail: Record<string, unknown>) =>
    typeof detail.handedTo === 'string' ? { __typename: 'AdministrativeUnit', code: detail.handedTo, asOf: null } : null,
};
