import { MetricInputError } from './histogram.js';

function assertCount(value: number, name: string, metric: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new MetricInputError(`${metric}: ${name} must be a non-negative integer, got ${value}`);
  }
}

/**
 * Churn rate: `customers lost in the period / customers at its start × 100`. Customers won
 * during the period stay out of the denominator. No customers at the start → null.
 * @example computeChurnRate({ customersAtStart: 98, customersLost: 45 }) // 45.92
 */
export function computeChurnRate(input: {
  readonly customersAtStart: number;
  readonly customersLost: number;
}): number | null {
  assertCount(input.customersAtStart, 'customersAtStart', 'churn');
  assertCount(input.customersLost, 'customersLost', 'churn');
  if (input.customersLost > input.customersAtStart) {
    throw new MetricInputError(
      'churn: more customers lost than at the start (customers won in the period do not count)',
    );
  }
  if (input.customersAtStart === 0) return null;
  return (100 * input.customersLost) / input.customersAtStart;
}

/**
 * Average handling time: `(talk + hold + after-contact work) / contacts handled`, in the unit
 * of the times given. Abandoned contacts are not handled and are not in the denominator (nor
 * is their time in the numerator). No contacts handled → null.
 * @example computeAverageHandlingTime({ talkTime: 5000, holdTime: 500, afterContactWorkTime: 1000, contactsHandled: 800 }) // 8.125
 */
export function computeAverageHandlingTime(input: {
  readonly talkTime: number;
  readonly holdTime: number;
  readonly afterContactWorkTime: number;
  readonly contactsHandled: number;
}): number | null {
  for (const key of ['talkTime', 'holdTime', 'afterContactWorkTime'] as const) {
    if (!(input[key] >= 0) || !Number.isFinite(input[key])) {
      throw new MetricInputError(`AHT: ${key} must be a finite time ≥ 0, got ${input[key]}`);
    }
  }
  assertCount(input.contactsHandled, 'contactsHandled', 'AHT');
  if (input.contactsHandled === 0) return null;
  return (input.talkTime + input.holdTime + input.afterContactWorkTime) / input.contactsHandled;
}

/**
 * First-contact resolution: `contacts resolved at the first contact / contacts × 100`. A true
 * FCR counts a contact as resolved only if the same customer does not come back about the same
 * issue within N days; the caller links repeats (a bare "resolved" flag is a resolution rate).
 * No contacts → null.
 * @example computeFirstContactResolution({ resolvedAtFirstContact: 600, contacts: 800 }) // 75
 */
export function computeFirstContactResolution(input: {
  readonly resolvedAtFirstContact: number;
  readonly contacts: number;
}): number | null {
  assertCount(input.resolvedAtFirstContact, 'resolvedAtFirstContact', 'FCR');
  assertCount(input.contacts, 'contacts', 'FCR');
  if (input.resolvedAtFirstContact > input.contacts) {
    throw new MetricInputError('FCR: more contacts resolved than contacts');
  }
  if (input.contacts === 0) return null;
  return (100 * input.resolvedAtFirstContact) / input.contacts;
}
