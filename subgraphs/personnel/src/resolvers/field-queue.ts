/** How many wait for a field. */
export const FieldQueue = {
  field: (row: { fieldCode: string }) => ({ __typename: 'Field', code: row.fieldCode }),
  waiting: (row: { count: number }) => row.count,
};
