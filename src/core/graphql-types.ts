import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';

/** Calendar date without time zone, "2026-01-01" (PostgreSQL `date`). */
export const LocalDate = LocalDateResolver;
/** Point in time, ISO 8601 with offset (PostgreSQL `timestamptz`). */
export const DateTime = DateTimeISOResolver;
