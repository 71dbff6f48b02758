// What other features use of My young people: the home screen links to it and lists special dates.
export { MyYoungPeopleLink } from './MyYoungPeopleLink';
export { SpecialDatesPanel } from './SpecialDatesPanel';
