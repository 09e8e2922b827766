import type { EntityManager } from 'typeorm';
import { requireCitizen, type Caller } from '../../../../shared/caller';
import { emailOf, phoneOf } from '../../../../shared/contacts';
import { conflict, notFound } from '../../../../shared/errors';
import type { DeliveryEntity } from '../store/entities/delivery.entity';
import type { NotificationPreferenceEntity } from '../store/entities/notification-preference.entity';
import { deliveryById, requestRetry, savePreference } from '../store/outbox';

/**
 * An official asks for a failed delivery to be tried again; the worker puts it back at the head of
 * its dossier's queue. Row-level security decides whose: a delivery of another unit's dossier is missing.
 */
export async function retryDelivery(manager: EntityManager, deliveryId: string, now: Date): Promise<string> {
  const delivery = await deliveryById(manager, deliveryId);
  if (!delivery) throw notFound(`No delivery has id ${deliveryId}, or it is not one of your unit's dossiers.`, 'input.deliveryId');
  if (delivery.state !== 'FAILED')
    throw conflict(
      `Delivery ${deliveryId} is ${delivery.state === 'SENT' ? 'sent already' : 'still in the queue'}; only a failed delivery is retried.`,
      'input.deliveryId',
    );
  if (!(await requestRetry(manager, deliveryId, now))) throw conflict(`Delivery ${deliveryId} changed meanwhile; reload it.`, 'input.deliveryId');
  return deliveryId;
}

export interface PreferencesInput {
  email?: string | null;
  phone?: string | null;
  byEmail: boolean;
  bySms: boolean;
  byZalo: boolean;
}

/** A citizen's channels and addresses, for every dossier naming their citizen ID; a channel chosen without an address anywhere is kept for the dossiers' own. */
export async function setPreferences(manager: EntityManager, caller: Caller, input: PreferencesInput, now: Date): Promise<string> {
  const { citizenId } = requireCitizen(caller);
  const preference: NotificationPreferenceEntity = {
    citizenId,
    email: emailOf(input.email, 'input.email'),
    phone: phoneOf(input.phone, 'input.phone'),
    byEmail: input.byEmail,
    bySms: input.bySms,
    byZalo: input.byZalo,
    updatedAt: now,
  };
  await savePreference(manager, preference);
  return citizenId;
}

/** Where a dossier's statuses stand with the national portal, from its PORTAL deliveries in history order. */
export function portalSyncOf(deliveries: DeliveryEntity[]) {
  const portal = deliveries.filter((d) => d.channel === 'PORTAL');
  const failed = portal.find((d) => d.state === 'FAILED') ?? null;
  const sent = portal.filter((d) => d.state === 'SENT');
  const pending = portal.filter((d) => d.state === 'PENDING').length;
  return {
    state: failed ? 'FAILED' : pending ? 'PENDING' : sent.length ? 'SENT' : 'NOT_SENT',
    sent: sent.length,
    pending,
    lastSentAt: sent.reduce<Date | null>((last, d) => (!last || (d.sentAt && d.sentAt > last) ? d.sentAt : last), null),
    failure: failed?.lastError ?? null,
    failedDelivery: failed,
  };
}
