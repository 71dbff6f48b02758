// Contact forms' public entry: the home screen lists forms owed and restricted participants.
export { ContactFormAlertPanel } from './ContactFormAlertPanel';
export { OwedFormsPanel } from './OwedFormsPanel';
