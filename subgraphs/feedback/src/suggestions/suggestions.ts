import { contact, personName } from '../../../../shared/people';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../../../../shared/caller';
import { callerOwns } from '../../../../shared/db';
import { badInput, codedError, conflict, notFound } from '../../../../shared/errors';
import { parseId } from '../../../../shared/ids';
import type { Peers } from '../../../../shared/peers';
import { unitPath } from '../peers';
import { insertSuggestion, updateSuggestionAnswer, suggestionById } from '../store/suggestions';

export interface NewSuggestion {
  unitCode: string;
  content: string;
  authorName?: string | null;
  authorContact?: string | null;
}

/** Hòm thư góp ý: anonymous or named, addressed to a unit. */
export async function submitSuggestion(manager: EntityManager, peers: Peers, input: NewSuggestion, now: Date): Promise<string> {
  const content = input.content.trim();
  if (!content || content.length > 4000) throw badInput('input.content', 'A suggestion is 1 to 4,000 characters.');
  const ownerPath = await unitPath(peers, input.unitCode, 'input.unitCode');
  const id = randomUUID();
  const authorName = input.authorName?.trim() ? personName(input.authorName, 'input.authorName', 'The author’s name') : null;
  await insertSuggestion(manager, {
    id,
    unitCode: input.unitCode,
    content,
    authorName,
    authorContact: contact(input.authorContact, 'input.authorContact'),
    status: 'OPEN',
    answer: null,
    submittedAt: now,
    answeredAt: null,
    ownerPath,
  });
  return id;
}

/** The addressed unit answers an open suggestion, or closes it (with or without an answer). */
export async function settleSuggestion(
  manager: EntityManager,
  caller: Caller,
  input: { suggestionId: string; answer?: string | null },
  close: boolean,
  now: Date,
): Promise<string> {
  const suggestion = await suggestionById(manager, parseId(input.suggestionId, 'input.suggestionId'));
  if (!suggestion) throw notFound(`No suggestion has id ${input.suggestionId}.`, 'input.suggestionId');
  if (!(await callerOwns(manager, suggestion.ownerPath))) {
    const refusal = `This suggestion is addressed to unit ${suggestion.ownerPath}; your unit ${caller.unit} may not answer it.`;
    throw codedError('FORBIDDEN', refusal, 'input.suggestionId');
  }
  if (suggestion.status === 'CLOSED' || (!close && suggestion.status === 'ANSWERED')) {
    throw conflict(`The suggestion is already ${suggestion.status}.`, 'input.suggestionId');
  }
  const answer = input.answer?.trim() || null;
  if (!close && !answer) throw badInput('input.answer', 'Give the answer.');
  await updateSuggestionAnswer(manager, suggestion.id, {
    status: close ? 'CLOSED' : 'ANSWERED',
    answer: answer ?? suggestion.answer,
    answeredAt: answer ? now : suggestion.answeredAt,
  });
  return suggestion.id;
}
