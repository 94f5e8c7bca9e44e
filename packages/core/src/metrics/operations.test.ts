import { describe, expect, it } from 'vitest';
import { MetricInputError } from './histogram.js';
import {
  computeAverageHandlingTime,
  computeChurnRate,
  computeFirstContactResolution,
} from './operations.js';

describe('computeChurnRate', () => {
  it('gives 45.92% for 45 lost of 98 at the start', () => {
    expect(computeChurnRate({ customersAtStart: 98, customersLost: 45 })).toBeCloseTo(45.92, 2);
  });
  it('is undefined (null) with no customers at the start', () => {
    expect(computeChurnRate({ customersAtStart: 0, customersLost: 0 })).toBeNull();
  });
  it('refuses more lost than at the start (new customers are not in the denominator)', () => {
    expect(() => computeChurnRate({ customersAtStart: 10, customersLost: 11 })).toThrow(
      MetricInputError,
    );
  });
});

describe('computeAverageHandlingTime', () => {
  it('gives 8.125 min for (5,000 + 500 + 1,000) min over 800 handled contacts', () => {
    expect(
      computeAverageHandlingTime({
        talkTime: 5000,
        holdTime: 500,
        afterContactWorkTime: 1000,
        contactsHandled: 800,
      }),
    ).toBe(8.125);
  });
  it('is null with no contacts handled and throws on a negative time', () => {
    const none = { talkTime: 0, holdTime: 0, afterContactWorkTime: 0, contactsHandled: 0 };
    expect(computeAverageHandlingTime(none)).toBeNull();
    expect(() => computeAverageHandlingTime({ ...none, holdTime: -1 })).toThrow(MetricInputError);
  });
});

describe('computeFirstContactResolution', () => {
  it('gives 75% for 600 of 800 resolved at the first contact', () => {
    expect(computeFirstContactResolution({ resolvedAtFirstContact: 600, contacts: 800 })).toBe(75);
  });
  it('is null with no contacts and throws when more are resolved than handled', () => {
    expect(computeFirstContactResolution({ resolvedAtFirstContact: 0, contacts: 0 })).toBeNull();
    expect(() => computeFirstContactResolution({ resolvedAtFirstContact: 2, contacts: 1 })).toThrow(
      MetricInputError,
    );
  });
});
