export { dissimilarity } from './dissimilarity.ts';
export { isolation } from './isolation.ts';
export { exposure } from './exposure.ts';
export { theilH } from './theilH.ts';
export { mutualInformation } from './mutualInformation.ts';
export { entropy } from './entropy.ts';
