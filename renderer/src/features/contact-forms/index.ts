// What other features use of contact forms.
export { FormReferenceLink } from './FormReferenceLink';
export { YoungPersonContactForms } from './YoungPersonContactForms';
