import { badInput } from '../../../../shared/errors';

const MAX_SEARCH_LENGTH = 200;

/** The words of a search; each must appear in the accent-folded code or name. */
export function searchWords(search: string): string[] {
  if (search.length > MAX_SEARCH_LENGTH)
    throw badInput('filter.search', `Search text is limited to ${MAX_SEARCH_LENGTH} characters; got ${search.length}.`);
  return search.split(/\s+/).filter(Boolean);
}
