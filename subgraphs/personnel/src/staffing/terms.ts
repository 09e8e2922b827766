import type { SecondmentEntity } from '../store/entities/secondment.entity';

/** The last day a secondment covers, or null while open-ended. */
export const lastDay = (s: Pick<SecondmentEntity, 'actualEndDate' | 'plannedEndDate'>) => s.actualEndDate ?? s.plannedEndDate;

/** Whether the secondment covers the day (ISO dates compare as strings). */
export const coversDay = (s: SecondmentEntity, day: string) => s.startDate <= day && (lastDay(s) === null || day <= lastDay(s)!);
