import { percent } from '../../../../shared/figures';
import type { DigitisationInputs } from '../store/documents';

export const DigitisationStats = {
  digitisedShare: (stats: DigitisationInputs) => percent(stats.receivedDigitised, stats.received),
  electronicResultShare: (stats: DigitisationInputs) => percent(stats.resolvedElectronic, stats.resolved),
  onlinePaymentShare: (stats: DigitisationInputs) => percent(stats.receivedPaidOnline, stats.receivedWithFees),
};
