import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';

/** Vietnam keeps one offset all year (no daylight saving), so wall time is UTC + 7 h. */
export const VIETNAM_OFFSET_MINUTES = 7 * 60;

/** `2026-03-12T08:30:00.000+07:00`: the instant as an official in Vietnam reads it. */
export function toVietnamIso(instant: Date): string {
  const shifted = new Date(instant.getTime() + VIETNAM_OFFSET_MINUTES * 60_000);
  return `${shifted.toISOString().slice(0, -1)}+07:00`;
}

/** The calendar day of an instant in Vietnam, YYYY-MM-DD. */
export function vietnamDate(instant: Date): string {
  return toVietnamIso(instant).slice(0, 10);
}

/** Instants: parsed and validated by graphql-scalars, written with the Vietnamese offset. */
export const DateTime = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  description: 'An instant, ISO 8601 with offset; stored in UTC and shown in Asia/Ho_Chi_Minh (+07:00).',
  serialize(value) {
    const instant = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(instant.getTime())) throw new TypeError(`DateTime cannot represent ${String(value)}.`);
    return toVietnamIso(instant);
  },
});

/** Calendar dates (`2026-03-12`), no time and no zone. */
export const DateScalar = new GraphQLScalarType({ ...LocalDateResolver.toConfig(), name: 'Date', description: 'A calendar date, YYYY-MM-DD.' });

/** SQL twin of `vietnamDate`: the Vietnam calendar day of a timestamptz expression. */
/** The Vietnam calendar day of an instant as a day number: plain arithmetic on the fixed offset, no time-zone lookup per row. */
export const vietnamDayNumberSql = (instant: string) => `floor((extract(epoch FROM ${instant}) + ${VIETNAM_OFFSET_MINUTES * 60}) / 86400)`;
export const vietnamDaySql = (instant: string) => `(${instant} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
/** SQL: the instant a Vietnam calendar day (a date expression) begins. */
export const vietnamMidnightSql = (date: string) => `(${date})::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`;

export const scalarResolvers = { DateTime, Date: DateScalar };
