// What other features use of contact forms: the home screen lists forms owed and restricted
// participants; alerts and a young person's page link to forms; My young people starts one prefilled.
export { ContactFormAlertPanel } from './ContactFormAlertPanel';
export { FormReferenceLink } from './FormReferenceLink';
export { recordContactHref } from './contact-form-links';
export { OwedFormsPanel } from './OwedFormsPanel';
export { YoungPersonContactForms } from './YoungPersonContactForms';
