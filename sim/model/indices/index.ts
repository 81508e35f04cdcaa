export { dissimilarity } from './dissimilarity.ts';
export { isolation } from './isolation.ts';
export { exposure } from './exposure.ts';
export { theilH, theilHFlat } from './theilH.ts';
export { mutualInformation, mutualInformationFlat } from './mutualInformation.ts';
export { entropy } from './entropy.ts';
