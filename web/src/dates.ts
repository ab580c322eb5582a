/** A day in the reader's locale ("Jan 31, 2030" in English): the console's way to show a date. */
export const formatDate = (iso: string) => new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** The full moment, for a tooltip beside a date. */
export const formatMoment = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
