import { serviceIndex } from '../src/indicators/service-index';

describe("Decision 766's sub-indicators for a unit and month", () => {
  it('computes each rate of a hand-built month to 2 decimals', () => {
    // 300 received, 97 online; 240 resolved: 131 early, 92 on time, 17 late; 150 ratings, 127 satisfied;
    // 9 petitions due, 7 answered in time; 11 resolved dossiers disliked or complained about.
    // 251 digitised; 120 received for fully online procedures, 61 of them online; 90 partly online, 36 online; 203 electronic results;
    // 64 received with something to pay, 23 of them paid online.
    const index = serviceIndex({
      received: 300,
      receivedOnline: 97,
      resolved: 240,
      resolvedEarly: 131,
      resolvedOnTime: 92,
      resolvedLate: 17,
      receivedDigitised: 251,
      receivedFull: 120,
      receivedFullOnline: 61,
      receivedPartial: 90,
      receivedPartialOnline: 36,
      resolvedElectronic: 203,
      receivedWithFees: 64,
      receivedPaidOnline: 23,
      ratings: 150,
      satisfied: 127,
      petitionsDue: 9,
      petitionsInTime: 7,
      dossiersDislikedOrComplained: 11,
    });
    expect(index).toMatchObject({
      progressRate: 92.92, // 223 / 240
      onlineDossierRate: 32.33, // 97 / 300
      satisfactionRate: 84.67, // 127 / 150
      petitionsInTimeRate: 77.78, // 7 / 9
      procedureSatisfaction: 88.33, // 100 − (7.08 + 4.58)
      digitisedDossierRate: 83.67, // 251 / 300
      onlineDossierRateFull: 50.83, // 61 / 120
      onlineDossierRatePartial: 40, // 36 / 90
      electronicResultRate: 84.58, // 203 / 240
      onlinePaymentRate: 35.94, // 23 / 64
    });
  });

  it('reports N/A, not 0 or 100, where nothing was there to count', () => {
    const index = serviceIndex({
      received: 12,
      receivedOnline: 0,
      resolved: 0,
      resolvedEarly: 0,
      resolvedOnTime: 0,
      resolvedLate: 0,
      receivedDigitised: 0,
      receivedFull: 0,
      receivedFullOnline: 0,
      receivedPartial: 12,
      receivedPartialOnline: 0,
      resolvedElectronic: 0,
      receivedWithFees: 0,
      receivedPaidOnline: 0,
      ratings: 0,
      satisfied: 0,
      petitionsDue: 0,
      petitionsInTime: 0,
      dossiersDislikedOrComplained: 0,
    });
    expect(index).toMatchObject({
      progressRate: null,
      onlineDossierRate: 0,
      digitisedDossierRate: 0,
      onlineDossierRateFull: null,
      onlineDossierRatePartial: 0,
      electronicResultRate: null,
      onlinePaymentRate: null,
      satisfactionRate: null,
      petitionsInTimeRate: null,
      procedureSatisfaction: null,
    });
  });
});
