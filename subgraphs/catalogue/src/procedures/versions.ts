/** Loader keys are `procedureId@YYYY-MM-DD`. */
export const versionKey = (procedureId: string, date: string) => `${procedureId}@${date}`;
